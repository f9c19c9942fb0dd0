/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers and platforms shared by the model and topology KUnit suites.
 */
#ifndef MPX_MODEL_TEST_H
#define MPX_MODEL_TEST_H

#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/model/topo.h>

#include "kunit/mpx_platform_texts.h"

#define T_F(f)		BIT(MPAM_EXT_HW_##f)

/* Properties with @features, PARTIDs 0-63 and PMGs 0-3, nothing else */
static inline void t_hw(struct mpam_ext_ris_hw *hw, unsigned long features)
{
	memset(hw, 0, sizeof(*hw));
	hw->features = features;
	hw->partid_max = 63;
	hw->pmg_max = 3;
}

static inline void t_free_platform(void *p)
{
	mpam_ext_platform_free(p);
}

static inline void t_free_model(void *m)
{
	mpam_ext_model_free(m);
}

static inline void t_free_topo(void *t)
{
	mpam_ext_topo_free(t);
}

/* Parse @text against CPUs 0-7; freed with the test */
static inline struct mpam_ext_platform *t_parse(struct kunit *test,
						const char *text)
{
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;
	struct cpumask *cpus;

	if (nr_cpu_ids < 8)
		kunit_skip(test, "needs 8 possible CPUs, have %u", nr_cpu_ids);
	cpus = kunit_kzalloc(test, sizeof(*cpus), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpus);
	bitmap_set(cpumask_bits(cpus), 0, 8);
	p = mpam_ext_platform_parse(text, strlen(text), cpus, err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "parse: %s", err);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_platform, p));
	return p;
}

/* A shipped platform, parsed */
static inline struct mpam_ext_platform *t_shipped(struct kunit *test,
						  const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_platform_texts); i++)
		if (!strcmp(mpx_platform_texts[i].name, name))
			return t_parse(test, mpx_platform_texts[i].text);
	KUNIT_FAIL(test, "no shipped platform %s", name);
	return NULL;
}

/* The model of @p with these exclusions; freed with the test */
static inline struct mpam_ext_model *t_build(struct kunit *test,
					     const struct mpam_ext_platform *p,
					     struct mpam_ext_exclude *excl,
					     unsigned int nr_excl)
{
	struct mpam_ext_model_input in = {
		.plat = p,
		.exclude = excl,
		.nr_exclude = nr_excl,
	};
	struct mpam_ext_model *m;

	KUNIT_ASSERT_NOT_NULL(test, p);
	m = mpam_ext_model_build(&in);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_model, m));
	return m;
}

static inline void t_teardown_mscs(void *unused)
{
	mpam_ext_msc_teardown_all();
}

/*
 * @p on simulated MSCs, its model (returned in @mp when not NULL) and the
 * pick with @policy and @exclude; all torn down with the test.
 */
static inline struct mpam_ext_topo *t_setup_sim(struct kunit *test,
						struct mpam_ext_platform *p,
						const char *policy,
						const char *exclude,
						struct mpam_ext_model **mp)
{
	char err[MPAM_EXT_PARAM_ERR_LEN];
	struct mpam_ext_topo_params *params;
	struct mpam_ext_model *m;
	struct mpam_ext_topo *t;

	if (mpam_ext_msc_next(NULL))
		kunit_skip(test, "MSCs already set up by the module");
	params = kunit_kzalloc(test, sizeof(*params), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, params);
	KUNIT_ASSERT_EQ(test, 0,
			mpam_ext_topo_parse_params(params, policy, NULL, NULL, NULL,
						   exclude, err, sizeof(err)));
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_setup_all(p, true, NULL, NULL));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_teardown_mscs, NULL));
	m = t_build(test, p, params->exclude, params->nr_exclude);
	t = mpam_ext_topo_pick(m, params);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_topo, t));
	if (mp)
		*mp = m;
	return t;
}

static inline struct mpam_ext_class *t_class(struct kunit *test,
					     const struct mpam_ext_model *m,
					     u8 id)
{
	struct mpam_ext_class *c = mpam_ext_model_class(m, id);

	KUNIT_ASSERT_NOT_NULL_MSG(test, c, "no class %u", id);
	return c;
}

/* A memory RIS with maximum bandwidth and @mons 44-bit MBWU monitors */
#define T_MEM_RIS(node, mons)						\
	"  ris index 0 loc memory:" #node " features mbw-max,mbwu"		\
	" partid-max 31 pmg-max 3 bwa-wd 8 mbwu-mon " #mons " mbwu-width 44\n"

