# SPDX-License-Identifier: GPL-2.0
# The benchmarks, run inside the test VM by bench/run: each result is one
# "BENCH <key> <value...>" line; nothing here is asserted on.
. /tests/lib.sh
ROUNDS=$(cat /bench/rounds)
CPU=1
OTHER=2
bench() { echo "BENCH $*"; }

# cpu_field CPU FIELD: a field of CPU's line in debugfs cpus (docs/cpu.md)
cpu_field() {
	awk -v c="cpu$1" -v f="$2" '$1 == c { for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }' $DBG/cpus
}
# msc_sum KEY: reads or writes summed over every MSC (debugfs msc/*/counters)
msc_sum() { cat $DBG/msc/*/counters | awk -v k="$1" '$1 == k { s += $2 } END { printf "%.0f\n", s }'; }
# best CMD...: the lowest ns_per_switch of three runs
best() {
	for i in 1 2 3; do "$@" | sed -n 's/^ns_per_switch //p'; done | sort -n | head -n 1
}
ctxsw_in() { # ctxsw_in TASKS [CHILD-TASKS]: ctxsw with the parent in TASKS
	sh -c "echo \$\$ >$1 && exec /bench/ctxsw $ROUNDS $CPU $2"
}

# 1. Context switches without the module; another CPU busy, as later.
taskset -c $OTHER sh -c 'while :; do :; done' >/dev/null 2>&1 &
busy=$!
base=$(best /bench/ctxsw "$ROUNDS" $CPU)
bench ctxsw_unloaded_ns "$base"
kill $busy
wait $busy 2>/dev/null

# 2. Loaded and mounted: the pair in one group, a busy task of another
# group on another CPU; then the pair split over the two groups (the CPU's
# value changes at every switch).
if ! mpx_load sim=kunpeng-mini policy=mata || ! mount -t resctrl resctrl $RC; then
	bench error "the module did not load or resctrl did not mount"
	dmesg | tail -n 20
	exit 0
fi
mkdir $RC/g1 $RC/g2
wr $RC/g1/schemata "L3:1=f;26=f" || bench error "g1 schemata: $WR_ERR"
wr $RC/g2/schemata "L3:1=ff0;26=ff0" || bench error "g2 schemata: $WR_ERR"
taskset -c $OTHER sh -c 'while :; do :; done' >/dev/null 2>&1 &
busy=$!
wr $RC/g2/tasks $busy || bench error "busy task into g2: $WR_ERR"
w0=$(cpu_field $CPU writes) s0=$(cpu_field $CPU skipped) n0=$(cpu_field $CPU switches)
same=$(best ctxsw_in $RC/g1/tasks)
w1=$(cpu_field $CPU writes) s1=$(cpu_field $CPU skipped) n1=$(cpu_field $CPU switches)
two=$(best ctxsw_in $RC/g1/tasks $RC/g2/tasks)
w2=$(cpu_field $CPU writes) s2=$(cpu_field $CPU skipped) n2=$(cpu_field $CPU switches)
bench ctxsw_same_group_ns "$same"
bench ctxsw_two_groups_ns "$two"
bench cpu_same_group "switches $((n1 - n0)) writes $((w1 - w0)) skipped $((s1 - s0))"
bench cpu_two_groups "switches $((n2 - n1)) writes $((w2 - w1)) skipped $((s2 - s1))"
kill $busy
wait $busy 2>/dev/null
for c in $(awk '/^cpu[0-9]/ { print $1 }' $DBG/cpus); do
	n=${c#cpu}
	bench "cpus_$n" "switches $(cpu_field "$n" switches) writes $(cpu_field "$n" writes) skipped $(cpu_field "$n" skipped)"
done

# 3. Register writes per schemata write against the minimum: one write per
# RIS and PARTID whose configuration changed (the lines of debugfs
# partids that changed).
sw() { # sw NAME TEXT: one schemata write to g1, measured
	cat $DBG/partids >/tmp/p0
	w0=$(msc_sum writes) r0=$(msc_sum reads)
	wr $RC/g1/schemata "$2" || bench error "$1: $WR_ERR"
	w1=$(msc_sum writes) r1=$(msc_sum reads)
	cat $DBG/partids >/tmp/p1
	min=$(diff /tmp/p0 /tmp/p1 | grep -c '^+[^+]')
	bench "schemata_$1" "writes $((w1 - w0)) reads $((r1 - r0)) minimum $min"
}
sw l3_one_domain "L3:1=f0"
sw l3_two_domains "L3:1=f00;26=f00"
sw l3_unchanged "L3:1=f00;26=f00"
sw mb_two_domains "MB:1=30;26=30"
sw l3_and_mb "L3:1=3;26=3
MB:1=40;26=40"

# 4. Monitor reads: time per read, MSC register accesses per read.
# Counters come with mkdir; mbm_L3_assignments, where offered, makes sure.
[ ! -e $RC/g1/mbm_L3_assignments ] ||
	wr $RC/g1/mbm_L3_assignments 'mbm_total_bytes:*=e' || bench error "assign: $WR_ERR"
for ev in mbm_total_bytes llc_occupancy; do
	f=$RC/g1/mon_data/mon_L3_01/$ev
	a0=$(($(msc_sum reads) + $(msc_sum writes)))
	ns=$(/bench/readloop "$f" 1000 | sed -n 's/^ns_per_read //p')
	a1=$(($(msc_sum reads) + $(msc_sum writes)))
	bench "read_$ev" "ns $ns msc_accesses_per_read $(awk -v d=$((a1 - a0)) 'BEGIN { printf "%.1f", d / 1000 }')"
done
rmdir $RC/g1 $RC/g2
umount $RC
rmmod mpam_ext

# 5. Without the module again: how much the host moved the baseline.
taskset -c $OTHER sh -c 'while :; do :; done' >/dev/null 2>&1 &
busy=$!
bench ctxsw_unloaded_after_ns "$(best /bench/ctxsw "$ROUNDS" $CPU)"
kill $busy
wait $busy 2>/dev/null
echo "checks: 0 (benchmarks)"
