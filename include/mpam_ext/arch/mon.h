/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Monitoring backend of the resctrl front: reads of the resctrl monitor
 * events (enum mpam_ext_event) for a monitoring group, identified as
 * resctrl's arch code identifies it, by CLOSID and RMID (here the PMG),
 * on one domain of the event's pick; and the counters of resctrl's
 * "mbm_event" assignment mode, which are MBWU monitors allocated up front.
 * Values and counter state only: the files that show them, and their
 * formats, belong to the front. The hooks of src/arch/resctrl.c call
 * these.
 *
 * One struct mpam_ext_mon_ctx exists per mount (its CDP setting decides
 * how many monitors a counter needs). Rules: docs/monitoring.md.
 *
 * Locking: the caller (the resctrl front) serialises every call on one
 * context, mpam_ext_mon_create() and mpam_ext_mon_destroy() included,
 * with its own mutex. While mounted, an overflow sampler started by
 * mpam_ext_mon_start() reads every assigned counter periodically from a
 * delayed work, outside that mutex; the context's own lock serialises it
 * with assignment and reads, taken inside the caller's mutex and outside
 * the MSC locks. mpam_ext_mon_destroy() cancels the sampler and waits for
 * it. The picking result is read-only, and each MSC access takes that
 * MSC's lock inside the MSC driver. Every call is made from process
 * context (reads may sleep waiting out NRDY).
 */
#ifndef MPAM_EXT_MON_H
#define MPAM_EXT_MON_H

#include <linux/types.h>

#include <mpam_ext/model/topo.h>

struct mpam_ext_mon_ctx;

struct mpam_ext_mon_ctx *mpam_ext_mon_create(const struct mpam_ext_topo *t,
					     bool cdp);
void mpam_ext_mon_destroy(struct mpam_ext_mon_ctx *mc);
void mpam_ext_mon_start(struct mpam_ext_mon_ctx *mc);
bool mpam_ext_mon_uses_cntrs(enum mpam_ext_event ev);
bool mpam_ext_mon_offered(const struct mpam_ext_topo *t,
			  enum mpam_ext_event ev);
enum mpam_ext_res mpam_ext_mon_event_res(enum mpam_ext_event ev);
u32 mpam_ext_mon_num_cntrs(struct mpam_ext_mon_ctx *mc,
			   enum mpam_ext_event ev, u32 dom);
u32 mpam_ext_mon_avail_cntrs(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, u32 dom);
int mpam_ext_mon_assign(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			u32 dom, u32 closid, u32 rmid);
int mpam_ext_mon_unassign(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			  u32 dom, u32 closid, u32 rmid);
bool mpam_ext_mon_is_assigned(struct mpam_ext_mon_ctx *mc,
			      enum mpam_ext_event ev, u32 dom, u32 closid,
			      u32 rmid);
int mpam_ext_mon_assign_group(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid);
void mpam_ext_mon_release(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid);
int mpam_ext_mon_read(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
		      u32 dom, u32 closid, u32 rmid, u64 *val);

#endif /* MPAM_EXT_MON_H */
