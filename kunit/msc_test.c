// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the MSC register driver, run against simulated MSCs built
 * from descriptions made here: probe of several RIS shapes and of the three
 * shipped platforms, refusal of unknown versions and garbage, reset of every
 * PARTID, configuration with exact register-write counts, monitors (NRDY,
 * 31/44/63-bit counters, overflow), and the error interrupt path.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/msc/msc.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>
#include <mpam_ext/sim/sim.h>

#include "kunit/mpx_platform_texts.h"
#include <mpam_ext/msc/msc_test.h>
#include <mpam_ext/sim/sim_test.h>

#define T_F(f)		BIT(MPAM_EXT_HW_##f)
#define T_NRDY_US	10

/* Descriptions */

static struct mpam_ext_msc_desc *t_desc(struct kunit *test, u32 id)
{
	struct mpam_ext_msc_desc *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	d->id = id;
	d->base = 0x10000000ULL + id * 0x10000ULL;
	d->size = 0x4000;
	d->nrdy_us = T_NRDY_US;
	d->aidr = 0x10;
	d->iidr = 0x43b;
	return d;
}

static struct mpam_ext_ris_hw *mpx_mt_ris(struct mpam_ext_msc_desc *d, u8 idx,
					  enum mpam_ext_loc_type loc, u8 level,
					  u32 id, u16 partid_max, u8 pmg_max,
					  unsigned long features)
{
	struct mpam_ext_ris_desc *r = &d->ris[d->nr_ris++];

	r->idx = idx;
	r->loc = loc;
	r->level = level;
	r->id = id;
	r->hw.partid_max = partid_max;
	r->hw.pmg_max = pmg_max;
	r->hw.features = features;
	return &r->hw;
}

static struct mpam_ext_ris_hw *t_cache(struct mpam_ext_msc_desc *d, u8 idx,
				       u8 level, u16 partid_max, u8 pmg_max,
				       unsigned long features)
{
	return mpx_mt_ris(d, idx, MPAM_EXT_LOC_CACHE, level, 0, partid_max, pmg_max,
		     features);
}

static struct mpam_ext_ris_hw *t_mem(struct mpam_ext_msc_desc *d, u8 idx,
				     u16 partid_max, u8 pmg_max,
				     unsigned long features)
{
	return mpx_mt_ris(d, idx, MPAM_EXT_LOC_MEMORY, 0, 0, partid_max, pmg_max,
		     features);
}

/* MSCs, destroyed when the test ends */

static void mpx_mt_destroy(void *msc)
{
	mpam_ext_msc_destroy(msc);
}

static struct mpam_ext_msc *t_new(struct kunit *test,
				  const struct mpam_ext_msc_desc *d)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_create(d, true, NULL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, msc);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_mt_destroy, msc));
	return msc;
}

static struct mpam_ext_msc *t_probed(struct kunit *test,
				     const struct mpam_ext_msc_desc *d)
{
	struct mpam_ext_msc *msc = t_new(test, d);

	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_probe(msc));
	KUNIT_ASSERT_EQ(test, MPAM_EXT_MSC_OK, mpam_ext_msc_get_state(msc));
	return msc;
}

/* The probed RIS with hardware index @idx, which must exist */
static struct mpam_ext_ris *t_get_ris(struct kunit *test,
				      struct mpam_ext_msc *msc, u8 idx)
{
	struct mpam_ext_ris *ris = mpam_ext_ris_find(msc, idx);

	KUNIT_ASSERT_NOT_NULL(test, ris);
	return ris;
}

static u64 mpx_mt_writes(struct mpam_ext_msc *msc)
{
	u64 w;

	mpam_ext_msc_counts(msc, NULL, &w);
	return w;
}

static u64 t_reads(struct mpam_ext_msc *msc)
{
	u64 r;

	mpam_ext_msc_counts(msc, &r, NULL);
	return r;
}

/* Direct simulator access, bypassing the driver (and its counters) */

static u32 t_cfg_reg(struct mpam_ext_msc *msc, u8 ris, u16 partid,
		     bool internal, u32 off)
{
	u32 sel = FIELD_PREP(MPAMCFG_PART_SEL_PARTID_SEL, partid) |
		  FIELD_PREP(MPAMCFG_PART_SEL_RIS, ris);

	if (internal)
		sel |= MPAMCFG_PART_SEL_INTERNAL;
	mpam_ext_sim_write32(msc->sim, MPAMCFG_PART_SEL, sel);
	return mpam_ext_sim_read32(msc->sim, off);
}

/* A monitor register read behind the driver: its MON_SEL is stale then */
static u32 t_mon_reg(struct mpam_ext_msc *msc, u8 ris, u16 mon, u32 off)
{
	mpam_ext_sim_write32(msc->sim, MSMON_CFG_MON_SEL,
			     FIELD_PREP(MSMON_CFG_MON_SEL_MON_SEL, mon) |
			     FIELD_PREP(MSMON_CFG_MON_SEL_RIS, ris));
	mpam_ext_msc_forget_selection(msc);
	return mpam_ext_sim_read32(msc->sim, off);
}

static void t_inject(struct kunit *test, struct mpam_ext_msc *msc,
		     enum mpam_ext_sim_fault fault, u8 ris, u64 arg)
{
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_sim_inject(msc->sim, fault, ris, arg));
}

/* ESR as the driver reads it: two 32-bit accesses, which every MSC takes */
static u64 t_esr(struct mpam_ext_msc *msc)
{
	return mpam_ext_sim_read32(msc->sim, MPAMF_ESR) |
	       (u64)mpam_ext_sim_read32(msc->sim, MPAMF_ESR + 4) << 32;
}

/* Wait for the error interrupt and the reset it queues */
static void t_err_sync(struct mpam_ext_msc *msc)
{
	mpam_ext_sim_irq_sync(msc->sim);
	mpam_ext_msc_error_sync(msc);
}

static void t_expect_hw_eq(struct kunit *test, const struct mpam_ext_ris_hw *got,
			   const struct mpam_ext_ris_hw *want, u8 idx)
{
	KUNIT_EXPECT_EQ_MSG(test, got->features, want->features,
			    "RIS %u features 0x%lx, expected 0x%lx", idx,
			    got->features, want->features);
	KUNIT_EXPECT_EQ(test, got->partid_max, want->partid_max);
	KUNIT_EXPECT_EQ(test, got->pmg_max, want->pmg_max);
	KUNIT_EXPECT_EQ(test, got->intpartid_max, want->intpartid_max);
	KUNIT_EXPECT_EQ(test, got->cpbm_wd, want->cpbm_wd);
	KUNIT_EXPECT_EQ(test, got->cmax_wd, want->cmax_wd);
	KUNIT_EXPECT_EQ(test, got->cassoc_wd, want->cassoc_wd);
	KUNIT_EXPECT_EQ(test, got->bwa_wd, want->bwa_wd);
	KUNIT_EXPECT_EQ(test, got->mbw_pbm_bits, want->mbw_pbm_bits);
	KUNIT_EXPECT_EQ(test, got->intpri_wd, want->intpri_wd);
	KUNIT_EXPECT_EQ(test, got->dspri_wd, want->dspri_wd);
	KUNIT_EXPECT_EQ(test, got->num_csu_mon, want->num_csu_mon);
	KUNIT_EXPECT_EQ(test, got->num_mbwu_mon, want->num_mbwu_mon);
	KUNIT_EXPECT_EQ(test, got->mbwu_width, want->mbwu_width);
}

static void t_expect_hw(struct kunit *test, const struct mpam_ext_ris *ris,
			const struct mpam_ext_ris_hw *want)
{
	t_expect_hw_eq(test, &ris->hw, want, ris->idx);
}

/* Every described RIS probed, with exactly the described properties */
static void t_expect_msc_as_described(struct kunit *test,
				      struct mpam_ext_msc *msc,
				      const struct mpam_ext_msc_desc *d)
{
	unsigned int i;

	KUNIT_EXPECT_EQ(test, msc->probe_esr, 0ULL);
	for (i = 0; i < d->nr_ris; i++) {
		struct mpam_ext_ris *ris = mpam_ext_ris_find(msc, d->ris[i].idx);

		KUNIT_ASSERT_NOT_NULL(test, ris);
		t_expect_hw(test, ris, &d->ris[i].hw);
	}
}

/* One record of mpam_ext_msc_seq_show() as a string */
static char *t_show(struct kunit *test, struct mpam_ext_msc *msc,
		    enum mpam_ext_msc_record rec)
{
	struct seq_file *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	size_t len = 16384;
	char *buf = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	s->buf = buf;
	s->size = len - 1;
	mpam_ext_msc_seq_show(s, msc, rec);
	KUNIT_ASSERT_LT(test, s->count, s->size);
	buf[s->count] = '\0';
	return buf;
}

/* ---- probe ---- */

/* Several RIS shapes behind one MSC, with HAS_RIS and a 64-bit ESR */
static struct mpam_ext_msc_desc *t_shapes_desc(struct kunit *test, u32 id)
{
	struct mpam_ext_msc_desc *d = t_desc(test, id);
	struct mpam_ext_ris_hw *hw;

	hw = t_cache(d, 0, 3, 63, 1, T_F(CPOR) | T_F(CMAX) | T_F(CMIN) |
		     T_F(CMAX_SOFTLIM) | T_F(CASSOC) | T_F(CSU) | T_F(MBWU) |
		     T_F(MBWU_RWBW) | T_F(ESR) | T_F(EXTD_ESR));
	hw->cpbm_wd = 40;
	hw->cmax_wd = 8;
	hw->cassoc_wd = 4;
	hw->num_csu_mon = 4;
	hw->num_mbwu_mon = 3;
	hw->mbwu_width = 44;

	hw = t_mem(d, 1, 31, 3, T_F(MBW_MIN) | T_F(MBW_MAX) | T_F(MBW_PBM) |
		   T_F(MBW_PROP) | T_F(MBW_WINWD) | T_F(MBWU) | T_F(ESR) |
		   T_F(EXTD_ESR));
	hw->bwa_wd = 10;
	hw->mbw_pbm_bits = 40;
	hw->num_mbwu_mon = 2;
	hw->mbwu_width = 63;

	hw = t_cache(d, 3, 2, 63, 0, T_F(INTPRI) | T_F(INTPRI_0_IS_LOW) |
		     T_F(DSPRI) | T_F(PARTID_NRW) | T_F(ESR) | T_F(EXTD_ESR));
	hw->intpri_wd = 3;
	hw->dspri_wd = 4;
	hw->intpartid_max = 15;

	hw = t_mem(d, 5, 127, 7, T_F(MBWU) | T_F(CSU) | T_F(ESR) |
		   T_F(EXTD_ESR));
	hw->num_mbwu_mon = 5;
	hw->num_csu_mon = 1;
	hw->mbwu_width = 31;
	return d;
}

