/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resctrl control hooks: the per-domain configuration calls a resctrl
 * front makes (get and set one CLOSID's value on one domain of L2, L3 or
 * MB, the CLOSID count, CDP), over the picking result and the MSC driver.
 * They keep the shape of the kernel's resctrl arch contract so that they
 * can be carried into a vendor tree, under the module's own prefix.
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

/* Code/data prioritisation: which half of a CLOSID's PARTID pair */
enum mpam_ext_cdp {
	MPAM_EXT_CDP_NONE,	/* CDP off: PARTID = CLOSID */
	MPAM_EXT_CDP_DATA,	/* CDP on: PARTID = 2 * CLOSID */
	MPAM_EXT_CDP_CODE,	/* CDP on: PARTID = 2 * CLOSID + 1 */
};

struct mpam_ext_ris *mpam_ext_comp_next_ris(const struct mpam_ext_component *comp,
					    unsigned long fields,
					    unsigned int *pos);
u32 mpam_ext_rc_num_closids(const struct mpam_ext_topo *t, bool cdp);
u16 mpam_ext_rc_partid(u32 closid, enum mpam_ext_cdp type);
u32 mpam_ext_rc_bw_gran(u8 bwa_wd);
u16 mpam_ext_rc_pct_to_mbw(u32 pct, u8 bwa_wd);
u32 mpam_ext_rc_mbw_to_pct(u16 mbw, u8 bwa_wd);
int mpam_ext_rc_get_config(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 *val);
int mpam_ext_rc_update_one(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 val);
int mpam_ext_rc_check_shared(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			     const bool *set, const u32 *vals, char *err,
			     size_t err_len);

#endif /* MPAM_EXT_RCTL_H */
