// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext hook implementation: the contract of <mpam_ext/resctrl.h>
 * over the picking result, the control hooks (rctl.c), the monitoring
 * backend (mon.c), the CPU side (cpu.c) and the simulator's traffic
 * model. The table of hooks, their callers and their rules:
 * docs/architecture.md, "The hook contract".
 *
 * The descriptions are built once, by mpam_ext_arch_resctrl_init(), and
 * are read-only until mpam_ext_arch_resctrl_exit(). The CDP state is
 * written only by mpam_ext_arch_set_cdp_enabled(), which the front calls
 * at mount and unmount under its own mutex, as it makes every other call.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/slab.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/resctrl.h>
#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/arch/mon.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/model/topo.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/sim/traffic.h>

/* Longest reason mpam_ext_arch_off_reason() gives */
#define MPX_AR_WHY_LEN		320

static const struct mpam_ext_topo *mpx_ar_t;
static struct mpam_ext_resctrl_res mpx_ar_res[MPAM_EXT_RES_NR];
static struct mpam_ext_resctrl_event mpx_ar_ev[MPAM_EXT_EV_NR];
static bool mpx_ar_nomem;
static bool mpx_ar_cdp[MPAM_EXT_RES_NR];
static char mpx_ar_why[MPX_AR_WHY_LEN];

/* The domain descriptions of a pick, or NULL (no domain, or no memory) */
static struct mpam_ext_resctrl_dom *mpx_ar_doms(const struct mpam_ext_pick *pk)
{
	struct mpam_ext_resctrl_dom *d;
	unsigned int i;

	if (!pk->nr_dom)
		return NULL;
	d = kcalloc(pk->nr_dom, sizeof(*d), GFP_KERNEL);
	if (!d) {
		mpx_ar_nomem = true;
		return NULL;
	}
	for (i = 0; i < pk->nr_dom; i++) {
		d[i].id = pk->dom[i].id;
		d[i].cpus = &pk->dom[i].comp->cpus;
	}
	return d;
}

/**
 * mpam_ext_arch_resctrl_init() - describe the picked resources and events.
 * @t:		the picking result; read-only, kept until
 *		mpam_ext_arch_resctrl_exit()
 *
 * Builds what mpam_ext_arch_get_resource() and mpam_ext_arch_get_event()
 * return, replacing what an earlier call built. Process context.
 *
 * Return: 0, or -ENOMEM (mpam_ext_arch_off_reason() then says so).
 */
int mpam_ext_arch_resctrl_init(const struct mpam_ext_topo *t)
{
	enum mpam_ext_event ev;
	enum mpam_ext_res res;

	mpam_ext_arch_resctrl_exit();
	mpx_ar_t = t;
	mpx_ar_nomem = false;
	for (res = 0; res < MPAM_EXT_RES_NR; res++) {
		const struct mpam_ext_pick *pk = &t->res[res];
		struct mpam_ext_resctrl_res *r = &mpx_ar_res[res];

		memset(r, 0, sizeof(*r));
		r->name = mpam_ext_res_name(res);
		if (!pk->cls)
			continue;
		r->alloc_capable = true;
		r->cdp_capable = res != MPAM_EXT_RES_MB;
		r->is_mb = res == MPAM_EXT_RES_MB;
		if (r->is_mb) {
			r->bw_gran = mpam_ext_rc_bw_gran(pk->cls->props.bwa_wd);
		} else {
			r->cbm_len = min_t(u32, pk->cls->props.cpbm_wd, 32);
			r->min_cbm_bits = 1;
		}
		r->dom = mpx_ar_doms(pk);
		r->nr_dom = r->dom ? pk->nr_dom : 0;
	}
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		struct mpam_ext_resctrl_event *e = &mpx_ar_ev[ev];

		memset(e, 0, sizeof(*e));
		e->name = mpam_ext_event_name(ev);
		e->res = mpam_ext_mon_event_res(ev);
		e->assignable = mpam_ext_mon_uses_cntrs(ev);
		if (!mpam_ext_mon_offered(t, ev))
			continue;
		e->offered = true;
		e->dom = mpx_ar_doms(&t->ev[ev]);
		e->nr_dom = e->dom ? t->ev[ev].nr_dom : 0;
	}
	return mpx_ar_nomem ? -ENOMEM : 0;
}

