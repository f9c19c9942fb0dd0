# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# Bad input to the resctrl filesystem: each refused with its error and its
# info/last_cmd_status text (docs/schemata.md, docs/resctrl.md), nothing
# half-applied, and concurrent writers leave one whole write in place.
# The platform is tiny with 3-bit bandwidth fractions (MB step 13).
. /tests/lib.sh
S=$RC/g/schemata

sed 's/bwa-wd 8/bwa-wd 3/' /lib/firmware/mpam_ext/tiny.platform >/lib/firmware/mpam_ext/tinyb3.platform
check "tinyb3 loads" mpx_load sim=tinyb3
check "mount" mount -t resctrl resctrl $RC || { finish; exit; }
mkdir $RC/g
full=$(cat $RC/info/L3/cbm_mask)
gran=$(cat $RC/info/MB/bandwidth_gran)
minb=$(cat $RC/info/MB/min_bandwidth)
expect_eq "cache width 16" ffff "$full"
expect_eq "MB step of 3-bit fractions" 13 "$gran"
check "a good write" wr $S "L3:0=ff"
expect_eq "last_cmd_status ok" ok "$(cat $RC/info/last_cmd_status)"
good=$(cat $S)

# schemata lines
E=Invalid\ argument
expect_refused "garbage" "$E" "Missing ':'" $S "garbage"
expect_refused "empty line" "$E" "Missing ':'" $S ""
expect_refused "no value" "$E" "Missing 'L3' value" $S "L3:"
expect_refused "unknown resource" "$E" "Unknown or unsupported resource name 'L4'" $S "L4:0=f"
expect_refused "unknown domain" "$E" "Unknown domain 7" $S "L3:7=f"
expect_refused "duplicate domain" "$E" "Duplicate domain 0" $S "L3:0=f;0=f0"
expect_refused "non-numeric domain" "$E" "Missing '=' or non-numeric domain" $S "L3:x=f"
if [ "$(cat $RC/info/L3/sparse_masks 2>/dev/null)" = 1 ]; then
	echo "skip: non-contiguous masks: the L3 allows sparse masks"
else
	expect_refused "non-contiguous mask" "$E" "The mask 5 has non-consecutive 1-bits" $S "L3:0=5"
fi
expect_refused "empty mask" "$E" "Mask out of range" $S "L3:0=0"
expect_refused "mask wider than the cache" "$E" "Mask out of range" $S "L3:0=1ffff"
expect_refused "non-hex mask" "$E" "Non-hex character in the mask fg" $S "L3:0=fg"
expect_refused "mask overflowing 64 bits" "$E" "Non-hex character in the mask fffffffffffffffff" \
	$S "L3:0=fffffffffffffffff"
expect_refused "domain overflowing 64 bits" "$E" "Missing '=' or non-numeric domain" \
	$S "L3:99999999999999999999=f"
expect_refused "MB over the range" "$E" "MB value 150 out of range [$minb,100]" $S "MB:0=150"
expect_refused "MB under the range" "$E" "MB value 0 out of range [$minb,100]" $S "MB:0=0"
expect_refused "MB not a number" "$E" "Invalid MB value x" $S "MB:0=x"
expect_refused "MB overflowing 32 bits" "$E" "Invalid MB value 99999999999" $S "MB:0=99999999999"
printf 'L3:0=f' >/tmp/nonl
wrf $S /tmp/nonl
expect_eq "missing newline refused" "$E" "$WR_ERR"
expect_eq "missing newline: last_cmd_status" "Missing newline at the end" "$(cat $RC/info/last_cmd_status)"
awk 'BEGIN { printf "L3:0="; for (i = 0; i < 4091; i++) printf "0"; printf "f\n" }' >/tmp/long
wrf $S /tmp/long
expect_eq "line of 4097 bytes refused" "$E" "$WR_ERR"
expect_eq "long line: last_cmd_status" "Line of 4097 bytes is over the limit of 4096 bytes" \
	"$(cat $RC/info/last_cmd_status)"
