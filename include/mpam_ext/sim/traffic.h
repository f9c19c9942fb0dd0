/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Traffic model of the simulator: while a CPU is busy (runs anything but
 * its idle task) it issues memory traffic and fills caches with the PARTID
 * and PMG it runs with. The simulated MSCs on its path (the components
 * whose CPU set holds it) count the bytes in their MBWU monitors and the
 * storage in their CSU monitors, bounded by that PARTID's cache portion
 * and bandwidth limit as programmed in the simulated registers. So a limit
 * written through schemata changes what the monitors read. Rates and
 * sizes: docs/simulator.md.
 */
#ifndef MPAM_EXT_TRAFFIC_H
#define MPAM_EXT_TRAFFIC_H

#include <linux/types.h>

struct dentry;
struct mpam_ext_model;

int mpam_ext_traffic_init(const struct mpam_ext_model *m, struct dentry *dbg);
void mpam_ext_traffic_exit(void);
void mpam_ext_traffic_sync(void);

#endif /* MPAM_EXT_TRAFFIC_H */
