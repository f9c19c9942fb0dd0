// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext monitoring backend: resctrl monitor event reads for one group
 * on one domain, the assignable counters of resctrl's "mbm_event" mode
 * (MBWU monitors allocated up front, per component), and the contents of
 * the resctrl files about them. Formats and rules: docs/monitoring.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/arch/mon.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>

/**
 * struct mpx_cntr - one assignable counter.
 * @used:	assigned to the group @closid, @rmid
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID (PMG)
 */
struct mpx_cntr {
	bool used;
	u32 closid;
	u32 rmid;
};

/**
 * struct mpx_comp - the counters of one component for one event.
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
struct mpx_comp {
	struct mpam_ext_component *comp;
	unsigned int nr_ris;
	struct mpam_ext_ris **ris;
	unsigned int halves;
	unsigned int nr_cntr;
	struct mpx_cntr *cntr;
	u16 *mon;
};

/**
 * struct mpx_ev - the counters of one counter event.
 * @nr_comp:	entries in @comp
 * @comp:	one per distinct component behind the event's domains
 * @nr_dom:	entries in @dom_comp (the pick's domain count)
 * @dom_comp:	per domain of the pick, its index in @comp
 */
struct mpx_ev {
	unsigned int nr_comp;
	struct mpx_comp *comp;
	unsigned int nr_dom;
	unsigned int *dom_comp;
};

/**
 * struct mpam_ext_mon_ctx - monitoring state of one resctrl mount.
 * @t:		the picking result
 * @cdp:	CDP is on: a group has two PARTIDs
 * @ev:		counters per event (only counter events that are offered)
 *
 * Everything here is under the caller's mutex (see mon.h).
 */
struct mpam_ext_mon_ctx {
	const struct mpam_ext_topo *t;
	bool cdp;
	struct mpx_ev ev[MPAM_EXT_EV_NR];
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
static struct mpx_comp *mpx_cc(struct mpam_ext_mon_ctx *mc,
			       enum mpam_ext_event ev, u32 dom)
{
	struct mpx_ev *e;
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
static int mpx_cntr_comp(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			 u32 dom, struct mpx_comp **cc)
{
	if (ev >= MPAM_EXT_EV_NR || !mpam_ext_mon_uses_cntrs(ev) ||
	    !mpam_ext_mon_offered(mc->t, ev))
		return -EOPNOTSUPP;
	*cc = mpx_cc(mc, ev, dom);
	return *cc ? 0 : -ENXIO;
}

static u16 *mpx_mon(struct mpx_comp *cc, unsigned int c, unsigned int r,
		    unsigned int h)
{
	return &cc->mon[(c * cc->nr_ris + r) * cc->halves + h];
}

/* Free the monitors of counters 0..@cc->nr_cntr - 1 and every array */
static void mpx_comp_free(struct mpx_comp *cc)
{
	unsigned int c, r, h;

	for (c = 0; c < cc->nr_cntr; c++)
		for (r = 0; r < cc->nr_ris; r++)
			for (h = 0; h < cc->halves; h++)
				mpam_ext_msc_mon_free(cc->ris[r], MPAM_EXT_MON_MBWU,
						      *mpx_mon(cc, c, r, h));
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
static int mpx_cntr_alloc(struct mpx_comp *cc, unsigned int c)
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
static int mpx_comp_init(struct mpx_comp *cc, struct mpam_ext_component *comp,
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
		ret = mpx_cntr_alloc(cc, c);
		if (ret) {
			pr_warn("%s component %u: %u of %u counters (monitor allocation: %d)\n",
				comp->cls->name, comp->id, c, max, ret);
			break;
		}
		cc->nr_cntr = c + 1;
	}
	return 0;
}

static void mpx_ev_free(struct mpx_ev *e)
{
	unsigned int i;

	for (i = 0; i < e->nr_comp; i++)
		mpx_comp_free(&e->comp[i]);
	kfree(e->comp);
	kfree(e->dom_comp);
	e->comp = NULL;
	e->dom_comp = NULL;
	e->nr_comp = 0;
	e->nr_dom = 0;
}

static int mpx_ev_init(struct mpx_ev *e, const struct mpam_ext_pick *pk,
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
		ret = mpx_comp_init(&e->comp[j], pk->dom[i].comp, cdp);
		if (ret)
			return ret;
	}
	return 0;
}

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
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		if (!mpam_ext_mon_uses_cntrs(ev) || !mpam_ext_mon_offered(t, ev))
			continue;
		if (mpx_ev_init(&mc->ev[ev], &t->ev[ev], cdp)) {
			mpam_ext_mon_destroy(mc);
			return NULL;
		}
	}
	return mc;
}

