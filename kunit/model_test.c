// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the model and the feature merge: every merge rule with
 * and without alias, the records and the dmesg summary they give, the
 * class/component/vMSC tree of every shipped platform, exclusions, and
 * independence from the order of the children.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/firmware/platform.h>

#include "kunit/mpx_model_test.h"
#include <mpam_ext/model/model_test.h>

/* Merge rules, one property at a time */

/* How a property merges: the scenario table that applies to it */
enum t_kind { T_EQUAL, T_MIN, T_PRESENT };

/**
 * struct t_prop - one property under test.
 * @name:	case name
 * @feat:	its feature bit
 * @prop:	the property expected in a record
 * @kind:	which scenarios apply
 */
struct t_prop {
	const char *name;
	unsigned long feat;
	enum mpam_ext_prop prop;
	enum t_kind kind;
};

static const struct t_prop t_props[] = {
	{ "cpor", T_F(CPOR), MPAM_EXT_PROP_CPOR, T_EQUAL },
	{ "mbw_pbm", T_F(MBW_PBM), MPAM_EXT_PROP_MBW_PBM, T_EQUAL },
	{ "cassoc", T_F(CASSOC), MPAM_EXT_PROP_CASSOC, T_EQUAL },
	{ "cmax", T_F(CMAX), MPAM_EXT_PROP_CMAX, T_MIN },
	{ "cmin", T_F(CMIN), MPAM_EXT_PROP_CMIN, T_MIN },
	{ "mbw_max", T_F(MBW_MAX), MPAM_EXT_PROP_MBW_MAX, T_MIN },
	{ "mbw_min", T_F(MBW_MIN), MPAM_EXT_PROP_MBW_MIN, T_MIN },
	{ "mbw_prop", T_F(MBW_PROP), MPAM_EXT_PROP_MBW_PROP, T_MIN },
	{ "intpri", T_F(INTPRI), MPAM_EXT_PROP_INTPRI, T_MIN },
	{ "dspri", T_F(DSPRI), MPAM_EXT_PROP_DSPRI, T_MIN },
	{ "csu", T_F(CSU), MPAM_EXT_PROP_CSU, T_MIN },
	{ "mbwu", T_F(MBWU), MPAM_EXT_PROP_MBWU, T_MIN },
	{ "cmax_softlim", T_F(CMAX_SOFTLIM), MPAM_EXT_PROP_CMAX_SOFTLIM, T_PRESENT },
	{ "mbw_winwd", T_F(MBW_WINWD), MPAM_EXT_PROP_MBW_WINWD, T_PRESENT },
	{ "mbwu_rwbw", T_F(MBWU_RWBW), MPAM_EXT_PROP_MBWU_RWBW, T_PRESENT },
};

/**
 * struct t_scn - one merge of a single property.
 * @desc:	scenario name
 * @p_has:	the parent has the feature
 * @pv:		the parent's value
 * @c_has:	the child has the feature
 * @cv:		the child's value
 * @alias:	merge with alias
 * @kept:	expected: the parent still has the feature
 * @after:	expected: the parent's value after
 * @nr_rec:	expected: number of records
 * @rule:	expected: the rule of the record
 */
struct t_scn {
	const char *desc;
	bool p_has;
	u32 pv;
	bool c_has;
	u32 cv;
	bool alias;
	bool kept;
	u32 after;
	unsigned int nr_rec;
	enum mpam_ext_merge_rule rule;
};

#define T_MATCH	MPAM_EXT_RULE_WIDTH_MUST_MATCH
#define T_NEED	MPAM_EXT_RULE_NEEDED_EVERYWHERE
#define T_TMIN	MPAM_EXT_RULE_TAKE_MIN

static const struct t_scn t_scn_equal[] = {
	{ "same width", 1, 8, 1, 8, 0, 1, 8, 0, 0 },
	{ "other width", 1, 8, 1, 16, 0, 0, 0, 1, T_MATCH },
	{ "other width, alias", 1, 8, 1, 4, 1, 0, 0, 1, T_MATCH },
	{ "child lacks it", 1, 8, 0, 0, 0, 0, 0, 1, T_NEED },
	{ "child lacks it, alias", 1, 8, 0, 0, 1, 1, 8, 0, 0 },
	{ "only the child, alias", 0, 0, 1, 8, 1, 1, 8, 0, 0 },
	{ "only the child", 0, 0, 1, 8, 0, 0, 0, 0, 0 },
};

