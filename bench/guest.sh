# SPDX-License-Identifier: GPL-2.0
# The benchmarks, run inside the test VM by bench/run: each result is one
# "BENCH <key> <value...>" line; nothing here is asserted on. /bench/conf
# says what to run: PLATFORM (sim= name), MODE (icount or wall), ROUNDS
# (ping-pong rounds per ctxsw run), REPS (ctxsw runs per figure, the best
# kept), CTXSW (1: the context-switch series)
# and THREADS (counts of moved threads to measure the switch with).
. /tests/lib.sh
. /bench/conf
CPU=1
OTHER=2
KO=/lib/modules/$(uname -r)/extra/mpam_ext.ko
bench() { echo "BENCH $*"; }
# fsop_ns OP ARGS...: the "ns" line of bench/fsop, or "-" on failure
fsop_ns() {
	/bench/fsop "$@" >/tmp/fsop.out 2>/tmp/fsop.err || bench error "fsop $1: $(cat /tmp/fsop.err)" >&2
	v=$(sed -n 's/^ns //p' /tmp/fsop.out)
	echo "${v:--}"
}

# cpu_field CPU FIELD: a field of CPU's line in debugfs cpus (docs/cpu.md)
cpu_field() {
	awk -v c="cpu$1" -v f="$2" '$1 == c { for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }' $DBG/cpus
}
# msc_sum KEY: reads or writes summed over every MSC (debugfs msc/*/counters)
msc_sum() { cat $DBG/msc/*/counters | awk -v k="$1" '$1 == k { s += $2 } END { printf "%.0f\n", s }'; }
msc_all() { echo $(($(msc_sum reads) + $(msc_sum writes))); }
# best CMD...: the lowest ns_per_switch of REPS runs, after a second of
# rest so that work left on other CPUs (whose instructions advance the
# shared clock in icount mode) is done
best() {
	sleep 1
	for i in $(seq 1 "$REPS"); do "$@" | sed -n 's/^ns_per_switch //p'; done | sort -n | head -n 1
}
ctxsw_in() { # ctxsw_in TASKS [CHILD-TASKS]: ctxsw with the parent in TASKS
	sh -c "echo \$\$ >$1 && exec /bench/ctxsw $ROUNDS $CPU $2"
}
# In wall-clock mode a busy task runs on another CPU during every ctxsw
# series (in a second group once loaded). Under -icount every vCPU runs in
# one TCG thread and guest time counts the instructions of all of them, so
# there the other CPUs stay idle.
busy_start() {
	busy=""
	[ "$MODE" = wall ] || return 0
	taskset -c $OTHER sh -c 'while :; do :; done' >/dev/null 2>&1 &
	busy=$!
	[ -z "$1" ] || wr "$1" $busy || bench error "busy task into $1: $WR_ERR"
}
busy_stop() {
	[ -n "$busy" ] || return 0
	kill $busy
	wait $busy 2>/dev/null
}

bench conf "platform $PLATFORM mode $MODE rounds $ROUNDS reps $REPS"

# 1. Context switches without the module.
if [ "$CTXSW" = 1 ]; then
	busy_start
	bench ctxsw_unloaded_ns "$(best /bench/ctxsw "$ROUNDS" $CPU)"
	busy_stop
fi

# 2. Load and mount, timed.
dmesg -c >/dev/null
bench op_load "ns $(fsop_ns load $KO "sim=$PLATFORM policy=mata")"
if ! grep -q '^mpam_ext ' /proc/modules; then
	bench error "the module did not load"
	dmesg | tail -n 20
	exit 0
fi
bench op_mount "ns $(fsop_ns mount $RC)"
if ! grep -q " $RC resctrl " /proc/mounts; then
	bench error "resctrl did not mount"
	dmesg | tail -n 20
	exit 0
fi
if [ -f /bench/platform ]; then
	grep -v '^#' /bench/platform | grep -v '^[[:space:]]*$' >/tmp/want
	if cmp -s /tmp/want $DBG/platform; then
		bench platform_dump "equal to the file"
	else
		bench error "debugfs platform differs from the file: $(diff /tmp/want $DBG/platform | head -n 3 | tr '\n' ' ')"
	fi
fi
bench online_cpus "$(cat /sys/devices/system/cpu/online) of possible $(cat /sys/devices/system/cpu/possible)"

# 3. mkdir of every CLOSID the default group leaves, then rmdir of them.
n=$(cat $RC/info/L3/num_closids 2>/dev/null || cat $RC/info/*/num_closids | head -n 1)
dirs=""
i=1
while [ $i -lt "$n" ]; do
	dirs="$dirs $RC/c$i"
	i=$((i + 1))
