// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext monitoring backend: resctrl monitor event reads for one group
 * on one domain, the assignable counters of resctrl's "mbm_event" mode
 * (MBWU monitors allocated up front, per component). Rules:
 * docs/monitoring.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/arch/mon.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>

/*
 * Functions only the KUnit suites call from outside this file: static in
 * a production build, declared in kunit/mpx_resctrl_test.h in a test build
 */
#ifdef MPAM_EXT_KUNIT
#include "kunit/mpx_resctrl_test.h"
#define MPX_MON_TESTABLE
#else
#define MPX_MON_TESTABLE	static
#endif

/*
 * Overflow sampler (docs/monitoring.md, "Overflow sampler"): the highest
 * MBWU byte rate assumed per CPU a component serves by default, in MB/s,
 * and the range the sampling period is clamped to, in ms
 */
#define MPX_MON_CPU_MBPS	32000U
#define MPX_MON_PERIOD_MIN_MS	10U
#define MPX_MON_PERIOD_MAX_MS	1000U

/*
 * MPAM describes no bandwidth: the platform's highest rate per CPU is the
 * operator's to give (module parameter mon_cpu_mbps); read when a context
 * is created. Written by the KUnit suites too.
 */
MPX_MON_TESTABLE unsigned int mpam_ext_mon_cpu_mbps = MPX_MON_CPU_MBPS;
module_param_named(mon_cpu_mbps, mpam_ext_mon_cpu_mbps, uint, 0444);
MODULE_PARM_DESC(mon_cpu_mbps,
		 "highest memory bandwidth one CPU can make, MB/s (default 32000): sets the period of the counter overflow sampler");

/**
 * struct mpx_mon_cntr - one assignable counter.
 * @used:	assigned to the group @closid, @rmid
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID (PMG)
 */
struct mpx_mon_cntr {
	bool used;
	u32 closid;
	u32 rmid;
};

/**
 * struct mpx_mon_comp - the counters of one component for one event.
 * @comp:	the component
 * @nr_ris:	entries in @ris
 * @ris:	the RIS in use behind @comp that have MBWU monitors
 * @halves:	PARTIDs per group: 2 with CDP, else 1
 * @nr_cntr:	counters allocated: entries in @cntr, and of @mon in units
 *		of @nr_ris * @halves
 * @cntr:	the counters
 * @mon:	MBWU monitor indexes: counter c, RIS r, half h at
 *		[(c * @nr_ris + r) * @halves + h]
 */
struct mpx_mon_comp {
	struct mpam_ext_component *comp;
	unsigned int nr_ris;
	struct mpam_ext_ris **ris;
	unsigned int halves;
	unsigned int nr_cntr;
	struct mpx_mon_cntr *cntr;
	u16 *mon;
};

/**
 * struct mpx_mon_ev - the counters of one counter event.
 * @nr_comp:	entries in @comp
 * @comp:	one per distinct component behind the event's domains
 * @nr_dom:	entries in @dom_comp (the pick's domain count)
 * @dom_comp:	per domain of the pick, its index in @comp
 */
struct mpx_mon_ev {
	unsigned int nr_comp;
	struct mpx_mon_comp *comp;
	unsigned int nr_dom;
	unsigned int *dom_comp;
};

/**
 * struct mpam_ext_mon_ctx - monitoring state of one resctrl mount.
 * @t:		the picking result
 * @cdp:	CDP is on: a group has two PARTIDs
 * @ev:		counters per event (only counter events that are offered)
 * @lock:	serialises the overflow sampler with the calls that change
 *		which counters are assigned or read them: the assignment
 *		state in @ev (used, closid, rmid) is written with both the
 *		caller's mutex and @lock held, and read with either held; the
 *		sampler holds only @lock. Lock order: the caller's mutex (the
 *		front's), then @lock, then the MSC locks (taken inside the
 *		MSC driver). Never held while @sampler is cancelled.
 * @period_ms:	sampler period in ms; 0 when no component has a counter
 * @sampler:	the overflow sampler, queued from mpam_ext_mon_start() until
 *		mpam_ext_mon_destroy()
 *
 * Everything else is under the caller's mutex (see mon.h).
 */
