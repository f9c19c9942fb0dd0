// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the simulated MSC (src/sim/sim.c). The descriptions are built
 * here, not parsed. Expected register values are written out as numbers,
 * with the fields they hold in a comment, so that a wrong field position
 * in a shared header cannot make a test and the simulator agree.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/sched.h>
#include <linux/atomic.h>
#include <linux/bits.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/sim/sim_test.h>

#define MPX_F(x)	BIT(MPAM_EXT_HW_##x)

/* ----- descriptions ----- */

static struct mpam_ext_msc_desc *mpx_t_desc(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = kunit_kzalloc(test, sizeof(*d), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, d);
	d->id = 1;
	d->size = MPAM_EXT_MSC_FRAME_MIN;
	d->aidr = 0x10;
	d->iidr = 0x1234543b;
	return d;
}

/*
 * "l3": one RIS (index 0, no HAS_RIS), 32-bit ESR.
 * PARTID_MAX 63, PMG_MAX 1; CPBM 20 bits; CMAX 8 bits with SOFTLIM;
 * CASSOC 4 bits; 8 CSU and 4 31-bit MBWU monitors.
 */
static struct mpam_ext_msc_desc *mpx_t_l3(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_desc(test);
	struct mpam_ext_ris_hw *hw = &d->ris[0].hw;

	d->nr_ris = 1;
	d->ris[0].idx = 0;
	d->ris[0].loc = MPAM_EXT_LOC_CACHE;
	d->ris[0].level = 3;
	hw->features = MPX_F(CPOR) | MPX_F(CMAX) | MPX_F(CMAX_SOFTLIM) |
		       MPX_F(CASSOC) | MPX_F(CSU) | MPX_F(MBWU) | MPX_F(ESR);
	hw->partid_max = 63;
	hw->pmg_max = 1;
	hw->cpbm_wd = 20;
	hw->cmax_wd = 8;
	hw->cassoc_wd = 4;
	hw->num_csu_mon = 8;
	hw->num_mbwu_mon = 4;
	hw->mbwu_width = 31;
	return d;
}

/*
 * "mem": two RIS at sparse indexes 2 and 5, 64-bit ESR, AIDR 0x11.
 * Both PARTID_MAX 31, PMG_MAX 3.
 * RIS 2: INTPRI 3 bits (0 is low), DSPRI 2 bits, PARTID narrowing to 8
 *        intPARTIDs, CMIN without CMAX (5 bits), 2 CSU monitors.
 * RIS 5: MBW_MIN/MAX 6 bits, MBW_PBM 40 bits, MBW_PROP, writable window,
 *        4 44-bit MBWU monitors with RWBW.
 */
static struct mpam_ext_msc_desc *mpx_t_mem(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_desc(test);
	struct mpam_ext_ris_hw *a = &d->ris[0].hw, *b = &d->ris[1].hw;

	d->aidr = 0x11;
	d->nr_ris = 2;
	d->ris[0].idx = 2;
	d->ris[0].loc = MPAM_EXT_LOC_MEMORY;
	d->ris[1].idx = 5;
	d->ris[1].loc = MPAM_EXT_LOC_MEMORY;

	a->features = MPX_F(INTPRI) | MPX_F(INTPRI_0_IS_LOW) | MPX_F(DSPRI) |
		      MPX_F(PARTID_NRW) | MPX_F(CMIN) | MPX_F(CSU) |
		      MPX_F(ESR) | MPX_F(EXTD_ESR);
	a->partid_max = 31;
	a->pmg_max = 3;
	a->intpri_wd = 3;
	a->dspri_wd = 2;
	a->intpartid_max = 7;
	a->cmax_wd = 5;
	a->num_csu_mon = 2;

	b->features = MPX_F(MBW_MIN) | MPX_F(MBW_MAX) | MPX_F(MBW_PBM) |
		      MPX_F(MBW_PROP) | MPX_F(MBW_WINWD) | MPX_F(MBWU) |
		      MPX_F(MBWU_RWBW) | MPX_F(ESR) | MPX_F(EXTD_ESR);
	b->partid_max = 31;
	b->pmg_max = 3;
	b->bwa_wd = 6;
	b->mbw_pbm_bits = 40;
	b->num_mbwu_mon = 4;
	b->mbwu_width = 44;
	return d;
}

/*
 * "split": RIS 0 has controls only (CPBM 8 bits), RIS 1 monitors only
 * (2 63-bit MBWU monitors). PARTID_MAX 15, PMG_MAX 0, 64-bit ESR.
 */
static struct mpam_ext_msc_desc *mpx_t_split(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_desc(test);
	struct mpam_ext_ris_hw *a = &d->ris[0].hw, *b = &d->ris[1].hw;

	d->nr_ris = 2;
	d->ris[0].idx = 0;
	d->ris[1].idx = 1;
	a->features = MPX_F(CPOR) | MPX_F(ESR) | MPX_F(EXTD_ESR);
	a->partid_max = 15;
	a->cpbm_wd = 8;
	b->features = MPX_F(MBWU) | MPX_F(ESR) | MPX_F(EXTD_ESR);
	b->partid_max = 15;
	b->num_mbwu_mon = 2;
	b->mbwu_width = 63;
	return d;
}

static void mpx_t_destroy(void *sim)
{
	mpam_ext_sim_destroy(sim);
}

static struct mpam_ext_sim_msc *mpx_t_create(struct kunit *test,
					     const struct mpam_ext_msc_desc *d)
{
	struct mpam_ext_sim_msc *sim = mpam_ext_sim_create(d);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, sim);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_t_destroy, sim));
	return sim;
}

/* ----- register helpers ----- */

static u32 mpx_rd(struct mpam_ext_sim_msc *sim, u32 off)
{
	return mpam_ext_sim_read32(sim, off);
}

static void mpx_wr(struct mpam_ext_sim_msc *sim, u32 off, u32 val)
{
	mpam_ext_sim_write32(sim, off, val);
}

static void mpx_part_sel(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
			 bool internal)
{
	mpx_wr(sim, MPAMCFG_PART_SEL, (u32)ris << 24 | (internal ? BIT(16) : 0) | partid);
}

static void mpx_mon_sel(struct mpam_ext_sim_msc *sim, u8 ris, u16 mon)
{
	mpx_wr(sim, MSMON_CFG_MON_SEL, (u32)ris << 24 | mon);
}

static u64 mpx_esr(struct mpam_ext_sim_msc *sim)
{
	return mpam_ext_sim_read64(sim, MPAMF_ESR);
}

static void mpx_esr_clear(struct mpam_ext_sim_msc *sim)
{
	mpam_ext_sim_write64(sim, MPAMF_ESR, 0);
}

/* CTL bits used below */
#define MPX_EN			0x80000000U
#define MPX_OFLOW		0x04000000U
#define MPX_OFLOW_L		0x00008000U
#define MPX_MATCH_PARTID	0x00010000U
#define MPX_MATCH_PMG		0x00020000U
#define MPX_MBWU		0x42U
#define MPX_CSU			0x43U
#define MPX_NRDY		0x80000000U

static void mpx_mbwu_setup(struct mpam_ext_sim_msc *sim, u8 ris, u16 mon,
			   u16 partid, u8 pmg, u32 match)
{
	mpx_mon_sel(sim, ris, mon);
	mpx_wr(sim, MSMON_CFG_MBWU_FLT, (u32)pmg << 16 | partid);
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | match);
	mpx_wr(sim, MSMON_MBWU, 0);
}

static u32 mpx_mbwu_read(struct mpam_ext_sim_msc *sim, u8 ris, u16 mon)
{
	mpx_mon_sel(sim, ris, mon);
	return mpx_rd(sim, MSMON_MBWU);
}

/* ----- ID registers ----- */

static void mpx_id_l3(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	/* HAS_ESR | MSMON | EXT | CPOR | CCAP | PMG_MAX 1 | PARTID_MAX 63 */
	KUNIT_EXPECT_EQ(test, 0x805301003fULL, mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0x1234543bU, mpx_rd(sim, MPAMF_IIDR));
	KUNIT_EXPECT_EQ(test, 0x10U, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_IMPL_IDR));
	KUNIT_EXPECT_EQ(test, 20U, mpx_rd(sim, MPAMF_CPOR_IDR));
	/* HAS_CMAX_SOFTLIM | HAS_CASSOC | CASSOC_WD 4 | CMAX_WD 8 */
	KUNIT_EXPECT_EQ(test, 0x90000408U, mpx_rd(sim, MPAMF_CCAP_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_MBW_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_PRI_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_PARTID_NRW_IDR));
	/* MSMON_MBWU | MSMON_CSU */
	KUNIT_EXPECT_EQ(test, 0x30000U, mpx_rd(sim, MPAMF_MSMON_IDR));
	KUNIT_EXPECT_EQ(test, 8U, mpx_rd(sim, MPAMF_CSUMON_IDR));
	KUNIT_EXPECT_EQ(test, 4U, mpx_rd(sim, MPAMF_MBWUMON_IDR));
}

