# SPDX-License-Identifier: GPL-2.0
# The MSC debugfs records, and the error interrupt path driven by the
# simulator's fault injection: the MSC is reset, marked errored, logged once.
. /tests/lib.sh

check "modprobe sim=tiny" modprobe mpam_ext sim=tiny
M=$DBG/msc/0
expect_eq "msc 0 starts ok" "state ok" "$(grep '^state ' $M/state)"
check "register counters are shown" grep -Eq '^reads [1-9][0-9]*$' $M/counters
check "RIS record lists cpor" grep -q cpor $M/ris
check "bad injection refused" sh -c "! echo 'x y' > $M/inject_error 2>/dev/null"
check "absent RIS refused" sh -c "! echo '9 2' > $M/inject_error 2>/dev/null"
dmesg -c >/dev/null
check "inject error code 2" sh -c "echo '0 2' > $M/inject_error"
sleep 1
expect_eq "msc 0 errored" "state errored" "$(grep '^state ' $M/state)"
expect_eq "error code decoded" "last_errname request PARTID out of range" "$(grep '^last_errname ' $M/state)"
check "error logged" sh -c 'dmesg | grep -q "request PARTID out of range"'
check "second error injected" sh -c "echo '0 4' > $M/inject_error"
sleep 1
expect_eq "error logged once" 1 "$(dmesg | grep -c 'out of range')"
expect_eq "msc 1 unaffected" "state ok" "$(grep '^state ' $DBG/msc/1/state)"
check "rmmod after errors" rmmod mpam_ext

# The errored state does not outlive the module: a fresh load is ok.
check "reload is clean" modprobe mpam_ext sim=tiny
expect_eq "msc 0 ok after reload" "state ok" "$(grep '^state ' $DBG/msc/0/state)"
check "rmmod" rmmod mpam_ext
finish
