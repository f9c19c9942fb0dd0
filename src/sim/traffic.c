// SPDX-License-Identifier: GPL-2.0
/*
 * Traffic model of the simulator: turns the busy time the simulated CPU
 * registers record per CPU and MPAM0_EL1 value into bytes counted by the MBWU
 * monitors and cache storage read by the CSU monitors of the simulated
 * MSCs on each CPU's path. docs/simulator.md ("Traffic model") gives the
 * rules and rates.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitfield.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sizes.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/model/model.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/sim/cpu_regs.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/sim/traffic.h>

#ifdef MPAM_EXT_KUNIT
#include "kunit/mpx_traffic_test.h"
#endif

/* Period of the background sync */
#define MPX_SYNC_MS		100
/* Fractions returned by the simulator: 1 << 16 is the whole */
#define MPX_FRAC_SHIFT		16
#define MPX_FRAC_ONE		BIT(MPX_FRAC_SHIFT)
/* Size of a level 1 cache (levels 2 and 3 are parameters) */
#define MPX_L1_BYTES		SZ_64K

static unsigned int mpx_tr_bw_mbps = 1000;
module_param_named(sim_bw_mbps, mpx_tr_bw_mbps, uint, 0444);
MODULE_PARM_DESC(sim_bw_mbps,
		 "Simulation: memory traffic of a busy CPU, MB/s (default 1000: 1 byte per ns)");

static unsigned int mpx_tr_fill_mbps = 1000;
module_param_named(sim_fill_mbps, mpx_tr_fill_mbps, uint, 0444);
MODULE_PARM_DESC(sim_fill_mbps,
		 "Simulation: rate a busy CPU fills each cache on its path, MB/s (default 1000)");

static unsigned int mpx_tr_l2_kib = 1024;
module_param_named(sim_l2_kib, mpx_tr_l2_kib, uint, 0444);
MODULE_PARM_DESC(sim_l2_kib, "Simulation: size of an L2 cache, KiB (default 1024)");

static unsigned int mpx_tr_l3_kib = 32768;
module_param_named(sim_l3_kib, mpx_tr_l3_kib, uint, 0444);
MODULE_PARM_DESC(sim_l3_kib,
		 "Simulation: size of an L3 (and deeper) cache, KiB (default 32768)");

/* What a RIS on a path has */
#define MPX_HOP_MBWU		BIT(0)	/* MBWU monitors: counts the flow */
#define MPX_HOP_CSU		BIT(1)	/* CSU monitors, on a cache: filled */
#define MPX_HOP_BW		BIT(2)	/* MBW_MAX or MBW_PBM: limits the flow */
#define MPX_HOP_PORTION		BIT(3)	/* CPOR or CMAX: bounds occupancy */
#define MPX_HOP_CACHE		BIT(4)	/* a cache (else memory) */

/*
 * One RIS on a CPU's path. The traffic to a component is shared evenly by
 * its simulated vMSCs (interleaving): this one takes part @share of @nr.
 */
struct mpx_tr_hop {
	struct mpam_ext_sim_msc *sim;
	u8 ris;
	u8 what;		/* MPX_HOP_* */
	u8 share;
	u8 nr;
	u64 size;		/* cache bytes behind this vMSC; 0 for memory */
};

/* One CPU: its path and what it was fed */
struct mpx_tr_cpu {
	unsigned int nr_hop;
	struct mpx_tr_hop *hop;
	u64 busy_ns;		/* busy time fed */
	u64 bytes;		/* bytes issued after bandwidth limits */
};

struct mpx_tr_model {
	unsigned int nr_cpu;	/* nr_cpu_ids at init */
	struct mpx_tr_cpu *cpu;	/* [nr_cpu] */
	struct dentry *dbg;	/* <dbg>/traffic, or NULL */
	/* Parameters, read once at init */
	u32 bw_mbps;
	u32 fill_mbps;
	u64 l2_bytes;
	u64 l3_bytes;
};

/*
 * Serialises every sync, feed, debugfs read, init and exit, and protects
 * mpx_tr_live and everything it points to. Taken in process context only;
 * outermost of the module's locks on these paths: the simulated CPU
 * registers' drain runs under it, and the simulators' spinlocks (those of
 * the CPU registers and of the MSCs) nest inside it.
 */
static DEFINE_MUTEX(mpx_tr_lock);
static struct mpx_tr_model *mpx_tr_live;

static void mpx_tr_tick(struct work_struct *work);
static DECLARE_DELAYED_WORK(mpx_tr_work, mpx_tr_tick);

/* ----- the model ----- */

/* @bytes split over @nr interleaved vMSCs: what part @share takes */
static u64 mpx_tr_share(u64 bytes, const struct mpx_tr_hop *h)
{
	u32 rem;
	u64 q = div_u64_rem(bytes, h->nr, &rem);

	return q + (h->share < rem ? 1 : 0);
}

