# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# The resctrl front: mount and unmount, the files, control and monitor
# groups and their limits, schemata round trips down to the MSC records,
# tasks and CPUs, CDP, counter assignments (mbm_L3_assignments and
# mbm_L2_assignments), and the module pinned while mounted. On tiny (one
# L3, one memory node) and kunpeng-mini under the mata policy (two L3s
# sharing one memory-side component).
. /tests/lib.sh

R=/sys/fs/resctrl
ST=$R/info/last_cmd_status

load() { # load ARGS...: modprobe with a clean dmesg
	dmesg -c >/dev/null
	modprobe mpam_ext "$@"
}
fails() { ! "$@" 2>/dev/null; }
wr() { # wr FILE TEXT: write TEXT in one write(2)
	printf '%s\n' "$2" >"$1"
}
picked() { # picked EVENT: the topology picked that monitor event
	grep -q "^what=$1 class=[0-9]* result=picked" $DBG/decisions
}
# The MSC record of one PARTID of a class: "cpbm=..." or "mbw_max=..."
rec() { # rec CLASS PARTID COMPONENT FIELD
	grep "^class=$1 partid=$2 component=$3 " $DBG/partids | head -n 1 |
		tr ' ' '\n' | grep "^$4=" | cut -d= -f2
}
has_line() { grep -qx -- "$2" "$1"; }

# ---- tiny ----
check "tiny loads" load sim=tiny
check "front on, logged" sh -c 'dmesg | grep -q "resctrl front on"'
check "resctrl in /proc/filesystems" grep -qw resctrl /proc/filesystems
check "mount point exists" test -d $R
check "mount" mount -t resctrl resctrl $R
mkdir -p /tmp/m2
check "second mount refused" fails mount -t resctrl resctrl /tmp/m2
check "mba_MBps refused" sh -c '! mount -t resctrl -o mba_MBps resctrl /tmp/m2 2>/dev/null'

for f in tasks cpus cpus_list schemata mode size mon_groups mon_data info/last_cmd_status \
	info/L3/cbm_mask info/L3/min_cbm_bits info/L3/num_closids info/L3/shareable_bits \
	info/L3/bit_usage info/L3/sparse_masks info/MB/bandwidth_gran info/MB/delay_linear \
	info/MB/min_bandwidth info/MB/num_closids info/MB/thread_throttle_mode \
	info/L3_MON/mon_features info/L3_MON/num_rmids info/L3_MON/max_threshold_occupancy; do
	check "root: $f exists" test -e $R/$f
done
check "no L2 info without L2 control" test ! -e $R/info/L2
expect_eq "cbm_mask: 16 portions" ffff "$(cat $R/info/L3/cbm_mask)"
expect_eq "num_closids: 64 PARTIDs" 64 "$(cat $R/info/L3/num_closids)"
expect_eq "mode" shareable "$(cat $R/mode)"
expect_eq "last_cmd_status starts ok" ok "$(cat $ST)"
for ev in llc_occupancy mbm_total_bytes; do
	if picked $ev; then
		check "mon_data/mon_L3_00/$ev" test -f $R/mon_data/mon_L3_00/$ev
		check "mon_features lists $ev" has_line $R/info/L3_MON/mon_features $ev
		check "$ev reads a number or a resctrl word" \
			grep -qxE '[0-9]+|Unassigned|Unavailable|Error' $R/mon_data/mon_L3_00/$ev
	else
		check "no $ev file when not picked" test ! -e $R/mon_data/mon_L3_00/$ev
	fi
done
if picked mbm_total_bytes; then
	expect_eq "mbm_assign_mode" "[mbm_event]" "$(cat $R/info/L3_MON/mbm_assign_mode)"
	check "mbm_assign_mode: other modes refused" fails wr $R/info/L3_MON/mbm_assign_mode default
	check "  ... with a reason" grep -q "mbm_event" $ST
	check "num_mbm_cntrs format" grep -qxE '0=[0-9]+' $R/info/L3_MON/num_mbm_cntrs
	check "mbm_assign_on_mkdir writable" wr $R/info/L3_MON/mbm_assign_on_mkdir 0
	expect_eq "mbm_assign_on_mkdir reads back" 0 "$(cat $R/info/L3_MON/mbm_assign_on_mkdir)"
	wr $R/info/L3_MON/mbm_assign_on_mkdir 1