/**
 * mpam_ext_arch_resctrl_exit() - free the descriptions.
 *
 * After the front's exit; process context.
 */
void mpam_ext_arch_resctrl_exit(void)
{
	unsigned int i;

	for (i = 0; i < MPAM_EXT_RES_NR; i++) {
		kfree(mpx_ar_res[i].dom);
		memset(&mpx_ar_res[i], 0, sizeof(mpx_ar_res[i]));
	}
	for (i = 0; i < MPAM_EXT_EV_NR; i++) {
		kfree(mpx_ar_ev[i].dom);
		memset(&mpx_ar_ev[i], 0, sizeof(mpx_ar_ev[i]));
	}
	mpx_ar_t = NULL;
}

/**
 * mpam_ext_arch_off_reason() - why the front cannot run.
 *
 * Return: NULL when it can; else one line: nothing is picked, the
 * descriptions could not be built, or the CPU side is off (and why).
 */
const char *mpam_ext_arch_off_reason(void)
{
	unsigned int i;
	bool any = false;

	if (!mpx_ar_t)
		return "no MSC description";
	if (mpx_ar_nomem)
		return "out of memory describing the resources";
	for (i = 0; i < MPAM_EXT_RES_NR; i++)
		any |= !!mpx_ar_t->res[i].cls;
	for (i = 0; i < MPAM_EXT_EV_NR; i++)
		any |= !!mpx_ar_t->ev[i].cls;
	if (!any)
		return "no resource or monitor picked";
	if (mpam_ext_cpu_mode() == MPAM_EXT_CPU_OFF) {
		snprintf(mpx_ar_why, sizeof(mpx_ar_why), "CPU side off: %s",
			 mpam_ext_cpu_why());
		return mpx_ar_why;
	}
	return NULL;
}

/**
 * mpam_ext_arch_get_resource() - describe a control resource.
 * @res:	the resource
 *
 * Return: its description, valid until mpam_ext_arch_resctrl_exit();
 * alloc_capable is false when it is not offered.
 */
const struct mpam_ext_resctrl_res *mpam_ext_arch_get_resource(enum mpam_ext_res res)
{
	return &mpx_ar_res[min_t(unsigned int, res, MPAM_EXT_RES_NR - 1)];
}

/**
 * mpam_ext_arch_get_event() - describe a monitor event.
 * @ev:		the event
 *
 * Return: its description, valid until mpam_ext_arch_resctrl_exit();
 * offered is false when the event does not exist (mbm_local_bytes never
 * does).
 */
const struct mpam_ext_resctrl_event *mpam_ext_arch_get_event(enum mpam_ext_event ev)
{
	return &mpx_ar_ev[min_t(unsigned int, ev, MPAM_EXT_EV_NR - 1)];
}

/**
 * mpam_ext_arch_get_num_closid() - PARTIDs a resource has.
 * @res:	the resource
 *
 * The front takes the smallest over the offered resources, halved when
 * CDP is on, as the CLOSIDs it hands out.
 *
 * Return: the PARTID count of the class behind @res, capped by the MSCs'
 * and by the CPUs' (MPAMIDR_EL1.PARTID_MAX + 1, the smallest over the CPUs);
 * 0 when @res is not offered.
 */
u32 mpam_ext_arch_get_num_closid(enum mpam_ext_res res)
{
	u32 n, msc = mpam_ext_msc_partid_count(), cpu_partid, cpu_pmg;

	if (!mpx_ar_t || res >= MPAM_EXT_RES_NR || !mpx_ar_t->res[res].cls)
		return 0;
	n = mpx_ar_t->res[res].cls->props.partid_max + 1U;
	mpam_ext_cpu_limits(&cpu_partid, &cpu_pmg);
	n = min(n, cpu_partid);
	return msc ? min(n, msc) : n;
}