static const struct t_scn t_scn_min[] = {
	{ "child smaller", 1, 8, 1, 5, 0, 1, 5, 1, T_TMIN },
	{ "child smaller, alias", 1, 8, 1, 5, 1, 1, 5, 1, T_TMIN },
	{ "child larger", 1, 5, 1, 8, 0, 1, 5, 0, 0 },
	{ "child lacks it", 1, 8, 0, 0, 0, 0, 0, 1, T_NEED },
	{ "child lacks it, alias", 1, 8, 0, 0, 1, 1, 8, 0, 0 },
	{ "only the child, alias", 0, 0, 1, 6, 1, 1, 6, 0, 0 },
	{ "only the child", 0, 0, 1, 6, 0, 0, 0, 0, 0 },
};

static const struct t_scn t_scn_present[] = {
	{ "both", 1, 1, 1, 1, 0, 1, 1, 0, 0 },
	{ "child lacks it", 1, 1, 0, 0, 0, 0, 0, 1, T_NEED },
	{ "child lacks it, alias", 1, 1, 0, 0, 1, 1, 1, 0, 0 },
	{ "only the child, alias", 0, 0, 1, 1, 1, 1, 1, 0, 0 },
	{ "only the child", 0, 0, 1, 1, 0, 0, 0, 0, 0 },
};

/* Set the value of @prop; false for a property without a value */
static bool t_set(struct mpam_ext_ris_hw *hw, enum mpam_ext_prop prop, u32 v)
{
	switch (prop) {
	case MPAM_EXT_PROP_CPOR:
		hw->cpbm_wd = v;
		break;
	case MPAM_EXT_PROP_MBW_PBM:
		hw->mbw_pbm_bits = v;
		break;
	case MPAM_EXT_PROP_CASSOC:
		hw->cassoc_wd = v;
		break;
	case MPAM_EXT_PROP_CMAX:
	case MPAM_EXT_PROP_CMIN:
		hw->cmax_wd = v;
		break;
	case MPAM_EXT_PROP_MBW_MAX:
	case MPAM_EXT_PROP_MBW_MIN:
	case MPAM_EXT_PROP_MBW_PROP:
		hw->bwa_wd = v;
		break;
	case MPAM_EXT_PROP_INTPRI:
		hw->intpri_wd = v;
		break;
	case MPAM_EXT_PROP_DSPRI:
		hw->dspri_wd = v;
		break;
	case MPAM_EXT_PROP_CSU:
		hw->num_csu_mon = v;
		break;
	case MPAM_EXT_PROP_MBWU:
		hw->num_mbwu_mon = v;
		break;
	default:
		return false;
	}
	return true;
}

static void t_one_rule(struct kunit *test, const struct t_prop *p,
		       const struct t_scn *c)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;
	unsigned int n;
	bool valued;

	t_hw(&parent, c->p_has ? p->feat : 0);
	t_hw(&child, c->c_has ? p->feat : 0);
	valued = t_set(&parent, p->prop, c->pv);
	t_set(&child, p->prop, c->cv);
	n = mpam_ext_merge(&parent, &child, c->alias, rec);

	KUNIT_EXPECT_EQ_MSG(test, !!(parent.features & p->feat), c->kept,
			    "%s, %s: feature", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, mpam_ext_prop_value(&parent, p->prop),
			    valued ? c->after : c->kept,
			    "%s, %s: value", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, n, c->nr_rec, "%s, %s: records", p->name, c->desc);
	if (n != 1 || c->nr_rec != 1)
		return;
	KUNIT_EXPECT_EQ_MSG(test, rec[0].prop, p->prop, "%s, %s", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, rec[0].rule, c->rule, "%s, %s", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, rec[0].cleared, !c->kept, "%s, %s", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, rec[0].before, c->pv, "%s, %s", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, rec[0].child, c->c_has ? c->cv : 0,
			    "%s, %s", p->name, c->desc);
	KUNIT_EXPECT_EQ_MSG(test, rec[0].after, c->after, "%s, %s", p->name, c->desc);
}

/* Every property in every scenario of its kind, with and without alias */
static void t_test_rules(struct kunit *test)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ARRAY_SIZE(t_props); i++) {
		const struct t_prop *p = &t_props[i];
		const struct t_scn *scn = t_scn_present;
		unsigned int nr = ARRAY_SIZE(t_scn_present);

		if (p->kind == T_EQUAL) {
			scn = t_scn_equal;
			nr = ARRAY_SIZE(t_scn_equal);
		} else if (p->kind == T_MIN) {
			scn = t_scn_min;
			nr = ARRAY_SIZE(t_scn_min);
		}
		for (j = 0; j < nr; j++, n++)
			t_one_rule(test, p, &scn[j]);
	}
	KUNIT_EXPECT_EQ(test, n, 3 * 7 + 9 * 7 + 3 * 5);
}

