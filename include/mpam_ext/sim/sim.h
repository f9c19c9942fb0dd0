/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Simulated MSC: a register file that behaves as Arm IHI 0099 describes,
 * built from a platform description's MSC. The accessor layer of the MSC
 * driver calls it in place of MMIO when the module runs with sim=.
 *
 * Every "RIS index" below is the hardware RIS index (the value of the RIS
 * field of MPAMCFG_PART_SEL and MSMON_CFG_MON_SEL, struct mpam_ext_ris_desc
 * idx), not the position of the RIS in the description.
 */
#ifndef MPAM_EXT_SIM_H
#define MPAM_EXT_SIM_H

#include <linux/types.h>

struct dentry;
struct mpam_ext_msc_desc;
struct mpam_ext_sim_msc;

/* Faults the simulator can inject (also through debugfs) */
enum mpam_ext_sim_fault {
	MPAM_EXT_SIM_NRDY_STUCK,	/* monitors of a RIS read NRDY until cleared */
	MPAM_EXT_SIM_ERROR_IRQ,		/* raise ESR with error code arg, and the IRQ */
	MPAM_EXT_SIM_COUNTER_NEAR_WRAP,	/* MBWU monitor arg jumps just below its wrap */
	MPAM_EXT_SIM_GARBAGE_ID,	/* ID registers of a RIS read garbage */
	MPAM_EXT_SIM_CLEAR,		/* remove every injected fault of a RIS */
	MPAM_EXT_SIM_ERROR_PERSIST,	/* error code arg, raised again after every clear */
};

/*
 * The storm guard: a persistent error whose interrupt is delivered this many
 * times in a row without the line ever being masked stops by itself, and
 * mpam_ext_sim_stats.storm says so.
 */
#define MPAM_EXT_SIM_STORM_MAX		1000

/**
 * struct mpam_ext_sim_stats - what a simulated MSC has seen.
 * @irqs:	error interrupts delivered (calls of the error handler)
 * @irq_rate:	error interrupts delivered in the last whole second of
 *		ktime_get() time that had any (0 before one second has passed)
 * @errors:	errors recorded in MPAMF_ESR
 * @storm:	a persistent error was stopped by the storm guard
 *		(MPAM_EXT_SIM_STORM_MAX deliveries without INTEN ever cleared)
 * @bad_frame:	accesses at or beyond the end of the register frame
 * @bad_align:	accesses not aligned to their size
 * @bad_width:	64-bit accesses to an MSC that takes only 32-bit ones
 * @bad_cpu:	accesses from a CPU outside the MSC's affinity
 * @bad_power:	accesses while the MSC was powered down
 * @power_offs:	times the MSC lost power (the power property)
 * @off:	the MSC is powered down now
 *
 * Every bad access is also reported to the KUnit test running, if any,
 * as a failure (see mpam_ext_sim_set_lenient()).
 */
struct mpam_ext_sim_stats {
	u64 irqs;
	u64 irq_rate;
	u64 errors;
	bool storm;
	u64 bad_frame;
	u64 bad_align;
	u64 bad_width;
	u64 bad_cpu;
	u64 bad_power;
	u64 power_offs;
	bool off;
};

/**
 * mpam_ext_sim_create() - build a simulated MSC.
 * @desc:	the MSC as described (RIS and their hardware properties)
 *
 * Return: the simulated MSC with every PARTID at its reset value, or an
 * ERR_PTR().
 */
struct mpam_ext_sim_msc *mpam_ext_sim_create(const struct mpam_ext_msc_desc *desc);

/**
 * mpam_ext_sim_destroy() - free a simulated MSC.
 * @sim:	the simulated MSC, or NULL
 *
 * Waits for any error interrupt still being delivered.
 */
void mpam_ext_sim_destroy(struct mpam_ext_sim_msc *sim);

/**
 * mpam_ext_sim_read32() - 32-bit register read.
 * @sim:	the simulated MSC
 * @off:	register offset from the MSC base
 *
 * Return: the register value; 0 for an offset with no register.
 */