/**
 * mpam_ext_mon_destroy() - free a context and every monitor it holds.
 * @mc:		the context, or NULL
 *
 * Process context.
 */
void mpam_ext_mon_destroy(struct mpam_ext_mon_ctx *mc)
{
	unsigned int ev;

	if (!mc)
		return;
	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		mpx_ev_free(&mc->ev[ev]);
	kfree(mc);
}

/**
 * mpam_ext_mon_num_rmids() - RMIDs (PMGs) a group can have per CLOSID.
 * @mc:		the context
 *
 * Return: the smallest PMG count of the classes backing offered events
 * and of the MSCs; 0 when no event is offered.
 */
u32 mpam_ext_mon_num_rmids(struct mpam_ext_mon_ctx *mc)
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
static bool mpx_group_ok(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid)
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
	struct mpx_comp *cc = mpx_cc(mc, ev, dom);

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
	struct mpx_comp *cc = mpx_cc(mc, ev, dom);
	unsigned int c;
	u32 n = 0;

	for (c = 0; cc && c < cc->nr_cntr; c++)
		n += !cc->cntr[c].used;
	return n;
}

/* The counter of the group in @cc, or -1 */
static int mpx_find(struct mpx_comp *cc, u32 closid, u32 rmid)
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
	struct mpx_comp *cc = mpx_cc(mc, ev, dom);

	return cc && mpx_find(cc, closid, rmid) >= 0;
}

/* The monitor configuration of half @h of the group */
static void mpx_cfg(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid,
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
	struct mpx_comp *cc;
	unsigned int c, r, h;
	int ret;

	ret = mpx_cntr_comp(mc, ev, dom, &cc);
	if (ret)
		return ret;
	if (!mpx_group_ok(mc, closid, rmid))
		return -EINVAL;
	if (mpx_find(cc, closid, rmid) >= 0)
		return 0;
	for (c = 0; c < cc->nr_cntr; c++)
		if (!cc->cntr[c].used)
			break;
	if (c == cc->nr_cntr)
		return -ENOSPC;
	for (r = 0; r < cc->nr_ris; r++) {
		for (h = 0; h < cc->halves; h++) {
			mpx_cfg(mc, closid, rmid, h, &cfg);
			ret = mpam_ext_msc_mon_config(cc->ris[r], MPAM_EXT_MON_MBWU,
						      *mpx_mon(cc, c, r, h), &cfg);
			if (ret)
				return ret;
		}
	}
	cc->cntr[c].used = true;
	cc->cntr[c].closid = closid;
	cc->cntr[c].rmid = rmid;
	return 0;
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
	struct mpx_comp *cc;
	int c, ret;

	ret = mpx_cntr_comp(mc, ev, dom, &cc);
	if (ret)
		return ret;
	c = mpx_find(cc, closid, rmid);
	if (c >= 0)
		cc->cntr[c].used = false;
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

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		for (i = 0; i < mc->ev[ev].nr_comp; i++) {
			c = mpx_find(&mc->ev[ev].comp[i], closid, rmid);
			if (c >= 0)
				mc->ev[ev].comp[i].cntr[c].used = false;
		}
	}
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