/* "0 is low" polarity must agree, with alias or not */
static void t_test_polarity(struct kunit *test)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;
	unsigned int n, alias;

	for (alias = 0; alias < 2; alias++) {
		t_hw(&parent, T_F(INTPRI) | T_F(INTPRI_0_IS_LOW) | T_F(DSPRI));
		parent.intpri_wd = 4;
		parent.dspri_wd = 4;
		t_hw(&child, T_F(INTPRI) | T_F(DSPRI) | T_F(DSPRI_0_IS_LOW));
		child.intpri_wd = 4;
		child.dspri_wd = 4;
		n = mpam_ext_merge(&parent, &child, alias, rec);
		KUNIT_ASSERT_EQ(test, n, 2);
		KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_INTPRI);
		KUNIT_EXPECT_EQ(test, rec[0].rule, MPAM_EXT_RULE_POLARITY_MUST_MATCH);
		KUNIT_EXPECT_EQ(test, rec[1].prop, MPAM_EXT_PROP_DSPRI);
		KUNIT_EXPECT_EQ(test, rec[1].rule, MPAM_EXT_RULE_POLARITY_MUST_MATCH);
		KUNIT_EXPECT_EQ(test, parent.features & (T_F(INTPRI) | T_F(DSPRI) |
			       T_F(INTPRI_0_IS_LOW) | T_F(DSPRI_0_IS_LOW)), 0);
		KUNIT_EXPECT_EQ(test, parent.intpri_wd, 0);
		KUNIT_EXPECT_EQ(test, parent.dspri_wd, 0);
	}
	/* The same polarity merges */
	t_hw(&parent, T_F(INTPRI) | T_F(INTPRI_0_IS_LOW));
	parent.intpri_wd = 4;
	child = parent;
	KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, false, rec), 0);
	KUNIT_EXPECT_TRUE(test, parent.features & T_F(INTPRI_0_IS_LOW));
}

/* A width two features share stays while one of them is left */
static void t_test_shared_width(struct kunit *test)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;

	t_hw(&parent, T_F(CMAX) | T_F(CMIN));
	parent.cmax_wd = 8;
	t_hw(&child, T_F(CMIN));
	child.cmax_wd = 8;
	KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, false, rec), 1);
	KUNIT_EXPECT_EQ(test, parent.features, T_F(CMIN));
	KUNIT_EXPECT_EQ(test, parent.cmax_wd, 8);

	t_hw(&child, 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, false, rec), 1);
	KUNIT_EXPECT_EQ(test, parent.features, 0);
	KUNIT_EXPECT_EQ(test, parent.cmax_wd, 0);
}

/*
 * With alias, a feature added from one RIS whose width shares a field
 * with another RIS's feature (bwa_wd of a MAX RIS and a MIN RIS) keeps
 * the smaller width and says which property was narrowed, from which
 * value, whichever RIS comes first.
 */
static void t_test_alias_shared_width(struct kunit *test)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;
	char buf[160];
	unsigned int order;

	for (order = 0; order < 2; order++) {
		/* order 0: MAX (8 bits) then MIN (12); order 1: the other way */
		t_hw(&parent, order ? T_F(MBW_MIN) : T_F(MBW_MAX));
		parent.bwa_wd = order ? 12 : 8;
		t_hw(&child, order ? T_F(MBW_MAX) : T_F(MBW_MIN));
		child.bwa_wd = order ? 8 : 12;
		KUNIT_ASSERT_EQ(test, mpam_ext_merge(&parent, &child, true, rec), 1);
		KUNIT_EXPECT_EQ(test, parent.features, T_F(MBW_MAX) | T_F(MBW_MIN));
		KUNIT_EXPECT_EQ(test, parent.bwa_wd, 8);
		/* the 12-bit MIN is the one narrowed */
		KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_MBW_MIN);
		KUNIT_EXPECT_EQ(test, rec[0].rule, MPAM_EXT_RULE_SHARED_MIN);
		KUNIT_EXPECT_FALSE(test, rec[0].cleared);
		KUNIT_EXPECT_EQ(test, rec[0].before, order ? 12 : 8);
		KUNIT_EXPECT_EQ(test, rec[0].child, order ? 8 : 12);
		KUNIT_EXPECT_EQ(test, rec[0].after, 8);
	}
	KUNIT_EXPECT_STREQ(test, mpam_ext_rule_name(MPAM_EXT_RULE_SHARED_MIN),
			   "shared-take-min");
	rec[0].level = MPAM_EXT_MERGE_VMSC;
	rec[0].msc_id = 3;
	rec[0].ris = BIT(1);
	mpam_ext_merge_rec_print(&rec[0], buf, sizeof(buf));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "prop=mbw_min action=narrowed"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "before=12 child_value=8 after=8"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "rule=shared-take-min"));

	/* Two features of the parent in the slot are both recorded, once */
	t_hw(&parent, T_F(MBW_MAX) | T_F(MBW_PROP));
	parent.bwa_wd = 10;
	t_hw(&child, T_F(MBW_MIN));
	child.bwa_wd = 6;
	KUNIT_ASSERT_EQ(test, mpam_ext_merge(&parent, &child, true, rec), 2);
	KUNIT_EXPECT_EQ(test, parent.bwa_wd, 6);
	KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_MBW_MAX);
	KUNIT_EXPECT_EQ(test, rec[1].prop, MPAM_EXT_PROP_MBW_PROP);
	KUNIT_EXPECT_EQ(test, rec[1].before, 10);
	KUNIT_EXPECT_EQ(test, rec[1].after, 6);

	/* Equal widths, or no shared feature: nothing recorded */
	t_hw(&parent, T_F(CMAX));
	parent.cmax_wd = 8;
	t_hw(&child, T_F(CMIN));
	child.cmax_wd = 8;
	KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, true, rec), 0);
	KUNIT_EXPECT_EQ(test, parent.cmax_wd, 8);
	t_hw(&parent, T_F(CPOR));
	parent.cpbm_wd = 16;
	t_hw(&child, T_F(MBW_MIN));
	child.bwa_wd = 12;
	KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, true, rec), 0);
	KUNIT_EXPECT_EQ(test, parent.bwa_wd, 12);
}