struct mpam_ext_mon_ctx {
	const struct mpam_ext_topo *t;
	bool cdp;
	struct mpx_mon_ev ev[MPAM_EXT_EV_NR];
	/* After the caller's mutex, before the MSC locks: see @lock */
	struct mutex lock;
	unsigned int period_ms;
	struct delayed_work sampler;
};

/**
 * mpam_ext_mon_uses_cntrs() - the event is counted by assignable counters.
 * @ev:		the event
 *
 * Return: true for mbm_total_bytes and mbm_l2_total_bytes.
 */
bool mpam_ext_mon_uses_cntrs(enum mpam_ext_event ev)
{
	return ev == MPAM_EXT_EV_MBM_TOTAL || ev == MPAM_EXT_EV_L2_MBM_TOTAL;
}

/**
 * mpam_ext_mon_offered() - the event exists on this system.
 * @t:		the picking result
 * @ev:		the event
 *
 * Return: true when a class backs @ev; never for mbm_local_bytes.
 */
bool mpam_ext_mon_offered(const struct mpam_ext_topo *t,
			  enum mpam_ext_event ev)
{
	return ev < MPAM_EXT_EV_NR && ev != MPAM_EXT_EV_MBM_LOCAL &&
	       t->ev[ev].cls;
}

/**
 * mpam_ext_mon_event_res() - the resource whose domains an event has.
 * @ev:		the event
 *
 * Return: MPAM_EXT_RES_L2 for l2_occupancy and mbm_l2_total_bytes
 * (mon_L2_<id>, info/L2_MON), MPAM_EXT_RES_L3 for the others.
 */
enum mpam_ext_res mpam_ext_mon_event_res(enum mpam_ext_event ev)
{
	return ev == MPAM_EXT_EV_L2_OCCUPANCY || ev == MPAM_EXT_EV_L2_MBM_TOTAL ?
	       MPAM_EXT_RES_L2 : MPAM_EXT_RES_L3;
}

/* The counters behind domain @dom of @ev, or NULL */
static struct mpx_mon_comp *mpx_mon_cc(struct mpam_ext_mon_ctx *mc,
				       enum mpam_ext_event ev, u32 dom)
{
	struct mpx_mon_ev *e;
	int i;

	if (ev >= MPAM_EXT_EV_NR || !mpam_ext_mon_uses_cntrs(ev))
		return NULL;
	e = &mc->ev[ev];
	if (!e->dom_comp)
		return NULL;
	i = mpam_ext_pick_dom_idx(&mc->t->ev[ev], dom);
	if (i < 0 || (unsigned int)i >= e->nr_dom)
		return NULL;
	return &e->comp[e->dom_comp[i]];
}

/* The component behind a counter event's domain, or why there is none */
static int mpx_mon_cntr_comp(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			     u32 dom, struct mpx_mon_comp **cc)
{
	if (ev >= MPAM_EXT_EV_NR || !mpam_ext_mon_uses_cntrs(ev) ||
	    !mpam_ext_mon_offered(mc->t, ev))
		return -EOPNOTSUPP;
	*cc = mpx_mon_cc(mc, ev, dom);
	return *cc ? 0 : -ENXIO;
}

static u16 *mpx_mon_mon(struct mpx_mon_comp *cc, unsigned int c, unsigned int r,
			unsigned int h)
{
	return &cc->mon[(c * cc->nr_ris + r) * cc->halves + h];
}

/* Free the monitors of counters 0..@cc->nr_cntr - 1 and every array */
static void mpx_mon_comp_free(struct mpx_mon_comp *cc)
{
	unsigned int c, r, h;

	for (c = 0; c < cc->nr_cntr; c++)
		for (r = 0; r < cc->nr_ris; r++)
			for (h = 0; h < cc->halves; h++)
				mpam_ext_msc_mon_free(cc->ris[r], MPAM_EXT_MON_MBWU,
						      *mpx_mon_mon(cc, c, r, h));
	cc->nr_cntr = 0;
	kfree(cc->mon);
	kfree(cc->cntr);
	kfree(cc->ris);
	cc->mon = NULL;
	cc->cntr = NULL;
	cc->ris = NULL;
	cc->nr_ris = 0;
}

