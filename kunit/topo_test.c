// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of topology and resource picking: every parameter's accepted
 * and rejected values, the mainline policy on every shipped platform, the
 * mata policy on kunpeng-mini and on other shapes, mb_map=, exclude=,
 * reports of names the platform lacks, and the three problems of the
 * Kunpeng HIP12 report with the mainline and the mpam_ext outcome side by
 * side.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/model/topo.h>

#include "kunit/mpx_model_test.h"
#include <mpam_ext/model/model_test.h>
#include <mpam_ext/model/topo_test.h>

/* Parameters */

/**
 * struct t_param_case - one set of parameter values.
 * @policy:	policy=
 * @mb_class:	mb_class=
 * @mb_map:	mb_map=
 * @l2_mon:	l2_mon=
 * @exclude:	exclude=
 * @err:	expected message, "" when accepted
 */
struct t_param_case {
	const char *policy, *mb_class, *mb_map, *l2_mon, *exclude;
	const char *err;
};

#define T_EXCL	"expected <msc>[.<ris>][,...]: decimal MSC ids, RIS indexes 0-15"
#define T_MAP	"expected <component>:<L3 id>[+<L3 id>...][,...] with decimal ids"
#define T_CLASS	"expected auto, none, memory or a cache level L3-L7"
/* T_33 as a message shows it: its first 64 characters */
#define T_33_CUT	"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20," \
			"21,22,23,24,2"
#define T_33	"1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20," \
		"21,22,23,24,25,26,27,28,29,30,31,32,33"

static const struct t_param_case t_params[] = {
	/* accepted */
	{ NULL, NULL, NULL, NULL, NULL, "" },
	{ "", "", "", "", "", "" },
	{ "mainline", "auto", NULL, "auto", NULL, "" },
	{ "mata", "none", NULL, "on", NULL, "" },
	{ "mata", "memory", "0:1+26", "off", "67.0", "" },
	{ "mata", "MEM", "0:1+26,1:51+76", NULL, "67,68.15", "" },
	{ NULL, "L3", NULL, NULL, "4294967295", "" },
	{ NULL, "255", NULL, NULL, "0.0,0.1", "" },
	{ NULL, "7", NULL, NULL, NULL, "" },
	/* rejected, each with its message */
	{ "Mata", NULL, NULL, NULL, NULL,
	  "policy=\"Mata\": expected mainline or mata" },
	{ "mata ", NULL, NULL, NULL, NULL,
	  "policy=\"mata \": expected mainline or mata" },
	{ NULL, "L2", NULL, NULL, NULL,
	  "mb_class=\"L2\": " T_CLASS },
	{ NULL, "2", NULL, NULL, NULL,
	  "mb_class=\"2\": " T_CLASS },
	{ NULL, "L1", NULL, NULL, NULL,
	  "mb_class=\"L1\": " T_CLASS },
	{ NULL, "L8", NULL, NULL, NULL,
	  "mb_class=\"L8\": " T_CLASS },
	{ NULL, "254", NULL, NULL, NULL,
	  "mb_class=\"254\": " T_CLASS },
	{ NULL, "L", NULL, NULL, NULL,
	  "mb_class=\"L\": " T_CLASS },
	{ NULL, "99999999999", NULL, NULL, NULL,
	  "mb_class=\"99999999999\": " T_CLASS },
	{ NULL, NULL, NULL, "yes", NULL,
	  "l2_mon=\"yes\": expected auto, on or off" },
	{ NULL, NULL, NULL, NULL, "67.16",
	  "exclude=\"67.16\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, "67,",
	  "exclude=\"67,\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, ",67",
	  "exclude=\",67\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, "0x43",
	  "exclude=\"0x43\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, "4294967296",
	  "exclude=\"4294967296\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, "67.",
	  "exclude=\"67.\": " T_EXCL },
	{ NULL, NULL, NULL, NULL, T_33,
	  "exclude=\"" T_33_CUT "...\": more than 32 items" },
	{ "mainline", NULL, "0:1", NULL, NULL,
	  "mb_map=\"0:1\": needs policy=mata" },
	{ "mata", NULL, "0", NULL, NULL,
	  "mb_map=\"0\": " T_MAP },
	{ "mata", NULL, "0:", NULL, NULL,
	  "mb_map=\"0:\": " T_MAP },
	{ "mata", NULL, "0:1+", NULL, NULL,
	  "mb_map=\"0:1+\": " T_MAP },
	{ "mata", NULL, ":1", NULL, NULL,
	  "mb_map=\":1\": " T_MAP },
	{ "mata", NULL, "0:1,", NULL, NULL,
	  "mb_map=\"0:1,\": " T_MAP },
	{ "mata", NULL, "0:1,0:2", NULL, NULL,
	  "mb_map=\"0:1,0:2\": component 0 mapped twice" },
	{ "mata", NULL, "0:1+2,1:2", NULL, NULL,
	  "mb_map=\"0:1+2,1:2\": L3 2 mapped twice" },
	{ "mata", NULL, "0:5+5", NULL, NULL,
	  "mb_map=\"0:5+5\": L3 5 mapped twice" },
};

