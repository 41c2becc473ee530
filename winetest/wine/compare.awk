# Compares the two runs of Wine's ws2_32 tests and checks ws2host's against
# the expectations file.
#
# awk -v action=check|update -v env_names=0|1 -v logs=DIR -f compare.awk \
#     UNITS RESULTS-builtin RESULTS-ws2host EXPECTED
#
# check:  prints the table (per file and function, builtin and ws2host side
#         by side) and every difference between ws2host's failures and the
#         expectations; exits 1 if there is one.
# update: prints the expectations file for ws2host's run, keeping the
#         reasons (and flaky entries) of the old one; a new entry that
#         builtin fails too says so.
# env_names=1: the tests' outside names did not resolve to loopback, so the
# functions that look them up fail in both modes for want of a network;
# their entries are neither checked nor rewritten.
#
# The expectations file, one entry a line, "#" starts a comment:
#   FUNCTION FILE:LINE [REASON]   ws2host fails an assertion on that line
#   FUNCTION FILE:crash [REASON]  the function's process crashes (or :hang)
#   FUNCTION FILE:* REASON        the reason of that function's entries
#                                 that give none
# A reason starting with "flaky" lets the entry both fail and pass.
#
# Copyright 2026 the ws2host authors
# SPDX-License-Identifier: LGPL-2.1-or-later

FNR == 1 { input++ }
{ sub(/\r$/, "") }

input == 1 {                    # units: "FILE FUNCTION [names]"
    key = $1 ".c" SUBSEP $2
    order[++units] = key
    names[key] = ($3 == "names")
    next
}
input == 2 || input == 3 {      # results (summarize.awk)
    mode = $4
    key = $2 SUBSEP $3
    if ($1 == "unit") {
        ran[mode, key] = 1
        for (i = 5; i <= 11; i++) stat[mode, key, i] = $i
        if ($10 != "ok") failing[mode, $3 SUBSEP $2 ":" $10] = 1
        if (mode == "ws2host" && $10 != "ok") seen[$3 SUBSEP $2 ":" $10] = 1
    } else if ($1 == "fail") {
        failing[mode, $3 SUBSEP $2 ":" $5] = 1
        if (mode == "ws2host") seen[$3 SUBSEP $2 ":" $5] = $6
    }
    next
}
input == 4 {                    # the expectations
    if ($0 ~ /^[ \t]*#/ || NF == 0) {
        if (!entries) header = header $0 "\n"
        next
    }
    entries++
    reason = $0
    sub(/^[ \t]*[^ \t]+[ \t]+[^ \t]+[ \t]*/, "", reason)
    if ($2 ~ /:\*$/) {
        file = $2; sub(/:\*$/, "", file)
        why[file, $1] = reason
    } else {
        expect[$1 SUBSEP $2] = reason
        expected_list[++expected_count] = $1 SUBSEP $2
    }
}

END {
    if (action == "update") update(); else check()
}

# The file and function of an entry key "FUNC\034FILE:WHAT".
function entry_unit(k,    p, f) {
    split(k, p, SUBSEP)
    f = p[2]; sub(/:[^:]*$/, "", f)
    return f SUBSEP p[1]
}
function entry_what(k,    p) {
    split(k, p, SUBSEP)
    sub(/^[^:]*:/, "", p[2])
    return p[2]
}
function reason_of(k,    u) {
    if (expect[k] != "") return expect[k]
    u = entry_unit(k)
    return why[u]
}
function skipped_env(u) { return env_names && names[u] }

function row(label, mode, u,    i, s) {
    if (!ran[mode, u]) return sprintf("%7s %6s %4s %4s %5s %-6s", "-", "-", "-", "-", "-", "-")
    s = stat[mode, u, 10]
    if (skipped_env(u)) s = s "*"
    return sprintf("%7d %6d %4d %4d %5d %-6s", stat[mode, u, 5], stat[mode, u, 7], stat[mode, u, 6],
                   stat[mode, u, 8], stat[mode, u, 9], s)
}
function add(mode, u, tag,    i) {
    if (!ran[mode, u]) return
    for (i = 5; i <= 9; i++) total[tag, mode, i] += stat[mode, u, i]
    if (stat[mode, u, 10] == "crash") total[tag, mode, "crash"]++
    if (stat[mode, u, 10] == "hang") total[tag, mode, "hang"]++
}
function total_row(tag, mode) {
    return sprintf("%7d %6d %4d %4d %5d %dc %dh", total[tag, mode, 5], total[tag, mode, 7], total[tag, mode, 6],
                   total[tag, mode, 8], total[tag, mode, 9], total[tag, mode, "crash"], total[tag, mode, "hang"])
}

