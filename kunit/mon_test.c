// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the monitoring backend on simulated MSCs: counter numbers
 * with and without CDP, domains without counters, assignment until no
 * counter is left, release, counters shared by the L3 domains of one
 * memory-side component, counter and occupancy reads against traffic put
 * into the simulator, busy and errored MSCs, contexts made and freed many
 * times over classes with different monitor counts, the overflow
 * sampler's period and a counter wrapping five times between two reads
 * with sampler steps in between, and the contents of
 * the resctrl files (printed by the front's monfmt.c over the hooks) with
 * every error message.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/arch/mon.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/model/topo.h>
#include <mpam_ext/resctrl.h>
#include <mpam_ext/resctrl/monfmt.h>

#include "kunit/mpx_model_test.h"
#include "kunit/mpx_resctrl_test.h"
#include <mpam_ext/msc/msc_test.h>
#include <mpam_ext/sim/sim_test.h>

#define T_TOTAL		MPAM_EXT_EV_MBM_TOTAL
#define T_L2TOTAL	MPAM_EXT_EV_L2_MBM_TOTAL
#define T_LLC		MPAM_EXT_EV_LLC_OCCUPANCY

/*
 * kunpeng-mini's shape with unequal monitor counts: four MBWU monitors on
 * each L2 RIS, one on each memory-side RIS.
 */
#define T_UNEQ_L2(id, base, cache)					\
	"msc id " #id " base " #base " size 0x10000" \
	" nrdy-us 20 err-irq 0 aidr 0x10 iidr 0x1000736\n" \
	"  ris index 0 loc cache:2:" #cache " features cpor,csu,mbwu,esr partid-max 31 pmg-max 3" \
	" cpbm-wd 8 csu-mon 2 mbwu-mon 4 mbwu-width 31\n"
#define T_UNEQ_L3(id, base, cache)					\
	"msc id " #id " base " #base " size 0x10000" \
	" nrdy-us 50 err-irq 0 aidr 0x10 iidr 0x2000736\n" \
	"  ris index 0 loc cache:3:" #cache " features cpor,csu,esr partid-max 31 pmg-max 3" \
	" cpbm-wd 17 csu-mon 4\n"
#define T_UNEQ_MEM(id, base)						\
	"msc id " #id " base " #base " size 0x10000" \
	" nrdy-us 100 err-irq 0 aidr 0x10 iidr 0x3000736\n" \
	"  ris index 0 loc memory:0 features mbw-max,mbwu,esr partid-max 31 pmg-max 3 bwa-wd 7" \
	" mbwu-mon 1 mbwu-width 44\n"

static const char t_uneq_text[] =
	"platform name unequal\n"
	"cache level 2 id 4 cpus 0-1\n"
	"cache level 2 id 7 cpus 2-3\n"
	"cache level 2 id 10 cpus 4-5\n"
	"cache level 2 id 13 cpus 6-7\n"
	"cache level 3 id 1 cpus 0-3\n"
	"cache level 3 id 26 cpus 4-7\n"
	"memory id 0 cpus 0-7\n"
	T_UNEQ_L2(64, 0x98000000, 4)
	T_UNEQ_L2(65, 0x98010000, 7)
	T_UNEQ_L2(66, 0x98020000, 10)
	T_UNEQ_L2(67, 0x98030000, 13)
	T_UNEQ_L3(128, 0x99000000, 1)
	T_UNEQ_L3(129, 0x99010000, 26)
	T_UNEQ_MEM(252, 0x9a000000)
	T_UNEQ_MEM(254, 0x9a010000);

static void t_destroy(void *mc)
{
	mpam_ext_mon_destroy(mc);
}

/* @p on simulated MSCs, picked with @policy; torn down with the test */
static void t_arch_exit(void *unused)
{
	mpam_ext_arch_resctrl_exit();
}

/*
 * @p on simulated MSCs, picked with @policy and described through the
 * hooks; torn down with the test
 */
static struct mpam_ext_topo *t_setup_plat(struct kunit *test,
					  struct mpam_ext_platform *p,
					  const char *policy)
{
	struct mpam_ext_topo *t = t_setup_sim(test, p, policy, NULL, NULL);

	KUNIT_ASSERT_EQ(test, mpam_ext_arch_resctrl_init(t), 0);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_arch_exit, NULL));
	return t;
}

