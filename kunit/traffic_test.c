// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the traffic model on kunpeng-mini's simulated MSCs: busy
 * time fed per CPU and MPAM0_EL1 value, read back through the MSC driver's
 * monitors. Bandwidth limits set through the resctrl hooks and cache
 * portions set through the driver bound what the monitors read; CPUs
 * outside a component add nothing to it; code and data are split; the
 * memory-side component counts both L3s' CPUs.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/model/model.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/regs.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/model/topo.h>
#include <mpam_ext/sim/traffic.h>

#include "kunit/mpx_traffic_test.h"

#include "kunit/mpx_model_test.h"
#include <mpam_ext/sim/sim_test.h>

/* kunpeng-mini: L2 MSCs 64 (CPUs 0-1) and 65 (2-3), L3 128 (0-3), 129 (4-7), MATA 252, 254 */
#define T_L2_CPU0	64
#define T_L2_CPU2	65
#define T_L3_CPU0	128
#define T_L3_CPU4	129
#define T_MATA		252

/* A value with PARTID and PMG the same for code and data */
static u64 t_val(u16 partid, u8 pmg)
{
	return FIELD_PREP(MPAM_EXT_CPU_PARTID_D, partid) |
	       FIELD_PREP(MPAM_EXT_CPU_PARTID_I, partid) |
	       FIELD_PREP(MPAM_EXT_CPU_PMG_D, pmg) |
	       FIELD_PREP(MPAM_EXT_CPU_PMG_I, pmg);
}

static void t_traffic_exit(void *unused)
{
	mpam_ext_traffic_exit();
}

/*
 * kunpeng-mini on simulated MSCs picked with policy mata, its model and
 * the traffic model over it; torn down with the test.
 */
static struct mpam_ext_topo *t_setup(struct kunit *test)
{
	struct mpam_ext_model *m;
	struct mpam_ext_topo *t;
	int ret;

	t = t_setup_sim(test, t_shipped(test, "kunpeng-mini"), "mata", NULL, &m);
	ret = mpam_ext_traffic_init(m, NULL);
	if (ret == -EBUSY)
		kunit_skip(test, "traffic model already started by the module");
	KUNIT_ASSERT_EQ(test, 0, ret);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_traffic_exit, NULL));
	return t;
}

static struct mpam_ext_ris *t_ris(struct kunit *test, u32 msc_id)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);
	struct mpam_ext_ris *ris;

	KUNIT_ASSERT_NOT_NULL(test, msc);
	ris = mpam_ext_ris_find(msc, 0);
	KUNIT_ASSERT_NOT_NULL(test, ris);
	return ris;
}

/* A monitor of MSC @msc_id counting (@partid, @pmg) */
static u16 t_mon(struct kunit *test, u32 msc_id, enum mpam_ext_mon_type type,
		 u16 partid, u8 pmg)
{
	struct mpam_ext_mon_cfg mc = {
		.partid = partid, .pmg = pmg,
		.match_partid = true, .match_pmg = true,
	};
	struct mpam_ext_ris *ris = t_ris(test, msc_id);
	int mon = mpam_ext_msc_mon_alloc(ris, type);

	KUNIT_ASSERT_GE(test, mon, 0);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_mon_config(ris, type, mon, &mc));
	return mon;
}

static u64 t_read(struct kunit *test, u32 msc_id, enum mpam_ext_mon_type type,
		  u16 mon)
{
	u64 val = 0;

	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_msc_mon_read(t_ris(test, msc_id), type, mon, &val));
	return val;
}

/* PARTID @partid's cache portion bitmap on MSC @msc_id is @bits */
static void t_cpbm(struct kunit *test, u32 msc_id, u16 partid, u32 bits)
{
	struct mpam_ext_config *cfg;

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM);
	bitmap_from_arr32(cfg->cpbm, &bits, 32);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(t_ris(test, msc_id), partid, cfg));
}

/* MB @pct for CLOSID @closid on domain 1 (shared by both L3s) */
static int t_mb(struct mpam_ext_topo *t, u32 closid, u32 pct)
{
	return mpam_ext_rc_update_one(t, MPAM_EXT_RES_MB, 1, closid,
				      MPAM_EXT_CDP_NONE, pct);
}

