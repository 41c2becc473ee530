# Turns the runner's collected lines into the `make bench` tables:
#     result IMPL ROUND NAME VALUE UNIT     one measurement of one round
#     requests IMPL PHASE PER_OP NAME=PER_OP ...   from count-requests.awk
# prints the median of each measurement per implementation, the ratios
# ws2host/builtin and ws2host/linux, the project's targets, and the
# wineserver requests per operation.
#
# Copyright 2026 the ws2host authors
# SPDX-License-Identifier: LGPL-2.1-or-later

function remember(list, item, count_name) {
    if (!(item in list)) { list[item] = ++counts[count_name]; ordered[count_name, counts[count_name]] = item }
}

function median(impl, name,    n, i, j, v, sorted) {
    n = samples[impl, name]
    if (!n) return ""
    for (i = 1; i <= n; i++) sorted[i] = value[impl, name, i]
    for (i = 2; i <= n; i++)            # insertion sort: a handful of rounds
        for (j = i; j > 1 && sorted[j - 1] > sorted[j]; j--) { v = sorted[j]; sorted[j] = sorted[j - 1]; sorted[j - 1] = v }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
}

function number(x) { return x == "" ? "-" : x >= 1000 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : sprintf("%.2f", x) }

function ratio(a, b) { return a == "" || b == "" || b == 0 ? "-" : sprintf("%.2f", a / b) }

$1 == "result" {
    impl = $2; name = $4
    remember(metric_seen, name, "metric")
    unit[name] = $6
    value[impl, name, ++samples[impl, name]] = $5
    if ($3 > rounds) rounds = $3
    next
}

$1 == "requests" {
    remember(phase_seen, $3, "phase")
    per_op[$2, $3] = $4
    detail = ""
    for (i = 5; i <= NF; i++) { sub(/=/, " ", $i); detail = detail (i > 5 ? ", " : "") $i }
    which[$2, $3] = detail
    next
}

function print_medians(    i, name, b, w, l) {
    printf "%-32s %-8s %10s %10s %10s %9s %9s\n", "median of " rounds " rounds", "unit", "builtin", "ws2host", "linux", "ws2h/bltn", "ws2h/linux"
    for (i = 1; i <= counts["metric"]; i++) {
        name = ordered["metric", i]
        b = median("builtin", name); w = median("ws2host", name); l = median("linux", name)
        med[name, "builtin"] = b; med[name, "ws2host"] = w; med[name, "linux"] = l
        # A share in percent is read as it stands, not as a ratio.
        if (unit[name] == "%") printf "%-32s %-8s %10s %10s %10s %9s %9s\n", name, unit[name], number(b), number(w), number(l), "-", "-"
        else printf "%-32s %-8s %10s %10s %10s %9s %9s\n", name, unit[name], number(b), number(w), number(l), ratio(w, b), ratio(w, l)
    }
}

# A target: ws2host's median against `factor` times another's, `sense`
# "<=" (lower is better) or ">=" (higher is better).
function target(name, sense, factor, other,    w, o, r, met) {
    if (!(name in unit)) return        # a quick run (BENCH_ONLY) without this row
    w = med[name, "ws2host"]; o = med[name, other]
    if (w == "" || o == "" || o == 0) { printf "%-52s %8s  %s\n", name " ws2host " sense " " factor " x " other, "-", "not measured"; return }
    r = w / o
    met = sense == "<=" ? r <= factor : r >= factor
    printf "%-52s %8.2f  %s\n", name " ws2host " sense " " factor " x " other, r, met ? "yes" : "NO"
}

function print_targets() {
    printf "\n%-52s %8s  %s\n", "target", "ratio", "met"
    # Issue 9 (every socket a Wine socket object)
    target("create_close_tcp", "<=", "1.05", "builtin")
    target("ping_pong", "<=", "0.15", "builtin")
    target("accept_rate", ">=", "1.20", "builtin")
    # Issue 11 (overlapped I/O; the Go HTTP rate is bench/go-http-rate's)
    target("iocp_ping_pong", "<=", "0.35", "builtin")
    target("acceptex_rate", ">=", "1.50", "builtin")
    # Issue 12 (readiness)
    target("select_65", "<=", "1.00", "builtin")
    target("eventselect_server", "<=", "0.50", "builtin")
    target("wsapoll_server", "<=", "0.50", "builtin")
}

function print_requests(    i, phase, impl, k) {
    if (!counts["phase"]) return
    printf "\n%-36s %8s %8s\n", "wineserver requests per operation", "builtin", "ws2host"
    for (i = 1; i <= counts["phase"]; i++) {
        phase = ordered["phase", i]
        printf "%-36s %8s %8s\n", phase, per_op["builtin", phase] == "" ? "-" : per_op["builtin", phase], per_op["ws2host", phase] == "" ? "-" : per_op["ws2host", phase]
    }
    split("builtin ws2host", impls, " ")
    for (k = 1; k <= 2; k++) {
        impl = impls[k]
        printf "\n%s requests by name, per operation:\n", impl
        for (i = 1; i <= counts["phase"]; i++) {
            phase = ordered["phase", i]
            if ((impl, phase) in which) printf "  %-34s %s\n", phase, which[impl, phase] == "" ? "(none)" : which[impl, phase]
        }
    }
}

END {
    print_medians()
    print_targets()
    print_requests()
}