fi
check "read-only file refuses writes" fails wr $R/info/L3/cbm_mask 1
expect_eq "read-only file mode" 444 "$(stat -c %a $R/info/L3/num_closids)"

# schemata of the default group
expect_eq "root schemata" "$(printf '    L3:0=ffff\n    MB:0=100')" "$(cat $R/schemata)"
check "mkdir g1" mkdir $R/g1
for f in tasks cpus cpus_list schemata mode size mon_groups mon_data; do
	check "g1: $f exists" test -e $R/g1/$f
done
expect_eq "g1 schemata at the defaults" "$(cat $R/schemata)" "$(cat $R/g1/schemata)"
c1=$(grep '^class=3 ' $DBG/partids | grep -c 'cpbm=ffff')
check "g1: schemata L3 write" wr $R/g1/schemata "L3:0=ff"
check "g1: schemata MB write" wr $R/g1/schemata "MB:0=40"
expect_eq "g1 schemata read back" "$(printf '    L3:0=00ff\n    MB:0=40')" "$(cat $R/g1/schemata | sed 's/=ff$/=00ff/')"
expect_eq "last_cmd_status ok after a good write" ok "$(cat $ST)"
expect_eq "root schemata unchanged" "$(printf '    L3:0=ffff\n    MB:0=100')" "$(cat $R/schemata)"
expect_eq "one PARTID's L3 record changed" $((c1 - 1)) "$(grep '^class=3 ' $DBG/partids | grep -c 'cpbm=ffff')"
expect_eq "size: portions and percent" "$(printf 'L3:0=8\nMB:0=40')" "$(cat $R/g1/size)"
before=$(cat $R/g1/schemata)
check "bad schemata write refused" fails wr $R/g1/schemata "$(printf 'L3:0=f\nMB:0=zz')"
check "  ... last_cmd_status says why" sh -c "[ \"\$(cat $ST)\" != ok ]"
expect_eq "  ... nothing changed" "$before" "$(cat $R/g1/schemata)"
check "unknown resource refused" fails wr $R/g1/schemata "L2:0=f"
check "non-existent domain refused" fails wr $R/g1/schemata "L3:5=f"
check "bit_usage shows used bits" grep -qx '0=SSSSSSSSSSSSSSSS' $R/info/L3/bit_usage

# CLOSID and PMG limits (64 PARTIDs, 2 PMGs)
i=2
while [ $i -lt 64 ]; do mkdir $R/c$i || break; i=$((i + 1)); done
expect_eq "63 control groups fit" 64 $i
check "64th control group: ENOSPC" sh -c "mkdir $R/c64 2>&1 | grep -q 'No space left'"
expect_eq "  ... last_cmd_status" "Out of CLOSIDs" "$(cat $ST)"
i=2
while [ $i -lt 64 ]; do rmdir $R/c$i || break; i=$((i + 1)); done
expect_eq "rmdir of 62 control groups" 64 $i
check "mkdir monitor group" mkdir $R/g1/mon_groups/m1
for f in tasks cpus cpus_list mon_data; do
	check "m1: $f exists" test -e $R/g1/mon_groups/m1/$f
done
check "m1 has no schemata" test ! -e $R/g1/mon_groups/m1/schemata
check "second monitor group: ENOSPC (2 PMGs)" sh -c "mkdir $R/g1/mon_groups/m2 2>&1 | grep -q 'No space left'"
expect_eq "  ... last_cmd_status" "Out of RMIDs" "$(cat $ST)"
check "mkdir in mon_data refused" fails mkdir $R/mon_data/x
check "mkdir in info refused" fails mkdir $R/info/x
check "mkdir in a group refused" fails mkdir $R/g1/x
check "rmdir info refused" fails rmdir $R/info
check "rmdir mon_data refused" fails rmdir $R/g1/mon_data
check "rmdir mon_groups refused" fails rmdir $R/mon_groups

