/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inspection: debugfs files of the model and the picking result.
 */
#ifndef MPAM_EXT_INSPECT_H
#define MPAM_EXT_INSPECT_H

#include <mpam_ext/model/model.h>
#include <mpam_ext/model/topo.h>

struct dentry;

void mpam_ext_inspect_init(struct dentry *root, struct mpam_ext_model *m,
			   struct mpam_ext_topo *t);
void mpam_ext_inspect_exit(void);

#endif /* MPAM_EXT_INSPECT_H */
