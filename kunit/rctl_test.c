// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the resctrl control hooks on simulated MSCs: CLOSID
 * counts with and without CDP, cache portion bitmaps and MB percentages
 * set and read back per domain, the register writes that costs, MB
 * domains that share a memory-side component, the percent conversion, and
 * refused values.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/slab.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/model/topo.h>

#include "kunit/mpx_model_test.h"
#include "kunit/mpx_resctrl_test.h"
#include <mpam_ext/msc/msc_test.h>

/*
 * kunpeng-mini on simulated MSCs, picked with @policy and @exclude; torn
 * down with the test.
 */
static struct mpam_ext_topo *t_setup(struct kunit *test, const char *policy,
				     const char *exclude)
{
	return t_setup_sim(test, t_shipped(test, "kunpeng-mini"), policy,
			   exclude, NULL);
}

static u64 t_writes(u32 msc_id)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);
	u64 r, w;

	if (!msc)
		return 0;
	mpam_ext_msc_counts(msc, &r, &w);
	return w;
}

static u32 t_cpbm(struct kunit *test, u32 msc_id, u16 partid)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);
	struct mpam_ext_config *cfg;
	u32 word = 0;

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(&msc->ris[0], partid, cfg));
	bitmap_to_arr32(&word, cfg->cpbm, 32);
	return word;
}

static u16 t_mbw(struct kunit *test, u32 msc_id, u16 partid)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);
	struct mpam_ext_config *cfg;

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(&msc->ris[0], partid, cfg));
	return cfg->mbw_max;
}

/* Shorter calls: set or get one value, CDP off */
static int t_upd(struct mpam_ext_topo *t, enum mpam_ext_res r, u32 dom,
		 u32 closid, u32 val)
{
	return mpam_ext_rc_update_one(t, r, dom, closid, MPAM_EXT_CDP_NONE, val);
}

static int t_get(struct mpam_ext_topo *t, enum mpam_ext_res r, u32 dom,
		 u32 closid, u32 *val)
{
	return mpam_ext_rc_get_config(t, r, dom, closid, MPAM_EXT_CDP_NONE, val);
}

static void t_test_closids(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata", NULL);

	KUNIT_EXPECT_EQ(test, mpam_ext_rc_num_closids(t, false), 32);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_num_closids(t, true), 16);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_partid(5, MPAM_EXT_CDP_NONE), 5);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_partid(5, MPAM_EXT_CDP_DATA), 10);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_partid(5, MPAM_EXT_CDP_CODE), 11);
}

/* An L3 bitmap on one domain: PART_SEL and CPBM written, the other L3 untouched */
static void t_test_l3(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mainline", NULL);
	u64 w128 = t_writes(128), w129 = t_writes(129);
	u32 val = 0;

	KUNIT_EXPECT_EQ(test, 0, t_get(t, MPAM_EXT_RES_L3, 26, 5, &val));
	KUNIT_EXPECT_EQ(test, val, 0x1ffff);
	KUNIT_ASSERT_EQ(test, 0, t_upd(t, MPAM_EXT_RES_L3, 26, 5, 0xff));
	KUNIT_EXPECT_EQ(test, t_writes(129) - w129, 2);
	KUNIT_EXPECT_EQ(test, t_writes(128), w128);
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 129, 5), 0xff);
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 128, 5), 0x1ffff);
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 129, 4), 0x1ffff);
	KUNIT_EXPECT_EQ(test, 0, t_get(t, MPAM_EXT_RES_L3, 26, 5, &val));
	KUNIT_EXPECT_EQ(test, val, 0xff);
	/* The same value again writes nothing */
	w129 = t_writes(129);
	KUNIT_ASSERT_EQ(test, 0, t_upd(t, MPAM_EXT_RES_L3, 26, 5, 0xff));
	KUNIT_EXPECT_EQ(test, t_writes(129), w129);
}

/* CDP: code and data of one CLOSID are two PARTIDs */
static void t_test_cdp(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mainline", NULL);
	enum mpam_ext_res l3 = MPAM_EXT_RES_L3;
	u32 val = 0;

	KUNIT_ASSERT_EQ(test, 0, mpam_ext_rc_update_one(t, l3, 1, 2, MPAM_EXT_CDP_CODE, 0xf0));
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_rc_update_one(t, l3, 1, 2, MPAM_EXT_CDP_DATA, 0x0f));
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 128, 5), 0xf0);
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 128, 4), 0x0f);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_rc_get_config(t, l3, 1, 2, MPAM_EXT_CDP_CODE, &val));
	KUNIT_EXPECT_EQ(test, val, 0xf0);
	/* 16 CLOSIDs under CDP */
	KUNIT_EXPECT_EQ(test, -EINVAL, mpam_ext_rc_update_one(t, l3, 1, 16, MPAM_EXT_CDP_CODE, 1));
}

/*
 * MB from the MATA (policy mata): L3 domains 1 and 26 share the memory
 * component, so a write to one is seen on both, and reaches both MSCs.
 */