/*
 * The front's printers into @buf of @len bytes, as a read would show
 * them: the length printed, or -EOVERFLOW (@buf then empty) when the
 * text and its terminating NUL do not fit
 */
static int t_seq_done(struct seq_file *s, char *buf, size_t len, int ret)
{
	if (!ret && (seq_has_overflowed(s) || s->count >= len))
		ret = -EOVERFLOW;
	if (ret < 0) {
		if (len)
			buf[0] = '\0';
		return ret;
	}
	buf[s->count] = '\0';
	return s->count;
}

static int t_cntrs_print(struct mpam_ext_mon_ctx *mc, enum mpam_ext_event ev,
			 bool avail, char *buf, size_t len)
{
	struct seq_file s = { .buf = buf, .size = len };

	return t_seq_done(&s, buf, len, mpam_ext_monfmt_cntrs(&s, mc, ev, avail));
}

static int t_features_print(enum mpam_ext_res res, char *buf, size_t len)
{
	struct seq_file s = { .buf = buf, .size = len };

	mpam_ext_monfmt_features(&s, res);
	return t_seq_done(&s, buf, len, 0);
}

static int t_assign_print_res(struct mpam_ext_mon_ctx *mc, enum mpam_ext_res res,
			      u32 closid, u32 rmid, char *buf, size_t len)
{
	struct seq_file s = { .buf = buf, .size = len };

	mpam_ext_monfmt_assignments(&s, mc, res, closid, rmid);
	return t_seq_done(&s, buf, len, 0);
}

static int t_assign_print(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid,
			  char *buf, size_t len)
{
	return t_assign_print_res(mc, MPAM_EXT_RES_L3, closid, rmid, buf, len);
}

static int t_value_print(int ret, u64 val, char *buf, size_t len)
{
	struct seq_file s = { .buf = buf, .size = len };

	mpam_ext_monfmt_value(&s, ret, val);
	return t_seq_done(&s, buf, len, 0);
}

static int t_assign_write(struct mpam_ext_mon_ctx *mc, u32 closid, u32 rmid,
			  const char *buf, size_t len, char *err, size_t err_len)
{
	return mpam_ext_monfmt_assign_write(mc, MPAM_EXT_RES_L3, closid, rmid,
					    buf, len, err, err_len);
}

static struct mpam_ext_topo *t_setup(struct kunit *test, const char *policy)
{
	return t_setup_plat(test, t_shipped(test, "kunpeng-mini"), policy);
}

/* A context, destroyed with the test */
static struct mpam_ext_mon_ctx *t_ctx(struct kunit *test,
				      struct mpam_ext_topo *t, bool cdp)
{
	struct mpam_ext_mon_ctx *mc = mpam_ext_mon_create(t, cdp);

	KUNIT_ASSERT_NOT_NULL(test, mc);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_destroy, mc));
	return mc;
}

static struct mpam_ext_ris *t_ris(struct kunit *test, u32 msc_id)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);

	KUNIT_ASSERT_NOT_NULL(test, msc);
	return &msc->ris[0];
}

static struct mpam_ext_sim_msc *t_sim(struct kunit *test, u32 msc_id)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(msc_id);

	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_ASSERT_NOT_NULL(test, msc->sim);
	return msc->sim;
}

/* Monitors of @type allocated on every RIS of every MSC */
static unsigned int t_used(enum mpam_ext_mon_type type)
{
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int n = 0;

	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc))
		for (ris = mpam_ext_ris_next(msc, NULL); ris;
		     ris = mpam_ext_ris_next(msc, ris))
			if (ris->nr_mon[type])
				n += bitmap_weight(ris->mon_used[type],
						   ris->nr_mon[type]);
	return n;
}

/* Every monitor of every RIS can be allocated, then is freed again */
static void t_expect_all_free(struct kunit *test)
{
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int type, i;
	int mon;

	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_CSU), 0);
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 0);
	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc)) {
		for (ris = mpam_ext_ris_next(msc, NULL); ris;
		     ris = mpam_ext_ris_next(msc, ris)) {
			for (type = 0; type < MPAM_EXT_MON_NR_TYPES; type++) {
				for (i = 0; i < ris->nr_mon[type]; i++) {
					mon = mpam_ext_msc_mon_alloc(ris, type);
					KUNIT_EXPECT_EQ_MSG(test, mon, (int)i,
							    "msc %u type %u",
							    msc->desc.id, type);
				}
				for (i = 0; i < ris->nr_mon[type]; i++)
					mpam_ext_msc_mon_free(ris, type, i);
			}
		}
	}
}

