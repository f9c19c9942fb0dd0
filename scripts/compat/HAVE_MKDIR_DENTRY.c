// SPDX-License-Identifier: GPL-2.0
/*
 * inode_operations.mkdir returns a dentry: Linux 6.15, "Change
 * inode_operations.mkdir to return struct dentry *".
 */
#include <linux/fs.h>

static struct dentry *mpx_mkdir(struct mnt_idmap *idmap, struct inode *dir,
				struct dentry *dentry, umode_t mode)
{
	return NULL;
}

const struct inode_operations mpx_probe = { .mkdir = mpx_mkdir };
