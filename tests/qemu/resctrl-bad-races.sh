# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt 7.2
# Bad input that races (docs/resctrl.md): mkdir and rmdir of one name from
# two shells at once, a pid that exits while its write to tasks is in
# flight, a pid of another pid namespace. Each leaves a consistent tree:
# no stale entry, no lost CLOSID or RMID, no leak (kmemleak on the debug
# kernel), and the kernel never warns (scripts/qemu-test fails the run on
# any WARNING, BUG or KASAN report).
. /tests/lib.sh

kmemleak_clear
check "tiny loads" mpx_load sim=tiny
check "mount" mount -t resctrl resctrl $RC || { finish; exit; }

# fill PREFIX: make groups PREFIX0, PREFIX1, ... until mkdir fails; prints
# how many were made, then removes them.
fill() {
	n=0
	while mkdir $RC/$1$n 2>/dev/null; do
		n=$((n + 1))
	done
	echo $n
	while [ $n -gt 0 ]; do
		n=$((n - 1))
		rmdir $RC/$1$n
	done
}
# mfill G: the same for monitor groups of G
mfill() {
	n=0
	while mkdir $RC/$1/mon_groups/m$n 2>/dev/null; do
		n=$((n + 1))
	done
	echo $n
	while [ $n -gt 0 ]; do
		n=$((n - 1))
		rmdir $RC/$1/mon_groups/m$n
	done
}
top=$(ls $RC | tr '\n' ' ')
free_ctrl=$(fill f)
check "control groups can be made" test "$free_ctrl" -gt 0
mkdir $RC/g
free_mon=$(mfill g)
check "monitor groups can be made" test "$free_mon" -gt 0

# --- mkdir/rmdir of one name from two shells
ROUNDS=60
race() { # race DIR: mkdir and rmdir DIR ROUNDS times; errors expected
	i=0
	while [ $i -lt $ROUNDS ]; do
		mkdir $1 2>/dev/null
		rmdir $1 2>/dev/null
		i=$((i + 1))
	done
}
race $RC/c &
a=$!
race $RC/c &
b=$!
race $RC/g/mon_groups/m &
c=$!
race $RC/g/mon_groups/m &
d=$!
wait $a $b $c $d
# Whoever made the last mkdir may have won: the group is whole or absent
if [ -d $RC/c ]; then
	check "a control group left by the race is whole" test -e $RC/c/schemata -a -e $RC/c/tasks
	check "  ... and can be removed" rmdir $RC/c
fi
if [ -d $RC/g/mon_groups/m ]; then
	check "a monitor group left by the race is whole" test -e $RC/g/mon_groups/m/tasks
	check "  ... and can be removed" rmdir $RC/g/mon_groups/m
fi
expect_eq "the top directory is as before" "$top" "$(ls $RC | grep -vx g | tr '\n' ' ')"
expect_eq "no monitor group is left" "" "$(ls $RC/g/mon_groups)"
rmdir $RC/g
expect_eq "no CLOSID is lost" "$free_ctrl" "$(fill f)"
mkdir $RC/g
expect_eq "no RMID is lost" "$free_mon" "$(mfill g)"

# --- a pid that exits while its write is in flight
i=0
bad=0
moved=0
while [ $i -lt 50 ]; do
	sh -c 'exit 0' &
	p=$!
	if wr $RC/g/tasks $p; then
		moved=$((moved + 1))
	elif [ "$WR_ERR" != "No such process" ]; then
		echo "pid $p: $WR_ERR"
		bad=$((bad + 1))
	fi
	i=$((i + 1))
done
wait
echo "exiting pids: $moved moved, $((50 - moved - bad)) gone first"
expect_eq "each write of an exiting pid succeeds or fails with ESRCH" 0 $bad
expect_eq "no exited task is listed" "" "$(cat $RC/g/tasks)"
expect_refused "an exited pid" "No such process" \
	"$(printf 'No task %d\nError while processing task %d' $p $p)" $RC/g/tasks $p

# --- a pid of another pid namespace: pids written are the writer's,
# pids read are the reader's
if unshare -p -f true 2>/dev/null && mkfifo /tmp/ns.go; then
	rm -f /tmp/ns.in
	# Builtins only inside: a forked command would join g and be listed
	unshare -p -f sh -c "
		echo 1 >$RC/g/tasks || exit 1
		t=
		while read l; do t=\"\$t \$l\"; done <$RC/g/tasks
		echo \"\$t\" >/tmp/ns.in
		read x </tmp/ns.go" &
	u=$!
	while [ ! -s /tmp/ns.in ] && kill -0 $u 2>/dev/null; do
		sleep 0.1
	done
	expect_eq "inside: pid 1 (the namespace's) moved, and listed as 1" " 1" "$(cat /tmp/ns.in)"
	outer=$(cat $RC/g/tasks)
	check "outside: one task, listed with this namespace's pid" test -n "$outer" -a "$outer" != 1
	expect_eq "  ... the inner shell" "$(printf '%s\t1' "$outer")" \
		"$(sed -n 's/^NSpid:\t//p' /proc/$outer/status)"
	echo go >/tmp/ns.go
	wait $u
	expect_eq "the inner shell exited and left g" "" "$(cat $RC/g/tasks)"
	# This shell's pid (not 1) names no task inside, where only 1
	# exists: ESRCH, although the pid names a task here
	check "a pid of this namespace, written inside, is refused" \
		sh -c "[ $$ != 1 ] && ! unshare -p -f sh -c 'echo $$ >$RC/g/tasks' 2>/dev/null"
	expect_eq "  ... and moved nothing" "" "$(cat $RC/g/tasks)"
	rm -f /tmp/ns.go /tmp/ns.in
else
	echo "skip: pid namespaces: unshare -p -f or mkfifo not available"
fi

# --- a cpus or cpus_list write naming an offline CPU
ON=/sys/devices/system/cpu/cpu1/online
if [ -w $ON ] && echo 0 >$ON; then
	expect_refused "cpus naming an offline CPU" "Invalid argument" \
		"Can only assign online CPUs" $RC/g/cpus 2
	expect_refused "cpus_list naming an offline CPU" "Invalid argument" \
		"Can only assign online CPUs" $RC/g/cpus_list 1
	expect_eq "  ... g has no CPU" "" "$(cat $RC/g/cpus_list)"
	check "CPU 1 online" sh -c "echo 1 >$ON"
else
	echo "skip: CPU 1 cannot go offline in this VM"
fi

rmdir $RC/g
expect_eq "the top directory is as at the start" "$top" "$(ls $RC | tr '\n' ' ')"
check "umount" umount $RC
check "rmmod" rmmod mpam_ext
kmemleak_none "after the races"
finish