/* PARTID and PMG ranges take the minimum, with alias or not */
static void t_test_ranges(struct kunit *test)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;
	unsigned int alias;

	for (alias = 0; alias < 2; alias++) {
		t_hw(&parent, 0);
		t_hw(&child, 0);
		child.partid_max = 31;
		child.pmg_max = 1;
		KUNIT_ASSERT_EQ(test, mpam_ext_merge(&parent, &child, alias, rec), 2);
		KUNIT_EXPECT_EQ(test, parent.partid_max, 31);
		KUNIT_EXPECT_EQ(test, parent.pmg_max, 1);
		KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_PARTID);
		KUNIT_EXPECT_EQ(test, rec[0].before, 63);
		KUNIT_EXPECT_EQ(test, rec[0].after, 31);
		KUNIT_EXPECT_EQ(test, rec[1].prop, MPAM_EXT_PROP_PMG);
		KUNIT_EXPECT_FALSE(test, rec[1].cleared);
		/* larger ranges change nothing */
		child.partid_max = 255;
		child.pmg_max = 7;
		KUNIT_EXPECT_EQ(test, mpam_ext_merge(&parent, &child, alias, rec), 0);
		KUNIT_EXPECT_EQ(test, parent.partid_max, 31);
	}
}

/* MBWU counter width: the minimum; gone with MBWU, never recorded alone */
static void t_test_mbwu_width(struct kunit *test)
{
	struct mpam_ext_merge_rec rec[MPAM_EXT_PROP_NR];
	struct mpam_ext_ris_hw parent, child;

	t_hw(&parent, T_F(MBWU));
	parent.num_mbwu_mon = 4;
	parent.mbwu_width = 63;
	child = parent;
	child.mbwu_width = 44;
	KUNIT_ASSERT_EQ(test, mpam_ext_merge(&parent, &child, false, rec), 1);
	KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_MBWU_WIDTH);
	KUNIT_EXPECT_EQ(test, parent.mbwu_width, 44);

	t_hw(&child, 0);
	KUNIT_ASSERT_EQ(test, mpam_ext_merge(&parent, &child, false, rec), 1);
	KUNIT_EXPECT_EQ(test, rec[0].prop, MPAM_EXT_PROP_MBWU);
	KUNIT_EXPECT_EQ(test, parent.mbwu_width, 0);
	KUNIT_EXPECT_EQ(test, parent.num_mbwu_mon, 0);
}

/* Per-MSC features (ESR, narrowing) are not class features */
static void t_test_not_merged(struct kunit *test)
{
	struct mpam_ext_ris_hw parent, child;

	t_hw(&child, T_F(ESR) | T_F(EXTD_ESR) | T_F(PARTID_NRW) | T_F(CSU));
	child.num_csu_mon = 2;
	mpam_ext_merge_union(&parent, &child, true);
	KUNIT_EXPECT_EQ(test, parent.features, T_F(CSU));
	KUNIT_EXPECT_EQ(test, parent.num_csu_mon, 2);
	KUNIT_EXPECT_EQ(test, parent.partid_max, 63);
}

/* Names */
static void t_test_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, mpam_ext_prop_name(MPAM_EXT_PROP_CPOR), "cpor");
	KUNIT_EXPECT_STREQ(test, mpam_ext_prop_name(MPAM_EXT_PROP_NR), "?");
	KUNIT_EXPECT_STREQ(test, mpam_ext_rule_name(MPAM_EXT_RULE_TAKE_MIN), "take-min");
	KUNIT_EXPECT_STREQ(test, mpam_ext_rule_name(MPAM_EXT_RULE_NEEDED_EVERYWHERE),
			   "needed-everywhere");
	KUNIT_EXPECT_STREQ(test, mpam_ext_prop_label(MPAM_EXT_PROP_CPOR),
			   "cache portion control");
}

