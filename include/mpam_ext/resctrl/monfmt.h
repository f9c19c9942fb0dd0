/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resctrl files about monitoring, in the kernel's resctrl formats:
 * info/<res>_MON/mon_features, num_mbm_cntrs, available_mbm_cntrs, a
 * group's mbm_<res>_assignments (shown and written) and the value of a
 * mon_data event file. Printed straight into the seq_file of the read,
 * over the hooks of <mpam_ext/resctrl.h>. Formats: docs/monitoring.md.
 *
 * Locking: none of their own; the caller serialises calls on one
 * monitoring context (the front's mutex), as the hooks require.
 */
#ifndef MPAM_EXT_RESCTRL_MONFMT_H
#define MPAM_EXT_RESCTRL_MONFMT_H

#include <linux/types.h>

#include <mpam_ext/resctrl.h>

struct seq_file;

/* Longest message mpam_ext_monfmt_assign_write() leaves in its buffer */
#define MPAM_EXT_MONFMT_ERR_LEN		512

void mpam_ext_monfmt_features(struct seq_file *m, enum mpam_ext_res res);
int mpam_ext_monfmt_cntrs(struct seq_file *m, struct mpam_ext_mon_ctx *mc,
			  enum mpam_ext_event ev, bool available);
void mpam_ext_monfmt_assignments(struct seq_file *m,
				 struct mpam_ext_mon_ctx *mc,
				 enum mpam_ext_res res, u32 closid, u32 rmid);
int mpam_ext_monfmt_assign_write(struct mpam_ext_mon_ctx *mc,
				 enum mpam_ext_res res, u32 closid, u32 rmid,
				 const char *buf, size_t len, char *err,
				 size_t err_len);
void mpam_ext_monfmt_value(struct seq_file *m, int ret, u64 val);

#endif /* MPAM_EXT_RESCTRL_MONFMT_H */
