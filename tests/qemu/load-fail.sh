# SPDX-License-Identifier: GPL-2.0
# kernels: 7.2
# A load that fails after debugfs "platform" exists (cpu_side=hw refused
# with simulated MSCs) unwinds with the file removed before the platform it
# shows is freed: a reader of the file during the failed loads sees either
# the platform or an error, never freed memory (KASAN on the debug kernel
# reports it, and the kernel's panic_on_warn stops the VM). Nothing is
# left behind: no module, no debugfs, no leak.
. /tests/lib.sh

kmemleak_clear
dmesg -c >/dev/null
/tests/bin/reread $DBG/platform >/tmp/reread.out &
reader=$!
ROUNDS=12
i=0
refused=0
while [ $i -lt $ROUNDS ]; do
	i=$((i + 1))
	modprobe mpam_ext sim=kunpeng-mini policy=mata cpu_side=hw 2>/dev/null ||
		refused=$((refused + 1))
done
kill -TERM $reader
wait $reader
cat /tmp/reread.out
expect_eq "every load with cpu_side=hw over simulated MSCs fails" $ROUNDS $refused
check "the failure is the CPU side's" sh -c 'dmesg | grep -q "cpu_side=hw refused"'
check "no module is left" sh -c '! grep -q "^mpam_ext " /proc/modules'
check "no debugfs is left" test ! -e $DBG
check "the kernel reported nothing" sh -c '! dmesg | grep -E "BUG|KASAN|WARNING|Unable to handle"'
check "a load works after the failed ones" modprobe mpam_ext sim=kunpeng-mini policy=mata
check "and reads the platform" grep -q . $DBG/platform
check "and unloads" rmmod mpam_ext
kmemleak_none "after the failed loads"
finish
