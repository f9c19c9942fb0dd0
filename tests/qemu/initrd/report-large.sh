# SPDX-License-Identifier: GPL-2.0
# mpam-ext-report on a machine larger than QEMU can run: kunpeng-hip12
# (platforms/full/, 96 CPUs) in a VM with 96 CPUs possible and 8 online
# (scripts/qemu-test --smp 96). The bundle goes to the console as in
# report.sh, for the host to replay with the same 96 CPUs possible.
. /tests/lib.sh

expect_eq "96 CPUs possible" 0-95 "$(cat /sys/devices/system/cpu/possible)"
check "kunpeng-hip12 mata loads" mpx_load sim=kunpeng-hip12 policy=mata
check "MB picked" grep -q 'what=MB .*result=picked' $DBG/decisions
mkdir -p /tmp/rep
out=$(/usr/bin/mpam-ext-report -o /tmp/rep 2>/tmp/rep.err)
check "mpam-ext-report exits 0" test $? = 0
tarball=$(echo "$out" | tail -n 1)
check "prints the tarball's path" test -f "$tarball"
name=$(basename "$tarball" .tar.gz)
tar -C /tmp/rep -xzf "$tarball"
expect_eq "MANIFEST cpus-possible" "cpus-possible 0-95" "$(grep '^cpus-possible ' /tmp/rep/$name/MANIFEST)"
check "debugfs/platform" cmp -s $DBG/platform /tmp/rep/$name/debugfs/platform
echo "@@BUNDLE BEGIN $name"
base64 "$tarball"
echo "@@BUNDLE END"
check "rmmod" rmmod mpam_ext
finish
