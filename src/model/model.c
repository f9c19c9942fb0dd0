// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext model: the class -> component -> vMSC -> RIS tree and the
 * feature merge, with a record of every property a merge cleared or
 * narrowed. Rules and formats: docs/model.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/model/model.h>
#include <mpam_ext/model/model_test.h>

#define MPX_F(f)	BIT(MPAM_EXT_HW_##f)

/* How a property merges */
enum mpx_kind {
	MPX_K_EQUAL,	/* the feature's width must be the same */
	MPX_K_MIN,	/* the smaller value is kept */
	MPX_K_PRESENT,	/* a feature without a value */
	MPX_K_LIMIT,	/* no feature bit: always the smaller value */
};

/**
 * struct mpx_prop - how one merged property behaves.
 * @name:	name in records and debugfs
 * @label:	what a user loses with it, for dmesg
 * @unit:	what the value is, for dmesg
 * @feat:	its enum mpam_ext_hw_feature bit, or -1
 * @pol:	the feature bit of its "0 is low" polarity, or -1
 * @kind:	enum mpx_kind
 * @value_only:	a value that belongs to @feat's entry: never clears it
 * @off:	offset of its value in struct mpam_ext_ris_hw
 * @size:	size of that value (1 or 2), 0 for none
 */
struct mpx_prop {
	const char *name;
	const char *label;
	const char *unit;
	int feat;
	int pol;
	enum mpx_kind kind;
	bool value_only;
	size_t off;
	size_t size;
};

/* Where a value lives in struct mpam_ext_ris_hw */
#define MPX_OFF(f)	offsetof(struct mpam_ext_ris_hw, f)
#define MPX_SIZE(f)	sizeof_field(struct mpam_ext_ris_hw, f)

static const struct mpx_prop mpx_props[MPAM_EXT_PROP_NR] = {
	[MPAM_EXT_PROP_CPOR] = {
		"cpor", "cache portion control", "width",
		MPAM_EXT_HW_CPOR, -1, MPX_K_EQUAL, false,
		MPX_OFF(cpbm_wd), MPX_SIZE(cpbm_wd) },
	[MPAM_EXT_PROP_MBW_PBM] = {
		"mbw_pbm", "bandwidth portion control", "width",
		MPAM_EXT_HW_MBW_PBM, -1, MPX_K_EQUAL, false,
		MPX_OFF(mbw_pbm_bits), MPX_SIZE(mbw_pbm_bits) },
	[MPAM_EXT_PROP_CASSOC] = {
		"cassoc", "cache associativity control", "width",
		MPAM_EXT_HW_CASSOC, -1, MPX_K_EQUAL, false,
		MPX_OFF(cassoc_wd), MPX_SIZE(cassoc_wd) },
	[MPAM_EXT_PROP_CMAX] = {
		"cmax", "cache capacity control", "width",
		MPAM_EXT_HW_CMAX, -1, MPX_K_MIN, false,
		MPX_OFF(cmax_wd), MPX_SIZE(cmax_wd) },
	[MPAM_EXT_PROP_CMIN] = {
		"cmin", "minimum cache capacity control", "width",
		MPAM_EXT_HW_CMIN, -1, MPX_K_MIN, false,
		MPX_OFF(cmax_wd), MPX_SIZE(cmax_wd) },
	[MPAM_EXT_PROP_CMAX_SOFTLIM] = {
		"cmax_softlim", "soft cache capacity limit", "present",
		MPAM_EXT_HW_CMAX_SOFTLIM, -1, MPX_K_PRESENT, false, 0, 0 },
	[MPAM_EXT_PROP_MBW_MAX] = {
		"mbw_max", "maximum bandwidth control", "width",
		MPAM_EXT_HW_MBW_MAX, -1, MPX_K_MIN, false,
		MPX_OFF(bwa_wd), MPX_SIZE(bwa_wd) },
	[MPAM_EXT_PROP_MBW_MIN] = {
		"mbw_min", "minimum bandwidth control", "width",
		MPAM_EXT_HW_MBW_MIN, -1, MPX_K_MIN, false,
		MPX_OFF(bwa_wd), MPX_SIZE(bwa_wd) },
	[MPAM_EXT_PROP_MBW_PROP] = {
		"mbw_prop", "proportional bandwidth control", "width",
		MPAM_EXT_HW_MBW_PROP, -1, MPX_K_MIN, false,
		MPX_OFF(bwa_wd), MPX_SIZE(bwa_wd) },
	[MPAM_EXT_PROP_MBW_WINWD] = {
		"mbw_winwd", "bandwidth window control", "present",
		MPAM_EXT_HW_MBW_WINWD, -1, MPX_K_PRESENT, false, 0, 0 },
	[MPAM_EXT_PROP_INTPRI] = {
		"intpri", "internal priority control", "width",
		MPAM_EXT_HW_INTPRI, MPAM_EXT_HW_INTPRI_0_IS_LOW, MPX_K_MIN, false,
		MPX_OFF(intpri_wd), MPX_SIZE(intpri_wd) },
	[MPAM_EXT_PROP_DSPRI] = {
		"dspri", "downstream priority control", "width",
		MPAM_EXT_HW_DSPRI, MPAM_EXT_HW_DSPRI_0_IS_LOW, MPX_K_MIN, false,
		MPX_OFF(dspri_wd), MPX_SIZE(dspri_wd) },
	[MPAM_EXT_PROP_CSU] = {
		"csu", "CSU monitors", "monitors",
		MPAM_EXT_HW_CSU, -1, MPX_K_MIN, false,
		MPX_OFF(num_csu_mon), MPX_SIZE(num_csu_mon) },
	[MPAM_EXT_PROP_MBWU] = {
		"mbwu", "MBWU monitors", "monitors",
		MPAM_EXT_HW_MBWU, -1, MPX_K_MIN, false,
		MPX_OFF(num_mbwu_mon), MPX_SIZE(num_mbwu_mon) },
	[MPAM_EXT_PROP_MBWU_WIDTH] = {
		"mbwu_width", "MBWU counter width", "bits",
		MPAM_EXT_HW_MBWU, -1, MPX_K_MIN, true,
		MPX_OFF(mbwu_width), MPX_SIZE(mbwu_width) },
	[MPAM_EXT_PROP_MBWU_RWBW] = {
		"mbwu_rwbw", "MBWU read/write filter", "present",
		MPAM_EXT_HW_MBWU_RWBW, -1, MPX_K_PRESENT, false, 0, 0 },
	[MPAM_EXT_PROP_PARTID] = {
		"partid_max", "PARTIDs", "partid_max",
		-1, -1, MPX_K_LIMIT, false,
		MPX_OFF(partid_max), MPX_SIZE(partid_max) },
	[MPAM_EXT_PROP_PMG] = {
		"pmg_max", "PMGs", "pmg_max",
		-1, -1, MPX_K_LIMIT, false,
		MPX_OFF(pmg_max), MPX_SIZE(pmg_max) },
};