/* @ns of busy time at @mbps, in bytes (1 MB/s is 1 byte per 1000 ns) */
static u64 mpx_tr_rate_bytes(u64 ns, u32 mbps)
{
	return mul_u64_u32_div(ns, mbps, 1000);
}

/* Traffic of @ns busy time of one CPU with one (PARTID, PMG) */
static void mpx_tr_feed_pair(struct mpx_tr_model *tr, struct mpx_tr_cpu *c,
			     u16 partid, u8 pmg, u64 ns)
{
	u32 frac = MPX_FRAC_ONE;
	u64 flow, fill;
	unsigned int i;

	lockdep_assert_held(&mpx_tr_lock);

	for (i = 0; i < c->nr_hop; i++)
		if (c->hop[i].what & MPX_HOP_BW)
			frac = min(frac, mpam_ext_sim_bw_fraction(c->hop[i].sim,
								  c->hop[i].ris,
								  partid));
	flow = mul_u64_u32_shr(mpx_tr_rate_bytes(ns, tr->bw_mbps), frac,
			       MPX_FRAC_SHIFT);
	fill = mpx_tr_rate_bytes(ns, tr->fill_mbps);
	c->bytes += flow;

	for (i = 0; i < c->nr_hop; i++) {
		const struct mpx_tr_hop *h = &c->hop[i];

		if (h->what & MPX_HOP_MBWU)
			mpam_ext_sim_account(h->sim, h->ris, partid, pmg,
					     mpx_tr_share(flow, h));
		if (h->what & MPX_HOP_CSU)
			mpam_ext_sim_fill(h->sim, h->ris, partid, pmg,
					  mpx_tr_share(fill, h), h->size);
	}
}

static void mpx_tr_feed_locked(struct mpx_tr_model *tr, unsigned int cpu,
			       u64 val, u64 busy_ns)
{
	u16 pd = FIELD_GET(MPAM_EXT_SIM_MPAM_PARTID_D, val);
	u16 pi = FIELD_GET(MPAM_EXT_SIM_MPAM_PARTID_I, val);
	u8 gd = FIELD_GET(MPAM_EXT_SIM_MPAM_PMG_D, val);
	u8 gi = FIELD_GET(MPAM_EXT_SIM_MPAM_PMG_I, val);
	struct mpx_tr_cpu *c;
	u64 ns_i;

	lockdep_assert_held(&mpx_tr_lock);

	if (cpu >= tr->nr_cpu || !busy_ns)
		return;
	c = &tr->cpu[cpu];
	c->busy_ns += busy_ns;

	/* Code and data apart: a quarter of the time is instruction fetch */
	if (pd != pi || gd != gi) {
		ns_i = busy_ns / 4;
		mpx_tr_feed_pair(tr, c, pd, gd, busy_ns - ns_i);
		mpx_tr_feed_pair(tr, c, pi, gi, ns_i);
	} else {
		mpx_tr_feed_pair(tr, c, pd, gd, busy_ns);
	}
}

#ifdef MPAM_EXT_KUNIT
/**
 * mpam_ext_traffic_feed() - busy time of one CPU with one MPAM0_EL1 value.
 * @cpu:	the CPU
 * @val:	PARTIDs and PMGs it ran with (MPAM0_EL1 layout)
 * @busy_ns:	time it was busy with them since the last record
 *
 * Issues the traffic of that time to the simulated MSCs on @cpu's path,
 * as a drain of the simulated CPU registers would. KUnit only
 * (kunit/mpx_traffic_test.h). Does nothing before mpam_ext_traffic_init()
 * or for a CPU beyond nr_cpu_ids. Process context; takes the traffic
 * mutex.
 */
void mpam_ext_traffic_feed(unsigned int cpu, u64 val, u64 busy_ns)
{
	mutex_lock(&mpx_tr_lock);
	if (mpx_tr_live)
		mpx_tr_feed_locked(mpx_tr_live, cpu, val, busy_ns);
	mutex_unlock(&mpx_tr_lock);
}
#endif

/* The simulated CPU registers' drain callback; runs under mpx_tr_lock */
static void mpx_tr_drain_one(unsigned int cpu, u64 val, u64 busy_ns, void *arg)
{
	mpx_tr_feed_locked(arg, cpu, val, busy_ns);
}

/**
 * mpam_ext_traffic_sync() - issue the busy time recorded so far.
 *
 * Drains the busy time the simulated CPU registers recorded into the
 * model (mpam_ext_sim_cpu_drain()), so that a monitor read right after
 * sees the traffic up to now. Does nothing before mpam_ext_traffic_init(),
 * nor while the CPU side does not program the simulated registers (they
 * hand nothing over then). Process context; takes the
 * traffic mutex, so syncs (this one, the periodic one, feeds) never run at
 * once.
 */