/* MB 100 % and 50 %: equal busy time gives MBWU counts 2:1, on the path */
static void t_test_bw_limit(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test);
	u16 m5 = t_mon(test, T_MATA, MPAM_EXT_MON_MBWU, 5, 0);
	u16 m6 = t_mon(test, T_MATA, MPAM_EXT_MON_MBWU, 6, 0);
	u16 l5 = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, 5, 0);
	u16 l6 = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, 6, 0);
	u64 v5, v6;

	KUNIT_ASSERT_EQ(test, 0, t_mb(t, 5, 100));
	KUNIT_ASSERT_EQ(test, 0, t_mb(t, 6, 50));
	mpam_ext_traffic_feed(0, t_val(5, 0), 10000000);
	mpam_ext_traffic_feed(1, t_val(6, 0), 10000000);

	v5 = t_read(test, T_MATA, MPAM_EXT_MON_MBWU, m5);
	v6 = t_read(test, T_MATA, MPAM_EXT_MON_MBWU, m6);
	KUNIT_EXPECT_GT(test, v6, 0);
	KUNIT_EXPECT_EQ(test, v5, 2 * v6);
	/* The L2 sees the flow the memory limit left, unshared */
	v5 = t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, l5);
	v6 = t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, l6);
	KUNIT_EXPECT_GT(test, v6, 0);
	KUNIT_EXPECT_EQ(test, v5, 2 * v6);
	/* Both MATA MSCs share the memory traffic: each has half */
	KUNIT_EXPECT_EQ(test, t_read(test, T_MATA, MPAM_EXT_MON_MBWU, m5) * 2, v5);

	/* The limit lifted: the same time now counts the same */
	KUNIT_ASSERT_EQ(test, 0, t_mb(t, 6, 100));
	mpam_ext_traffic_feed(1, t_val(6, 0), 10000000);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, l6), 3 * v6);
}

/* Cache portions 4 of 8 and 8 of 8: occupancy caps 1:2, and a shrink applies */
static void t_test_portion_cap(struct kunit *test)
{
	u16 c5, c6;
	u64 v5, v6;

	t_setup(test);
	c5 = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_CSU, 5, 1);
	c6 = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_CSU, 6, 1);
	t_cpbm(test, T_L2_CPU0, 5, 0x0f);
	t_cpbm(test, T_L2_CPU0, 6, 0xff);
	/* One second each: far beyond what fills any cache */
	mpam_ext_traffic_feed(0, t_val(5, 1), 1000000000);
	mpam_ext_traffic_feed(1, t_val(6, 1), 1000000000);
	v5 = t_read(test, T_L2_CPU0, MPAM_EXT_MON_CSU, c5);
	v6 = t_read(test, T_L2_CPU0, MPAM_EXT_MON_CSU, c6);
	KUNIT_EXPECT_GT(test, v5, 0);
	KUNIT_EXPECT_EQ(test, 2 * v5, v6);
	/* Capped: more time does not add */
	mpam_ext_traffic_feed(0, t_val(5, 1), 1000000000);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU0, MPAM_EXT_MON_CSU, c5), v5);

	/* The portion shrinks to 2 of 8: the next feed drops to half */
	t_cpbm(test, T_L2_CPU0, 5, 0x03);
	mpam_ext_traffic_feed(0, t_val(5, 1), 1);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU0, MPAM_EXT_MON_CSU, c5), v5 / 2);
}

/* Before the cap, occupancy grows with busy time */
static void t_test_fill_grows(struct kunit *test)
{
	u16 c;
	u64 v1, v2, v3;

	t_setup(test);
	c = t_mon(test, T_L3_CPU0, MPAM_EXT_MON_CSU, 7, 0);
	mpam_ext_traffic_feed(2, t_val(7, 0), 100000);
	v1 = t_read(test, T_L3_CPU0, MPAM_EXT_MON_CSU, c);
	mpam_ext_traffic_feed(3, t_val(7, 0), 100000);
	v2 = t_read(test, T_L3_CPU0, MPAM_EXT_MON_CSU, c);
	mpam_ext_traffic_feed(2, t_val(7, 0), 200000);
	v3 = t_read(test, T_L3_CPU0, MPAM_EXT_MON_CSU, c);
	KUNIT_EXPECT_GT(test, v1, 0);
	KUNIT_EXPECT_EQ(test, v2, 2 * v1);
	KUNIT_EXPECT_EQ(test, v3, 4 * v1);
}