/* Features the merge carries; the others (ESR, narrowing) are per MSC */
#define MPX_MERGED	(MPX_F(CPOR) | MPX_F(MBW_PBM) | MPX_F(CASSOC) |	\
			 MPX_F(CMAX) | MPX_F(CMIN) | MPX_F(CMAX_SOFTLIM) |	\
			 MPX_F(MBW_MAX) | MPX_F(MBW_MIN) | MPX_F(MBW_PROP) |	\
			 MPX_F(MBW_WINWD) | MPX_F(INTPRI) |			\
			 MPX_F(INTPRI_0_IS_LOW) | MPX_F(DSPRI) |		\
			 MPX_F(DSPRI_0_IS_LOW) | MPX_F(CSU) | MPX_F(MBWU) |	\
			 MPX_F(MBWU_RWBW))

static const char * const mpx_rule_names[] = {
	[MPAM_EXT_RULE_NEEDED_EVERYWHERE]	= "needed-everywhere",
	[MPAM_EXT_RULE_WIDTH_MUST_MATCH]	= "width-must-match",
	[MPAM_EXT_RULE_POLARITY_MUST_MATCH]	= "polarity-must-match",
	[MPAM_EXT_RULE_TAKE_MIN]		= "take-min",
	[MPAM_EXT_RULE_SHARED_MIN]		= "shared-take-min",
	[MPAM_EXT_RULE_REFUSED]			= "refused",
};

/**
 * mpam_ext_prop_name() - the name of a merged property.
 * @prop:	the property
 *
 * Return: its name in records and debugfs ("cpor", "csu", ...), or "?".
 */
const char *mpam_ext_prop_name(enum mpam_ext_prop prop)
{
	return prop < MPAM_EXT_PROP_NR ? mpx_props[prop].name : "?";
}

/**
 * mpam_ext_prop_label() - what a user loses with a property.
 * @prop:	the property
 *
 * Return: a short label ("cache portion control"), or "?".
 */
const char *mpam_ext_prop_label(enum mpam_ext_prop prop)
{
	return prop < MPAM_EXT_PROP_NR ? mpx_props[prop].label : "?";
}

/**
 * mpam_ext_rule_name() - the name of a merge rule.
 * @rule:	the rule
 *
 * Return: its name ("needed-everywhere", ...), or "?".
 */
const char *mpam_ext_rule_name(enum mpam_ext_merge_rule rule)
{
	return rule < ARRAY_SIZE(mpx_rule_names) ? mpx_rule_names[rule] : "?";
}

static u32 mpx_get(const struct mpam_ext_ris_hw *hw, const struct mpx_prop *d)
{
	const u8 *p = (const u8 *)hw + d->off;

	if (d->size == 1)
		return *p;
	if (d->size == 2)
		return *(const u16 *)p;
	/* A presence property reads as 1 when its feature is there */
	return d->feat >= 0 && (hw->features & BIT(d->feat));
}

static void mpx_set(struct mpam_ext_ris_hw *hw, const struct mpx_prop *d,
		    u32 v)
{
	u8 *p = (u8 *)hw + d->off;

	if (d->size == 1)
		*p = v;
	else if (d->size == 2)
		*(u16 *)p = v;
}

static bool mpx_model_has(const struct mpam_ext_ris_hw *hw, int feat)
{
	return feat >= 0 && (hw->features & BIT(feat));
}

/**
 * mpam_ext_prop_value() - the value of a merged property.
 * @hw:		the properties
 * @prop:	the property
 *
 * Return: its width, count or range; for a feature without a value, 1
 * when the feature is there and 0 when not; 0 for an unknown property.
 */
u32 mpam_ext_prop_value(const struct mpam_ext_ris_hw *hw,
			enum mpam_ext_prop prop)
{
	return prop < MPAM_EXT_PROP_NR ? mpx_get(hw, &mpx_props[prop]) : 0;
}

/* Does @o have a feature whose value lives in @d's slot (bwa_wd, ...)? */
static bool mpx_shares_slot(const struct mpx_prop *d, const struct mpx_prop *o)
{
	return d->size && o->size && o->feat >= 0 && o->off == d->off;
}

/* The features whose value lives in @d's slot, @d's own among them */
static unsigned long mpx_slot_feats(const struct mpx_prop *d)
{
	unsigned long feats = 0;
	unsigned int j;

	for (j = 0; j < MPAM_EXT_PROP_NR; j++)
		if (mpx_shares_slot(d, &mpx_props[j]))
			feats |= BIT(mpx_props[j].feat);
	return feats;
}

static void mpx_rec(struct mpam_ext_merge_rec *rec, unsigned int *n,
		    enum mpam_ext_prop prop, enum mpam_ext_merge_rule rule,
		    bool cleared, u32 before, u32 child, u32 after)
{
	struct mpam_ext_merge_rec *r = &rec[(*n)++];

	memset(r, 0, sizeof(*r));
	r->prop = prop;
	r->rule = rule;
	r->cleared = cleared;
	r->before = before;
	r->child = child;
	r->after = after;
}

/*
 * Record, once per property, every feature of @parent (those in @had)
 * whose value lives in the slot of @d and is narrowed from @pv to @cv.
 */
static void mpx_union_narrow(struct mpam_ext_merge_rec *rec, unsigned int *n,
			     unsigned long *recorded, unsigned long had,
			     const struct mpx_prop *d, u32 pv, u32 cv)
{
	unsigned int j;

	for (j = 0; j < MPAM_EXT_PROP_NR; j++) {
		const struct mpx_prop *o = &mpx_props[j];

		if (!mpx_shares_slot(d, o) || !(had & BIT(o->feat)) ||
		    (*recorded & BIT(j)))
			continue;
		*recorded |= BIT(j);
		mpx_rec(rec, n, j, MPAM_EXT_RULE_SHARED_MIN, false, pv, cv, cv);
	}
}