/* Sum of the monitors of counter @c */
static int mpx_read_cntr(struct mpx_comp *cc, unsigned int c, u64 *val)
{
	unsigned int r, h;
	u64 v, sum = 0;
	int ret;

	for (r = 0; r < cc->nr_ris; r++) {
		for (h = 0; h < cc->halves; h++) {
			ret = mpam_ext_msc_mon_read(cc->ris[r], MPAM_EXT_MON_MBWU,
						    *mpx_mon(cc, c, r, h), &v);
			if (ret)
				return ret;
			sum += v;
		}
	}
	*val = sum;
	return 0;
}

/* One CSU monitor on @ris, for each PARTID of the group in turn */
static int mpx_read_csu(struct mpam_ext_mon_ctx *mc, struct mpam_ext_ris *ris,
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
		mpx_cfg(mc, closid, rmid, h, &cfg);
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
static int mpx_read_err(int ret)
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
	struct mpx_comp *cc;
	u64 sum = 0;
	int i, c, ret;

	if (!mpam_ext_mon_offered(mc->t, ev))
		return -EOPNOTSUPP;
	i = mpam_ext_pick_dom_idx(&mc->t->ev[ev], dom);
	if (i < 0)
		return -ENXIO;
	if (!mpx_group_ok(mc, closid, rmid))
		return -EINVAL;
	if (mpam_ext_mon_uses_cntrs(ev)) {
		cc = mpx_cc(mc, ev, dom);
		c = cc ? mpx_find(cc, closid, rmid) : -1;
		if (c < 0)
			return -ENOENT;
		return mpx_read_err(mpx_read_cntr(cc, c, val));
	}
	d = &mc->t->ev[ev].dom[i];
	while ((ris = mpam_ext_comp_next_ris(d->comp, 0, &pos))) {
		if (!ris->nr_mon[MPAM_EXT_MON_CSU])
			continue;
		ret = mpx_read_csu(mc, ris, closid, rmid, &sum);
		if (ret)
			return mpx_read_err(ret);
		n++;
	}
	if (!n)
		return -ENODEV;
	*val = sum;
	return 0;
}

/* File contents */

/* Append to @buf at *@pos; false once it does not fit */
static __printf(4, 5) bool mpx_put(char *buf, size_t len, size_t *pos,
				    const char *fmt, ...)
{
	va_list args;
	int n;

	if (*pos >= len)
		return false;
	va_start(args, fmt);
	n = vsnprintf(buf + *pos, len - *pos, fmt, args);
	va_end(args);
	*pos += n;
	return *pos < len;
}

/* The result of a print: its length, or -EOVERFLOW when it did not fit */
static int mpx_done(char *buf, size_t len, size_t pos, bool ok)
{
	if (!ok || pos >= len) {
		if (len)
			buf[0] = '\0';
		return -EOVERFLOW;
	}
	return pos;
}

/**
 * mpam_ext_mon_features_print() - content of info/<res>_MON/mon_features.
 * @mc:		the context
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 * @buf:	the buffer
 * @len:	its size
 *
 * One offered event of @res per line, in the order of enum
 * mpam_ext_event, e.g. "llc_occupancy\nmbm_total_bytes\n".
 *
 * Return: the length printed (0 when @res has no event), or -EOVERFLOW
 * when @buf is too small (@buf is then empty).
 */
int mpam_ext_mon_features_print(struct mpam_ext_mon_ctx *mc,
				enum mpam_ext_res res, char *buf, size_t len)
{
	unsigned int ev;
	size_t pos = 0;
	bool ok = true;

	if (len)
		buf[0] = '\0';
	for (ev = 0; ev < MPAM_EXT_EV_NR && ok; ev++)
		if (mpam_ext_mon_event_res(ev) == res &&
		    mpam_ext_mon_offered(mc->t, ev))
			ok = mpx_put(buf, len, &pos, "%s\n",
				     mpam_ext_event_name(ev));
	return mpx_done(buf, len, pos, ok);
}