static void mpx_id_sparse(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_part_sel(sim, 5, 0, false);
	/*
	 * RIS_MAX 5 | HAS_ESR | HAS_EXTD_ESR | HAS_RIS ;
	 * MSMON | EXT | MBW | PMG_MAX 3 | PARTID_MAX 31
	 */
	KUNIT_EXPECT_EQ(test, 0x050000c15403001fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0x11U, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_CPOR_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_CCAP_IDR));
	/* BWPBM_WD 40 | WINDWR | HAS_PROP | HAS_PBM | HAS_MAX | HAS_MIN | BWA_WD 6 */
	KUNIT_EXPECT_EQ(test, 0x287c06U, mpx_rd(sim, MPAMF_MBW_IDR));
	KUNIT_EXPECT_EQ(test, 0x20000U, mpx_rd(sim, MPAMF_MSMON_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_CSUMON_IDR));
	/* HAS_LONG | RWBW | NUM_MON 4 */
	KUNIT_EXPECT_EQ(test, 0x50000004U, mpx_rd(sim, MPAMF_MBWUMON_IDR));

	mpx_part_sel(sim, 2, 0, false);
	/* ... ; NRW | MSMON | EXT | PRI | CCAP | PMG_MAX 3 | PARTID_MAX 31 */
	KUNIT_EXPECT_EQ(test, 0x050000c1d903001fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	/* NO_CMAX | HAS_CMIN | CMAX_WD 5 */
	KUNIT_EXPECT_EQ(test, 0x60000005U, mpx_rd(sim, MPAMF_CCAP_IDR));
	/* DSPRI_WD 2 | HAS_DSPRI | INTPRI_WD 3 | INTPRI_0_IS_LOW | HAS_INTPRI */
	KUNIT_EXPECT_EQ(test, 0x210033U, mpx_rd(sim, MPAMF_PRI_IDR));
	KUNIT_EXPECT_EQ(test, 7U, mpx_rd(sim, MPAMF_PARTID_NRW_IDR));
	KUNIT_EXPECT_EQ(test, 0x10000U, mpx_rd(sim, MPAMF_MSMON_IDR));
	KUNIT_EXPECT_EQ(test, 2U, mpx_rd(sim, MPAMF_CSUMON_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_MBW_IDR));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_id_split(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_split(test));

	mpx_part_sel(sim, 1, 0, false);
	/* RIS_MAX 1 | ESR | EXTD | HAS_RIS ; MSMON | EXT | PARTID_MAX 15 */
	KUNIT_EXPECT_EQ(test, 0x010000c15000000fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	/* HAS_LONG | LWD | NUM_MON 2 */
	KUNIT_EXPECT_EQ(test, 0x60000002U, mpx_rd(sim, MPAMF_MBWUMON_IDR));
	mpx_part_sel(sim, 0, 0, false);
	/* ... ; EXT | CPOR | PARTID_MAX 15 */
	KUNIT_EXPECT_EQ(test, 0x010000c11200000fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 8U, mpx_rd(sim, MPAMF_CPOR_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_MBWUMON_IDR));
}

static void mpx_id_single_nonzero(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;

	/* One RIS, at index 3: RIS_MAX 3, HAS_ESR, HAS_RIS ; as id_l3 */
	d->ris[0].idx = 3;
	sim = mpx_t_create(test, d);
	mpx_part_sel(sim, 3, 0, false);
	KUNIT_EXPECT_EQ(test, 0x030000815301003fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0x03000000U, mpx_rd(sim, MPAMCFG_PART_SEL));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	mpx_part_sel(sim, 0, 0, false);
	/* Undefined_RIS_PART_SEL; a 32-bit ESR has no RIS field */
	KUNIT_EXPECT_EQ(test, 0x08000000ULL, mpx_esr(sim));
	mpam_ext_sim_account(sim, 3, 64, 0, 1);
	KUNIT_EXPECT_EQ(test, 0x82000040ULL, mpx_esr(sim));
}

static void mpx_id_undefined_ris(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_part_sel(sim, 3, 9, false);
	/* Undefined_RIS_PART_SEL, RIS 3, PARTID_MON 9 */
	KUNIT_EXPECT_EQ(test, 0x0000000308000009ULL, mpx_esr(sim));
	/* Only the MSC-wide fields of IDR */
	KUNIT_EXPECT_EQ(test, 0x050000c110000000ULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_MBW_IDR));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_CCAP_IDR));
	KUNIT_EXPECT_EQ(test, 0x11U, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, 0x1234543bU, mpx_rd(sim, MPAMF_IIDR));
}

static void mpx_id_halves(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_part_sel(sim, 5, 0, false);
	KUNIT_EXPECT_EQ(test, 0x5403001fU, mpx_rd(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0x050000c1U, mpx_rd(sim, MPAMF_IDR + 4));
	/* Read-only */
	mpx_wr(sim, MPAMF_IDR, 0);
	mpam_ext_sim_write64(sim, MPAMF_IDR, 0);
	KUNIT_EXPECT_EQ(test, 0x050000c15403001fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
}

static void mpx_id_garbage(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_GARBAGE_ID, 5, 0));
	mpx_part_sel(sim, 5, 0, false);
	KUNIT_EXPECT_EQ(test, 0xffU, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, U64_MAX, mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, U32_MAX, mpx_rd(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, U32_MAX, mpx_rd(sim, MPAMF_CPOR_IDR));
	KUNIT_EXPECT_EQ(test, U32_MAX, mpx_rd(sim, MPAMF_MBW_IDR));
	KUNIT_EXPECT_EQ(test, U32_MAX, mpx_rd(sim, MPAMF_MBWUMON_IDR));

	/* Another RIS is not affected */
	mpx_part_sel(sim, 2, 0, false);
	KUNIT_EXPECT_EQ(test, 0x11U, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, 0x050000c1d903001fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));

	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_CLEAR, 5, 0));
	mpx_part_sel(sim, 5, 0, false);
	KUNIT_EXPECT_EQ(test, 0x050000c15403001fULL,
			mpam_ext_sim_read64(sim, MPAMF_IDR));
	KUNIT_EXPECT_EQ(test, 0x11U, mpx_rd(sim, MPAMF_AIDR));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_GARBAGE_ID, 4, 0));
}

/* RIS above the described ones up to the description's RIS_MAX */
static void mpx_id_hidden(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *a, *b;
	u32 cpbm;

	d->ris_max = 4;
	a = mpx_t_create(test, d);
	b = mpx_t_create(test, d);
	KUNIT_EXPECT_EQ(test, 4ULL, FIELD_GET(MPAMF_IDR_RIS_MAX,
					      mpam_ext_sim_read64(a, MPAMF_IDR)));
	KUNIT_EXPECT_TRUE(test, mpam_ext_sim_read64(a, MPAMF_IDR) & MPAMF_IDR_HAS_RIS);
	/* Selected without error; configured, not at the power-on pattern */
	mpx_part_sel(a, 4, 3, false);
	mpx_part_sel(b, 4, 3, false);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(a));
	cpbm = mpx_rd(a, MPAMCFG_CPBM);
	/* The same seed gives the same UNKNOWN values */
	KUNIT_EXPECT_EQ(test, cpbm, mpx_rd(b, MPAMCFG_CPBM));
	mpx_part_sel(a, 4, 4, false);
	KUNIT_EXPECT_NE(test, cpbm, mpx_rd(a, MPAMCFG_CPBM));
	/* Same properties as the first described RIS */
	cpbm = mpx_rd(a, MPAMF_CPOR_IDR);
	mpx_part_sel(a, 0, 0, false);
	KUNIT_EXPECT_EQ(test, cpbm, mpx_rd(a, MPAMF_CPOR_IDR));
}

static struct kunit_case mpx_id_cases[] = {
	KUNIT_CASE(mpx_id_l3),
	KUNIT_CASE(mpx_id_sparse),
	KUNIT_CASE(mpx_id_split),
	KUNIT_CASE(mpx_id_single_nonzero),
	KUNIT_CASE(mpx_id_undefined_ris),
	KUNIT_CASE(mpx_id_halves),
	KUNIT_CASE(mpx_id_garbage),
	KUNIT_CASE(mpx_id_hidden),
	{}
};

static struct kunit_suite mpx_id_suite = {
	.name = "mpam_ext_sim_id",
	.test_cases = mpx_id_cases,
};

/* ----- configuration ----- */

