// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext topology and resource picking: the override parameters, the
 * "mainline" and "mata" policies, and the record of every decision.
 * Rules, parameter grammar and formats: docs/model.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/model/topo.h>
#include <mpam_ext/model/topo_test.h>

static const char * const mpx_res_names[MPAM_EXT_RES_NR] = {
	[MPAM_EXT_RES_L2] = "L2",
	[MPAM_EXT_RES_L3] = "L3",
	[MPAM_EXT_RES_MB] = "MB",
};

static const char * const mpx_ev_names[MPAM_EXT_EV_NR] = {
	[MPAM_EXT_EV_LLC_OCCUPANCY] = "llc_occupancy",
	[MPAM_EXT_EV_MBM_TOTAL] = "mbm_total_bytes",
	[MPAM_EXT_EV_MBM_LOCAL] = "mbm_local_bytes",
	[MPAM_EXT_EV_L2_OCCUPANCY] = "l2_occupancy",
	[MPAM_EXT_EV_L2_MBM_TOTAL] = "mbm_l2_total_bytes",
};

/**
 * mpam_ext_res_name() - the resctrl name of a control resource.
 * @res:	the resource
 *
 * Return: "L2", "L3", "MB", or "?".
 */
const char *mpam_ext_res_name(enum mpam_ext_res res)
{
	return res < MPAM_EXT_RES_NR ? mpx_res_names[res] : "?";
}

/**
 * mpam_ext_event_name() - the resctrl file name of a monitor event.
 * @ev:		the event
 *
 * Return: "llc_occupancy", "mbm_total_bytes", ..., or "?".
 */
const char *mpam_ext_event_name(enum mpam_ext_event ev)
{
	return ev < MPAM_EXT_EV_NR ? mpx_ev_names[ev] : "?";
}

/**
 * mpam_ext_policy_name() - the policy= spelling of a policy.
 * @policy:	the policy
 *
 * Return: "mainline" or "mata".
 */
const char *mpam_ext_policy_name(enum mpam_ext_policy policy)
{
	return policy == MPAM_EXT_POLICY_MATA ? "mata" : "mainline";
}

/* Parameters */

static bool mpx_empty(const char *s)
{
	return !s || !*s;
}