/**
 * mpam_ext_mon_cntrs_print() - content of num_mbm_cntrs or
 * available_mbm_cntrs.
 * @mc:		the context
 * @ev:		a counter event
 * @available:	print the free counters (available_mbm_cntrs), else all
 *		(num_mbm_cntrs)
 * @buf:	the buffer
 * @len:	its size
 *
 * "<domain>=<count>" for each domain of @ev, by increasing id, separated
 * by ';', ending with a newline: "1=4;26=4\n". Domains sharing a component
 * show the same numbers.
 *
 * Return: the length printed; -EOPNOTSUPP for an event without counters
 * or not offered; -EOVERFLOW when @buf is too small.
 */
int mpam_ext_mon_cntrs_print(struct mpam_ext_mon_ctx *mc,
			     enum mpam_ext_event ev, bool available, char *buf,
			     size_t len)
{
	const struct mpam_ext_pick *pk;
	size_t pos = 0;
	bool ok = true;
	unsigned int i;
	u32 n;

	if (len)
		buf[0] = '\0';
	if (ev >= MPAM_EXT_EV_NR || !mpam_ext_mon_uses_cntrs(ev) ||
	    !mpam_ext_mon_offered(mc->t, ev))
		return -EOPNOTSUPP;
	pk = &mc->t->ev[ev];
	for (i = 0; i < pk->nr_dom && ok; i++) {
		n = available ? mpam_ext_mon_avail_cntrs(mc, ev, pk->dom[i].id) :
				mpam_ext_mon_num_cntrs(mc, ev, pk->dom[i].id);
		ok = mpx_put(buf, len, &pos, "%s%u=%u", i ? ";" : "",
			     pk->dom[i].id, n);
	}
	if (ok)
		ok = mpx_put(buf, len, &pos, "\n");
	return mpx_done(buf, len, pos, ok);
}

/**
 * mpam_ext_mon_assign_print_res() - content of mbm_<res>_assignments.
 * @mc:		the context
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @buf:	the buffer
 * @len:	its size
 *
 * One line per offered counter event of @res: "<event>:" then
 * "<domain>=<state>" for each domain separated by ';', where the state is
 * 'e' (a counter is assigned) or '_' (none): "mbm_total_bytes:1=e;26=_\n".
 *
 * Return: the length printed (0 when @res has no counter event), or
 * -EOVERFLOW when @buf is too small.
 */
int mpam_ext_mon_assign_print_res(struct mpam_ext_mon_ctx *mc,
				  enum mpam_ext_res res, u32 closid, u32 rmid,
				  char *buf, size_t len)
{
	const struct mpam_ext_pick *pk;
	unsigned int ev, i;
	size_t pos = 0;
	bool ok = true;

	if (len)
		buf[0] = '\0';
	for (ev = 0; ev < MPAM_EXT_EV_NR && ok; ev++) {
		if (!mpam_ext_mon_uses_cntrs(ev) || mpam_ext_mon_event_res(ev) != res ||
		    !mpam_ext_mon_offered(mc->t, ev))
			continue;
		pk = &mc->t->ev[ev];
		ok = mpx_put(buf, len, &pos, "%s:", mpam_ext_event_name(ev));
		for (i = 0; i < pk->nr_dom && ok; i++)
			ok = mpx_put(buf, len, &pos, "%s%u=%c", i ? ";" : "",
				     pk->dom[i].id,
				     mpam_ext_mon_is_assigned(mc, ev, pk->dom[i].id,
							      closid, rmid) ?
				     'e' : '_');
		if (ok)
			ok = mpx_put(buf, len, &pos, "\n");
	}
	return mpx_done(buf, len, pos, ok);
}

/**
 * mpam_ext_mon_assign_print() - content of mbm_L3_assignments.
 * @mc:		the context
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @buf:	the buffer
 * @len:	its size
 *
 * Return: as mpam_ext_mon_assign_print_res() for MPAM_EXT_RES_L3.
 */
int mpam_ext_mon_assign_print(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid, char *buf, size_t len)
{
	return mpam_ext_mon_assign_print_res(mc, MPAM_EXT_RES_L3, closid, rmid,
					     buf, len);
}

