/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mpam_ext: Arm MPAM for kernels without it. Shared declarations.
 */
#ifndef MPAM_EXT_H
#define MPAM_EXT_H

#include <linux/types.h>

#define MPAM_EXT_VERSION "0.1.0"

struct dentry;

/**
 * mpam_ext_debugfs_root() - the module's debugfs directory.
 *
 * Return: the dentry of /sys/kernel/debug/mpam_ext, or an error pointer
 * when debugfs is unavailable (debugfs calls accept either).
 */
struct dentry *mpam_ext_debugfs_root(void);

#endif /* MPAM_EXT_H */
