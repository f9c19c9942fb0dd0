# SPDX-License-Identifier: GPL-2.0
# mpam-ext-report in the VM (busybox only), with the module loaded on
# kunpeng-mini under mata and a resctrl group in use: the tarball, its
# manifest and its contents against the live files. The bundle goes to the
# console, base64 between "@@BUNDLE BEGIN" and "@@BUNDLE END" lines, for the
# host to replay. Needs /usr/bin/mpam-ext-report in the initramfs
# (tests/qemu/initrd/run puts it there).
. /tests/lib.sh

check "mpam-ext-report is in the VM" test -x /usr/bin/mpam-ext-report
check "kunpeng-mini mata loads" mpx_load sim=kunpeng-mini policy=mata l2_mon=on
mkdir -p /tmp/rep
out=$(/usr/bin/mpam-ext-report -o /tmp/rep 2>/tmp/rep.err)
check "mpam-ext-report exits 0" test $? = 0
cat /tmp/rep.err
tarball=$(echo "$out" | tail -n 1)
check "prints the tarball's path" test -f "$tarball"
name=$(basename "$tarball" .tar.gz)
check "one directory in the tarball" sh -c "tar -tzf '$tarball' | grep -v '^$name/' | grep -q . && exit 1 || exit 0"
tar -C /tmp/rep -xzf "$tarball"
B=/tmp/rep/$name
M=$B/MANIFEST
check "MANIFEST" test -f $M
expect_eq "MANIFEST header" "# mpam-ext-report 1" "$(head -n 1 $M)"
expect_eq "MANIFEST kernel" "kernel $(uname -r)" "$(grep '^kernel ' $M)"
expect_eq "MANIFEST module version" "module $(cat $DBG/version)" "$(grep '^module ' $M)"
expect_eq "MANIFEST cpus-possible" "cpus-possible $(cat /sys/devices/system/cpu/possible)" "$(grep '^cpus-possible ' $M)"
# every "file" line names a file of that size; every file is listed
bad=$(grep '^file ' $M | while read -r _ p n _; do
	[ -f "$B/$p" ] && [ "$(wc -c <"$B/$p" | tr -d ' ')" = "$n" ] || echo "$p"
done)
expect_eq "every listed file is there with its size" "" "$bad"
extra=$(cd $B && find . -type f ! -name MANIFEST | sed 's|^\./||' | while read -r p; do
	grep -q "^file $p " $M || echo "$p"
done)
expect_eq "every file is listed" "" "$extra"
# DT boot: no ACPI tables, recorded as absent
for t in MPAM PPTT SRAT; do
	if [ -e /sys/firmware/acpi/tables/$t ]; then
		check "acpi/$t copied" cmp -s /sys/firmware/acpi/tables/$t $B/acpi/$t
	else
		check "acpi/$t absent, said so" grep -q "^absent /sys/firmware/acpi/tables/$t " $M
	fi
done
# topology, cpuinfo, kernel
C=sys/devices/system/cpu
for f in $C/possible $C/online $C/cpu0/topology/core_id $C/cpu7/topology/core_id; do
	check "$f" cmp -s /$f $B/$f
done
n=$(ls -d /$C/cpu*/cache/index* 2>/dev/null | wc -l)
expect_eq "cache index directories" "$n" "$(ls -d $B/$C/cpu*/cache/index* 2>/dev/null | wc -l)"
[ -e /sys/devices/system/node/node0/cpulist ] &&
	check "node0 cpulist" cmp -s /sys/devices/system/node/node0/cpulist $B/sys/devices/system/node/node0/cpulist
check "proc/cpuinfo" cmp -s /proc/cpuinfo $B/proc/cpuinfo
check "kernel/uname" grep -q "$(uname -r)" $B/kernel/uname
check "kernel config lines, or said absent" sh -c "test -f $B/kernel/config || grep -q '^absent kernel-config ' $M"
# module parameters
for p in sim policy l2_mon exclude mb_class; do
	check "parameter $p" cmp -s /sys/module/mpam_ext/parameters/$p $B/module/parameters/$p
done
expect_eq "parameter policy reads mata" mata "$(cat $B/module/parameters/policy)"
# debugfs
for f in version platform decisions monitors partids; do
	check "debugfs/$f" cmp -s $DBG/$f $B/debugfs/$f
done
nc=$(ls $DBG/classes | wc -l)
check "classes: some" test "$nc" -gt 0
for cl in $(ls $DBG/classes); do
	for f in $(ls $DBG/classes/$cl); do
		check "debugfs/classes/$cl/$f" cmp -s $DBG/classes/$cl/$f $B/debugfs/classes/$cl/$f
	done
done
check "no inject_* files" sh -c "! find $B/debugfs -name 'inject_*' | grep -q ."
check "dmesg lines of the module" grep -q '^.*mpam_ext: what=MB class=255 result=picked' $B/dmesg
check "dmesg: only MPAM lines" sh -c "! grep -vi mpam $B/dmesg | grep -q ."
# The bundle, for the host
echo "@@BUNDLE BEGIN $name"
base64 "$tarball"
echo "@@BUNDLE END"
check "rmmod" rmmod mpam_ext
finish
