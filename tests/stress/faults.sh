# SPDX-License-Identifier: GPL-2.0
# Fault injection (scripts/stress): failslab and fail_page_alloc make the
# module's allocations fail at random during load, mount, mkdir, schemata
# writes, counter assignment and unload. Each operation either succeeds
# or fails with a clean error; afterwards, without faults, the state is
# whole (what failed left nothing behind, what succeeded can be undone),
# and after the last unload kmemleak finds nothing.
. /tests/lib.sh
. /stress/params
D=/sys/kernel/debug
if [ ! -d $D/failslab ] || [ ! -d $D/fail_page_alloc ]; then
	echo "skip: this kernel has no failslab/fail_page_alloc (CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC)"
	check "fault injection is in the debug kernel" false
	finish
	exit 1
fi
kmemleak_clear
FI_ROUNDS=${FI_ROUNDS:-12}

fi_set() { # fi_set FILE VALUE: both fault attributes
	echo "$2" >$D/failslab/$1
	echo "$2" >$D/fail_page_alloc/$1
}
# Faults only for tasks that ask (make-it-fail), sleeping allocations
# included, single pages included.
fi_set task-filter Y
fi_set ignore-gfp-wait N
fi_set verbose 0
fi_set interval 1
fi_set times -1
echo 0 >$D/fail_page_alloc/min-order
echo N >$D/fail_page_alloc/ignore-gfp-highmem