static void t_expect_print(struct kunit *test, struct mpam_ext_mon_ctx *mc,
			   enum mpam_ext_event ev, bool avail, const char *want)
{
	char buf[64];

	KUNIT_EXPECT_EQ(test, t_cntrs_print(mc, ev, avail, buf, sizeof(buf)),
			(int)strlen(want));
	KUNIT_EXPECT_STREQ(test, buf, want);
}

/* Counter numbers follow the monitor counts, halved under CDP */
static void t_test_counts(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc;
	u32 mem = t_ris(test, 252)->nr_mon[MPAM_EXT_MON_MBWU];
	u32 l2 = t_ris(test, 64)->nr_mon[MPAM_EXT_MON_MBWU];
	char want[64];

	KUNIT_ASSERT_EQ(test, mem, 4);
	KUNIT_ASSERT_EQ(test, l2, 2);
	mc = mpam_ext_mon_create(t, false);
	KUNIT_ASSERT_NOT_NULL(test, mc);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_TOTAL, 1), mem);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_TOTAL, 26), mem);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 7), l2);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_TOTAL, 2), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_LLC, 1), 0);
	snprintf(want, sizeof(want), "1=%u;26=%u\n", mem, mem);
	t_expect_print(test, mc, T_TOTAL, false, want);
	t_expect_print(test, mc, T_TOTAL, true, want);
	snprintf(want, sizeof(want), "4=%u;7=%u;10=%u;13=%u\n", l2, l2, l2, l2);
	t_expect_print(test, mc, T_L2TOTAL, false, want);
	/* One MBWU monitor per counter and RIS: two memory RIS, four L2 */
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 2 * mem + 4 * l2);
	KUNIT_EXPECT_STREQ(test, t_ris(test, 254)->mon[MPAM_EXT_MON_MBWU][3].owner,
			   "cntr 3");
	mpam_ext_mon_destroy(mc);
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 0);

	mc = t_ctx(test, t, true);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_TOTAL, 26), mem / 2);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 13), l2 / 2);
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 2 * mem + 4 * l2);
	KUNIT_EXPECT_EQ(test, t_cntrs_print(mc, T_LLC, false, want,
					    sizeof(want)), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, t_cntrs_print(mc, T_TOTAL, false, want, 4),
			-EOVERFLOW);
	KUNIT_EXPECT_STREQ(test, want, "");
}

/* mon_features: only what is offered; never mbm_local_bytes */
static void t_test_features(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	char buf[128];
	u64 val;

	KUNIT_EXPECT_EQ(test, t_features_print(MPAM_EXT_RES_L3, buf,
					       sizeof(buf)), 30);
	KUNIT_EXPECT_STREQ(test, buf, "llc_occupancy\nmbm_total_bytes\n");
	KUNIT_EXPECT_EQ(test, t_features_print(MPAM_EXT_RES_L2, buf,
					       sizeof(buf)), 32);
	KUNIT_EXPECT_STREQ(test, buf, "l2_occupancy\nmbm_l2_total_bytes\n");
	KUNIT_EXPECT_EQ(test, t_features_print(MPAM_EXT_RES_L3, buf, 10),
			-EOVERFLOW);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, MPAM_EXT_EV_MBM_LOCAL, 1, 0, 0, &val),
			-EOPNOTSUPP);
	KUNIT_EXPECT_FALSE(test, mpam_ext_mon_offered(t, MPAM_EXT_EV_MBM_LOCAL));
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_num_rmids(mc), 4);
}

static void t_test_features_mainline(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mainline");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	char buf[128];
	u64 val;

	/* The MATA spans two L3s: no mbm_total_bytes under mainline */
	KUNIT_EXPECT_EQ(test, t_features_print(MPAM_EXT_RES_L3, buf,
					       sizeof(buf)), 14);
	KUNIT_EXPECT_STREQ(test, buf, "llc_occupancy\n");
	KUNIT_EXPECT_EQ(test, t_features_print(MPAM_EXT_RES_L2, buf,
					       sizeof(buf)), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 0, 0), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 0, 0, &val), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, t_assign_print(mc, 0, 0, buf, sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 0);
}

