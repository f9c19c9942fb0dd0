# SPDX-License-Identifier: GPL-2.0
# Replay of a bug-report bundle (scripts/replay puts it in the initramfs):
# the module loaded with the bundle's parameters on the bundle's firmware
# tables or platform, its decisions printed; then the same under the other
# policy. /tests/replay/params holds the modprobe arguments,
# /tests/replay/other the other policy's name.
. /tests/lib.sh

P=$(cat /tests/replay/params)
O=$(cat /tests/replay/other)
# run LABEL ARGS...: load, print the decisions between markers, unload.
run() {
	label=$1
	shift
	echo "# modprobe mpam_ext $*"
	if check "$label: loads" mpx_load "$@"; then
		echo "@@REPLAY BEGIN $label"
		cat $DBG/decisions
		echo "@@REPLAY END"
		check "$label: rmmod" rmmod mpam_ext
	else
		dmesg | grep mpam_ext
	fi
}
# shellcheck disable=SC2086
run bundle-policy $P
# shellcheck disable=SC2086
run other-policy $P policy=$O
finish
