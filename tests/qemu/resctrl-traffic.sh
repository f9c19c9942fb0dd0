# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# Limits written through the resctrl filesystem change what its monitors
# read under the simulator's traffic model: busy tasks in groups with
# MB 100 and 50 read bandwidth in the ratio 2:1, a 4-bit cache portion
# against the whole cache reads occupancy in the ratio of the bits, and a
# group with no task reads nothing.
. /tests/lib.sh

# ev_sum GROUP EVENT: GROUP's EVENT summed over every L3 domain; "x" when a
# read is not a number (Unassigned, Unavailable, an error).
ev_sum() {
	s=0
	for d in "$1"/mon_data/mon_L3_*; do
		v=$(cat "$d/$2" 2>/dev/null)
		case $v in '' | *[!0-9]*) echo x; return ;; esac
		s=$(awk -v a="$s" -v b="$v" 'BEGIN { printf "%.0f", a + b }')
	done
	echo "$s"
}
# ev_dom GROUP DOMAIN EVENT: one domain's reading
ev_dom() {
	cat "$1/mon_data/mon_L3_$(printf %02d "$2")/$3" 2>/dev/null || echo x
}
num() { case $1 in '' | *[!0-9]*) return 1 ;; esac; }
busy() { # busy CPU: a busy loop pinned to CPU; prints its pid
	taskset -c "$1" sh -c 'while :; do :; done' >/dev/null 2>&1 &
	echo $!
}

# run_case NAME CPU DOM OTHER-DOM CACHE(0/1) MODULE-ARGS...: both busy tasks
# on CPU (under L3 domain DOM), so that they share its time evenly; the
# cache checks when CACHE is 1, with OTHER-DOM an L3 domain they are not under.
run_case() {
	name=$1 ca=$2 da=$3 od=$4 cache=$5 cb=$2 db=$3
	shift 5
	check "$name: loads" mpx_load "$@" || return
	if ! check "$name: mounted" mount -t resctrl resctrl $RC; then
		rmmod mpam_ext
		return
	fi
	check "$name: mbm_event mode" grep -qx '\[mbm_event\]' $RC/info/L3_MON/mbm_assign_mode
	# Counters come with mkdir (and are checked by the reads being numbers);
	# with mbm_L3_assignments the default group gives its own back first.
	check "$name: counters assigned at mkdir" wr $RC/info/L3_MON/mbm_assign_on_mkdir 1
	[ -e $RC/mbm_L3_assignments ] && wr $RC/mbm_L3_assignments 'mbm_total_bytes:*=_'
	mkdir $RC/a $RC/b $RC/c
	doms=$(sed -n 's/^ *MB://p' $RC/schemata | tr ';' '\n' | cut -d= -f1)
	sa="" sb=""
	for d in $doms; do sa="$sa;$d=100" sb="$sb;$d=50"; done
	check "$name: a MB 100" wr $RC/a/schemata "MB:${sa#;}"
	check "$name: b MB 50" wr $RC/b/schemata "MB:${sb#;}"
	if [ "$cache" = 1 ]; then
		full=$(cat $RC/info/L3/cbm_mask)
		check "$name: a L3 4 bits" wr $RC/a/schemata "L3:$da=f"
		check "$name: b L3 all bits" wr $RC/b/schemata "L3:$db=$full"
	fi
	pa=$(busy "$ca")
	pb=$(busy "$cb")
	check "$name: task into a" wr $RC/a/tasks "$pa"
	check "$name: task into b" wr $RC/b/tasks "$pb"
	sleep 1
	a0=$(ev_sum $RC/a mbm_total_bytes) b0=$(ev_sum $RC/b mbm_total_bytes) c0=$(ev_sum $RC/c mbm_total_bytes)
	sleep 4
	a1=$(ev_sum $RC/a mbm_total_bytes) b1=$(ev_sum $RC/b mbm_total_bytes) c1=$(ev_sum $RC/c mbm_total_bytes)
	echo "$name: mbm_total_bytes a $a0 -> $a1, b $b0 -> $b1, c $c0 -> $c1"
	if check "$name: mbm_total_bytes reads are numbers" num "$a0$a1$b0$b1$c0$c1"; then
		da_=$(awk -v x="$a0" -v y="$a1" 'BEGIN { printf "%.0f", y - x }')
		db_=$(awk -v x="$b0" -v y="$b1" 'BEGIN { printf "%.0f", y - x }')
		dc_=$(awk -v x="$c0" -v y="$c1" 'BEGIN { printf "%.0f", y - x }')
		check "$name: a counted traffic" test "$da_" -gt 0
		check "$name: MB 100 vs 50 reads 2:1 (+-15%)" ratio_ok "$da_" "$db_" 2 0.15
		expect_eq "$name: the group with no task reads 0 bytes" 0 "$dc_"
	fi
	if [ "$cache" = 1 ]; then
		# Occupancy settles at the portion: read twice to see it stay.
		sleep 2
		oa=$(ev_dom $RC/a "$da" llc_occupancy) ob=$(ev_dom $RC/b "$db" llc_occupancy)
		oc=$(ev_sum $RC/c llc_occupancy) oa2=$(ev_dom $RC/a "$od" llc_occupancy)
		echo "$name: llc_occupancy a $oa (its other domain $oa2), b $ob, c $oc"
		bits=$(awk -v m="$full" 'BEGIN { n = 0; v = 0
			for (i = 1; i <= length(m); i++) v = v * 16 + index("0123456789abcdef", substr(m, i, 1)) - 1
			while (v > 0) { n += v % 2; v = int(v / 2) } print n }')
		if check "$name: llc_occupancy reads are numbers" num "$oa$ob$oc$oa2"; then
			check "$name: 4 bits vs $bits bits reads 4:$bits (+-15%)" ratio_ok "$oa" "$ob" \
				"$(awk -v b="$bits" 'BEGIN { print 4 / b }')" 0.15
			# the cap of 4 bits: the L3 size (sim_l3_kib, docs/simulator.md)
			# times 4 / bits, within 2%
			kib=$(sed -n 's/^sim_l3_kib //p' $DBG/traffic)
			check "$name: 4 bits occupy 4/$bits of $kib KiB" ratio_ok "$oa" \
				"$(awk -v k="$kib" -v b="$bits" 'BEGIN { printf "%.0f", k * 1024 * 4 / b }')" 1 0.02
			expect_eq "$name: the group with no task occupies nothing" 0 "$oc"
			expect_eq "$name: a occupies nothing in the L3 it does not run under" 0 "$oa2"
		fi
	fi
	kill "$pa" "$pb"
	wait "$pa" "$pb" 2>/dev/null
	rmdir $RC/a $RC/b $RC/c
	check "$name: umount" umount $RC
	check "$name: rmmod" rmmod mpam_ext
}

# kunpeng-mini: MB and mbm_total_bytes from the memory-side MATA (one
# component behind L3 domains 1 and 26); the tasks on CPU 1 (L3 1).
run_case kunpeng-mini 1 1 26 1 sim=kunpeng-mini policy=mata
# tiny: one L3 (domain 0) and one memory controller behind it.
if mpx_load sim=tiny && mount -t resctrl resctrl $RC 2>/dev/null; then
	has_mb=$(grep -c '^ *MB:' $RC/schemata)
	umount $RC
	rmmod mpam_ext
	if [ "$has_mb" -gt 0 ]; then
		run_case tiny 1 0 - 0 sim=tiny
	else
		echo "skip: tiny offers no MB resource"
	fi
else
	check "tiny: loads and mounts" false
	rmmod mpam_ext 2>/dev/null
fi
finish
