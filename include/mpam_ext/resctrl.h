/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hook contract between the resctrl front (src/resctrl/) and the
 * layers that implement it (src/arch/): the only header the front
 * includes from below. Shaped after the kernel's resctrl arch contract so
 * that the hooks can be carried into a kernel tree, under the module's
 * own prefix. The implementation describes the resources and monitor
 * events it offers, gets and sets one CLOSID's control value on one
 * domain, reads monitors, hands out counters, turns code/data
 * prioritisation on and off, and places tasks and CPUs in groups,
 * identified as resctrl identifies them: by CLOSID and RMID.
 *
 * Context and locking rules of each hook: docs/architecture.md, "The hook
 * contract". In short: every hook may sleep and is called from process
 * context; the front serialises all of its calls with its own mutex, so
 * the implementation needs no lock of its own for the state the hooks
 * change (CDP, a monitoring context), and takes the locks of the layers
 * below it inside.
 */
#ifndef MPAM_EXT_RESCTRL_H
#define MPAM_EXT_RESCTRL_H

#include <linux/cpumask.h>
#include <linux/types.h>

struct task_struct;

/* resctrl control resources */
enum mpam_ext_res {
	MPAM_EXT_RES_L2,
	MPAM_EXT_RES_L3,
	MPAM_EXT_RES_MB,
	MPAM_EXT_RES_NR
};

/* resctrl monitor events */
enum mpam_ext_event {
	MPAM_EXT_EV_LLC_OCCUPANCY,	/* mon_L3_<id>/llc_occupancy */
	MPAM_EXT_EV_MBM_TOTAL,		/* mon_L3_<id>/mbm_total_bytes */
	MPAM_EXT_EV_MBM_LOCAL,		/* mon_L3_<id>/mbm_local_bytes */
	MPAM_EXT_EV_L2_OCCUPANCY,	/* mon_L2_<id>/l2_occupancy */
	MPAM_EXT_EV_L2_MBM_TOTAL,	/* mon_L2_<id>/mbm_l2_total_bytes */
	MPAM_EXT_EV_NR
};

/* Code/data prioritisation: which half of a CLOSID's PARTID pair */
enum mpam_ext_cdp {
	MPAM_EXT_CDP_NONE,	/* CDP off: PARTID = CLOSID */
	MPAM_EXT_CDP_DATA,	/* CDP on: PARTID = 2 * CLOSID */
	MPAM_EXT_CDP_CODE,	/* CDP on: PARTID = 2 * CLOSID + 1 */
};

/**
 * struct mpam_ext_resctrl_dom - one domain of a resource or event.
 * @id:		the id resctrl shows (a cache id)
 * @cpus:	the CPUs it serves
 */
struct mpam_ext_resctrl_dom {
	u32 id;
	const struct cpumask *cpus;
};

/**
 * struct mpam_ext_resctrl_res - a control resource as the front sees it.
 * @name:	"L2", "L3" or "MB"
 * @alloc_capable: the resource is offered; nothing else is valid when not
 * @cdp_capable: code/data prioritisation can be turned on for it
 * @is_mb:	values are bandwidth percentages, not cache bitmaps
 * @cbm_len:	cache: bits in a portion bitmap (at most 32)
 * @min_cbm_bits: cache: fewest set bits a bitmap may have
 * @bw_gran:	MB: percentage step, also the lowest percentage
 * @nr_dom:	entries in @dom
 * @dom:	its domains, by increasing id
 */
struct mpam_ext_resctrl_res {
	const char *name;
	bool alloc_capable;
	bool cdp_capable;
	bool is_mb;
	u32 cbm_len;
	u32 min_cbm_bits;
	u32 bw_gran;
	unsigned int nr_dom;
	const struct mpam_ext_resctrl_dom *dom;
};