/*
 * Allocate every monitor of counter @c, named "cntr <c>"; on failure free
 * the ones it got.
 */
static int mpx_mon_cntr_alloc(struct mpx_mon_comp *cc, unsigned int c)
{
	unsigned int k, n = cc->nr_ris * cc->halves;
	u16 *mon = &cc->mon[c * n];
	char owner[16];
	int ret = 0;

	snprintf(owner, sizeof(owner), "cntr %u", c);
	/* Monitor k of the counter is on RIS k / halves */
	for (k = 0; k < n; k++) {
		ret = mpam_ext_msc_mon_alloc(cc->ris[k / cc->halves],
					     MPAM_EXT_MON_MBWU);
		if (ret < 0)
			break;
		mon[k] = ret;
		mpam_ext_msc_mon_set_owner(cc->ris[k / cc->halves],
					   MPAM_EXT_MON_MBWU, mon[k], owner);
	}
	if (k == n)
		return 0;
	while (k--)
		mpam_ext_msc_mon_free(cc->ris[k / cc->halves], MPAM_EXT_MON_MBWU,
				      mon[k]);
	return ret;
}

/* The RIS and counters of component @comp for one counter event */
static int mpx_mon_comp_init(struct mpx_mon_comp *cc, struct mpam_ext_component *comp,
			     bool cdp)
{
	struct mpam_ext_ris *ris;
	unsigned int pos = 0, n = 0, max = U32_MAX, c;
	int ret;

	cc->comp = comp;
	cc->halves = cdp ? 2 : 1;
	while ((ris = mpam_ext_comp_next_ris(comp, 0, &pos)))
		if (ris->nr_mon[MPAM_EXT_MON_MBWU])
			n++;
	if (!n)
		return 0;
	cc->ris = kcalloc(n, sizeof(*cc->ris), GFP_KERNEL);
	if (!cc->ris)
		return -ENOMEM;
	pos = 0;
	while (cc->nr_ris < n && (ris = mpam_ext_comp_next_ris(comp, 0, &pos))) {
		if (!ris->nr_mon[MPAM_EXT_MON_MBWU])
			continue;
		cc->ris[cc->nr_ris++] = ris;
		max = min_t(unsigned int, max,
			    ris->nr_mon[MPAM_EXT_MON_MBWU] / cc->halves);
	}
	if (!max)
		return 0;
	cc->cntr = kcalloc(max, sizeof(*cc->cntr), GFP_KERNEL);
	cc->mon = kcalloc(array3_size(max, cc->nr_ris, cc->halves),
			  sizeof(*cc->mon), GFP_KERNEL);
	if (!cc->cntr || !cc->mon)
		return -ENOMEM;
	for (c = 0; c < max; c++) {
		ret = mpx_mon_cntr_alloc(cc, c);
		if (ret) {
			pr_warn("%s component %u: %u of %u counters (monitor allocation: %d)\n",
				comp->cls->name, comp->id, c, max, ret);
			break;
		}
		cc->nr_cntr = c + 1;
	}
	return 0;
}

static void mpx_mon_ev_free(struct mpx_mon_ev *e)
{
	unsigned int i;

	for (i = 0; i < e->nr_comp; i++)
		mpx_mon_comp_free(&e->comp[i]);
	kfree(e->comp);
	kfree(e->dom_comp);
	e->comp = NULL;
	e->dom_comp = NULL;
	e->nr_comp = 0;
	e->nr_dom = 0;
}