/* Assign until no counter is left; unassign and release give them back */
static void t_test_assign(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	u32 n = mpam_ext_mon_num_cntrs(mc, T_TOTAL, 1), c;

	KUNIT_ASSERT_GT(test, n, 1);
	for (c = 0; c < n; c++) {
		KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, c, 1), 0);
		KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), n - c - 1);
	}
	/* Assigning again keeps the counter */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 0, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, n, 1), -ENOSPC);
	/* Domain 26 shares the memory-side component: assigned, none left */
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_TOTAL, 26, 0, 1));
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 26), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 26, n, 1), -ENOSPC);
	KUNIT_EXPECT_FALSE(test, mpam_ext_mon_is_assigned(mc, T_TOTAL, 1, n, 1));

	KUNIT_EXPECT_EQ(test, mpam_ext_mon_unassign(mc, T_TOTAL, 26, 0, 1), 0);
	KUNIT_EXPECT_FALSE(test, mpam_ext_mon_is_assigned(mc, T_TOTAL, 1, 0, 1));
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, n, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), 0);
	/* Unassigning what is not assigned does nothing */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_unassign(mc, T_TOTAL, 1, 0, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), 0);

	/* Release: every event and domain of the group */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 4, n, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 13, n, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 13, n, 2), 0);
	mpam_ext_mon_release(mc, n, 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_L2TOTAL, 4),
			mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 4));
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_L2TOTAL, 13),
			mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 13) - 1);
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_L2TOTAL, 13, n, 2));
	for (c = 1; c < n; c++)
		mpam_ext_mon_release(mc, c, 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), n);
	mpam_ext_mon_release(mc, n, 2);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_L2TOTAL, 13),
			mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 13));

	/* mkdir's best-effort assignment: every event, every domain */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign_group(mc, 1, 3), 0);
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_TOTAL, 26, 1, 3));
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_L2TOTAL, 10, 1, 3));
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), n - 1);
	for (c = 2; c <= mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 7); c++)
		KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 7, c, 0), 0);
	/* L2 domain 7 full: the others are still assigned, -ENOSPC returned */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign_group(mc, 0, 3), -ENOSPC);
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_L2TOTAL, 13, 0, 3));
	KUNIT_EXPECT_TRUE(test, mpam_ext_mon_is_assigned(mc, T_TOTAL, 1, 0, 3));
	KUNIT_EXPECT_FALSE(test, mpam_ext_mon_is_assigned(mc, T_L2TOTAL, 7, 0, 3));
	mpam_ext_mon_release(mc, 0, 3);
	mpam_ext_mon_release(mc, 1, 3);
	for (c = 2; c <= mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 7); c++)
		mpam_ext_mon_release(mc, c, 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), n);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_L2TOTAL, 7),
			mpam_ext_mon_num_cntrs(mc, T_L2TOTAL, 7));

	/* Refused */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 2, 0, 0), -ENXIO);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_LLC, 1, 0, 0), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1,
						  mpam_ext_rc_num_closids(t, false), 0),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 0,
						  mpam_ext_mon_num_rmids(mc)), -EINVAL);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1), n);
}

static void t_account(struct kunit *test, u32 msc_id, u16 partid, u8 pmg,
		      u64 bytes)
{
	mpam_ext_sim_account(t_sim(test, msc_id), 0, partid, pmg, bytes);
}

/*
 * A counter sums both PARTIDs of a CDP group over both memory-side MSCs,
 * not other PMGs or CLOSIDs, and starts from 0 when assigned again.
 */
static void t_test_read_cntr(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, true);
	u16 data = mpam_ext_rc_partid(3, MPAM_EXT_CDP_DATA);
	u16 code = mpam_ext_rc_partid(3, MPAM_EXT_CDP_CODE);
	char buf[32];
	u64 val = 0;

	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 3, 1, &val), -ENOENT);
	KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 3, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0);
	t_account(test, 252, data, 1, 1000);
	t_account(test, 252, code, 1, 200);
	t_account(test, 254, data, 1, 30);
	t_account(test, 254, code, 1, 4);
	/* Another PMG, another CLOSID */
	t_account(test, 252, data, 2, 5000);
	t_account(test, 254, mpam_ext_rc_partid(4, MPAM_EXT_CDP_DATA), 1, 70000);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 1234);
	/* The sibling L3 domain reads the component's counter */
	val = 0;
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 26, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 1234);
	KUNIT_EXPECT_EQ(test, t_value_print(0, val, buf, sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "1234\n");

	/* Assigned again: from 0 */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_unassign(mc, T_TOTAL, 1, 3, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 3, 1, &val), -ENOENT);
	KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 26, 3, 1), 0);
	t_account(test, 254, code, 1, 10);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 10);

	/* An L2 counter counts on its own L2 only */
	KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 7, 3, 1), 0);
	t_account(test, 65, data, 1, 64);
	t_account(test, 64, data, 1, 128);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_L2TOTAL, 7, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 64);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_L2TOTAL, 4, 3, 1, &val), -ENOENT);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 2, 3, 1, &val), -ENXIO);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 16, 1, &val), -EINVAL);
}

