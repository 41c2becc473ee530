# Reads one test function's log (Wine's test output, \r removed) and writes
#   unit FILE FUNC MODE EXECUTED TODO FAILED SKIPPED TODOPASS OUTCOME SECONDS
#   fail FILE FUNC MODE LINE COUNT        one per failing file:line
#   todopass FILE FUNC MODE LINE COUNT    one per todo_wine line that passes
# OUTCOME is ok, crash (the process ended without its closing line, or
# with an exit status that line does not explain) or hang (time limit).
# Variables: file, func, mode, status (exit status), seconds.
#
# Copyright 2026 the ws2host authors
# SPDX-License-Identifier: LGPL-2.1-or-later

# "sock.c:1234: Test failed: ..." (failures in helpers name their file).
match($0, /^[A-Za-z0-9_]+\.c:[0-9]+: Test failed/) {
    failed++
    fails[substr($0, 1, index($0, ": ") - 1)]++
    next
}
match($0, /^[A-Za-z0-9_]+\.c:[0-9]+: Test succeeded inside todo block/) {
    todopass++
    passes[substr($0, 1, index($0, ": ") - 1)]++
    next
}
# "0123:sock: 42 tests executed (3 marked as todo, 0 as flaky, 1 failure), 0 skipped."
/^[0-9a-f]+:[a-z_]+: [0-9]+ tests executed \(/ {
    line = $0
    sub(/^[^ ]* /, "", line)
    gsub(/[(),.]/, "", line)
    split(line, n, " ")
    executed += n[1]; todo += n[4]; skipped += n[13]
    last_failures = n[11]
    summaries++
}
END {
    if (status == 124 || status == 137)
        outcome = "hang"
    else if (summaries && status == (last_failures > 255 ? 255 : last_failures))
        outcome = "ok"
    else
        outcome = "crash"
    printf "unit %s %s %s %d %d %d %d %d %s %d\n", file, func, mode, executed, todo, failed, skipped, todopass, outcome, seconds
    for (where in fails) print_where("fail", where, fails[where])
    for (where in passes) print_where("todopass", where, passes[where])
}
function print_where(kind, where, count) {
    split(where, w, ":")
    printf "%s %s %s %s %s %d\n", kind, w[1], func, mode, w[2], count
}