static void mpx_msc_test_probe_shapes(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_shapes_desc(test, 1);
	struct mpam_ext_msc *msc = t_probed(test, d);

	t_expect_msc_as_described(test, msc, d);
	KUNIT_EXPECT_TRUE(test, msc->has_ris);
	KUNIT_EXPECT_EQ(test, msc->ris_max, 5);
	KUNIT_EXPECT_TRUE(test, msc->has_esr);
	KUNIT_EXPECT_TRUE(test, msc->extd_esr);
	KUNIT_EXPECT_EQ(test, msc->aidr, 0x10U);
	KUNIT_EXPECT_EQ(test, msc->iidr, 0x43bU);

	/* PARTIDs each RIS configures: narrowing limits RIS 3 to 16 */
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_nr_partids(t_get_ris(test, msc, 0)), 64U);
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_nr_partids(t_get_ris(test, msc, 1)), 32U);
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_nr_partids(t_get_ris(test, msc, 3)), 16U);
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_nr_partids(t_get_ris(test, msc, 5)), 128U);

	/* Configuration fields follow the probed features */
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_cfg_fields(t_get_ris(test, msc, 0)),
			BIT(MPAM_EXT_CFG_CPBM) | BIT(MPAM_EXT_CFG_CMAX) |
			BIT(MPAM_EXT_CFG_CMIN) | BIT(MPAM_EXT_CFG_CASSOC));
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_cfg_fields(t_get_ris(test, msc, 1)),
			BIT(MPAM_EXT_CFG_MBW_MIN) | BIT(MPAM_EXT_CFG_MBW_MAX) |
			BIT(MPAM_EXT_CFG_MBW_PBM) | BIT(MPAM_EXT_CFG_MBW_PROP));
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_cfg_fields(t_get_ris(test, msc, 3)),
			BIT(MPAM_EXT_CFG_INTPRI) | BIT(MPAM_EXT_CFG_DSPRI));
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_cfg_fields(t_get_ris(test, msc, 5)), 0UL);

	/* The iterator visits the four RIS in description order */
	{
		static const u8 order[] = { 0, 1, 3, 5 };
		struct mpam_ext_ris *ris;
		unsigned int n = 0;

		for (ris = mpam_ext_ris_next(msc, NULL); ris;
		     ris = mpam_ext_ris_next(msc, ris)) {
			KUNIT_ASSERT_LT(test, n, ARRAY_SIZE(order));
			KUNIT_EXPECT_EQ(test, ris->idx, order[n]);
			n++;
		}
		KUNIT_EXPECT_EQ(test, n, ARRAY_SIZE(order));
	}
	KUNIT_EXPECT_NULL(test, mpam_ext_ris_find(msc, 2));
}

/* One RIS, no HAS_RIS, no ESR: a 32-bit-only view of the world */
static void mpx_msc_test_probe_single(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 2);
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;

	hw = t_cache(d, 0, 2, 7, 0, T_F(CPOR) | T_F(CSU));
	hw->cpbm_wd = 8;
	hw->num_csu_mon = 2;
	msc = t_probed(test, d);
	t_expect_msc_as_described(test, msc, d);
	KUNIT_EXPECT_FALSE(test, msc->has_ris);
	KUNIT_EXPECT_EQ(test, msc->ris_max, 0);
	KUNIT_EXPECT_FALSE(test, msc->has_esr);
	KUNIT_EXPECT_FALSE(test, msc->sim_irq);
}

/* A second probe is refused; so is a frame too small for the registers */
static void mpx_msc_test_probe_misc(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 3);
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;

	hw = t_cache(d, 0, 3, 7, 0, T_F(CPOR));
	hw->cpbm_wd = 8;
	msc = t_probed(test, d);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_probe(msc), -EBUSY);

	d->size = 0x2000;
	msc = t_new(test, d);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_probe(msc), -ENODEV);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_REFUSED);
	KUNIT_EXPECT_NULL(test, mpam_ext_ris_next(msc, NULL));

	/* Descriptions the driver cannot use at all */
	d->size = 0x4000;
	d->nr_ris = 0;
	KUNIT_EXPECT_EQ(test, PTR_ERR(mpam_ext_msc_create(d, true, NULL)), -EINVAL);
	d->nr_ris = 2;
	d->ris[1] = d->ris[0];
	KUNIT_EXPECT_EQ(test, PTR_ERR(mpam_ext_msc_create(d, true, NULL)), -EINVAL);
}

static void mpx_msc_test_aidr(struct kunit *test)
{
	static const struct {
		u8 aidr;
		int ret;
	} cases[] = {
		{ 0x10, 0 }, { 0x11, 0 }, { 0x1f, 0 },
		{ 0x00, -ENODEV }, { 0x01, -ENODEV }, { 0x20, -ENODEV },
		{ 0x21, -ENODEV }, { 0xf0, -ENODEV },
	};
	struct mpam_ext_config cfg = {};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct mpam_ext_msc_desc *d = t_desc(test, 10 + i);
		struct mpam_ext_ris_hw *hw;
		struct mpam_ext_msc *msc;
		u64 writes;

		hw = t_cache(d, 0, 3, 7, 0, T_F(CPOR) | T_F(ESR));
		hw->cpbm_wd = 8;
		d->aidr = cases[i].aidr;
		msc = t_new(test, d);
		KUNIT_EXPECT_EQ_MSG(test, mpam_ext_msc_probe(msc), cases[i].ret,
				    "AIDR 0x%02x", cases[i].aidr);
		if (!cases[i].ret)
			continue;
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc),
				MPAM_EXT_MSC_REFUSED);
		KUNIT_EXPECT_NOT_NULL(test, strstr(msc->why, "only v1.x"));
		KUNIT_EXPECT_FALSE(test, msc->ris[0].probed);
		KUNIT_EXPECT_NULL(test, mpam_ext_ris_next(msc, NULL));
		/* Nothing written beyond the selection for the ID reads */
		writes = mpx_mt_writes(msc);
		KUNIT_EXPECT_EQ(test, writes, 1ULL);
		cfg.set = BIT(MPAM_EXT_CFG_CPBM);
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(&msc->ris[0], 0, &cfg),
				-ENODEV);
		KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc), writes);
		KUNIT_EXPECT_NOT_NULL(test, strstr(t_show(test, msc,
							  MPAM_EXT_MSC_REC_STATE),
						   "state refused\n"));
	}
}

static void mpx_msc_test_garbage(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_shapes_desc(test, 20);
	struct mpam_ext_msc *msc = t_new(test, d);
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_config cfg = {};

	/* Garbage in RIS 1: it is refused, the others carry on */
	t_inject(test, msc, MPAM_EXT_SIM_GARBAGE_ID, 1, 0);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_probe(msc));
	KUNIT_EXPECT_FALSE(test, msc->ris[1].probed);
	KUNIT_EXPECT_NULL(test, mpam_ext_ris_find(msc, 1));
	KUNIT_EXPECT_EQ(test, msc->ris[1].hw.features, 0UL);
	KUNIT_EXPECT_TRUE(test, msc->ris[0].probed);
	KUNIT_EXPECT_TRUE(test, msc->ris[2].probed);
	KUNIT_EXPECT_TRUE(test, msc->ris[3].probed);
	t_expect_hw(test, &msc->ris[0], &d->ris[0].hw);
	cfg.set = BIT(MPAM_EXT_CFG_MBW_MAX);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(&msc->ris[1], 0, &cfg), -ENODEV);
	KUNIT_EXPECT_EQ(test, msc->probe_esr, 0ULL);

	/* Garbage in the only RIS: the MSC is refused (its AIDR is garbage too) */
	d = t_desc(test, 21);
	hw = t_cache(d, 0, 3, 7, 0, T_F(CPOR));
	hw->cpbm_wd = 8;
	msc = t_new(test, d);
	t_inject(test, msc, MPAM_EXT_SIM_GARBAGE_ID, 0, 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_probe(msc), -ENODEV);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_REFUSED);
}

/* Widths of 0 where a feature needs at least 1 bit: that RIS is refused */
static void mpx_msc_test_bad_width(struct kunit *test)
{
	static const unsigned long features[] = {
		T_F(CMAX), T_F(CMIN), T_F(CASSOC), T_F(INTPRI), T_F(DSPRI),
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(features); i++) {
		struct mpam_ext_msc_desc *d = t_desc(test, 30 + i);
		struct mpam_ext_ris_hw *hw;
		struct mpam_ext_msc *msc;

		hw = t_cache(d, 0, 3, 7, 0, T_F(CPOR));
		hw->cpbm_wd = 8;
		t_cache(d, 1, 3, 7, 0, features[i]);
		msc = t_new(test, d);
		KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_probe(msc));
		KUNIT_EXPECT_TRUE(test, msc->ris[0].probed);
		KUNIT_EXPECT_FALSE_MSG(test, msc->ris[1].probed,
				       "feature 0x%lx with width 0", features[i]);
	}
}

/* ---- reset ---- */

/* Expected reset value of a fixed register, computed independently */
static void t_expect_reset(struct kunit *test, struct mpam_ext_msc *msc,
			   const struct mpam_ext_msc_desc *d)
{
	unsigned int i, p, w;

	for (i = 0; i < d->nr_ris; i++) {
		const struct mpam_ext_ris_desc *rd = &d->ris[i];
		const struct mpam_ext_ris_hw *hw = &rd->hw;
		bool nrw = hw->features & T_F(PARTID_NRW);

		for (p = 0; p <= hw->partid_max; p++) {
			u8 r = rd->idx;

			if (nrw) {
				u32 intp = p <= hw->intpartid_max ? p : 0;

				KUNIT_EXPECT_EQ_MSG(test,
						    t_cfg_reg(msc, r, p, false,
							      MPAMCFG_INTPARTID),
						    MPAMCFG_INTPARTID_INTERNAL | intp,
						    "RIS %u reqPARTID %u", r, p);
				if (p > hw->intpartid_max)
					continue;
			}
			for (w = 0; hw->features & T_F(CPOR) &&
			     w < DIV_ROUND_UP(hw->cpbm_wd, 32); w++) {
				u32 bits = min(32U, hw->cpbm_wd - w * 32U);
				u32 want = bits == 32 ? U32_MAX : BIT(bits) - 1;

				KUNIT_EXPECT_EQ_MSG(test,
						    t_cfg_reg(msc, r, p, nrw,
							      MPAMCFG_CPBM + 4 * w),
						    want, "RIS %u PARTID %u CPBM%u",
						    r, p, w);
			}
			for (w = 0; hw->features & T_F(MBW_PBM) &&
			     w < DIV_ROUND_UP(hw->mbw_pbm_bits, 32); w++) {
				u32 bits = min(32U, hw->mbw_pbm_bits - w * 32U);
				u32 want = bits == 32 ? U32_MAX : BIT(bits) - 1;

				KUNIT_EXPECT_EQ_MSG(test,
						    t_cfg_reg(msc, r, p, nrw,
							      MPAMCFG_MBW_PBM + 4 * w),
						    want, "RIS %u PARTID %u MBW_PBM%u",
						    r, p, w);
			}
			if (hw->features & T_F(CMAX))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_CMAX),
						(u32)(0xffff0000U >> hw->cmax_wd) & 0xffff);
			if (hw->features & T_F(CMIN))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_CMIN), 0U);
			if (hw->features & T_F(CASSOC))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_CASSOC),
						(u32)(0xffff0000U >> hw->cassoc_wd) & 0xffff);
			if (hw->features & T_F(MBW_MAX))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_MBW_MAX),
						(u32)(0xffff0000U >> hw->bwa_wd) & 0xffff);
			if (hw->features & T_F(MBW_MIN))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_MBW_MIN), 0U);
			if (hw->features & T_F(MBW_PROP))
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_MBW_PROP), 0U);
			if (hw->features & (T_F(INTPRI) | T_F(DSPRI))) {
				u32 intpri = 0, dspri = 0;

				if ((hw->features & T_F(INTPRI)) &&
				    !(hw->features & T_F(INTPRI_0_IS_LOW)))
					intpri = BIT(hw->intpri_wd) - 1;
				if ((hw->features & T_F(DSPRI)) &&
				    !(hw->features & T_F(DSPRI_0_IS_LOW)))
					dspri = BIT(hw->dspri_wd) - 1;
				KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, r, p, nrw,
								MPAMCFG_PRI),
						intpri | dspri << 16);
			}
		}
	}
	/* None of those reads, nor the probe, raised an error */
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

