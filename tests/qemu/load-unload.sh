# SPDX-License-Identifier: GPL-2.0
# The module loads, shows its debugfs root, and unloads cleanly 20 times.
. /tests/lib.sh

check "modprobe mpam_ext" modprobe mpam_ext
check "debugfs root exists" test -d $DBG
expect_eq "version file" "$(modinfo -F version mpam_ext 2>/dev/null || cat /sys/module/mpam_ext/version)" "$(cat $DBG/version)"
check "rmmod mpam_ext" rmmod mpam_ext
check "debugfs root removed" test ! -e $DBG

before=$(grep -c . /proc/modules)
i=0
ok=0
while [ $i -lt 20 ]; do
	modprobe mpam_ext && [ -f $DBG/version ] && rmmod mpam_ext && [ ! -e $DBG ] && ok=$((ok + 1))
	i=$((i + 1))
done
expect_eq "20 load/unload cycles" 20 "$ok"
expect_eq "no module left loaded" "$before" "$(grep -c . /proc/modules)"
check "load messages logged" sh -c 'dmesg | grep -q "mpam_ext: version .* loaded"'
finish