/*
 * Add to @parent every merged feature of @child it lacks, with its values
 * and polarity. Return the features added. Two features can share one
 * value (bwa_wd, cmax_wd): when an added feature's value differs from the
 * one a feature @parent already has in that slot, the slot takes the
 * smaller and each narrowed property gets a record in @rec (when not
 * NULL; room for MPAM_EXT_PROP_NR, counted in *@n).
 */
static unsigned long mpx_union(struct mpam_ext_ris_hw *parent,
			       const struct mpam_ext_ris_hw *child,
			       struct mpam_ext_merge_rec *rec, unsigned int *n)
{
	/* Polarity bits come with their feature, never on their own */
	unsigned long added = child->features & ~parent->features & MPX_MERGED &
			      ~(MPX_F(INTPRI_0_IS_LOW) | MPX_F(DSPRI_0_IS_LOW));
	unsigned long had = parent->features & MPX_MERGED;
	unsigned long recorded = 0;
	unsigned int i;

	parent->features |= added;
	for (i = 0; i < MPAM_EXT_PROP_NR; i++) {
		const struct mpx_prop *d = &mpx_props[i];
		u32 pv, cv;

		if (d->feat < 0 || !(added & BIT(d->feat)))
			continue;
		if (d->pol >= 0) {
			parent->features &= ~BIT(d->pol);
			parent->features |= child->features & BIT(d->pol);
		}
		if (!d->size)
			continue;
		pv = mpx_get(parent, d);
		cv = mpx_get(child, d);
		if (!(had & mpx_slot_feats(d)) || cv == pv) {
			mpx_set(parent, d, cv);
			continue;
		}
		if (cv < pv) {
			/* what @parent had is narrowed to @child's value */
			mpx_set(parent, d, cv);
			if (rec)
				mpx_union_narrow(rec, n, &recorded, had, d, pv, cv);
		} else if (rec && !(recorded & BIT(i))) {
			/* the added feature keeps @parent's smaller value */
			recorded |= BIT(i);
			mpx_rec(rec, n, i, MPAM_EXT_RULE_SHARED_MIN, false, pv,
				cv, pv);
		}
	}
	return added;
}

/*
 * Zero the values that no remaining feature uses (a width shared by two
 * features stays while one of them is left) and the polarity bits of
 * cleared features.
 */
static void mpx_normalise(struct mpam_ext_ris_hw *hw)
{
	unsigned int i;

	for (i = 0; i < MPAM_EXT_PROP_NR; i++) {
		const struct mpx_prop *d = &mpx_props[i];

		if (d->feat < 0)
			continue;
		if (d->pol >= 0 && !mpx_model_has(hw, d->feat))
			hw->features &= ~BIT(d->pol);
		if (d->size && !(hw->features & mpx_slot_feats(d)))
			mpx_set(hw, d, 0);
	}
}

/**
 * mpam_ext_merge() - merge one child's properties into its parent's.
 * @parent:	the parent's properties, changed in place
 * @child:	the child's properties
 * @alias:	the children alias (RIS of one vMSC): a feature only one
 *		child has is kept; otherwise a child without a feature
 *		clears it
 * @rec:	room for MPAM_EXT_PROP_NR records; each property the merge
 *		clears or narrows gets one, with @prop, @rule, @cleared,
 *		@before, @child and @after set and the rest zero
 *
 * Rules (docs/model.md): portion bitmaps and the associativity fraction
 * need equal widths; fraction widths, priority widths, monitor counts,
 * the MBWU counter width and the PARTID and PMG ranges take the minimum;
 * priorities need the same "0 is low" polarity. A parent that lacks a
 * feature never gains it without @alias.
 *
 * Return: the number of records written.
 */
unsigned int mpam_ext_merge(struct mpam_ext_ris_hw *parent,
			    const struct mpam_ext_ris_hw *child, bool alias,
			    struct mpam_ext_merge_rec *rec)
{
	unsigned long added = 0;
	unsigned int i, n = 0;

	if (alias)
		added = mpx_union(parent, child, rec, &n);

	for (i = 0; i < MPAM_EXT_PROP_NR; i++) {
		const struct mpx_prop *d = &mpx_props[i];
		u32 pv = mpx_get(parent, d), cv = mpx_get(child, d);

		if (d->kind == MPX_K_LIMIT) {
			if (cv < pv) {
				mpx_set(parent, d, cv);
				mpx_rec(rec, &n, i, MPAM_EXT_RULE_TAKE_MIN,
					false, pv, cv, cv);
			}
			continue;
		}
		if (!mpx_model_has(parent, d->feat) || (added & BIT(d->feat)))
			continue;
		if (!mpx_model_has(child, d->feat)) {
			if (alias || d->value_only)
				continue;
			parent->features &= ~BIT(d->feat);
			mpx_rec(rec, &n, i, MPAM_EXT_RULE_NEEDED_EVERYWHERE,
				true, pv, 0, 0);
			continue;
		}
		if (d->kind == MPX_K_EQUAL && cv != pv) {
			parent->features &= ~BIT(d->feat);
			mpx_rec(rec, &n, i, MPAM_EXT_RULE_WIDTH_MUST_MATCH,
				true, pv, cv, 0);
			continue;
		}
		if (d->kind == MPX_K_MIN && cv < pv) {
			mpx_set(parent, d, cv);
			mpx_rec(rec, &n, i, MPAM_EXT_RULE_TAKE_MIN, false,
				pv, cv, cv);
		}
		if (d->pol >= 0 && mpx_model_has(parent, d->pol) != mpx_model_has(child, d->pol)) {
			parent->features &= ~BIT(d->feat);
			mpx_rec(rec, &n, i, MPAM_EXT_RULE_POLARITY_MUST_MATCH,
				true, mpx_model_has(parent, d->pol),
				mpx_model_has(child, d->pol), 0);
		}
	}
	mpx_normalise(parent);
	return n;
}

/**
 * mpam_ext_merge_union() - start a merge without alias from its children.
 * @parent:	the parent's properties, changed in place
 * @child:	one child's properties
 * @first:	@child is the first: @parent is set from it
 *
 * Called for every child before the mpam_ext_merge() calls without alias,
 * it gives the parent every feature any child has, so that each child that
 * lacks one is recorded, whatever the order of the children.
 */
