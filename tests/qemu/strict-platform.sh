# SPDX-License-Identifier: GPL-2.0
# kunpeng-strict (platforms/kunpeng-strict.platform) puts every MSC property
# the simulator models and no ID register reports on one machine: L2 MSCs
# reachable only from their own pair of cores, hidden RIS, software NRDY
# and writable CSU values, a 32-bit-only MSC, a 32-bit IDR. Used through
# resctrl, the driver makes no access such hardware would refuse (each
# MSC's bad-access counters stay 0), and an L2 MSC whose cores are all
# offline at load is refused with the reason and takes the L2 class with
# it, naming the CPUs that lose control.
. /tests/lib.sh

if ! check "loads" mpx_load sim=kunpeng-strict policy=mata; then
	finish
	exit
fi

# msc_state ID: the state line of an MSC
msc_state() {
	sed -n 's/^state //p' $DBG/msc/$1/state
}
# the L2 MSCs and the cores that reach them
unreached=""
for m in 64:0 65:2 66:4 67:6; do
	id=${m%:*} c=${m#*:}
	on0=$(cat /sys/devices/system/cpu/cpu$c/online 2>/dev/null || echo 1)
	on1=$(cat /sys/devices/system/cpu/cpu$((c + 1))/online 2>/dev/null || echo 0)
	if [ "$on0" = 1 ] || [ "$on1" = 1 ]; then
		expect_eq "msc $id (cores $c-$((c + 1))) probed" ok "$(msc_state $id)"
	else
		unreached="$unreached $id"
		expect_eq "msc $id (cores $c-$((c + 1)) offline) refused" refused "$(msc_state $id)"
		check "msc $id: the reason names its affinity" \
			grep -q "^reason no online CPU can reach it (affinity $c-$((c + 1)))" $DBG/msc/$id/state
	fi
done
for id in 128 129 252 254; do
	expect_eq "msc $id probed" ok "$(msc_state $id)"
done
expect_eq "msc 128: hidden RIS 1-3 found and reset" 3 \
	"$(dmesg | grep -c 'MSC 128: RIS [123] is not described: reset and left unused')"
check "msc 252: 32-bit IDR, RIS 0 probed" grep -q '^ris=0 state=probed' $DBG/msc/252/ris

if [ -n "$unreached" ]; then
	check "L2 refused, naming the CPUs that lose control" \
		grep -q 'what=L2 class=2 result=refused why=.*was refused by the probe, CPUs .* lose control' $DBG/decisions
else
	check "L2 picked" grep -q 'what=L2 class=2 result=picked' $DBG/decisions
fi

check "mounted" mount -t resctrl resctrl $RC
check "mkdir g" mkdir $RC/g
check "L3 schemata written" wr $RC/g/schemata "L3:1=ff;26=1ff00"
expect_eq "L3 schemata read back" "L3:1=ff;26=1ff00" "$(grep '^ *L3:' $RC/g/schemata | tr -d ' ')"
check "MB schemata written" wr $RC/g/schemata "MB:1=50;26=50"
expect_eq "MB schemata read back" "MB:1=50;26=50" "$(grep '^ *MB:' $RC/g/schemata | tr -d ' ')"
if [ -z "$unreached" ]; then
	check "L2 schemata written" wr $RC/g/schemata "L2:4=f;7=f;10=f;13=f"
	expect_eq "L2 schemata read back" "L2:4=f;7=f;10=f;13=f" "$(grep '^ *L2:' $RC/g/schemata | tr -d ' ')"
fi
sh -c "echo \$\$ >$RC/g/tasks && i=0 && while [ \$i -lt 20000 ]; do i=\$((i + 1)); done"
bad=""
for f in $RC/g/mon_data/mon_L3_*/llc_occupancy $RC/g/mon_data/mon_L3_*/mbm_total_bytes; do
	[ -e "$f" ] || continue
	v=$(cat "$f")
	case $v in
	''|*[!0-9]*) bad="$bad ${f#$RC/}=$v" ;;
	esac
done
expect_eq "every monitor of g reads a count" "" "$bad"
check "rmdir g" rmdir $RC/g
check "umount" umount $RC

# Every access the driver made was one the MSC takes
expect_eq "no MSC saw an access it refuses" "" "$(sim_bad_accesses)"
check "unloads" rmmod mpam_ext
finish