/* A decimal number of at most 10 digits that fits @max */
static bool mpx_topo_num(const char *s, size_t len, u32 max, u32 *out)
{
	u64 v = 0;
	size_t i;

	if (!len || len > 10)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

static int mpx_perr(char *err, size_t len, const char *param, const char *val,
		    const char *expected)
{
	if (err)
		snprintf(err, len, "%s=\"%.64s%s\": %s", param, val,
			 strlen(val) > 64 ? "..." : "", expected);
	return -EINVAL;
}

#define MPX_EXCLUDE_EXP	"expected <msc>[.<ris>][,...]: decimal MSC ids, RIS indexes 0-15"
#define MPX_MAP_EXP	"expected <component>:<L3 id>[+<L3 id>...][,...] with decimal ids"

static int mpx_parse_exclude(struct mpam_ext_topo_params *p, const char *val,
			     char *err, size_t err_len)
{
	const char *s = val;

	while (*s) {
		const char *end = strchrnul(s, ','), *dot;
		struct mpam_ext_exclude *e;
		u32 msc, ris;

		if (p->nr_exclude == MPAM_EXT_MAX_EXCLUDE)
			return mpx_perr(err, err_len, "exclude", val,
					"more than 32 items");
		e = &p->exclude[p->nr_exclude];
		dot = memchr(s, '.', end - s);
		if (!mpx_topo_num(s, (dot ? dot : end) - s, U32_MAX, &msc))
			return mpx_perr(err, err_len, "exclude", val, MPX_EXCLUDE_EXP);
		e->msc_id = msc;
		e->all = !dot;
		if (dot) {
			if (!mpx_topo_num(dot + 1, end - dot - 1, MPAM_EXT_MAX_RIS - 1, &ris))
				return mpx_perr(err, err_len, "exclude", val,
						MPX_EXCLUDE_EXP);
			e->ris = ris;
		}
		p->nr_exclude++;
		if (!*end)
			break;
		s = end + 1;
		if (!*s)
			return mpx_perr(err, err_len, "exclude", val, MPX_EXCLUDE_EXP);
	}
	return 0;
}

static int mpx_parse_map(struct mpam_ext_topo_params *p, const char *val,
			 char *err, size_t err_len)
{
	const char *s = val;
	unsigned int i, j, k;
	char msg[80];

	while (*s) {
		const char *end = strchrnul(s, ','), *colon, *t;
		struct mpam_ext_map_entry *e;
		u32 v;

		if (p->nr_map == MPAM_EXT_MAX_MAP)
			return mpx_perr(err, err_len, "mb_map", val,
					"more than 64 components");
		e = &p->map[p->nr_map];
		colon = memchr(s, ':', end - s);
		if (!colon || !mpx_topo_num(s, colon - s, U32_MAX, &e->comp))
			return mpx_perr(err, err_len, "mb_map", val, MPX_MAP_EXP);
		t = colon + 1;
		for (;;) {
			const char *plus = memchr(t, '+', end - t);
			const char *stop = plus ? plus : end;

			if (e->nr_l3 == MPAM_EXT_MAX_MAP_L3)
				return mpx_perr(err, err_len, "mb_map", val,
						"more than 64 L3 domains in one entry");
			if (!mpx_topo_num(t, stop - t, U32_MAX, &v))
				return mpx_perr(err, err_len, "mb_map", val,
						MPX_MAP_EXP);
			e->l3[e->nr_l3++] = v;
			if (!plus)
				break;
			t = plus + 1;
		}
		p->nr_map++;
		if (!*end)
			break;
		s = end + 1;
		if (!*s)
			return mpx_perr(err, err_len, "mb_map", val, MPX_MAP_EXP);
	}
	for (i = 0; i < p->nr_map; i++) {
		for (j = 0; j < i; j++) {
			if (p->map[i].comp == p->map[j].comp) {
				snprintf(msg, sizeof(msg), "component %u mapped twice",
					 p->map[i].comp);
				return mpx_perr(err, err_len, "mb_map", val, msg);
			}
		}
		for (k = 0; k < p->map[i].nr_l3; k++) {
			u32 l3 = p->map[i].l3[k];
			unsigned int a, b;

			for (a = 0; a <= i; a++)
				for (b = 0; b < (a == i ? k : p->map[a].nr_l3); b++)
					if (p->map[a].l3[b] == l3) {
						snprintf(msg, sizeof(msg),
							 "L3 %u mapped twice", l3);
						return mpx_perr(err, err_len, "mb_map",
								val, msg);
					}
		}
	}
	return 0;
}

/**
 * mpam_ext_topo_parse_params() - parse the topology override parameters.
 * @p:		filled with the parsed values
 * @policy:	policy=: "mainline" (default) or "mata"
 * @mb_class:	mb_class=: "auto" (default), "none", "L3".."L7" (or
 *		"3".."7"), "memory" (or "MEM", "255")
 * @mb_map:	mb_map=: "<component>:<L3>[+<L3>...][,...]", needs
 *		policy=mata
 * @l2_mon:	l2_mon=: "auto" (default), "on", "off"
 * @exclude:	exclude=: "<msc>[.<ris>][,...]"
 * @err:	buffer for the message of a bad value, or NULL
 * @err_len:	its size (MPAM_EXT_PARAM_ERR_LEN is enough)
 *
 * NULL or "" takes the default. The message names the parameter, the
 * value and what was expected, e.g. policy="x": expected mainline or mata.
 * Whether the values name things the platform has is checked later, by
 * mpam_ext_model_build() and mpam_ext_topo_pick().
 *
 * Return: 0, or -EINVAL with @err set.
 */
int mpam_ext_topo_parse_params(struct mpam_ext_topo_params *p,
			       const char *policy, const char *mb_class,
			       const char *mb_map, const char *l2_mon,
			       const char *exclude, char *err, size_t err_len)
{
	u32 v;
	int ret;

	memset(p, 0, sizeof(*p));
	if (err && err_len)
		err[0] = '\0';

	if (mpx_empty(policy) || !strcmp(policy, "mainline"))
		p->policy = MPAM_EXT_POLICY_MAINLINE;
	else if (!strcmp(policy, "mata"))
		p->policy = MPAM_EXT_POLICY_MATA;
	else
		return mpx_perr(err, err_len, "policy", policy,
				"expected mainline or mata");

	if (mpx_empty(mb_class) || !strcmp(mb_class, "auto"))
		p->mb_class = MPAM_EXT_MB_CLASS_AUTO;
	else if (!strcmp(mb_class, "none"))
		p->mb_class = MPAM_EXT_MB_CLASS_NONE;
	else if (!strcmp(mb_class, "memory") || !strcmp(mb_class, "MEM"))
		p->mb_class = MPAM_EXT_CLASS_MEMORY;
	else if ((mb_class[0] == 'L' && mpx_topo_num(mb_class + 1, strlen(mb_class) - 1, 7, &v) &&
		  v >= 3) ||
		 (mpx_topo_num(mb_class, strlen(mb_class), 255, &v) &&
		  ((v >= 3 && v <= 7) || v == MPAM_EXT_CLASS_MEMORY)))
		p->mb_class = v;
	else
		return mpx_perr(err, err_len, "mb_class", mb_class,
				"expected auto, none, memory or a cache level L3-L7");

	if (mpx_empty(l2_mon) || !strcmp(l2_mon, "auto"))
		p->l2_mon = MPAM_EXT_AUTO;
	else if (!strcmp(l2_mon, "on"))
		p->l2_mon = MPAM_EXT_ON;
	else if (!strcmp(l2_mon, "off"))
		p->l2_mon = MPAM_EXT_OFF;
	else
		return mpx_perr(err, err_len, "l2_mon", l2_mon,
				"expected auto, on or off");

	if (!mpx_empty(mb_map)) {
		ret = mpx_parse_map(p, mb_map, err, err_len);
		if (ret)
			return ret;
		if (p->policy != MPAM_EXT_POLICY_MATA)
			return mpx_perr(err, err_len, "mb_map", mb_map,
					"needs policy=mata");
	}
	if (!mpx_empty(exclude)) {
		ret = mpx_parse_exclude(p, exclude, err, err_len);
		if (ret)
			return ret;
	}
	return 0;
}

/* Picking */

static __printf(5, 6)
int mpx_decide(struct mpam_ext_topo *t, const char *what, int class_id,
	       const char *result, const char *fmt, ...)
{
	struct mpam_ext_decision *grown, *d;
	va_list ap;

	grown = krealloc_array(t->dec, t->nr_dec + 1, sizeof(*grown), GFP_KERNEL);
	if (!grown)
		return -ENOMEM;
	t->dec = grown;
	d = &grown[t->nr_dec++];
	d->what = what;
	d->class_id = class_id;
	d->result = result;
	va_start(ap, fmt);
	vsnprintf(d->why, sizeof(d->why), fmt, ap);
	va_end(ap);
	return 0;
}

/* "<cpu list>" or "none" into @buf */
static const char *mpx_topo_cpus(const struct cpumask *m, char *buf, size_t len)
{
	if (cpumask_empty(m))
		strscpy(buf, "none", len);
	else
		scnprintf(buf, len, "%*pbl", cpumask_pr_args(m));
	return buf;
}

/*
 * Does @c cover every CPU of the platform, counting the CPUs of its
 * excluded components? Say why not in @why.
 */
static bool mpx_covers(const struct mpam_ext_model *m,
		       const struct mpam_ext_class *c, char *why, size_t len)
{
	struct cpumask all;
	char a[64], b[64];

	cpumask_or(&all, &c->cpus, &c->excluded_cpus);
	if (cpumask_subset(&m->all_cpus, &all))
		return true;
	snprintf(why, len, "covers CPUs %s of %s", mpx_topo_cpus(&all, a, sizeof(a)),
		 mpx_topo_cpus(&m->all_cpus, b, sizeof(b)));
	return false;
}

static int mpx_dom_cmp(const void *a, const void *b)
{
	const struct mpam_ext_domain *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Domains: one per component of @c that is not excluded */
static int mpx_pick_components(struct mpam_ext_pick *pk,
			       struct mpam_ext_class *c)
{
	unsigned int i;

	pk->dom = kcalloc(c->nr_comp, sizeof(*pk->dom), GFP_KERNEL);
	if (!pk->dom)
		return -ENOMEM;
	for (i = 0; i < c->nr_comp; i++) {
		if (c->comp[i].excluded)
			continue;
		pk->dom[pk->nr_dom].id = c->comp[i].id;
		pk->dom[pk->nr_dom].comp = &c->comp[i];
		pk->nr_dom++;
	}
	sort(pk->dom, pk->nr_dom, sizeof(*pk->dom), mpx_dom_cmp, NULL);
	pk->cls = c;
	return 0;
}

static void mpx_excluded_note(const struct mpam_ext_class *c, char *buf,
			      size_t len)
{
	char a[64];

	buf[0] = '\0';
	if (!cpumask_empty(&c->excluded_cpus))
		snprintf(buf, len,
			 "; CPUs %s have no %s control or monitor (excluded by parameter)",
			 mpx_topo_cpus(&c->excluded_cpus, a, sizeof(a)), c->name);
}

/* L2 and L3 cache allocation */
static int mpx_pick_cache(struct mpam_ext_topo *t, struct mpam_ext_model *m,
			  enum mpam_ext_res res, u8 level)
{
	struct mpam_ext_class *c = mpam_ext_model_class(m, level);
	const char *what = mpx_res_names[res];
	char why[MPAM_EXT_WHY_LEN], note[MPAM_EXT_WHY_LEN];
	int ret;

	if (!c)
		return mpx_decide(t, what, level, "absent",
				  "the platform has no L%u MSC", level);
	if (!(c->props.features & BIT(MPAM_EXT_HW_CPOR))) {
		if (mpam_ext_merge_rec_why(c, MPAM_EXT_PROP_CPOR, why, sizeof(why)))
			return mpx_decide(t, what, level, "refused",
					  "%s", why);
		return mpx_decide(t, what, level, "refused",
				  "no cache portion control in any RIS");
	}
	if (c->props.cpbm_wd > 32)
		return mpx_decide(t, what, level, "refused",
				  "cache portion bitmap of %u bits is wider than 32",
				  c->props.cpbm_wd);
	if (!mpx_covers(m, c, why, sizeof(why)))
		return mpx_decide(t, what, level, "refused", "%s", why);
	ret = mpx_pick_components(&t->res[res], c);
	if (ret)
		return ret;
	mpx_excluded_note(c, note, sizeof(note));
	return mpx_decide(t, what, level, "picked",
			  "domains %u, %u-bit cache portion bitmap%s",
			  t->res[res].nr_dom, c->props.cpbm_wd, note);
}

/* The mb_map= entry of a component, or NULL */
static struct mpam_ext_map_entry *mpx_map_of(struct mpam_ext_topo *t, u32 comp)
{
	unsigned int i;

	for (i = 0; i < t->params.nr_map; i++)
		if (t->params.map[i].comp == comp)
			return &t->params.map[i];
	return NULL;
}

/*
 * Mainline takes memory traffic for L3 traffic only when nothing can stop
 * or split it on the way: one L3, no cache level beyond L3, and one NUMA
 * node (the kernel's count on the machine's own platform, else the
 * description's). Say why not in @why.
 */
static bool mpx_mem_is_l3_traffic(const struct mpam_ext_model *m,
				  const struct mpam_ext_class *l3, char *why,
				  size_t len)
{
	const struct mpam_ext_platform *p = m->plat;
	unsigned int i, nodes = m->nr_nodes ? m->nr_nodes : p->nr_mems;
	const char *src = m->nr_nodes ? "kernel" : "description";
	u8 deepest = 0;

	for (i = 0; i < p->nr_caches; i++)
		deepest = max(deepest, p->caches[i].level);
	if (l3->nr_comp != 1) {
		snprintf(why, len, "traffic does not match L3: %u L3s (needs one)",
			 l3->nr_comp);
		return false;
	}
	if (deepest > 3) {
		snprintf(why, len,
			 "traffic does not match L3: L3 is not the last cache level (L%u)",
			 deepest);
		return false;
	}
	if (nodes != 1) {
		snprintf(why, len,
			 "traffic does not match L3: %u memory nodes (%s; needs one)",
			 nodes, src);
		return false;
	}
	return true;
}

/*
 * Map the components of @c onto L3 domains under the policy: fill @pk's
 * domains (L3 ids), or say in @why why the class does not match. @is_mb
 * lets mb_map= take part (and records that its entries matched).
 */
static int mpx_match_l3(struct mpam_ext_topo *t, struct mpam_ext_model *m,
			struct mpam_ext_class *c, struct mpam_ext_pick *pk,
			char *why, size_t len, bool *ok)
{
	struct mpam_ext_class *l3 = mpam_ext_model_class(m, 3);
	bool mata = t->params.policy == MPAM_EXT_POLICY_MATA;
	bool use_map = mata && t->params.nr_map && c->type == MPAM_EXT_CLASS_MEM;
	unsigned int i, j, k;
	char a[64], b[64];
	int d;

	*ok = false;
	if (!l3 || !l3->nr_comp) {
		snprintf(why, len, "no L3 class to match");
		return 0;
	}
	pk->dom = kcalloc(l3->nr_comp, sizeof(*pk->dom), GFP_KERNEL);
	if (!pk->dom)
		return -ENOMEM;
	pk->nr_dom = 0;

	for (i = 0; i < c->nr_comp; i++) {
		struct mpam_ext_component *comp = &c->comp[i];
		struct cpumask rest;
		unsigned int found = 0;

		if (comp->excluded)
			continue;
		if (use_map) {
			struct mpam_ext_map_entry *e = mpx_map_of(t, comp->id);

			if (!e)
				continue;
			e->matched = true;
			for (k = 0; k < e->nr_l3; k++) {
				if (!mpam_ext_class_component(l3, e->l3[k]))
					continue;
				pk->dom[pk->nr_dom].id = e->l3[k];
				pk->dom[pk->nr_dom].comp = comp;
				pk->nr_dom++;
			}
			continue;
		}
		cpumask_copy(&rest, &comp->cpus);
		for (j = 0; j < l3->nr_comp; j++) {
			struct mpam_ext_component *l = &l3->comp[j];

			if (!mata) {
				if (!cpumask_equal(&l->cpus, &comp->cpus))
					continue;
			} else {
				if (!cpumask_intersects(&l->cpus, &comp->cpus))
					continue;
				if (!cpumask_subset(&l->cpus, &comp->cpus)) {
					snprintf(why, len,
						 "component %u (CPUs %s) splits L3 %u (CPUs %s)",
						 comp->id, mpx_topo_cpus(&comp->cpus, a, sizeof(a)),
						 l->id, mpx_topo_cpus(&l->cpus, b, sizeof(b)));
					return 0;
				}
			}
			d = mpam_ext_pick_dom_idx(pk, l->id);
			if (d >= 0) {
				snprintf(why, len,
					 "L3 %u is in components %u and %u",
					 l->id, pk->dom[d].comp->id, comp->id);
				return 0;
			}
			pk->dom[pk->nr_dom].id = l->id;
			pk->dom[pk->nr_dom].comp = comp;
			pk->nr_dom++;
			cpumask_andnot(&rest, &rest, &l->cpus);
			found++;
		}
		if (!mata && found != 1) {
			snprintf(why, len,
				 "component %u (CPUs %s) is not the CPU set of one L3",
				 comp->id, mpx_topo_cpus(&comp->cpus, a, sizeof(a)));
			return 0;
		}
		if (mata && !cpumask_empty(&rest)) {
			snprintf(why, len,
				 "component %u has CPUs %s in no L3",
				 comp->id, mpx_topo_cpus(&rest, a, sizeof(a)));
			return 0;
		}
	}
	if (!pk->nr_dom) {
		snprintf(why, len, "no component maps onto an L3");
		return 0;
	}
	if (!mata && c->type == MPAM_EXT_CLASS_MEM &&
	    !mpx_mem_is_l3_traffic(m, l3, why, len))
		return 0;
	sort(pk->dom, pk->nr_dom, sizeof(*pk->dom), mpx_dom_cmp, NULL);
	*ok = true;
	return 0;
}

static void mpx_pick_reset(struct mpam_ext_pick *pk)
{
	kfree(pk->dom);
	memset(pk, 0, sizeof(*pk));
}

/* A note on L3s without a domain and CPU-less components */
static void mpx_domains_note(struct mpam_ext_model *m,
			     const struct mpam_ext_class *c,
			     const struct mpam_ext_pick *pk, char *buf,
			     size_t len)
{
	struct mpam_ext_class *l3 = mpam_ext_model_class(m, 3);
	unsigned int i, j, n = 0;

	buf[0] = '\0';
	for (i = 0; l3 && i < l3->nr_comp; i++) {
		if (mpam_ext_pick_dom_idx(pk, l3->comp[i].id) < 0)
			n += scnprintf(buf + n, len - n, "; L3 %u has no domain",
				       l3->comp[i].id);
	}
	for (i = 0; i < c->nr_comp; i++) {
		bool used = false;

		for (j = 0; j < pk->nr_dom; j++)
			if (pk->dom[j].comp == &c->comp[i])
				used = true;
		if (!used && !c->comp[i].excluded)
			n += scnprintf(buf + n, len - n,
				       "; component %u backs no L3 (stays at defaults)",
				       c->comp[i].id);
	}
}

static int mpx_domain_list(const struct mpam_ext_pick *pk, char *buf,
			   size_t len)
{
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for (i = 0; i < pk->nr_dom; i++)
		n += scnprintf(buf + n, len - n, "%s%u<-%u", i ? "," : "",
			       pk->dom[i].id, pk->dom[i].comp->id);
	return n;
}

/*
 * MB and mbm_total_bytes: the first class, in model order, that has the
 * feature, covers every CPU and maps onto L3 domains under the policy.
 */
static int mpx_pick_l3_scoped(struct mpam_ext_topo *t, struct mpam_ext_model *m,
			      struct mpam_ext_pick *pk, const char *what,
			      int only, bool mbwu)
{
	char why[MPAM_EXT_WHY_LEN], note[MPAM_EXT_WHY_LEN], doms[96];
	const char *pol = mpam_ext_policy_name(t->params.policy);
	unsigned int i;
	bool ok;
	int ret;

	for (i = 0; i < m->nr_classes; i++) {
		struct mpam_ext_class *c = &m->classes[i];

		if (only >= 0 && c->id != only)
			continue;
		if (c->type == MPAM_EXT_CLASS_OTHER)
			continue;
		if (c->type == MPAM_EXT_CLASS_CACHE && c->level < 3) {
			ret = mpx_decide(t, what, c->id, "skipped",
					 "%s is before L3", c->name);
			if (ret)
				return ret;
			continue;
		}
		/* Mainline: a cache beyond L3 does not see L3's traffic */
		if (t->params.policy == MPAM_EXT_POLICY_MAINLINE &&
		    c->type == MPAM_EXT_CLASS_CACHE && c->level > 3) {
			ret = mpx_decide(t, what, c->id, "skipped",
					 "%s is beyond L3 (policy %s takes L3 or memory)",
					 c->name, pol);
			if (ret)
				return ret;
			continue;
		}
		if (!mbwu && (!(c->props.features & BIT(MPAM_EXT_HW_MBW_MAX)) ||
			      !c->props.bwa_wd)) {
			ret = mpx_decide(t, what, c->id, "refused",
					 "no maximum bandwidth control");
			if (ret)
				return ret;
			continue;
		}
		if (mbwu && !c->props.num_mbwu_mon) {
			ret = mpx_decide(t, what, c->id, "refused",
					 "no MBWU monitors");
			if (ret)
				return ret;
			continue;
		}
		/* With mb_map=, the map says which L3s the class serves */
		if (!(t->params.policy == MPAM_EXT_POLICY_MATA && t->params.nr_map &&
		      c->type == MPAM_EXT_CLASS_MEM) &&
		    !mpx_covers(m, c, why, sizeof(why))) {
			ret = mpx_decide(t, what, c->id, "refused", "%s", why);
			if (ret)
				return ret;
			continue;
		}
		ret = mpx_match_l3(t, m, c, pk, why, sizeof(why), &ok);
		if (ret)
			return ret;
		if (!ok) {
			mpx_pick_reset(pk);
			ret = mpx_decide(t, what, c->id, "refused",
					 "topology does not match L3 (policy %s): %s",
					 pol, why);
			if (ret)
				return ret;
			continue;
		}
		pk->cls = c;
		mpx_domain_list(pk, doms, sizeof(doms));
		mpx_domains_note(m, c, pk, note, sizeof(note));
		return mpx_decide(t, what, c->id, "picked",
				  "policy %s, L3 domains <- %s components: %s%s",
				  pol, c->name, doms, note);
	}
	return mpx_decide(t, what, -1, "refused", "no class qualifies (policy %s)",
			  pol);
}

static int mpx_pick_mon(struct mpam_ext_topo *t, struct mpam_ext_model *m,
			enum mpam_ext_event ev, u8 level, bool csu)
{
	struct mpam_ext_class *c = mpam_ext_model_class(m, level);
	const char *what = mpx_ev_names[ev];
	char why[MPAM_EXT_WHY_LEN], note[MPAM_EXT_WHY_LEN];
	u16 n;
	int ret;

	if (!c)
		return mpx_decide(t, what, level, "absent",
				  "the platform has no L%u MSC", level);
	n = csu ? c->props.num_csu_mon : c->props.num_mbwu_mon;
	if (!n)
		return mpx_decide(t, what, level, "refused", "no %s monitors",
				  csu ? "CSU" : "MBWU");
	if (!mpx_covers(m, c, why, sizeof(why)))
		return mpx_decide(t, what, level, "refused", "%s", why);
	ret = mpx_pick_components(&t->ev[ev], c);
	if (ret)
		return ret;
	mpx_excluded_note(c, note, sizeof(note));
	return mpx_decide(t, what, level, "picked",
			  "domains %u, %u %s monitors per RIS%s",
			  t->ev[ev].nr_dom, n, csu ? "CSU" : "MBWU", note);
}

static int mpx_report_params(struct mpam_ext_topo *t, struct mpam_ext_model *m)
{
	struct mpam_ext_class *l3 = mpam_ext_model_class(m, 3);
	struct mpam_ext_class *mb = t->res[MPAM_EXT_RES_MB].cls;
	unsigned int i, k;
	int ret = 0;

	for (i = 0; i < t->params.nr_exclude && !ret; i++) {
		const struct mpam_ext_exclude *e = &t->params.exclude[i];
		char item[32];

		if (e->all)
			snprintf(item, sizeof(item), "msc %u", e->msc_id);
		else
			snprintf(item, sizeof(item), "msc %u ris %u", e->msc_id, e->ris);
		if (e->matched)
			ret = mpx_decide(t, "exclude", -1, "excluded",
					 "%s left out of every merge and pick", item);
		else
			ret = mpx_decide(t, "exclude", -1, "absent",
					 "%s: not in platform %s", item, m->plat->name);
	}
	for (i = 0; i < t->params.nr_map && !ret; i++) {
		const struct mpam_ext_map_entry *e = &t->params.map[i];

		if (!mb || mb->type != MPAM_EXT_CLASS_MEM || !e->matched) {
			ret = mpx_decide(t, "mb_map", -1, "absent",
					 "component %u: not a component of a memory class backing MB",
					 e->comp);
			continue;
		}
		for (k = 0; k < e->nr_l3 && !ret; k++)
			if (!l3 || !mpam_ext_class_component(l3, e->l3[k]))
				ret = mpx_decide(t, "mb_map", -1, "absent",
						 "component %u: L3 %u is not in platform %s",
						 e->comp, e->l3[k], m->plat->name);
	}
	if (!ret && t->params.mb_class >= 0 &&
	    !mpam_ext_model_class(m, t->params.mb_class))
		ret = mpx_decide(t, "mb_class", t->params.mb_class, "absent",
				 "class %d: not in platform %s", t->params.mb_class,
				 m->plat->name);
	if (!ret && m->nr_unused)
		ret = mpx_decide(t, "probe", -1, "unused",
				 "%u RIS refused by the probe leave their classes uncontrolled (debugfs msc/<id>/ris)",
				 m->nr_unused);
	return ret;
}

/**
 * mpam_ext_topo_free() - free a picking result.
 * @t:		the result, or NULL
 */
void mpam_ext_topo_free(struct mpam_ext_topo *t)
{
	unsigned int i;

	if (!t)
		return;
	for (i = 0; i < MPAM_EXT_RES_NR; i++)
		kfree(t->res[i].dom);
	for (i = 0; i < MPAM_EXT_EV_NR; i++)
		kfree(t->ev[i].dom);
	kfree(t->dec);
	kfree(t);
}

/**
 * mpam_ext_topo_pick() - decide what backs each resctrl resource and event.
 * @m:		the model, built with @p's exclusions
 * @p:		the parameters
 *
 * L2 and L3 come from the cache class of that level: it needs cache
 * portion control of at most 32 bits and must cover every CPU (the CPUs of
 * excluded components count as covered). MB comes from the first class at
 * or beyond L3 (or the mb_class= one) with maximum-bandwidth control that
 * covers every CPU and whose components map onto L3 domains: under
 * "mainline" each component is exactly one L3's CPUs and a memory class
 * needs one L3 and one node; under "mata" each component is a union of
 * whole L3s, or the mb_map= entries say which. llc_occupancy needs CSU
 * monitors on L3; mbm_total_bytes takes MBWU monitors from a class chosen
 * like MB; mbm_local_bytes is never offered; L2 monitors follow l2_mon=
 * (auto: on under "mata"). Process context.
 *
 * Return: the result, or NULL when out of memory.
 */
struct mpam_ext_topo *mpam_ext_topo_pick(struct mpam_ext_model *m,
					 const struct mpam_ext_topo_params *p)
{
	struct mpam_ext_topo *t;
	bool l2_mon;
	int ret;

	t = kzalloc_obj(*t, GFP_KERNEL);
	if (!t)
		return NULL;
	t->params = *p;
	l2_mon = p->l2_mon == MPAM_EXT_ON ||
		 (p->l2_mon == MPAM_EXT_AUTO && p->policy == MPAM_EXT_POLICY_MATA);

	ret = mpx_pick_cache(t, m, MPAM_EXT_RES_L2, 2);
	if (!ret)
		ret = mpx_pick_cache(t, m, MPAM_EXT_RES_L3, 3);
	if (!ret) {
		if (p->mb_class == MPAM_EXT_MB_CLASS_NONE)
			ret = mpx_decide(t, "MB", -1, "refused", "mb_class=none");
		else
			ret = mpx_pick_l3_scoped(t, m, &t->res[MPAM_EXT_RES_MB],
						 "MB", p->mb_class, false);
	}
	if (!ret)
		ret = mpx_pick_mon(t, m, MPAM_EXT_EV_LLC_OCCUPANCY, 3, true);
	if (!ret)
		ret = mpx_pick_l3_scoped(t, m, &t->ev[MPAM_EXT_EV_MBM_TOTAL],
					 "mbm_total_bytes", -1, true);
	if (!ret)
		ret = mpx_decide(t, "mbm_local_bytes", -1, "unused",
				 "no MSC tells local from remote traffic");
	if (!ret && !l2_mon)
		ret = mpx_decide(t, "L2 monitors", 2, "skipped",
				 p->l2_mon == MPAM_EXT_OFF ? "l2_mon=off" :
				 "policy mainline exposes monitors on L3 only (l2_mon=on to expose them)");
	if (!ret && l2_mon)
		ret = mpx_pick_mon(t, m, MPAM_EXT_EV_L2_OCCUPANCY, 2, true);
	if (!ret && l2_mon)
		ret = mpx_pick_mon(t, m, MPAM_EXT_EV_L2_MBM_TOTAL, 2, false);
	if (!ret)
		ret = mpx_report_params(t, m);
	if (ret) {
		mpam_ext_topo_free(t);
		return NULL;
	}
	return t;
}

/**
 * mpam_ext_decision_print() - one decision as a line of text.
 * @d:		the decision
 * @buf:	buffer for the line (no newline)
 * @len:	its size
 *
 * Format: "what=MB class=255 result=refused why=<rest of the line>";
 * "class=-" when the decision is about no class.
 *
 * Return: the length of the line.
 */
int mpam_ext_decision_print(const struct mpam_ext_decision *d, char *buf,
			    size_t len)
{
	char cls[12] = "-";

	if (d->class_id >= 0)
		snprintf(cls, sizeof(cls), "%d", d->class_id);
	return scnprintf(buf, len, "what=%s class=%s result=%s why=%s",
			 d->what, cls, d->result, d->why);
}

/**
 * mpam_ext_topo_show() - debugfs "decisions".
 * @s:		the seq_file
 * @t:		the picking result
 *
 * A "policy" line, then one decision per line, in the order made.
 */
void mpam_ext_topo_show(struct seq_file *s, const struct mpam_ext_topo *t)
{
	char line[MPAM_EXT_WHY_LEN + 64];
	unsigned int i;

	seq_printf(s, "policy %s\n", mpam_ext_policy_name(t->params.policy));
	for (i = 0; i < t->nr_dec; i++) {
		mpam_ext_decision_print(&t->dec[i], line, sizeof(line));
		seq_printf(s, "%s\n", line);
	}
}

/**
 * mpam_ext_pick_dom_idx() - where a domain is in a pick.
 * @pk:		the pick of a resource or event
 * @id:		the domain id
 *
 * Return: the index of @id in @pk->dom, or -1 when @pk has no such domain.
 */
int mpam_ext_pick_dom_idx(const struct mpam_ext_pick *pk, u32 id)
{
	unsigned int i;

	for (i = 0; i < pk->nr_dom; i++)
		if (pk->dom[i].id == id)
			return i;
	return -1;
}

/**
 * mpam_ext_topo_find() - the last decision about a subject.
 * @t:		the picking result
 * @what:	the subject ("MB", "llc_occupancy", ...)
 *
 * Return: the decision, or NULL.
 */
const struct mpam_ext_decision *mpam_ext_topo_find(const struct mpam_ext_topo *t,
						   const char *what)
{
	const struct mpam_ext_decision *found = NULL;
	unsigned int i;

	for (i = 0; i < t->nr_dec; i++)
		if (!strcmp(t->dec[i].what, what))
			found = &t->dec[i];
	return found;
}
