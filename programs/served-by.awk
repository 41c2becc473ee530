# Prints which ws2_32 served a program, from Wine's +loaddll trace on its
# stderr: "ws2host" (the native ws2_32.dll, with its bridge), "builtin"
# (Wine's), or "none" when the program never loaded one. Only lines of
# the program's own process count (Wine's services may share the stderr).
# Usage: awk -v exe=NAME.exe -f served-by.awk STDERR-FILE
#
# Copyright 2026 the ws2host authors
# SPDX-License-Identifier: LGPL-2.1-or-later

function pid_of(line) { return substr(line, 1, index(line, ":") - 1) }

/:trace:loaddll:/ {
    lower = tolower($0)
    if (index(lower, "\\\\" tolower(exe) "\" at ")) { pid = pid_of($0); next }
    if (pid == "" || pid_of($0) != pid) next
    if (index(lower, "\\\\ws2_32.dll\" at ")) ws2_32 = $NF
    if (index(lower, "\\\\ws2host.dll\" at ")) bridge = 1
}

END {
    if (ws2_32 == "native" && bridge) print "ws2host"
    else if (ws2_32 == "builtin") print "builtin"
    else if (ws2_32 != "") print "native ws2_32 without ws2host's bridge"
    else print "none"
}