/* Occupancy: both PARTIDs summed, monitors freed; -EBUSY when none free */
static void t_test_read_occupancy(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, true);
	struct mpam_ext_sim_msc *sim = t_sim(test, 128);
	struct mpam_ext_ris *ris = t_ris(test, 128);
	unsigned int i;
	char buf[32];
	u64 val = 0;
	int ret;

	mpam_ext_sim_set_occupancy(sim, 0, mpam_ext_rc_partid(2, MPAM_EXT_CDP_DATA), 0,
				   4096);
	mpam_ext_sim_set_occupancy(sim, 0, mpam_ext_rc_partid(2, MPAM_EXT_CDP_CODE), 0,
				   1024);
	mpam_ext_sim_set_occupancy(sim, 0, mpam_ext_rc_partid(2, MPAM_EXT_CDP_DATA), 1,
				   999);
	mpam_ext_sim_set_occupancy(t_sim(test, 129), 0,
				   mpam_ext_rc_partid(2, MPAM_EXT_CDP_DATA), 0, 333);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_LLC, 1, 2, 0, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 5120);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_LLC, 26, 2, 0, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 333);
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_CSU), 0);

	/* Every CSU monitor of domain 1 taken */
	for (i = 0; i < ris->nr_mon[MPAM_EXT_MON_CSU]; i++)
		KUNIT_ASSERT_EQ(test, mpam_ext_msc_mon_alloc(ris, MPAM_EXT_MON_CSU), (int)i);
	ret = mpam_ext_mon_read(mc, T_LLC, 1, 2, 0, &val);
	KUNIT_EXPECT_EQ(test, ret, -EBUSY);
	KUNIT_EXPECT_EQ(test, t_value_print(ret, val, buf, sizeof(buf)), 12);
	KUNIT_EXPECT_STREQ(test, buf, "Unavailable\n");
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_LLC, 26, 2, 0, &val), 0);
	for (i = 0; i < ris->nr_mon[MPAM_EXT_MON_CSU]; i++)
		mpam_ext_msc_mon_free(ris, MPAM_EXT_MON_CSU, i);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_LLC, 1, 2, 0, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 5120);
}

/* An errored MSC reads as "Error" */
static void t_test_read_error(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	struct mpam_ext_msc *msc = mpam_ext_msc_find(252);
	char buf[32];
	u64 val;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, msc);
	KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 0, 0), 0);
	KUNIT_ASSERT_EQ(test, mpam_ext_sim_inject(msc->sim, MPAM_EXT_SIM_ERROR_IRQ, 0, 1), 0);
	mpam_ext_sim_irq_sync(msc->sim);
	mpam_ext_msc_error_sync(msc);
	KUNIT_ASSERT_EQ(test, mpam_ext_msc_get_state(msc), MPAM_EXT_MSC_ERRORED);
	ret = mpam_ext_mon_read(mc, T_TOTAL, 1, 0, 0, &val);
	KUNIT_EXPECT_EQ(test, ret, -EIO);
	KUNIT_EXPECT_EQ(test, t_value_print(ret, val, buf, sizeof(buf)), 6);
	KUNIT_EXPECT_STREQ(test, buf, "Error\n");
	KUNIT_EXPECT_EQ(test, t_value_print(-ENOENT, 0, buf, sizeof(buf)), 11);
	KUNIT_EXPECT_STREQ(test, buf, "Unassigned\n");
	KUNIT_EXPECT_EQ(test, t_value_print(0, 12345, buf, 4), -EOVERFLOW);
	/* A new counter on the errored MSC is refused and stays free */
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 1, 0), -EIO);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_avail_cntrs(mc, T_TOTAL, 1),
			mpam_ext_mon_num_cntrs(mc, T_TOTAL, 1) - 1);
}