# Over the write limit: refused before or by the parser; either way the
# status must be this write's, not the one left by the write before.
wr $S "L3:7=f"
awk 'BEGIN { for (i = 0; i < 2341; i++) printf "L3:0=f\n" }' >/tmp/big
wrf $S /tmp/big
check "write of 16387 bytes refused (EINVAL or E2BIG): $WR_ERR" \
	sh -c "[ '$WR_ERR' = 'Invalid argument' ] || [ '$WR_ERR' = 'Argument list too long' ]"
expect_eq "big write: last_cmd_status" "Write of 16387 bytes is over the limit of 16384 bytes" \
	"$(cat $RC/info/last_cmd_status)"
expect_refused "a bad line after a good one" "$E" "Unknown domain 3" $S "L3:0=f
MB:3=50"
expect_eq "nothing applied by the refused writes" "$good" "$(cat $S)"

# MB rounding up to the step (docs/schemata.md), then programmed as the
# nearest fraction of 2^3 (at least one step) and read back from it.
mb_back() { # mb_back PERCENT: the value the schemata shows after writing it
	awk -v v="$1" -v g="$gran" -v w=8 'BEGIN { s = int((v + g - 1) / g) * g; if (s > 100) s = 100
		f = int(s * w / 100 + 0.5); if (f < 1) f = 1; if (f > w) f = w
		print int(f * 100 / w + 0.5) }'
}
for v in 14 95 "$minb" 50 100; do
	check "MB $v accepted" wr $S "MB:0=$v"
	expect_eq "MB $v reads back as $(mb_back "$v")" "MB:0=$(mb_back "$v")" "$(grep -o 'MB:.*' $S)"
done

# tasks
expect_refused "pid not a number" "$E" "Task list parsing error pid abc" $RC/g/tasks "abc"
expect_refused "negative pid" "$E" "Invalid pid -5" $RC/g/tasks "-5"
expect_refused "pid that does not exist" "No such process" \
	"$(printf 'No task 99999\nError while processing task 99999')" $RC/g/tasks 99999
if unshare -p -f true 2>/dev/null; then
	# $$ exists here, not in the new PID namespace (which has pids 1 and 2)
	unshare -p -f sh -c ". /tests/lib.sh; wr $RC/g/tasks $$; echo \"\$WR_ERR\" >/tmp/nserr"
	expect_eq "pid of another PID namespace refused" "No such process" "$(cat /tmp/nserr)"
	expect_eq "its last_cmd_status" "$(printf 'No task %d\nError while processing task %d' $$ $$)" \
		"$(cat $RC/info/last_cmd_status)"
else
	echo "skip: foreign PID namespace: unshare -p fails in this VM"
fi
expect_eq "no task moved by the refused writes" "" "$(cat $RC/g/tasks)"

# read-only files
for f in info/last_cmd_status info/L3/cbm_mask info/L3/num_closids info/MB/bandwidth_gran \
	info/L3_MON/num_mbm_cntrs mon_data/mon_L3_00/llc_occupancy; do
	before=$(cat $RC/$f)
	wr $RC/$f 1
	check "$f is read-only (EACCES or EPERM): ${WR_ERR:-accepted}" \
		sh -c "[ '$WR_ERR' = 'Permission denied' ] || [ '$WR_ERR' = 'Operation not permitted' ]"
	[ "$f" = info/last_cmd_status ] || expect_eq "$f unchanged" "$before" "$(cat $RC/$f)"
done

# rmdir of what is not a group; mkdir where no group can be
rmd() { # rmd DIR: rmdir's error text
	e=$(rmdir "$1" 2>&1) && echo removed || echo "${e##*: }"
}
expect_eq "rmdir of the root refused" "Device or resource busy" "$(rmd $RC)"
for d in info info/L3 g/mon_data g/mon_groups; do
	expect_eq "rmdir of $d refused" "Operation not permitted" "$(rmd $RC/$d)"