static int mpx_mon_ev_init(struct mpx_mon_ev *e, const struct mpam_ext_pick *pk,
			   bool cdp)
{
	unsigned int i, j;
	int ret;

	if (!pk->nr_dom)
		return 0;
	/* At most one component per domain */
	e->comp = kcalloc(pk->nr_dom, sizeof(*e->comp), GFP_KERNEL);
	e->dom_comp = kcalloc(pk->nr_dom, sizeof(*e->dom_comp), GFP_KERNEL);
	if (!e->comp || !e->dom_comp) {
		kfree(e->comp);
		kfree(e->dom_comp);
		e->comp = NULL;
		e->dom_comp = NULL;
		return -ENOMEM;
	}
	e->nr_dom = pk->nr_dom;
	for (i = 0; i < pk->nr_dom; i++) {
		for (j = 0; j < e->nr_comp; j++)
			if (e->comp[j].comp == pk->dom[i].comp)
				break;
		e->dom_comp[i] = j;
		if (j < e->nr_comp)
			continue;
		/* Counted before init, so that a failure frees it too */
		e->nr_comp++;
		ret = mpx_mon_comp_init(&e->comp[j], pk->dom[i].comp, cdp);
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * Sampling period of the counters of @cc, in ms: half the time the
 * narrowest MBWU counter behind the component takes to wrap at the
 * highest rate assumed, mon_cpu_mbps per CPU the component serves;
 * 1 MB/s is 1000 bytes per ms. Clamped to
 * MPX_MON_PERIOD_MIN_MS..MPX_MON_PERIOD_MAX_MS.
 */
static unsigned int mpx_mon_comp_period_ms(const struct mpx_mon_comp *cc)
{
	u64 mbps = (u64)max(READ_ONCE(mpam_ext_mon_cpu_mbps), 1U) *
		   max(cpumask_weight(&cc->comp->cpus), 1U);
	unsigned int r, width = 63;
	u64 ms;

	for (r = 0; r < cc->nr_ris; r++)
		width = min_t(unsigned int, width, cc->ris[r]->hw.mbwu_width);
	ms = div64_u64(BIT_ULL(width), mbps * 1000 * 2);
	return clamp_t(u64, ms, MPX_MON_PERIOD_MIN_MS, MPX_MON_PERIOD_MAX_MS);
}

/* The shortest period over the components with counters, or 0 */
static unsigned int mpx_mon_period_ms(struct mpam_ext_mon_ctx *mc)
{
	unsigned int ev, i, ms = 0;
	struct mpx_mon_comp *cc;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		for (i = 0; i < mc->ev[ev].nr_comp; i++) {
			cc = &mc->ev[ev].comp[i];
			if (!cc->nr_cntr)
				continue;
			if (!ms || mpx_mon_comp_period_ms(cc) < ms)
				ms = mpx_mon_comp_period_ms(cc);
		}
	}
	return ms;
}

static void mpx_mon_sampler_fn(struct work_struct *work);

/**
 * mpam_ext_mon_create() - monitoring state for one resctrl mount.
 * @t:		the picking result; must outlive the context
 * @cdp:	CDP is on: each group has a data and a code PARTID
 *
 * Allocates every counter of every counter event that is offered: per
 * component behind the event's domains, as many counters as the RIS in
 * use behind it with the fewest MBWU monitors has monitors (halved with
 * @cdp); each counter holds one MBWU monitor (two with @cdp) on each of
 * those RIS, named "cntr <n>" in debugfs. When another user holds
 * monitors, fewer counters are made, with a warning. Process context.
 *
 * Return: the context, or NULL when out of memory.
 */
struct mpam_ext_mon_ctx *mpam_ext_mon_create(const struct mpam_ext_topo *t,
					     bool cdp)
{
	struct mpam_ext_mon_ctx *mc;
	unsigned int ev;

	mc = kzalloc_obj(*mc, GFP_KERNEL);
	if (!mc)
		return NULL;
	mc->t = t;
	mc->cdp = cdp;
	mutex_init(&mc->lock);
	INIT_DELAYED_WORK(&mc->sampler, mpx_mon_sampler_fn);
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		if (!mpam_ext_mon_uses_cntrs(ev) || !mpam_ext_mon_offered(t, ev))
			continue;
		if (mpx_mon_ev_init(&mc->ev[ev], &t->ev[ev], cdp)) {
			mpam_ext_mon_destroy(mc);
			return NULL;
		}
	}
	mc->period_ms = mpx_mon_period_ms(mc);
	return mc;
}

/**
 * mpam_ext_mon_destroy() - free a context and every monitor it holds.
 * @mc:		the context, or NULL
 *
 * Stops the overflow sampler first, waiting for a sample under way to
 * end. Process context; the context's lock must not be held.
 */