static void t_param_desc(const struct t_param_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s|%s|%s|%s|%s",
		 c->policy ?: "-", c->mb_class ?: "-", c->mb_map ?: "-",
		 c->l2_mon ?: "-", c->exclude ?: "-");
}

KUNIT_ARRAY_PARAM(t_param, t_params, t_param_desc);

static void t_test_params(struct kunit *test)
{
	const struct t_param_case *c = test->param_value;
	char err[MPAM_EXT_PARAM_ERR_LEN];
	struct mpam_ext_topo_params *p;
	int ret;

	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	ret = mpam_ext_topo_parse_params(p, c->policy, c->mb_class, c->mb_map,
					 c->l2_mon, c->exclude, err, sizeof(err));
	KUNIT_EXPECT_STREQ(test, err, c->err);
	KUNIT_EXPECT_EQ(test, ret, c->err[0] ? -EINVAL : 0);
}

/* The values the accepted parameters parse to */
static void t_test_param_values(struct kunit *test)
{
	struct mpam_ext_topo_params *p;
	char err[MPAM_EXT_PARAM_ERR_LEN];

	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, 0,
			mpam_ext_topo_parse_params(p, NULL, NULL, NULL, NULL, NULL,
						   err, sizeof(err)));
	KUNIT_EXPECT_EQ(test, p->policy, MPAM_EXT_POLICY_MAINLINE);
	KUNIT_EXPECT_EQ(test, p->mb_class, MPAM_EXT_MB_CLASS_AUTO);
	KUNIT_EXPECT_EQ(test, p->l2_mon, MPAM_EXT_AUTO);
	KUNIT_EXPECT_EQ(test, p->nr_map, 0);
	KUNIT_EXPECT_EQ(test, p->nr_exclude, 0);

	KUNIT_ASSERT_EQ(test, 0,
			mpam_ext_topo_parse_params(p, "mata", "L3", "0:1+26,7:51",
						   "off", "67,68.15", err, sizeof(err)));
	KUNIT_EXPECT_EQ(test, p->policy, MPAM_EXT_POLICY_MATA);
	KUNIT_EXPECT_EQ(test, p->mb_class, 3);
	KUNIT_EXPECT_EQ(test, p->l2_mon, MPAM_EXT_OFF);
	KUNIT_ASSERT_EQ(test, p->nr_map, 2);
	KUNIT_EXPECT_EQ(test, p->map[0].comp, 0);
	KUNIT_ASSERT_EQ(test, p->map[0].nr_l3, 2);
	KUNIT_EXPECT_EQ(test, p->map[0].l3[0], 1);
	KUNIT_EXPECT_EQ(test, p->map[0].l3[1], 26);
	KUNIT_EXPECT_EQ(test, p->map[1].comp, 7);
	KUNIT_EXPECT_EQ(test, p->map[1].l3[0], 51);
	KUNIT_ASSERT_EQ(test, p->nr_exclude, 2);
	KUNIT_EXPECT_EQ(test, p->exclude[0].msc_id, 67);
	KUNIT_EXPECT_TRUE(test, p->exclude[0].all);
	KUNIT_EXPECT_EQ(test, p->exclude[1].msc_id, 68);
	KUNIT_EXPECT_FALSE(test, p->exclude[1].all);
	KUNIT_EXPECT_EQ(test, p->exclude[1].ris, 15);

	KUNIT_ASSERT_EQ(test, 0,
			mpam_ext_topo_parse_params(p, NULL, "memory", NULL, NULL,
						   NULL, err, sizeof(err)));
	KUNIT_EXPECT_EQ(test, p->mb_class, MPAM_EXT_CLASS_MEMORY);
	KUNIT_ASSERT_EQ(test, 0,
			mpam_ext_topo_parse_params(p, NULL, "none", NULL, NULL,
						   NULL, err, sizeof(err)));
	KUNIT_EXPECT_EQ(test, p->mb_class, MPAM_EXT_MB_CLASS_NONE);
}