/* The tree of every shipped platform */

static void t_expect_cpus(struct kunit *test, const struct cpumask *m,
			  unsigned int first, unsigned int last)
{
	struct cpumask want;

	cpumask_clear(&want);
	if (first <= last)
		bitmap_set(cpumask_bits(&want), first, last - first + 1);
	KUNIT_EXPECT_TRUE_MSG(test, cpumask_equal(m, &want),
			      "CPUs %*pbl, want %u-%u", cpumask_pr_args(m), first, last);
}

static void t_test_tiny(struct kunit *test)
{
	struct mpam_ext_model *m = t_build(test, t_shipped(test, "tiny"), NULL, 0);
	struct mpam_ext_class *c;

	KUNIT_ASSERT_EQ(test, m->nr_classes, 2);
	KUNIT_EXPECT_EQ(test, m->classes[0].id, 3);
	KUNIT_EXPECT_EQ(test, m->classes[1].id, MPAM_EXT_CLASS_MEMORY);
	c = t_class(test, m, 3);
	KUNIT_EXPECT_STREQ(test, c->name, "L3");
	KUNIT_EXPECT_EQ(test, c->props.features, T_F(CPOR) | T_F(CSU) | T_F(MBWU));
	KUNIT_EXPECT_EQ(test, c->props.cpbm_wd, 16);
	KUNIT_EXPECT_EQ(test, c->props.mbwu_width, 44);
	KUNIT_EXPECT_EQ(test, c->nr_rec, 0);
	t_expect_cpus(test, &c->cpus, 0, 7);
	c = t_class(test, m, MPAM_EXT_CLASS_MEMORY);
	KUNIT_EXPECT_STREQ(test, c->name, "MEM");
	KUNIT_EXPECT_EQ(test, c->props.features, T_F(MBW_MAX) | T_F(MBWU));
	KUNIT_EXPECT_EQ(test, c->props.bwa_wd, 8);
	KUNIT_EXPECT_EQ(test, c->props.mbwu_width, 63);
}

static void t_test_kunpeng(struct kunit *test)
{
	struct mpam_ext_model *m = t_build(test, t_shipped(test, "kunpeng-mini"),
					   NULL, 0);
	static const u32 l2_ids[] = { 4, 7, 10, 13 };
	struct mpam_ext_component *comp;
	struct mpam_ext_class *c;
	unsigned int i;
	char line[256];

	KUNIT_ASSERT_EQ(test, m->nr_classes, 3);
	c = t_class(test, m, 2);
	KUNIT_ASSERT_EQ(test, c->nr_comp, 4);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, c->comp[i].id, l2_ids[i]);
		KUNIT_EXPECT_EQ(test, c->comp[i].nr_vmsc, 1);
		KUNIT_EXPECT_EQ(test, c->comp[i].vmsc[0].msc->id, 64 + i);
		t_expect_cpus(test, &c->comp[i].cpus, 2 * i, 2 * i + 1);
	}
	/* One L2 RIS without CPOR clears it for the class, and says so */
	KUNIT_EXPECT_FALSE(test, c->props.features & T_F(CPOR));
	KUNIT_EXPECT_EQ(test, c->props.cpbm_wd, 0);
	KUNIT_EXPECT_EQ(test, c->props.features, T_F(CSU) | T_F(MBWU));
	KUNIT_ASSERT_EQ(test, c->nr_rec, 1);
	KUNIT_EXPECT_EQ(test, c->rec[0].level, MPAM_EXT_MERGE_CLASS);
	KUNIT_EXPECT_EQ(test, c->rec[0].msc_id, 67);
	KUNIT_EXPECT_EQ(test, c->rec[0].ris, BIT(0));
	mpam_ext_merge_rec_print(&c->rec[0], line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line,
			   "level=class object=2 child=vmsc:13/67 msc=67 ris=0 prop=cpor action=cleared before=8 child_value=0 after=0 rule=needed-everywhere");
	mpam_ext_merge_rec_summary(c, line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line,
			   "L2: cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)");
	mpam_ext_merge_rec_why(c, MPAM_EXT_PROP_CPOR, line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line,
			   "cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)");
	/* The component of MSC 67 keeps what it has: it alone lacks CPOR */
	comp = mpam_ext_class_component(c, 13);
	KUNIT_ASSERT_NOT_NULL(test, comp);
	KUNIT_EXPECT_EQ(test, comp->props.features, T_F(CSU) | T_F(MBWU));
	comp = mpam_ext_class_component(c, 4);
	KUNIT_ASSERT_NOT_NULL(test, comp);
	KUNIT_EXPECT_EQ(test, comp->props.cpbm_wd, 8);

	c = t_class(test, m, 3);
	KUNIT_EXPECT_EQ(test, c->nr_comp, 2);
	KUNIT_EXPECT_EQ(test, c->props.cpbm_wd, 17);
	KUNIT_EXPECT_EQ(test, c->nr_rec, 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_merge_rec_summary(c, line, sizeof(line)), 0);

	/* Both MATA MSCs are vMSCs of the one memory component */
	c = t_class(test, m, MPAM_EXT_CLASS_MEMORY);
	KUNIT_ASSERT_EQ(test, c->nr_comp, 1);
	KUNIT_ASSERT_EQ(test, c->comp[0].nr_vmsc, 2);
	KUNIT_EXPECT_EQ(test, c->comp[0].vmsc[0].msc->id, 252);
	KUNIT_EXPECT_EQ(test, c->comp[0].vmsc[1].msc->id, 254);
	t_expect_cpus(test, &c->comp[0].cpus, 0, 7);
	KUNIT_EXPECT_EQ(test, c->props.num_mbwu_mon, 4);
	KUNIT_EXPECT_EQ(test, c->props.bwa_wd, 7);
}