/*
 * Unequal classes: 4 MBWU monitors per L2 RIS, 1 per memory-side RIS. With
 * CDP the memory-side domains have no counter, and everything still works.
 */
static void t_test_unequal(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup_plat(test, t_parse(test, t_uneq_text), "mata");
	char buf[128], err[MPAM_EXT_MONFMT_ERR_LEN];
	struct mpam_ext_mon_ctx *mc;
	unsigned int i;
	u64 val;

	mc = mpam_ext_mon_create(t, false);
	KUNIT_ASSERT_NOT_NULL(test, mc);
	t_expect_print(test, mc, T_TOTAL, false, "1=1;26=1\n");
	t_expect_print(test, mc, T_L2TOTAL, false, "4=4;7=4;10=4;13=4\n");
	mpam_ext_mon_destroy(mc);

	mc = t_ctx(test, t, true);
	t_expect_print(test, mc, T_TOTAL, false, "1=0;26=0\n");
	t_expect_print(test, mc, T_TOTAL, true, "1=0;26=0\n");
	t_expect_print(test, mc, T_L2TOTAL, true, "4=2;7=2;10=2;13=2\n");
	/* Only the L2 monitors are held: 2 counters x 2 PARTIDs x 4 RIS */
	KUNIT_EXPECT_EQ(test, t_used(MPAM_EXT_MON_MBWU), 16);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 1, 0, 0), -ENOSPC);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_TOTAL, 1, 0, 0, &val), -ENOENT);
	KUNIT_EXPECT_EQ(test, t_assign_write(mc, 0, 0, "mbm_total_bytes:1=e\n",
					     20, err, sizeof(err)), -ENOSPC);
	KUNIT_EXPECT_STREQ(test, err,
			   "Failed to allocate counter for mbm_total_bytes in domain 1: the domain has no counters\n"
			   "Assign operation 'mbm_total_bytes:1=e' failed\n");
	KUNIT_EXPECT_EQ(test, t_assign_print(mc, 0, 0, buf, sizeof(buf)), 25);
	KUNIT_EXPECT_STREQ(test, buf, "mbm_total_bytes:1=_;26=_\n");
	KUNIT_EXPECT_EQ(test, t_assign_write(mc, 0, 0, "mbm_total_bytes:*=_\n",
					     20, err, sizeof(err)), 0);
	KUNIT_EXPECT_STREQ(test, err, "");

	/* The L2 counters work */
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 10, i, 0), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 10, 2, 0), -ENOSPC);
	t_account(test, 66, mpam_ext_rc_partid(1, MPAM_EXT_CDP_CODE), 0, 77);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_L2TOTAL, 10, 1, 0, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 77);
}

/*
 * kunpeng-mini's L2 counters are 31-bit, two CPUs per L2: half the wrap
 * time at 32000 MB/s per CPU is 2^31 / (2 * 64000 * 1000) ms, 16 ms
 * (the memory-side 44-bit counters give more, clamped to 1000 ms).
 */
static void t_test_sampler_period(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc;
	unsigned int cdp;

	/* One context at a time: each takes every monitor */
	for (cdp = 0; cdp < 2; cdp++) {
		mc = mpam_ext_mon_create(t, cdp);
		KUNIT_ASSERT_NOT_NULL(test, mc);
		KUNIT_EXPECT_EQ_MSG(test, mpam_ext_mon_period_ms(mc), 16,
				    "cdp %u", cdp);
		mpam_ext_mon_destroy(mc);
	}
}

static void t_cpu_mbps_restore(void *unused)
{
	mpam_ext_mon_cpu_mbps = 32000;
}

/*
 * mon_cpu_mbps sets the rate: half of it doubles the period of the 31-bit
 * L2 counters (2^31 / (2 * 2 CPUs * 16000 MB/s * 1000) = 33 ms); a rate so
 * high that they wrap within 10 ms is clamped to it
 */
static void t_test_sampler_cpu_mbps(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc;

	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_cpu_mbps_restore,
							   NULL));
	mpam_ext_mon_cpu_mbps = 16000;
	mc = mpam_ext_mon_create(t, false);
	KUNIT_ASSERT_NOT_NULL(test, mc);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_period_ms(mc), 33);
	mpam_ext_mon_destroy(mc);
	mpam_ext_mon_cpu_mbps = 1000000;
	mc = mpam_ext_mon_create(t, false);
	KUNIT_ASSERT_NOT_NULL(test, mc);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_period_ms(mc), 10);
	mpam_ext_mon_destroy(mc);
}