# tasks
sleep 300 &
S=$!
check "move a task into g1" wr $R/g1/tasks $S
check "  ... listed in g1" has_line $R/g1/tasks $S
check "  ... not in the default group" fails has_line $R/tasks $S
check "move it into m1" wr $R/g1/mon_groups/m1/tasks $S
check "  ... listed in m1 and in g1" sh -c "grep -qx $S $R/g1/mon_groups/m1/tasks && grep -qx $S $R/g1/tasks"
check "unknown pid: ESRCH" sh -c "! echo 999999 >$R/g1/tasks 2>/dev/null"
expect_eq "  ... last_cmd_status" "$(printf 'No task 999999\nError while processing task 999999')" "$(cat $ST)"
check "garbage pid refused" fails wr $R/g1/tasks "12abc"
check "move back to the default group" wr $R/tasks $S
check "  ... listed there" has_line $R/tasks $S
check "  ... gone from g1" fails has_line $R/g1/tasks $S
check "default group's task cannot go to g1's monitor group" fails wr $R/g1/mon_groups/m1/tasks $S
# a shell in g1 forks a child: the child is in g1
sh -c "echo \$\$ >$R/g1/tasks; sleep 300 & echo \$! >/tmp/child; wait" &
SH=$!
sleep 1
C=$(cat /tmp/child)
check "child of a moved shell is in g1" has_line $R/g1/tasks "$C"
kill "$C" 2>/dev/null
wait $SH 2>/dev/null
check "exited task vanishes" fails has_line $R/g1/tasks "$C"
wr $R/g1/tasks $S
check "rmdir g1's monitor group" rmdir $R/g1/mon_groups/m1
check "rmdir g1 with a task" rmdir $R/g1
check "  ... task back in the default group" has_line $R/tasks $S
kill $S

# CPUs (the checks below use CPUs 0-7)
mkdir $R/g1 $R/g1/mon_groups/m1
if [ "$(cat /sys/devices/system/cpu/online)" != 0-7 ]; then
	echo "skip: CPU checks: they need CPUs 0-7 online, have $(cat /sys/devices/system/cpu/online)"
	rmdir $R/g1
else
check "cpus_list write" wr $R/g1/cpus_list 1-2
expect_eq "cpus_list read" 1-2 "$(cat $R/g1/cpus_list)"
expect_eq "cpus mask read" 06 "$(cat $R/g1/cpus)"
expect_eq "CPUs left the default group" 0,3-7 "$(cat $R/cpus_list)"
check "cpus mask write" wr $R/g1/cpus 0e
expect_eq "  ... read back" 1-3 "$(cat $R/g1/cpus_list)"
check "CPUs cannot be dropped from the default group" fails wr $R/cpus_list 0
expect_eq "  ... last_cmd_status" "Can't drop CPUs from default group" "$(cat $ST)"
check "monitor group: only the parent's CPUs" fails wr $R/g1/mon_groups/m1/cpus_list 5
check "monitor group: a parent's CPU" wr $R/g1/mon_groups/m1/cpus_list 2
expect_eq "  ... read back" 2 "$(cat $R/g1/mon_groups/m1/cpus_list)"
check "non-existent CPU refused" fails wr $R/g1/cpus_list 1-200
check "bad list refused" fails wr $R/g1/cpus_list "x"
check "rmdir g1: its CPUs go back" rmdir $R/g1
expect_eq "  ... default group has them all" 0-7 "$(cat $R/cpus_list)"
fi

# the module is pinned while mounted
check "rmmod while mounted fails" fails rmmod mpam_ext
check "  ... still works" mkdir $R/g2
check "  ... and rmdir" rmdir $R/g2
check "umount" umount $R
check "CDP mount" mount -t resctrl -o cdp resctrl $R
check "  ... info/L3CODE and info/L3DATA" test -d $R/info/L3CODE -a -d $R/info/L3DATA -a ! -e $R/info/L3
expect_eq "  ... num_closids halved" 32 "$(cat $R/info/L3CODE/num_closids)"
expect_eq "  ... every online CPU defaults to CLOSID 0 as data PARTID 0, code PARTID 1" 0 \
	"$(grep '^cpu[0-9]* online ' $DBG/cpus | grep -vc ' default 0x1 ')"
check "  ... a task moved to the default group runs with code PARTID 1 too" sh -c \
	"echo \$\$ >$R/tasks && grep -q ' partid_d 0 partid_i 1 ' $DBG/cpus"