static struct mpam_ext_msc_desc *t_reset_desc(struct kunit *test, u32 id)
{
	struct mpam_ext_msc_desc *d = t_desc(test, id);
	struct mpam_ext_ris_hw *hw;

	hw = t_cache(d, 0, 3, 63, 1, T_F(CPOR) | T_F(CMAX) | T_F(CMIN) |
		     T_F(CMAX_SOFTLIM) | T_F(CASSOC) | T_F(CSU) | T_F(ESR));
	hw->cpbm_wd = 40;
	hw->cmax_wd = 8;
	hw->cassoc_wd = 4;
	hw->num_csu_mon = 2;
	hw = t_mem(d, 1, 31, 1, T_F(MBW_MIN) | T_F(MBW_MAX) | T_F(MBW_PBM) |
		   T_F(MBW_PROP) | T_F(MBWU) | T_F(ESR));
	hw->bwa_wd = 7;
	hw->mbw_pbm_bits = 70;
	hw->num_mbwu_mon = 2;
	hw->mbwu_width = 44;
	hw = t_cache(d, 2, 2, 47, 0, T_F(INTPRI) | T_F(INTPRI_0_IS_LOW) |
		     T_F(DSPRI) | T_F(PARTID_NRW) | T_F(CPOR) | T_F(ESR));
	hw->intpri_wd = 3;
	hw->dspri_wd = 4;
	hw->intpartid_max = 11;
	hw->cpbm_wd = 32;
	return d;
}

static void mpx_msc_test_reset(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_reset_desc(test, 40);
	struct mpam_ext_msc *msc = t_new(test, d);
	struct mpam_ext_config *want, *got;
	struct mpam_ext_ris *ris;
	unsigned int p, changed = 0;

	/* The simulator powers on with values no reset would write */
	for (p = 0; p < 4; p++) {
		if (t_cfg_reg(msc, 0, p, false, MPAMCFG_CPBM) != U32_MAX)
			changed++;
		if (t_cfg_reg(msc, 1, p, false, MPAMCFG_MBW_MAX) != 0xfe00)
			changed++;
		if (t_cfg_reg(msc, 2, p, false, MPAMCFG_INTPARTID) !=
		    (MPAMCFG_INTPARTID_INTERNAL | p))
			changed++;
	}
	KUNIT_ASSERT_EQ_MSG(test, changed, 12U,
			    "power-on values look like reset values already");

	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_probe(msc));
	t_expect_msc_as_described(test, msc, d);
	t_expect_reset(test, msc, d);

	/* The shadow agrees with the hardware: defaults everywhere */
	want = kunit_kzalloc(test, sizeof(*want), GFP_KERNEL);
	got = kunit_kzalloc(test, sizeof(*got), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, want);
	KUNIT_ASSERT_NOT_NULL(test, got);
	for (ris = mpam_ext_ris_next(msc, NULL); ris;
	     ris = mpam_ext_ris_next(msc, ris)) {
		mpam_ext_ris_default_config(ris, want);
		for (p = 0; p < mpam_ext_ris_nr_partids(ris); p++) {
			KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(ris, p, got));
			KUNIT_EXPECT_EQ_MSG(test, memcmp(want, got, sizeof(*got)), 0,
					    "RIS %u PARTID %u", ris->idx, p);
		}
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_config(ris, p, got), -EINVAL);
	}

	/* Spot checks of the default configuration itself */
	ris = t_get_ris(test, msc, 0);
	mpam_ext_ris_default_config(ris, want);
	KUNIT_EXPECT_EQ(test, want->set, mpam_ext_ris_cfg_fields(ris));
	KUNIT_EXPECT_EQ(test, bitmap_weight(want->cpbm, MPAM_EXT_PBM_MAX_BITS), 40U);
	KUNIT_EXPECT_EQ(test, want->cmax, 0xff00);
	KUNIT_EXPECT_EQ(test, want->cassoc, 0xf000);
	KUNIT_EXPECT_EQ(test, want->cmin, 0);
	KUNIT_EXPECT_FALSE(test, want->cmax_softlim);
	ris = t_get_ris(test, msc, 2);
	mpam_ext_ris_default_config(ris, want);
	KUNIT_EXPECT_EQ(test, want->intpri, 0);
	KUNIT_EXPECT_EQ(test, want->dspri, 15);
}

/* ---- configuration ---- */

/*
 * RIS indices up to RIS_MAX that firmware does not describe come up with an
 * UNKNOWN configuration: the probe finds them and resets them too, and
 * nothing else sees them.
 */
static void mpx_msc_test_hidden_ris(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 133), *all;
	struct mpam_ext_sim_stats st;
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;
	unsigned int i;
	u16 mon;

	hw = t_cache(d, 0, 3, 15, 1, T_F(CPOR) | T_F(CMAX) | T_F(CSU) | T_F(ESR));
	hw->cpbm_wd = 12;
	hw->cmax_wd = 6;
	hw->num_csu_mon = 2;
	d->ris_max = 3;
	msc = t_probed(test, d);
	KUNIT_EXPECT_EQ(test, msc->ris_max, 3);
	KUNIT_EXPECT_EQ(test, msc->nr_hidden, 3U);

	all = kunit_kzalloc(test, sizeof(*all), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, all);
	*all = *d;
	for (i = 1; i <= 3; i++) {
		all->ris[all->nr_ris] = d->ris[0];
		all->ris[all->nr_ris++].idx = i;
		for (mon = 0; mon < 2; mon++)
			KUNIT_EXPECT_EQ(test, t_mon_reg(msc, i, mon, MSMON_CFG_CSU_CTL) &
					MSMON_CFG_CTL_EN, 0U);
	}
	t_expect_reset(test, msc, all);

	/* Only the described RIS is offered */
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_ris_next(msc, NULL), &msc->ris[0]);
	KUNIT_EXPECT_NULL(test, mpam_ext_ris_next(msc, &msc->ris[0]));
	KUNIT_EXPECT_NULL(test, mpam_ext_ris_find(msc, 2));
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.errors, 0ULL);
	KUNIT_EXPECT_EQ(test, msc->probe_esr, 0ULL);
}

static void mpx_msc_test_apply_counts(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_reset_desc(test, 50);
	struct mpam_ext_msc *msc = t_probed(test, d);
	struct mpam_ext_config *cfg;
	struct mpam_ext_ris *ris;
	u64 w, r;

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);

	/* Cache RIS: CPBM (2 words) and CMAX on PARTID 5 */
	ris = t_get_ris(test, msc, 0);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM) | BIT(MPAM_EXT_CFG_CMAX);
	bitmap_set(cfg->cpbm, 0, 8);
	cfg->cmax = 0x8000;
	w = mpx_mt_writes(msc);
	r = t_reads(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	/* PART_SEL, CPBM0, CPBM1 (was all ones, now 0) and CMAX */
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 4ULL);
	KUNIT_EXPECT_EQ(test, t_reads(msc) - r, 0ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CPBM), 0xffU);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CPBM + 4), 0U);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CMAX), 0x8000U);
	/* Other PARTIDs untouched */
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 4, false, MPAMCFG_CPBM), U32_MAX);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 6, false, MPAMCFG_CMAX), 0xff00U);

	/* The same again: nothing at all */
	w = mpx_mt_writes(msc);
	r = t_reads(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 0ULL);
	KUNIT_EXPECT_EQ(test, t_reads(msc) - r, 0ULL);

	/* Bits below CMAX_WD are dropped: still the same value */
	cfg->cmax = 0x80ff;
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 0ULL);

	/* One field changes: PART_SEL and that register */
	cfg->cmax = 0x4000;
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 2ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CMAX), 0x4000U);

	/* One bit of the second CPBM word: PART_SEL and CPBM1 */
	w = mpx_mt_writes(msc);
	__set_bit(35, cfg->cpbm);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 2ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CPBM + 4), 0x8U);

	/* Soft limit is part of CMAX */
	w = mpx_mt_writes(msc);
	cfg->cmax_softlim = true;
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 2ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CMAX),
			0x4000U | MPAMCFG_CMAX_SOFTLIM);

	/* No field set: nothing */
	w = mpx_mt_writes(msc);
	cfg->set = 0;
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 0ULL);

	/* Memory RIS: every field at once, then the defaults back */
	ris = t_get_ris(test, msc, 1);
	memset(cfg, 0, sizeof(*cfg));
	cfg->set = BIT(MPAM_EXT_CFG_MBW_MAX) | BIT(MPAM_EXT_CFG_MBW_MIN) |
		   BIT(MPAM_EXT_CFG_MBW_PBM) | BIT(MPAM_EXT_CFG_MBW_PROP);
	cfg->mbw_max = 0x8000;
	cfg->mbw_max_hardlim = true;
	cfg->mbw_min = 0x1000;
	bitmap_set(cfg->mbw_pbm, 0, 70);	/* unchanged: all ones */
	cfg->mbw_prop_en = true;
	cfg->mbw_prop_stridem1 = 0x7f;
	w = mpx_mt_writes(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 31, cfg));
	/* PART_SEL, MBW_MIN, MBW_MAX, MBW_PROP */
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 4ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 1, 31, false, MPAMCFG_MBW_MAX),
			0x8000U | MPAMCFG_MBW_MAX_HARDLIM);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 1, 31, false, MPAMCFG_MBW_MIN), 0x1000U);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 1, 31, false, MPAMCFG_MBW_PROP),
			0x7fU | MPAMCFG_MBW_PROP_EN);
	mpam_ext_ris_default_config(ris, cfg);
	w = mpx_mt_writes(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 31, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 4ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 1, 31, false, MPAMCFG_MBW_MAX), 0xfe00U);

	/* Narrowing RIS: selected as intPARTID; INTPRI and DSPRI share PRI */
	ris = t_get_ris(test, msc, 2);
	memset(cfg, 0, sizeof(*cfg));
	cfg->set = BIT(MPAM_EXT_CFG_INTPRI);
	cfg->intpri = 5;
	w = mpx_mt_writes(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 11, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 2ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 2, 11, true, MPAMCFG_PRI),
			5U | 15U << 16);
	cfg->set = BIT(MPAM_EXT_CFG_DSPRI);
	cfg->dspri = 2;
	w = mpx_mt_writes(msc);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 11, cfg));
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 2ULL);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 2, 11, true, MPAMCFG_PRI),
			5U | 2U << 16);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(ris, 11, cfg));
	KUNIT_EXPECT_EQ(test, cfg->intpri, 5);
	KUNIT_EXPECT_EQ(test, cfg->dspri, 2);

	/* The shadow gives back what was applied */
	ris = t_get_ris(test, msc, 0);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(ris, 5, cfg));
	KUNIT_EXPECT_EQ(test, cfg->cpbm[0] & GENMASK(39, 0), (unsigned long)BIT(35) | 0xff);
	KUNIT_EXPECT_EQ(test, cfg->cmax, 0x4000);
	KUNIT_EXPECT_TRUE(test, cfg->cmax_softlim);

	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

