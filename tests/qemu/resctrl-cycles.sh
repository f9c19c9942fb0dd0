# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt 7.2
# 20 cycles of load, mount, groups with tasks, CPUs and limits, umount and
# unload: after each umount every CPU is back on PARTID 0 and the MSCs'
# PARTIDs and monitors are back at their state after load; unloading while
# mounted is refused and leaves the mount working. With kmemleak (the
# debug kernel) nothing leaks over the cycles.
. /tests/lib.sh
kml=/sys/kernel/debug/kmemleak
[ -e $kml ] && echo clear >$kml
CYCLES=20
# The last online CPU: 1 on the debug kernel (two online), 7 elsewhere.
last=$(cut -d- -f2 /sys/devices/system/cpu/online)

# cpus_default: every CPU's current value and default are PARTID 0, PMG 0
# (debugfs cpus, docs/cpu.md).
cpus_default() {
	awk '/^cpu[0-9]/ { n++
		for (i = 2; i < NF; i++)
			if ($i ~ /^(partid_d|partid_i|pmg_d|pmg_i|default)$/ && $(i + 1) != "0" && $(i + 1) != "0x0") {
				print "not default: " $0; bad++
			}
	} END { exit !(n > 0 && !bad) }' $DBG/cpus
}
# cpus_moved: some CPU runs with a PARTID other than 0 (the busy task)
cpus_moved() {
	awk '/^cpu[0-9]/ { for (i = 2; i < NF; i++) if ($i == "partid_d" && $(i + 1) != "0") m++ }
		END { exit !m }' $DBG/cpus
}

c=1
while [ $c -le $CYCLES ]; do
	f=$MPX_FAILS
	# Per-cycle checks are counted every cycle, printed only when they fail.
	ck() { # ck DESCRIPTION COMMAND...
		d=$1
		shift
		MPX_CHECKS=$((MPX_CHECKS + 1))
		"$@" >/tmp/ck.out 2>&1 && return 0
		echo "not ok: cycle $c: $d"
		cat /tmp/ck.out
		MPX_FAILS=$((MPX_FAILS + 1))
		return 1
	}
	ck "load" mpx_load sim=kunpeng-mini policy=mata || break
	cat $DBG/partids >/tmp/partids0
	cat $DBG/monitors >/tmp/monitors0
	ck "mount" mount -t resctrl resctrl $RC || { rmmod mpam_ext; break; }
	ck "mkdir" mkdir $RC/a $RC/b $RC/a/mon_groups/m
	taskset -c "$last" sh -c 'while :; do :; done' >/dev/null 2>&1 &
	busy=$!
	sleep 1000 &
	slp=$!
	ck "busy task into a" wr $RC/a/tasks $busy
	ck "sleeping task into a" wr $RC/a/tasks $slp
	ck "sleeping task into a/m" wr $RC/a/mon_groups/m/tasks $slp
	ck "CPU 0 to b" wr $RC/b/cpus_list 0
	ck "a: L3 and MB" wr $RC/a/schemata "L3:1=f;26=f0
MB:1=50;26=50"
	ck "b: L3" wr $RC/b/schemata "L3:1=ff00;26=f"
	sleep 1
	ck "a CPU runs the busy task with a's PARTID" cpus_moved
	ck "rmmod while mounted refused" sh -c '! rmmod mpam_ext'
	ck "module still loaded" grep -q '^mpam_ext ' /proc/modules
	ck "mount still works: schemata" grep -q '^ *L3:1=f;26=f0$' $RC/a/schemata
	ck "mount still works: write" wr $RC/b/schemata "MB:1=20;26=20"
	ck "mount still works: read" sh -c "cat $RC/a/mon_data/mon_L3_01/llc_occupancy | grep -qx '[0-9][0-9]*'"
	ck "umount" umount $RC
	ck "CPUs back on PARTID 0" cpus_default
	ck "PARTIDs back at their values after load" cmp /tmp/partids0 $DBG/partids
	ck "monitors back at their state after load" cmp /tmp/monitors0 $DBG/monitors
	ck "monitors all free" sh -c "! grep -v 'state=free' $DBG/monitors"
	kill $busy $slp
	wait $busy $slp 2>/dev/null
	ck "rmmod" rmmod mpam_ext
	ck "unloaded" sh -c '! grep -q "^mpam_ext " /proc/modules'
	[ $MPX_FAILS = "$f" ] && echo "ok: cycle $c"
	c=$((c + 1))
done
expect_eq "cycles completed" $((CYCLES + 1)) $c

if [ -e $kml ]; then
	sleep 6
	echo scan >$kml
	echo scan >$kml
	leaks=$(grep -c 'unreferenced object' $kml)
	[ "$leaks" = 0 ] || head -n 60 $kml
	expect_eq "kmemleak finds no leak after the cycles" 0 "$leaks"
else
	echo "skip: kmemleak is not in this kernel"
fi
finish
