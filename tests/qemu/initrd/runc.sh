# SPDX-License-Identifier: GPL-2.0
# A real container runtime on the resctrl front: Debian's runc (trixie,
# tests/qemu/initrd/run puts it and its libraries in the initramfs) runs a
# busybox container whose config has an intelRdt section (closID, L3 and
# MB schemata); from outside the container: the group, its schemata, its
# tasks, and `runc events --stats` against the group's mon_data.
# kunpeng-mini under mata, so that L3 and MB both exist; l2_mon=off, as
# runc reads mbm_total_bytes in every mon_data directory and an L2
# directory has mbm_l2_total_bytes instead.
. /tests/lib.sh

R=/sys/fs/resctrl
check "runc is in the VM" test -x /usr/sbin/runc
/usr/sbin/runc --version | head -n 1
check "kunpeng-mini mata loads" mpx_load sim=kunpeng-mini policy=mata l2_mon=off
check "resctrl mounts" mount -t resctrl resctrl $R
check "MB is offered" grep -q '^ *MB:' $R/schemata
grep -q ' /sys/fs/cgroup ' /proc/mounts || mount -t cgroup2 cgroup2 /sys/fs/cgroup
mkdir -p /run && mount -t tmpfs tmpfs /run

B=/tmp/ctr
mkdir -p $B/rootfs/bin $B/rootfs/proc $B/rootfs/dev $B/rootfs/tmp
cp /bin/busybox $B/rootfs/bin/busybox
cat >$B/config.json <<'JSON'
{
	"ociVersion": "1.0.2",
	"process": {
		"terminal": false,
		"user": { "uid": 0, "gid": 0 },
		"args": [ "/bin/busybox", "sh", "-c", "while :; do :; done" ],
		"env": [ "PATH=/bin" ],
		"cwd": "/"
	},
	"root": { "path": "rootfs", "readonly": false },
	"hostname": "mpx",
	"mounts": [
		{ "destination": "/proc", "type": "proc", "source": "proc" },
		{ "destination": "/dev", "type": "tmpfs", "source": "tmpfs",
		  "options": [ "nosuid", "strictatime", "mode=755", "size=65536k" ] }
	],
	"linux": {
		"namespaces": [ { "type": "pid" }, { "type": "mount" }, { "type": "ipc" }, { "type": "uts" } ],
		"intelRdt": {
			"closID": "mpxctr",
			"l3CacheSchema": "L3:1=ff;26=1ff00",
			"memBwSchema": "MB:1=50;26=50"
		}
	}
}
JSON
cd $B
check "runc run -d (no pivot_root in an initramfs)" sh -c '/usr/sbin/runc run -d --no-pivot mpxctr </dev/null >/tmp/runc.out 2>&1'
cat /tmp/runc.out
/usr/sbin/runc state mpxctr >/tmp/state.json 2>&1
check "runc state: running" grep -q '"status": *"running"' /tmp/state.json
pid=$(sed -n 's/.*"pid": *\([0-9]*\).*/\1/p' /tmp/state.json | head -n 1)
G=$R/mpxctr
check "group mpxctr made by runc" test -d $G
# schemata values compared without leading zeros
norm() { sed 's/^ *//; s/=0*\([0-9a-f]\)/=\1/g'; }
expect_eq "group L3 schemata" "L3:1=ff;26=1ff00" "$(grep '^ *L3:' $G/schemata | norm)"
expect_eq "group MB schemata" "MB:1=50;26=50" "$(grep '^ *MB:' $G/schemata | norm)"
check "the container's init ($pid) is in the group's tasks" grep -qx "$pid" $G/tasks
check "  ... and not in the default group's" sh -c "! grep -qx '$pid' $R/tasks"
check "runc exec: the busy loop is PID 1 inside" sh -c "/usr/sbin/runc exec mpxctr /bin/busybox cat /proc/1/cmdline | tr '\\0' ' ' | grep -q 'while :'"
# Let the busy loop use CPU time: the traffic model counts bytes for it.
n=0
while [ "$(awk '{ print $14 }' /proc/$pid/stat)" -lt 100 ] && [ $n -lt 600 ]; do
	sleep 1
	n=$((n + 1))
done
/usr/sbin/runc events --stats mpxctr >/tmp/stats.json 2>/tmp/stats.err
check "runc events --stats" test $? = 0
cat /tmp/stats.err
tr -d ' \n\t' </tmp/stats.json >/tmp/stats.1
grep -o '"intel_rdt":.*' /tmp/stats.1 | head -c 1000
echo
check "stats: intel_rdt" grep -q '"intel_rdt":{' /tmp/stats.1
check "stats: l3_cache_schema" grep -q '"l3_cache_schema":"L3:1=0*ff;26=0*1ff00"' /tmp/stats.1
check "stats: mem_bw_schema" grep -q '"mem_bw_schema":"MB:1=50;26=50"' /tmp/stats.1
nd=$(ls -d $G/mon_data/mon_L3_* | wc -l)
expect_eq "stats: one mbm_stats entry per mon_data domain" "$nd" "$(grep -o '"mbm_total_bytes":[0-9]*' /tmp/stats.1 | wc -l)"
expect_eq "stats: one cmt_stats entry per mon_data domain" "$nd" "$(grep -o '"llc_occupancy":[0-9]*' /tmp/stats.1 | wc -l)"
tot=0
for v in $(grep -o '"mbm_total_bytes":[0-9]*' /tmp/stats.1 | cut -d: -f2); do tot=$((tot + v)); done
check "stats: the busy container moved bytes ($tot)" test "$tot" -gt 0
now=0
for f in $G/mon_data/mon_L3_*/mbm_total_bytes; do now=$((now + $(cat $f))); done
check "  ... no more than mon_data reads now ($now)" test "$tot" -le "$now"
check "runc kill" /usr/sbin/runc kill mpxctr KILL
n=0
while /usr/sbin/runc state mpxctr 2>/dev/null | grep -q '"status": *"running"' && [ $n -lt 100 ]; do
	sleep 1
	n=$((n + 1))
done
check "runc delete" /usr/sbin/runc delete mpxctr
check "group has no tasks left" test -z "$(cat $G/tasks 2>/dev/null)"
# runc leaves a group named by closID (it may be shared); remove it.
[ -d $G ] && rmdir $G
cd /
check "umount" umount $R
check "rmmod" rmmod mpam_ext
finish
