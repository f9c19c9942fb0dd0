# SPDX-License-Identifier: GPL-2.0
# The stress run (scripts/stress): mpx-stress's random operations on a
# mounted resctrl with tasks, threads, io_uring workers and CPU hotplug
# going on, then everything it left is removed, the filesystem unmounted
# and the module unloaded; nothing may leak. Kernel reports (KASAN,
# lockdep, WARN) fail the boot itself.
. /tests/lib.sh
. /stress/params
kmemleak_clear

online0=$(cat /sys/devices/system/cpu/online)
check "load" mpx_load sim=kunpeng-mini policy=mata || { finish; exit 1; }
check "mount" mount -t resctrl resctrl $RC || { finish; exit 1; }
/stress/mpx-stress -t "$STRESS_SECONDS" -s "$STRESS_SEED" -w "$STRESS_WORKERS" -c >/tmp/stress.out 2>&1
rc=$?
cat /tmp/stress.out
expect_eq "mpx-stress ends cleanly (seed $STRESS_SEED)" 0 "$rc"
# Every CPU the run took offline is back.
expect_eq "every CPU online again" "$online0" "$(cat /sys/devices/system/cpu/online)"

# rm_groups: remove every monitor and control group; each rmdir succeeds.
rm_groups() {
	bad=0
	for m in $RC/mon_groups/* $RC/*/mon_groups/*; do
		[ -d "$m" ] || continue
		rmdir "$m" || bad=1
	done
	for g in $RC/*; do
		[ -d "$g" ] || continue
		case ${g##*/} in info|mon_groups|mon_data) continue ;; esac
		rmdir "$g" || bad=1
	done
	return $bad
}
check "every group the run left is removed" rm_groups
check "root's schemata still reads" cat $RC/schemata
check "unmount" umount $RC
check "unload" rmmod mpam_ext
kmemleak_none "after the stress run"
finish