/**
 * mpam_ext_arch_system_num_rmid() - RMIDs (PMGs) per CLOSID.
 *
 * Return: the PMG count of the MSCs, capped by the CPUs'
 * (MPAMIDR_EL1.PMG_MAX + 1, the smallest over the CPUs), at least 1.
 */
u32 mpam_ext_arch_system_num_rmid(void)
{
	u32 cpu_partid, cpu_pmg, n = mpam_ext_msc_pmg_count();

	mpam_ext_cpu_limits(&cpu_partid, &cpu_pmg);
	n = min(n, cpu_pmg);
	return n ?: 1;
}

/**
 * mpam_ext_arch_set_cdp_enabled() - turn code/data prioritisation on or off.
 * @res:	L2 or L3
 * @enable:	on
 *
 * Decides the PARTIDs tasks and CPUs of a CLOSID run with from now on,
 * and how many monitors a counter of a new monitoring context takes.
 *
 * Return: 0; -EINVAL when @res cannot have CDP.
 */
int mpam_ext_arch_set_cdp_enabled(enum mpam_ext_res res, bool enable)
{
	if (res >= MPAM_EXT_RES_NR || (enable && !mpx_ar_res[res].cdp_capable))
		return -EINVAL;
	mpx_ar_cdp[res] = enable;
	return 0;
}

static bool mpx_ar_any_cdp(void)
{
	return mpx_ar_cdp[MPAM_EXT_RES_L2] || mpx_ar_cdp[MPAM_EXT_RES_L3];
}

/**
 * mpam_ext_arch_get_config() - one CLOSID's value on one domain.
 * @res:	L2, L3 (cache portion bitmap) or MB (percent)
 * @dom:	the domain id
 * @closid:	the CLOSID
 * @type:	CDP half, or MPAM_EXT_CDP_NONE
 * @val:	set to the value
 *
 * Return: as mpam_ext_rc_get_config().
 */
int mpam_ext_arch_get_config(enum mpam_ext_res res, u32 dom, u32 closid,
			     enum mpam_ext_cdp type, u32 *val)
{
	return mpam_ext_rc_get_config(mpx_ar_t, res, dom, closid, type, val);
}

/**
 * mpam_ext_arch_update_one() - set one CLOSID's value on one domain.
 * @res:	L2, L3 or MB
 * @dom:	the domain id
 * @closid:	the CLOSID
 * @type:	CDP half, or MPAM_EXT_CDP_NONE
 * @val:	a cache portion bitmap or a percentage
 *
 * Return: as mpam_ext_rc_update_one().
 */
int mpam_ext_arch_update_one(enum mpam_ext_res res, u32 dom, u32 closid,
			     enum mpam_ext_cdp type, u32 val)
{
	return mpam_ext_rc_update_one(mpx_ar_t, res, dom, closid, type, val);
}

/**
 * mpam_ext_arch_check_shared() - refuse values that domains sharing one
 * control cannot hold.
 * @res:	the resource
 * @set:	per domain of @res, in description order: a value is staged
 * @vals:	the staged values, same order
 * @err:	buffer for the reason, or NULL
 * @err_len:	its size
 *
 * Return: as mpam_ext_rc_check_shared().
 */
int mpam_ext_arch_check_shared(enum mpam_ext_res res, const bool *set,
			       const u32 *vals, char *err, size_t err_len)
{
	return mpam_ext_rc_check_shared(mpx_ar_t, res, set, vals, err, err_len);
}

/*
 * The value tasks and CPUs of (@closid, @rmid) run with, the one place a
 * CLOSID becomes PARTIDs: with CDP, data PARTID 2 * CLOSID and code PARTID
 * 2 * CLOSID + 1, for CLOSID 0 (the default group) as for any other.
 */
