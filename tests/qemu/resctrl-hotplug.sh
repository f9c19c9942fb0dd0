# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# CPU hotplug in the resctrl front (docs/resctrl.md): the default group's
# cpus follow CPUs going offline and online, a CPU going offline leaves
# the group that has it, and comes back in the default group, as in
# resctrl; cpus writes naming an offline CPU are refused. It needs the
# eight online CPUs of the distro kernels' VMs: the debug kernel's VM has
# two (scripts/qemu-test), and there CPU hotplug runs under lockdep and
# KASAN in cpu-side.sh and in the stress run (tests/stress/).
. /tests/lib.sh
ON=/sys/devices/system/cpu/cpu1/online

if [ ! -w $ON ]; then
	echo "skip: CPU 1 cannot go offline in this VM"
	check "nothing to test" true
	finish
	exit
fi
check "tiny loads" mpx_load sim=tiny
check "mount" mount -t resctrl resctrl $RC || { finish; exit; }
all=$(cat $RC/cpus_list)
expect_eq "8 CPUs online" 0-7 "$all"
check "mkdir g" mkdir $RC/g
check "CPU 1 to g" wr $RC/g/cpus_list 1
check "CPU 1 offline" sh -c "echo 0 >$ON"
expect_eq "  ... g has no CPU" "" "$(cat $RC/g/cpus_list)"
expect_eq "  ... nor the default group" "0,2-7" "$(cat $RC/cpus_list)"
ON2=/sys/devices/system/cpu/cpu2/online
check "CPU 2 (the default group's) offline" sh -c "echo 0 >$ON2"
expect_eq "  ... the default group's cpus_list follows" "0,3-7" "$(cat $RC/cpus_list)"
check "the default group's cpus_list written back as read" wr $RC/cpus_list "$(cat $RC/cpus_list)"
check "CPU 2 online" sh -c "echo 1 >$ON2"
expect_refused "an offline CPU refused" "Invalid argument" "Can only assign online CPUs" $RC/g/cpus_list 1
check "CPU 1 online" sh -c "echo 1 >$ON"
expect_eq "  ... back in the default group" "$all" "$(cat $RC/cpus_list)"
expect_eq "  ... not in g" "" "$(cat $RC/g/cpus_list)"
check "  ... and can go to g again" wr $RC/g/cpus_list 1
check "rmdir g" rmdir $RC/g
expect_eq "the default group has every CPU" "$all" "$(cat $RC/cpus_list)"
check "umount" umount $RC
check "rmmod" rmmod mpam_ext
finish