void mpam_ext_mon_destroy(struct mpam_ext_mon_ctx *mc)
{
	unsigned int ev;

	if (!mc)
		return;
	lockdep_assert_not_held(&mc->lock);
	cancel_delayed_work_sync(&mc->sampler);
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		mpx_mon_ev_free(&mc->ev[ev]);
	mutex_destroy(&mc->lock);
	kfree(mc);
}

/**
 * mpam_ext_mon_num_rmids() - RMIDs (PMGs) a group can have per CLOSID.
 * @mc:		the context
 *
 * Return: the smallest PMG count of the classes backing offered events
 * and of the MSCs; 0 when no event is offered.
 */
MPX_MON_TESTABLE u32 mpam_ext_mon_num_rmids(struct mpam_ext_mon_ctx *mc)
{
	u32 n = U32_MAX, msc = mpam_ext_msc_pmg_count();
	unsigned int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpam_ext_mon_offered(mc->t, ev))
			n = min_t(u32, n, mc->t->ev[ev].cls->props.pmg_max + 1U);
	if (n == U32_MAX)
		return 0;
	return msc ? min(n, msc) : n;
}

/* The group is in range */
static bool mpx_mon_group_ok(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid)
{
	return closid < mpam_ext_rc_num_closids(mc->t, mc->cdp) &&
	       rmid < mpam_ext_mon_num_rmids(mc);
}

/**
 * mpam_ext_mon_num_cntrs() - counters of a domain.
 * @mc:		the context
 * @ev:		a counter event
 * @dom:	the domain id
 *
 * Domains that share a component (mata) share its counters: each shows
 * the component's number.
 *
 * Return: the number; 0 for another event or an unknown domain.
 */
u32 mpam_ext_mon_num_cntrs(struct mpam_ext_mon_ctx *mc,
			   enum mpam_ext_event ev, u32 dom)
{
	struct mpx_mon_comp *cc = mpx_mon_cc(mc, ev, dom);

	return cc ? cc->nr_cntr : 0;
}

/**
 * mpam_ext_mon_avail_cntrs() - counters of a domain not assigned.
 * @mc:		the context
 * @ev:		a counter event
 * @dom:	the domain id
 *
 * Return: the number; 0 for another event or an unknown domain.
 */
u32 mpam_ext_mon_avail_cntrs(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, u32 dom)
{
	struct mpx_mon_comp *cc = mpx_mon_cc(mc, ev, dom);
	unsigned int c;
	u32 n = 0;

	for (c = 0; cc && c < cc->nr_cntr; c++)
		n += !cc->cntr[c].used;
	return n;
}

/* The counter of the group in @cc, or -1 */
static int mpx_mon_find(struct mpx_mon_comp *cc, u32 closid, u32 rmid)
{
	unsigned int c;

	for (c = 0; c < cc->nr_cntr; c++)
		if (cc->cntr[c].used && cc->cntr[c].closid == closid &&
		    cc->cntr[c].rmid == rmid)
			return c;
	return -1;
}

/**
 * mpam_ext_mon_is_assigned() - a group has a counter on a domain.
 * @mc:		the context
 * @ev:		a counter event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * Return: true when it has; on domains sharing a component, for all of
 * them at once.
 */
bool mpam_ext_mon_is_assigned(struct mpam_ext_mon_ctx *mc,
			      enum mpam_ext_event ev, u32 dom, u32 closid,
			      u32 rmid)
{
	struct mpx_mon_comp *cc = mpx_mon_cc(mc, ev, dom);

	return cc && mpx_mon_find(cc, closid, rmid) >= 0;
}

/* The monitor configuration of half @h of the group */
static void mpx_mon_cfg(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid,
			unsigned int h, struct mpam_ext_mon_cfg *cfg)
{
	enum mpam_ext_cdp type = MPAM_EXT_CDP_NONE;

	if (mc->cdp)
		type = h ? MPAM_EXT_CDP_CODE : MPAM_EXT_CDP_DATA;
	memset(cfg, 0, sizeof(*cfg));
	cfg->partid = mpam_ext_rc_partid(closid, type);
	cfg->pmg = rmid;
	cfg->match_partid = true;
	cfg->match_pmg = true;
	cfg->rwbw = MPAM_EXT_MON_RWBW_ALL;
}

