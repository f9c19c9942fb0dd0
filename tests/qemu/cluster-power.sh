# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# Cluster power (docs/simulator.md "Power domains", docs/debugfs.md
# "state"): on kunpeng-strict each L2 MSC is powered with its pair of
# cores. Cores 2-3 go offline while the default group and g hold
# non-default schemata and g holds assigned counters fed by a busy task on
# core 2: MSC 65 is parked with its counts folded, a schemata write made
# meanwhile is kept, and when the cores come back the configuration is in
# its registers again and no counter jumped. No MSC sees an access it
# would refuse. The debug kernel runs it with eight CPUs online
# (scripts/run-tests), its other tests with two.
. /tests/lib.sh
CPU=/sys/devices/system/cpu
L2=mon_data/mon_L2_07/mbm_l2_total_bytes

if [ "$(cat $CPU/online)" != 0-7 ] || [ ! -w $CPU/cpu2/online ]; then
	echo "skip: needs CPUs 0-7 online and CPU 2 hotpluggable (online $(cat $CPU/online))"
	check "nothing to test" true
	finish
	exit
fi
num() { case $1 in '' | *[!0-9]*) return 1 ;; esac; }
# field FILE KEY: the value of "KEY value" in FILE
field() { sed -n "s/^$2 //p" "$1"; }
# cpbm MSC: CPBM of PARTID 0 of MSC's RIS 0, as debugfs regs reads it
cpbm() { awk '$1 == "ris0" && $2 == "MPAMCFG_CPBM[0]" { print $3 }' $DBG/msc/$1/regs; }
cores() { echo "$1" >$CPU/cpu2/online && echo "$1" >$CPU/cpu3/online; }

check "loads" mpx_load sim=kunpeng-strict policy=mata || { finish; exit; }
check "L2 picked" grep -q 'what=L2 class=2 result=picked' $DBG/decisions
if ! check "mounted with L2 monitors" mount -t resctrl -o l2mon resctrl $RC; then
	rmmod mpam_ext
	finish
	exit
fi
check "mkdir g" mkdir $RC/g
check "default group: L2 of cores 2-3" wr $RC/schemata "L2:7=3"
check "g: L2" wr $RC/g/schemata "L2:4=f;7=3c;10=f;13=f"
check "g: L3" wr $RC/g/schemata "L3:1=ff;26=1ff00"
check "g: MB" wr $RC/g/schemata "MB:1=50;26=50"
expect_eq "msc 65: PARTID 0's CPBM in the registers" 0x00000003 "$(cpbm 65)"
taskset -c 2 sh -c 'while :; do :; done' >/dev/null 2>&1 &
busy=$!
check "busy task into g" wr $RC/g/tasks $busy
sleep 2
before=$(cat $RC/g/$L2)
check "g's L2 count of cores 2-3 is a number" num "$before"
check "  ... that counted traffic" test "${before:-0}" -gt 0
kill $busy
wait $busy 2>/dev/null

check "cores 2-3 offline" cores 0
expect_eq "msc 65 parked" 1 "$(field $DBG/msc/65/state parked)"
expect_eq "  ... once" 1 "$(field $DBG/msc/65/state parks)"
expect_eq "  ... and powered down" 0 "$(field $DBG/msc/65/sim_stats powered)"
expect_eq "msc 64 (cores 0-1) not parked" 0 "$(field $DBG/msc/64/state parked)"
check "  ... regs says so" grep -q '^msc parked' $DBG/msc/65/regs
folded=$(cat $RC/g/$L2)
check "the count read while parked is a number" num "$folded"
check "  ... no less than before" test "${folded:-0}" -ge "${before:-1}"
check "L2 written while parked" wr $RC/g/schemata "L2:7=c0"
expect_eq "  ... reads back" "L2:4=f;7=c0;10=f;13=f" "$(grep '^ *L2:' $RC/g/schemata | tr -d ' ')"
check "default group: L2 written while parked" wr $RC/schemata "L2:7=7"
sleep 1
expect_eq "the count holds while parked" "$folded" "$(cat $RC/g/$L2)"

check "cores 2-3 online" cores 1
expect_eq "msc 65 replayed" 0 "$(field $DBG/msc/65/state parked)"
expect_eq "  ... once" 1 "$(field $DBG/msc/65/state replays)"
expect_eq "  ... powered" 1 "$(field $DBG/msc/65/sim_stats powered)"
expect_eq "  ... PARTID 0's CPBM, written while parked, is in the registers" 0x00000007 "$(cpbm 65)"
after=$(cat $RC/g/$L2)
check "the count after is a number" num "$after"
# A power-up counter of 0 taken for a wrap would add 2^31
check "  ... and did not jump" test "${after:-0}" -ge "$folded" -a "${after:-0}" -lt $((folded + 1073741824))
expect_eq "g's L2 as written" "L2:4=f;7=c0;10=f;13=f" "$(grep '^ *L2:' $RC/g/schemata | tr -d ' ')"
expect_eq "g's L3 unchanged" "L3:1=ff;26=1ff00" "$(grep '^ *L3:' $RC/g/schemata | tr -d ' ')"
taskset -c 2 sh -c 'while :; do :; done' >/dev/null 2>&1 &
busy=$!
check "busy task into g again" wr $RC/g/tasks $busy
sleep 2
later=$(cat $RC/g/$L2)
kill $busy
wait $busy 2>/dev/null
check "the counter counts again" test "${later:-0}" -gt "${after:-0}"

expect_eq "no MSC saw an access it refuses" "" "$(sim_bad_accesses)"
check "rmdir g" rmdir $RC/g
check "umount" umount $RC
check "unloads" rmmod mpam_ext
finish
