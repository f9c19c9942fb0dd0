# SPDX-License-Identifier: GPL-2.0
# The CPU side under what the kernel does to tasks: the threads the kernel
# creates for a moved task through copy_process() alone (io_uring's
# submission thread and io-wq worker, made by create_io_thread()) join its
# group as forked children do.
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

rmdir $RC/g
umount $RC
check "unloads" rmmod mpam_ext
finish