/* Picking */

/* The module parameters, parsed; freed with the test */
static struct mpam_ext_topo_params *t_parsed(struct kunit *test,
					     const char *policy,
					     const char *mb_class,
					     const char *mb_map,
					     const char *l2_mon,
					     const char *exclude)
{
	char err[MPAM_EXT_PARAM_ERR_LEN];
	struct mpam_ext_topo_params *params;

	params = kunit_kzalloc(test, sizeof(*params), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, params);
	KUNIT_ASSERT_EQ_MSG(test, 0,
			    mpam_ext_topo_parse_params(params, policy, mb_class,
						       mb_map, l2_mon, exclude,
						       err, sizeof(err)),
			    "%s", err);
	return params;
}

/* Build the model of @in and pick with @params; freed with the test */
static struct mpam_ext_topo *t_pick_model(struct kunit *test,
					  const struct mpam_ext_model_input *in,
					  const struct mpam_ext_topo_params *params)
{
	struct mpam_ext_model *m;
	struct mpam_ext_topo *t;

	m = mpam_ext_model_build(in);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_model, m));
	t = mpam_ext_topo_pick(m, params);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_topo, t));
	return t;
}

/* Parse the parameters, build the model of @p with them and pick */
static struct mpam_ext_topo *t_pick(struct kunit *test,
				    const struct mpam_ext_platform *p,
				    const char *policy, const char *mb_class,
				    const char *mb_map, const char *l2_mon,
				    const char *exclude)
{
	struct mpam_ext_topo_params *params = t_parsed(test, policy, mb_class,
							mb_map, l2_mon, exclude);
	struct mpam_ext_model_input in = {
		.plat = p,
		.exclude = params->exclude,
		.nr_exclude = params->nr_exclude,
	};

	KUNIT_ASSERT_NOT_NULL(test, p);
	return t_pick_model(test, &in, params);
}

/*
 * The last decision about @what has @result and a reason containing @why
 * (NULL: any reason).
 */
static void t_expect(struct kunit *test, const struct mpam_ext_topo *t,
		     const char *what, const char *result, const char *why)
{
	const struct mpam_ext_decision *d = mpam_ext_topo_find(t, what);

	KUNIT_ASSERT_NOT_NULL_MSG(test, d, "no decision about %s", what);
	KUNIT_EXPECT_STREQ_MSG(test, d->result, result, "%s: %s", what, d->why);
	if (why)
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(d->why, why),
					  "%s: '%s' lacks '%s'", what, d->why, why);
}

/* A decision about @what with @result and @why exists (any position) */
static void t_expect_any(struct kunit *test, const struct mpam_ext_topo *t,
			 const char *what, int class_id, const char *result,
			 const char *why)
{
	unsigned int i;

	for (i = 0; i < t->nr_dec; i++) {
		const struct mpam_ext_decision *d = &t->dec[i];

		if (!strcmp(d->what, what) && d->class_id == class_id &&
		    !strcmp(d->result, result) && strstr(d->why, why))
			return;
	}
	KUNIT_FAIL(test, "no decision %s class %d %s '%s'", what, class_id,
		   result, why);
}

static void t_expect_doms(struct kunit *test, const struct mpam_ext_pick *pk,
			  u8 class_id, unsigned int n, const u32 *ids,
			  const u32 *comps)
{
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, pk->cls);
	KUNIT_EXPECT_EQ(test, pk->cls->id, class_id);
	KUNIT_ASSERT_EQ(test, pk->nr_dom, n);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, pk->dom[i].id, ids[i]);
		KUNIT_EXPECT_EQ(test, pk->dom[i].comp->id, comps[i]);
	}
}

static void t_test_mainline_tiny(struct kunit *test)
{
	struct mpam_ext_topo *t = t_pick(test, t_shipped(test, "tiny"),
					 NULL, NULL, NULL, NULL, NULL);
	static const u32 zero[] = { 0 };

	t_expect(test, t, "L2", "absent", "no L2 MSC");
	t_expect(test, t, "L3", "picked", "domains 1, 16-bit");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_L3], 3, 1, zero, zero);
	/* one L3, one node: the memory class passes both L3 checks */
	t_expect(test, t, "MB", "picked", "policy mainline");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_MB], MPAM_EXT_CLASS_MEMORY,
		      1, zero, zero);
	t_expect(test, t, "llc_occupancy", "picked", NULL);
	t_expect(test, t, "mbm_total_bytes", "picked", NULL);
	t_expect_doms(test, &t->ev[MPAM_EXT_EV_MBM_TOTAL], 3, 1, zero, zero);
	t_expect(test, t, "mbm_local_bytes", "unused", NULL);
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_MBM_LOCAL].cls);
	t_expect(test, t, "L2 monitors", "skipped", "policy mainline");
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_L2_OCCUPANCY].cls);
}