void mpam_ext_traffic_sync(void)
{
	mutex_lock(&mpx_tr_lock);
	if (mpx_tr_live)
		mpam_ext_sim_cpu_drain(mpx_tr_drain_one, mpx_tr_live);
	mutex_unlock(&mpx_tr_lock);
}

static void mpx_tr_tick(struct work_struct *work)
{
	mpam_ext_traffic_sync();
	schedule_delayed_work(&mpx_tr_work, msecs_to_jiffies(MPX_SYNC_MS));
}

/* ----- the paths ----- */

static u64 mpx_tr_cache_bytes(const struct mpx_tr_model *tr, u8 level)
{
	if (level <= 1)
		return MPX_L1_BYTES;
	if (level == 2)
		return tr->l2_bytes;
	return tr->l3_bytes;
}

/*
 * The simulated MSC behind @v, or NULL when none of its RIS takes traffic
 * (each excluded or refused) or it is not simulated
 */
static struct mpam_ext_sim_msc *mpx_tr_vmsc_sim(const struct mpam_ext_vmsc *v)
{
	struct mpam_ext_msc *msc;

	if ((v->ris_excluded | v->ris_refused) == GENMASK(v->nr_ris - 1, 0))
		return NULL;
	msc = mpam_ext_msc_find(v->msc->id);
	return msc ? msc->sim : NULL;
}

static u8 mpx_tr_hop_what(const struct mpam_ext_ris_hw *hw, bool cache)
{
	const unsigned long *f = &hw->features;
	u8 what = cache ? MPX_HOP_CACHE : 0;

	if (test_bit(MPAM_EXT_HW_MBWU, f))
		what |= MPX_HOP_MBWU;
	if (cache && test_bit(MPAM_EXT_HW_CSU, f))
		what |= MPX_HOP_CSU;
	if (test_bit(MPAM_EXT_HW_MBW_MAX, f) || test_bit(MPAM_EXT_HW_MBW_PBM, f))
		what |= MPX_HOP_BW;
	if (test_bit(MPAM_EXT_HW_CPOR, f) || test_bit(MPAM_EXT_HW_CMAX, f))
		what |= MPX_HOP_PORTION;
	return what;
}

/*
 * The hops component @comp adds to @cpu's path, written to @hop when it is
 * not NULL. Return: how many.
 */
static unsigned int mpx_tr_comp_hops(const struct mpx_tr_model *tr,
				     const struct mpam_ext_component *comp,
				     unsigned int cpu, struct mpx_tr_hop *hop)
{
	bool cache = comp->cls->type == MPAM_EXT_CLASS_CACHE;
	unsigned int v, j, nr_sim = 0, share = 0, n = 0;
	struct mpam_ext_sim_msc *sim;
	u64 size;

	if (comp->cls->type == MPAM_EXT_CLASS_OTHER ||
	    !cpumask_test_cpu(cpu, &comp->cpus))
		return 0;
	for (v = 0; v < comp->nr_vmsc; v++)
		if (mpx_tr_vmsc_sim(&comp->vmsc[v]))
			nr_sim++;
	if (!nr_sim)
		return 0;
	nr_sim = min_t(unsigned int, nr_sim, U8_MAX);
	size = cache ? div_u64(mpx_tr_cache_bytes(tr, comp->cls->level), nr_sim) : 0;

	for (v = 0; v < comp->nr_vmsc && share < nr_sim; v++) {
		const struct mpam_ext_vmsc *vm = &comp->vmsc[v];

		sim = mpx_tr_vmsc_sim(vm);
		if (!sim)
			continue;
		for (j = 0; j < vm->nr_ris; j++) {
			if ((vm->ris_excluded | vm->ris_refused) & BIT(j))
				continue;
			if (hop) {
				hop[n].sim = sim;
				hop[n].ris = vm->ris[j]->idx;
				hop[n].what = mpx_tr_hop_what(&vm->ris[j]->hw, cache);
				hop[n].share = share;
				hop[n].nr = nr_sim;
				hop[n].size = size;
			}
			n++;
		}
		share++;
	}
	return n;
}

static unsigned int mpx_tr_path(const struct mpx_tr_model *tr,
				const struct mpam_ext_model *m, unsigned int cpu,
				struct mpx_tr_hop *hop)
{
	unsigned int c, k, n = 0;

	for (c = 0; c < m->nr_classes; c++)
		for (k = 0; k < m->classes[c].nr_comp; k++)
			n += mpx_tr_comp_hops(tr, &m->classes[c].comp[k], cpu,
					   hop ? hop + n : NULL);
	return n;
}