static void mpx_cfg_power_on(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_part_sel(sim, 0, 0, false);
	KUNIT_EXPECT_EQ(test, 0x000aaaaaU, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0x80000100U, mpx_rd(sim, MPAMCFG_CMAX));
	KUNIT_EXPECT_EQ(test, 0x1000U, mpx_rd(sim, MPAMCFG_CASSOC));
	mpx_part_sel(sim, 0, 63, false);
	KUNIT_EXPECT_EQ(test, 0x00055555U, mpx_rd(sim, MPAMCFG_CPBM));

	sim = mpx_t_create(test, mpx_t_mem(test));
	mpx_part_sel(sim, 5, 0, false);
	KUNIT_EXPECT_EQ(test, 0x80000400U, mpx_rd(sim, MPAMCFG_MBW_MAX));
	KUNIT_EXPECT_EQ(test, 0xfc00U, mpx_rd(sim, MPAMCFG_MBW_MIN));
	KUNIT_EXPECT_EQ(test, 0x380U, mpx_rd(sim, MPAMCFG_MBW_WINWD));
	KUNIT_EXPECT_EQ(test, 0x8000000fU, mpx_rd(sim, MPAMCFG_MBW_PROP));
	KUNIT_EXPECT_EQ(test, 0x55555555U, mpx_rd(sim, MPAMCFG_MBW_PBM));
	KUNIT_EXPECT_EQ(test, 0x55U, mpx_rd(sim, MPAMCFG_MBW_PBM + 4));
	mpx_part_sel(sim, 2, 1, true);
	KUNIT_EXPECT_EQ(test, 0xf800U, mpx_rd(sim, MPAMCFG_CMIN));
	/* DSPRI 0b01, INTPRI 0b101 */
	KUNIT_EXPECT_EQ(test, 0x00010005U, mpx_rd(sim, MPAMCFG_PRI));
	mpx_part_sel(sim, 2, 10, false);
	/* INTERNAL | (7 - 10 % 8) */
	KUNIT_EXPECT_EQ(test, 0x10005U, mpx_rd(sim, MPAMCFG_INTPARTID));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_cfg_isolation(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_part_sel(sim, 0, 1, false);
	mpx_wr(sim, MPAMCFG_CPBM, 0x12345);
	mpx_wr(sim, MPAMCFG_CMAX, 0x4200);
	mpx_part_sel(sim, 0, 2, false);
	mpx_wr(sim, MPAMCFG_CPBM, 0xabcde);
	mpx_wr(sim, MPAMCFG_CMAX, 0x8000);

	mpx_part_sel(sim, 0, 1, false);
	KUNIT_EXPECT_EQ(test, 0x12345U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0x4200U, mpx_rd(sim, MPAMCFG_CMAX));
	mpx_part_sel(sim, 0, 2, false);
	KUNIT_EXPECT_EQ(test, 0xabcdeU, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0x8000U, mpx_rd(sim, MPAMCFG_CMAX));
	mpx_part_sel(sim, 0, 3, false);
	KUNIT_EXPECT_EQ(test, 0x55555U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0x80000100U, mpx_rd(sim, MPAMCFG_CMAX));
	/* PART_SEL reads back */
	KUNIT_EXPECT_EQ(test, 3U, mpx_rd(sim, MPAMCFG_PART_SEL));
}

static void mpx_cfg_truncation_cache(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));
	u32 off;

	mpx_part_sel(sim, 0, 5, false);
	mpx_wr(sim, MPAMCFG_CPBM, U32_MAX);
	mpx_wr(sim, MPAMCFG_CPBM + 4, U32_MAX);
	mpx_wr(sim, MPAMCFG_CMAX, U32_MAX);
	mpx_wr(sim, MPAMCFG_CASSOC, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0x000fffffU, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CPBM + 4));
	KUNIT_EXPECT_EQ(test, 0x8000ff00U, mpx_rd(sim, MPAMCFG_CMAX));
	KUNIT_EXPECT_EQ(test, 0xf000U, mpx_rd(sim, MPAMCFG_CASSOC));

	/* Registers of features this RIS lacks are RAZ/WI, without error */
	for (off = MPAMCFG_CMIN; off <= MPAMCFG_INTPARTID; off += 4) {
		if (off == MPAMCFG_CMAX || off == MPAMCFG_CASSOC)
			continue;
		mpx_wr(sim, off, U32_MAX);
		KUNIT_EXPECT_EQ_MSG(test, 0U, mpx_rd(sim, off), "offset %#x", off);
	}
	mpx_wr(sim, MPAMCFG_MBW_PBM, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_MBW_PBM));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_cfg_truncation_mem(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_part_sel(sim, 5, 7, false);
	mpx_wr(sim, MPAMCFG_MBW_MIN, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_MAX, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_WINWD, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_PROP, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_PBM, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_PBM + 4, U32_MAX);
	mpx_wr(sim, MPAMCFG_MBW_PBM + 8, U32_MAX);
	mpx_wr(sim, MPAMCFG_CPBM, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0xfc00U, mpx_rd(sim, MPAMCFG_MBW_MIN));
	KUNIT_EXPECT_EQ(test, 0x8000fc00U, mpx_rd(sim, MPAMCFG_MBW_MAX));
	KUNIT_EXPECT_EQ(test, 0x00ffffffU, mpx_rd(sim, MPAMCFG_MBW_WINWD));
	/* STRIDEM1 is BWA_WD bits wide */
	KUNIT_EXPECT_EQ(test, 0x8000003fU, mpx_rd(sim, MPAMCFG_MBW_PROP));
	KUNIT_EXPECT_EQ(test, U32_MAX, mpx_rd(sim, MPAMCFG_MBW_PBM));
	KUNIT_EXPECT_EQ(test, 0xffU, mpx_rd(sim, MPAMCFG_MBW_PBM + 4));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_MBW_PBM + 8));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_PRI));

	mpx_part_sel(sim, 2, 3, true);
	mpx_wr(sim, MPAMCFG_PRI, U32_MAX);
	mpx_wr(sim, MPAMCFG_CMIN, U32_MAX);
	mpx_wr(sim, MPAMCFG_CMAX, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0x00030007U, mpx_rd(sim, MPAMCFG_PRI));
	KUNIT_EXPECT_EQ(test, 0xf800U, mpx_rd(sim, MPAMCFG_CMIN));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CMAX));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_cfg_fixed_window(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_mem(test);
	struct mpam_ext_sim_msc *sim;

	d->ris[1].hw.features &= ~MPX_F(MBW_WINWD);
	sim = mpx_t_create(test, d);
	mpx_part_sel(sim, 5, 0, false);
	KUNIT_EXPECT_EQ(test, 0x3c06U, mpx_rd(sim, MPAMF_MBW_IDR) & 0xffffU);
	/* One microsecond, read-only */
	KUNIT_EXPECT_EQ(test, 0x100U, mpx_rd(sim, MPAMCFG_MBW_WINWD));
	mpx_wr(sim, MPAMCFG_MBW_WINWD, 0x4200);
	KUNIT_EXPECT_EQ(test, 0x100U, mpx_rd(sim, MPAMCFG_MBW_WINWD));
}

