# SPDX-License-Identifier: GPL-2.0
# kernels: 6.1 6.12 6.12-rt
# Model, merge records, decisions and the topology parameters on a loaded
# module: kunpeng-mini under each policy, the exclusion that restores L2
# cache control, bad and absent parameter values, and the debugfs formats.
. /tests/lib.sh

load() { # load ARGS...: modprobe with a clean dmesg
	dmesg -c >/dev/null
	modprobe mpam_ext "$@"
}
line_count() { grep -c "$1" "$2" 2>/dev/null; }
has() { # has FILE FIXED-STRING
	grep -qF -- "$2" "$1"
}

# The mainline policy reproduces the report's outcome, and says why
check "kunpeng-mini mainline loads" load sim=kunpeng-mini policy=mainline
dmesg >/tmp/dmesg
check "dmesg: L2 merge line" has /tmp/dmesg \
	"mpam_ext: L2: cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)"
expect_eq "dmesg: one merge line (only L2 lost something)" 1 \
	"$(grep -c 'mpam_ext: \(L[0-9]\|MEM\|UNKNOWN\): ' /tmp/dmesg)"
check "dmesg: MB refused with the reason" has /tmp/dmesg \
	"what=MB class=255 result=refused why=topology does not match L3 (policy mainline): component 0 (CPUs 0-7) is not the CPU set of one L3"
cp $DBG/decisions /tmp/dec
expect_eq "decisions: policy line" "policy mainline" "$(head -n 1 /tmp/dec)"
check "decisions: L2 refused for CPOR" has /tmp/dec \
	"what=L2 class=2 result=refused why=cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)"
check "decisions: L3 picked" has /tmp/dec "what=L3 class=3 result=picked why=domains 2, 17-bit cache portion bitmap"
check "decisions: MB not available" has /tmp/dec "what=MB class=- result=refused why=no class qualifies (policy mainline)"
check "decisions: mbm_total_bytes not available" has /tmp/dec \
	"what=mbm_total_bytes class=- result=refused why=no class qualifies (policy mainline)"
check "decisions: L2 monitors unused" has /tmp/dec "what=L2 monitors class=2 result=skipped"
check "decisions: no L2 monitor picked" sh -c "! grep -q 'l2_occupancy' /tmp/dec"
# The question of the report, answered by one file
expect_eq "classes/2/merge: the cleared CPOR" \
	"level=class object=2 child=vmsc:13/67 msc=67 ris=0 prop=cpor action=cleared before=8 child_value=0 after=0 rule=needed-everywhere" \
	"$(cat $DBG/classes/2/merge)"
check "classes/2/features: no cpor" has $DBG/classes/2/features "features csu,mbwu"
expect_eq "classes/2/features: cpbm_wd" "cpbm_wd 0" "$(grep '^cpbm_wd ' $DBG/classes/2/features)"
expect_eq "classes/255/components" \
	"component=0 cpus=0-7 excluded=0 vmscs=252,254" \
	"$(cut -d' ' -f1-4 $DBG/classes/255/components)"
expect_eq "classes/2/vmscs: four L2 vMSCs" 4 "$(line_count '^component=' $DBG/classes/2/vmscs)"
expect_eq "classes: L2, L3, memory" "2 255 3" "$(ls $DBG/classes | tr '\n' ' ' | sed 's/ $//')"
# monitors: every monitor of every RIS, all free
expect_eq "monitors: one line per monitor" 32 "$(line_count . $DBG/monitors)"
expect_eq "monitors: all free" 32 "$(line_count 'state=free owner=-$' $DBG/monitors)"
check "monitors: format" has $DBG/monitors "msc=254 ris=0 type=mbwu mon=3 state=free owner=-"
# partids: reset configuration of every PARTID
check "partids: L3 reset value" has $DBG/partids "class=3 partid=31 component=26 msc=129 ris=0 cpbm=1ffff"
check "partids: MB reset value" has $DBG/partids "class=255 partid=0 component=0 msc=254 ris=0 mbw_max=0xfe00 hardlim=0"
for f in decisions monitors partids platform classes/2/merge classes/2/features classes/2/components classes/2/vmscs; do
	expect_eq "$f is read-only" 444 "$(stat -c %a $DBG/$f)"
done
check "rmmod" rmmod mpam_ext

# The mata policy: MB and MBWU from the MATA, L2 monitors
check "kunpeng-mini mata loads" load sim=kunpeng-mini policy=mata
dmesg >/tmp/dmesg
cp $DBG/decisions /tmp/dec
check "dmesg: MB picked" has /tmp/dmesg "what=MB class=255 result=picked why=policy mata, L3 domains <- MEM components: 1<-0,26<-0"
check "decisions: mbm_total_bytes from the MATA" has /tmp/dec \
	"what=mbm_total_bytes class=255 result=picked why=policy mata, L3 domains <- MEM components: 1<-0,26<-0"
