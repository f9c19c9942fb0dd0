# SPDX-License-Identifier: GPL-2.0
# An error source that never stops (the simulator raises the error again
# each time ESR is cleared): the driver masks the error interrupt, so the
# interrupt count stays at two (the first error, and one after the reset
# unmasks it once) instead of storming; sim_stats shows the count and rate.
. /tests/lib.sh

check "modprobe sim=tiny" modprobe mpam_ext sim=tiny
M=$DBG/msc/0
expect_eq "no interrupt yet" "irqs 0" "$(grep '^irqs ' $M/sim_stats)"
check "persistent error on RIS 0" sh -c "echo '0 2' > $M/inject_error_persist"
sleep 1
expect_eq "msc 0 errored" "state errored" "$(grep '^state ' $M/state)"
expect_eq "interrupt masked" "irq_masked 1" "$(grep '^irq_masked ' $M/state)"
expect_eq "two interrupts, no storm" "irqs 2" "$(grep '^irqs ' $M/sim_stats)"
expect_eq "storm guard not needed" "storm 0" "$(grep '^storm ' $M/sim_stats)"
expect_eq "the error is still raised" "error_persist 2" "$(grep '^error_persist ' $M/sim_stats)"
expect_eq "no bad access" "bad_frame 0 bad_align 0 bad_width 0 bad_cpu 0 bad_power 0" \
	"$(grep '^bad_' $M/sim_stats | tr '\n' ' ' | sed 's/ $//')"
check "stopped" sh -c "echo 0 > $M/inject_clear"
expect_eq "stopped in sim_stats" "error_persist 0" "$(grep '^error_persist ' $M/sim_stats)"
check "rmmod" rmmod mpam_ext
finish
