# SPDX-License-Identifier: GPL-2.0
# boot: acpi
# ACPI discovery round trip for the tables scripts/gen-acpi-tables wrote for
# one shipped platform (qemu-test --acpi-platform NAME [--uefi]).
#  - ACPI boot (--uefi): the PPTT came through the kernel's table upgrade,
#    and the MPAM table too where the table upgrade takes it; mpam_ext
#    sim=acpi reads the firmware's tables, and the MPAM table again through
#    the firmware loader (acpi_table=).
#  - Devicetree boot: both tables through the firmware loader (acpi_table=,
#    acpi_pptt=), as when replaying another machine's tables.
# Each time the discovered platform must be the description the tables were
# generated from; sim_hw= gives the register properties ACPI does not carry.
. /tests/lib.sh

if [ ! -f /tests/acpi-platform ]; then
	echo "not ok: booted without tables: run with qemu-test --acpi-platform NAME"
	exit 1
fi
p=$(cat /tests/acpi-platform)
T=/sys/firmware/acpi/tables
F=/lib/firmware/mpam_ext/acpi
TBL="acpi_table=mpam_ext/acpi/MPAM.aml"
grep -v '^#' /lib/firmware/mpam_ext/$p.platform | grep -v '^[[:space:]]*$' |
	sed 's/^platform name .*/platform name firmware/' >/tmp/want

# dump WHAT: the debugfs platform equals the description
dump() {
	cat $DBG/platform >/tmp/got 2>/dev/null
	if check "$p: $1: discovered platform equals the description" cmp -s /tmp/want /tmp/got; then :; else
		diff /tmp/want /tmp/got | head -n 20
	fi
}

if [ -d $T ]; then
	echo "ACPI boot"
	check "$p: generated PPTT replaced the firmware's" cmp -s $F/PPTT.aml $T/PPTT
	if dmesg | grep -q 'ACPI OVERRIDE: Unknown signature.*MPAM'; then
		echo "this kernel's table upgrade does not take MPAM tables: firmware loader only"
		check "$p: no MPAM table in firmware" test ! -e $T/MPAM
		dmesg -c >/dev/null
		check "$p: sim=acpi without a table refused" sh -c '! modprobe mpam_ext sim=acpi 2>/dev/null'
		check "$p: refusal explained" sh -c 'dmesg | grep -q "firmware has no MPAM table"'
	else
		check "$p: injected MPAM table installed" cmp -s $F/MPAM.aml $T/MPAM
		check "$p: modprobe sim=acpi (firmware tables)" modprobe mpam_ext sim=acpi sim_hw=$p
		dump "firmware tables"
		check "$p: rmmod" rmmod mpam_ext
		# Hardware mode: a kernel with the built-in MPAM driver refuses it
		# with one line; any other leaves the MSCs alone (no FEAT_MPAM).
		dmesg -c >/dev/null
		if modprobe mpam_ext 2>/dev/null; then
			check "$p: hardware mode leaves the MSCs alone" sh -c 'dmesg | grep -q "no FEAT_MPAM: MSCs not used"'
			check "$p: rmmod" rmmod mpam_ext
		else
			# busybox modprobe retries a failed init once: one
			# distinct line per attempt
			expect_eq "$p: hardware mode refused with one line" 1 \
				"$(dmesg | grep "built-in MPAM driver owns the MSCs" |
					sed 's/^\[[^]]*\] //' | sort -u | wc -l)"
			check "$p: refusal names the way out" sh -c \
				'dmesg | grep -q "hardware mode refused (load with sim=<platform> to use the simulator)"'
			check "$p: refused module not loaded" sh -c '! grep -q "^mpam_ext " /proc/modules'
		fi
	fi
else
	echo "devicetree boot: the PPTT through the firmware loader too"
	TBL="$TBL acpi_pptt=mpam_ext/acpi/PPTT.aml"
	dmesg -c >/dev/null
	check "$p: sim=acpi without tables refused" sh -c '! modprobe mpam_ext sim=acpi 2>/dev/null'
	check "$p: refusal explained" sh -c 'dmesg | grep -q "firmware has no MPAM table"'
	dmesg -c >/dev/null
	check "$p: cache locators need a PPTT" sh -c "! modprobe mpam_ext sim=acpi acpi_table=mpam_ext/acpi/MPAM.aml 2>/dev/null"
	check "$p: missing PPTT reported" sh -c 'dmesg | grep -q "cannot be resolved: there is no PPTT"'
fi

# The firmware loader path, as a vendor would replay a real machine's table.
check "$p: modprobe sim=acpi $TBL" modprobe mpam_ext sim=acpi $TBL sim_hw=$p
dump "firmware loader"
check "$p: MSC state ok" sh -c "grep -q '^state ok' $DBG/msc/*/state"
check "$p: rmmod" rmmod mpam_ext

# Without sim_hw=, every MSC is a minimal one; the layout is the table's.
check "$p: modprobe without sim_hw" modprobe mpam_ext sim=acpi $TBL
expect_eq "$p: same MSCs without sim_hw" "$(grep -c '^msc ' /tmp/want)" "$(grep -c '^msc ' $DBG/platform)"
check "$p: rmmod" rmmod mpam_ext

# A broken table is refused with one message naming what is wrong.
dd if=$F/MPAM.aml of=$F/short.aml bs=1 count=100 2>/dev/null
dmesg -c >/dev/null
check "$p: truncated table refused" sh -c "! modprobe mpam_ext sim=acpi $TBL acpi_table=mpam_ext/acpi/short.aml 2>/dev/null"
check "$p: truncation reported" sh -c 'dmesg | grep -q "short.aml: MPAM table: length"'
check "$p: acpi_table= without sim=acpi refused" sh -c "! modprobe mpam_ext $TBL 2>/dev/null"
check "$p: module not left loaded" sh -c '! grep -q "^mpam_ext " /proc/modules'
finish