static void mpx_msc_test_apply_refused(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_reset_desc(test, 51);
	struct mpam_ext_msc *msc = t_probed(test, d);
	struct mpam_ext_ris *cache = t_get_ris(test, msc, 0);
	struct mpam_ext_ris *mem = t_get_ris(test, msc, 1);
	struct mpam_ext_ris *nrw = t_get_ris(test, msc, 2);
	struct mpam_ext_config *cfg;
	u64 w = mpx_mt_writes(msc);

	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);

	cfg->set = BIT(MPAM_EXT_CFG_MBW_MAX);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(cache, 0, cfg), -EOPNOTSUPP);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(cache, 64, cfg), -EINVAL);
	__set_bit(40, cfg->cpbm);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(cache, 0, cfg), -EINVAL);
	bitmap_zero(cfg->cpbm, MPAM_EXT_PBM_MAX_BITS);
	__set_bit(MPAM_EXT_PBM_MAX_BITS - 1, cfg->cpbm);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(cache, 0, cfg), -EINVAL);

	cfg->set = BIT(MPAM_EXT_CFG_MBW_PROP);
	cfg->mbw_prop_stridem1 = 0x80;		/* BWA_WD is 7 */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(mem, 0, cfg), -EINVAL);
	cfg->set = BIT(MPAM_EXT_CFG_MBW_PBM);
	__set_bit(70, cfg->mbw_pbm);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(mem, 0, cfg), -EINVAL);

	cfg->set = BIT(MPAM_EXT_CFG_INTPRI);
	cfg->intpri = 8;			/* INTPRI_WD is 3 */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(nrw, 0, cfg), -EINVAL);
	cfg->intpri = 7;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(nrw, 12, cfg), -EINVAL);
	cfg->set = BIT(MPAM_EXT_CFG_DSPRI);
	cfg->dspri = 16;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(nrw, 0, cfg), -EINVAL);

	/* A failed apply writes nothing, even for the valid fields */
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc), w);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

/* ---- monitors ---- */

static struct mpam_ext_msc_desc *t_mon_desc(struct kunit *test, u32 id,
					    u32 nrdy_us)
{
	struct mpam_ext_msc_desc *d = t_desc(test, id);
	struct mpam_ext_ris_hw *hw;

	d->nrdy_us = nrdy_us;
	hw = t_cache(d, 0, 3, 15, 3, T_F(CPOR) | T_F(CSU) | T_F(MBWU) |
		     T_F(ESR) | T_F(EXTD_ESR));
	hw->cpbm_wd = 16;
	hw->num_csu_mon = 3;
	hw->num_mbwu_mon = 2;
	hw->mbwu_width = 44;
	hw = t_mem(d, 1, 15, 3, T_F(MBWU) | T_F(ESR) | T_F(EXTD_ESR));
	hw->num_mbwu_mon = 2;
	hw->mbwu_width = 31;
	hw = t_mem(d, 2, 15, 3, T_F(MBWU) | T_F(MBWU_RWBW) | T_F(ESR) |
		   T_F(EXTD_ESR));
	hw->num_mbwu_mon = 2;
	hw->mbwu_width = 63;
	return d;
}

/* Allocate and configure a monitor for (@partid, @pmg) */
static u16 mpx_mt_mon(struct kunit *test, struct mpam_ext_ris *ris,
		      enum mpam_ext_mon_type type, u16 partid, u8 pmg)
{
	struct mpam_ext_mon_cfg mc = {
		.partid = partid, .pmg = pmg,
		.match_partid = true, .match_pmg = true,
	};
	int mon = mpam_ext_msc_mon_alloc(ris, type);

	KUNIT_ASSERT_GE(test, mon, 0);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_mon_config(ris, type, mon, &mc));
	return mon;
}

static u64 t_mon_read(struct kunit *test, struct mpam_ext_ris *ris,
		      enum mpam_ext_mon_type type, u16 mon)
{
	u64 val = 0;

	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_mon_read(ris, type, mon, &val));
	return val;
}

/*
 * An MSC that takes only 32-bit accesses: probe, reset, configuration,
 * a long counter and the 64-bit ESR all work without a 64-bit access (the
 * simulator counts one, and fails the test, if the driver makes it).
 */
static void mpx_msc_test_access32(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_mon_desc(test, 134, 0);
	struct mpam_ext_sim_stats st;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	u16 mon;

	d->props = BIT(MPAM_EXT_MSC_ACCESS32);
	msc = t_probed(test, d);
	KUNIT_EXPECT_TRUE(test, msc->extd_esr);
	ris = t_get_ris(test, msc, 0);
	mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 1, 0);
	mpam_ext_sim_account(msc->sim, 0, 1, 0, 4096);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 4096ULL);
	t_inject(test, msc, MPAM_EXT_SIM_ERROR_IRQ, 1, MPAM_EXT_ERR_RIS_NO_CONTROL);
	t_err_sync(msc);
	KUNIT_EXPECT_EQ(test, (unsigned int)FIELD_GET(MPAMF_ESR_RIS,
						      mpam_ext_msc_last_esr(msc)), 1U);
	t_show(test, msc, MPAM_EXT_MSC_REC_REGS);
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.bad_width, 0ULL);
	KUNIT_EXPECT_EQ(test, st.bad_frame, 0ULL);
	KUNIT_EXPECT_EQ(test, st.bad_align, 0ULL);
}

/* MPAMF_IDR.EXT clear: a 32-bit IDR, no RIS and no ESR to look for */
static void mpx_msc_test_idr32(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 135);
	struct mpam_ext_config *cfg;
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;

	hw = t_cache(d, 0, 3, 15, 0, T_F(CPOR) | T_F(CSU));
	hw->cpbm_wd = 8;
	hw->num_csu_mon = 1;
	d->props = BIT(MPAM_EXT_MSC_IDR32) | BIT(MPAM_EXT_MSC_ACCESS32);
	msc = t_probed(test, d);
	KUNIT_EXPECT_FALSE(test, msc->ext);
	KUNIT_EXPECT_FALSE(test, msc->has_ris);
	KUNIT_EXPECT_FALSE(test, msc->has_esr);
	KUNIT_EXPECT_FALSE(test, msc->sim_irq);
	ris = t_get_ris(test, msc, 0);
	t_expect_hw(test, ris, &d->ris[0].hw);
	t_expect_reset(test, msc, d);
	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM);
	bitmap_set(cfg->cpbm, 0, 3);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_apply(ris, 2, cfg));
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 2, false, MPAMCFG_CPBM), 0x7U);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_read32(msc->sim, MPAMF_IDR) &
			MPAMF_IDR_EXT, 0U);
}

/*
 * Software-managed NRDY (set from power-on until software clears it) and
 * writable CSU values (UNKNOWN from power-on): the probe finds who owns
 * NRDY, configuring a monitor clears NRDY and zeroes the CSU value.
 */
static void mpx_msc_test_sw_nrdy(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_mon_desc(test, 136, T_NRDY_US);
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	u16 csu, mbwu;

	d->props = BIT(MPAM_EXT_MSC_SW_NRDY) | BIT(MPAM_EXT_MSC_CSU_WR);
	msc = t_probed(test, d);
	ris = t_get_ris(test, msc, 0);
	KUNIT_EXPECT_TRUE(test, ris->sw_nrdy);
	KUNIT_EXPECT_TRUE(test, t_get_ris(test, msc, 1)->sw_nrdy);

	csu = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 2, 1);
	mbwu = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 2, 1);
	mpam_ext_sim_set_occupancy(msc->sim, 0, 2, 1, 12345);
	mpam_ext_sim_account(msc->sim, 0, 2, 1, 777);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, csu), 12345ULL);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mbwu), 777ULL);

	/* Hardware-managed NRDY is not taken for software's */
	msc = t_probed(test, t_mon_desc(test, 137, T_NRDY_US));
	KUNIT_EXPECT_FALSE(test, t_get_ris(test, msc, 0)->sw_nrdy);
	msc = t_probed(test, t_mon_desc(test, 138, 0));
	KUNIT_EXPECT_FALSE(test, t_get_ris(test, msc, 0)->sw_nrdy);
}

/*
 * An MSC reachable from some CPUs only: the test runs on a CPU that cannot
 * reach it, and every register access is still made on one that can (the
 * simulator counts, and fails the test on, any other). The error interrupt
 * arrives on a CPU that can reach it.
 */
static void mpx_msc_test_reach(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_mon_desc(test, 139, T_NRDY_US);
	struct mpam_ext_sim_stats st;
	struct mpam_ext_config *cfg;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int cpu;
	u64 val;
	u16 mon;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two online CPUs");
	cpu = raw_smp_processor_id();
	KUNIT_ASSERT_EQ(test, 0, set_cpus_allowed_ptr(current, cpumask_of(cpu)));
	d->has_affinity = true;
	cpumask_copy(&d->affinity, cpu_online_mask);
	cpumask_clear_cpu(cpu, &d->affinity);

	msc = t_probed(test, d);
	ris = t_get_ris(test, msc, 0);
	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM);
	bitmap_set(cfg->cpbm, 0, 2);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_apply(ris, 3, cfg));
	mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 3, 0);
	mpam_ext_sim_set_occupancy(msc->sim, 0, 3, 0, 64);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, mon), 64ULL);
	/* Not from here in atomic context: the caller retries elsewhere */
	KUNIT_EXPECT_EQ(test, -EAGAIN,
			mpam_ext_msc_mon_read_atomic(ris, MPAM_EXT_MON_CSU, mon, &val));
	mpam_ext_msc_mon_free(ris, MPAM_EXT_MON_CSU, mon);
	t_show(test, msc, MPAM_EXT_MSC_REC_REGS);
	t_inject(test, msc, MPAM_EXT_SIM_ERROR_IRQ, 0, MPAM_EXT_ERR_RIS_NO_CONTROL);
	t_err_sync(msc);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_ERRORED);
	KUNIT_EXPECT_EQ(test, msc->nr_errors, 1ULL);

	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.bad_cpu, 0ULL);
}

static void t_cpu_up(void *arg)
{
	unsigned int cpu = (uintptr_t)arg;

	if (!cpu_online(cpu))
		add_cpu(cpu);
}