static void t_test_grace(struct kunit *test)
{
	struct mpam_ext_model *m = t_build(test, t_shipped(test, "grace-mini"),
					   NULL, 0);
	struct mpam_ext_class *c = t_class(test, m, MPAM_EXT_CLASS_MEMORY);

	KUNIT_ASSERT_EQ(test, c->nr_comp, 3);
	t_expect_cpus(test, &c->comp[0].cpus, 0, 3);
	t_expect_cpus(test, &c->comp[1].cpus, 4, 7);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&c->comp[2].cpus));
	KUNIT_EXPECT_EQ(test, c->props.features,
			T_F(MBW_MIN) | T_F(MBW_MAX) | T_F(MBWU));
	c = t_class(test, m, 3);
	KUNIT_EXPECT_EQ(test, c->props.features, T_F(CPOR) | T_F(CMAX) | T_F(CSU));
	KUNIT_EXPECT_EQ(test, c->props.cmax_wd, 8);
	KUNIT_EXPECT_EQ(test, c->props.partid_max, 255);
}

/* Excluding the L2 RIS without CPOR gives the class its CPOR back */
static void t_test_exclude(struct kunit *test)
{
	struct mpam_ext_exclude ex[3] = {
		{ .msc_id = 67, .ris = 0 },
		{ .msc_id = 300, .all = true },
		{ .msc_id = 252, .all = true },
	};
	struct mpam_ext_model *m = t_build(test, t_shipped(test, "kunpeng-mini"),
					   ex, ARRAY_SIZE(ex));
	struct mpam_ext_class *c = t_class(test, m, 2);
	struct mpam_ext_component *comp;

	KUNIT_EXPECT_TRUE(test, ex[0].matched);
	KUNIT_EXPECT_FALSE(test, ex[1].matched);
	KUNIT_EXPECT_TRUE(test, ex[2].matched);
	KUNIT_EXPECT_TRUE(test, c->props.features & T_F(CPOR));
	KUNIT_EXPECT_EQ(test, c->props.cpbm_wd, 8);
	KUNIT_EXPECT_EQ(test, c->nr_rec, 0);
	t_expect_cpus(test, &c->cpus, 0, 5);
	t_expect_cpus(test, &c->excluded_cpus, 6, 7);
	comp = mpam_ext_class_component(c, 13);
	KUNIT_ASSERT_NOT_NULL(test, comp);
	KUNIT_EXPECT_TRUE(test, comp->excluded);
	KUNIT_EXPECT_TRUE(test, comp->vmsc[0].excluded);
	KUNIT_EXPECT_EQ(test, comp->vmsc[0].ris_excluded, BIT(0));

	/* MSC 252 out: the memory component keeps MSC 254 */
	c = t_class(test, m, MPAM_EXT_CLASS_MEMORY);
	KUNIT_EXPECT_FALSE(test, c->comp[0].excluded);
	KUNIT_EXPECT_TRUE(test, c->comp[0].vmsc[0].excluded);
	KUNIT_EXPECT_FALSE(test, c->comp[0].vmsc[1].excluded);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&c->excluded_cpus));
}

