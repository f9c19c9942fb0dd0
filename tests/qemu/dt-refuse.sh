# SPDX-License-Identifier: GPL-2.0
# boot: dt
# Devicetree discovery refuses malformed nodes (qemu-test --dt-platform tiny
# --dt-break CASE): the guest booted with the tiny platform's nodes made
# malformed in one way; sim=dt must fail with exactly the one message
# scripts/gen-dt wrote to /tests/dt-expect, and leave nothing loaded.
. /tests/lib.sh

if [ ! -f /tests/dt-expect ]; then
	echo "not ok: booted without a malformed DTB: run with qemu-test --dt-platform tiny --dt-break CASE"
	exit 1
fi
want="mpam_ext: devicetree: $(cat /tests/dt-expect)"

dmesg -c >/dev/null
check "malformed devicetree refused" sh -c '! modprobe mpam_ext sim=dt sim_hw=tiny 2>/dev/null'
# busybox modprobe retries a failed finit_module() with init_module(): the
# module's init may run twice, each time with the same one line.
got=$(dmesg | grep 'mpam_ext: devicetree: ' | sed 's/^\[[ 0-9.]*\] //' | sort -u)
expect_eq "the one message" "$want" "$got"
check "module not left loaded" sh -c '! grep -q "^mpam_ext " /proc/modules'
check "no debugfs left" test ! -e $DBG
finish
