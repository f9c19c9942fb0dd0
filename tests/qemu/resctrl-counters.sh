# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# The mbm_event counters of the resctrl filesystem: info/L3_MON files,
# assignment at mkdir (mbm_assign_on_mkdir) and through mbm_L3_assignments
# where offered, what the counts do, running out of counters, "Unassigned"
# reads, and CDP halving counters and CLOSIDs, down to a platform left with
# no counter under CDP.
. /tests/lib.sh
M=$RC/info/L3_MON

# dom_val FILE DOMAIN: the value of DOMAIN in a "d=v;d=v" line
dom_val() { tr ';' '\n' <"$1" | sed -n "s/^ *$2=//p"; }
is_num() { grep -qx '[0-9][0-9]*' "$1"; }

check "kunpeng-mini mata loads" mpx_load sim=kunpeng-mini policy=mata
check "mount" mount -t resctrl resctrl $RC || { rmmod mpam_ext; finish; exit; }
expect_eq "mbm_assign_mode: mbm_event selected" "[mbm_event]" "$(grep '^\[' $M/mbm_assign_mode)"
check "mbm_assign_mode: writing mbm_event succeeds" wr $M/mbm_assign_mode mbm_event
expect_refused "mbm_assign_mode: an unknown mode" "Invalid argument" - $M/mbm_assign_mode nonsense
for f in num_mbm_cntrs available_mbm_cntrs mbm_assign_on_mkdir; do
	check "info/L3_MON/$f present" test -f $M/$f
done
echo "num_mbm_cntrs: $(cat $M/num_mbm_cntrs); available: $(cat $M/available_mbm_cntrs)"
expect_eq "counter domains are the L3 domains" "1 26 " "$(tr ';' '\n' <$M/num_mbm_cntrs | cut -d= -f1 | tr '\n' ' ')"
n=$(dom_val $M/num_mbm_cntrs 1)
check "domain 1 has counters" test "${n:-0}" -gt 0
expect_eq "mbm_assign_on_mkdir is on by default" 1 "$(cat $M/mbm_assign_on_mkdir)"
# The default group took one counter per domain at mount.
expect_eq "the default group holds one counter per domain" \
	"1=$((n - 1));26=$((n - 1))" "$(cat $M/available_mbm_cntrs)"
check "the default group's read is a number" is_num $RC/mon_data/mon_L3_01/mbm_total_bytes

check "mbm_assign_on_mkdir off" wr $M/mbm_assign_on_mkdir 0
expect_eq "mbm_assign_on_mkdir reads 0" 0 "$(cat $M/mbm_assign_on_mkdir)"
expect_refused "mbm_assign_on_mkdir: not a boolean" "Invalid argument" - $M/mbm_assign_on_mkdir 7
a0=$(dom_val $M/available_mbm_cntrs 1)
mkdir $RC/g
expect_eq "a group made with it off reads Unassigned" "Unassigned" "$(cat $RC/g/mon_data/mon_L3_01/mbm_total_bytes)"
expect_eq "and takes no counter" "$a0" "$(dom_val $M/available_mbm_cntrs 1)"
check "llc_occupancy needs no counter" is_num $RC/g/mon_data/mon_L3_01/llc_occupancy
wr $M/mbm_assign_on_mkdir 1
mkdir $RC/h
check "a group made with it on reads a number" is_num $RC/h/mon_data/mon_L3_01/mbm_total_bytes
expect_eq "and takes one counter on domain 1" $((a0 - 1)) "$(dom_val $M/available_mbm_cntrs 1)"
check "its monitor group" mkdir $RC/h/mon_groups/m
expect_eq "a monitor group takes one more" $((a0 - 2)) "$(dom_val $M/available_mbm_cntrs 1)"
rmdir $RC/h/mon_groups/m
expect_eq "rmdir of the monitor group gives it back" $((a0 - 1)) "$(dom_val $M/available_mbm_cntrs 1)"
rmdir $RC/h
expect_eq "rmdir of the group gives it back" "$a0" "$(dom_val $M/available_mbm_cntrs 1)"

if [ -e $RC/g/mbm_L3_assignments ]; then
	expect_eq "new group: unassigned" "mbm_total_bytes:1=_;26=_" "$(grep '^mbm_total_bytes:' $RC/g/mbm_L3_assignments)"
	check "assign domain 1" wr $RC/g/mbm_L3_assignments 'mbm_total_bytes:1=e'
	expect_eq "last_cmd_status ok" ok "$(cat $RC/info/last_cmd_status)"
	# mata: domains 1 and 26 share the memory-side component, and with it
	# the counter (docs/monitoring.md)
	expect_eq "assignments read back, on sibling 26 too" "mbm_total_bytes:1=e;26=e" "$(grep '^mbm_total_bytes:' $RC/g/mbm_L3_assignments)"
	expect_eq "available on domain 1 down by one" $((a0 - 1)) "$(dom_val $M/available_mbm_cntrs 1)"
	check "assigned read is a number" is_num $RC/g/mon_data/mon_L3_01/mbm_total_bytes
	check "unassign domain 1" wr $RC/g/mbm_L3_assignments 'mbm_total_bytes:1=_'
	expect_eq "available back up" "$a0" "$(dom_val $M/available_mbm_cntrs 1)"
	expect_refused "assign to an unknown domain" "Invalid argument" "Invalid domain id 7" \
		$RC/g/mbm_L3_assignments 'mbm_total_bytes:7=e'