/* The records do not depend on the order of the MSCs */
static void t_test_order(struct kunit *test)
{
	struct mpam_ext_model *a, *b;
	struct mpam_ext_class *ca, *cb;
	char la[256], lb[256];
	unsigned int i;

	a = t_build(test, t_parse(test, t_l2_mixed_text), NULL, 0);
	b = t_build(test, t_parse(test, t_l2_mixed_reversed_text), NULL, 0);
	ca = t_class(test, a, 2);
	cb = t_class(test, b, 2);
	KUNIT_EXPECT_EQ(test, ca->props.features, cb->props.features);
	KUNIT_EXPECT_EQ(test, ca->props.num_csu_mon, 2);
	KUNIT_EXPECT_EQ(test, cb->props.num_csu_mon, 2);
	KUNIT_EXPECT_FALSE(test, ca->props.features & T_F(CPOR));
	/* both lack-CPOR RIS are named whichever comes first */
	KUNIT_ASSERT_EQ(test, ca->nr_rec, cb->nr_rec);
	for (i = 0; i < ca->nr_rec; i++) {
		unsigned int j;
		bool found = false;

		mpam_ext_merge_rec_print(&ca->rec[i], la, sizeof(la));
		for (j = 0; j < cb->nr_rec; j++) {
			mpam_ext_merge_rec_print(&cb->rec[j], lb, sizeof(lb));
			if (ca->rec[i].prop == cb->rec[j].prop &&
			    ca->rec[i].msc_id == cb->rec[j].msc_id &&
			    ca->rec[i].rule == cb->rec[j].rule)
				found = true;
		}
		KUNIT_EXPECT_TRUE_MSG(test, found, "record '%s' only in one order", la);
	}
}

/* RIS of one MSC in one component alias; other widths still clear */
static void t_test_vmsc_alias(struct kunit *test)
{
	struct mpam_ext_model *m = t_build(test, t_parse(test, t_alias_text), NULL, 0);
	struct mpam_ext_class *c = t_class(test, m, 3);
	struct mpam_ext_vmsc *v;
	char line[256];

	KUNIT_ASSERT_EQ(test, c->nr_comp, 1);
	KUNIT_ASSERT_EQ(test, c->comp[0].nr_vmsc, 1);
	v = &c->comp[0].vmsc[0];
	KUNIT_EXPECT_EQ(test, v->nr_ris, 3);
	/* RIS 0: cpor 16, csu; RIS 1: mbwu only; RIS 2: cpor 8 */
	KUNIT_EXPECT_EQ(test, v->props.features, T_F(CSU) | T_F(MBWU));
	KUNIT_ASSERT_EQ(test, c->nr_rec, 1);
	mpam_ext_merge_rec_print(&c->rec[0], line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line,
			   "level=vmsc object=3/0/5 child=ris:5.2 msc=5 ris=2 prop=cpor action=cleared before=16 child_value=8 after=0 rule=width-must-match");
	KUNIT_EXPECT_EQ(test, c->props.features, T_F(CSU) | T_F(MBWU));
}

/*
 * RIS the probe refused keep their place and are counted: the class they
 * are in loses every feature, with records naming the MSC and the CPUs
 * that lose control; unknown locators
 */
static bool t_usable(const struct mpam_ext_msc_desc *msc,
		     const struct mpam_ext_ris_desc *ris, void *arg)
{
	return msc->id != *(u32 *)arg;
}