check "decisions: L2 CSU" has /tmp/dec "what=l2_occupancy class=2 result=picked why=domains 4, 2 CSU monitors per RIS"
check "decisions: L2 MBWU" has /tmp/dec "what=mbm_l2_total_bytes class=2 result=picked why=domains 4, 2 MBWU monitors per RIS"
check "decisions: L2 control still refused" has /tmp/dec "what=L2 class=2 result=refused"
check "rmmod" rmmod mpam_ext

# Excluding the L2 RIS without CPOR restores L2 cache control
check "kunpeng-mini mata exclude=67.0 loads" load sim=kunpeng-mini policy=mata exclude=67.0
cp $DBG/decisions /tmp/dec
check "decisions: L2 picked" has /tmp/dec \
	"what=L2 class=2 result=picked why=domains 3, 8-bit cache portion bitmap; CPUs 6-7 have no L2 control or monitor (excluded by parameter)"
check "decisions: exclusion recorded" has /tmp/dec "what=exclude class=- result=excluded why=msc 67 ris 0 left out of every merge and pick"
expect_eq "classes/2/merge: empty" "" "$(cat $DBG/classes/2/merge)"
check "classes/2/features: cpor" has $DBG/classes/2/features "features cpor,csu,mbwu"
check "classes/2/features: excluded CPUs" has $DBG/classes/2/features "excluded_cpus 6-7"
check "classes/2/vmscs: RIS 0 of MSC 67 excluded" has $DBG/classes/2/vmscs "component=13 msc=67 ris=0 excluded_ris=0"
check "dmesg: no merge line" sh -c "! dmesg | grep -q 'control off'"
check "rmmod" rmmod mpam_ext

# Names the platform lacks are reported, not ignored
check "absent names still load" load sim=kunpeng-mini policy=mata exclude=300,64.3 mb_class=L5 mb_map=0:1+99
dmesg >/tmp/dmesg
check "dmesg: absent MSC" has /tmp/dmesg "what=exclude class=- result=absent why=msc 300: not in platform kunpeng-mini"
check "dmesg: absent RIS" has /tmp/dmesg "what=exclude class=- result=absent why=msc 64 ris 3: not in platform kunpeng-mini"
check "dmesg: absent class" has /tmp/dmesg "what=mb_class class=5 result=absent why=class 5: not in platform kunpeng-mini"
check "rmmod" rmmod mpam_ext
check "absent L3 in mb_map" load sim=kunpeng-mini policy=mata mb_map=0:1+99
check "dmesg: absent L3" sh -c "dmesg | grep -qF 'what=mb_map class=- result=absent why=component 0: L3 99 is not in platform kunpeng-mini'"
check "rmmod" rmmod mpam_ext

# Bad values fail the load with one line naming parameter, value, expectation
bad() { # bad DESCRIPTION EXPECTED-LINE ARGS...
	desc=$1 want=$2
	shift 2
	dmesg -c >/dev/null
	check "$desc: refused" sh -c "! modprobe mpam_ext sim=kunpeng-mini $* 2>/dev/null"
	check "$desc: message" sh -c "dmesg | grep -qF -- '$want'"
	check "$desc: not loaded" sh -c "! grep -q '^mpam_ext ' /proc/modules"
}
bad "policy" 'mpam_ext: bad parameter: policy="bogus": expected mainline or mata' policy=bogus
bad "mb_class" 'bad parameter: mb_class="L2": expected auto, none, memory or a cache level L3-L7' mb_class=L2
bad "l2_mon" 'bad parameter: l2_mon="maybe": expected auto, on or off' l2_mon=maybe
bad "exclude" 'bad parameter: exclude="67.x": expected <msc>[.<ris>][,...]' exclude=67.x
bad "mb_map syntax" 'bad parameter: mb_map="0-1": expected <component>:<L3 id>' policy=mata mb_map=0-1
bad "mb_map policy" 'bad parameter: mb_map="0:1": needs policy=mata' mb_map=0:1

# The other shipped platforms under the default policy
check "tiny loads" load sim=tiny
check "tiny: MB from memory" has $DBG/decisions "what=MB class=255 result=picked why=policy mainline, L3 domains <- MEM components: 0<-0"
check "tiny: mbm_total_bytes from L3" has $DBG/decisions "what=mbm_total_bytes class=3 result=picked"
check "rmmod" rmmod mpam_ext
check "grace-mini loads" load sim=grace-mini policy=mata
check "grace-mini: split L3 refused" has $DBG/decisions \
	"what=MB class=255 result=refused why=topology does not match L3 (policy mata): component 0 (CPUs 0-3) splits L3 0 (CPUs 0-7)"
check "grace-mini: CPU-less node shown" has $DBG/classes/255/components "component=2 cpus=none"
check "rmmod" rmmod mpam_ext
finish