/*
 * A private MSC with the power property loses its registers when the last
 * CPU that reaches it goes offline. The driver parks it (MBWU counts
 * folded), takes configuration into its shadow while it is parked, and
 * replays everything when the CPU comes back: the registers hold the
 * configuration written before and during the outage, PARTIDs never
 * configured (and a hidden RIS) their reset values, the counts go on
 * without a jump, the error interrupt is enabled again.
 */
static void mpx_msc_test_power(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_mon_desc(test, 140, 0);
	struct mpam_ext_config *cfg;
	struct mpam_ext_sim_stats st;
	struct mpam_ext_ris *ris, *mem;
	struct mpam_ext_msc *msc;
	unsigned int cpu, here;
	u16 mbwu, csu;
	int ret;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two online CPUs");
	here = cpumask_first(cpu_online_mask);
	cpu = cpumask_last(cpu_online_mask);
	KUNIT_ASSERT_EQ(test, 0, set_cpus_allowed_ptr(current, cpumask_of(here)));
	d->has_affinity = true;
	cpumask_copy(&d->affinity, cpumask_of(cpu));
	d->props = BIT(MPAM_EXT_MSC_POWER);
	d->ris_max = 3;
	msc = t_probed(test, d);
	ris = t_get_ris(test, msc, 0);
	mem = t_get_ris(test, msc, 1);
	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM);
	bitmap_set(cfg->cpbm, 0, 2);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_apply(ris, 3, cfg));
	mbwu = mpx_mt_mon(test, mem, MPAM_EXT_MON_MBWU, 3, 0);
	csu = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 3, 0);
	mpam_ext_sim_account(msc->sim, 1, 3, 0, 5000);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, mem, MPAM_EXT_MON_MBWU, mbwu), 5000ULL);

	ret = remove_cpu(cpu);
	if (ret)
		kunit_skip(test, "CPU %u cannot go offline (%d)", cpu, ret);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_cpu_up,
							   (void *)(uintptr_t)cpu));
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_TRUE(test, st.off);
	KUNIT_EXPECT_TRUE(test, msc->parked);
	KUNIT_EXPECT_EQ(test, msc->nr_parks, 1ULL);

	/* Parked: configuration goes to the shadow, counts hold */
	bitmap_zero(cfg->cpbm, MPAM_EXT_PBM_MAX_BITS);
	bitmap_set(cfg->cpbm, 6, 2);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_apply(ris, 4, cfg));
	KUNIT_EXPECT_EQ(test, t_mon_read(test, mem, MPAM_EXT_MON_MBWU, mbwu), 5000ULL);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, csu), 0ULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(t_show(test, msc, MPAM_EXT_MSC_REC_REGS),
					   "parked"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(t_show(test, msc, MPAM_EXT_MSC_REC_STATE),
					   "parked 1\n"));

	KUNIT_ASSERT_EQ(test, 0, add_cpu(cpu));
	KUNIT_EXPECT_FALSE(test, msc->parked);
	KUNIT_EXPECT_EQ(test, msc->nr_replays, 1ULL);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, mem, MPAM_EXT_MON_MBWU, mbwu), 5000ULL);
	mpam_ext_sim_account(msc->sim, 1, 3, 0, 100);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, mem, MPAM_EXT_MON_MBWU, mbwu), 5100ULL);
	mpam_ext_sim_set_occupancy(msc->sim, 0, 3, 0, 4096);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, csu), 4096ULL);

	/* The registers, read from the CPU that reaches them */
	KUNIT_ASSERT_EQ(test, 0, set_cpus_allowed_ptr(current, cpumask_of(cpu)));
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 3, false, MPAMCFG_CPBM), 0x3U);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 4, false, MPAMCFG_CPBM), 0xc0U);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 0, 5, false, MPAMCFG_CPBM), 0xffffU);
	KUNIT_EXPECT_EQ(test, t_cfg_reg(msc, 3, 5, false, MPAMCFG_CPBM), 0xffffU);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_read32(msc->sim, MPAMF_ECR), MPAMF_ECR_INTEN);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.power_offs, 1ULL);
	KUNIT_EXPECT_EQ(test, st.bad_power, 0ULL);
	KUNIT_EXPECT_EQ(test, st.bad_cpu, 0ULL);
}

static void mpx_msc_test_mon_alloc(struct kunit *test)
{
	struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 60, T_NRDY_US));
	struct mpam_ext_ris *cache = t_get_ris(test, msc, 0);
	struct mpam_ext_ris *mem = t_get_ris(test, msc, 1);
	struct mpam_ext_mon_cfg mc = {};
	u64 val;

	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_CSU), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_CSU), 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_CSU), 2);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_CSU), -ENOSPC);
	mpam_ext_msc_mon_free(cache, MPAM_EXT_MON_CSU, 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_CSU), 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(mem, MPAM_EXT_MON_CSU),
			-EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(cache, MPAM_EXT_MON_MBWU), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(t_show(test, msc, MPAM_EXT_MSC_REC_RIS),
					   "csu_mon=3 csu_mon_used=3 mbwu_mon=2 mbwu_mon_used=1"));

	/* Bad configurations and reads */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_config(cache, MPAM_EXT_MON_MBWU, 1, &mc),
			-EINVAL);		/* not allocated */
	mc.pmg = 4;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_config(cache, MPAM_EXT_MON_MBWU, 0, &mc),
			-EINVAL);
	mc.pmg = 0;
	mc.partid = 16;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_config(cache, MPAM_EXT_MON_MBWU, 0, &mc),
			-EINVAL);
	mc.partid = 0;
	mc.rwbw = MPAM_EXT_MON_RWBW_READS;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_config(cache, MPAM_EXT_MON_MBWU, 0, &mc),
			-EOPNOTSUPP);		/* no RWBW on this RIS */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read(cache, MPAM_EXT_MON_MBWU, 0, &val),
			-EINVAL);		/* not configured */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read(cache, MPAM_EXT_MON_MBWU, 7, &val),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

static void mpx_msc_test_mon_csu(struct kunit *test)
{
	struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 61, T_NRDY_US));
	struct mpam_ext_ris *ris = t_get_ris(test, msc, 0);
	u16 mon, all;
	u64 val = 0;

	mpam_ext_sim_set_occupancy(msc->sim, 0, 3, 1, 12345);
	mpam_ext_sim_set_occupancy(msc->sim, 0, 3, 2, 1000);
	mpam_ext_sim_set_occupancy(msc->sim, 0, 4, 1, 7);
	mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 3, 1);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, mon), 12345ULL);

	/* Matching the PARTID only sums its PMGs */
	all = mpam_ext_msc_mon_alloc(ris, MPAM_EXT_MON_CSU);
	{
		struct mpam_ext_mon_cfg mc = { .partid = 3, .match_partid = true };

		KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_mon_config(ris, MPAM_EXT_MON_CSU,
								 all, &mc));
	}
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_CSU, all), 13345ULL);

	/* Occupancy is a level: it goes down too */
	mpam_ext_sim_set_occupancy(msc->sim, 0, 3, 1, 45);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_msc_mon_read_atomic(ris, MPAM_EXT_MON_CSU,
							      mon, &val));
	KUNIT_EXPECT_EQ(test, val, 45ULL);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

/* Exact byte counts on 31, 44 and 63-bit counters, without and with wraps */
static void t_mbwu_exact(struct kunit *test, struct mpam_ext_msc *msc, u8 r,
			 unsigned int width, u64 step, unsigned int steps)
{
	struct mpam_ext_ris *ris = t_get_ris(test, msc, r);
	u64 sum = 0, val;
	unsigned int i;
	u16 mon;

	KUNIT_ASSERT_EQ(test, ris->hw.mbwu_width, width);
	mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 2, 1);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 0ULL);

	/* Traffic of other PARTIDs/PMGs is not counted */
	mpam_ext_sim_account(msc->sim, r, 2, 0, 1000);
	mpam_ext_sim_account(msc->sim, r, 1, 1, 1000);
	mpam_ext_sim_account(msc->sim, r, 2, 1, 4096);
	sum = 4096;
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), sum);

	for (i = 0; i < steps; i++) {
		mpam_ext_sim_account(msc->sim, r, 2, 1, step);
		sum += step;
		val = t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon);
		KUNIT_EXPECT_EQ_MSG(test, val, sum, "%u-bit counter, step %u",
				    width, i);
	}
	/* The wraps really happened */
	KUNIT_EXPECT_GE(test, sum >> width, (u64)steps / 4);

	/* Reconfiguring starts from 0 again */
	{
		struct mpam_ext_mon_cfg mc = {
			.partid = 2, .pmg = 1, .match_partid = true, .match_pmg = true,
		};

		KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_mon_config(ris, MPAM_EXT_MON_MBWU,
								 mon, &mc));
	}
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 0ULL);
	mpam_ext_sim_account(msc->sim, r, 2, 1, 77);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 77ULL);
	mpam_ext_msc_mon_free(ris, MPAM_EXT_MON_MBWU, mon);
}

static void mpx_msc_test_mbwu_widths(struct kunit *test)
{
	struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 62, T_NRDY_US));

	/* 31-bit: steps of a bit over 2^30, about 5 wraps */
	t_mbwu_exact(test, msc, 1, 31, BIT_ULL(30) + 12345, 10);
	/* 44-bit: about 3 wraps */
	t_mbwu_exact(test, msc, 0, 44, BIT_ULL(42) + 777, 12);
	/* 63-bit: one wrap; the 64-bit total holds 7 steps of 2^61 */
	t_mbwu_exact(test, msc, 2, 63, BIT_ULL(61) + 99, 7);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

/*
 * A read of a long counter already selected is high-low-high and CTL: four
 * accesses, no write. Another monitor costs one MON_SEL write first; the
 * 31-bit counter is MBWU and CTL.
 */
static void mpx_msc_test_mbwu_access_cost(struct kunit *test)
{
	struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 63, 0));
	struct mpam_ext_ris *ris = t_get_ris(test, msc, 0);
	struct mpam_ext_ris *ris1 = t_get_ris(test, msc, 1);
	u16 mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 0, 0);
	u16 mon1 = mpx_mt_mon(test, ris1, MPAM_EXT_MON_MBWU, 0, 0);
	u64 r, w;

	mpam_ext_sim_account(msc->sim, 0, 0, 0, 5);
	t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon);
	r = t_reads(msc);
	w = mpx_mt_writes(msc);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 5ULL);
	KUNIT_EXPECT_EQ(test, t_reads(msc) - r, 4ULL);
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 0ULL);

	/* The 31-bit counter of RIS 1: MON_SEL, then MBWU, CTL */
	r = t_reads(msc);
	w = mpx_mt_writes(msc);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris1, MPAM_EXT_MON_MBWU, mon1), 0ULL);
	KUNIT_EXPECT_EQ(test, t_reads(msc) - r, 2ULL);
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 1ULL);
	r = t_reads(msc);
	w = mpx_mt_writes(msc);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris1, MPAM_EXT_MON_MBWU, mon1), 0ULL);
	KUNIT_EXPECT_EQ(test, t_reads(msc) - r, 2ULL);
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 0ULL);

	/* Back to RIS 0 selects it again, with the right value */
	mpam_ext_sim_account(msc->sim, 0, 0, 0, 6);
	w = mpx_mt_writes(msc);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 11ULL);
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 1ULL);

	/* A selection changed behind the driver is written again */
	t_mon_reg(msc, 1, mon1, MSMON_MBWU);
	w = mpx_mt_writes(msc);
	KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), 11ULL);
	KUNIT_EXPECT_EQ(test, mpx_mt_writes(msc) - w, 1ULL);
}

