# SPDX-License-Identifier: GPL-2.0
# Helpers for the scripts run inside the mpam_ext test VM. Source it.
MPX_FAILS=0
MPX_CHECKS=0
DBG=/sys/kernel/debug/mpam_ext

# check DESCRIPTION COMMAND...: run COMMAND, record pass or fail.
check() {
	desc=$1
	shift
	MPX_CHECKS=$((MPX_CHECKS + 1))
	if "$@"; then
		echo "ok: $desc"
	else
		echo "not ok: $desc"
		MPX_FAILS=$((MPX_FAILS + 1))
	fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	MPX_CHECKS=$((MPX_CHECKS + 1))
	if [ "$2" = "$3" ]; then
		echo "ok: $1"
	else
		echo "not ok: $1: expected '$2', got '$3'"
		MPX_FAILS=$((MPX_FAILS + 1))
	fi
}

# finish: exit status of the script, non-zero when any check failed.
finish() {
	echo "checks: $MPX_CHECKS, failed: $MPX_FAILS"
	[ "$MPX_CHECKS" -gt 0 ] || { echo "not ok: no checks ran"; exit 1; }
	[ "$MPX_FAILS" -eq 0 ]
}