function check(    i, u, p, file, last, k, bad, files, nf, n, what, head) {
    head = sprintf("%-31s %-33s | %s", "", "builtin", "ws2host")
    for (i = 1; i <= units; i++) {
        u = order[i]; split(u, p, SUBSEP); file = p[1]
        if (file != last) {
            if (last != "") print_total(last)
            files[++nf] = file; last = file
            print ""
            printf "%-31s %7s %6s %4s %4s %5s %-6s | %7s %6s %4s %4s %5s %s\n", file, "exec", "fail", "todo",
                   "skip", "tpass", "out", "exec", "fail", "todo", "skip", "tpass", "out"
        }
        add("builtin", u, file); add("ws2host", u, file)
        add("builtin", u, "all"); add("ws2host", u, "all")
        printf "  %-29s %s | %s\n", p[2], row("", "builtin", u), row("", "ws2host", u)
    }
    if (last != "") print_total(last)
    print ""
    printf "%-31s %s | %s\n", "all files", total_row("all", "builtin"), total_row("all", "ws2host")
    print "exec: assertions run; fail: failed; todo: todo_wine assertions that failed as"
    print "expected; skip: skips; tpass: todo_wine assertions that passed (Windows' behaviour"
    print "where Wine's builtin has none); out: ok, crash or hang; c/h: crashes, hangs."
    if (env_names)
        print "*: looks up outside names, which did not resolve to loopback here: not checked."

    # ws2host against the expectations.
    print ""
    for (k in seen) {
        u = entry_unit(k)
        if (skipped_env(u) || k in expect) continue
        split(k, p, SUBSEP); split(u, q, SUBSEP)
        what = entry_what(k)
        if (what == "crash" || what == "hang")
            printf "NEW: %s %s: %ss through ws2host\n", q[1], q[2], what
        else
            printf "NEW: %s %s: %s failed %d times\n", q[1], q[2], p[2], seen[k]
        bad[q[1]]++
    }
    for (n = 1; n <= expected_count; n++) {
        k = expected_list[n]
        u = entry_unit(k)
        if (!ran["ws2host", u] || skipped_env(u) || k in seen) continue
        if (reason_of(k) ~ /^flaky/) continue
        what = entry_what(k)
        # Lines after a crash or hang did not run: they neither fail nor pass.
        if (what != "crash" && what != "hang" && stat["ws2host", u, 10] != "ok") continue
        split(k, p, SUBSEP); split(u, q, SUBSEP)
        printf "PASSES: %s %s: %s is listed (%s) but passed: remove it\n", q[1], q[2], p[2], reason_of(k)
        bad[q[1]]++
    }
    for (i = 1; i <= nf; i++) {
        if (bad[files[i]]) failed_files++; else passed_files++
        if (bad[files[i]]) printf "%s: %d differences from the expectations (logs: %s)\n", files[i], bad[files[i]], logs
    }
    if (!expected_count) print "no expectations file for this Wine version: every ws2host failure is new"
    printf "wine-tests: %d passed, %d failed\n", passed_files, failed_files
    exit failed_files != 0
}
function print_total(file) {
    printf "  %-29s %s | %s\n", "total", total_row(file, "builtin"), total_row(file, "ws2host")
}

# Entries sort by file, then function in START_TEST's order, then crash and
# hang, then line number.
function update(    i, u, p, k, n, list, count, j, t, what, r, keep, builtin_too) {
    builtin_too = "fails the same under Wine's builtin here (measured)"
    if (header == "") header = "# Wine's ws2_32 tests through ws2host: what still fails, and why.\n" \
        "# Format: see winetest/wine/compare.awk. Regenerate: tools/wine-tests --update-expected\n"
    sub(/\n+$/, "\n", header)
    printf "%s", header
    for (i = 1; i <= units; i++) {
        u = order[i]; split(u, p, SUBSEP)
        count = 0
        # The entries of this function: ws2host's run where it is trusted,
        # else the old file's.
        keep = !ran["ws2host", u] || skipped_env(u)
        for (n = 1; n <= expected_count; n++) {
            k = expected_list[n]
            if (entry_unit(k) != u) continue
            if (keep || (reason_of(k) ~ /^flaky/ && !(k in seen))) list[++count] = k
        }
        if (!keep)
            for (k in seen)
                if (entry_unit(k) == u) list[++count] = k
        if (!count) continue
        for (j = 2; j <= count; j++)            # insertion sort
            for (t = j; t > 1 && sort_key(list[t]) < sort_key(list[t - 1]); t--) {
                k = list[t]; list[t] = list[t - 1]; list[t - 1] = k
            }
        print ""
        if (why[u] != "") printf "%s %s:* %s\n", p[2], p[1], why[u]
        for (j = 1; j <= count; j++) {
            k = list[j]
            r = expect[k]
            if (r == "" && ("builtin", k) in failing) r = builtin_too
            if (r == why[u]) r = ""
            if (r == "" && why[u] == "") r = "UNEXPLAINED: give the reason"
            printf "%s %s%s\n", p[2], p[1] ":" entry_what(k), r == "" ? "" : " " r
        }
        delete list
    }
}
function sort_key(k,    w) {
    w = entry_what(k)
    if (w == "crash") return "0"
    if (w == "hang") return "1"
    return sprintf("2%08d", w)
}