static void t_test_mainline_kunpeng(struct kunit *test)
{
	struct mpam_ext_topo *t = t_pick(test, t_shipped(test, "kunpeng-mini"),
					 "mainline", NULL, NULL, NULL, NULL);
	static const u32 l3s[] = { 1, 26 };

	t_expect(test, t, "L2", "refused",
		 "cache portion control off: msc 67 ris 0 has no CPOR (width 0 vs 8)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_L2].cls);
	t_expect(test, t, "L3", "picked", "17-bit");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_L3], 3, 2, l3s, l3s);
	t_expect_any(test, t, "MB", 2, "skipped", "L2 is before L3");
	t_expect_any(test, t, "MB", 3, "refused", "no maximum bandwidth control");
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "component 0 (CPUs 0-7) is not the CPU set of one L3");
	t_expect(test, t, "MB", "refused", "no class qualifies (policy mainline)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	t_expect(test, t, "llc_occupancy", "picked", "4 CSU monitors");
	t_expect_any(test, t, "mbm_total_bytes", MPAM_EXT_CLASS_MEMORY, "refused",
		     "topology does not match L3");
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_MBM_TOTAL].cls);
	t_expect(test, t, "L2 monitors", "skipped", NULL);
}

static void t_test_mainline_grace(struct kunit *test)
{
	struct mpam_ext_topo *t = t_pick(test, t_shipped(test, "grace-mini"),
					 NULL, NULL, NULL, NULL, NULL);

	t_expect(test, t, "L3", "picked", "12-bit");
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "component 0 (CPUs 0-3) is not the CPU set of one L3");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	t_expect(test, t, "llc_occupancy", "picked", "16 CSU monitors");
	t_expect(test, t, "mbm_total_bytes", "refused", NULL);
}

/*
 * Coverage counts the CPUs the kernel can run, not only those the
 * description names: a CPU no cache of the platform lists is left
 * uncontrolled, so no class is picked.
 */
static const char t_half_text[] =
	"platform name half\n"
	"cache level 3 id 0 cpus 0-3\n"
	"memory id 0 cpus 0-3\n"
	"msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 96 aidr 0x10 iidr 0x43b\n"
	"  ris index 0 loc cache:3:0 features cpor,csu partid-max 63 pmg-max 1 cpbm-wd 16 csu-mon 8\n"
	"msc id 1 base 0x10010000 size 0x4000 nrdy-us 10 err-irq 97 aidr 0x10 iidr 0x43b\n"
	"  ris index 0 loc memory:0 features mbw-max partid-max 63 pmg-max 1 bwa-wd 8\n";

static void t_test_possible_cpus(struct kunit *test)
{
	struct mpam_ext_model_input in = {
		.plat = t_parse(test, t_half_text),
	};
	struct mpam_ext_topo *t;
	struct cpumask *cpus;

	cpus = kunit_kzalloc(test, sizeof(*cpus), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpus);
	KUNIT_ASSERT_EQ(test, cpulist_parse("0-7", cpus), 0);
	in.cpus = cpus;
	t = t_pick_model(test, &in, t_parsed(test, NULL, NULL, NULL, NULL, NULL));
	t_expect(test, t, "L3", "refused", "covers CPUs 0-3 of 0-7");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_L3].cls);
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_LLC_OCCUPANCY].cls);

	/* The same CPUs as the description: picked as before */
	KUNIT_ASSERT_EQ(test, cpulist_parse("0-3", cpus), 0);
	t = t_pick_model(test, &in, t_parsed(test, NULL, NULL, NULL, NULL, NULL));
	t_expect(test, t, "L3", "picked", NULL);
}