static u64 mpx_ar_val(u32 closid, u32 rmid)
{
	u16 d = closid, i = closid;

	if (mpx_ar_any_cdp()) {
		d = mpam_ext_rc_partid(closid, MPAM_EXT_CDP_DATA);
		i = mpam_ext_rc_partid(closid, MPAM_EXT_CDP_CODE);
	}
	return mpam_ext_cpu_val(d, i, rmid, rmid);
}

/**
 * mpam_ext_arch_set_closid_rmid() - move a task to a group.
 * @t:		the task
 * @owner:	the group's token, NULL for the default group
 * @closid:	its CLOSID
 * @rmid:	its RMID
 *
 * Return: as mpam_ext_task_move().
 */
int mpam_ext_arch_set_closid_rmid(struct task_struct *t, const void *owner,
				  u32 closid, u32 rmid)
{
	return mpam_ext_task_move(t, owner, mpx_ar_val(closid, rmid));
}

/**
 * mpam_ext_arch_task_owner() - the group token of a task.
 * @t:		the task
 *
 * Return: the token it was moved with, NULL for the default group.
 */
const void *mpam_ext_arch_task_owner(struct task_struct *t)
{
	return mpam_ext_task_owner(t);
}

/**
 * mpam_ext_arch_move_all() - move every task of one group to another.
 * @from:	the group's token
 * @to:		the other group's token, NULL for the default group
 * @closid:	the other group's CLOSID
 * @rmid:	its RMID
 */
void mpam_ext_arch_move_all(const void *from, const void *to, u32 closid,
			    u32 rmid)
{
	mpam_ext_task_move_all(from, to, mpx_ar_val(closid, rmid));
}

/**
 * mpam_ext_arch_task_for_each() - call @fn for each task of a group.
 * @owner:	the group's token
 * @fn:		called with the task and @arg, under the CPU side's lock:
 *		must not sleep
 * @arg:	its argument
 */
void mpam_ext_arch_task_for_each(const void *owner,
				 void (*fn)(struct task_struct *t, void *arg),
				 void *arg)
{
	mpam_ext_task_for_each(owner, fn, arg);
}

/**
 * mpam_ext_arch_set_cpu_default_closid_rmid() - the group CPUs default to.
 * @mask:	the CPUs
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 *
 * Tasks never moved run with it on those CPUs.
 */
void mpam_ext_arch_set_cpu_default_closid_rmid(const struct cpumask *mask,
					       u32 closid, u32 rmid)
{
	mpam_ext_cpu_set_default(mask, mpx_ar_val(closid, rmid));
}

/**
 * mpam_ext_arch_reset_cpus() - every task and CPU back to the default group.
 */
void mpam_ext_arch_reset_cpus(void)
{
	mpam_ext_cpu_reset_all();
}

/**
 * mpam_ext_arch_mon_ctx_alloc() - monitoring state for one mount.
 *
 * Allocates every counter with the CDP setting in force (see
 * mpam_ext_mon_create()) and starts the overflow sampler, which runs
 * until mpam_ext_arch_mon_ctx_free().
 *
 * Return: the context, or NULL when out of memory.
 */
struct mpam_ext_mon_ctx *mpam_ext_arch_mon_ctx_alloc(void)
{
	struct mpam_ext_mon_ctx *mc;

	mc = mpam_ext_mon_create(mpx_ar_t, mpx_ar_any_cdp());
	if (mc)
		mpam_ext_mon_start(mc);
	return mc;
}

/**
 * mpam_ext_arch_mon_ctx_free() - free a context and its counters.
 * @mc:		the context, or NULL
 *
 * Stops the overflow sampler first, waiting for a sample under way.
 */
void mpam_ext_arch_mon_ctx_free(struct mpam_ext_mon_ctx *mc)
{
	mpam_ext_mon_destroy(mc);
}

/**
 * mpam_ext_arch_rmid_read() - read an event for a group on a domain.
 * @mc:		the context
 * @ev:		the event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 * @val:	set to the value
 *
 * The simulated traffic so far is issued first, so the value is current.
 *
 * Return: as mpam_ext_mon_read().
 */
