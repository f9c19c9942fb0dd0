# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt 7.2
# Directories of a removed group: a shell whose working directory is a
# control group's mon_groups/ while the group is removed cannot make a
# monitor group there (ENOENT, as in any removed directory), and nothing
# of the removed group is reached after it is freed (on the debug kernel,
# KASAN would report it). The same for a monitor group's directory, and
# for the files of a removed group kept open (docs/resctrl.md, lifetimes).
. /tests/lib.sh

check "kunpeng-mini loads with policy=mata" mpx_load sim=kunpeng-mini policy=mata
check "mount" mount -t resctrl resctrl $RC || { finish; exit; }

# cwd in G/mon_groups across rmdir G, then mkdir there
check "mkdir G" mkdir $RC/G
(cd $RC/G/mon_groups && sleep 2 && mkdir x 2>/tmp/.mkx; echo $? >/tmp/.mkx.rc) &
sleep 1
check "rmdir G while a shell sits in G/mon_groups" rmdir $RC/G
wait
expect_eq "mkdir in the removed mon_groups fails" 1 "$(cat /tmp/.mkx.rc)"
expect_eq "with ENOENT" "No such file or directory" "$(sed 's/.*: //' /tmp/.mkx)"
check "G is gone" test ! -e $RC/G

# cwd in a monitor group's directory across its removal
check "mkdir H and H/mon_groups/m" mkdir -p $RC/H/mon_groups/m
(cd $RC/H/mon_groups/m && sleep 2 && cat tasks >/dev/null 2>/tmp/.cat; echo $? >/tmp/.cat.rc) &
sleep 1
check "rmdir H (and m with it)" rmdir $RC/H
wait
expect_eq "reading tasks in the removed monitor group fails" 1 "$(cat /tmp/.cat.rc)"

# an open file of a removed group
check "mkdir K" mkdir $RC/K
exec 7<$RC/K/schemata
check "rmdir K with schemata open" rmdir $RC/K
check "reading the open schemata fails" sh -c '! cat <&7 >/dev/null 2>&1'
exec 7<&-

# the same name again: a new group, unharmed
check "mkdir G again" mkdir $RC/G
check "mkdir G/mon_groups/x" mkdir $RC/G/mon_groups/x
check "rmdir G again" rmdir $RC/G
check "umount" umount $RC
check "rmmod" rmmod mpam_ext
finish