/**
 * mpam_ext_mon_assign() - give a group a counter on a domain.
 * @mc:		the context
 * @ev:		a counter event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * Takes a free counter of the component behind @dom and configures its
 * monitors for the group's PARTID(s) and PMG: the count starts from 0.
 * Domains that share the component are assigned with it. A group that
 * already has a counter there keeps it (and its count).
 *
 * Return: 0; -ENOSPC when no counter is free (or the domain has none);
 * -EOPNOTSUPP for an event without counters or not offered; -ENXIO for
 * an unknown domain; -EINVAL for a CLOSID or RMID out of range; -EIO
 * when an MSC behind it is errored (the counter stays free).
 */
int mpam_ext_mon_assign(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			u32 dom, u32 closid, u32 rmid)
{
	struct mpam_ext_mon_cfg cfg;
	struct mpx_mon_comp *cc;
	unsigned int c, r, h;
	int ret;

	ret = mpx_mon_cntr_comp(mc, ev, dom, &cc);
	if (ret)
		return ret;
	if (!mpx_mon_group_ok(mc, closid, rmid))
		return -EINVAL;
	mutex_lock(&mc->lock);
	if (mpx_mon_find(cc, closid, rmid) >= 0)
		goto out;
	for (c = 0; c < cc->nr_cntr; c++)
		if (!cc->cntr[c].used)
			break;
	if (c == cc->nr_cntr) {
		ret = -ENOSPC;
		goto out;
	}
	for (r = 0; r < cc->nr_ris; r++) {
		for (h = 0; h < cc->halves; h++) {
			mpx_mon_cfg(mc, closid, rmid, h, &cfg);
			ret = mpam_ext_msc_mon_config(cc->ris[r], MPAM_EXT_MON_MBWU,
						      *mpx_mon_mon(cc, c, r, h), &cfg);
			if (ret)
				goto out;
		}
	}
	cc->cntr[c].used = true;
	cc->cntr[c].closid = closid;
	cc->cntr[c].rmid = rmid;
out:
	mutex_unlock(&mc->lock);
	return ret;
}

/**
 * mpam_ext_mon_unassign() - take a group's counter on a domain back.
 * @mc:		the context
 * @ev:		a counter event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * The counter becomes free; domains sharing the component lose it too.
 * Unassigning a group that has no counter there does nothing.
 *
 * Return: 0; -EOPNOTSUPP or -ENXIO as for mpam_ext_mon_assign().
 */
int mpam_ext_mon_unassign(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			  u32 dom, u32 closid, u32 rmid)
{
	struct mpx_mon_comp *cc;
	int c, ret;

	ret = mpx_mon_cntr_comp(mc, ev, dom, &cc);
	if (ret)
		return ret;
	mutex_lock(&mc->lock);
	c = mpx_mon_find(cc, closid, rmid);
	if (c >= 0)
		cc->cntr[c].used = false;
	mutex_unlock(&mc->lock);
	return 0;
}

/**
 * mpam_ext_mon_release() - free every counter of a group.
 * @mc:		the context
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * For rmdir: every event, every domain.
 */
void mpam_ext_mon_release(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid)
{
	unsigned int ev, i;
	int c;

	mutex_lock(&mc->lock);
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		for (i = 0; i < mc->ev[ev].nr_comp; i++) {
			c = mpx_mon_find(&mc->ev[ev].comp[i], closid, rmid);
			if (c >= 0)
				mc->ev[ev].comp[i].cntr[c].used = false;
		}
	}
	mutex_unlock(&mc->lock);
}

/**
 * mpam_ext_mon_assign_group() - give a new group a counter wherever one is
 * free (mbm_assign_on_mkdir).
 * @mc:		the context
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * Best effort, as resctrl's assignment at mkdir: every counter event on
 * every domain is tried; the ones that fail stay unassigned.
 *
 * Return: 0 when every domain of every counter event has a counter for
 * the group, else the last error of mpam_ext_mon_assign() (the group
 * exists either way).
 */