void mpam_ext_merge_union(struct mpam_ext_ris_hw *parent,
			  const struct mpam_ext_ris_hw *child, bool first)
{
	if (first) {
		memset(parent, 0, sizeof(*parent));
		parent->partid_max = child->partid_max;
		parent->pmg_max = child->pmg_max;
	}
	mpx_union(parent, child, NULL, NULL);
}

/* Building the tree */

static int mpx_add_recs(struct mpam_ext_class *c,
			const struct mpam_ext_merge_rec *rec, unsigned int n,
			enum mpam_ext_merge_level level, u32 comp_id,
			u32 msc_id, u16 ris)
{
	struct mpam_ext_merge_rec *grown;
	unsigned int i;

	if (!n)
		return 0;
	grown = krealloc_array(c->rec, c->nr_rec + n, sizeof(*grown),
			       GFP_KERNEL);
	if (!grown)
		return -ENOMEM;
	c->rec = grown;
	for (i = 0; i < n; i++) {
		grown[c->nr_rec] = rec[i];
		grown[c->nr_rec].level = level;
		grown[c->nr_rec].class_id = c->id;
		grown[c->nr_rec].comp_id = comp_id;
		grown[c->nr_rec].msc_id = msc_id;
		grown[c->nr_rec].ris = ris;
		c->nr_rec++;
	}
	return 0;
}

/* The RIS indexes of @v whose position is set in @which */
static u16 mpx_vmsc_idx_bits(const struct mpam_ext_vmsc *v, u16 which)
{
	u16 bits = 0;
	unsigned int i;

	for (i = 0; i < v->nr_ris; i++)
		if (which & BIT(i))
			bits |= BIT(v->ris[i]->idx);
	return bits;
}

static u16 mpx_vmsc_ris_bits(const struct mpam_ext_vmsc *v)
{
	return mpx_vmsc_idx_bits(v, ~v->ris_excluded);
}

/*
 * A vMSC with a refused RIS leaves part of its component uncontrolled:
 * every merged feature of @props goes, each with a "refused" record in
 * @rec (room for MPAM_EXT_PROP_NR). Return: the number of records.
 */
static unsigned int mpx_refuse(struct mpam_ext_ris_hw *props,
			       struct mpam_ext_merge_rec *rec)
{
	unsigned long lost = props->features & MPX_MERGED;
	unsigned int i, n = 0;

	for (i = 0; i < MPAM_EXT_PROP_NR; i++) {
		const struct mpx_prop *d = &mpx_props[i];

		if (d->feat < 0 || d->value_only || !(lost & BIT(d->feat)))
			continue;
		mpx_rec(rec, &n, i, MPAM_EXT_RULE_REFUSED, true,
			d->size ? mpx_get(props, d) : 1, 0, 0);
	}
	props->features &= ~lost;
	mpx_normalise(props);
	return n;
}

/* RIS into vMSC, with alias */
static int mpx_merge_vmsc(struct mpam_ext_vmsc *v)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_class *c = v->comp->cls;
	bool first = true;
	unsigned int i, n;
	int ret;

	memset(&v->props, 0, sizeof(v->props));
	for (i = 0; i < v->nr_ris; i++) {
		if ((v->ris_excluded | v->ris_refused) & BIT(i))
			continue;
		if (first) {
			mpam_ext_merge_union(&v->props, &v->ris[i]->hw, true);
			first = false;
			continue;
		}
		n = mpam_ext_merge(&v->props, &v->ris[i]->hw, true, rec);
		ret = mpx_add_recs(c, rec, n, MPAM_EXT_MERGE_VMSC, v->comp->id,
				   v->msc->id, BIT(v->ris[i]->idx));
		if (ret)
			return ret;
	}
	return 0;
}

/*
 * vMSCs into @props without alias, recorded at @level. The merge starts
 * from the union of the vMSCs; each vMSC is recorded against that union,
 * so every vMSC that lacks a feature (or has another width, or a smaller
 * count) is named, whatever the order. A refused vMSC takes every feature
 * away, recorded against the union too.
 */
static int mpx_merge_vmscs(struct mpam_ext_class *c,
			   struct mpam_ext_component *only,
			   struct mpam_ext_ris_hw *props,
			   enum mpam_ext_merge_level level)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw ref, tmp;
	unsigned int i, j, n;
	bool first = true;
	int ret;

	memset(props, 0, sizeof(*props));
	for (i = 0; i < c->nr_comp; i++) {
		struct mpam_ext_component *comp = &c->comp[i];

		if (only && comp != only)
			continue;
		for (j = 0; j < comp->nr_vmsc; j++) {
			if (comp->vmsc[j].excluded || comp->vmsc[j].refused)
				continue;
			mpam_ext_merge_union(props, &comp->vmsc[j].props, first);
			first = false;
		}
	}
	ref = *props;
	for (i = 0; i < c->nr_comp; i++) {
		struct mpam_ext_component *comp = &c->comp[i];

		if (only && comp != only)
			continue;
		for (j = 0; j < comp->nr_vmsc; j++) {
			struct mpam_ext_vmsc *v = &comp->vmsc[j];

			if (v->excluded)
				continue;
			tmp = ref;
			if (v->refused) {
				mpx_refuse(props, rec);
				n = mpx_refuse(&tmp, rec);
				ret = mpx_add_recs(c, rec, n, level, comp->id,
						   v->msc->id,
						   mpx_vmsc_idx_bits(v, v->ris_refused));
				if (ret)
					return ret;
				continue;
			}
			mpam_ext_merge(props, &v->props, false, rec);
			n = mpam_ext_merge(&tmp, &v->props, false, rec);
			ret = mpx_add_recs(c, rec, n, level, comp->id, v->msc->id,
					   mpx_vmsc_ris_bits(v));
			if (ret)
				return ret;
		}
	}
	return 0;
}

static u8 mpx_class_of(const struct mpam_ext_ris_desc *r)
{
	switch (r->loc) {
	case MPAM_EXT_LOC_CACHE:
		return r->level;
	case MPAM_EXT_LOC_MEMORY:
		return MPAM_EXT_CLASS_MEMORY;
	default:
		return MPAM_EXT_CLASS_UNKNOWN;
	}
}

static u32 mpx_comp_of(const struct mpam_ext_ris_desc *r)
{
	if (r->loc == MPAM_EXT_LOC_CACHE || r->loc == MPAM_EXT_LOC_MEMORY)
		return r->id;
	return 0;
}