static void mpx_msc_test_near_wrap(struct kunit *test)
{
	static const struct {
		u8 ris;
		unsigned int width;
	} cases[] = { { 1, 31 }, { 0, 44 }, { 2, 63 } };
	struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 64, T_NRDY_US));
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct mpam_ext_ris *ris = t_get_ris(test, msc, cases[i].ris);
		u64 top = BIT_ULL(cases[i].width);
		u64 v1, v2;
		u16 mon;

		mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 1, 2);
		mpam_ext_sim_account(msc->sim, cases[i].ris, 1, 2, 1000);
		KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon),
				1000ULL);
		/* The counter jumps to 4096 bytes below its wrap */
		t_inject(test, msc, MPAM_EXT_SIM_COUNTER_NEAR_WRAP, cases[i].ris, mon);
		v1 = t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon);
		KUNIT_EXPECT_EQ(test, v1, top - 4096);
		mpam_ext_sim_account(msc->sim, cases[i].ris, 1, 2, 10000);
		v2 = t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon);
		KUNIT_EXPECT_EQ_MSG(test, v2 - v1, 10000ULL, "%u-bit",
				    cases[i].width);
		KUNIT_EXPECT_EQ(test, v2, top + 10000 - 4096);
		/* Read again: no second correction */
		KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mon), v2);
	}
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

static void mpx_msc_test_nrdy(struct kunit *test)
{
	static const u32 nrdy[] = { T_NRDY_US, 2000 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nrdy); i++) {
		struct mpam_ext_msc *msc = t_probed(test, t_mon_desc(test, 65 + i,
								     nrdy[i]));
		struct mpam_ext_ris *ris = t_get_ris(test, msc, 0);
		u16 csu = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 0, 0);
		u16 mbwu = mpx_mt_mon(test, ris, MPAM_EXT_MON_MBWU, 0, 0);
		ktime_t start;
		s64 us;
		u64 val;

		/* Once the NRDY time has passed, reads succeed at once */
		fsleep(nrdy[i]);
		t_mon_read(test, ris, MPAM_EXT_MON_CSU, csu);

		t_inject(test, msc, MPAM_EXT_SIM_NRDY_STUCK, 0, 0);
		start = ktime_get();
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read(ris, MPAM_EXT_MON_CSU,
							    csu, &val), -ETIMEDOUT);
		us = ktime_us_delta(ktime_get(), start);
		/* Four waits of the NRDY time, and not much more */
		KUNIT_EXPECT_GE(test, us, 4LL * nrdy[i]);
		KUNIT_EXPECT_LT(test, us, 4LL * nrdy[i] + 500000);

		start = ktime_get();
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read(ris, MPAM_EXT_MON_MBWU,
							    mbwu, &val), -ETIMEDOUT);
		KUNIT_EXPECT_LT(test, ktime_us_delta(ktime_get(), start),
				4LL * nrdy[i] + 500000);

		/* Without sleeping: at most 4 x 50 us of busy waiting */
		start = ktime_get();
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read_atomic(ris, MPAM_EXT_MON_CSU,
								   csu, &val), -EBUSY);
		KUNIT_EXPECT_LT(test, ktime_us_delta(ktime_get(), start), 100000LL);

		t_inject(test, msc, MPAM_EXT_SIM_CLEAR, 0, 0);
		mpam_ext_sim_account(msc->sim, 0, 0, 0, 42);
		KUNIT_EXPECT_EQ(test, t_mon_read(test, ris, MPAM_EXT_MON_MBWU, mbwu),
				42ULL);
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_OK);
	}
}

/* ---- errors ---- */

static void mpx_msc_test_errcode_names(struct kunit *test)
{
	static const char * const names[16] = {
		"none", "PARTID_SEL out of range", "request PARTID out of range",
		"MSMON config id out of range", "request PMG out of range",
		"monitor out of range", "intPARTID out of range",
		"unexpected INTERNAL", "undefined RIS in PART_SEL",
		"RIS has no control", "undefined RIS in MON_SEL",
		"RIS has no monitor", "reserved", "reserved", "reserved",
		"reserved",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_STREQ(test, mpam_ext_errcode_name(i), names[i]);
	KUNIT_EXPECT_STREQ(test, mpam_ext_errcode_name(100), "reserved");
}

static void t_err_one(struct kunit *test, unsigned int code, bool extd)
{
	struct mpam_ext_msc_desc *d = t_reset_desc(test, 100 + code * 2 + extd);
	struct mpam_ext_config *cfg;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int i;
	char *state;
	u16 mon;
	u64 esr, val;

	for (i = 0; i < d->nr_ris; i++)
		if (extd)
			d->ris[i].hw.features |= T_F(EXTD_ESR);
	msc = t_probed(test, d);
	KUNIT_EXPECT_EQ(test, msc->extd_esr, extd);
	KUNIT_EXPECT_TRUE(test, msc->sim_irq);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_read32(msc->sim, MPAMF_ECR),
			(u32)MPAMF_ECR_INTEN);

	/* Non-default configuration and a running monitor */
	cfg = kunit_kzalloc(test, sizeof(*cfg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cfg);
	ris = t_get_ris(test, msc, 0);
	cfg->set = BIT(MPAM_EXT_CFG_CPBM) | BIT(MPAM_EXT_CFG_CMIN);
	bitmap_set(cfg->cpbm, 4, 4);
	cfg->cmin = 0x8000;
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_apply(ris, 1, cfg));
	mon = mpx_mt_mon(test, ris, MPAM_EXT_MON_CSU, 1, 0);
	KUNIT_EXPECT_TRUE(test, t_mon_reg(msc, 0, mon, MSMON_CFG_CSU_CTL) &
			  MSMON_CFG_CTL_EN);

	t_inject(test, msc, MPAM_EXT_SIM_ERROR_IRQ, 2, code);
	t_err_sync(msc);

	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_ERRORED);
	esr = mpam_ext_msc_last_esr(msc);
	KUNIT_EXPECT_EQ(test, (unsigned int)FIELD_GET(MPAMF_ESR_ERRCODE, esr), code);
	KUNIT_EXPECT_EQ(test, (unsigned int)FIELD_GET(MPAMF_ESR_RIS, esr),
			extd ? 2U : 0U);
	KUNIT_EXPECT_EQ(test, esr & MPAMF_ESR_OVRWR, 0ULL);
	KUNIT_EXPECT_EQ(test, msc->nr_errors, 1ULL);
	/* ESR was cleared by the handler */
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);

	/* Configuration and monitors are refused */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_apply(ris, 1, cfg), -EIO);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_alloc(ris, MPAM_EXT_MON_CSU), -EIO);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_mon_read(ris, MPAM_EXT_MON_CSU, mon, &val),
			-EIO);

	/* The hardware is back to defaults, the monitor disabled */
	t_expect_reset(test, msc, d);
	KUNIT_EXPECT_EQ(test, t_mon_reg(msc, 0, mon, MSMON_CFG_CSU_CTL) &
			MSMON_CFG_CTL_EN, 0U);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_get_config(ris, 1, cfg));
	KUNIT_EXPECT_EQ(test, cfg->cmin, 0);

	/* debugfs shows the state and the decoded ESR */
	state = t_show(test, msc, MPAM_EXT_MSC_REC_STATE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(state, "state errored\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(state, "errors 1\n"));
	{
		char line[64];

		snprintf(line, sizeof(line), "last_errcode %u\nlast_errname %s\n",
			 code, mpam_ext_errcode_name(code));
		KUNIT_EXPECT_NOT_NULL(test, strstr(state, line));
		snprintf(line, sizeof(line), "last_esr 0x%016llx\n", esr);
		KUNIT_EXPECT_NOT_NULL(test, strstr(state, line));
	}

	/* A second error is counted, still errored, nothing else changes */
	t_inject(test, msc, MPAM_EXT_SIM_ERROR_IRQ, 0, 9);
	t_err_sync(msc);
	KUNIT_EXPECT_EQ(test, msc->nr_errors, 2ULL);
	KUNIT_EXPECT_EQ(test, (unsigned int)FIELD_GET(MPAMF_ESR_ERRCODE,
						      mpam_ext_msc_last_esr(msc)), 9U);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_ERRORED);
}

static void mpx_msc_test_err_irq(struct kunit *test)
{
	unsigned int code;

	for (code = MPAM_EXT_ERR_PARTID_SEL_RANGE;
	     code <= MPAM_EXT_ERR_RIS_NO_MONITOR; code++)
		t_err_one(test, code, true);
	t_err_one(test, MPAM_EXT_ERR_MONITOR_RANGE, false);
}

/* An MSC without ESR has no error interrupt to connect */
static void mpx_msc_test_err_none(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 130);
	struct mpam_ext_ris_hw *hw = t_cache(d, 0, 3, 7, 0, T_F(CPOR));
	struct mpam_ext_msc *msc;

	hw->cpbm_wd = 4;
	msc = t_probed(test, d);
	KUNIT_EXPECT_FALSE(test, msc->sim_irq);
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_inject(msc->sim, MPAM_EXT_SIM_ERROR_IRQ,
						  0, 1), -EINVAL);
}

/*
 * A persistent error (a device that keeps using an out-of-range PARTID) is
 * raised again every time ESR is cleared. The handler masks the interrupt
 * on the first one; the reset after it unmasks once, sees the error again
 * and masks for good: two interrupts in all, not a storm.
 */
static void mpx_msc_test_err_storm(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_reset_desc(test, 131);
	struct mpam_ext_sim_stats st;
	struct mpam_ext_msc *msc;
	char *state;

	msc = t_probed(test, d);
	t_inject(test, msc, MPAM_EXT_SIM_ERROR_PERSIST, 1,
		 MPAM_EXT_ERR_REQ_PARTID_RANGE);
	t_err_sync(msc);
	mpam_ext_sim_irq_sync(msc->sim);

	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_FALSE(test, st.storm);
	KUNIT_EXPECT_EQ(test, st.irqs, 2ULL);
	KUNIT_EXPECT_EQ(test, msc->nr_errors, 2ULL);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_ERRORED);
	/* Masked, while the error is still there */
	KUNIT_EXPECT_EQ(test, mpam_ext_sim_read32(msc->sim, MPAMF_ECR), 0U);
	KUNIT_EXPECT_EQ(test, (unsigned int)FIELD_GET(MPAMF_ESR_ERRCODE, t_esr(msc)),
			(unsigned int)MPAM_EXT_ERR_REQ_PARTID_RANGE);
	state = t_show(test, msc, MPAM_EXT_MSC_REC_STATE);
	KUNIT_EXPECT_NOT_NULL(test, strstr(state, "irq_masked 1\n"));

	/* Nothing more arrives */
	t_inject(test, msc, MPAM_EXT_SIM_ERROR_IRQ, 0, MPAM_EXT_ERR_RIS_NO_CONTROL);
	t_err_sync(msc);
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.irqs, 2ULL);
	t_inject(test, msc, MPAM_EXT_SIM_CLEAR, 1, 0);
}