static void t_test_unusable(struct kunit *test)
{
	struct mpam_ext_exclude ex = { .msc_id = 67, .all = true };
	u32 refused = 254;
	struct mpam_ext_model_input in = {
		.plat = t_shipped(test, "kunpeng-mini"),
		.usable = t_usable,
		.usable_arg = &refused,
	};
	struct mpam_ext_model *m = mpam_ext_model_build(&in);
	struct mpam_ext_component *comp;
	struct mpam_ext_class *c;
	char line[MPAM_EXT_WHY_LEN];

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_model, m));
	KUNIT_EXPECT_EQ(test, m->nr_unused, 1);
	/* memory node 0 has two MSCs; without 254 half its traffic is free */
	c = t_class(test, m, MPAM_EXT_CLASS_MEMORY);
	comp = mpam_ext_class_component(c, 0);
	KUNIT_ASSERT_NOT_NULL(test, comp);
	KUNIT_ASSERT_EQ(test, comp->nr_vmsc, 2);
	KUNIT_EXPECT_FALSE(test, comp->vmsc[0].refused);
	KUNIT_EXPECT_TRUE(test, comp->vmsc[1].refused);
	KUNIT_EXPECT_EQ(test, comp->vmsc[1].ris_refused, BIT(0));
	KUNIT_EXPECT_EQ(test, comp->props.features, 0);
	KUNIT_EXPECT_EQ(test, c->props.features, 0);
	KUNIT_EXPECT_EQ(test, c->props.bwa_wd, 0);
	t_expect_cpus(test, &c->cpus, 0, 7);
	KUNIT_ASSERT_GT(test, mpam_ext_merge_rec_summary(c, line, sizeof(line)), 0);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(line, "bandwidth control off: msc 254 ris 0"),
				  "%s", line);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(line, "refused by the probe, CPUs 0-7 lose"),
				  "%s", line);

	/* the only MSC of L2 13: the class keeps the component, loses all */
	refused = 67;
	m = mpam_ext_model_build(&in);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_model, m));
	c = t_class(test, m, 2);
	KUNIT_EXPECT_EQ(test, c->nr_comp, 4);
	t_expect_cpus(test, &c->cpus, 0, 7);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&c->excluded_cpus));
	KUNIT_EXPECT_EQ(test, c->props.features, 0);
	KUNIT_EXPECT_EQ(test, c->rec[c->nr_rec - 1].rule, MPAM_EXT_RULE_REFUSED);
	KUNIT_EXPECT_EQ(test, c->rec[c->nr_rec - 1].msc_id, 67);
	KUNIT_EXPECT_TRUE(test, c->rec[c->nr_rec - 1].cleared);

	/* excluding what was refused gives up its CPUs on purpose */
	in.exclude = &ex;
	in.nr_exclude = 1;
	m = mpam_ext_model_build(&in);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_model, m));
	c = t_class(test, m, 2);
	t_expect_cpus(test, &c->excluded_cpus, 6, 7);
	KUNIT_EXPECT_TRUE(test, c->props.features & T_F(CPOR));
	KUNIT_EXPECT_TRUE(test, ex.matched);

	m = t_build(test, t_parse(test, t_unknown_text), NULL, 0);
	KUNIT_EXPECT_EQ(test, m->nr_unused, 0);
	KUNIT_ASSERT_EQ(test, m->nr_classes, 2);
	c = t_class(test, m, MPAM_EXT_CLASS_UNKNOWN);
	KUNIT_EXPECT_EQ(test, m->classes[1].id, MPAM_EXT_CLASS_UNKNOWN);
	KUNIT_EXPECT_STREQ(test, c->name, "UNKNOWN");
	KUNIT_EXPECT_EQ(test, c->type, MPAM_EXT_CLASS_OTHER);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&c->cpus));
}

/* A RIS serves only the CPUs that can reach its MSC */
static void t_test_affinity(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "tiny");
	struct mpam_ext_model *m;

	p->mscs[0].has_affinity = true;
	cpumask_clear(&p->mscs[0].affinity);
	bitmap_set(cpumask_bits(&p->mscs[0].affinity), 0, 4);
	m = t_build(test, p, NULL, 0);
	t_expect_cpus(test, &t_class(test, m, 3)->comp[0].vmsc[0].cpus, 0, 3);
	t_expect_cpus(test, &t_class(test, m, 3)->cpus, 0, 3);
	t_expect_cpus(test, &t_class(test, m, MPAM_EXT_CLASS_MEMORY)->cpus, 0, 7);
}

/* Locators other than caches and memory go to the unknown class */
static void t_test_other_locators(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "tiny");
	struct mpam_ext_model *m;

	p->mscs[1].ris[0].loc = MPAM_EXT_LOC_SMMU;
	m = t_build(test, p, NULL, 0);
	KUNIT_ASSERT_EQ(test, m->nr_classes, 2);
	KUNIT_EXPECT_EQ(test, m->classes[1].id, MPAM_EXT_CLASS_UNKNOWN);
	KUNIT_EXPECT_NULL(test, mpam_ext_model_class(m, MPAM_EXT_CLASS_MEMORY));
}

static struct kunit_case t_merge_cases[] = {
	KUNIT_CASE(t_test_rules),
	KUNIT_CASE(t_test_polarity),
	KUNIT_CASE(t_test_shared_width),
	KUNIT_CASE(t_test_alias_shared_width),
	KUNIT_CASE(t_test_ranges),
	KUNIT_CASE(t_test_mbwu_width),
	KUNIT_CASE(t_test_not_merged),
	KUNIT_CASE(t_test_names),
	{}
};

static struct kunit_case t_model_cases[] = {
	KUNIT_CASE(t_test_tiny),
	KUNIT_CASE(t_test_kunpeng),
	KUNIT_CASE(t_test_grace),
	KUNIT_CASE(t_test_exclude),
	KUNIT_CASE(t_test_order),
	KUNIT_CASE(t_test_vmsc_alias),
	KUNIT_CASE(t_test_unusable),
	KUNIT_CASE(t_test_affinity),
	KUNIT_CASE(t_test_other_locators),
	{}
};

static struct kunit_suite t_merge_suite = {
	.name = "mpam_ext_merge",
	.test_cases = t_merge_cases,
};

static struct kunit_suite t_model_suite = {
	.name = "mpam_ext_model",
	.test_cases = t_model_cases,
};

kunit_test_suites(&t_merge_suite, &t_model_suite);