/* The CPUs a RIS's locator names */
static void mpx_loc_cpus(const struct mpam_ext_platform *p,
			 const struct mpam_ext_ris_desc *r, struct cpumask *out)
{
	unsigned int i;

	cpumask_clear(out);
	if (r->loc == MPAM_EXT_LOC_CACHE) {
		for (i = 0; i < p->nr_caches; i++)
			if (p->caches[i].level == r->level && p->caches[i].id == r->id)
				cpumask_copy(out, &p->caches[i].cpus);
	} else if (r->loc == MPAM_EXT_LOC_MEMORY) {
		for (i = 0; i < p->nr_mems; i++)
			if (p->mems[i].id == r->id)
				cpumask_copy(out, &p->mems[i].cpus);
	}
}

static bool mpx_excluded(const struct mpam_ext_model_input *in,
			 const struct mpam_ext_msc_desc *msc,
			 const struct mpam_ext_ris_desc *r)
{
	bool hit = false;
	unsigned int i;

	for (i = 0; i < in->nr_exclude; i++) {
		struct mpam_ext_exclude *e = &in->exclude[i];

		if (e->msc_id == msc->id && (e->all || e->ris == r->idx)) {
			e->matched = true;
			hit = true;
		}
	}
	return hit;
}

static int mpx_class_cmp(const void *a, const void *b)
{
	const struct mpam_ext_class *x = a, *y = b;
	/* caches by level, then memory, then unknown */
	int kx = x->type == MPAM_EXT_CLASS_CACHE ? x->level : x->id == 255 ? 300 : 400;
	int ky = y->type == MPAM_EXT_CLASS_CACHE ? y->level : y->id == 255 ? 300 : 400;

	return kx - ky;
}

/* Find or add the class, component and vMSC of a RIS */
static struct mpam_ext_vmsc *mpx_place(struct mpam_ext_model *m,
				       unsigned int max_items,
				       const struct mpam_ext_msc_desc *msc,
				       const struct mpam_ext_ris_desc *r)
{
	u8 cid = mpx_class_of(r);
	u32 comp_id = mpx_comp_of(r);
	struct mpam_ext_component *comp = NULL;
	struct mpam_ext_class *c = NULL;
	unsigned int i;

	for (i = 0; i < m->nr_classes; i++)
		if (m->classes[i].id == cid)
			c = &m->classes[i];
	if (!c) {
		c = &m->classes[m->nr_classes++];
		c->id = cid;
		if (r->loc == MPAM_EXT_LOC_CACHE) {
			c->type = MPAM_EXT_CLASS_CACHE;
			c->level = r->level;
			snprintf(c->name, sizeof(c->name), "L%u", r->level);
		} else if (r->loc == MPAM_EXT_LOC_MEMORY) {
			c->type = MPAM_EXT_CLASS_MEM;
			strscpy(c->name, "MEM", sizeof(c->name));
		} else {
			c->type = MPAM_EXT_CLASS_OTHER;
			strscpy(c->name, "UNKNOWN", sizeof(c->name));
		}
		c->comp = kcalloc(max_items, sizeof(*c->comp), GFP_KERNEL);
		if (!c->comp)
			return NULL;
	}
	for (i = 0; i < c->nr_comp; i++)
		if (c->comp[i].id == comp_id)
			comp = &c->comp[i];
	if (!comp) {
		comp = &c->comp[c->nr_comp++];
		comp->cls = c;
		comp->id = comp_id;
		comp->vmsc = kcalloc(max_items, sizeof(*comp->vmsc), GFP_KERNEL);
		if (!comp->vmsc)
			return NULL;
	}
	for (i = 0; i < comp->nr_vmsc; i++)
		if (comp->vmsc[i].msc == msc)
			return &comp->vmsc[i];
	comp->vmsc[comp->nr_vmsc].comp = comp;
	comp->vmsc[comp->nr_vmsc].msc = msc;
	return &comp->vmsc[comp->nr_vmsc++];
}

/* After sorting the classes, point components back at their class */
static void mpx_fix_links(struct mpam_ext_model *m)
{
	unsigned int i, j, k;

	for (i = 0; i < m->nr_classes; i++) {
		struct mpam_ext_class *c = &m->classes[i];

		for (j = 0; j < c->nr_comp; j++) {
			c->comp[j].cls = c;
			for (k = 0; k < c->comp[j].nr_vmsc; k++)
				c->comp[j].vmsc[k].comp = &c->comp[j];
		}
	}
}

static int mpx_merge_class(struct mpam_ext_class *c)
{
	struct cpumask covered;
	unsigned int i, j;
	int ret;

	cpumask_clear(&c->cpus);
	cpumask_clear(&covered);
	for (i = 0; i < c->nr_comp; i++) {
		struct mpam_ext_component *comp = &c->comp[i];

		comp->excluded = true;
		cpumask_clear(&comp->cpus);
		for (j = 0; j < comp->nr_vmsc; j++) {
			struct mpam_ext_vmsc *v = &comp->vmsc[j];

			v->excluded = v->ris_excluded == GENMASK(v->nr_ris - 1, 0);
			v->refused = v->ris_refused && !v->excluded;
			cpumask_or(&comp->cpus, &comp->cpus, &v->cpus);
			if (v->excluded)
				continue;
			comp->excluded = false;
			ret = mpx_merge_vmsc(v);
			if (ret)
				return ret;
		}
		if (comp->excluded)
			cpumask_or(&covered, &covered, &comp->cpus);
		else
			cpumask_or(&c->cpus, &c->cpus, &comp->cpus);
	}
	cpumask_andnot(&c->excluded_cpus, &covered, &c->cpus);
	for (i = 0; i < c->nr_comp; i++) {
		if (c->comp[i].excluded)
			continue;
		ret = mpx_merge_vmscs(c, &c->comp[i], &c->comp[i].props,
				      MPAM_EXT_MERGE_COMPONENT);
		if (ret)
			return ret;
	}
	return mpx_merge_vmscs(c, NULL, &c->props, MPAM_EXT_MERGE_CLASS);
}

/**
 * mpam_ext_model_free() - free a model.
 * @m:		the model, or NULL
 */