check "  ... schemata has L3CODE" grep -q '^L3CODE:0=ffff$' $R/schemata
check "  ... schemata has L3DATA" grep -q '^L3DATA:0=ffff$' $R/schemata
mkdir $R/g1
check "  ... code and data written apart" wr $R/g1/schemata "$(printf 'L3CODE:0=f0\nL3DATA:0=f')"
expect_eq "  ... code PARTID 3 record" f0 "$(rec 3 3 0 cpbm | sed 's/^0*//')"
expect_eq "  ... data PARTID 2 record" f "$(rec 3 2 0 cpbm | sed 's/^0*//')"
rmdir $R/g1
check "umount" umount $R
check "cdpl2 refused without L2 control" sh -c "! mount -t resctrl -o cdpl2 resctrl $R 2>/dev/null"
expect_eq "unmount reset PARTIDs 2 and 3" "ffff ffff" "$(rec 3 2 0 cpbm) $(rec 3 3 0 cpbm)"
check "rmmod" rmmod mpam_ext
check "mount point removed" test ! -e $R

# ---- kunpeng-mini, mata: two L3 domains, shared memory-side MB ----
check "kunpeng-mini mata loads" load sim=kunpeng-mini policy=mata
check "mount" mount -t resctrl resctrl $R
expect_eq "num_closids" 32 "$(cat $R/info/L3/num_closids)"
expect_eq "root L3 line" "    L3:1=1ffff;26=1ffff" "$(grep 'L3:' $R/schemata)"
mkdir $R/g1
check "partial write: domain 26 only" wr $R/g1/schemata "L3:26=ff"
expect_eq "  ... read back" "    L3:1=1ffff;26=000ff" "$(grep 'L3:' $R/g1/schemata | sed 's/26=ff$/26=000ff/')"
expect_eq "  ... domain 26's record" ff "$(rec 3 1 26 cpbm | sed 's/^0*//')"
expect_eq "  ... domain 1's record kept" 1ffff "$(rec 3 1 1 cpbm)"
if grep -q '^ *MB:' $R/schemata; then
	check "shared MB component: different values refused" fails wr $R/g1/schemata "MB:1=50;26=60"
	check "  ... last_cmd_status names it" grep -q "share" $ST
	check "shared MB component: equal values" wr $R/g1/schemata "MB:1=50;26=50"
fi
check "no L2 monitor files on a default mount" sh -c \
	"! ls $R/mon_data | grep -q mon_L2_ && test ! -e $R/info/L2_MON -a ! -e $R/g1/mbm_L2_assignments"