static void mpx_cfg_narrowing(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	/* reqPARTID 10: only MPAMCFG_INTPARTID */
	mpx_part_sel(sim, 2, 10, false);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	mpx_wr(sim, MPAMCFG_INTPARTID, 0x10003);
	KUNIT_EXPECT_EQ(test, 0x10003U, mpx_rd(sim, MPAMCFG_INTPARTID));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	/* intPARTID out of range: intPARTID_Range, association kept */
	mpx_wr(sim, MPAMCFG_INTPARTID, 0x10009);
	KUNIT_EXPECT_EQ(test, 0x0000000206000009ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0x10003U, mpx_rd(sim, MPAMCFG_INTPARTID));
	mpx_esr_clear(sim);

	/* INTERNAL clear: intPARTID_Range, the bit reads as written */
	mpx_wr(sim, MPAMCFG_INTPARTID, 0x00002);
	KUNIT_EXPECT_EQ(test, 0x0000000206000002ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0x00003U, mpx_rd(sim, MPAMCFG_INTPARTID));
	mpx_esr_clear(sim);

	/* Another register through a reqPARTID: intPARTID_Range */
	mpx_wr(sim, MPAMCFG_PRI, 1);
	KUNIT_EXPECT_EQ(test, 0x000000020600000aULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_PRI));
	KUNIT_EXPECT_EQ(test, 0x000000020600000aULL, mpx_esr(sim));
	mpx_esr_clear(sim);

	/* intPARTID 3 */
	mpx_part_sel(sim, 2, 3, true);
	KUNIT_EXPECT_EQ(test, 0x02010003U, mpx_rd(sim, MPAMCFG_PART_SEL));
	mpx_wr(sim, MPAMCFG_PRI, 0x00020004);
	KUNIT_EXPECT_EQ(test, 0x00020004U, mpx_rd(sim, MPAMCFG_PRI));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	/* MPAMCFG_INTPARTID with INTERNAL set: Unexpected_INTERNAL */
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_INTPARTID));
	KUNIT_EXPECT_EQ(test, 0x0000000207000003ULL, mpx_esr(sim));
	mpx_esr_clear(sim);

	/* intPARTID beyond INTPARTID_MAX, reqPARTID beyond PARTID_MAX */
	mpx_part_sel(sim, 2, 8, true);
	KUNIT_EXPECT_EQ(test, 0x0000000206000008ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	mpx_part_sel(sim, 2, 32, false);
	KUNIT_EXPECT_EQ(test, 0x0000000201000020ULL, mpx_esr(sim));
	mpx_esr_clear(sim);

	/* INTERNAL is RES0 for a RIS without narrowing */
	mpx_part_sel(sim, 5, 3, true);
	KUNIT_EXPECT_EQ(test, 0x05000003U, mpx_rd(sim, MPAMCFG_PART_SEL));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_cfg_ris_res0(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	/* Without HAS_RIS the RIS and INTERNAL fields are RES0 */
	mpx_wr(sim, MPAMCFG_PART_SEL, 0x03010005);
	KUNIT_EXPECT_EQ(test, 5U, mpx_rd(sim, MPAMCFG_PART_SEL));
	mpx_wr(sim, MSMON_CFG_MON_SEL, 0x03000002);
	KUNIT_EXPECT_EQ(test, 2U, mpx_rd(sim, MSMON_CFG_MON_SEL));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_cfg_raz_wi(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));
	struct mpam_ext_sim_stats st;

	/* The bad accesses below are on purpose */
	mpam_ext_sim_set_lenient(sim, true);
	mpx_part_sel(sim, 0, 4, false);
	mpx_wr(sim, MPAMCFG_CPBM, 0x3);
	/* No register here */
	mpx_wr(sim, 0x104, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, 0x104));
	KUNIT_EXPECT_EQ(test, 4U, mpx_rd(sim, MPAMCFG_PART_SEL));
	/* Unaligned accesses */
	mpx_wr(sim, MPAMCFG_CPBM + 2, U32_MAX);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CPBM + 2));
	KUNIT_EXPECT_EQ(test, 0ULL, mpam_ext_sim_read64(sim, MPAMCFG_CPBM + 4));
	KUNIT_EXPECT_EQ(test, 0x3U, mpx_rd(sim, MPAMCFG_CPBM));
	/* Beyond the frame */
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAM_EXT_MSC_FRAME_MIN));
	KUNIT_EXPECT_EQ(test, 0ULL, mpam_ext_sim_read64(sim, MPAM_EXT_MSC_FRAME_MIN + 8));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, U32_MAX - 3));
	/* A 64-bit access to two 32-bit registers */
	mpx_wr(sim, MPAMCFG_CPBM, 0x12);
	KUNIT_EXPECT_EQ(test, 0x12ULL, mpam_ext_sim_read64(sim, MPAMCFG_CPBM));
	mpam_ext_sim_write64(sim, MPAMCFG_CPBM, 0xffffffff00000021ULL);
	KUNIT_EXPECT_EQ(test, 0x21U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	/* Each bad access was counted */
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_EQ(test, 3ULL, st.bad_align);
	KUNIT_EXPECT_EQ(test, 3ULL, st.bad_frame);
	KUNIT_EXPECT_EQ(test, 0ULL, st.bad_width);
}

/* An MSC that takes only 32-bit accesses, and one with a 32-bit IDR */
static void mpx_cfg_access32(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;
	struct mpam_ext_sim_stats st;

	d->props = BIT(MPAM_EXT_MSC_ACCESS32);
	sim = mpx_t_create(test, d);
	mpam_ext_sim_set_lenient(sim, true);
	KUNIT_EXPECT_EQ(test, 0ULL, mpam_ext_sim_read64(sim, MPAMF_IDR));
	mpx_part_sel(sim, 0, 1, false);
	mpam_ext_sim_write64(sim, MPAMCFG_CPBM, 0x5);
	KUNIT_EXPECT_NE(test, 0x5U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_TRUE(test, mpx_rd(sim, MPAMF_IDR) & MPAMF_IDR_EXT);
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_EQ(test, 2ULL, st.bad_width);

	d->props = BIT(MPAM_EXT_MSC_IDR32);
	d->ris[0].hw.features &= ~MPX_F(ESR);
	sim = mpx_t_create(test, d);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_IDR) & MPAMF_IDR_EXT);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_IDR + 4));
	KUNIT_EXPECT_EQ(test, (u64)(0x3f | MPAMF_IDR_HAS_CPOR_PART),
			(u64)(mpx_rd(sim, MPAMF_IDR) & (MPAMF_IDR_PARTID_MAX |
							MPAMF_IDR_HAS_CPOR_PART)));
	/* It cannot have an ESR, RIS or RIS_MAX */
	d->ris[0].hw.features |= MPX_F(ESR);
	sim = mpam_ext_sim_create(d);
	KUNIT_EXPECT_PTR_EQ(test, sim, ERR_PTR(-EINVAL));
	if (!IS_ERR(sim))
		mpam_ext_sim_destroy(sim);
}

/* An access from a CPU outside the MSC's affinity is counted */
static void mpx_cfg_affinity(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_stats st;
	struct mpam_ext_sim_msc *sim;
	unsigned int cpu;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two online CPUs");
	cpu = raw_smp_processor_id();
	KUNIT_ASSERT_EQ(test, 0, set_cpus_allowed_ptr(current, cpumask_of(cpu)));
	d->has_affinity = true;
	cpumask_copy(&d->affinity, cpu_online_mask);
	cpumask_clear_cpu(cpu, &d->affinity);
	sim = mpx_t_create(test, d);
	mpam_ext_sim_set_lenient(sim, true);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_AIDR));
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_EQ(test, 1ULL, st.bad_cpu);
}

static struct kunit_case mpx_cfg_cases[] = {
	KUNIT_CASE(mpx_cfg_power_on),
	KUNIT_CASE(mpx_cfg_isolation),
	KUNIT_CASE(mpx_cfg_truncation_cache),
	KUNIT_CASE(mpx_cfg_truncation_mem),
	KUNIT_CASE(mpx_cfg_fixed_window),
	KUNIT_CASE(mpx_cfg_narrowing),
	KUNIT_CASE(mpx_cfg_ris_res0),
	KUNIT_CASE(mpx_cfg_raz_wi),
	KUNIT_CASE(mpx_cfg_access32),
	KUNIT_CASE(mpx_cfg_affinity),
	{}
};

static struct kunit_suite mpx_cfg_suite = {
	.name = "mpam_ext_sim_cfg",
	.test_cases = mpx_cfg_cases,
};

/* ----- errors ----- */

static void mpx_err_partid_sel(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_part_sel(sim, 0, 64, false);
	/* PARTID_SEL_Range, PARTID_MON 64, 32-bit ESR: no RIS field */
	KUNIT_EXPECT_EQ(test, 0x01000040ULL, mpx_esr(sim));
	/* RAZ/WI through it, and no second error */
	mpx_wr(sim, MPAMCFG_CPBM, 1);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0x01000040ULL, mpx_esr(sim));
	/* A second error: the latest is kept, with OVRWR */
	mpx_part_sel(sim, 0, 100, false);
	KUNIT_EXPECT_EQ(test, 0x81000064ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_ESR + 4));
	/* Cleared by software */
	mpx_wr(sim, MPAMF_ESR, 0);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	/* A good selection again */
	mpx_part_sel(sim, 0, 63, false);
	KUNIT_EXPECT_EQ(test, 0x55555U, mpx_rd(sim, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_err_undefined_ris(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_mon_sel(sim, 4, 1);
	/* Undefined_RIS_MON_SEL, RIS 4, PARTID_MON 1 */
	KUNIT_EXPECT_EQ(test, 0x000000040a000001ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, 0x000000040a000001ULL, mpx_esr(sim));
	mpx_part_sel(sim, 15, 2, false);
	KUNIT_EXPECT_EQ(test, 0x0000000f88000002ULL, mpx_esr(sim));
	/* The halves of the 64-bit ESR */
	KUNIT_EXPECT_EQ(test, 0x88000002U, mpx_rd(sim, MPAMF_ESR));
	KUNIT_EXPECT_EQ(test, 0xfU, mpx_rd(sim, MPAMF_ESR + 4));
	mpx_wr(sim, MPAMF_ESR, 0);
	KUNIT_EXPECT_EQ(test, 0x0000000f00000000ULL, mpx_esr(sim));
	mpx_wr(sim, MPAMF_ESR + 4, 0);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_err_no_control(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_split(test));

	/* Selecting a monitor-only RIS is fine: its ID registers are there */
	mpx_part_sel(sim, 1, 3, false);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMCFG_CPBM));
	/* RIS_No_Control, RIS 1, PARTID_MON 3 */
	KUNIT_EXPECT_EQ(test, 0x0000000109000003ULL, mpx_esr(sim));
}