/*
 * A 31-bit counter wrapping five times between two user reads loses
 * nothing when the sampler reads it after each step smaller than a wrap
 */
static void t_test_sampler_wraps(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	const u64 step = 0x30000000;	/* 3/8 of a 31-bit wrap */
	u64 val = 1, sum = 0;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, t_ris(test, 65)->hw.mbwu_width, 31);
	KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_L2TOTAL, 7, 3, 1), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_L2TOTAL, 7, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, 0);
	for (i = 0; i < 14; i++) {
		t_account(test, 65, 3, 1, step);
		sum += step;
		mpam_ext_mon_sample(mc);
	}
	KUNIT_EXPECT_GE(test, sum >> 31, 5);
	KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_L2TOTAL, 7, 3, 1, &val), 0);
	KUNIT_EXPECT_EQ(test, val, sum);
}

/* Many contexts over unequal classes leave every monitor free */
static void t_test_cycles(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup_plat(test, t_parse(test, t_uneq_text), "mata");
	struct mpam_ext_mon_ctx *mc;
	unsigned int i;
	u64 val;

	for (i = 0; i < 64; i++) {
		mc = mpam_ext_mon_create(t, i & 1);
		KUNIT_ASSERT_NOT_NULL(test, mc);
		KUNIT_EXPECT_GT(test, t_used(MPAM_EXT_MON_MBWU), 0);
		mpam_ext_mon_assign(mc, T_L2TOTAL, 4, i % 8, 0);
		mpam_ext_mon_assign(mc, T_TOTAL, 26, i % 8, 0);
		KUNIT_EXPECT_EQ(test, mpam_ext_mon_read(mc, T_LLC, 1, 0, 0, &val), 0);
		mpam_ext_mon_destroy(mc);
	}
	t_expect_all_free(test);
}

static void t_test_cycles_shipped(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc;
	unsigned int i;

	for (i = 0; i < 64; i++) {
		mc = mpam_ext_mon_create(t, i & 1);
		KUNIT_ASSERT_NOT_NULL(test, mc);
		mpam_ext_mon_assign(mc, T_TOTAL, 1, i % 16, i % 4);
		mpam_ext_mon_destroy(mc);
	}
	t_expect_all_free(test);
}

static int t_write(struct mpam_ext_mon_ctx *mc, const char *s, char *err)
{
	return t_assign_write(mc, 5, 2, s, strlen(s), err,
					 MPAM_EXT_MONFMT_ERR_LEN);
}

static void t_expect_assign(struct kunit *test, struct mpam_ext_mon_ctx *mc,
			    enum mpam_ext_res res, const char *want)
{
	char buf[128];

	KUNIT_EXPECT_EQ(test, t_assign_print_res(mc, res, 5, 2, buf,
						 sizeof(buf)),
			(int)strlen(want));
	KUNIT_EXPECT_STREQ(test, buf, want);
}