/* ---- debugfs records ---- */

/* Reading regs of an MSC without RIS 0 selects a RIS it has: no error */
static void mpx_msc_test_regs_no_ris0(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 132);
	struct mpam_ext_sim_stats st;
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;
	char *regs;
	u64 errors;

	hw = t_cache(d, 1, 3, 15, 0, T_F(CPOR) | T_F(ESR));
	hw->cpbm_wd = 8;
	hw = t_mem(d, 3, 15, 0, T_F(MBW_MAX) | T_F(ESR));
	hw->bwa_wd = 6;
	msc = t_probed(test, d);
	mpam_ext_sim_get_stats(msc->sim, &st);
	errors = st.errors;
	regs = t_show(test, msc, MPAM_EXT_MSC_REC_REGS);
	KUNIT_EXPECT_NOT_NULL(test, strstr(regs, "ris3 MPAMCFG_MBW_MAX"));
	t_err_sync(msc);
	mpam_ext_sim_get_stats(msc->sim, &st);
	KUNIT_EXPECT_EQ(test, st.errors, errors);
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_OK);
}

static void mpx_msc_test_records(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = t_desc(test, 140);
	struct mpam_ext_ris_hw *hw;
	struct mpam_ext_msc *msc;
	char want[128];
	u64 r, w;
	char *s;

	hw = t_cache(d, 0, 3, 63, 1, T_F(CPOR) | T_F(CSU) | T_F(MBWU) | T_F(ESR));
	hw->cpbm_wd = 16;
	hw->num_csu_mon = 8;
	hw->num_mbwu_mon = 8;
	hw->mbwu_width = 44;
	msc = t_probed(test, d);

	KUNIT_EXPECT_STREQ(test, t_show(test, msc, MPAM_EXT_MSC_REC_RIS),
			   "ris=0 state=probed loc=cache level=3 id=0 partid_max=63 pmg_max=1 features=cpor,csu,mbwu,esr cpbm_wd=16 cmax_wd=0 cassoc_wd=0 bwa_wd=0 mbw_pbm_bits=0 intpri_wd=0 dspri_wd=0 intpartid_max=0 csu_mon=8 csu_mon_used=0 mbwu_mon=8 mbwu_mon_used=0 mbwu_width=44\n");
	KUNIT_EXPECT_STREQ(test, t_show(test, msc, MPAM_EXT_MSC_REC_STATE),
			   "state ok\nreason -\nprobe_esr 0x0000000000000000\nerrors 0\nirq_masked 0\nlast_esr 0x0000000000000000\nlast_errcode 0\nlast_errname none\nlast_partid_mon 0\nlast_pmg 0\nlast_ris 0\nlast_ovrwr 0\nparked 0\nparks 0\nreplays 0\n");

	mpam_ext_msc_counts(msc, &r, &w);
	snprintf(want, sizeof(want), "reads %llu\nwrites %llu\n", r, w);
	KUNIT_EXPECT_STREQ(test, t_show(test, msc, MPAM_EXT_MSC_REC_COUNTERS), want);

	s = t_show(test, msc, MPAM_EXT_MSC_REC_REGS);
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "msc MPAMF_AIDR 0x00000010\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "msc MPAMF_IIDR 0x0000043b\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "msc MPAMF_ECR 0x00000001\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "ris0 MPAMF_CPOR_IDR 0x00000010\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "ris0 MPAMCFG_CPBM[0] 0x0000ffff\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(s, "ris0 MPAMF_CSUMON_IDR 0x00000008\n"));
	/* Reading the registers did not disturb anything */
	KUNIT_EXPECT_EQ(test, t_esr(msc), 0ULL);
}

/* ---- whole platforms ---- */

static struct mpam_ext_platform *t_platform(struct kunit *test,
					    unsigned int nr_mscs)
{
	struct mpam_ext_platform *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	p->mscs = kunit_kcalloc(test, nr_mscs, sizeof(*p->mscs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p->mscs);
	return p;
}

static struct mpam_ext_msc_desc *t_plat_msc(struct mpam_ext_platform *p, u32 id,
					    u32 nrdy_us, u8 aidr)
{
	struct mpam_ext_msc_desc *d = &p->mscs[p->nr_mscs++];

	d->id = id;
	d->base = 0x90000000ULL + p->nr_mscs * 0x10000ULL;
	d->size = 0x10000;
	d->nrdy_us = nrdy_us;
	d->err_irq = 0;
	d->aidr = aidr;
	d->iidr = 0x736;
	return d;
}

/* tiny: one L3 MSC, one memory MSC; 64 PARTIDs, 2 PMGs */
static struct mpam_ext_platform *t_tiny(struct kunit *test)
{
	struct mpam_ext_platform *p = t_platform(test, 2);
	struct mpam_ext_ris_hw *hw;

	strscpy(p->name, "tiny", sizeof(p->name));
	hw = mpx_mt_ris(t_plat_msc(p, 0, 10, 0x10), 0, MPAM_EXT_LOC_CACHE, 3, 0, 63, 1,
			T_F(CPOR) | T_F(CSU) | T_F(MBWU) | T_F(ESR));
	hw->cpbm_wd = 16;
	hw->num_csu_mon = 8;
	hw->num_mbwu_mon = 8;
	hw->mbwu_width = 44;
	hw = mpx_mt_ris(t_plat_msc(p, 1, 10, 0x10), 0, MPAM_EXT_LOC_MEMORY, 0, 0, 63, 1,
			T_F(MBW_MAX) | T_F(MBWU) | T_F(ESR));
	hw->bwa_wd = 8;
	hw->num_mbwu_mon = 8;
	hw->mbwu_width = 63;
	return p;
}

/*
 * kunpeng-mini: four L2 MSCs (one without CPOR), two L3 MSCs with 17-bit
 * portion bitmaps, two memory-side MSCs on node 0; 32 PARTIDs, 4 PMGs.
 */
static struct mpam_ext_platform *t_kunpeng(struct kunit *test)
{
	static const u32 l2_ids[] = { 4, 7, 10, 13 };
	static const u32 l3_ids[] = { 1, 26 };
	struct mpam_ext_platform *p = t_platform(test, 8);
	struct mpam_ext_ris_hw *hw;
	unsigned int i;

	strscpy(p->name, "kunpeng-mini", sizeof(p->name));
	for (i = 0; i < 4; i++) {
		hw = mpx_mt_ris(t_plat_msc(p, 64 + i, 20, 0x10), 0, MPAM_EXT_LOC_CACHE,
				2, l2_ids[i], 31, 3,
				(i == 3 ? 0 : T_F(CPOR)) | T_F(CSU) | T_F(MBWU) | T_F(ESR));
		hw->cpbm_wd = i == 3 ? 0 : 8;
		hw->num_csu_mon = 2;
		hw->num_mbwu_mon = 2;
		hw->mbwu_width = 31;
	}
	for (i = 0; i < 2; i++) {
		hw = mpx_mt_ris(t_plat_msc(p, 128 + i, 50, 0x10), 0, MPAM_EXT_LOC_CACHE,
				3, l3_ids[i], 31, 3, T_F(CPOR) | T_F(CSU) | T_F(ESR));
		hw->cpbm_wd = 17;
		hw->num_csu_mon = 4;
	}
	for (i = 0; i < 2; i++) {
		hw = mpx_mt_ris(t_plat_msc(p, 252 + 2 * i, 100, 0x10), 0,
				MPAM_EXT_LOC_MEMORY, 0, 0, 31, 3,
				T_F(MBW_MAX) | T_F(MBWU) | T_F(ESR));
		hw->bwa_wd = 7;
		hw->num_mbwu_mon = 4;
		hw->mbwu_width = 44;
	}
	return p;
}

/* grace-mini: one L3 MSC, three memory MSCs; 256 PARTIDs, 2 PMGs */
static struct mpam_ext_platform *t_grace(struct kunit *test)
{
	struct mpam_ext_platform *p = t_platform(test, 4);
	struct mpam_ext_ris_hw *hw;
	unsigned int i;

	strscpy(p->name, "grace-mini", sizeof(p->name));
	hw = mpx_mt_ris(t_plat_msc(p, 0, 30, 0x11), 0, MPAM_EXT_LOC_CACHE, 3, 0, 255, 1,
			T_F(CPOR) | T_F(CMAX) | T_F(CSU) | T_F(ESR) | T_F(EXTD_ESR));
	hw->cpbm_wd = 12;
	hw->cmax_wd = 8;
	hw->num_csu_mon = 16;
	for (i = 0; i < 3; i++) {
		hw = mpx_mt_ris(t_plat_msc(p, 1 + i, 30, 0x11), 0, MPAM_EXT_LOC_MEMORY,
				0, i, 255, 1, T_F(MBW_MIN) | T_F(MBW_MAX) | T_F(MBWU) |
				T_F(ESR) | T_F(EXTD_ESR));
		hw->bwa_wd = 8;
		hw->num_mbwu_mon = 8;
		hw->mbwu_width = 63;
	}
	return p;
}

static void t_teardown(void *unused)
{
	mpam_ext_msc_teardown_all();
}

static void t_rm_debugfs(void *dir)
{
	debugfs_remove_recursive(dir);
}

/* Skip when the module itself set MSCs up (loaded with sim=) */
static void t_need_empty_list(struct kunit *test)
{
	if (mpam_ext_msc_next(NULL))
		kunit_skip(test, "MSCs already set up by the module");
}

static void t_platform_check(struct kunit *test, struct mpam_ext_platform *p,
			     u32 partids, u32 pmgs)
{
	struct dentry *dir = debugfs_create_dir("mpam_ext_msc_test", NULL);
	struct mpam_ext_msc *msc;
	unsigned int i, n = 0;

	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_rm_debugfs, dir));
	t_need_empty_list(test);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_setup_all(p, true, NULL, dir));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_teardown, NULL));

	KUNIT_EXPECT_EQ(test, mpam_ext_msc_partid_count(), partids);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_pmg_count(), pmgs);
	for (i = 0; i < p->nr_mscs; i++) {
		msc = mpam_ext_msc_find(p->mscs[i].id);
		KUNIT_ASSERT_NOT_NULL(test, msc);
		KUNIT_EXPECT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_OK);
		t_expect_msc_as_described(test, msc, &p->mscs[i]);
		KUNIT_EXPECT_TRUE(test, msc->sim_irq);
		KUNIT_EXPECT_NOT_ERR_OR_NULL(test, msc->dbg);
	}
	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc))
		KUNIT_EXPECT_EQ(test, msc->desc.id, p->mscs[n++].id);
	KUNIT_EXPECT_EQ(test, n, p->nr_mscs);
	KUNIT_EXPECT_NULL(test, mpam_ext_msc_find(1000));

	/* Set up once only */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_setup_all(p, true, NULL, NULL), -EBUSY);

	mpam_ext_msc_teardown_all();
	KUNIT_EXPECT_NULL(test, mpam_ext_msc_next(NULL));
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_partid_count(), 0U);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_pmg_count(), 0U);
}