static void mpx_err_no_monitor(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_split(test));

	mpx_mon_sel(sim, 0, 0);
	/* RIS_No_Monitor, RIS 0 */
	KUNIT_EXPECT_EQ(test, 0x000000000b000000ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_err_monitor_range(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	/* Beyond both kinds of monitor: at the write */
	mpx_mon_sel(sim, 0, 8);
	KUNIT_EXPECT_EQ(test, 0x05000008ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	/* Within the CSU monitors, beyond the MBWU ones: at the access */
	mpx_mon_sel(sim, 0, 5);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0x04000043U, mpx_rd(sim, MSMON_CFG_CSU_CTL));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	KUNIT_EXPECT_EQ(test, 0x05000005ULL, mpx_esr(sim));
	mpx_wr(sim, MSMON_MBWU, 0);
	KUNIT_EXPECT_EQ(test, 0x85000005ULL, mpx_esr(sim));
}

static void mpx_err_msmoncfg_id(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_mon_sel(sim, 0, 0);
	mpx_wr(sim, MSMON_CFG_MBWU_FLT, 0x00010040);
	/* MSMONCFG_ID_RANGE, PMG 1, PARTID_MON 64; the write is not made */
	KUNIT_EXPECT_EQ(test, 0x03010040ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0x0001003fU, mpx_rd(sim, MSMON_CFG_MBWU_FLT));
	mpx_esr_clear(sim);
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 0x00020005);
	KUNIT_EXPECT_EQ(test, 0x03020005ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 0x00010005);
	KUNIT_EXPECT_EQ(test, 0x00010005U, mpx_rd(sim, MSMON_CFG_CSU_FLT));
	/* RWBW is RES0 without MBWUMON_IDR.RWBW */
	mpx_wr(sim, MSMON_CFG_MBWU_FLT, 0xc0000001);
	KUNIT_EXPECT_EQ(test, 1U, mpx_rd(sim, MSMON_CFG_MBWU_FLT));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	sim = mpx_t_create(test, mpx_t_mem(test));
	mpx_mon_sel(sim, 5, 0);
	mpx_wr(sim, MSMON_CFG_MBWU_FLT, 0x80030001);
	KUNIT_EXPECT_EQ(test, 0x80030001U, mpx_rd(sim, MSMON_CFG_MBWU_FLT));
}

static void mpx_err_request_range(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpam_ext_sim_account(sim, 0, 64, 0, 100);
	/* Req_PARTID_Range, PARTID_MON 64 */
	KUNIT_EXPECT_EQ(test, 0x02000040ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	mpam_ext_sim_set_occupancy(sim, 0, 3, 2, 100);
	/* Req_PMG_Range, PMG 2, PARTID_MON 3 */
	KUNIT_EXPECT_EQ(test, 0x04020003ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	/* A RIS that does not exist: nothing happens */
	mpam_ext_sim_account(sim, 7, 0, 0, 100);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_err_no_esr(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;

	d->ris[0].hw.features &= ~MPX_F(ESR);
	sim = mpx_t_create(test, d);
	/* No HAS_ESR */
	KUNIT_EXPECT_EQ(test, 0x5301003fULL, mpam_ext_sim_read64(sim, MPAMF_IDR));
	mpx_part_sel(sim, 0, 64, false);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	mpx_wr(sim, MPAMF_ESR, 0x01000000);
	mpx_wr(sim, MPAMF_ECR, 1);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_ECR));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 0, 1));
}

struct mpx_t_irq {
	struct mpam_ext_sim_msc *sim;
	atomic_t calls;
	u64 esr;
	bool hardirq;
};

static void mpx_t_handler(void *arg)
{
	struct mpx_t_irq *t = arg;

	t->hardirq = in_hardirq();
	t->esr = mpam_ext_sim_read64(t->sim, MPAMF_ESR);
	mpam_ext_sim_write64(t->sim, MPAMF_ESR, 0);
	atomic_inc(&t->calls);
}

static void mpx_err_irq(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));
	struct mpx_t_irq *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	t->sim = sim;
	mpam_ext_sim_set_err_handler(sim, mpx_t_handler, t);

	/* INTEN clear: recorded, no interrupt */
	mpx_part_sel(sim, 5, 40, false);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 0, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0000000501000028ULL, mpx_esr(sim));

	/* Setting INTEN with an error pending takes the interrupt */
	mpx_wr(sim, MPAMF_ECR, 1);
	KUNIT_EXPECT_EQ(test, 1U, mpx_rd(sim, MPAMF_ECR));
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 1, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0000000501000028ULL, t->esr);
	/* Where a device interrupt handler runs */
	if (!IS_ENABLED(CONFIG_PREEMPT_RT))
		KUNIT_EXPECT_TRUE(test, t->hardirq);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	/* A new error */
	mpx_mon_sel(sim, 5, 9);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 2, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0000000505000009ULL, t->esr);

	/* An injected one */
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 2, 9));
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 3, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0000000209000000ULL, t->esr);

	/* Software writing ERRCODE asserts the line too */
	mpam_ext_sim_write64(sim, MPAMF_ESR, 0x0b000000);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 4, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0b000000ULL, t->esr);

	/* INTEN clear again */
	mpx_wr(sim, MPAMF_ECR, 0);
	mpx_part_sel(sim, 5, 33, false);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 4, atomic_read(&t->calls));
	mpx_esr_clear(sim);

	/* Disconnected */
	mpam_ext_sim_set_err_handler(sim, NULL, NULL);
	mpx_wr(sim, MPAMF_ECR, 1);
	mpx_part_sel(sim, 5, 34, false);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 4, atomic_read(&t->calls));

	/* Connecting to an asserted line takes the interrupt */
	mpam_ext_sim_set_err_handler(sim, mpx_t_handler, t);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 5, atomic_read(&t->calls));
	KUNIT_EXPECT_EQ(test, 0x0000000501000022ULL, t->esr);

	/* Deasserted before the interrupt could be taken: no call */
	local_irq_disable();
	mpx_part_sel(sim, 5, 35, false);
	mpx_esr_clear(sim);
	local_irq_enable();
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, 5, atomic_read(&t->calls));
}

static void mpx_err_inject(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 5, 11));
	KUNIT_EXPECT_EQ(test, 0x000000050b000000ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 2, 1));
	KUNIT_EXPECT_EQ(test, 0x0000000281000000ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 2, 0));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 2, 12));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_IRQ, 3, 1));
	KUNIT_EXPECT_EQ(test, -EINVAL, mpam_ext_sim_inject(sim, 42, 2, 1));
	KUNIT_EXPECT_EQ(test, 0x0000000281000000ULL, mpx_esr(sim));
}

/*
 * A persistent error is recorded again each time ESR is cleared; a handler
 * that clears ESR without masking the interrupt is called until the storm
 * guard stops the error, which the statistics show.
 */
static void mpx_err_persist(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));
	struct mpx_t_irq *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct mpam_ext_sim_stats st;

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_PERSIST, 5, 0));
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_ERROR_PERSIST,
						     5, 2));
	KUNIT_EXPECT_EQ(test, 0x0000000502000000ULL, mpx_esr(sim));
	mpx_esr_clear(sim);
	KUNIT_EXPECT_EQ(test, 0x0000000502000000ULL, mpx_esr(sim));
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_EQ(test, 2ULL, st.errors);
	KUNIT_EXPECT_EQ(test, 0ULL, st.irqs);

	/* An unmasked line storms until the guard stops the source */
	t->sim = sim;
	mpam_ext_sim_set_err_handler(sim, mpx_t_handler, t);
	mpx_wr(sim, MPAMF_ECR, 1);
	mpam_ext_sim_irq_sync(sim);
	KUNIT_EXPECT_EQ(test, MPAM_EXT_SIM_STORM_MAX, atomic_read(&t->calls));
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_TRUE(test, st.storm);
	KUNIT_EXPECT_EQ(test, (u64)MPAM_EXT_SIM_STORM_MAX, st.irqs);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	/* Stopped by inject_clear: a clear then sticks */
	mpx_wr(sim, MPAMF_ECR, 0);
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_PERSIST,
							   "5 0x4\n"));
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_CLEAR, 5, 0));
	mpx_esr_clear(sim);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
	mpam_ext_sim_set_err_handler(sim, NULL, NULL);
	mpam_ext_sim_irq_sync(sim);
}