static void mpx_tr_free(struct mpx_tr_model *tr)
{
	unsigned int cpu;

	if (!tr)
		return;
	for (cpu = 0; tr->cpu && cpu < tr->nr_cpu; cpu++)
		kfree(tr->cpu[cpu].hop);
	kfree(tr->cpu);
	kfree(tr);
}

static struct mpx_tr_model *mpx_tr_alloc(const struct mpam_ext_model *m)
{
	struct mpx_tr_model *tr;
	unsigned int cpu, n;

	tr = kzalloc_obj(*tr, GFP_KERNEL);
	if (!tr)
		return NULL;
	tr->bw_mbps = mpx_tr_bw_mbps;
	tr->fill_mbps = mpx_tr_fill_mbps;
	tr->l2_bytes = (u64)mpx_tr_l2_kib * SZ_1K;
	tr->l3_bytes = (u64)mpx_tr_l3_kib * SZ_1K;
	tr->nr_cpu = nr_cpu_ids;
	tr->cpu = kcalloc(tr->nr_cpu, sizeof(*tr->cpu), GFP_KERNEL);
	if (!tr->cpu)
		goto fail;

	for (cpu = 0; cpu < tr->nr_cpu; cpu++) {
		n = mpx_tr_path(tr, m, cpu, NULL);
		if (!n)
			continue;
		tr->cpu[cpu].hop = kcalloc(n, sizeof(struct mpx_tr_hop), GFP_KERNEL);
		if (!tr->cpu[cpu].hop)
			goto fail;
		tr->cpu[cpu].nr_hop = mpx_tr_path(tr, m, cpu, tr->cpu[cpu].hop);
	}
	return tr;

fail:
	mpx_tr_free(tr);
	return NULL;
}

/* ----- debugfs ----- */

static int mpx_tr_show(struct seq_file *s, void *unused)
{
	struct mpx_tr_model *tr;
	unsigned int cpu;

	mutex_lock(&mpx_tr_lock);
	tr = mpx_tr_live;
	if (tr) {
		seq_printf(s, "sim_bw_mbps %u\n", tr->bw_mbps);
		seq_printf(s, "sim_fill_mbps %u\n", tr->fill_mbps);
		seq_printf(s, "sim_l2_kib %llu\n", tr->l2_bytes / SZ_1K);
		seq_printf(s, "sim_l3_kib %llu\n", tr->l3_bytes / SZ_1K);
		seq_puts(s, "cpu hops busy_ns bytes\n");
		for (cpu = 0; cpu < tr->nr_cpu; cpu++) {
			if (!cpu_possible(cpu))
				continue;
			seq_printf(s, "%u %u %llu %llu\n", cpu,
				   tr->cpu[cpu].nr_hop, tr->cpu[cpu].busy_ns,
				   tr->cpu[cpu].bytes);
		}
	}
	mutex_unlock(&mpx_tr_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_tr);

/* ----- setup ----- */

/**
 * mpam_ext_traffic_init() - start the traffic model.
 * @m:		the model; every simulated MSC it names is set up (the MSC
 *		driver finds it by id). Read here only: the paths are
 *		copied
 * @dbg:	debugfs directory for the "traffic" file, or NULL for none
 *
 * Builds each CPU's path and starts the periodic sync. Process context.
 *
 * Return: 0, -EBUSY when already started, -ENOMEM.
 */
int mpam_ext_traffic_init(const struct mpam_ext_model *m, struct dentry *dbg)
{
	struct mpx_tr_model *tr;
	int ret = 0;

	mutex_lock(&mpx_tr_lock);
	if (mpx_tr_live) {
		ret = -EBUSY;
		goto out;
	}
	tr = mpx_tr_alloc(m);
	if (!tr) {
		ret = -ENOMEM;
		goto out;
	}
	if (dbg)
		tr->dbg = debugfs_create_file("traffic", 0444, dbg, NULL, &mpx_tr_fops);
	mpx_tr_live = tr;
	schedule_delayed_work(&mpx_tr_work, msecs_to_jiffies(MPX_SYNC_MS));
out:
	mutex_unlock(&mpx_tr_lock);
	return ret;
}

/**
 * mpam_ext_traffic_exit() - stop the traffic model.
 *
 * Stops the periodic sync, removes the debugfs file and frees the paths;
 * the simulated MSCs keep what was counted. Safe without a successful
 * init. Process context.
 */
void mpam_ext_traffic_exit(void)
{
	struct mpx_tr_model *tr;

	cancel_delayed_work_sync(&mpx_tr_work);
	mutex_lock(&mpx_tr_lock);
	tr = mpx_tr_live;
	mpx_tr_live = NULL;
	mutex_unlock(&mpx_tr_lock);
	if (!tr)
		return;
	/* Waits for readers of the file, which take mpx_tr_lock themselves */
	debugfs_remove(tr->dbg);
	mpx_tr_free(tr);
}