int mpam_ext_mon_assign_group(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid)
{
	const struct mpam_ext_pick *pk;
	unsigned int ev, i;
	int ret = 0, r;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		if (!mpam_ext_mon_uses_cntrs(ev) || !mpam_ext_mon_offered(mc->t, ev))
			continue;
		pk = &mc->t->ev[ev];
		for (i = 0; i < pk->nr_dom; i++) {
			r = mpam_ext_mon_assign(mc, ev, pk->dom[i].id, closid, rmid);
			if (r)
				ret = r;
		}
	}
	return ret;
}

/*
 * Sum of the monitors of counter @c of @cc; each read folds the monitor's
 * count into its 64-bit total (in the MSC driver)
 */
static int mpx_mon_read_cntr(struct mpam_ext_mon_ctx *mc,
			     struct mpx_mon_comp *cc, unsigned int c, u64 *val)
{
	unsigned int r, h;
	u64 v, sum = 0;
	int ret;

	lockdep_assert_held(&mc->lock);

	for (r = 0; r < cc->nr_ris; r++) {
		for (h = 0; h < cc->halves; h++) {
			ret = mpam_ext_msc_mon_read(cc->ris[r], MPAM_EXT_MON_MBWU,
						    *mpx_mon_mon(cc, c, r, h), &v);
			if (ret)
				return ret;
			sum += v;
		}
	}
	*val = sum;
	return 0;
}

/* One CSU monitor on @ris, for each PARTID of the group in turn */
static int mpx_mon_read_csu(struct mpam_ext_mon_ctx *mc, struct mpam_ext_ris *ris,
			    u32 closid, u32 rmid, u64 *sum)
{
	struct mpam_ext_mon_cfg cfg;
	unsigned int h;
	int mon, ret = 0;
	u64 v;

	mon = mpam_ext_msc_mon_alloc(ris, MPAM_EXT_MON_CSU);
	if (mon < 0)
		return mon;
	mpam_ext_msc_mon_set_owner(ris, MPAM_EXT_MON_CSU, mon, "occupancy read");
	for (h = 0; h < (mc->cdp ? 2 : 1) && !ret; h++) {
		mpx_mon_cfg(mc, closid, rmid, h, &cfg);
		ret = mpam_ext_msc_mon_config(ris, MPAM_EXT_MON_CSU, mon, &cfg);
		if (!ret)
			ret = mpam_ext_msc_mon_read(ris, MPAM_EXT_MON_CSU, mon, &v);
		if (!ret)
			*sum += v;
	}
	mpam_ext_msc_mon_free(ris, MPAM_EXT_MON_CSU, mon);
	return ret;
}

/* Errors of the MSC driver as read results */
static int mpx_mon_read_err(int ret)
{
	switch (ret) {
	case -ENOSPC:		/* no monitor free */
	case -ETIMEDOUT:	/* stayed NRDY */
		return -EBUSY;
	case -EIO:
		return -EIO;
	default:
		return ret;
	}
}

/**
 * mpam_ext_mon_read() - read an event for a group on a domain.
 * @mc:		the context
 * @ev:		the event
 * @dom:	the domain id
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @val:	set to the value: bytes of cache in use (occupancy events) or
 *		bytes counted since the counter was assigned (counter events)
 *
 * Counter events read the group's counter on the component behind @dom:
 * the sum of its monitors over every RIS and both PARTIDs under CDP.
 * Occupancy events allocate a CSU monitor on each RIS with CSU monitors
 * behind the component, configure it for each PARTID of the group in
 * turn, read it and free it; the value is the sum. May sleep.
 *
 * Return: 0; -ENOENT when the counter event has no counter assigned
 * ("Unassigned"); -EBUSY when no monitor was free or a monitor stayed
 * not ready ("Unavailable"); -EIO when an MSC is errored ("Error");
 * -EOPNOTSUPP for an event that is not offered (mbm_local_bytes never
 * is); -ENXIO for an unknown domain; -EINVAL for a CLOSID or RMID out of
 * range; -ENODEV when no RIS with monitors is in use behind the domain.
 */