/* One L3 over CPUs 0-3 and its MSCs; each case adds memory nodes first */
#define T_L3_HEAD "platform name one-l3\ncache level 3 id 0 cpus 0-3\n"
#define T_L3_MSCS							\
	"msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 96 aidr 0x10 iidr 0x43b\n" \
	"  ris index 0 loc cache:3:0 features cpor partid-max 63 pmg-max 1 cpbm-wd 16\n" \
	"msc id 1 base 0x10010000 size 0x4000 nrdy-us 10 err-irq 97 aidr 0x10 iidr 0x43b\n" \
	"  ris index 0 loc memory:0 features mbw-max,mbwu partid-max 63 pmg-max 1 bwa-wd 8 mbwu-mon 4 mbwu-width 44\n"

static const char t_one_node_text[] = T_L3_HEAD "memory id 0 cpus 0-3\n" T_L3_MSCS;
static const char t_two_nodes_text[] = T_L3_HEAD
	"memory id 0 cpus 0-3\nmemory id 1 cpus none\n" T_L3_MSCS;
static const char t_l4_text[] = T_L3_HEAD
	"cache level 4 id 9 cpus 0-3\n"
	"memory id 0 cpus 0-3\n" T_L3_MSCS
	"msc id 2 base 0x10020000 size 0x4000 nrdy-us 10 err-irq 98 aidr 0x10 iidr 0x43b\n"
	"  ris index 0 loc cache:4:9 features mbw-max partid-max 63 pmg-max 1 bwa-wd 8\n";

/* Pick @text under mainline, the kernel counting @nr_nodes NUMA nodes */
static struct mpam_ext_topo *t_pick_nodes(struct kunit *test, const char *text,
					  unsigned int nr_nodes)
{
	struct mpam_ext_model_input in = {
		.plat = t_parse(test, text),
		.nr_nodes = nr_nodes,
	};

	return t_pick_model(test, &in,
			    t_parsed(test, "mainline", NULL, NULL, NULL, NULL));
}

/*
 * Mainline's traffic checks for memory-side bandwidth: one L3, one NUMA
 * node (the kernel's count when given), L3 the last cache level; a cache
 * class beyond L3 is never a candidate.
 */
static void t_test_mainline_traffic(struct kunit *test)
{
	struct mpam_ext_topo *t;

	t = t_pick_nodes(test, t_one_node_text, 0);
	t_expect(test, t, "MB", "picked", "policy mainline");
	t_expect(test, t, "mbm_total_bytes", "picked", NULL);

	t = t_pick_nodes(test, t_two_nodes_text, 0);
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "2 memory nodes (description; needs one)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);

	/* the machine's own platform: the kernel's node count decides */
	t = t_pick_nodes(test, t_one_node_text, 2);
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "2 memory nodes (kernel; needs one)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	t = t_pick_nodes(test, t_two_nodes_text, 1);
	t_expect(test, t, "MB", "picked", "policy mainline");

	t = t_pick_nodes(test, t_l4_text, 0);
	t_expect_any(test, t, "MB", 4, "skipped", "L4 is beyond L3");
	t_expect_any(test, t, "mbm_total_bytes", 4, "skipped", "L4 is beyond L3");
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "L3 is not the last cache level (L4)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_MBM_TOTAL].cls);
}

static void t_test_mata_kunpeng(struct kunit *test)
{
	struct mpam_ext_topo *t = t_pick(test, t_shipped(test, "kunpeng-mini"),
					 "mata", NULL, NULL, NULL, NULL);
	static const u32 l3s[] = { 1, 26 }, comp0[] = { 0, 0 };
	static const u32 l2s[] = { 4, 7, 10, 13 };

	/* MB and mbm_total_bytes from the MATA, on both L3 domains */
	t_expect(test, t, "MB", "picked", "1<-0,26<-0");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_MB], MPAM_EXT_CLASS_MEMORY,
		      2, l3s, comp0);
	KUNIT_EXPECT_PTR_EQ(test, t->res[MPAM_EXT_RES_MB].dom[0].comp,
			    t->res[MPAM_EXT_RES_MB].dom[1].comp);
	t_expect(test, t, "mbm_total_bytes", "picked", "policy mata");
	t_expect_doms(test, &t->ev[MPAM_EXT_EV_MBM_TOTAL], MPAM_EXT_CLASS_MEMORY,
		      2, l3s, comp0);
	/* L2 monitors on every L2 */
	t_expect(test, t, "l2_occupancy", "picked", "2 CSU monitors");
	t_expect_doms(test, &t->ev[MPAM_EXT_EV_L2_OCCUPANCY], 2, 4, l2s, l2s);
	t_expect(test, t, "mbm_l2_total_bytes", "picked", "2 MBWU monitors");
	t_expect_doms(test, &t->ev[MPAM_EXT_EV_L2_MBM_TOTAL], 2, 4, l2s, l2s);
	/* L2 cache control still needs the exclusion */
	t_expect(test, t, "L2", "refused", "msc 67 ris 0 has no CPOR");

	t = t_pick(test, t_shipped(test, "kunpeng-mini"), "mata", NULL, NULL,
		   NULL, "67.0");
	t_expect(test, t, "L2", "picked", "CPUs 6-7 have no L2 control");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_L2], 2, 3, l2s, l2s);
	t_expect(test, t, "exclude", "excluded", "msc 67 ris 0");
	t_expect(test, t, "l2_occupancy", "picked", "domains 3");
	t_expect(test, t, "MB", "picked", NULL);
}