#define T_MSC(id, base)	"msc id " #id " base " #base \
			" size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b\n"

/* Four L2s; MSCs 11 and 13 lack CPOR, MSC 12 has more CSU monitors */
#define T_L2_CACHES							\
	"platform name mixed\n"						\
	"cache level 2 id 0 cpus 0-1\n"					\
	"cache level 2 id 1 cpus 2-3\n"					\
	"cache level 2 id 2 cpus 4-5\n"					\
	"cache level 2 id 3 cpus 6-7\n"
#define T_L2_10	T_MSC(10, 0x10000000) \
	"  ris index 0 loc cache:2:0 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 8 csu-mon 2\n"
#define T_L2_11	T_MSC(11, 0x10010000) \
	"  ris index 0 loc cache:2:1 features csu partid-max 31 pmg-max 3 csu-mon 2\n"
#define T_L2_12	T_MSC(12, 0x10020000) \
	"  ris index 0 loc cache:2:2 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 8 csu-mon 4\n"
#define T_L2_13	T_MSC(13, 0x10030000) \
	"  ris index 0 loc cache:2:3 features csu partid-max 31 pmg-max 3 csu-mon 2\n"

static const char t_l2_mixed_text[] __maybe_unused =
	T_L2_CACHES T_L2_10 T_L2_11 T_L2_12 T_L2_13;
static const char t_l2_mixed_reversed_text[] __maybe_unused =
	T_L2_CACHES T_L2_13 T_L2_12 T_L2_11 T_L2_10;

/* One MSC with three RIS on one L3: they alias into one vMSC */
static const char t_alias_text[] __maybe_unused =
	"platform name alias\n"
	"cache level 3 id 0 cpus 0-7\n"
	T_MSC(5, 0x10000000)
	"  ris index 0 loc cache:3:0 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	"  ris index 1 loc cache:3:0 features mbwu partid-max 31 pmg-max 3 mbwu-mon 2 mbwu-width 44\n"
	"  ris index 2 loc cache:3:0 features cpor partid-max 31 pmg-max 3 cpbm-wd 8\n";

/* A RIS with an unknown locator */
static const char t_unknown_text[] __maybe_unused =
	"platform name unknown\n"
	"cache level 3 id 0 cpus 0-7\n"
	T_MSC(1, 0x10000000)
	"  ris index 0 loc cache:3:0 features cpor partid-max 31 pmg-max 3 cpbm-wd 16\n"
	T_MSC(2, 0x10010000)
	"  ris index 0 loc unknown features csu partid-max 31 pmg-max 3 csu-mon 1\n";

/*
 * Two L3s and memory nodes whose CPUs split them (0-1 and 2-7): the
 * memory-side bandwidth control maps onto L3 domains only by mb_map=.
 */
static const char t_map_text[] __maybe_unused =
	"platform name map\n"
	"cache level 3 id 1 cpus 0-3\n"
	"cache level 3 id 26 cpus 4-7\n"
	"memory id 0 cpus 0-1\n"
	"memory id 1 cpus 2-7\n"
	T_MSC(128, 0x10000000)
	"  ris index 0 loc cache:3:1 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(129, 0x10010000)
	"  ris index 0 loc cache:3:26 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(300, 0x10020000)
	T_MEM_RIS(0, 4)
	T_MSC(301, 0x10030000)
	T_MEM_RIS(1, 4);

/*
 * Two sockets: four L3s, two memory-side components each spanning two
 * whole L3s (the HIP12 shape with more than one MATA component).
 */
static const char t_two_socket_text[] __maybe_unused =
	"platform name two-socket\n"
	"cache level 3 id 1 cpus 0-1\n"
	"cache level 3 id 2 cpus 2-3\n"
	"cache level 3 id 3 cpus 4-5\n"
	"cache level 3 id 4 cpus 6-7\n"
	"memory id 0 cpus 0-3\n"
	"memory id 1 cpus 4-7\n"
	T_MSC(1, 0x10000000)
	"  ris index 0 loc cache:3:1 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(2, 0x10010000)
	"  ris index 0 loc cache:3:2 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(3, 0x10020000)
	"  ris index 0 loc cache:3:3 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(4, 0x10030000)
	"  ris index 0 loc cache:3:4 features cpor,csu partid-max 31 pmg-max 3 cpbm-wd 16 csu-mon 4\n"
	T_MSC(200, 0x10040000)
	T_MEM_RIS(0, 4)
	T_MSC(201, 0x10050000)
	T_MEM_RIS(1, 2);

#endif /* MPX_MODEL_TEST_H */