/* A CPU adds nothing to a component whose CPU set lacks it */
static void t_test_outside(struct kunit *test)
{
	u16 in_csu, out_csu, out_mbwu, l3_in, l3_out;

	t_setup(test);
	in_csu = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_CSU, 9, 0);
	out_csu = t_mon(test, T_L2_CPU2, MPAM_EXT_MON_CSU, 9, 0);
	out_mbwu = t_mon(test, T_L2_CPU2, MPAM_EXT_MON_MBWU, 9, 0);
	l3_in = t_mon(test, T_L3_CPU0, MPAM_EXT_MON_CSU, 9, 0);
	l3_out = t_mon(test, T_L3_CPU4, MPAM_EXT_MON_CSU, 9, 0);
	mpam_ext_traffic_feed(1, t_val(9, 0), 5000000);
	KUNIT_EXPECT_GT(test, t_read(test, T_L2_CPU0, MPAM_EXT_MON_CSU, in_csu), 0);
	KUNIT_EXPECT_GT(test, t_read(test, T_L3_CPU0, MPAM_EXT_MON_CSU, l3_in), 0);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU2, MPAM_EXT_MON_CSU, out_csu), 0);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU2, MPAM_EXT_MON_MBWU, out_mbwu), 0);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L3_CPU4, MPAM_EXT_MON_CSU, l3_out), 0);
}

/* Code and data apart: three quarters to the data pair, one to the code pair */
static void t_test_cdp(struct kunit *test)
{
	u64 val = FIELD_PREP(MPAM_EXT_CPU_PARTID_D, 10) |
		  FIELD_PREP(MPAM_EXT_CPU_PARTID_I, 11) |
		  FIELD_PREP(MPAM_EXT_CPU_PMG_D, 1) |
		  FIELD_PREP(MPAM_EXT_CPU_PMG_I, 2);
	u16 d, i, x;
	u64 vd, vi;

	t_setup(test);
	d = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, 10, 1);
	i = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, 11, 2);
	mpam_ext_traffic_feed(0, val, 4000000);
	vd = t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, d);
	vi = t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, i);
	KUNIT_EXPECT_GT(test, vi, 0);
	KUNIT_EXPECT_EQ(test, vd, 3 * vi);
	mpam_ext_msc_mon_free(t_ris(test, T_L2_CPU0), MPAM_EXT_MON_MBWU, i);

	/* Equal pairs: all of it to the one pair, as much as both halves above */
	x = t_mon(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, 12, 0);
	mpam_ext_traffic_feed(0, t_val(12, 0), 4000000);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L2_CPU0, MPAM_EXT_MON_MBWU, x), vd + vi);
}

/* The memory-side component spans both L3s: CPUs of each add to it */
static void t_test_mata_spans(struct kunit *test)
{
	u16 m, a, b;
	u64 v0, v4;

	t_setup(test);
	m = t_mon(test, T_MATA, MPAM_EXT_MON_MBWU, 3, 0);
	a = t_mon(test, T_L3_CPU0, MPAM_EXT_MON_CSU, 3, 0);
	b = t_mon(test, T_L3_CPU4, MPAM_EXT_MON_CSU, 3, 0);
	mpam_ext_traffic_feed(0, t_val(3, 0), 2000000);
	v0 = t_read(test, T_MATA, MPAM_EXT_MON_MBWU, m);
	KUNIT_EXPECT_GT(test, v0, 0);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L3_CPU4, MPAM_EXT_MON_CSU, b), 0);
	mpam_ext_traffic_feed(6, t_val(3, 0), 2000000);
	v4 = t_read(test, T_MATA, MPAM_EXT_MON_MBWU, m);
	KUNIT_EXPECT_EQ(test, v4, 2 * v0);
	KUNIT_EXPECT_GT(test, t_read(test, T_L3_CPU4, MPAM_EXT_MON_CSU, b), 0);
	KUNIT_EXPECT_EQ(test, t_read(test, T_L3_CPU0, MPAM_EXT_MON_CSU, a),
			t_read(test, T_L3_CPU4, MPAM_EXT_MON_CSU, b));
}

static void t_sim_destroy(void *sim)
{
	mpam_ext_sim_destroy(sim);
}

static void t_sel(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid, bool internal)
{
	mpam_ext_sim_write32(sim, MPAMCFG_PART_SEL,
			     FIELD_PREP(MPAMCFG_PART_SEL_RIS, ris) |
			     FIELD_PREP(MPAMCFG_PART_SEL_PARTID_SEL, partid) |
			     (internal ? MPAMCFG_PART_SEL_INTERNAL : 0));
}

/*
 * The simulator's queries read its registers, through the intPARTID a
 * reqPARTID is narrowed to: RIS 2 has MBW_MAX (8 bits), MBW_PBM (16
 * bits), CPBM (8 bits), CMAX (4 bits) and 4 intPARTIDs; RIS 3 nothing
 * but MBWU monitors.
 */
