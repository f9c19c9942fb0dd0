/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resctrl front: filesystem type "resctrl" with the files and formats of
 * the kernel's resctrl (Documentation/filesystems/resctrl.rst), over the
 * picking result, the control hooks (rctl.h), the CPU side (cpu.h) and
 * the monitoring backend (mon.h). Stays off, with one line, where the
 * kernel has its own resctrl. Rules: docs/resctrl.md.
 */
#ifndef MPAM_EXT_FS_H
#define MPAM_EXT_FS_H

#include <mpam_ext/model/topo.h>

int mpam_ext_fs_init(const struct mpam_ext_topo *t);
void mpam_ext_fs_exit(void);
bool mpam_ext_fs_active(void);

#endif /* MPAM_EXT_FS_H */
