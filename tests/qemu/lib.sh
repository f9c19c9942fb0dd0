# SPDX-License-Identifier: GPL-2.0
# Helpers for the scripts run inside the mpam_ext test VM. Source it.
MPX_FAILS=0
MPX_CHECKS=0
MPX_T0=$(date +%s)
DBG=/sys/kernel/debug/mpam_ext

# check DESCRIPTION COMMAND...: run COMMAND, record pass or fail; returns
# COMMAND's success, so that a script can stop what depends on it.
check() {
	desc=$1
	shift
	MPX_CHECKS=$((MPX_CHECKS + 1))
	if "$@"; then
		echo "ok: $desc"
		return 0
	fi
	echo "not ok: $desc"
	MPX_FAILS=$((MPX_FAILS + 1))
	return 1
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
	echo "checks: $MPX_CHECKS, failed: $MPX_FAILS, time: $(($(date +%s) - MPX_T0)) s"
	[ "$MPX_CHECKS" -gt 0 ] || { echo "not ok: no checks ran"; exit 1; }
	[ "$MPX_FAILS" -eq 0 ]
}

# The resctrl front (tests of the mounted filesystem).
RC=/sys/fs/resctrl

# wrf FILE SRC: SRC's bytes to FILE in one write(2). WR_ERR is the error
# text (strerror, e.g. "Invalid argument"), empty on success.
wrf() {
	if dd if="$2" of="$1" bs=1M conv=notrunc 2>/tmp/.wrerr.$$; then
		WR_ERR=""
		return 0
	fi
	WR_ERR=$(grep -v 'records \(in\|out\)\|bytes.*copied' /tmp/.wrerr.$$ | tail -n 1 | sed 's/.*: //')
	[ -n "$WR_ERR" ] || WR_ERR=unknown
	return 1
}

# wr FILE TEXT: TEXT and a newline to FILE in one write(2), as wrf (temporary
# files per shell, so that concurrent shells can write).
wr() {
	printf '%s\n' "$2" >/tmp/.wrin.$$
	wrf "$1" /tmp/.wrin.$$
}

# expect_refused DESCRIPTION ERROR STATUS FILE TEXT: writing TEXT fails
# with ERROR (strerror text) and info/last_cmd_status then reads STATUS
# (STATUS "-" skips that check).
expect_refused() {
	wr "$4" "$5"
	expect_eq "$1: refused with $2" "$2" "$WR_ERR"
	[ "$3" = - ] || expect_eq "$1: last_cmd_status" "$3" "$(cat $RC/info/last_cmd_status)"
}

# mpx_load ARGS...: modprobe mpam_ext with a clean dmesg.
mpx_load() {
	dmesg -c >/dev/null
	modprobe mpam_ext "$@"
}

# ratio_ok A B WANT TOL: A/B within WANT*(1 +- TOL) (B > 0); prints A/B.
ratio_ok() {
	awk -v a="$1" -v b="$2" -v w="$3" -v t="$4" 'BEGIN {
		if (b <= 0) { print "ratio: divisor " b; exit 1 }
		r = a / b; printf "ratio %s/%s = %.3f (want %.3f +- %d%%)\n", a, b, r, w, t * 100
		exit !(r >= w * (1 - t) && r <= w * (1 + t)) }'
}

# sim_bad_accesses: "MSC: bad_x n ..." for every simulated MSC whose
# sim_stats count a bad access (docs/simulator.md), nothing when none did.
sim_bad_accesses() {
	for d in $DBG/msc/*/; do
		[ -f $d/sim_stats ] || continue
		b=$(grep '^bad_' $d/sim_stats | grep -v ' 0$' | tr '\n' ' ')
		[ -z "$b" ] || printf ' %s: %s' "$(basename $d)" "$b"
	done
}

# kmemleak_clear: forget what kmemleak found so far (debug kernel only).
kmemleak_clear() {
	[ -e /sys/kernel/debug/kmemleak ] && echo clear >/sys/kernel/debug/kmemleak
	return 0
}

# kmemleak_none WHEN: on a kernel with kmemleak, scan and check that it
# finds no leak since kmemleak_clear, printing what it found otherwise.
kmemleak_none() {
	kml=/sys/kernel/debug/kmemleak
	[ -e $kml ] || return 0
	echo scan >$kml
	leaks=$(grep -c '^unreferenced object' $kml)
	[ "$leaks" = 0 ] || head -n 60 $kml
	expect_eq "kmemleak finds no leak $1" 0 "$leaks"
}
