/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resctrl front: filesystem type "resctrl" with the files and formats of
 * the kernel's resctrl (Documentation/filesystems/resctrl.rst), over the
 * hooks of <mpam_ext/resctrl.h>. Stays off, with one line, where the
 * kernel has its own resctrl. Rules: docs/resctrl.md.
 */
#ifndef MPAM_EXT_FS_H
#define MPAM_EXT_FS_H

int mpam_ext_fs_init(void);
void mpam_ext_fs_exit(void);

#endif /* MPAM_EXT_FS_H */
