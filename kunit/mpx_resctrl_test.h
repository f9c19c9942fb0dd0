/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-only declarations of the resctrl front, for the KUnit suites: what
 * the front exposes when built with MPAM_EXT_KUNIT.
 */
#ifndef MPX_RESCTRL_TEST_H
#define MPX_RESCTRL_TEST_H

#include <linux/types.h>

bool mpam_ext_fs_active(void);

#endif /* MPX_RESCTRL_TEST_H */
