/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the CPU side offers its KUnit suite only.
 */
#ifndef MPX_CPU_TEST_H
#define MPX_CPU_TEST_H

#include <linux/types.h>

u64 mpam_ext_cpu_current(unsigned int cpu);
void mpam_ext_cpu_test_dead(unsigned int cpu);
void mpam_ext_cpu_test_pm(unsigned long action);
void mpam_ext_cpu_test_online(unsigned int cpu);
void mpam_ext_cpu_test_ipi(void);

#endif /* MPX_CPU_TEST_H */