static void mpx_msc_test_tiny(struct kunit *test)
{
	t_platform_check(test, t_tiny(test), 64, 2);
}

static void mpx_msc_test_kunpeng(struct kunit *test)
{
	struct mpam_ext_platform *p = t_kunpeng(test);
	struct mpam_ext_msc *msc;

	t_need_empty_list(test);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_setup_all(p, true, NULL, NULL));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_teardown, NULL));
	/* The L2 MSC without CPOR has nothing to configure */
	msc = mpam_ext_msc_find(67);
	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_EXPECT_EQ(test, mpam_ext_ris_cfg_fields(&msc->ris[0]), 0UL);
	msc = mpam_ext_msc_find(128);
	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_EXPECT_EQ(test, msc->ris[0].hw.cpbm_wd, 17);
	mpam_ext_msc_teardown_all();

	t_platform_check(test, p, 32, 4);
}

static void mpx_msc_test_grace(struct kunit *test)
{
	t_platform_check(test, t_grace(test), 256, 2);
}

/* The minimum over MSCs, narrowing included; refused MSCs do not count */
static void mpx_msc_test_platform_min(struct kunit *test)
{
	struct mpam_ext_platform *p = t_platform(test, 3);
	struct mpam_ext_ris_hw *hw;

	hw = mpx_mt_ris(t_plat_msc(p, 1, 10, 0x10), 0, MPAM_EXT_LOC_CACHE, 3, 0, 127, 7,
			T_F(CPOR) | T_F(PARTID_NRW));
	hw->cpbm_wd = 8;
	hw->intpartid_max = 47;
	hw = mpx_mt_ris(t_plat_msc(p, 2, 10, 0x10), 0, MPAM_EXT_LOC_MEMORY, 0, 0, 63, 2,
			T_F(MBW_MAX));
	hw->bwa_wd = 4;
	hw = mpx_mt_ris(t_plat_msc(p, 3, 10, 0x20), 0, MPAM_EXT_LOC_MEMORY, 0, 0, 3, 0,
			T_F(MBW_MAX));
	hw->bwa_wd = 4;

	t_need_empty_list(test);
	KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_setup_all(p, true, NULL, NULL));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_teardown, NULL));
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_partid_count(), 48U);
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_pmg_count(), 3U);
	KUNIT_EXPECT_NULL(test, mpam_ext_msc_find(3));
}

/* A failing setup leaves nothing behind */
static void mpx_msc_test_platform_fail(struct kunit *test)
{
	struct mpam_ext_platform *p = t_tiny(test);
	struct mpam_ext_msc_desc *bad;

	t_need_empty_list(test);
	p->mscs[1].id = p->mscs[0].id;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_setup_all(p, true, NULL, NULL), -EINVAL);
	KUNIT_EXPECT_NULL(test, mpam_ext_msc_next(NULL));

	/* The second MSC cannot be created: the first is undone */
	p = t_tiny(test);
	bad = &p->mscs[1];
	bad->nr_ris = 0;
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_setup_all(p, true, NULL, NULL), -EINVAL);
	KUNIT_EXPECT_NULL(test, mpam_ext_msc_next(NULL));
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_partid_count(), 0U);

	/* And after a failure, a good platform sets up */
	KUNIT_EXPECT_EQ(test, mpam_ext_msc_setup_all(t_tiny(test), true, NULL, NULL), 0);
	mpam_ext_msc_teardown_all();
}

static void mpx_mt_free_platform(void *p)
{
	mpam_ext_platform_free(p);
}

/*
 * The shipped platform files: their MSCs are the ones built above, and
 * each sets up with every MSC usable.
 */
static void mpx_msc_test_shipped(struct kunit *test)
{
	static const struct {
		const char *name;
		struct mpam_ext_platform *(*build)(struct kunit *test);
		u32 partids;
		u32 pmgs;
	} known[] = {
		{ "tiny", t_tiny, 64, 2 },
		{ "kunpeng-mini", t_kunpeng, 32, 4 },
		{ "grace-mini", t_grace, 256, 2 },
	};
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct cpumask *cpus;
	unsigned int i, j, k, m, found = 0;

	if (nr_cpu_ids < 8)
		kunit_skip(test, "the shipped files name CPUs 0-7");
	cpus = kunit_kzalloc(test, sizeof(*cpus), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cpus);
	for (i = 0; i < 8; i++)
		cpumask_set_cpu(i, cpus);

	for (i = 0; i < ARRAY_SIZE(mpx_platform_texts); i++) {
		const char *text = mpx_platform_texts[i].text;
		struct mpam_ext_platform *p, *want = NULL;
		u32 partids = 0, pmgs = 0;
		struct mpam_ext_msc *msc;

		p = mpam_ext_platform_parse(text, strlen(text), cpus, err,
					    sizeof(err));
		KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, p, "%s: %s",
						 mpx_platform_texts[i].name, err);
		KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test,
								   mpx_mt_free_platform, p));
		for (j = 0; j < ARRAY_SIZE(known); j++) {
			if (strcmp(known[j].name, mpx_platform_texts[i].name))
				continue;
			want = known[j].build(test);
			partids = known[j].partids;
			pmgs = known[j].pmgs;
			found++;
		}
		if (want) {
			KUNIT_ASSERT_EQ(test, p->nr_mscs, want->nr_mscs);
			for (m = 0; m < p->nr_mscs; m++) {
				const struct mpam_ext_msc_desc *a = &p->mscs[m];
				const struct mpam_ext_msc_desc *b = &want->mscs[m];

				KUNIT_EXPECT_EQ(test, a->id, b->id);
				KUNIT_EXPECT_EQ(test, a->aidr, b->aidr);
				KUNIT_ASSERT_EQ(test, a->nr_ris, b->nr_ris);
				for (k = 0; k < a->nr_ris; k++) {
					KUNIT_EXPECT_EQ(test, a->ris[k].idx, b->ris[k].idx);
					KUNIT_EXPECT_EQ(test, a->ris[k].loc, b->ris[k].loc);
					t_expect_hw_eq(test, &a->ris[k].hw,
						       &b->ris[k].hw, a->ris[k].idx);
				}
			}
		}

		t_need_empty_list(test);
		KUNIT_ASSERT_EQ(test, 0, mpam_ext_msc_setup_all(p, true, NULL, NULL));
		for (m = 0; m < p->nr_mscs; m++) {
			const struct mpam_ext_msc_desc *d = &p->mscs[m];

			msc = mpam_ext_msc_find(d->id);
			/* no online CPU reaches it: refused at setup */
			if (d->has_affinity &&
			    !cpumask_intersects(&d->affinity, cpu_online_mask)) {
				KUNIT_EXPECT_NULL_MSG(test, msc, "%s: msc %u",
						      mpx_platform_texts[i].name, d->id);
				continue;
			}
			KUNIT_EXPECT_NOT_NULL_MSG(test, msc, "%s: msc %u",
						  mpx_platform_texts[i].name, d->id);
			if (msc)
				t_expect_msc_as_described(test, msc, d);
		}
		if (want) {
			KUNIT_EXPECT_EQ(test, mpam_ext_msc_partid_count(), partids);
			KUNIT_EXPECT_EQ(test, mpam_ext_msc_pmg_count(), pmgs);
		}
		mpam_ext_msc_teardown_all();
	}
	KUNIT_EXPECT_EQ(test, found, ARRAY_SIZE(known));
}

static struct kunit_case mpx_msc_probe_cases[] = {
	KUNIT_CASE(mpx_msc_test_probe_shapes),
	KUNIT_CASE(mpx_msc_test_probe_single),
	KUNIT_CASE(mpx_msc_test_probe_misc),
	KUNIT_CASE(mpx_msc_test_aidr),
	KUNIT_CASE(mpx_msc_test_garbage),
	KUNIT_CASE(mpx_msc_test_bad_width),
	KUNIT_CASE(mpx_msc_test_records),
	KUNIT_CASE(mpx_msc_test_regs_no_ris0),
	{}
};

static struct kunit_case mpx_msc_config_cases[] = {
	KUNIT_CASE(mpx_msc_test_reset),
	KUNIT_CASE(mpx_msc_test_hidden_ris),
	KUNIT_CASE(mpx_msc_test_apply_counts),
	KUNIT_CASE(mpx_msc_test_apply_refused),
	{}
};

static struct kunit_case mpx_msc_mon_cases[] = {
	KUNIT_CASE(mpx_msc_test_mon_alloc),
	KUNIT_CASE(mpx_msc_test_mon_csu),
	KUNIT_CASE(mpx_msc_test_mbwu_widths),
	KUNIT_CASE(mpx_msc_test_mbwu_access_cost),
	KUNIT_CASE(mpx_msc_test_near_wrap),
	KUNIT_CASE(mpx_msc_test_nrdy),
	KUNIT_CASE(mpx_msc_test_access32),
	KUNIT_CASE(mpx_msc_test_idr32),
	KUNIT_CASE(mpx_msc_test_sw_nrdy),
	KUNIT_CASE(mpx_msc_test_reach),
	KUNIT_CASE(mpx_msc_test_power),
	{}
};

static struct kunit_case mpx_msc_err_cases[] = {
	KUNIT_CASE(mpx_msc_test_errcode_names),
	KUNIT_CASE(mpx_msc_test_err_irq),
	KUNIT_CASE(mpx_msc_test_err_none),
	KUNIT_CASE(mpx_msc_test_err_storm),
	{}
};

static struct kunit_case mpx_msc_platform_cases[] = {
	KUNIT_CASE(mpx_msc_test_tiny),
	KUNIT_CASE(mpx_msc_test_kunpeng),
	KUNIT_CASE(mpx_msc_test_grace),
	KUNIT_CASE(mpx_msc_test_platform_min),
	KUNIT_CASE(mpx_msc_test_platform_fail),
	KUNIT_CASE(mpx_msc_test_shipped),
	{}
};

static struct kunit_suite mpx_msc_probe_suite = {
	.name = "mpam_ext_msc_probe",
	.test_cases = mpx_msc_probe_cases,
};

static struct kunit_suite mpx_msc_config_suite = {
	.name = "mpam_ext_msc_config",
	.test_cases = mpx_msc_config_cases,
};

static struct kunit_suite mpx_msc_mon_suite = {
	.name = "mpam_ext_msc_mon",
	.test_cases = mpx_msc_mon_cases,
};

static struct kunit_suite mpx_msc_err_suite = {
	.name = "mpam_ext_msc_err",
	.test_cases = mpx_msc_err_cases,
};

static struct kunit_suite mpx_msc_platform_suite = {
	.name = "mpam_ext_msc_platform",
	.test_cases = mpx_msc_platform_cases,
};

kunit_test_suites(&mpx_msc_probe_suite, &mpx_msc_config_suite,
		  &mpx_msc_mon_suite, &mpx_msc_err_suite,
		  &mpx_msc_platform_suite);