done
check "info still there" test -f $RC/info/L3/cbm_mask
e=$(mkdir $RC/info/x 2>&1)
expect_eq "mkdir in info refused" "Operation not permitted" "${e##*: }"
e=$(mkdir $RC/g/mon_data/x 2>&1)
expect_eq "mkdir in mon_data refused" "Operation not permitted" "${e##*: }"

# concurrent writers on one group: the result is one whole write
for v in "f 13" "f0 100" "f00 13" "f000 100"; do
	set -- $v
	wr $S "L3:0=$1
MB:0=$2"
	cat $S >>/tmp/allowed
	echo >>/tmp/allowed
done
for v in "f 13" "f0 100" "f00 13" "f000 100"; do
	set -- $v
	sh -c ". /tests/lib.sh; i=0; while [ \$i -lt 150 ]; do wr $S 'L3:0=$1
MB:0=$2'; i=\$((i + 1)); done" &
done
for i in 1 2 3 4 5 6 7 8 9 10; do cat $S >/dev/null; cat $RC/g/tasks >/dev/null; done
wait
cat $S >/tmp/final
check "concurrent writers: the schemata is one of the writes" \
	awk 'NR == FNR { if ($0 == "") { set[s] = 1; s = "" } else s = s $0 "|"; next }
		{ f = f $0 "|" } END { exit !(f in set) }' /tmp/allowed /tmp/final
cat /tmp/final

# mkdir beyond the CLOSIDs (the default group has one)
rmdir $RC/g
closids=$(cat $RC/info/*/num_closids | sort -n | head -n 1)
i=1 made=0
while [ $i -lt "$closids" ]; do
	mkdir $RC/c$i 2>/dev/null && made=$((made + 1))
	i=$((i + 1))
done
expect_eq "one group per free CLOSID" $((closids - 1)) "$made"
err=$(mkdir $RC/over 2>&1)
expect_eq "mkdir beyond the CLOSIDs refused" "No space left on device" "${err##*: }"
expect_eq "its last_cmd_status" "Out of CLOSIDs" "$(cat $RC/info/last_cmd_status)"
i=1
while [ $i -lt "$closids" ]; do rmdir $RC/c$i 2>/dev/null; i=$((i + 1)); done
check "a group can be made again" mkdir $RC/again
rmdir $RC/again
# the kernel's resctrl ABI: superblock magic, group names, removed groups
expect_eq "superblock magic is RDTGROUP_SUPER_MAGIC" 7655821 "$(stat -f -c %t $RC)"
nl_name=$(printf 'a\nb')
mkdir "$RC/$nl_name" 2>/tmp/.mkerr
expect_eq "mkdir of a name with a newline: EINVAL" "Invalid argument" "$(sed 's/.*: //' /tmp/.mkerr | tail -n 1)"
check "  ... and nothing made" test ! -e "$RC/$nl_name"
check "mkdir ng" mkdir $RC/ng
mkdir "$RC/ng/mon_groups/$nl_name" 2>/tmp/.mkerr
expect_eq "monitor group name with a newline: EINVAL" "Invalid argument" "$(sed 's/.*: //' /tmp/.mkerr | tail -n 1)"
check "rmdir ng" rmdir $RC/ng
check "mkdir gone" mkdir $RC/gone
exec 8>$RC/gone/tasks
exec 9<$RC/gone/cpus
check "rmdir gone with two files open" rmdir $RC/gone
sh -c 'echo 0 >&8' 2>/tmp/.wrgone
expect_eq "write to a removed group's file: ENOENT" "No such file or directory" \
	"$(sed 's/.*: //' /tmp/.wrgone | tail -n 1)"
expect_eq "read of a removed group's file: ENOENT" "No such file or directory" \
	"$(cat <&9 2>&1 >/dev/null | sed 's/.*: //')"
exec 8>&- 9<&-

check "umount" umount $RC
check "rmmod" rmmod mpam_ext
finish