int mpam_ext_mon_read(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
		      u32 dom, u32 closid, u32 rmid, u64 *val)
{
	const struct mpam_ext_domain *d;
	struct mpam_ext_ris *ris;
	unsigned int pos = 0, n = 0;
	struct mpx_mon_comp *cc;
	u64 sum = 0;
	int i, c, ret;

	if (!mpam_ext_mon_offered(mc->t, ev))
		return -EOPNOTSUPP;
	i = mpam_ext_pick_dom_idx(&mc->t->ev[ev], dom);
	if (i < 0)
		return -ENXIO;
	if (!mpx_mon_group_ok(mc, closid, rmid))
		return -EINVAL;
	if (mpam_ext_mon_uses_cntrs(ev)) {
		cc = mpx_mon_cc(mc, ev, dom);
		c = cc ? mpx_mon_find(cc, closid, rmid) : -1;
		if (c < 0)
			return -ENOENT;
		mutex_lock(&mc->lock);
		ret = mpx_mon_read_cntr(mc, cc, c, val);
		mutex_unlock(&mc->lock);
		return mpx_mon_read_err(ret);
	}
	d = &mc->t->ev[ev].dom[i];
	while ((ris = mpam_ext_comp_next_ris(d->comp, 0, &pos))) {
		if (!ris->nr_mon[MPAM_EXT_MON_CSU])
			continue;
		ret = mpx_mon_read_csu(mc, ris, closid, rmid, &sum);
		if (ret)
			return mpx_mon_read_err(ret);
		n++;
	}
	if (!n)
		return -ENODEV;
	*val = sum;
	return 0;
}

/* Read every assigned counter of @mc once, folding each monitor's count */
static void mpx_mon_sample_locked(struct mpam_ext_mon_ctx *mc)
{
	struct mpx_mon_comp *cc;
	unsigned int ev, i, c;
	u64 v;

	lockdep_assert_held(&mc->lock);
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		for (i = 0; i < mc->ev[ev].nr_comp; i++) {
			cc = &mc->ev[ev].comp[i];
			/*
			 * Errors are left to the user's read: an errored MSC
			 * or a monitor still NRDY is tried again next period
			 */
			for (c = 0; c < cc->nr_cntr; c++)
				if (cc->cntr[c].used)
					mpx_mon_read_cntr(mc, cc, c, &v);
		}
	}
}

/**
 * mpam_ext_mon_sample() - one step of the overflow sampler.
 * @mc:		the context
 *
 * Reads every assigned counter, so that each of its MBWU monitors is read
 * at least once per wrap of its counter. Takes the context's lock; may
 * sleep. Static outside KUnit builds.
 */
MPX_MON_TESTABLE void mpam_ext_mon_sample(struct mpam_ext_mon_ctx *mc)
{
	mutex_lock(&mc->lock);
	mpx_mon_sample_locked(mc);
	mutex_unlock(&mc->lock);
}

/**
 * mpam_ext_mon_period_ms() - the overflow sampler's period.
 * @mc:		the context
 *
 * Static outside KUnit builds.
 *
 * Return: the period in ms, 0 when the context has no counter to sample.
 */
MPX_MON_TESTABLE unsigned int mpam_ext_mon_period_ms(struct mpam_ext_mon_ctx *mc)
{
	return mc->period_ms;
}

/* The sampler's work: one step, then again one period later */
static void mpx_mon_sampler_fn(struct work_struct *work)
{
	struct mpam_ext_mon_ctx *mc =
		container_of(to_delayed_work(work), struct mpam_ext_mon_ctx,
			     sampler);

	mpam_ext_mon_sample(mc);
	queue_delayed_work(system_unbound_wq, &mc->sampler,
			   msecs_to_jiffies(mpam_ext_mon_period_ms(mc)));
}

/**
 * mpam_ext_mon_start() - start the overflow sampler of a context.
 * @mc:		the context
 *
 * From now until mpam_ext_mon_destroy(), every assigned counter is read
 * once per period (docs/monitoring.md, "Overflow sampler"), from a
 * delayed work in process context. Does nothing when no component has a
 * counter. Call it once, under the caller's mutex like every other call.
 */
void mpam_ext_mon_start(struct mpam_ext_mon_ctx *mc)
{
	if (mpam_ext_mon_period_ms(mc))
		queue_delayed_work(system_unbound_wq, &mc->sampler,
				   msecs_to_jiffies(mpam_ext_mon_period_ms(mc)));
}
