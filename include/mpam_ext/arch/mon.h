/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Monitoring backend of the resctrl front: reads of the resctrl monitor
 * events (enum mpam_ext_event) for a monitoring group, identified as
 * resctrl's arch code identifies it, by CLOSID and RMID (here the PMG),
 * on one domain of the event's pick; and the counters of resctrl's
 * "mbm_event" assignment mode, which are MBWU monitors allocated up front.
 * The contents of the resctrl files about monitoring (the files of info/L3_MON,
 * mbm_L3_assignments, mon_data/ reads) are printed and parsed here, by
 * the functions ending in _print and _write.
 *
 * One struct mpam_ext_mon_ctx exists per mount (its CDP setting decides
 * how many monitors a counter needs). Rules: docs/monitoring.md.
 *
 * Locking: a context has no lock of its own. Its caller (the resctrl
 * front) serialises every call on one context, mpam_ext_mon_create() and
 * mpam_ext_mon_destroy() included, with its own mutex; the context's
 * counter state is under that mutex. The picking result is read-only, and
 * each MSC access takes that MSC's lock inside the MSC driver. Every call
 * is made from process context (reads may sleep waiting out NRDY).
 */
#ifndef MPAM_EXT_MON_H
#define MPAM_EXT_MON_H

#include <linux/types.h>

#include <mpam_ext/model/topo.h>

struct mpam_ext_mon_ctx;

/* Longest message mpam_ext_mon_assign_write() leaves in its error buffer */
#define MPAM_EXT_MON_ERR_LEN		512

struct mpam_ext_mon_ctx *mpam_ext_mon_create(const struct mpam_ext_topo *t,
					     bool cdp);
void mpam_ext_mon_destroy(struct mpam_ext_mon_ctx *mc);
bool mpam_ext_mon_uses_cntrs(enum mpam_ext_event ev);
bool mpam_ext_mon_offered(const struct mpam_ext_topo *t,
			  enum mpam_ext_event ev);
enum mpam_ext_res mpam_ext_mon_event_res(enum mpam_ext_event ev);
u32 mpam_ext_mon_num_rmids(struct mpam_ext_mon_ctx *mc);
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

/* File contents */
int mpam_ext_mon_features_print(struct mpam_ext_mon_ctx *mc,
				enum mpam_ext_res res, char *buf, size_t len);
int mpam_ext_mon_cntrs_print(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, bool available, char *buf,
			     size_t len);
int mpam_ext_mon_assign_print_res(struct mpam_ext_mon_ctx *mc,
				  enum mpam_ext_res res, u32 closid, u32 rmid,
				  char *buf, size_t len);
int mpam_ext_mon_assign_print(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid, char *buf, size_t len);
int mpam_ext_mon_assign_write_res(struct mpam_ext_mon_ctx *mc,
				  enum mpam_ext_res res, u32 closid, u32 rmid,
				  const char *buf, size_t len, char *err,
				  size_t err_len);
int mpam_ext_mon_assign_write(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid, const char *buf, size_t len, char *err,
			      size_t err_len);
int mpam_ext_mon_value_print(int ret, u64 val, char *buf, size_t len);

#endif /* MPAM_EXT_MON_H */