void mpam_ext_model_free(struct mpam_ext_model *m)
{
	unsigned int i, j;

	if (!m)
		return;
	for (i = 0; i < m->nr_classes; i++) {
		struct mpam_ext_class *c = &m->classes[i];

		for (j = 0; c->comp && j < c->nr_comp; j++)
			kfree(c->comp[j].vmsc);
		kfree(c->comp);
		kfree(c->rec);
	}
	kfree(m->classes);
	kfree(m);
}

/**
 * mpam_ext_model_build() - build the model of a platform and merge it.
 * @in:		the platform, which RIS are usable, and the exclusions
 *
 * Classes are caches by level, the memory class (255) and the class of RIS
 * with an unknown locator (254); components are caches and memory nodes;
 * a vMSC is the RIS of one MSC in one component. Excluded RIS stay in
 * the tree, marked, and take no part in any merge; RIS that are not
 * usable (refused by the probe) stay, marked, and take every feature
 * away from the merges without alias they are part of. The exclusions
 * that name something in the platform get @matched set. Process context.
 *
 * Return: the model, or NULL when out of memory.
 */
struct mpam_ext_model *mpam_ext_model_build(const struct mpam_ext_model_input *in)
{
	const struct mpam_ext_platform *p = in->plat;
	unsigned int i, j, nr_ris = 0;
	struct mpam_ext_model *m;

	m = kzalloc_obj(*m, GFP_KERNEL);
	if (!m)
		return NULL;
	m->plat = p;
	for (i = 0; i < p->nr_caches; i++)
		cpumask_or(&m->all_cpus, &m->all_cpus, &p->caches[i].cpus);
	for (i = 0; i < p->nr_mems; i++)
		cpumask_or(&m->all_cpus, &m->all_cpus, &p->mems[i].cpus);
	if (in->cpus)
		cpumask_or(&m->all_cpus, &m->all_cpus, in->cpus);
	m->nr_nodes = in->nr_nodes;
	for (i = 0; i < p->nr_mscs; i++)
		nr_ris += p->mscs[i].nr_ris;
	/* at most 7 cache levels, memory and unknown */
	m->classes = kcalloc(9, sizeof(*m->classes), GFP_KERNEL);
	if (!m->classes)
		goto err;

	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_msc_desc *msc = &p->mscs[i];

		for (j = 0; j < msc->nr_ris; j++) {
			const struct mpam_ext_ris_desc *r = &msc->ris[j];
			/* Also marks exclusions of RIS that are not usable */
			bool excluded = mpx_excluded(in, msc, r);
			struct mpam_ext_vmsc *v;
			struct cpumask cpus;

			bool refused = in->usable &&
				       !in->usable(msc, r, in->usable_arg);

			if (refused)
				m->nr_unused++;
			v = mpx_place(m, nr_ris, msc, r);
			if (!v)
				goto err;
			if (excluded)
				v->ris_excluded |= BIT(v->nr_ris);
			else if (refused)
				v->ris_refused |= BIT(v->nr_ris);
			v->ris[v->nr_ris++] = r;
			mpx_loc_cpus(p, r, &cpus);
			/* An MSC only some CPUs reach serves only those */
			if (msc->has_affinity)
				cpumask_and(&cpus, &cpus, &msc->affinity);
			cpumask_or(&v->cpus, &v->cpus, &cpus);
		}
	}
	sort(m->classes, m->nr_classes, sizeof(*m->classes), mpx_class_cmp, NULL);
	mpx_fix_links(m);
	for (i = 0; i < m->nr_classes; i++)
		if (mpx_merge_class(&m->classes[i]))
			goto err;
	return m;

err:
	mpam_ext_model_free(m);
	return NULL;
}

/**
 * mpam_ext_model_class() - find a class.
 * @m:		the model
 * @id:		cache level, MPAM_EXT_CLASS_MEMORY or MPAM_EXT_CLASS_UNKNOWN
 *
 * Return: the class, or NULL.
 */
struct mpam_ext_class *mpam_ext_model_class(const struct mpam_ext_model *m,
					    u8 id)
{
	unsigned int i;

	for (i = 0; i < m->nr_classes; i++)
		if (m->classes[i].id == id)
			return &m->classes[i];
	return NULL;
}

/**
 * mpam_ext_class_component() - find a component of a class.
 * @c:		the class
 * @id:		the component id (cache id or memory node)
 *
 * Return: the component, or NULL.
 */
struct mpam_ext_component *mpam_ext_class_component(const struct mpam_ext_class *c,
						    u32 id)
{
	unsigned int i;

	for (i = 0; i < c->nr_comp; i++)
		if (c->comp[i].id == id)
			return &c->comp[i];
	return NULL;
}

/* Printing */

static int mpx_ris_list(u16 bits, char *buf, size_t len)
{
	unsigned long b = bits;
	unsigned int i;
	int n = 0;

	buf[0] = '\0';
	for_each_set_bit(i, &b, MPAM_EXT_MAX_RIS)
		n += scnprintf(buf + n, len - n, "%s%u", n ? "," : "", i);
	return n;
}

/**
 * mpam_ext_merge_rec_print() - one merge record as a line of text.
 * @r:		the record
 * @buf:	buffer for the line (no newline)
 * @len:	its size; 160 bytes hold every record
 *
 * Format (docs/model.md): "level=class object=2 child=vmsc:13/67 ris=0
 * prop=cpor action=cleared before=8 child_value=0 after=0
 * rule=needed-everywhere".
 *
 * Return: the length of the line.
 */
int mpam_ext_merge_rec_print(const struct mpam_ext_merge_rec *r, char *buf,
			     size_t len)
{
	static const char * const levels[] = {
		[MPAM_EXT_MERGE_VMSC] = "vmsc",
		[MPAM_EXT_MERGE_COMPONENT] = "component",
		[MPAM_EXT_MERGE_CLASS] = "class",
	};
	char ris[48], obj[40], child[72];

	mpx_ris_list(r->ris, ris, sizeof(ris));
	switch (r->level) {
	case MPAM_EXT_MERGE_VMSC:
		snprintf(obj, sizeof(obj), "%u/%u/%u", r->class_id, r->comp_id,
			 r->msc_id);
		snprintf(child, sizeof(child), "ris:%u.%s", r->msc_id, ris);
		break;
	case MPAM_EXT_MERGE_COMPONENT:
		snprintf(obj, sizeof(obj), "%u/%u", r->class_id, r->comp_id);
		snprintf(child, sizeof(child), "vmsc:%u/%u", r->comp_id, r->msc_id);
		break;
	default:
		snprintf(obj, sizeof(obj), "%u", r->class_id);
		snprintf(child, sizeof(child), "vmsc:%u/%u", r->comp_id, r->msc_id);
		break;
	}
	return scnprintf(buf, len,
			 "level=%s object=%s child=%s msc=%u ris=%s prop=%s action=%s before=%u child_value=%u after=%u rule=%s",
			 levels[r->level], obj, child, r->msc_id, ris,
			 mpam_ext_prop_name(r->prop),
			 r->cleared ? "cleared" : "narrowed", r->before, r->child,
			 r->after, mpam_ext_rule_name(r->rule));
}