int mpam_ext_arch_rmid_read(struct mpam_ext_mon_ctx *mc,
			    enum mpam_ext_event ev, u32 dom, u32 closid,
			    u32 rmid, u64 *val)
{
	mpam_ext_traffic_sync();
	return mpam_ext_mon_read(mc, ev, dom, closid, rmid, val);
}

/**
 * mpam_ext_arch_cntr_num() - counters of a domain.
 * @mc:		the context
 * @ev:		an assignable event
 * @dom:	the domain id
 *
 * Return: as mpam_ext_mon_num_cntrs().
 */
u32 mpam_ext_arch_cntr_num(struct mpam_ext_mon_ctx *mc,
			   enum mpam_ext_event ev, u32 dom)
{
	return mpam_ext_mon_num_cntrs(mc, ev, dom);
}

/**
 * mpam_ext_arch_cntr_avail() - counters of a domain not assigned.
 * @mc:		the context
 * @ev:		an assignable event
 * @dom:	the domain id
 *
 * Return: as mpam_ext_mon_avail_cntrs().
 */
u32 mpam_ext_arch_cntr_avail(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, u32 dom)
{
	return mpam_ext_mon_avail_cntrs(mc, ev, dom);
}

/**
 * mpam_ext_arch_cntr_assign() - give a group a counter on a domain.
 * @mc:		the context
 * @ev:		an assignable event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 *
 * The simulated traffic so far is issued first, so a new counter starts
 * from nothing.
 *
 * Return: as mpam_ext_mon_assign().
 */
int mpam_ext_arch_cntr_assign(struct mpam_ext_mon_ctx *mc,
			      enum mpam_ext_event ev, u32 dom, u32 closid,
			      u32 rmid)
{
	mpam_ext_traffic_sync();
	return mpam_ext_mon_assign(mc, ev, dom, closid, rmid);
}

/**
 * mpam_ext_arch_cntr_unassign() - take a group's counter on a domain back.
 * @mc:		the context
 * @ev:		an assignable event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 *
 * Return: as mpam_ext_mon_unassign().
 */
int mpam_ext_arch_cntr_unassign(struct mpam_ext_mon_ctx *mc,
				enum mpam_ext_event ev, u32 dom, u32 closid,
				u32 rmid)
{
	return mpam_ext_mon_unassign(mc, ev, dom, closid, rmid);
}

/**
 * mpam_ext_arch_cntr_is_assigned() - a group has a counter on a domain.
 * @mc:		the context
 * @ev:		an assignable event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 *
 * Return: as mpam_ext_mon_is_assigned().
 */
bool mpam_ext_arch_cntr_is_assigned(struct mpam_ext_mon_ctx *mc,
				    enum mpam_ext_event ev, u32 dom,
				    u32 closid, u32 rmid)
{
	return mpam_ext_mon_is_assigned(mc, ev, dom, closid, rmid);
}

/**
 * mpam_ext_arch_cntr_assign_group() - a counter wherever one is free.
 * @mc:		the context
 * @closid:	the new group's CLOSID
 * @rmid:	its RMID
 *
 * For mbm_assign_on_mkdir; the simulated traffic so far is issued first.
 *
 * Return: as mpam_ext_mon_assign_group().
 */
int mpam_ext_arch_cntr_assign_group(struct mpam_ext_mon_ctx *mc, u32 closid,
				    u32 rmid)
{
	mpam_ext_traffic_sync();
	return mpam_ext_mon_assign_group(mc, closid, rmid);
}

/**
 * mpam_ext_arch_cntr_release() - free every counter of a group.
 * @mc:		the context
 * @closid:	the group's CLOSID
 * @rmid:	its RMID
 */
void mpam_ext_arch_cntr_release(struct mpam_ext_mon_ctx *mc, u32 closid,
				u32 rmid)
{
	mpam_ext_mon_release(mc, closid, rmid);
}
