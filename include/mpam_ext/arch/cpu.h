/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CPU side: the PARTID and PMG each CPU issues its requests with, and which
 * task and CPU runs with which. A task that was never moved runs with its
 * CPU's default value; a moved task runs with the value it was given,
 * whatever CPU it is on, and its children inherit it. The value is
 * programmed at every context switch, and only when it changes, through
 * one write path with two backends: MPAM1_EL1/MPAM0_EL1 on CPUs with a
 * usable FEAT_MPAM, or the simulator's CPU registers
 * (include/mpam_ext/sim/cpu_regs.h) when the MSCs are simulated.
 *
 * A value is laid out as MPAM0_EL1 is (PARTID_I, PARTID_D, PMG_I, PMG_D);
 * the fields below build and take it apart. Value 0 is the default
 * PARTID 0, PMG 0. Rules and formats: docs/cpu.md.
 */
#ifndef MPAM_EXT_CPU_H
#define MPAM_EXT_CPU_H

#include <linux/bits.h>
#include <linux/types.h>

struct cpumask;
struct dentry;
struct task_struct;

#define MPAM_EXT_CPU_PARTID_I	GENMASK_ULL(15, 0)
#define MPAM_EXT_CPU_PARTID_D	GENMASK_ULL(31, 16)
#define MPAM_EXT_CPU_PMG_I	GENMASK_ULL(39, 32)
#define MPAM_EXT_CPU_PMG_D	GENMASK_ULL(47, 40)

/* Where the values go */
enum mpam_ext_cpu_mode {
	MPAM_EXT_CPU_OFF,	/* nowhere: no control, no monitoring */
	MPAM_EXT_CPU_SIM,	/* simulated CPU registers */
	MPAM_EXT_CPU_HW,	/* MPAM1_EL1 and MPAM0_EL1 */
};

/* ID_AA64PFR0_EL1.MPAM and ID_AA64PFR1_EL1.MPAM_frac */
#define MPAM_EXT_PFR0_MPAM	GENMASK_ULL(43, 40)
#define MPAM_EXT_PFR1_MPAM_FRAC	GENMASK_ULL(19, 16)

u64 mpam_ext_cpu_val(u16 partid_d, u16 partid_i, u8 pmg_d, u8 pmg_i);

int mpam_ext_cpu_init(bool sim_mscs, const char *param, struct dentry *dbg);
void mpam_ext_cpu_exit(void);
enum mpam_ext_cpu_mode mpam_ext_cpu_mode(void);
const char *mpam_ext_cpu_why(void);
void mpam_ext_cpu_limits(u32 *nr_partid, u32 *nr_pmg);

int mpam_ext_task_move(struct task_struct *t, const void *owner, u64 val);
const void *mpam_ext_task_owner(struct task_struct *t);
void mpam_ext_task_move_all(const void *from, const void *to, u64 val);
void mpam_ext_task_for_each(const void *owner,
			    void (*fn)(struct task_struct *t, void *arg),
			    void *arg);
void mpam_ext_cpu_set_default(const struct cpumask *mask, u64 val);
void mpam_ext_cpu_reset_all(void);

#endif /* MPAM_EXT_CPU_H */
