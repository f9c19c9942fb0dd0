// SPDX-License-Identifier: GPL-2.0
/*
 * struct mnt_idmap as the first argument of inode operations: Linux 6.3,
 * "fs: port ->mkdir() to pass mnt_idmap" (with nop_mnt_idmap).
 */
#include <linux/fs.h>
#include <linux/mnt_idmapping.h>

struct mnt_idmap *mpx_probe(void);
struct mnt_idmap *mpx_probe(void)
{
	return &nop_mnt_idmap;
}
