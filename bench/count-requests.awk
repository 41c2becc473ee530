# Counts wineserver requests per operation in a WINEDEBUG=+server trace of
# `ws2host-bench.exe roundtrips K`. Run it with the trace named twice:
#     awk -v count=K -v impl=NAME -f count-requests.awk trace trace
# The program opens (fails to open) an event named ws2host-bench-mark-PHASE
# before each phase; every request between one mark and the next belongs to
# that phase. Only our own threads count (those that sent a mark); the
# trace also holds Wine's services and other processes. Prints, per phase:
#     IMPL PHASE REQUESTS_PER_OP NAME=PER_OP NAME=PER_OP ...
#
# Copyright 2026 the ws2host authors
# SPDX-License-Identifier: LGPL-2.1-or-later

function thread_of(line) { return substr(line, 1, index(line, ":") - 1) }

# Requests read "0024: name( args )"; replies "0024: name() = STATUS {...}".
function is_request(line) { return line ~ /^[0-9a-f]+: [a-z0-9_]+\( / }

function request_name(line,    rest) {
    rest = substr(line, index(line, ": ") + 2)
    return substr(rest, 1, index(rest, "(") - 1)
}

# Phases that are not measured: set-up between the measured ones.
function reported(phase) { return phase != "" && phase != "warmup" && phase != "idle" && phase != "end" }

# First pass: learn our thread ids.
NR == FNR {
    if ($0 ~ /^[0-9a-f]+: open_event\(.*name=L"ws2host-bench-mark-/) ours[thread_of($0)] = 1
    next
}

is_request($0) && (thread_of($0) in ours) {
    if (match($0, /name=L"ws2host-bench-mark-[^"]*"/)) {
        mark = substr($0, RSTART + 26, RLENGTH - 27)
        if (mark == "thread") next      # the echo thread saying hello
        phase = mark
        # Registered here so that a phase without requests shows as 0.
        if (reported(phase) && !(phase in total)) { phases[++phase_count] = phase; total[phase] = 0 }
        next
    }
    if (!reported(phase)) next
    name = request_name($0)
    if (!((phase, name) in requests)) names[phase] = names[phase] " " name
    total[phase]++
    requests[phase, name]++
}

END {
    if (!phase_count) { print "count-requests: no marked phase in the trace" > "/dev/stderr"; exit 1 }
    for (i = 1; i <= phase_count; i++) {
        phase = phases[i]
        line = sprintf("%s %s %.2f", impl, phase, total[phase] / count)
        n = split(names[phase], list, " ")
        for (j = 1; j <= n; j++) line = line sprintf(" %s=%.2f", list[j], requests[phase, list[j]] / count)
        print line
    }
}
