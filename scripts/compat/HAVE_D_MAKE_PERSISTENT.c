// SPDX-License-Identifier: GPL-2.0
/*
 * d_make_persistent(): Linux 6.19, "new helper: d_make_persistent()"
 * (pseudo filesystems pin their dentries with it; kill_litter_super()
 * went away after it).
 */
#include <linux/dcache.h>

struct dentry *mpx_probe(struct dentry *d, struct inode *inode);
struct dentry *mpx_probe(struct dentry *d, struct inode *inode)
{
	return d_make_persistent(d, inode);
}
