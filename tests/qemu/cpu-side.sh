# SPDX-License-Identifier: GPL-2.0
# The CPU side under what the kernel does to tasks: the threads the kernel
# creates for a moved task through copy_process() alone (io_uring's
# submission thread and io-wq worker, made by create_io_thread()) join its
# group as forked children do; a CPU taken offline and back while a task
# of a group runs there is programmed with the group's value again.
. /tests/lib.sh

if ! check "loads" mpx_load sim=kunpeng-mini || ! check "mounted" mount -t resctrl resctrl $RC; then
	finish
	exit
fi
mkdir $RC/g

# /tests/bin/io-workers, started in g, asks io_uring for both kinds of thread
sh -c "echo \$\$ >$RC/g/tasks && exec /tests/bin/io-workers" >/tmp/iow.out 2>&1 &
pid=$!
i=0
while ! grep -q '^ready' /tmp/iow.out && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
check "io-workers ready" grep -q '^ready' /tmp/iow.out || cat /tmp/iow.out
nsqp=0 nwrk=0 missing=""
for t in /proc/$pid/task/*; do
	tid=${t##*/}
	comm=$(cat "$t/comm" 2>/dev/null)
	case $comm in
	iou-sqp-*) nsqp=$((nsqp + 1)) ;;
	iou-wrk-*) nwrk=$((nwrk + 1)) ;;
	esac
	grep -qx "$tid" $RC/g/tasks || missing="$missing $tid:$comm"
done
check "io_uring made a submission thread" test $nsqp -ge 1
check "io_uring made an io-wq worker" test $nwrk -ge 1
expect_eq "every thread of the moved task, io_uring's among them, is in its group" "" "$missing"
expect_eq "no new task missed its creator's group" "fork_fail 0" "$(grep '^fork_fail' $DBG/cpus)"
kill $pid
wait $pid 2>/dev/null

# cpu_field CPU FIELD: a field of CPU's line in debugfs cpus
cpu_field() {
	awk -v c="cpu$1" -v f="$2" '$1 == c { for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }' $DBG/cpus
}
# snap_field LINE FIELD: a field of one line of debugfs cpus
snap_field() {
	echo "$1" | awk -v f="$2" '{ for (i = 2; i < NF; i++) if ($i == f) print $(i + 1) }'
}
# wait_field CPU FIELD VALUE: wait (up to about 30 s) for FIELD to read
# VALUE and print the last value read. One read per try: another task may
# run on CPU between two reads, so a second read could see its value.
wait_field() {
	i=0
	v=$(cpu_field "$1" "$2")
	while [ "$v" != "$3" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
		v=$(cpu_field "$1" "$2")
	done
	echo "$v"
}
# wait_nonzero CPU FIELD: wait (up to about 30 s) for FIELD to read other
# than 0 and print the last value read
wait_nonzero() {
	i=0
	v=$(cpu_field "$1" "$2")
	while [ "$v" = 0 ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
		v=$(cpu_field "$1" "$2")
	done
	echo "$v"
}
ON=/sys/devices/system/cpu/cpu1/online
if [ -w $ON ]; then
	taskset -c 1 sh -c "echo \$\$ >$RC/g/tasks && while :; do :; done" &
	busy=$!
	p=$(wait_nonzero 1 partid_d)
	check "cpu1 runs g's task with a PARTID of its own" test "$p" -gt 0
	check "cpu1 offline" wr $ON 0
	check "debugfs cpus: cpu1 offline" grep -q '^cpu1 offline ' $DBG/cpus
	check "cpu1 online" wr $ON 1
	check "debugfs cpus: cpu1 online" grep -q '^cpu1 online ' $DBG/cpus
	w0=$(cpu_field 1 writes)
	taskset -p -c 1 $busy >/dev/null
	expect_eq "cpu1 back online runs g's task with g's PARTID" "$p" "$(wait_field 1 partid_d "$p")"
	# One snapshot of cpu1's line at a time: between two reads of the file
	# another task may run there. Wait (up to about 30 s) for a snapshot in
	# which g's task runs and the simulated MPAM0_EL1 holds its value.
	held="" want="" i=0
	while [ $i -lt 300 ]; do
		l=$(grep '^cpu1 ' $DBG/cpus)
		want=$(printf '%#x' $(( ($(snap_field "$l" partid_d) << 16) | $(snap_field "$l" partid_i) |
			($(snap_field "$l" pmg_d) << 40) | ($(snap_field "$l" pmg_i) << 32) )))
		if [ "$(snap_field "$l" partid_d)" = "$p" ] && [ "$(snap_field "$l" mpam0)" = "$want" ]; then
			held=$want
			break
		fi
		sleep 0.1
		i=$((i + 1))
	done
	expect_eq "cpu1 back online: the simulated MPAM0_EL1 holds g's value" "$want" "$held"
	check "cpu1 wrote its registers after coming back" test "$(cpu_field 1 writes)" -gt "$w0"
	kill $busy
	wait $busy 2>/dev/null
else
	echo "cpu1 cannot go offline here: hotplug checks skipped"
fi

rmdir $RC/g
umount $RC
check "unloads" rmmod mpam_ext
finish