static struct kunit_case mpx_err_cases[] = {
	KUNIT_CASE(mpx_err_partid_sel),
	KUNIT_CASE(mpx_err_undefined_ris),
	KUNIT_CASE(mpx_err_no_control),
	KUNIT_CASE(mpx_err_no_monitor),
	KUNIT_CASE(mpx_err_monitor_range),
	KUNIT_CASE(mpx_err_msmoncfg_id),
	KUNIT_CASE(mpx_err_request_range),
	KUNIT_CASE(mpx_err_no_esr),
	KUNIT_CASE(mpx_err_irq),
	KUNIT_CASE(mpx_err_inject),
	KUNIT_CASE(mpx_err_persist),
	{}
};

static struct kunit_suite mpx_err_suite = {
	.name = "mpam_ext_sim_err",
	.test_cases = mpx_err_cases,
};

/* ----- monitors ----- */

static void mpx_mon_power_on(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_mon_sel(sim, 0, 3);
	/* OFLOW_STATUS set, disabled */
	KUNIT_EXPECT_EQ(test, 0x04000042U, mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	KUNIT_EXPECT_EQ(test, 0x04000043U, mpx_rd(sim, MSMON_CFG_CSU_CTL));
	KUNIT_EXPECT_EQ(test, 0x0001003fU, mpx_rd(sim, MSMON_CFG_MBWU_FLT));
	KUNIT_EXPECT_EQ(test, 0x2a5a5a5aU, mpx_rd(sim, MSMON_MBWU));
	/* No long counter: RAZ/WI */
	KUNIT_EXPECT_EQ(test, 0ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	/* TYPE is read-only */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, 0x43);
	KUNIT_EXPECT_EQ(test, 0x42U, mpx_rd(sim, MSMON_CFG_MBWU_CTL));

	sim = mpx_t_create(test, mpx_t_mem(test));
	mpx_mon_sel(sim, 5, 0);
	KUNIT_EXPECT_EQ(test, 0x04008042U, mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	KUNIT_EXPECT_EQ(test, 0x2a5a5a5aULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_mon_filter(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_mbwu_setup(sim, 0, 0, 1, 0, MPX_MATCH_PARTID | MPX_MATCH_PMG);
	mpx_mbwu_setup(sim, 0, 1, 1, 0, MPX_MATCH_PARTID);
	mpx_mbwu_setup(sim, 0, 2, 0, 1, MPX_MATCH_PMG);
	mpx_mbwu_setup(sim, 0, 3, 0, 0, 0);

	mpam_ext_sim_account(sim, 0, 1, 0, 100);
	mpam_ext_sim_account(sim, 0, 1, 1, 10);
	mpam_ext_sim_account(sim, 0, 2, 1, 1000);
	mpam_ext_sim_account(sim, 0, 0, 0, 5);

	KUNIT_EXPECT_EQ(test, 100U, mpx_mbwu_read(sim, 0, 0));
	KUNIT_EXPECT_EQ(test, 110U, mpx_mbwu_read(sim, 0, 1));
	KUNIT_EXPECT_EQ(test, 1010U, mpx_mbwu_read(sim, 0, 2));
	KUNIT_EXPECT_EQ(test, 1115U, mpx_mbwu_read(sim, 0, 3));

	/* Disabled monitors do not count */
	mpx_mon_sel(sim, 0, 3);
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, 0);
	mpam_ext_sim_account(sim, 0, 0, 0, 5);
	KUNIT_EXPECT_EQ(test, 1115U, mpx_mbwu_read(sim, 0, 3));
	KUNIT_EXPECT_EQ(test, 1115U, mpx_mbwu_read(sim, 0, 3));
	/* Enabled again, it counts from its value */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN);
	mpam_ext_sim_account(sim, 0, 0, 0, 5);
	KUNIT_EXPECT_EQ(test, 1120U, mpx_mbwu_read(sim, 0, 3));
	/* Writing the value sets the count */
	mpx_wr(sim, MSMON_MBWU, 7);
	mpam_ext_sim_account(sim, 0, 1, 1, 1);
	KUNIT_EXPECT_EQ(test, 8U, mpx_mbwu_read(sim, 0, 3));
	KUNIT_EXPECT_EQ(test, 100U, mpx_mbwu_read(sim, 0, 0));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_mon_wrap_31(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_mbwu_setup(sim, 0, 0, 1, 0, MPX_MATCH_PARTID | MPX_MATCH_PMG);
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_MATCH_PARTID | MPX_MATCH_PMG | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	mpx_wr(sim, MSMON_MBWU, 0x7ffff000);
	mpam_ext_sim_account(sim, 0, 1, 0, 0x2000);
	KUNIT_EXPECT_EQ(test, 0x1000U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_OFLOW | MPX_MATCH_PARTID | MPX_MATCH_PMG | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	/* The status stays until software clears it */
	mpam_ext_sim_account(sim, 0, 1, 0, 0x10);
	KUNIT_EXPECT_EQ(test, MPX_OFLOW, mpx_rd(sim, MSMON_CFG_MBWU_CTL) & MPX_OFLOW);
	/* OFLOW_STATUS_L does not exist without the long counter */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | MPX_OFLOW_L | MPX_MATCH_PARTID | MPX_MATCH_PMG);
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_MATCH_PARTID | MPX_MATCH_PMG | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	mpam_ext_sim_account(sim, 0, 1, 0, 0x10);
	KUNIT_EXPECT_EQ(test, 0x1020U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_CFG_MBWU_CTL) & MPX_OFLOW);
	/* Exactly to the wrap */
	mpx_wr(sim, MSMON_MBWU, 0x7fffffff);
	mpam_ext_sim_account(sim, 0, 1, 0, 1);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, MPX_OFLOW, mpx_rd(sim, MSMON_CFG_MBWU_CTL) & MPX_OFLOW);

	/* OFLOW_FRZ: counting stops while an overflow is flagged */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | BIT(24) | MPX_OFLOW);
	mpam_ext_sim_account(sim, 0, 1, 0, 0x10);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | BIT(24));
	mpam_ext_sim_account(sim, 0, 1, 0, 0x10);
	KUNIT_EXPECT_EQ(test, 0x10U, mpx_rd(sim, MSMON_MBWU));
}

static void mpx_mon_wrap_44(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));
	u32 match = MPX_MATCH_PARTID | MPX_MATCH_PMG;

	mpx_mbwu_setup(sim, 5, 0, 2, 1, match);
	mpam_ext_sim_write64(sim, MSMON_MBWU_L, BIT_ULL(44) - 0x1000);
	KUNIT_EXPECT_EQ(test, 0x00000ffffffff000ULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	/* The 31-bit register shows the low bits */
	KUNIT_EXPECT_EQ(test, 0x7ffff000U, mpx_rd(sim, MSMON_MBWU));
	mpam_ext_sim_account(sim, 5, 2, 1, 0x1800);
	KUNIT_EXPECT_EQ(test, 0x800ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, 0x800U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_OFLOW | MPX_OFLOW_L | match | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));

	/* The 31-bit view wraps without the long counter wrapping */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | match);
	mpam_ext_sim_write64(sim, MSMON_MBWU_L, BIT_ULL(31) - 16);
	mpam_ext_sim_account(sim, 5, 2, 1, 32);
	KUNIT_EXPECT_EQ(test, 0x80000010ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, 0x10U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_OFLOW | match | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));

	/* Writing the 31-bit register sets the whole counter */
	mpx_wr(sim, MSMON_MBWU, 5);
	KUNIT_EXPECT_EQ(test, 5ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	/* Bits beyond the width are not stored */
	mpam_ext_sim_write64(sim, MSMON_MBWU_L, U64_MAX);
	KUNIT_EXPECT_EQ(test, 0x00000fffffffffffULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
}

static void mpx_mon_wrap_63(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_split(test));

	mpx_mbwu_setup(sim, 1, 1, 3, 0, MPX_MATCH_PARTID);
	mpam_ext_sim_write64(sim, MSMON_MBWU_L, BIT_ULL(63) - 0x1000);
	KUNIT_EXPECT_EQ(test, 0x7ffffffffffff000ULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	mpam_ext_sim_account(sim, 1, 2, 0, 0x5000);
	mpam_ext_sim_account(sim, 1, 3, 0, 0x2000);
	KUNIT_EXPECT_EQ(test, 0x1000ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_OFLOW | MPX_OFLOW_L | MPX_MATCH_PARTID | MPX_MBWU,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL));
	/* A huge amount wraps modulo 2^63 */
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN | MPX_MATCH_PARTID);
	mpam_ext_sim_account(sim, 1, 3, 0, U64_MAX);
	KUNIT_EXPECT_EQ(test, 0xfffULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, MPX_OFLOW | MPX_OFLOW_L,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL) & (MPX_OFLOW | MPX_OFLOW_L));
}