/* A memory component that splits an L3 is refused under mata too */
static void t_test_mata_grace(struct kunit *test)
{
	struct mpam_ext_topo *t = t_pick(test, t_shipped(test, "grace-mini"),
					 "mata", NULL, NULL, NULL, NULL);

	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "component 0 (CPUs 0-3) splits L3 0 (CPUs 0-7)");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	t_expect(test, t, "l2_occupancy", "absent", NULL);
}

/* Two memory-side components, each over two whole L3s */
static void t_test_mata_two_sockets(struct kunit *test)
{
	static const u32 l3s[] = { 1, 2, 3, 4 }, comps[] = { 0, 0, 1, 1 };
	struct mpam_ext_platform *p = t_parse(test, t_two_socket_text);
	struct mpam_ext_topo *t = t_pick(test, p, "mata", NULL, NULL, NULL, NULL);

	t_expect_doms(test, &t->res[MPAM_EXT_RES_MB], MPAM_EXT_CLASS_MEMORY,
		      4, l3s, comps);
	t_expect_doms(test, &t->ev[MPAM_EXT_EV_MBM_TOTAL], MPAM_EXT_CLASS_MEMORY,
		      4, l3s, comps);
	/* the class takes the smaller monitor count of its components */
	KUNIT_EXPECT_EQ(test, t->ev[MPAM_EXT_EV_MBM_TOTAL].cls->props.num_mbwu_mon, 2);

	t = t_pick(test, p, "mainline", NULL, NULL, NULL, NULL);
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "component 0 (CPUs 0-3) is not the CPU set of one L3");
}

/* mb_map= maps components whose CPU sets do not line up with L3s */
static void t_test_mb_map(struct kunit *test)
{
	static const u32 l3s[] = { 1, 26 }, comps[] = { 0, 1 }, comp0[] = { 0, 0 };
	struct mpam_ext_platform *p = t_parse(test, t_map_text);
	struct mpam_ext_topo *t;

	t = t_pick(test, p, "mata", NULL, NULL, NULL, NULL);
	t_expect_any(test, t, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "component 0 (CPUs 0-1) splits L3 1 (CPUs 0-3)");

	t = t_pick(test, p, "mata", NULL, "0:1,1:26", NULL, NULL);
	t_expect(test, t, "MB", "picked", "1<-0,26<-1");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_MB], MPAM_EXT_CLASS_MEMORY,
		      2, l3s, comps);
	KUNIT_EXPECT_NULL(test, mpam_ext_topo_find(t, "mb_map"));

	/* one component for both L3s: the other backs none */
	t = t_pick(test, p, "mata", NULL, "0:1+26", NULL, NULL);
	t_expect(test, t, "MB", "picked", "component 1 backs no L3");
	t_expect_doms(test, &t->res[MPAM_EXT_RES_MB], MPAM_EXT_CLASS_MEMORY,
		      2, l3s, comp0);

	/* names the platform lacks are reported */
	t = t_pick(test, p, "mata", NULL, "0:1+99,7:26", NULL, NULL);
	t_expect(test, t, "MB", "picked", "L3 26 has no domain");
	t_expect_any(test, t, "mb_map", -1, "absent", "component 0: L3 99 is not in platform map");
	t_expect_any(test, t, "mb_map", -1, "absent", "component 7: not a component");
}