static void t_test_mb_shared(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata", NULL);
	u64 w252 = t_writes(252), w254 = t_writes(254);
	bool set[2] = { true, true };
	u32 vals[2] = { 50, 60 };
	char err[128] = "";
	u32 val = 0;

	KUNIT_ASSERT_EQ(test, 0, t_get(t, MPAM_EXT_RES_MB, 1, 3, &val));
	KUNIT_EXPECT_EQ(test, val, 100);
	KUNIT_ASSERT_EQ(test, 0, t_upd(t, MPAM_EXT_RES_MB, 1, 3, 50));
	/* PART_SEL and MBW_MAX on each MATA MSC */
	KUNIT_EXPECT_EQ(test, t_writes(252) - w252, 2);
	KUNIT_EXPECT_EQ(test, t_writes(254) - w254, 2);
	/* 7-bit fraction: 64 steps of 128 allowed, f = 63 in the top bits */
	KUNIT_EXPECT_EQ(test, t_mbw(test, 252, 3), 0x7e00);
	KUNIT_EXPECT_EQ(test, t_mbw(test, 254, 3), 0x7e00);
	KUNIT_ASSERT_EQ(test, 0, t_get(t, MPAM_EXT_RES_MB, 26, 3, &val));
	KUNIT_EXPECT_EQ(test, val, 50);

	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_rc_check_shared(t, MPAM_EXT_RES_MB, set, vals, err,
						 sizeof(err)));
	KUNIT_EXPECT_STREQ(test, err,
			   "MB: domains 1 and 26 share memory-side component 0: their values must match");
	vals[1] = 50;
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_rc_check_shared(t, MPAM_EXT_RES_MB, set, vals, err, sizeof(err)));
	set[0] = false;
	vals[1] = 70;
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_rc_check_shared(t, MPAM_EXT_RES_MB, set, vals, err, sizeof(err)));
}

static void t_test_mainline_no_mb(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mainline", NULL);
	u32 val;

	KUNIT_EXPECT_EQ(test, -ENODEV, t_upd(t, MPAM_EXT_RES_MB, 1, 0, 50));
	KUNIT_EXPECT_EQ(test, -ENODEV, t_get(t, MPAM_EXT_RES_L2, 4, 0, &val));
}

/* L2 with the RIS without CPOR excluded: three domains to write */
static void t_test_l2_excluded(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata", "67.0");
	u32 val = 0;

	KUNIT_ASSERT_EQ(test, 0, t_upd(t, MPAM_EXT_RES_L2, 10, 1, 0x3));
	KUNIT_EXPECT_EQ(test, t_cpbm(test, 66, 1), 0x3);
	KUNIT_EXPECT_EQ(test, 0, t_get(t, MPAM_EXT_RES_L2, 10, 1, &val));
	KUNIT_EXPECT_EQ(test, val, 0x3);
	KUNIT_EXPECT_EQ(test, -ENOENT, t_upd(t, MPAM_EXT_RES_L2, 13, 1, 0x3));
}

/* Values, domains and CLOSIDs out of range are refused, nothing written */
static void t_test_refused(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata", NULL);
	u64 w = t_writes(128) + t_writes(252);

	KUNIT_EXPECT_EQ(test, -EINVAL, t_upd(t, MPAM_EXT_RES_L3, 1, 0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, t_upd(t, MPAM_EXT_RES_L3, 1, 0, 0x20000));
	KUNIT_EXPECT_EQ(test, -EINVAL, t_upd(t, MPAM_EXT_RES_MB, 1, 0, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL, t_upd(t, MPAM_EXT_RES_MB, 1, 0, 101));
	KUNIT_EXPECT_EQ(test, -EINVAL, t_upd(t, MPAM_EXT_RES_L3, 1, 32, 1));
	KUNIT_EXPECT_EQ(test, -ENOENT, t_upd(t, MPAM_EXT_RES_L3, 2, 0, 1));
	KUNIT_EXPECT_EQ(test, -ENODEV, t_upd(t, MPAM_EXT_RES_NR, 1, 0, 1));
	KUNIT_EXPECT_EQ(test, t_writes(128) + t_writes(252), w);
}

/* Percent <-> MBW_MAX for every fraction width */
static void t_test_percent(struct kunit *test)
{
	u32 pct, back;
	u8 wd;

	KUNIT_EXPECT_EQ(test, mpam_ext_rc_pct_to_mbw(100, 7), 0xffff);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_pct_to_mbw(50, 7), 0x7fff);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_mbw_to_pct(0xfe00, 7), 100);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_mbw_to_pct(0x7e00, 7), 50);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_bw_gran(7), 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_bw_gran(3), 13);
	KUNIT_EXPECT_EQ(test, mpam_ext_rc_bw_gran(1), 50);
	for (wd = 1; wd <= 16; wd++) {
		u32 gran = mpam_ext_rc_bw_gran(wd);

		for (pct = 1; pct <= 100; pct++) {
			back = mpam_ext_rc_mbw_to_pct(mpam_ext_rc_pct_to_mbw(pct, wd), wd);
			if (wd >= 7)
				KUNIT_EXPECT_EQ_MSG(test, back, pct, "width %u", wd);
			else
				KUNIT_EXPECT_LE_MSG(test, abs((int)back - (int)pct),
						    (int)gran, "width %u pct %u", wd, pct);
		}
		/* the bits below the width are ones, the top ones the fraction */
		KUNIT_EXPECT_EQ(test, mpam_ext_rc_pct_to_mbw(100, wd), 0xffff);
	}
}

static struct kunit_case t_rctl_cases[] = {
	KUNIT_CASE(t_test_closids),
	KUNIT_CASE(t_test_l3),
	KUNIT_CASE(t_test_cdp),
	KUNIT_CASE(t_test_mb_shared),
	KUNIT_CASE(t_test_mainline_no_mb),
	KUNIT_CASE(t_test_l2_excluded),
	KUNIT_CASE(t_test_refused),
	KUNIT_CASE(t_test_percent),
	{}
};

static struct kunit_suite t_rctl_suite = {
	.name = "mpam_ext_rctl",
	.test_cases = t_rctl_cases,
};

kunit_test_suite(t_rctl_suite);
