/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What src/sim/sim.c offers its KUnit suites only: building blocks and
 * inspection that no other unit of the module calls.
 */
#ifndef MPAM_EXT_SIM_TEST_H
#define MPAM_EXT_SIM_TEST_H

#include <mpam_ext/sim/sim.h>

/**
 * mpam_ext_sim_set_lenient() - do not fail the running test on bad accesses.
 * @sim:	the simulated MSC
 * @lenient:	true for a test that makes bad accesses on purpose; they are
 *		still counted
 */
void mpam_ext_sim_set_lenient(struct mpam_ext_sim_msc *sim, bool lenient);

/**
 * mpam_ext_sim_read64() - 64-bit register read (IDR with EXT, ESR with
 * EXTD_ESR, MSMON_MBWU_L).
 * @sim:	the simulated MSC
 * @off:	register offset from the MSC base
 *
 * Return: the register value.
 */
u64 mpam_ext_sim_read64(struct mpam_ext_sim_msc *sim, u32 off);

/**
 * mpam_ext_sim_write64() - 64-bit register write.
 * @sim:	the simulated MSC
 * @off:	register offset from the MSC base
 * @val:	value
 */
void mpam_ext_sim_write64(struct mpam_ext_sim_msc *sim, u32 off, u64 val);

/**
 * mpam_ext_sim_set_occupancy() - cache storage used by one PARTID/PMG.
 * @sim:	the simulated MSC
 * @ris:	RIS index
 * @partid:	PARTID
 * @pmg:	PMG
 * @bytes:	bytes of the cache it occupies, read by matching CSU monitors
 */
void mpam_ext_sim_set_occupancy(struct mpam_ext_sim_msc *sim, u8 ris,
				u16 partid, u8 pmg, u64 bytes);

/**
 * mpam_ext_sim_portion() - share of a cache one PARTID may occupy.
 * @sim:	the simulated MSC
 * @ris:	RIS index
 * @partid:	reqPARTID (with narrowing, the intPARTID it maps to controls)
 *
 * Reads the simulated registers: the CPBM bits set over CPBM_WD, and CMAX
 * as (f + 1) / 2^CMAX_WD for its top CMAX_WD bits f (SOFTLIM is not
 * looked at); the smaller of the two when the RIS has both.
 *
 * Return: the fraction scaled to 65536; 65536 for a RIS without CPOR or
 * CMAX, a RIS that does not exist or a PARTID beyond PARTID_MAX.
 */
u32 mpam_ext_sim_portion(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid);

/**
 * mpam_ext_sim_inject() - inject a fault.
 * @sim:	the simulated MSC
 * @fault:	what to inject
 * @ris:	RIS index it applies to
 * @arg:	error code (ERROR_IRQ, ERROR_PERSIST) or monitor index
 *		(COUNTER_NEAR_WRAP)
 *
 * Return: 0, or -EINVAL for a RIS, code or monitor that does not exist.
 */
int mpam_ext_sim_inject(struct mpam_ext_sim_msc *sim, enum mpam_ext_sim_fault fault,
			u8 ris, u64 arg);

/**
 * mpam_ext_sim_get_stats() - counters of a simulated MSC.
 * @sim:	the simulated MSC
 * @stats:	filled in
 */
void mpam_ext_sim_get_stats(struct mpam_ext_sim_msc *sim,
			    struct mpam_ext_sim_stats *stats);

/**
 * mpam_ext_sim_inject_parse() - inject a fault described as text.
 * @sim:	the simulated MSC
 * @fault:	what to inject
 * @text:	"<ris> [arg]", the grammar of the debugfs files: decimal or
 *		0x-prefixed numbers separated by blanks, an optional newline
 *
 * Return: 0, or -EINVAL for text that does not parse or a fault that
 * mpam_ext_sim_inject() refuses.
 */
int mpam_ext_sim_inject_parse(struct mpam_ext_sim_msc *sim,
			      enum mpam_ext_sim_fault fault, const char *text);

/**
 * mpam_ext_sim_power() - power a simulated MSC down or up.
 * @sim:	the simulated MSC
 * @on:		false: power down (every access is an error, no interrupt,
 *		no traffic); true: power up, the register file in reset state
 *		when it was powered down before
 *
 * What CPU hotplug does to an MSC with the power property, without it.
 */
void mpam_ext_sim_power(struct mpam_ext_sim_msc *sim, bool on);

#endif /* MPAM_EXT_SIM_TEST_H */