static void mpx_mon_long_halves(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_mbwu_setup(sim, 5, 2, 0, 0, 0);
	mpam_ext_sim_write64(sim, MSMON_MBWU_L, 0x00000abc12345678ULL);
	KUNIT_EXPECT_EQ(test, 0x12345678U, mpx_rd(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, 0xabcU, mpx_rd(sim, MSMON_MBWU_L + 4));
	mpx_wr(sim, MSMON_MBWU_L + 4, 0x123);
	KUNIT_EXPECT_EQ(test, 0x0000012312345678ULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	mpx_wr(sim, MSMON_MBWU_L, 0x0fffffff);
	KUNIT_EXPECT_EQ(test, 0x000001230fffffffULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	/* Each half read sees the counter as it is at that read */
	KUNIT_EXPECT_EQ(test, 0x123U, mpx_rd(sim, MSMON_MBWU_L + 4));
	mpam_ext_sim_account(sim, 5, 0, 0, 0x10000001);
	KUNIT_EXPECT_EQ(test, 0x20000000U, mpx_rd(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, 0x123U, mpx_rd(sim, MSMON_MBWU_L + 4));
	mpam_ext_sim_account(sim, 5, 0, 0, 0xe0000000);
	KUNIT_EXPECT_EQ(test, 0x124U, mpx_rd(sim, MSMON_MBWU_L + 4));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU_L));
	/* NRDY is bit 31 of the upper half */
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_NRDY_STUCK, 5, 0));
	KUNIT_EXPECT_EQ(test, 0x80000124U, mpx_rd(sim, MSMON_MBWU_L + 4));
	KUNIT_EXPECT_EQ(test, 0x8000012400000000ULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

static void mpx_mon_near_wrap(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_mem(test));

	mpx_mbwu_setup(sim, 5, 1, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP, 5, 1));
	KUNIT_EXPECT_EQ(test, 0x00000ffffffff000ULL,
			mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	mpam_ext_sim_account(sim, 5, 3, 2, 4096 + 8);
	KUNIT_EXPECT_EQ(test, 8ULL, mpam_ext_sim_read64(sim, MSMON_MBWU_L));
	KUNIT_EXPECT_EQ(test, MPX_OFLOW | MPX_OFLOW_L,
			mpx_rd(sim, MSMON_CFG_MBWU_CTL) & (MPX_OFLOW | MPX_OFLOW_L));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP, 5, 4));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP, 2, 0));

	sim = mpx_t_create(test, mpx_t_l3(test));
	mpx_mbwu_setup(sim, 0, 3, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP, 0, 3));
	KUNIT_EXPECT_EQ(test, 0x7ffff000U, mpx_mbwu_read(sim, 0, 3));
}

static void mpx_mon_csu(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpam_ext_sim_set_occupancy(sim, 0, 1, 0, 1000);
	mpam_ext_sim_set_occupancy(sim, 0, 1, 1, 500);
	mpam_ext_sim_set_occupancy(sim, 0, 2, 0, 7);

	mpx_mon_sel(sim, 0, 0);
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 1);
	mpx_wr(sim, MSMON_CFG_CSU_CTL, MPX_EN | MPX_MATCH_PARTID);
	KUNIT_EXPECT_EQ(test, MPX_EN | MPX_MATCH_PARTID | MPX_CSU, mpx_rd(sim, MSMON_CFG_CSU_CTL));
	KUNIT_EXPECT_EQ(test, 1500U, mpx_rd(sim, MSMON_CSU));
	mpx_mon_sel(sim, 0, 1);
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 0x00010001);
	mpx_wr(sim, MSMON_CFG_CSU_CTL, MPX_EN | MPX_MATCH_PARTID | MPX_MATCH_PMG);
	KUNIT_EXPECT_EQ(test, 500U, mpx_rd(sim, MSMON_CSU));
	mpx_mon_sel(sim, 0, 7);
	mpx_wr(sim, MSMON_CFG_CSU_CTL, MPX_EN);
	KUNIT_EXPECT_EQ(test, 1507U, mpx_rd(sim, MSMON_CSU));

	/* Occupancy is a level: it follows the changes */
	mpam_ext_sim_set_occupancy(sim, 0, 1, 0, 2000);
	KUNIT_EXPECT_EQ(test, 2507U, mpx_rd(sim, MSMON_CSU));
	/* A disabled monitor keeps what it last saw */
	mpx_mon_sel(sim, 0, 0);
	mpx_wr(sim, MSMON_CFG_CSU_CTL, MPX_MATCH_PARTID);
	mpam_ext_sim_set_occupancy(sim, 0, 1, 0, 3000);
	KUNIT_EXPECT_EQ(test, 2500U, mpx_rd(sim, MSMON_CSU));
	/* Saturated to 31 bits */
	mpam_ext_sim_set_occupancy(sim, 0, 3, 0, BIT_ULL(32));
	mpx_mon_sel(sim, 0, 7);
	KUNIT_EXPECT_EQ(test, 0x7fffffffU, mpx_rd(sim, MSMON_CSU));
	/* MBWU monitors do not see occupancy, CSU ones not traffic */
	mpam_ext_sim_account(sim, 0, 1, 1, 1);
	mpam_ext_sim_set_occupancy(sim, 0, 3, 0, 0);
	KUNIT_EXPECT_EQ(test, 3507U, mpx_rd(sim, MSMON_CSU));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));
}

/* Software-managed NRDY and writable CSU values */
static void mpx_mon_sw_nrdy(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;

	d->props = BIT(MPAM_EXT_MSC_SW_NRDY) | BIT(MPAM_EXT_MSC_CSU_WR);
	sim = mpx_t_create(test, d);
	mpx_mon_sel(sim, 0, 1);
	/* Set from power-on, UNKNOWN value */
	KUNIT_EXPECT_EQ(test, MPX_NRDY | 0x2a5a5a5aU, mpx_rd(sim, MSMON_CSU));
	/* Configuring does not clear it; only a write of the value does */
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 0);
	mpx_wr(sim, MSMON_CFG_CSU_CTL, MPX_EN | MPX_MATCH_PARTID);
	KUNIT_EXPECT_TRUE(test, mpx_rd(sim, MSMON_CSU) & MPX_NRDY);
	mpam_ext_sim_set_occupancy(sim, 0, 0, 0, 100);
	mpx_wr(sim, MSMON_CSU, 0);
	KUNIT_EXPECT_EQ(test, 100U, mpx_rd(sim, MSMON_CSU));
	/* Software may set it, and it stays */
	mpx_wr(sim, MSMON_CSU, MPX_NRDY | 5);
	KUNIT_EXPECT_EQ(test, MPX_NRDY | 105U, mpx_rd(sim, MSMON_CSU));
	KUNIT_EXPECT_EQ(test, MPX_NRDY | 0x2a5a5a5aU, mpx_rd(sim, MSMON_MBWU));
	mpx_wr(sim, MSMON_MBWU, 0);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
}

static void mpx_mon_nrdy(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;

	d->nrdy_us = 200000;
	sim = mpx_t_create(test, d);
	mpx_mon_sel(sim, 0, 0);
	/* Not configured since power-on: ready */
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU) & MPX_NRDY);
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN);
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_MBWU) & MPX_NRDY);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_CSU) & MPX_NRDY);
	/* NRDY time / 2 is 100 ms */
	msleep(150);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU) & MPX_NRDY);
	mpx_wr(sim, MSMON_MBWU, 0);
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_MBWU));
	msleep(150);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	mpx_wr(sim, MSMON_CFG_MBWU_FLT, 0);
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_MBWU));
	mpx_wr(sim, MSMON_CFG_CSU_FLT, 0);
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_CSU) & MPX_NRDY);

	/* NRDY time 0: never */
	sim = mpx_t_create(test, mpx_t_l3(test));
	mpx_mon_sel(sim, 0, 0);
	mpx_wr(sim, MSMON_CFG_MBWU_CTL, MPX_EN);
	mpx_wr(sim, MSMON_MBWU, 0);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
}

static void mpx_mon_nrdy_stuck(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));

	mpx_mbwu_setup(sim, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_NRDY_STUCK, 0, 0));
	mpam_ext_sim_account(sim, 0, 0, 0, 3);
	KUNIT_EXPECT_EQ(test, MPX_NRDY | 3, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_CSU) & MPX_NRDY);
	usleep_range(2000, 3000);
	KUNIT_EXPECT_EQ(test, MPX_NRDY | 3, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, 0, mpam_ext_sim_inject(sim, MPAM_EXT_SIM_CLEAR, 0, 0));
	KUNIT_EXPECT_EQ(test, 3U, mpx_rd(sim, MSMON_MBWU));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject(sim, MPAM_EXT_SIM_NRDY_STUCK, 1, 0));
}