/* Overrides: mb_class=, l2_mon=, and names the platform lacks */
static void t_test_overrides(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "kunpeng-mini");
	struct mpam_ext_topo *t;

	t = t_pick(test, p, "mata", "none", NULL, NULL, NULL);
	t_expect(test, t, "MB", "refused", "mb_class=none");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);
	/* mbm_total_bytes does not follow mb_class= */
	t_expect(test, t, "mbm_total_bytes", "picked", NULL);

	t = t_pick(test, p, "mata", "L3", NULL, NULL, NULL);
	t_expect_any(test, t, "MB", 3, "refused", "no maximum bandwidth control");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);

	t = t_pick(test, p, "mata", "memory", NULL, NULL, NULL);
	t_expect(test, t, "MB", "picked", NULL);

	t = t_pick(test, p, "mata", "L5", NULL, NULL, NULL);
	t_expect(test, t, "mb_class", "absent", "class 5: not in platform kunpeng-mini");
	KUNIT_EXPECT_NULL(test, t->res[MPAM_EXT_RES_MB].cls);

	t = t_pick(test, p, "mainline", NULL, NULL, "on", NULL);
	t_expect(test, t, "l2_occupancy", "picked", NULL);
	t_expect(test, t, "mbm_l2_total_bytes", "picked", NULL);

	t = t_pick(test, p, "mata", NULL, NULL, "off", NULL);
	t_expect(test, t, "L2 monitors", "skipped", "l2_mon=off");
	KUNIT_EXPECT_NULL(test, t->ev[MPAM_EXT_EV_L2_OCCUPANCY].cls);

	t = t_pick(test, p, NULL, NULL, NULL, NULL, "300,64.3,252");
	t_expect_any(test, t, "exclude", -1, "absent", "msc 300: not in platform kunpeng-mini");
	t_expect_any(test, t, "exclude", -1, "absent", "msc 64 ris 3: not in platform");
	t_expect_any(test, t, "exclude", -1, "excluded", "msc 252 left out");
}

/*
 * The Kunpeng HIP12 report, problem 1: MB and MBWU live in the MATA,
 * whose component spans several L3s. Mainline refuses both; mata uses
 * them on every L3 domain.
 */
static void t_test_report_mata_mb(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "kunpeng-mini");
	struct mpam_ext_topo *ml = t_pick(test, p, "mainline", NULL, NULL, NULL, NULL);
	struct mpam_ext_topo *mx = t_pick(test, p, "mata", NULL, NULL, NULL, NULL);

	/* mainline: refused, with the reason */
	t_expect_any(test, ml, "MB", MPAM_EXT_CLASS_MEMORY, "refused",
		     "topology does not match L3 (policy mainline)");
	KUNIT_EXPECT_NULL(test, ml->res[MPAM_EXT_RES_MB].cls);
	KUNIT_EXPECT_NULL(test, ml->ev[MPAM_EXT_EV_MBM_TOTAL].cls);
	/* mpam_ext: MB and mbm_total_bytes from class 255 */
	KUNIT_ASSERT_NOT_NULL(test, mx->res[MPAM_EXT_RES_MB].cls);
	KUNIT_EXPECT_EQ(test, mx->res[MPAM_EXT_RES_MB].cls->id, MPAM_EXT_CLASS_MEMORY);
	KUNIT_ASSERT_NOT_NULL(test, mx->ev[MPAM_EXT_EV_MBM_TOTAL].cls);
	KUNIT_EXPECT_EQ(test, mx->ev[MPAM_EXT_EV_MBM_TOTAL].cls->id,
			MPAM_EXT_CLASS_MEMORY);
}

/* Problem 2: L2 CSU and MBWU monitors. Mainline ignores them. */
static void t_test_report_l2_monitors(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "kunpeng-mini");
	struct mpam_ext_topo *ml = t_pick(test, p, "mainline", NULL, NULL, NULL, NULL);
	struct mpam_ext_topo *mx = t_pick(test, p, "mata", NULL, NULL, NULL, NULL);

	t_expect(test, ml, "L2 monitors", "skipped", "monitors on L3 only");
	KUNIT_EXPECT_NULL(test, ml->ev[MPAM_EXT_EV_L2_OCCUPANCY].cls);
	KUNIT_EXPECT_NULL(test, ml->ev[MPAM_EXT_EV_L2_MBM_TOTAL].cls);
	KUNIT_ASSERT_NOT_NULL(test, mx->ev[MPAM_EXT_EV_L2_OCCUPANCY].cls);
	KUNIT_EXPECT_EQ(test, mx->ev[MPAM_EXT_EV_L2_OCCUPANCY].nr_dom, 4);
	KUNIT_ASSERT_NOT_NULL(test, mx->ev[MPAM_EXT_EV_L2_MBM_TOTAL].cls);
	KUNIT_EXPECT_EQ(test, mx->ev[MPAM_EXT_EV_L2_MBM_TOTAL].nr_dom, 4);
}

