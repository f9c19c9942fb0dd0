/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the simulated CPU registers offer the KUnit suites only.
 */
#ifndef MPX_SIM_CPU_TEST_H
#define MPX_SIM_CPU_TEST_H

#include <linux/types.h>

void mpam_ext_sim_cpu_set_idr(unsigned int cpu, u64 idr);

#endif /* MPX_SIM_CPU_TEST_H */