u32 mpam_ext_sim_read32(struct mpam_ext_sim_msc *sim, u32 off);

/**
 * mpam_ext_sim_write32() - 32-bit register write.
 * @sim:	the simulated MSC
 * @off:	register offset from the MSC base
 * @val:	value; fields wider than the hardware are truncated as the
 *		hardware would
 */
void mpam_ext_sim_write32(struct mpam_ext_sim_msc *sim, u32 off, u32 val);

/**
 * mpam_ext_sim_set_err_handler() - connect the error interrupt.
 * @sim:	the simulated MSC
 * @fn:		called in hard interrupt context (irq_work) when an error is
 *		recorded in ESR while ECR.INTEN is set; NULL disconnects
 * @arg:	passed to @fn
 */
void mpam_ext_sim_set_err_handler(struct mpam_ext_sim_msc *sim,
				  void (*fn)(void *arg), void *arg);

/**
 * mpam_ext_sim_account() - traffic of one PARTID/PMG seen by a RIS.
 * @sim:	the simulated MSC
 * @ris:	RIS index
 * @partid:	PARTID of the requests
 * @pmg:	PMG of the requests
 * @bytes:	bytes transferred, added to every matching MBWU monitor
 */
void mpam_ext_sim_account(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
			  u8 pmg, u64 bytes);

/**
 * mpam_ext_sim_bw_fraction() - bandwidth one PARTID may use at a RIS.
 * @sim:	the simulated MSC
 * @ris:	RIS index
 * @partid:	reqPARTID (with narrowing, the intPARTID it maps to controls)
 *
 * Reads the simulated registers: MBW_MAX, whose top BWA_WD bits f allow
 * (f + 1) / 2^BWA_WD of the bandwidth (HARDLIM is not looked at), and
 * MBW_PBM, whose set bits allow that share of the bitmap's width; the
 * smaller of the two when the RIS has both.
 *
 * Return: the fraction scaled to 65536 (65536 = all of it); 65536 for a
 * RIS without bandwidth control, a RIS that does not exist or a PARTID
 * beyond PARTID_MAX.
 */
u32 mpam_ext_sim_bw_fraction(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid);

/**
 * mpam_ext_sim_fill() - a PARTID/PMG brings data into a cache.
 * @sim:	the simulated MSC
 * @ris:	RIS index
 * @partid:	PARTID of the requests
 * @pmg:	PMG of the requests
 * @bytes:	bytes brought in (0 only applies the cap)
 * @size:	the cache's size as this RIS sees it, in bytes
 *
 * Adds @bytes to the pair's occupancy and bounds it by @size times the
 * PARTID's portion (mpam_ext_sim_portion()) as the registers hold it now,
 * so occupancy above a portion that shrank drops to it. A PARTID or PMG
 * out of range is reported as mpam_ext_sim_account() reports it.
 *
 * Return: the pair's occupancy afterwards; 0 when the request was dropped.
 */
u64 mpam_ext_sim_fill(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
		      u8 pmg, u64 bytes, u64 size);

/**
 * mpam_ext_sim_debugfs_init() - fault injection files in an MSC's directory.
 * @sim:	the simulated MSC
 * @dir:	the MSC's debugfs directory
 *
 * The files refer to @sim: remove @dir (debugfs_remove_recursive()) before
 * mpam_ext_sim_destroy(). See docs/simulator.md for their grammar.
 */
void mpam_ext_sim_debugfs_init(struct mpam_ext_sim_msc *sim, struct dentry *dir);

/**
 * mpam_ext_sim_irq_sync() - wait for an error interrupt being delivered.
 * @sim:	the simulated MSC
 *
 * Returns once no call of the error handler queued so far is pending or
 * running: call it after mpam_ext_sim_set_err_handler(sim, NULL, NULL)
 * before freeing the handler's argument. Process context only.
 */
void mpam_ext_sim_irq_sync(struct mpam_ext_sim_msc *sim);

#endif /* MPAM_EXT_SIM_H */
