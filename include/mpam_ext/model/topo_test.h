/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What src/model/topo.c offers its KUnit suites only: building blocks and
 * inspection that no other unit of the module calls.
 */
#ifndef MPAM_EXT_TOPO_TEST_H
#define MPAM_EXT_TOPO_TEST_H

#include <mpam_ext/model/topo.h>

const char *mpam_ext_policy_name(enum mpam_ext_policy policy);

const struct mpam_ext_decision *mpam_ext_topo_find(const struct mpam_ext_topo *t,
						   const char *what);

#endif /* MPAM_EXT_TOPO_TEST_H */
