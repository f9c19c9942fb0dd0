// SPDX-License-Identifier: GPL-2.0
/*
 * simple_inode_init_ts(): Linux 6.7, "fs: add new accessor methods for
 * atime and mtime" series ("fs: new helper: simple_inode_init_ts").
 */
#include <linux/fs.h>

void mpx_probe(struct inode *inode);
void mpx_probe(struct inode *inode)
{
	simple_inode_init_ts(inode);
}