/* mbm_L3_assignments: syntax, sharing, every error and its message */
static void t_test_assign_file(struct kunit *test)
{
	struct mpam_ext_topo *t = t_setup(test, "mata");
	struct mpam_ext_mon_ctx *mc = t_ctx(test, t, false);
	char *err = kunit_kzalloc(test, MPAM_EXT_MONFMT_ERR_LEN, GFP_KERNEL);
	u32 n, c;

	KUNIT_ASSERT_NOT_NULL(test, err);
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=_;26=_\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=e\n", err), 0);
	KUNIT_EXPECT_STREQ(test, err, "");
	/* 26 shares the component with 1 */
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:26=_\n", err), 0);
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=_;26=_\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:*=e\n", err), 0);
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:*=_\n", err), 0);
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=_;26=_\n");
	/* Several lines and entries, applied in order; spaces around entries */
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=e; 26=_\nmbm_total_bytes:26=e\n",
				      err), 0);
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");

	/* Errors */
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=_", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "");
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_local_bytes:1=e\n", err), -ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid event mbm_local_bytes\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "llc_occupancy:1=e\n", err), -ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid event llc_occupancy\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_l2_total_bytes:4=e\n", err), -ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid event mbm_l2_total_bytes\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "\n", err), -ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid event\x20\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:2=e\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Invalid domain id 2\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:x=e\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Missing domain id\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:=e\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Missing domain id\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=x\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Assign operation 'mbm_total_bytes:1=x' failed\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=ee\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Assign operation 'mbm_total_bytes:1=ee' failed\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Assign operation 'mbm_total_bytes:1=' failed\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:*=_e\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Assign operation 'mbm_total_bytes:*=_e' failed\n");
	/* Nothing changed by the refused writes */
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");
	/* The entries before a failure stay applied */
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:1=_;2=e\n", err), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Invalid domain id 2\n");
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=_;26=_\n");

	/* No counter left */
	n = mpam_ext_mon_num_cntrs(mc, T_TOTAL, 1);
	for (c = 0; c < n; c++)
		KUNIT_ASSERT_EQ(test, mpam_ext_mon_assign(mc, T_TOTAL, 26, c, 0), 0);
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:26=e\n", err), -ENOSPC);
	KUNIT_EXPECT_STREQ(test, err,
			   "Failed to allocate counter for mbm_total_bytes in domain 26\n"
			   "Assign operation 'mbm_total_bytes:26=e' failed\n");
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:*=e\n", err), -ENOSPC);
	KUNIT_EXPECT_STREQ(test, err,
			   "Failed to allocate counter for mbm_total_bytes in domain 1\n"
			   "Failed to allocate counter for mbm_total_bytes in domain 26\n"
			   "Assign operation 'mbm_total_bytes:*=e' failed\n");
	mpam_ext_mon_release(mc, 0, 0);
	KUNIT_EXPECT_EQ(test, t_write(mc, "mbm_total_bytes:*=e\n", err), 0);
	KUNIT_EXPECT_STREQ(test, err, "");
	t_expect_assign(test, mc, MPAM_EXT_RES_L3, "mbm_total_bytes:1=e;26=e\n");
	/* A short error buffer is cut, still terminated */
	KUNIT_EXPECT_EQ(test, t_assign_write(mc, 5, 2, "nope:1=e\n", 9, err, 8),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid");

	/* The L2 file */
	t_expect_assign(test, mc, MPAM_EXT_RES_L2,
			"mbm_l2_total_bytes:4=_;7=_;10=_;13=_\n");
	KUNIT_EXPECT_EQ(test, mpam_ext_monfmt_assign_write(mc, MPAM_EXT_RES_L2, 5, 2,
							   "mbm_l2_total_bytes:4=e;13=e\n",
							   28, err, MPAM_EXT_MONFMT_ERR_LEN), 0);
	t_expect_assign(test, mc, MPAM_EXT_RES_L2,
			"mbm_l2_total_bytes:4=e;7=_;10=_;13=e\n");
	KUNIT_EXPECT_EQ(test, mpam_ext_monfmt_assign_write(mc, MPAM_EXT_RES_L2, 5, 2,
							   "mbm_total_bytes:1=e\n",
							   20, err, MPAM_EXT_MONFMT_ERR_LEN),
			-ENOENT);
	KUNIT_EXPECT_STREQ(test, err, "Invalid event mbm_total_bytes\n");
	KUNIT_EXPECT_EQ(test, t_assign_print(mc, 5, 2, err, 10), -EOVERFLOW);
}

static struct kunit_case t_mon_cases[] = {
	KUNIT_CASE(t_test_counts),
	KUNIT_CASE(t_test_features),
	KUNIT_CASE(t_test_features_mainline),
	KUNIT_CASE(t_test_assign),
	KUNIT_CASE(t_test_read_cntr),
	KUNIT_CASE(t_test_read_occupancy),
	KUNIT_CASE(t_test_read_error),
	KUNIT_CASE(t_test_unequal),
	KUNIT_CASE(t_test_sampler_period),
	KUNIT_CASE(t_test_sampler_cpu_mbps),
	KUNIT_CASE(t_test_sampler_wraps),
	KUNIT_CASE(t_test_cycles),
	KUNIT_CASE(t_test_cycles_shipped),
	KUNIT_CASE(t_test_assign_file),
	{}
};

static struct kunit_suite t_mon_suite = {
	.name = "mpam_ext_mon",
	.test_cases = t_mon_cases,
};

kunit_test_suite(t_mon_suite);