/* The CPUs of the vMSC a record names, as a list */
static const char *mpx_rec_cpus(const struct mpam_ext_class *c,
				const struct mpam_ext_merge_rec *r, char *buf,
				size_t len)
{
	const struct mpam_ext_component *comp = mpam_ext_class_component(c, r->comp_id);
	unsigned int i;

	strscpy(buf, "?", len);
	for (i = 0; comp && i < comp->nr_vmsc; i++)
		if (comp->vmsc[i].msc->id == r->msc_id)
			scnprintf(buf, len, "%*pbl", cpumask_pr_args(&comp->vmsc[i].cpus));
	return buf;
}

/* "L2: cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)" */
static int mpx_rec_text(const struct mpam_ext_class *c,
			const struct mpam_ext_merge_rec *r, bool named,
			char *buf, size_t len)
{
	const struct mpx_prop *d = &mpx_props[r->prop];
	char ris[48], what[64], cpus[64];

	mpx_ris_list(r->ris, ris, sizeof(ris));
	switch (r->rule) {
	case MPAM_EXT_RULE_NEEDED_EVERYWHERE:
		if (r->prop == MPAM_EXT_PROP_CPOR)
			strscpy(what, "has no CPOR", sizeof(what));
		else
			snprintf(what, sizeof(what), "has no %s", d->name);
		break;
	case MPAM_EXT_RULE_WIDTH_MUST_MATCH:
		strscpy(what, "has another width", sizeof(what));
		break;
	case MPAM_EXT_RULE_POLARITY_MUST_MATCH:
		strscpy(what, "has the other 0-is-low polarity", sizeof(what));
		break;
	case MPAM_EXT_RULE_SHARED_MIN:
		strscpy(what, "aliases one width of two features", sizeof(what));
		break;
	case MPAM_EXT_RULE_REFUSED:
		return scnprintf(buf, len,
				 "%s%s%s off: msc %u ris %s was refused by the probe, CPUs %s lose control",
				 named ? c->name : "", named ? ": " : "",
				 d->label, r->msc_id, ris,
				 mpx_rec_cpus(c, r, cpus, sizeof(cpus)));
	default:
		if (d->kind == MPX_K_LIMIT)
			snprintf(what, sizeof(what), "has a smaller %s", d->unit);
		else
			snprintf(what, sizeof(what), "has fewer %s", d->unit);
		break;
	}
	return scnprintf(buf, len, "%s%s%s %s: msc %u ris %s %s (%s %u vs %u)",
			 named ? c->name : "", named ? ": " : "", d->label,
			 r->cleared ? "off" : "narrowed",
			 r->msc_id, ris, what,
			 r->rule == MPAM_EXT_RULE_POLARITY_MUST_MATCH ?
			 "0-is-low" : d->unit, r->child, r->before);
}

/**
 * mpam_ext_merge_rec_summary() - the dmesg line of a class that lost
 * something.
 * @c:		the class
 * @buf:	buffer for the line (no newline)
 * @len:	its size
 *
 * Built from the class's first class-level record, e.g. "L2: cache portion
 * control off: msc 67 ris 0 has no CPOR (width 0 vs 8)", followed by the
 * number of other class-level records when there are more.
 *
 * Return: the length of the line, 0 when the class-level merge of @c lost
 * nothing (@buf is then "").
 */
int mpam_ext_merge_rec_summary(const struct mpam_ext_class *c, char *buf,
			       size_t len)
{
	const struct mpam_ext_merge_rec *r = NULL;
	unsigned int i, more = 0;
	int n;

	buf[0] = '\0';
	for (i = 0; i < c->nr_rec; i++) {
		if (c->rec[i].level != MPAM_EXT_MERGE_CLASS)
			continue;
		if (r)
			more++;
		else
			r = &c->rec[i];
	}
	if (!r)
		return 0;
	n = mpx_rec_text(c, r, true, buf, len);
	if (more)
		n += scnprintf(buf + n, len - n,
			       "; %u more in debugfs classes/%u/merge", more, c->id);
	return n;
}

/**
 * mpam_ext_merge_rec_why() - why a class lacks a property.
 * @c:		the class
 * @prop:	the property
 * @buf:	buffer for the text (no newline)
 * @len:	its size
 *
 * Return: the length of a text like the one of
 * mpam_ext_merge_rec_summary(), without the class name, built from the
 * first class-level record about @prop ("cache portion control off: msc
 * 67 ris 0 has no CPOR (width 0 vs 8)"), or 0 (and "") when the class
 * merge never touched it.
 */
int mpam_ext_merge_rec_why(const struct mpam_ext_class *c,
			   enum mpam_ext_prop prop, char *buf, size_t len)
{
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < c->nr_rec; i++)
		if (c->rec[i].level == MPAM_EXT_MERGE_CLASS && c->rec[i].prop == prop)
			return mpx_rec_text(c, &c->rec[i], false, buf, len);
	return 0;
}

/**
 * mpx_features_print() - the merged features of a property set.
 * @hw:		the properties
 * @buf:	buffer for a comma-separated list, "-" for none
 * @len:	its size; MPAM_EXT_HW_FEATURES_LEN holds every feature
 *
 * Return: the length of the text.
 */
static int mpx_features_print(const struct mpam_ext_ris_hw *hw, char *buf,
			      size_t len)
{
	return mpam_ext_hw_features_print(buf, len, hw->features & MPX_MERGED,
					  ",", "-");
}