# mbm_L3_assignments: domains 1 and 26 share one memory-side component
fails_with() { # fails_with ERRTEXT FILE TEXT: one write(2) fails with that error
	printf '%s\n' "$3" | dd of="$2" conv=notrunc 2>&1 | grep -q "error writing.*: $1"
}
if picked mbm_total_bytes; then
	A=$R/g1/mbm_L3_assignments
	AV=$R/info/L3_MON/available_mbm_cntrs
	V=$R/g1/mon_data/mon_L3_01/mbm_total_bytes
	check "mbm_L3_assignments in the default group and g1" test -f $R/mbm_L3_assignments -a -f $A
	expect_eq "g1: assigned on every domain at mkdir" "mbm_total_bytes:1=e;26=e" "$(cat $A)"
	n=$(sed 's/^1=\([0-9]*\);.*/\1/' $AV)
	check "g1: a counter value" grep -qxE '[0-9]+' $V
	check "unassign on domain 1" wr $A "mbm_total_bytes:1=_"
	expect_eq "  ... last_cmd_status" ok "$(cat $ST)"
	expect_eq "  ... sibling 26 unassigned too" "mbm_total_bytes:1=_;26=_" "$(cat $A)"
	expect_eq "  ... available_mbm_cntrs up on both" "1=$((n + 1));26=$((n + 1))" "$(cat $AV)"
	expect_eq "  ... mon_data reads Unassigned" Unassigned "$(cat $V)"
	check "assign on domain 26" wr $A "mbm_total_bytes:26=e"
	expect_eq "  ... shows on sibling 1" "mbm_total_bytes:1=e;26=e" "$(cat $A)"
	expect_eq "  ... available_mbm_cntrs back" "1=$n;26=$n" "$(cat $AV)"
	check "  ... mon_data reads a number" grep -qxE '[0-9]+' $V
	check "*=_ unassigns everywhere" wr $A "mbm_total_bytes:*=_"
	expect_eq "  ... read" "mbm_total_bytes:1=_;26=_" "$(cat $A)"
	check "*=e assigns everywhere" wr $A "mbm_total_bytes:*=e"
	expect_eq "  ... read" "mbm_total_bytes:1=e;26=e" "$(cat $A)"
	check "bad event refused (ENOENT)" fails_with "No such file" $A "mbm_local_bytes:1=e"
	expect_eq "  ... last_cmd_status" "Invalid event mbm_local_bytes" "$(cat $ST)"
	check "bad domain refused (EINVAL)" fails_with "Invalid argument" $A "mbm_total_bytes:7=e"
	expect_eq "  ... last_cmd_status" "Invalid domain id 7" "$(cat $ST)"
	check "bad flag refused (EINVAL)" fails_with "Invalid argument" $A "mbm_total_bytes:1=x"
	expect_eq "  ... last_cmd_status" "Assign operation 'mbm_total_bytes:1=x' failed" "$(cat $ST)"
	check "no trailing newline refused (EINVAL)" sh -c "! printf 'mbm_total_bytes:1=_' >$A 2>/dev/null"
	expect_eq "  ... last_cmd_status" "Assignments must end with a newline" "$(cat $ST)"
	expect_eq "  ... nothing changed" "mbm_total_bytes:1=e;26=e" "$(cat $A)"
	mkdir $R/g1/mon_groups/m1
	check "monitor group: unassign its own counter" wr $R/g1/mon_groups/m1/mbm_L3_assignments "mbm_total_bytes:*=_"
	expect_eq "  ... its read" "mbm_total_bytes:1=_;26=_" "$(cat $R/g1/mon_groups/m1/mbm_L3_assignments)"
	expect_eq "  ... the parent's kept" "mbm_total_bytes:1=e;26=e" "$(cat $A)"
	rmdir $R/g1/mon_groups/m1
else
	check "no mbm_L3_assignments without mbm_total_bytes" test ! -e $R/g1/mbm_L3_assignments
fi
i=1
while [ $i -lt 4 ]; do mkdir $R/g1/mon_groups/m$i || break; i=$((i + 1)); done
expect_eq "3 monitor groups fit (4 PMGs)" 4 $i
check "4th monitor group: ENOSPC" fails mkdir $R/g1/mon_groups/m4
check "rmdir g1 with monitor groups" rmdir $R/g1
# the L2 monitors: with -o l2mon only
check "umount" umount $R
check "mount -o l2mon" mount -t resctrl -o l2mon resctrl $R
check "L2 monitor files when picked" sh -c "! grep -q 'what=l2_occupancy class=[0-9]* result=picked' $DBG/decisions || ls $R/mon_data | grep -q mon_L2_"
mkdir $R/g1
if picked mbm_l2_total_bytes; then
	A2=$R/g1/mbm_L2_assignments
	check "mbm_L2_assignments with an L2 counter event" grep -qE '^mbm_l2_total_bytes:[0-9]+=[e_]' $A2
	d=$(sed 's/^mbm_l2_total_bytes:\([0-9]*\)=.*/\1/' $A2)
	check "  ... unassign its first domain" wr $A2 "mbm_l2_total_bytes:$d=_"
	check "  ... read shows it" grep -q "^mbm_l2_total_bytes:$d=_" $A2
	expect_eq "  ... its mon_data" Unassigned "$(cat $R/g1/mon_data/mon_L2_$(printf %02u $d)/mbm_l2_total_bytes)"
	check "  ... L3 events refused there" fails_with "No such file" $A2 "mbm_total_bytes:1=e"
else
	check "no mbm_L2_assignments without an L2 counter event" test ! -e $R/g1/mbm_L2_assignments
fi
rmdir $R/g1
check "umount" umount $R
check "rmmod" rmmod mpam_ext
finish