/**
 * struct mpam_ext_resctrl_event - a monitor event as the front sees it.
 * @name:	its file name under mon_<res>_<id>/
 * @offered:	the event exists; nothing else is valid when not
 * @assignable:	counted by assignable counters (resctrl's mbm_event mode)
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2: whose mon_ directories
 *		and info/<res>_MON files it belongs to
 * @nr_dom:	entries in @dom
 * @dom:	its domains, by increasing id
 */
struct mpam_ext_resctrl_event {
	const char *name;
	bool offered;
	bool assignable;
	enum mpam_ext_res res;
	unsigned int nr_dom;
	const struct mpam_ext_resctrl_dom *dom;
};

/* Monitoring state of one mount, opaque to the front */
struct mpam_ext_mon_ctx;

/* Description */
const char *mpam_ext_arch_off_reason(void);
const struct mpam_ext_resctrl_res *mpam_ext_arch_get_resource(enum mpam_ext_res res);
const struct mpam_ext_resctrl_event *mpam_ext_arch_get_event(enum mpam_ext_event ev);
u32 mpam_ext_arch_get_num_closid(enum mpam_ext_res res);
u32 mpam_ext_arch_system_num_rmid(void);

/* Controls */
int mpam_ext_arch_set_cdp_enabled(enum mpam_ext_res res, bool enable);
int mpam_ext_arch_get_config(enum mpam_ext_res res, u32 dom, u32 closid,
			     enum mpam_ext_cdp type, u32 *val);
int mpam_ext_arch_update_one(enum mpam_ext_res res, u32 dom, u32 closid,
			     enum mpam_ext_cdp type, u32 val);
int mpam_ext_arch_check_shared(enum mpam_ext_res res, const bool *set,
			       const u32 *vals, char *err, size_t err_len);

/* Tasks and CPUs */
int mpam_ext_arch_set_closid_rmid(struct task_struct *t, const void *owner,
				  u32 closid, u32 rmid);
const void *mpam_ext_arch_task_owner(struct task_struct *t);
void mpam_ext_arch_move_all(const void *from, const void *to, u32 closid,
			    u32 rmid);
void mpam_ext_arch_task_for_each(const void *owner,
				 void (*fn)(struct task_struct *t, void *arg),
				 void *arg);
void mpam_ext_arch_set_cpu_default_closid_rmid(const struct cpumask *mask,
					       u32 closid, u32 rmid);
void mpam_ext_arch_reset_cpus(void);

/* Monitors and counters */
struct mpam_ext_mon_ctx *mpam_ext_arch_mon_ctx_alloc(void);
void mpam_ext_arch_mon_ctx_free(struct mpam_ext_mon_ctx *mc);
int mpam_ext_arch_rmid_read(struct mpam_ext_mon_ctx *mc,
			    enum mpam_ext_event ev, u32 dom, u32 closid,
			    u32 rmid, u64 *val);
u32 mpam_ext_arch_cntr_num(struct mpam_ext_mon_ctx *mc,
			   enum mpam_ext_event ev, u32 dom);
u32 mpam_ext_arch_cntr_avail(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, u32 dom);
int mpam_ext_arch_cntr_assign(struct mpam_ext_mon_ctx *mc,
			      enum mpam_ext_event ev, u32 dom, u32 closid,
			      u32 rmid);
int mpam_ext_arch_cntr_unassign(struct mpam_ext_mon_ctx *mc,
				enum mpam_ext_event ev, u32 dom, u32 closid,
				u32 rmid);
bool mpam_ext_arch_cntr_is_assigned(struct mpam_ext_mon_ctx *mc,
				    enum mpam_ext_event ev, u32 dom,
				    u32 closid, u32 rmid);
int mpam_ext_arch_cntr_assign_group(struct mpam_ext_mon_ctx *mc, u32 closid,
				    u32 rmid);
void mpam_ext_arch_cntr_release(struct mpam_ext_mon_ctx *mc, u32 closid,
				u32 rmid);

#endif /* MPAM_EXT_RESCTRL_H */
