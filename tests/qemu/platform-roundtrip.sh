# SPDX-License-Identifier: GPL-2.0
# Each shipped platform loads in simulation mode, and the debugfs dump (built
# from what the driver probed in the simulated MSCs) equals the file.
. /tests/lib.sh

for p in tiny kunpeng-mini grace-mini kunpeng-strict; do
	f=/lib/firmware/mpam_ext/$p.platform
	check "$p: shipped file present" test -f $f
	check "$p: modprobe sim=$p" modprobe mpam_ext sim=$p
	grep -v '^#' $f | grep -v '^[[:space:]]*$' >/tmp/want
	cat $DBG/platform >/tmp/got 2>/dev/null
	if check "$p: dump equals the file" cmp -s /tmp/want /tmp/got; then :; else
		diff /tmp/want /tmp/got | head -n 20
	fi
	check "$p: rmmod" rmmod mpam_ext
done

# Names that cannot be platform files are refused with a message.
dmesg -c >/dev/null
check "missing platform refused" sh -c '! modprobe mpam_ext sim=no-such-platform 2>/dev/null'
check "missing platform named in dmesg" sh -c 'dmesg | grep -q "no-such-platform"'
check "path in platform name refused" sh -c '! modprobe mpam_ext sim=../etc 2>/dev/null'
check "module not left loaded" sh -c '! grep -q "^mpam_ext " /proc/modules'

# A platform naming a CPU this VM lacks is refused with the CPU in the message.
sed 's/cpus 0-7/cpus 0-70/' /lib/firmware/mpam_ext/tiny.platform >/lib/firmware/mpam_ext/bigcpu.platform
dmesg -c >/dev/null
check "platform with absent CPUs refused" sh -c '! modprobe mpam_ext sim=bigcpu 2>/dev/null'
check "absent CPU reported" sh -c 'dmesg | grep -i "cpu" | grep -q "bigcpu"'
finish