/* Append a line to the error buffer */
static __printf(3, 4) void mpx_err(char *err, size_t err_len,
				   const char *fmt, ...)
{
	size_t n;
	va_list args;

	if (!err || !err_len)
		return;
	n = strnlen(err, err_len);
	if (n >= err_len - 1)
		return;
	va_start(args, fmt);
	vscnprintf(err + n, err_len - n, fmt, args);
	va_end(args);
}

/* The counter event of @res named @name, or MPAM_EXT_EV_NR */
static enum mpam_ext_event mpx_ev_by_name(struct mpam_ext_mon_ctx *mc,
					  enum mpam_ext_res res,
					  const char *name)
{
	unsigned int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpam_ext_mon_uses_cntrs(ev) && mpam_ext_mon_event_res(ev) == res &&
		    mpam_ext_mon_offered(mc->t, ev) &&
		    !strcmp(mpam_ext_event_name(ev), name))
			return ev;
	return MPAM_EXT_EV_NR;
}

/* Apply flag @flag for @ev on domain @dom */
static int mpx_apply_one(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			 u32 dom, char flag, u32 closid, u32 rmid, char *err,
			 size_t err_len)
{
	int ret;

	if (flag == '_')
		return mpam_ext_mon_unassign(mc, ev, dom, closid, rmid);
	ret = mpam_ext_mon_assign(mc, ev, dom, closid, rmid);
	if (ret == -ENOSPC && !mpam_ext_mon_num_cntrs(mc, ev, dom))
		mpx_err(err, err_len,
			"Failed to allocate counter for %s in domain %u: the domain has no counters\n",
			mpam_ext_event_name(ev), dom);
	else if (ret)
		mpx_err(err, err_len, "Failed to allocate counter for %s in domain %u\n",
			mpam_ext_event_name(ev), dom);
	return ret;
}

/* A state is one character, 'e' or '_' */
static bool mpx_flag_ok(const char *s)
{
	return s && (s[0] == 'e' || s[0] == '_') && !s[1];
}

/* Apply @state for @ev on every domain; the last error is returned */
static int mpx_apply_all(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			 const char *state, u32 closid, u32 rmid, char *err,
			 size_t err_len)
{
	const struct mpam_ext_pick *pk = &mc->t->ev[ev];
	unsigned int i;
	int ret = 0, r;

	if (!mpx_flag_ok(state))
		return -EINVAL;
	for (i = 0; i < pk->nr_dom; i++) {
		r = mpx_apply_one(mc, ev, pk->dom[i].id, state[0], closid, rmid,
				  err, err_len);
		if (r)
			ret = r;
	}
	return ret;
}

/* One line "<event>:<id>=<state>;..." */
static int mpx_assign_line(struct mpam_ext_mon_ctx *mc, enum mpam_ext_res res,
			   u32 closid, u32 rmid, char *line, char *err,
			   size_t err_len)
{
	const char *event = strsep(&line, ":");
	enum mpam_ext_event ev = mpx_ev_by_name(mc, res, event);
	char *entry, *id;
	unsigned long dom;
	int ret;

	if (ev == MPAM_EXT_EV_NR) {
		mpx_err(err, err_len, "Invalid event %s\n", event);
		return -ENOENT;
	}
	while (line && line[0]) {
		entry = strim(strsep(&line, ";"));
		id = strsep(&entry, "=");
		if (id && id[0] == '*') {
			ret = mpx_apply_all(mc, ev, entry, closid, rmid, err,
					    err_len);
			if (ret)
				mpx_err(err, err_len, "Assign operation '%s:*=%s' failed\n",
					event, entry ? entry : "");
			return ret;
		}
		if (!id || kstrtoul(id, 10, &dom)) {
			mpx_err(err, err_len, "Missing domain id\n");
			return -EINVAL;
		}
		if (dom > U32_MAX || mpam_ext_pick_dom_idx(&mc->t->ev[ev], dom) < 0) {
			mpx_err(err, err_len, "Invalid domain id %lu\n", dom);
			return -EINVAL;
		}
		ret = mpx_flag_ok(entry) ?
		      mpx_apply_one(mc, ev, dom, entry[0], closid, rmid, err,
				    err_len) : -EINVAL;
		if (ret) {
			mpx_err(err, err_len, "Assign operation '%s:%lu=%s' failed\n",
				event, dom, entry ? entry : "");
			return ret;
		}
	}
	return 0;
}