# fi_range: restrict faults to allocations made from the module's code
# (its address range from /proc/modules); fi_area: the module area, for
# the load, before the module has an address.
fi_range() {
	set -- $(awk '$1 == "mpam_ext" { print $2, $6 }' /proc/modules)
	# Kernel addresses do not fit the shell's signed arithmetic: add the
	# size to the low 48 bits.
	low=${2#0xffff}
	fi_set require-start "$2"
	fi_set require-end "$(printf '0xffff%012x' $((0x$low + $1)))"
}
fi_area() {
	# The module's code before it is loaded: a clean load shows where the
	# module area is; faults go to callers within 256 MiB of it (the
	# module area), never to the kernel's own loader, whose failures under
	# injection are the kernel's business (they WARN).
	mpx_load sim=kunpeng-mini policy=mata || return 1
	set -- $(awk '$1 == "mpam_ext" { print $6 }' /proc/modules)
	rmmod mpam_ext || return 1
	low=${1#0xffff}
	fi_set require-start "$(printf '0xffff%012x' $((0x$low - 0x10000000)))"
	fi_set require-end "$(printf '0xffff%012x' $((0x$low + 0x10000000)))"
}
# faulty PERCENT COMMAND...: run COMMAND with faults at PERCENT; its
# status is returned; errors go to /tmp/fi.err.
faulty() {
	p=$1
	shift
	fi_set probability "$p"
	sh -c 'echo 1 >/proc/self/make-it-fail; exec "$@"' faulty "$@" 2>/tmp/fi.err
	r=$?
	fi_set probability 0
	return $r
}
clean_err() { # the error of a failed command is an errno message, no oops
	! grep -qiE 'killed|segmentation|oops' /tmp/fi.err
}
loaded() { grep -q '^mpam_ext ' /proc/modules; }
mounted() { grep -q ' /sys/fs/resctrl resctrl ' /proc/mounts; }

# --- load: faults in the module's own allocations
check "the module area is known" fi_area || { finish; exit 1; }
ok=0 failed=0 i=0
while [ $i -lt "$FI_ROUNDS" ]; do
	i=$((i + 1))
	dmesg -c >/dev/null
	if faulty 10 modprobe mpam_ext sim=kunpeng-mini policy=mata; then
		ok=$((ok + 1))
		check "load $i: debugfs is there after a load" test -e $DBG/decisions
		check "load $i: unload after a load" rmmod mpam_ext
	else
		failed=$((failed + 1))
		check "load $i: a failed load is clean" clean_err
		check "load $i: a failed load leaves no module" sh -c '! grep -q "^mpam_ext " /proc/modules'
		check "load $i: a failed load leaves no debugfs" test ! -e $DBG
	fi
done
echo "load: $ok succeeded, $failed failed under faults"
check "a load works after the faults" mpx_load sim=kunpeng-mini policy=mata || { finish; exit 1; }

# --- mount
fi_range
ok=0 failed=0 i=0
while [ $i -lt "$FI_ROUNDS" ]; do
	i=$((i + 1))
	if faulty 10 mount -t resctrl resctrl $RC; then
		ok=$((ok + 1))
		check "mount $i: umount after a mount" umount $RC
	else
		failed=$((failed + 1))
		check "mount $i: a failed mount is clean" clean_err
		check "mount $i: a failed mount leaves no mount" sh -c '! grep -q " /sys/fs/resctrl resctrl " /proc/mounts'
	fi
done
echo "mount: $ok succeeded, $failed failed under faults"
check "mount works after the faults" mount -t resctrl resctrl $RC || { finish; exit 1; }

# --- mkdir of control and monitor groups
ok=0 failed=0 i=0
while [ $i -lt "$FI_ROUNDS" ]; do
	i=$((i + 1))
	if faulty 10 mkdir $RC/f$i; then
		ok=$((ok + 1))
		check "mkdir $i: the group has its files" test -e $RC/f$i/schemata
		faulty 10 mkdir $RC/f$i/mon_groups/m && check "mkdir $i: the monitor group has its files" test -e $RC/f$i/mon_groups/m/tasks
	else
		failed=$((failed + 1))
		check "mkdir $i: a failed mkdir is clean" clean_err
		check "mkdir $i: a failed mkdir leaves no entry" test ! -e $RC/f$i
	fi
done
echo "mkdir: $ok succeeded, $failed failed under faults"
rm_all() {
	bad=0
	for m in $RC/*/mon_groups/*; do [ -d "$m" ] && { rmdir "$m" || bad=1; }; done
	for g in $RC/f*; do [ -d "$g" ] && { rmdir "$g" || bad=1; }; done
	return $bad
}
check "every group made under faults is removed" rm_all

# --- schemata writes: all or nothing
check "mkdir g" mkdir $RC/g
before=$(cat $RC/g/schemata)
ok=0 failed=0 i=0
while [ $i -lt "$FI_ROUNDS" ]; do
	i=$((i + 1))
	printf 'L3:1=%x;26=f0\nMB:1=%d;26=40\n' $((1 << (i % 8))) $((10 + i)) >/tmp/sch
	if faulty 10 dd if=/tmp/sch of=$RC/g/schemata bs=1M conv=notrunc; then
		ok=$((ok + 1))
		before=$(cat $RC/g/schemata)
	else
		failed=$((failed + 1))
		expect_eq "schemata $i: a failed write changes nothing" "$before" "$(cat $RC/g/schemata)"
	fi
done
echo "schemata: $ok succeeded, $failed failed under faults"

# --- counter assignment
ok=0 failed=0 i=0
for f in $RC/g/mbm_L3_assignments; do
	[ -e "$f" ] || { echo "skip: no mbm_L3_assignments"; break; }
	while [ $i -lt "$FI_ROUNDS" ]; do
		i=$((i + 1))
		if [ $((i % 2)) = 0 ]; then v=e; else v=_; fi
		printf 'mbm_total_bytes:*=%s\n' $v >/tmp/asg
		if faulty 10 dd if=/tmp/asg of=$f bs=1M conv=notrunc; then
			ok=$((ok + 1))
		else
			failed=$((failed + 1))
		fi
		check "assign $i: the assignments still read" cat $f
		check "assign $i: the counters still read" cat $RC/info/L3_MON/available_mbm_cntrs
	done
done
echo "assignment: $ok succeeded, $failed failed under faults"

# --- unload under faults, after the last group and the mount are gone
check "rmdir g" rmdir $RC/g
check "umount" umount $RC
faulty 30 rmmod mpam_ext
check "the module is gone after an unload under faults" sh -c '! grep -q "^mpam_ext " /proc/modules'
fi_set probability 0
fi_set task-filter N
check "a load works after everything" mpx_load sim=kunpeng-mini policy=mata
check "and an unload" rmmod mpam_ext
kmemleak_none "after the faults"
finish
