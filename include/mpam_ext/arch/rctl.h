/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resctrl control hooks: the per-domain configuration calls a resctrl
 * front makes (get and set one CLOSID's value on one domain of L2, L3 or
 * MB, the CLOSID count, CDP), over the picking result and the MSC driver.
 * They keep the shape of the kernel's resctrl arch contract so that they
 * can be carried into a vendor tree, under the module's own prefix.
 *
 * mpam_ext_arch_resctrl_init() and _exit() set up and take down the hook
 * implementation of <mpam_ext/resctrl.h> over them (src/arch/resctrl.c).
 *
 * Locking: none of their own. The picking result is read-only; each MSC
 * access takes that MSC's lock inside the MSC driver. A caller that needs
 * a multi-domain write to be seen as one (a schemata write) serialises
 * its writers itself.
 */
#ifndef MPAM_EXT_RCTL_H
#define MPAM_EXT_RCTL_H

#include <linux/types.h>

#include <mpam_ext/model/topo.h>

struct mpam_ext_ris;

struct mpam_ext_ris *mpam_ext_comp_next_ris(const struct mpam_ext_component *comp,
					    unsigned long fields,
					    unsigned int *pos);
u32 mpam_ext_rc_num_closids(const struct mpam_ext_topo *t, bool cdp);
u16 mpam_ext_rc_partid(u32 closid, enum mpam_ext_cdp type);
u32 mpam_ext_rc_bw_gran(u8 bwa_wd);
int mpam_ext_rc_get_config(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 *val);
int mpam_ext_rc_update_one(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 val);
/* The hook implementation of <mpam_ext/resctrl.h> (src/arch/resctrl.c) */
int mpam_ext_arch_resctrl_init(const struct mpam_ext_topo *t);
void mpam_ext_arch_resctrl_exit(void);

int mpam_ext_rc_check_shared(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			     const bool *set, const u32 *vals, char *err,
			     size_t err_len);

#endif /* MPAM_EXT_RCTL_H */