done
a0=$(msc_all)
ns=$(fsop_ns mkdir $dirs)
a1=$(msc_all)
bench op_mkdir_all "ns $ns count $((n - 1)) msc $((a1 - a0))"
ns=$(fsop_ns rmdir $dirs)
a2=$(msc_all)
bench op_rmdir_all "ns $ns count $((n - 1)) msc $((a2 - a1))"

mkdir $RC/g1 $RC/g2
wr $RC/g1/schemata "L3:1=f;26=f" || bench error "g1 schemata: $WR_ERR"
wr $RC/g2/schemata "L3:1=ff0;26=ff0" || bench error "g2 schemata: $WR_ERR"

# 4. Register writes per schemata write against the minimum: one write per
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

# 5. A schemata write to every domain of a resource, alternating two
# values so that every write changes every domain; then one more, counted.
while IFS= read -r line; do
	res=$(echo "${line%%:*}" | tr -d ' ')
	ids=$(echo "${line#*:}" | tr ';' '\n' | sed 's/=.*//' | tr -d ' ')
	nd=$(echo "$ids" | grep -c .)
	case $res in
	MB*) va=30 vb=40 ;;
	L*) va=f vb=f0 ;;
	*) continue ;;
	esac
	ta="$res:$(for d in $ids; do printf '%s=%s;' "$d" $va; done | sed 's/;$//')"
	tb="$res:$(for d in $ids; do printf '%s=%s;' "$d" $vb; done | sed 's/;$//')"
	ns=$(fsop_ns write $RC/g1/schemata 10 "$ta
" "$tb
")
	w0=$(msc_sum writes) r0=$(msc_sum reads)
	wr $RC/g1/schemata "$ta" || bench error "$res every domain: $WR_ERR"
	w1=$(msc_sum writes) r1=$(msc_sum reads)
	bench "op_schemata_all_$res" "ns $ns domains $nd writes $((w1 - w0)) reads $((r1 - r0))"
done <$RC/schemata

# 6. A read of every mon_data file of the default group and of g1.
for g in root g1; do
	d=$RC
	[ $g = root ] || d=$RC/$g
	files=$(find $d/mon_data -type f | sort)
	nf=$(echo "$files" | grep -c .)
	a0=$(msc_all)
	ns=$(fsop_ns read 1 $files)
	a1=$(msc_all)
	bench "op_mon_all_$g" "ns $ns files $nf msc $((a1 - a0))"
done

# 7. Context switches, loaded and mounted: the pair in one group, then
# split over the two groups (the CPU's value changes at every switch), then
# in the default group (not moved).
if [ "$CTXSW" = 1 ]; then
	busy_start $RC/g2/tasks
	w0=$(cpu_field $CPU writes) s0=$(cpu_field $CPU skipped) n0=$(cpu_field $CPU switches)
	same=$(best ctxsw_in $RC/g1/tasks)
	w1=$(cpu_field $CPU writes) s1=$(cpu_field $CPU skipped) n1=$(cpu_field $CPU switches)
	two=$(best ctxsw_in $RC/g1/tasks $RC/g2/tasks)
	w2=$(cpu_field $CPU writes) s2=$(cpu_field $CPU skipped) n2=$(cpu_field $CPU switches)
	bench ctxsw_default_group_ns "$(best /bench/ctxsw "$ROUNDS" $CPU)"
	bench ctxsw_same_group_ns "$same"
	bench ctxsw_two_groups_ns "$two"
	bench cpu_same_group "switches $((n1 - n0)) writes $((w1 - w0)) skipped $((s1 - s0))"
	bench cpu_two_groups "switches $((n2 - n1)) writes $((w2 - w1)) skipped $((s2 - s1))"
	busy_stop
fi

# 8. The switch path with many moved tasks: the pair moved into g1 and
# waiting, then N sleeping threads moved into g2 through its tasks file,
# then the pair measured (the pair's entries among the oldest of the moved
# tasks); and a pair in the default group, which no moved entry matches.
# One run per count in both modes, without a busy task.
if [ -n "$THREADS" ]; then
	echo 4194304 >/proc/sys/kernel/pid_max
	echo 1000000 >/proc/sys/kernel/threads-max
	ulimit -u unlimited 2>/dev/null
	# wait_for FILE WORD PID: until FILE has a line WORD or PID ended
	wait_for() { while kill -0 "$3" 2>/dev/null && ! grep -q "^$2" "$1"; do sleep 1; done; }
	for nt in $THREADS; do
		rm -f /tmp/go /tmp/pair.out /tmp/th.out
		MPX_CTXSW_GO=/tmp/go ctxsw_in $RC/g1/tasks >/tmp/pair.out &
		pair=$!
		wait_for /tmp/pair.out ready $pair
		/bench/fsop threads "$nt" $RC/g2/tasks >/tmp/th.out 2>/tmp/th.err &
		th=$!
		wait_for /tmp/th.out ready $th
		sleep 1
		touch /tmp/go
		wait $pair
		moved=$(sed -n 's/^moved //p' /tmp/th.out)
		if [ -z "$moved" ]; then
			bench error "threads $nt: $(cat /tmp/th.err)"
			continue
		fi
		[ "$moved" = "$nt" ] || bench error "threads $nt: only $moved started: $(head -n 1 /tmp/th.err)"
		in_g1=$(sed -n 's/^ns_per_switch //p' /tmp/pair.out)
		unmoved=$(best /bench/ctxsw "$ROUNDS" $CPU)
		bench "threads_$nt" "moved $moved move_ns $(sed -n 's/^ns //p' /tmp/th.out) ctxsw_ns $in_g1 unmoved_ns $unmoved"
		kill $th
		wait $th 2>/dev/null
	done
	dmesg | grep -qi 'out of memory' && bench error "threads: the guest ran out of memory"
fi
for c in $(awk '/^cpu[0-9]/ { print $1 }' $DBG/cpus); do
	n=${c#cpu}
	[ "$(cpu_field "$n" switches)" != 0 ] || continue
	bench "cpus_$n" "switches $(cpu_field "$n" switches) writes $(cpu_field "$n" writes) skipped $(cpu_field "$n" skipped)"
done

# 9. Monitor reads: time per read, MSC register accesses per read.
# Counters come with mkdir; mbm_L3_assignments, where offered, makes sure.
[ ! -e $RC/g1/mbm_L3_assignments ] ||
	wr $RC/g1/mbm_L3_assignments 'mbm_total_bytes:*=e' || bench error "assign: $WR_ERR"
for ev in mbm_total_bytes llc_occupancy; do
	f=$RC/g1/mon_data/mon_L3_01/$ev
	a0=$(msc_all)
	ns=$(/bench/readloop "$f" 1000 | sed -n 's/^ns_per_read //p')
	a1=$(msc_all)
	bench "read_$ev" "ns $ns msc_accesses_per_read $(awk -v d=$((a1 - a0)) 'BEGIN { printf "%.1f", d / 1000 }')"
done

# 10. Unmount and unload, timed.
rmdir $RC/g1 $RC/g2
bench op_umount "ns $(fsop_ns umount $RC)"
bench op_unload "ns $(fsop_ns unload mpam_ext)"

# 11. Without the module again: how much the baseline moved.
if [ "$CTXSW" = 1 ]; then
	busy_start
	bench ctxsw_unloaded_after_ns "$(best /bench/ctxsw "$ROUNDS" $CPU)"
	busy_stop
fi
echo "checks: 0 (benchmarks)"