else
	echo "skip: mbm_L3_assignments: not offered (docs/resctrl.md: counters are assigned at mkdir)"
fi

# Running out: groups made with mbm_assign_on_mkdir until no counter is left
# on domain 1; the next group is still made and reads Unassigned there.
i=0
while [ "$(dom_val $M/available_mbm_cntrs 1)" -gt 0 ] && [ $i -lt 32 ]; do
	i=$((i + 1))
	mkdir $RC/f$i || break
done
expect_eq "one group per free counter" "$a0" "$i"
expect_eq "available reads 0" 0 "$(dom_val $M/available_mbm_cntrs 1)"
check "mkdir with no counter left still works" mkdir $RC/over
expect_eq "it reads Unassigned" "Unassigned" "$(cat $RC/over/mon_data/mon_L3_01/mbm_total_bytes 2>&1)"
if [ -e $RC/over/mbm_L3_assignments ]; then
	expect_refused "assign beyond the counters" "No space left on device" \
		"Failed to allocate counter for mbm_total_bytes in domain 1
Assign operation 'mbm_total_bytes:1=e' failed" $RC/over/mbm_L3_assignments 'mbm_total_bytes:1=e'
fi
rmdir $RC/f$i
mkdir $RC/after
check "a counter freed by rmdir is taken by the next mkdir" is_num $RC/after/mon_data/mon_L3_01/mbm_total_bytes
j=1
while [ $j -lt $i ]; do rmdir $RC/f$j; j=$((j + 1)); done
rmdir $RC/g $RC/over $RC/after
expect_eq "all but the default group's counters back" "1=$((n - 1));26=$((n - 1))" "$(cat $M/available_mbm_cntrs)"
closids=$(cat $RC/info/L3/num_closids)
check "umount" umount $RC

# CDP halves the counters (two monitors each) and the CLOSIDs.
check "mount -o cdp" mount -t resctrl -o cdp resctrl $RC
expect_eq "num_mbm_cntrs halved" "1=$((n / 2));26=$((n / 2))" "$(cat $M/num_mbm_cntrs)"
expect_eq "L3CODE num_closids halved" $((closids / 2)) "$(cat $RC/info/L3CODE/num_closids 2>&1)"
expect_eq "L3DATA num_closids halved" $((closids / 2)) "$(cat $RC/info/L3DATA/num_closids 2>&1)"
check "no info/L3 under CDP" test ! -e $RC/info/L3
check "schemata: L3CODE line" grep -q '^ *L3CODE:1=1ffff;26=1ffff$' $RC/schemata
check "schemata: L3DATA line" grep -q '^ *L3DATA:1=1ffff;26=1ffff$' $RC/schemata
check "schemata: MB line" grep -q '^ *MB:1=100;26=100$' $RC/schemata
mkdir $RC/g
check "CDP: code and data written apart" wr $RC/g/schemata 'L3CODE:1=ff;26=ff
L3DATA:1=ff00;26=ff00'
check "CDP: read back" sh -c "grep -q '^ *L3CODE:1=ff;26=ff$' $RC/g/schemata && grep -q '^ *L3DATA:1=ff00;26=ff00$' $RC/g/schemata"
expect_refused "CDP: plain L3 refused" "Invalid argument" "Unknown or unsupported resource name 'L3'" \
	$RC/g/schemata 'L3:1=ff'
check "CDP: the group's read is a number" is_num $RC/g/mon_data/mon_L3_01/mbm_total_bytes
rmdir $RC/g
check "umount (CDP)" umount $RC
check "rmmod" rmmod mpam_ext

# A platform with one bandwidth monitor on its L3: one counter, none
# under CDP, and everything else still works.
sed 's/mbwu-mon 8 mbwu-width 44/mbwu-mon 1 mbwu-width 44/' /lib/firmware/mpam_ext/tiny.platform \
	>/lib/firmware/mpam_ext/onemon.platform
check "onemon loads" mpx_load sim=onemon
check "onemon: mount" mount -t resctrl resctrl $RC
expect_eq "onemon: one counter" "0=1" "$(cat $M/num_mbm_cntrs)"
check "onemon: umount" umount $RC
check "onemon: mount -o cdp" mount -t resctrl -o cdp resctrl $RC
expect_eq "onemon CDP: no counter" "0=0" "$(cat $M/num_mbm_cntrs)"
expect_eq "onemon CDP: none available" "0=0" "$(cat $M/available_mbm_cntrs)"
check "onemon CDP: mkdir" mkdir $RC/g
check "onemon CDP: schemata write" wr $RC/g/schemata 'L3CODE:0=f'
check "onemon CDP: task moves" wr $RC/g/tasks $$
expect_eq "onemon CDP: group reads Unassigned" "Unassigned" "$(cat $RC/g/mon_data/mon_L3_00/mbm_total_bytes 2>&1)"
expect_eq "onemon CDP: default group reads Unassigned" "Unassigned" "$(cat $RC/mon_data/mon_L3_00/mbm_total_bytes 2>&1)"
check "onemon CDP: llc_occupancy still reads" is_num $RC/g/mon_data/mon_L3_00/llc_occupancy
wr $RC/tasks $$
rmdir $RC/g
check "onemon: umount" umount $RC
check "onemon: rmmod" rmmod mpam_ext
finish
