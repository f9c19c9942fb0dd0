/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware discovery from the devicetree: MSC nodes (compatible
 * "arm,mpam-msc"), their RIS child nodes and the cache, CPU and memory
 * nodes they lead to, turned into a platform description. The binding is in
 * docs/devicetree.md.
 */
#ifndef MPAM_EXT_DT_H
#define MPAM_EXT_DT_H

#include <linux/types.h>

struct device;
struct mpam_ext_platform;

/* A message buffer this large holds every message untruncated */
#define MPAM_EXT_DT_ERR_LEN		384

/**
 * mpam_ext_dt_discover() - the platform the devicetree describes (sim=dt).
 * @dev:	device for the firmware loader
 * @out:	set to the platform on success, NULL on failure
 *
 * Parses the devicetree and gives the MSCs the register properties of the
 * description sim_hw= names (or minimal ones). Each problem is logged as
 * one line.
 *
 * Return: 0, or a negative error number.
 */
int mpam_ext_dt_discover(struct device *dev, struct mpam_ext_platform **out);

#endif /* MPAM_EXT_DT_H */
