/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the traffic model offers its KUnit suite only: busy time fed
 * directly, without the simulated CPU registers.
 */
#ifndef MPX_TRAFFIC_TEST_H
#define MPX_TRAFFIC_TEST_H

#include <linux/types.h>

void mpam_ext_traffic_feed(unsigned int cpu, u64 val, u64 busy_ns);

#endif /* MPX_TRAFFIC_TEST_H */
