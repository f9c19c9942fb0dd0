# SPDX-License-Identifier: GPL-2.0
# boot: dt
# Devicetree discovery round trip (qemu-test --dt-platform NAME): the guest
# booted with QEMU's own DTB plus the MSC and cache nodes scripts/gen-dt
# wrote for one shipped platform. mpam_ext sim=dt must discover exactly
# that platform (named firmware); sim_hw= gives the register properties the
# devicetree does not carry.
. /tests/lib.sh

if [ ! -f /tests/dt-platform ]; then
	echo "not ok: booted without a generated DTB: run with qemu-test --dt-platform NAME"
	exit 1
fi
p=$(cat /tests/dt-platform)
DT=/proc/device-tree
grep -v '^#' /lib/firmware/mpam_ext/$p.platform | grep -v '^[[:space:]]*$' |
	sed 's/^platform name .*/platform name firmware/' >/tmp/want

check "$p: booted with the generated DTB" sh -c "ls $DT | grep -q '^msc@'"
expect_eq "$p: one MSC node per msc line" "$(grep -c '^msc ' /tmp/want)" \
	"$(ls $DT | grep -c '^msc@')"

dmesg -c >/dev/null
check "$p: modprobe sim=dt sim_hw=$p" modprobe mpam_ext sim=dt sim_hw=$p
cat $DBG/platform >/tmp/got 2>/dev/null
if check "$p: discovered platform equals the description" cmp -s /tmp/want /tmp/got; then :; else
	diff /tmp/want /tmp/got | head -n 20
fi
check "$p: discovery logged" sh -c "dmesg | grep -q 'devicetree: $(grep -c '^msc ' /tmp/want) MSCs'"
check "$p: MSC state ok" sh -c "grep -q '^state ok' $DBG/msc/*/state"
check "$p: rmmod" rmmod mpam_ext

# Without sim_hw=, every MSC is a minimal one; the layout is the devicetree's.
check "$p: modprobe sim=dt without sim_hw" modprobe mpam_ext sim=dt
expect_eq "$p: same MSCs without sim_hw" "$(grep '^msc ' /tmp/want | cut -d' ' -f1-11)" \
	"$(grep '^msc ' $DBG/platform | cut -d' ' -f1-11)"
expect_eq "$p: same topology without sim_hw" "$(grep -E '^(cache|memory) ' /tmp/want)" \
	"$(grep -E '^(cache|memory) ' $DBG/platform)"
expect_eq "$p: minimal RIS without sim_hw" "$(grep -c '^  ris ' /tmp/want)" \
	"$(grep -c 'features none partid-max 63 pmg-max 1$' $DBG/platform)"
check "$p: rmmod" rmmod mpam_ext

# A sim_hw= file that does not exist stops the load, with one message.
dmesg -c >/dev/null
check "$p: missing sim_hw refused" sh -c '! modprobe mpam_ext sim=dt sim_hw=no-such 2>/dev/null'
check "$p: missing sim_hw reported" sh -c 'dmesg | grep -q "mpam_ext/no-such.platform: cannot load"'
check "$p: module not left loaded" sh -c '! grep -q "^mpam_ext " /proc/modules'
finish
