/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-only declarations of the resctrl front, for the KUnit suites: what
 * the front exposes when built with MPAM_EXT_KUNIT.
 */
#ifndef MPX_RESCTRL_TEST_H
#define MPX_RESCTRL_TEST_H

#include <linux/types.h>

struct mpam_ext_mon_ctx;

bool mpam_ext_fs_active(void);
u16 mpam_ext_rc_pct_to_mbw(u32 pct, u8 bwa_wd);
u32 mpam_ext_rc_mbw_to_pct(u16 mbw, u8 bwa_wd);
u32 mpam_ext_mon_num_rmids(struct mpam_ext_mon_ctx *mc);
void mpam_ext_mon_sample(struct mpam_ext_mon_ctx *mc);
unsigned int mpam_ext_mon_period_ms(struct mpam_ext_mon_ctx *mc);
extern unsigned int mpam_ext_mon_cpu_mbps;

#endif /* MPX_RESCTRL_TEST_H */