static void mpx_show_props(struct seq_file *s, const struct mpam_ext_ris_hw *hw)
{
	char feats[MPAM_EXT_HW_FEATURES_LEN];

	mpx_features_print(hw, feats, sizeof(feats));
	seq_printf(s, "features=%s partid_max=%u pmg_max=%u cpbm_wd=%u mbw_pbm_bits=%u cassoc_wd=%u cmax_wd=%u bwa_wd=%u intpri_wd=%u dspri_wd=%u csu_mon=%u mbwu_mon=%u mbwu_width=%u",
		   feats, hw->partid_max, hw->pmg_max, hw->cpbm_wd,
		   hw->mbw_pbm_bits, hw->cassoc_wd, hw->cmax_wd, hw->bwa_wd,
		   hw->intpri_wd, hw->dspri_wd, hw->num_csu_mon,
		   hw->num_mbwu_mon, hw->mbwu_width);
}

/* "<key><cpu list>", or "<key>none" for an empty set */
static void mpx_seq_cpus(struct seq_file *s, const char *key,
			 const struct cpumask *m)
{
	if (cpumask_empty(m))
		seq_printf(s, "%snone", key);
	else
		seq_printf(s, "%s%*pbl", key, cpumask_pr_args(m));
}

static const char *mpx_type_name(enum mpam_ext_class_type t)
{
	switch (t) {
	case MPAM_EXT_CLASS_CACHE:
		return "cache";
	case MPAM_EXT_CLASS_MEM:
		return "memory";
	default:
		return "unknown";
	}
}

/**
 * mpam_ext_model_show_class() - debugfs classes/<id>/features.
 * @s:		the seq_file
 * @c:		the class
 *
 * One "key value" pair per line: name, type, level, cpus, excluded_cpus,
 * components, then the merged properties and the number of merge records.
 */
void mpam_ext_model_show_class(struct seq_file *s,
			       const struct mpam_ext_class *c)
{
	const struct mpam_ext_ris_hw *hw = &c->props;
	char feats[MPAM_EXT_HW_FEATURES_LEN];

	mpx_features_print(hw, feats, sizeof(feats));
	seq_printf(s, "name %s\ntype %s\nlevel %u\n", c->name,
		   mpx_type_name(c->type), c->level);
	mpx_seq_cpus(s, "cpus ", &c->cpus);
	mpx_seq_cpus(s, "\nexcluded_cpus ", &c->excluded_cpus);
	seq_puts(s, "\n");
	seq_printf(s, "components %u\n", c->nr_comp);
	seq_printf(s, "features %s\n", feats);
	seq_printf(s, "partid_max %u\npmg_max %u\n", hw->partid_max, hw->pmg_max);
	seq_printf(s, "cpbm_wd %u\nmbw_pbm_bits %u\ncassoc_wd %u\ncmax_wd %u\nbwa_wd %u\n",
		   hw->cpbm_wd, hw->mbw_pbm_bits, hw->cassoc_wd, hw->cmax_wd,
		   hw->bwa_wd);
	seq_printf(s, "intpri_wd %u\ndspri_wd %u\n", hw->intpri_wd, hw->dspri_wd);
	seq_printf(s, "csu_mon %u\nmbwu_mon %u\nmbwu_width %u\n",
		   hw->num_csu_mon, hw->num_mbwu_mon, hw->mbwu_width);
	seq_printf(s, "merge_records %u\n", c->nr_rec);
}

/**
 * mpam_ext_model_show_merge() - debugfs classes/<id>/merge.
 * @s:		the seq_file
 * @c:		the class
 *
 * One merge record per line (mpam_ext_merge_rec_print()), in the order
 * the merge made them; empty when the merge lost nothing.
 */
void mpam_ext_model_show_merge(struct seq_file *s,
			       const struct mpam_ext_class *c)
{
	char line[256];
	unsigned int i;

	for (i = 0; i < c->nr_rec; i++) {
		mpam_ext_merge_rec_print(&c->rec[i], line, sizeof(line));
		seq_printf(s, "%s\n", line);
	}
}

/**
 * mpam_ext_model_show_components() - debugfs classes/<id>/components.
 * @s:		the seq_file
 * @c:		the class
 *
 * One line per component: "component=<id> cpus=<list> excluded=<0|1>
 * vmscs=<msc,...>" followed by its merged properties.
 */
void mpam_ext_model_show_components(struct seq_file *s,
				    const struct mpam_ext_class *c)
{
	unsigned int i, j;

	for (i = 0; i < c->nr_comp; i++) {
		const struct mpam_ext_component *comp = &c->comp[i];

		seq_printf(s, "component=%u", comp->id);
		mpx_seq_cpus(s, " cpus=", &comp->cpus);
		seq_printf(s, " excluded=%d vmscs=", comp->excluded);
		for (j = 0; j < comp->nr_vmsc; j++)
			seq_printf(s, "%s%u", j ? "," : "", comp->vmsc[j].msc->id);
		seq_puts(s, " ");
		mpx_show_props(s, &comp->props);
		seq_puts(s, "\n");
	}
}

/**
 * mpam_ext_model_show_vmscs() - debugfs classes/<id>/vmscs.
 * @s:		the seq_file
 * @c:		the class
 *
 * One line per vMSC: "component=<id> msc=<id> ris=<idx,...>
 * excluded_ris=<idx,...|-> refused_ris=<idx,...|-> cpus=<list>" followed by its merged
 * properties.
 */
void mpam_ext_model_show_vmscs(struct seq_file *s,
			       const struct mpam_ext_class *c)
{
	char all[48], excl[48], refd[48];
	unsigned int i, j;

	for (i = 0; i < c->nr_comp; i++) {
		for (j = 0; j < c->comp[i].nr_vmsc; j++) {
			const struct mpam_ext_vmsc *v = &c->comp[i].vmsc[j];

			mpx_ris_list(mpx_vmsc_idx_bits(v, U16_MAX), all, sizeof(all));
			if (!mpx_ris_list(mpx_vmsc_idx_bits(v, v->ris_excluded),
					  excl, sizeof(excl)))
				strscpy(excl, "-", sizeof(excl));
			if (!mpx_ris_list(mpx_vmsc_idx_bits(v, v->ris_refused),
					  refd, sizeof(refd)))
				strscpy(refd, "-", sizeof(refd));
			seq_printf(s, "component=%u msc=%u ris=%s excluded_ris=%s refused_ris=%s",
				   c->comp[i].id, v->msc->id, all, excl, refd);
			mpx_seq_cpus(s, " cpus=", &v->cpus);
			seq_puts(s, " ");
			mpx_show_props(s, &v->props);
			seq_puts(s, "\n");
		}
	}
}