/*
 * Problem 3: one L2 RIS without CPOR silently cleared L2 cache control.
 * Mainline: the class loses it and only pointer values are logged. Here
 * the record names the RIS, both widths and the rule, and excluding the
 * RIS gives the other L2s their control back.
 */
static void t_test_report_cleared_cpor(struct kunit *test)
{
	struct mpam_ext_platform *p = t_shipped(test, "kunpeng-mini");
	struct mpam_ext_topo *ml = t_pick(test, p, "mainline", NULL, NULL, NULL, NULL);
	struct mpam_ext_topo *mx = t_pick(test, p, "mata", NULL, NULL, NULL, "67.0");
	struct mpam_ext_class *l2 = mpam_ext_model_class(t_build(test, p, NULL, 0), 2);
	char line[256];

	KUNIT_EXPECT_NULL(test, ml->res[MPAM_EXT_RES_L2].cls);
	KUNIT_ASSERT_NOT_NULL(test, l2);
	KUNIT_ASSERT_EQ(test, l2->nr_rec, 1);
	mpam_ext_merge_rec_print(&l2->rec[0], line, sizeof(line));
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "prop=cpor action=cleared"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "before=8 child_value=0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "msc=67 ris=0"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "rule=needed-everywhere"));

	KUNIT_ASSERT_NOT_NULL(test, mx->res[MPAM_EXT_RES_L2].cls);
	KUNIT_EXPECT_TRUE(test, mx->res[MPAM_EXT_RES_L2].cls->props.features &
			  T_F(CPOR));
	KUNIT_EXPECT_EQ(test, mx->res[MPAM_EXT_RES_L2].cls->props.cpbm_wd, 8);
	KUNIT_EXPECT_EQ(test, mx->res[MPAM_EXT_RES_L2].nr_dom, 3);
}

/* Decision lines */
static void t_test_decision_print(struct kunit *test)
{
	struct mpam_ext_decision d = {
		.what = "MB", .class_id = 255, .result = "refused",
	};
	char line[MPAM_EXT_WHY_LEN + 64];

	strscpy(d.why, "reason", sizeof(d.why));
	mpam_ext_decision_print(&d, line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line, "what=MB class=255 result=refused why=reason");
	d.class_id = -1;
	mpam_ext_decision_print(&d, line, sizeof(line));
	KUNIT_EXPECT_STREQ(test, line, "what=MB class=- result=refused why=reason");
	KUNIT_EXPECT_STREQ(test, mpam_ext_res_name(MPAM_EXT_RES_MB), "MB");
	KUNIT_EXPECT_STREQ(test, mpam_ext_event_name(MPAM_EXT_EV_L2_OCCUPANCY),
			   "l2_occupancy");
	KUNIT_EXPECT_STREQ(test, mpam_ext_policy_name(MPAM_EXT_POLICY_MATA), "mata");
}

static struct kunit_case t_param_cases[] = {
	KUNIT_CASE_PARAM(t_test_params, t_param_gen_params),
	KUNIT_CASE(t_test_param_values),
	{}
};

static struct kunit_case t_pick_cases[] = {
	KUNIT_CASE(t_test_mainline_tiny),
	KUNIT_CASE(t_test_mainline_kunpeng),
	KUNIT_CASE(t_test_mainline_grace),
	KUNIT_CASE(t_test_possible_cpus),
	KUNIT_CASE(t_test_mainline_traffic),
	KUNIT_CASE(t_test_mata_kunpeng),
	KUNIT_CASE(t_test_mata_grace),
	KUNIT_CASE(t_test_mata_two_sockets),
	KUNIT_CASE(t_test_mb_map),
	KUNIT_CASE(t_test_overrides),
	KUNIT_CASE(t_test_decision_print),
	{}
};

static struct kunit_case t_report_cases[] = {
	KUNIT_CASE(t_test_report_mata_mb),
	KUNIT_CASE(t_test_report_l2_monitors),
	KUNIT_CASE(t_test_report_cleared_cpor),
	{}
};

static struct kunit_suite t_param_suite = {
	.name = "mpam_ext_params",
	.test_cases = t_param_cases,
};

static struct kunit_suite t_pick_suite = {
	.name = "mpam_ext_pick",
	.test_cases = t_pick_cases,
};

static struct kunit_suite t_report_suite = {
	.name = "mpam_ext_hip12_report",
	.test_cases = t_report_cases,
};

kunit_test_suites(&t_param_suite, &t_pick_suite, &t_report_suite);
