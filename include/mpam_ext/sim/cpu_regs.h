/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Simulated CPU registers: per CPU, the MPAM system registers the CPU side
 * programs in place of MPAMIDR_EL1, MPAM0_EL1 and MPAM1_EL1, and the busy
 * time each CPU spends with each MPAM0_EL1 value, which the traffic model
 * turns into memory traffic. Like the system registers they stand for,
 * they are read and written on the CPU they belong to. Rules:
 * docs/cpu.md ("Simulated CPU registers").
 */
#ifndef MPAM_EXT_SIM_CPU_REGS_H
#define MPAM_EXT_SIM_CPU_REGS_H

#include <linux/bits.h>
#include <linux/types.h>

struct seq_file;

/* The simulated system registers */
enum mpam_ext_sim_cpu_reg {
	MPAM_EXT_SIM_MPAMIDR_EL1,
	MPAM_EXT_SIM_MPAM0_EL1,
	MPAM_EXT_SIM_MPAM1_EL1,
};

/* MPAM0_EL1 (and the same bits of MPAM1_EL1) */
#define MPAM_EXT_SIM_MPAM_PARTID_I	GENMASK_ULL(15, 0)
#define MPAM_EXT_SIM_MPAM_PARTID_D	GENMASK_ULL(31, 16)
#define MPAM_EXT_SIM_MPAM_PMG_I		GENMASK_ULL(39, 32)
#define MPAM_EXT_SIM_MPAM_PMG_D		GENMASK_ULL(47, 40)
#define MPAM_EXT_SIM_MPAM1_MPAMEN	BIT_ULL(63)
/* MPAMIDR_EL1 */
#define MPAM_EXT_SIM_MPAMIDR_PARTID_MAX	GENMASK_ULL(15, 0)
#define MPAM_EXT_SIM_MPAMIDR_PMG_MAX	GENMASK_ULL(39, 32)

void mpam_ext_sim_cpu_start(void);
void mpam_ext_sim_cpu_stop(void);
u64 mpam_ext_sim_cpu_read(enum mpam_ext_sim_cpu_reg reg);
void mpam_ext_sim_cpu_write(enum mpam_ext_sim_cpu_reg reg, u64 val);
void mpam_ext_sim_cpu_busy(bool busy);
void mpam_ext_sim_cpu_show(struct seq_file *s, unsigned int cpu);
void mpam_ext_sim_cpu_drain(void (*fn)(unsigned int cpu, u64 mpam0,
				       u64 busy_ns, void *arg),
			    void *arg);

#endif /* MPAM_EXT_SIM_CPU_REGS_H */