/**
 * mpam_ext_mon_assign_write_res() - apply a write to mbm_<res>_assignments.
 * @mc:		the context
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @buf:	what was written; must end with a newline
 * @len:	its length
 * @err:	buffer for the messages for info/last_cmd_status (emptied
 *		first; each message ends with a newline), or NULL
 * @err_len:	its size (MPAM_EXT_MON_ERR_LEN holds every message)
 *
 * resctrl's syntax: lines "<event>:<id>=<state>;<id>=<state>...", where
 * <event> is an offered counter event of @res, <id> a domain id or '*'
 * for every domain (the rest of the line after a '*' entry is ignored)
 * and <state> 'e' (assign a counter) or '_' (unassign). Entries are
 * applied in order; the first failure ends the write, and what came
 * before it stays applied. With '*', every domain is tried and the last
 * failure is returned.
 *
 * Return: 0; -EINVAL for a missing trailing newline (no message), a bad
 * domain id or state; -ENOENT for an unknown event; -ENOSPC when a
 * domain has no counter left; -ENOMEM; or the error of
 * mpam_ext_mon_assign().
 */
int mpam_ext_mon_assign_write_res(struct mpam_ext_mon_ctx *mc,
				  enum mpam_ext_res res, u32 closid, u32 rmid,
				  const char *buf, size_t len, char *err,
				  size_t err_len)
{
	char *copy, *rest, *line;
	int ret = 0;

	if (err && err_len)
		err[0] = '\0';
	if (!len || buf[len - 1] != '\n')
		return -EINVAL;
	copy = kmemdup_nul(buf, len - 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	rest = copy;
	while ((line = strsep(&rest, "\n"))) {
		ret = mpx_assign_line(mc, res, closid, rmid, line, err, err_len);
		if (ret)
			break;
	}
	kfree(copy);
	return ret;
}

/**
 * mpam_ext_mon_assign_write() - apply a write to mbm_L3_assignments.
 * @mc:		the context
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @buf:	what was written
 * @len:	its length
 * @err:	buffer for the messages, or NULL
 * @err_len:	its size
 *
 * Return: as mpam_ext_mon_assign_write_res() for MPAM_EXT_RES_L3.
 */
int mpam_ext_mon_assign_write(struct mpam_ext_mon_ctx *mc, u32 closid,
			      u32 rmid, const char *buf, size_t len, char *err,
			      size_t err_len)
{
	return mpam_ext_mon_assign_write_res(mc, MPAM_EXT_RES_L3, closid, rmid,
					     buf, len, err, err_len);
}

/**
 * mpam_ext_mon_value_print() - content of a mon_data event file.
 * @ret:	what mpam_ext_mon_read() returned
 * @val:	the value it read, when @ret is 0
 * @buf:	the buffer
 * @len:	its size
 *
 * The value in decimal; "Unassigned" for -ENOENT, "Error" for -EIO and
 * "Unavailable" for any other error; each with a newline.
 *
 * Return: the length printed, or -EOVERFLOW when @buf is too small.
 */
int mpam_ext_mon_value_print(int ret, u64 val, char *buf, size_t len)
{
	size_t pos = 0;
	bool ok;

	if (len)
		buf[0] = '\0';
	if (!ret)
		ok = mpx_put(buf, len, &pos, "%llu\n", val);
	else
		ok = mpx_put(buf, len, &pos, "%s\n", ret == -ENOENT ? "Unassigned" :
			     ret == -EIO ? "Error" : "Unavailable");
	return mpx_done(buf, len, pos, ok);
}
