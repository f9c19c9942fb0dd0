/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the CPU side offers its KUnit suite only.
 */
#ifndef MPAM_EXT_CPU_TEST_H
#define MPAM_EXT_CPU_TEST_H

#include <linux/types.h>

#include <mpam_ext/arch/cpu.h>

u64 mpam_ext_cpu_current(unsigned int cpu);
void mpam_ext_cpu_test_dead(unsigned int cpu);
void mpam_ext_cpu_test_pm(unsigned long action);
void mpam_ext_cpu_test_online(unsigned int cpu);
void mpam_ext_cpu_test_ipi(void);

int mpam_ext_cpu_decide(u64 pfr0, u64 pfr1, bool at_el2, bool sim_mscs,
			const char *param, char *why, size_t len);

#endif /* MPAM_EXT_CPU_TEST_H */