static void t_test_sim_queries(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);
	struct mpam_ext_ris_hw *a, *b;
	struct mpam_ext_sim_msc *sim;

	KUNIT_ASSERT_NOT_NULL(test, d);
	d->id = 1;
	d->size = MPAM_EXT_MSC_FRAME_MIN;
	d->aidr = 0x10;
	d->nr_ris = 2;
	d->ris[0].idx = 2;
	d->ris[1].idx = 3;
	a = &d->ris[0].hw;
	b = &d->ris[1].hw;
	a->features = T_F(MBW_MAX) | T_F(MBW_PBM) | T_F(CPOR) | T_F(CMAX) |
		      T_F(PARTID_NRW) | T_F(CSU);
	a->partid_max = 15;
	a->intpartid_max = 3;
	a->bwa_wd = 8;
	a->mbw_pbm_bits = 16;
	a->cpbm_wd = 8;
	a->cmax_wd = 4;
	a->num_csu_mon = 1;
	b->features = T_F(MBWU);
	b->partid_max = 15;
	b->num_mbwu_mon = 1;
	b->mbwu_width = 31;
	sim = mpam_ext_sim_create(d);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, sim);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_sim_destroy, sim));

	/* reqPARTIDs 9 and 10 narrowed to intPARTIDs 2 and 1 */
	t_sel(sim, 2, 9, false);
	mpam_ext_sim_write32(sim, MPAMCFG_INTPARTID, MPAMCFG_INTPARTID_INTERNAL | 2);
	t_sel(sim, 2, 10, false);
	mpam_ext_sim_write32(sim, MPAMCFG_INTPARTID, MPAMCFG_INTPARTID_INTERNAL | 1);
	/* intPARTID 2: MBW_MAX 128/256, MBW_PBM 4 of 16, CPBM 2 of 8, CMAX 2/16 */
	t_sel(sim, 2, 2, true);
	mpam_ext_sim_write32(sim, MPAMCFG_MBW_MAX, 0x7fff);
	mpam_ext_sim_write32(sim, MPAMCFG_MBW_PBM, 0xf);
	mpam_ext_sim_write32(sim, MPAMCFG_CPBM, 0x3);
	mpam_ext_sim_write32(sim, MPAMCFG_CMAX, 0x1fff);
	/* intPARTID 1: MBW_MAX all, MBW_PBM all, CPBM 4 of 8, CMAX all */
	t_sel(sim, 2, 1, true);
	mpam_ext_sim_write32(sim, MPAMCFG_MBW_MAX, 0xffff);
	mpam_ext_sim_write32(sim, MPAMCFG_MBW_PBM, 0xffff);
	mpam_ext_sim_write32(sim, MPAMCFG_CPBM, 0xf0);
	mpam_ext_sim_write32(sim, MPAMCFG_CMAX, 0xffff);

	KUNIT_EXPECT_EQ(test, mpam_ext_sim_bw_fraction(sim, 2, 9), 16384);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_portion(sim, 2, 9), 8192);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_bw_fraction(sim, 2, 10), 65536);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_portion(sim, 2, 10), 32768);
	/* No control, no RIS, PARTID out of range: no limit */
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_bw_fraction(sim, 3, 9), 65536);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_portion(sim, 3, 9), 65536);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_bw_fraction(sim, 7, 9), 65536);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_portion(sim, 2, 16), 65536);

	/* Fill up to size times portion; then the portion grows, then shrinks */
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 0, 1000, SZ_1M), 1000);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 0, SZ_1M, SZ_1M), SZ_128K);
	t_sel(sim, 2, 2, true);
	mpam_ext_sim_write32(sim, MPAMCFG_CMAX, 0xffff);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 0, 0, SZ_1M), SZ_128K);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 0, SZ_1M, SZ_1M), SZ_256K);
	mpam_ext_sim_write32(sim, MPAMCFG_CPBM, 0x1);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 0, 0, SZ_1M), SZ_128K);
	/* A PMG out of range is dropped (and reported) */
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_fill(sim, 2, 9, 1, 10, SZ_1M), 0);
}

static struct kunit_case t_traffic_cases[] = {
	KUNIT_CASE(t_test_bw_limit),
	KUNIT_CASE(t_test_portion_cap),
	KUNIT_CASE(t_test_fill_grows),
	KUNIT_CASE(t_test_outside),
	KUNIT_CASE(t_test_cdp),
	KUNIT_CASE(t_test_mata_spans),
	KUNIT_CASE(t_test_sim_queries),
	{}
};

static struct kunit_suite t_traffic_suite = {
	.name = "mpam_ext_traffic",
	.test_cases = t_traffic_cases,
};

kunit_test_suite(t_traffic_suite);