/*
 * The power property: an MSC powered down takes no access (each is
 * counted) and no traffic; powered up again it is in reset state: an
 * UNKNOWN configuration, the same for the same MSC and power-up, monitors
 * disabled with their counters 0, ESR and ECR 0, MON_SEL moved.
 */
static void mpx_mon_power(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim, *twin;
	struct mpam_ext_sim_stats st;
	u32 cpbm;

	d->has_affinity = true;
	cpumask_copy(&d->affinity, cpu_online_mask);
	d->props = BIT(MPAM_EXT_MSC_POWER);
	sim = mpx_t_create(test, d);
	twin = mpx_t_create(test, d);
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_FALSE(test, st.off);

	mpx_part_sel(sim, 0, 1, false);
	mpx_wr(sim, MPAMCFG_CPBM, 0x3);
	mpx_mbwu_setup(sim, 0, 0, 1, 0, MPX_MATCH_PARTID);
	mpam_ext_sim_account(sim, 0, 1, 0, 1000);
	KUNIT_EXPECT_EQ(test, 1000U, mpx_mbwu_read(sim, 0, 0));
	mpx_wr(sim, MPAMF_ECR, 1);

	mpam_ext_sim_power(sim, false);
	mpam_ext_sim_set_lenient(sim, true);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_AIDR));
	mpx_wr(sim, MPAMF_ECR, 1);
	mpam_ext_sim_set_lenient(sim, false);
	mpam_ext_sim_account(sim, 0, 1, 0, 500);
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_TRUE(test, st.off);
	KUNIT_EXPECT_EQ(test, 2ULL, st.bad_power);
	KUNIT_EXPECT_EQ(test, 1ULL, st.power_offs);

	mpam_ext_sim_power(sim, true);
	mpam_ext_sim_power(twin, false);
	mpam_ext_sim_power(twin, true);
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_FALSE(test, st.off);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MPAMF_ECR));
	/* MON_SEL was 0 */
	KUNIT_EXPECT_NE(test, 0U, mpx_rd(sim, MSMON_CFG_MON_SEL));
	mpx_mon_sel(sim, 0, 0);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_CFG_MBWU_CTL) & MPX_EN);
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU));
	mpx_part_sel(sim, 0, 1, false);
	cpbm = mpx_rd(sim, MPAMCFG_CPBM);
	KUNIT_EXPECT_NE(test, 0x3U, cpbm);
	mpx_part_sel(twin, 0, 1, false);
	KUNIT_EXPECT_EQ(test, cpbm, mpx_rd(twin, MPAMCFG_CPBM));
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	/* The power property needs an affinity: without one it is ignored */
	d->has_affinity = false;
	sim = mpx_t_create(test, d);
	mpam_ext_sim_get_stats(sim, &st);
	KUNIT_EXPECT_FALSE(test, st.off);
}

static struct kunit_case mpx_mon_cases[] = {
	KUNIT_CASE(mpx_mon_power_on),
	KUNIT_CASE(mpx_mon_filter),
	KUNIT_CASE(mpx_mon_wrap_31),
	KUNIT_CASE(mpx_mon_wrap_44),
	KUNIT_CASE(mpx_mon_wrap_63),
	KUNIT_CASE(mpx_mon_long_halves),
	KUNIT_CASE(mpx_mon_near_wrap),
	KUNIT_CASE(mpx_mon_csu),
	KUNIT_CASE(mpx_mon_nrdy),
	KUNIT_CASE(mpx_mon_sw_nrdy),
	KUNIT_CASE(mpx_mon_nrdy_stuck),
	KUNIT_CASE(mpx_mon_power),
	{}
};

static struct kunit_suite mpx_mon_suite = {
	.name = "mpam_ext_sim_mon",
	.test_cases = mpx_mon_cases,
};

/* ----- creation and the injection grammar ----- */

static void mpx_create_bounds(struct kunit *test)
{
	struct mpam_ext_msc_desc *d = mpx_t_l3(test);
	struct mpam_ext_sim_msc *sim;

	/* 65536 (PARTID, PMG) pairs are accepted, 131072 refused */
	d->ris[0].hw.partid_max = 255;
	d->ris[0].hw.pmg_max = 255;
	sim = mpx_t_create(test, d);
	mpx_part_sel(sim, 0, 255, false);
	KUNIT_EXPECT_EQ(test, 0x55555U, mpx_rd(sim, MPAMCFG_CPBM));
	mpam_ext_sim_account(sim, 0, 255, 255, 1);
	KUNIT_EXPECT_EQ(test, 0ULL, mpx_esr(sim));

	d->ris[0].hw.partid_max = 0xffff;
	d->ris[0].hw.pmg_max = 1;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-E2BIG), mpam_ext_sim_create(d));

	/* Bitmap storage: 32768-bit CPBM for 4097 PARTIDs is too much */
	d->ris[0].hw.partid_max = 4096;
	d->ris[0].hw.pmg_max = 0;
	d->ris[0].hw.cpbm_wd = 32768;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-E2BIG), mpam_ext_sim_create(d));
}

static void mpx_create_invalid(struct kunit *test)
{
	struct mpam_ext_msc_desc *d;

	d = mpx_t_l3(test);
	d->nr_ris = 0;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_l3(test);
	d->nr_ris = MPAM_EXT_MAX_RIS + 1;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_l3(test);
	d->size = 0;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_mem(test);
	d->ris[1].idx = 2;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_mem(test);
	d->ris[1].idx = 16;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_l3(test);
	d->ris[0].hw.mbwu_width = 32;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_l3(test);
	d->ris[0].hw.cpbm_wd = 0;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_l3(test);
	d->ris[0].hw.cmax_wd = 17;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_mem(test);
	d->ris[1].hw.bwa_wd = 0;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_mem(test);
	d->ris[1].hw.features = MPX_F(MBW_PROP);
	d->ris[1].hw.bwa_wd = 0;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	d = mpx_t_mem(test);
	d->ris[1].hw.mbw_pbm_bits = 4097;
	KUNIT_EXPECT_PTR_EQ(test, ERR_PTR(-EINVAL), mpam_ext_sim_create(d));
	/* A width of a feature the RIS lacks does not matter */
	d = mpx_t_mem(test);
	d->ris[0].hw.mbwu_width = 0;
	d->ris[0].hw.cpbm_wd = 0;
	mpx_t_create(test, d);
	mpam_ext_sim_destroy(NULL);
}

static void mpx_inject_parse(struct kunit *test)
{
	struct mpam_ext_sim_msc *sim = mpx_t_create(test, mpx_t_l3(test));
	char long_text[80];

	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "0\n"));
	mpx_mon_sel(sim, 0, 0);
	KUNIT_EXPECT_EQ(test, MPX_NRDY, mpx_rd(sim, MSMON_MBWU) & MPX_NRDY);
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_CLEAR, " 0 "));
	KUNIT_EXPECT_EQ(test, 0U, mpx_rd(sim, MSMON_MBWU) & MPX_NRDY);

	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_IRQ, "0 0x3\n"));
	KUNIT_EXPECT_EQ(test, 0x03000000ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_IRQ, "0\t10"));
	KUNIT_EXPECT_EQ(test, 0x8a000000ULL, mpx_esr(sim));
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP,
						  "0 3"));
	KUNIT_EXPECT_EQ(test, 0x7ffff000U, mpx_mbwu_read(sim, 0, 3));
	KUNIT_EXPECT_EQ(test, 0,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_GARBAGE_ID, "0x0"));
	KUNIT_EXPECT_EQ(test, 0xffU, mpx_rd(sim, MPAMF_AIDR));

	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, ""));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "0 1"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "zero"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "-1"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "16"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "256"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_NRDY_STUCK, "1"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_IRQ, "0"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_IRQ, "0 12"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_ERROR_IRQ, "0 1 2"));
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_COUNTER_NEAR_WRAP,
						  "0 4"));
	memset(long_text, ' ', sizeof(long_text) - 1);
	long_text[0] = '0';
	long_text[sizeof(long_text) - 1] = '\0';
	KUNIT_EXPECT_EQ(test, -EINVAL,
			mpam_ext_sim_inject_parse(sim, MPAM_EXT_SIM_CLEAR, long_text));
	KUNIT_EXPECT_EQ(test, 0x8a000000ULL, mpx_esr(sim));
}

static struct kunit_case mpx_misc_cases[] = {
	KUNIT_CASE(mpx_create_bounds),
	KUNIT_CASE(mpx_create_invalid),
	KUNIT_CASE(mpx_inject_parse),
	{}
};

static struct kunit_suite mpx_misc_suite = {
	.name = "mpam_ext_sim_misc",
	.test_cases = mpx_misc_cases,
};

kunit_test_suites(&mpx_id_suite, &mpx_cfg_suite, &mpx_err_suite,
		  &mpx_mon_suite, &mpx_misc_suite);
