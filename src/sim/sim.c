// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated MSC: the register file of one memory system component as Arm
 * IHI 0099 (MPAM system component specification) describes it, built from
 * a platform description's MSC. docs/simulator.md describes the model and
 * each reading of the specification it makes; the comments below say where
 * the code makes them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/bits.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/irq_work.h>
#include <kunit/test-bug.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/limits.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <linux/preempt.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/sim/sim_test.h>

/* The RIS field of the selection registers is 4 bits wide */
#define MPX_NR_RIS_IDX		16
/* Traffic and occupancy are kept per (PARTID, PMG): at most this many */
#define MPX_MAX_PAIRS		BIT(16)
/* CPBM and MBW_PBM words stored per RIS, over all PARTIDs: at most this many */
#define MPX_MAX_BITMAP_WORDS	BIT(22)
/* MPAMCFG_CPBM<n> has n = 0..1023, MPAMCFG_MBW_PBM<n> has n = 0..127 */
#define MPX_CPBM_WD_MAX		32768U
#define MPX_MBW_PBM_MAX		4096U
#define MPX_CPBM_END		(MPAMCFG_CPBM + MPX_CPBM_WD_MAX / 8)
#define MPX_MBW_PBM_END		(MPAMCFG_MBW_PBM + MPX_MBW_PBM_MAX / 8)
/* CMAX, CMIN, CASSOC, MBW_MIN and MBW_MAX are 16-bit fractions */
#define MPX_FRAC_BITS		16U
/* A whole (100 %) in the fractions the traffic queries return */
#define MPX_FRAC_ONE		BIT(MPX_FRAC_BITS)
/* INTPRI, DSPRI and STRIDEM1 are integers of at most 16 bits */
#define MPX_PRI_BITS		16U
/* Width of MSMON_MBWU, and of the whole counter without HAS_LONG */
#define MPX_SHORT_WIDTH		31U
/* MBW_WINWD of a RIS whose window is not writable: one microsecond */
#define MPX_WINWD_FIXED		FIELD_PREP(MPAMCFG_MBW_WINWD_US_INT, 1)
#define MPX_WINWD_MASK		(MPAMCFG_MBW_WINWD_US_INT | MPAMCFG_MBW_WINWD_US_FRAC)
/* COUNTER_NEAR_WRAP leaves this many bytes before the wrap */
#define MPX_NEAR_WRAP		4096U
/* Longest text the fault injection files accept */
#define MPX_INJECT_TEXT_MAX	64

/*
 * Power-on values. The specification leaves the configuration registers
 * UNKNOWN after reset; these are deliberately not what a driver's reset
 * would write, so that a PARTID the driver forgot to reset stands out.
 */
#define MPX_PO_BITMAP_EVEN	0xaaaaaaaaU	/* CPBM of even PARTIDs */
#define MPX_PO_BITMAP_ODD	0x55555555U	/* CPBM of odd PARTIDs */
#define MPX_PO_WINWD		(FIELD_PREP(MPAMCFG_MBW_WINWD_US_INT, 3) | \
				 FIELD_PREP(MPAMCFG_MBW_WINWD_US_FRAC, 0x80))
#define MPX_PO_PRI		0x5555U
#define MPX_PO_PROP		(MPAMCFG_MBW_PROP_EN | \
				 FIELD_PREP(MPAMCFG_MBW_PROP_STRIDEM1, 0xf))
#define MPX_PO_COUNT		0x2a5a5a5aULL

/* Which monitor register an access goes to */
enum mpx_sim_mon_kind {
	MPX_MON_CSU,
	MPX_MON_MBWU,
	MPX_MON_MBWU_L,
};

/* Fixed-size configuration of one PARTID (or intPARTID) of a RIS */
struct mpx_sim_cfg {
	u32 cmax;
	u32 cmin;
	u32 cassoc;
	u32 mbw_min;
	u32 mbw_max;
	u32 mbw_winwd;
	u32 pri;
	u32 mbw_prop;
};

/* One CSU or MBWU monitor instance */
struct mpx_sim_mon {
	u32 flt;		/* MSMON_CFG_x_FLT as stored */
	u32 ctl;		/* MSMON_CFG_x_CTL as stored, without TYPE */
	/*
	 * MBWU: the counter, modulo 2^width. CSU: the value frozen when the
	 * monitor was disabled (an enabled CSU monitor reads live occupancy).
	 */
	u64 count;
	ktime_t ready_at;	/* NRDY reads 1 before this time */
	bool nrdy_bit;		/* software-managed NRDY: as last written */
	u32 csu_offset;		/* writable CSU: added to the occupancy */
	struct list_head active; /* MBWU: on mpx_sim_ris.active_mbwu while EN */
};

/* One resource instance */
struct mpx_sim_ris {
	u8 idx;			/* hardware RIS index */
	struct mpam_ext_ris_hw hw;
	u8 mbwu_width;		/* 31, 44 or 63 */
	unsigned int nr_cfg;	/* PARTIDs (intPARTIDs with narrowing) stored */
	unsigned int cpbm_words;
	unsigned int pbm_words;
	unsigned int nr_pairs;	/* (partid_max + 1) * (pmg_max + 1) */
	struct mpx_sim_cfg *cfg;	/* [nr_cfg] */
	u32 *cpbm;		/* [nr_cfg][cpbm_words] */
	u32 *mbw_pbm;		/* [nr_cfg][pbm_words] */
	u32 *intpartid;		/* [partid_max + 1]: MPAMCFG_INTPARTID per reqPARTID */
	struct mpx_sim_mon *csu;	/* [num_csu_mon] */
	struct mpx_sim_mon *mbwu;	/* [num_mbwu_mon] */
	u64 *bytes;		/* [nr_pairs]: traffic seen, per (PARTID, PMG) */
	u64 *occupancy;		/* [nr_pairs]: cache storage used */
	struct list_head active_mbwu;	/* enabled MBWU monitors */
	bool hidden;		/* not described: UNKNOWN power-on values */
	bool sw_nrdy;		/* NRDY is a plain bit, software's to clear */
	bool csu_wr;		/* CSU values are writable */
	bool nrdy_stuck;	/* injected: monitors read NRDY */
	bool garbage_id;	/* injected: ID registers read garbage */
};

static const struct {
	const char *name;
	enum mpam_ext_sim_fault fault;
} mpx_sim_dbg_files[] = {
	{ "inject_nrdy_stuck",	 MPAM_EXT_SIM_NRDY_STUCK },
	{ "inject_error",	 MPAM_EXT_SIM_ERROR_IRQ },
	{ "inject_counter_wrap", MPAM_EXT_SIM_COUNTER_NEAR_WRAP },
	{ "inject_garbage_id",	 MPAM_EXT_SIM_GARBAGE_ID },
	{ "inject_clear",	 MPAM_EXT_SIM_CLEAR },
	{ "inject_error_persist", MPAM_EXT_SIM_ERROR_PERSIST },
};

/* What a fault injection file hands to its write handler */
struct mpx_sim_dbg_file {
	struct mpam_ext_sim_msc *sim;
	enum mpam_ext_sim_fault fault;
};

struct mpam_ext_sim_msc {
	/*
	 * Protects everything below that changes after creation: the
	 * selection registers, ESR/ECR, the handler, and every RIS's
	 * configuration, monitors, traffic and injected faults. Taken with
	 * spin_lock_irqsave() from every context a spinlock_t allows: the
	 * driver's register accessors (under the driver's own per-MSC lock,
	 * so this lock nests inside it), traffic from interrupt handlers and
	 * timers, debugfs, the error irq_work. Innermost: no other lock is
	 * taken, nothing is allocated and no callback runs while it is held.
	 */
	spinlock_t lock;

	/* Set at creation, constant afterwards */
	u32 id;			/* the MSC's, for messages */
	bool access32;		/* a 64-bit access is an error */
	bool sw_nrdy;		/* hardware never sets or clears NRDY */
	bool csu_wr;		/* MSMON_CSU is writable */
	bool idr32;		/* MPAMF_IDR.EXT clear: no RIS, no ESR */
	bool private;		/* reachable only from @affinity */
	bool power;		/* powered with @affinity (the power property) */
	struct cpumask affinity;
	struct hlist_node hp_node;	/* instance of the power hotplug state */
	u64 size;		/* register frame; beyond it RAZ/WI */
	u32 nrdy_us;
	u32 iidr;
	u8 aidr;
	bool has_ris;		/* MPAMF_IDR.HAS_RIS */
	u8 ris_max;		/* MPAMF_IDR.RIS_MAX */
	bool has_esr;		/* ESR/ECR exist (an MSC-wide property) */
	bool extd_esr;		/* ESR is 64-bit with a RIS field */
	bool any_ctrl;		/* some RIS has a control */
	bool any_mon;		/* some RIS has a monitor */

	u32 part_sel;		/* MPAMCFG_PART_SEL */
	bool part_sel_bad;	/* its selection was reported when written */
	u32 mon_sel;		/* MSMON_CFG_MON_SEL */
	bool mon_sel_bad;	/* its selection was reported when written */
	u32 ecr;		/* MPAMF_ECR */
	u64 esr;		/* MPAMF_ESR */
	bool off;		/* powered down: every access is an error */
	bool cycled;		/* powered down at least once since creation */
	u32 power_ups;		/* seeds the UNKNOWN values of each power-up */

	struct irq_work irq_work;	/* delivers the error interrupt */
	struct work_struct irq_bounce;	/* ... on a CPU that can reach the MSC */
	void (*err_fn)(void *arg);
	void *err_arg;

	/* A persistent error: recorded again whenever software clears ESR */
	u8 persist_code;	/* its ERRCODE, 0 for none */
	u8 persist_ris;
	u32 persist_irqs;	/* deliveries since INTEN was last clear */
	struct mpam_ext_sim_stats stats;
	bool lenient;		/* bad accesses do not fail the running test */
	ktime_t irq_window;	/* start of the second being counted */
	u64 irq_window_count;	/* deliveries in it so far */

	struct mpx_sim_dbg_file dbg[ARRAY_SIZE(mpx_sim_dbg_files)];

	struct mpx_sim_ris *by_idx[MPX_NR_RIS_IDX];	/* hardware index -> RIS */
	unsigned int nr_ris;
	struct mpx_sim_ris ris[];
};

/* ----- small helpers ----- */

static bool mpx_sim_has(const struct mpx_sim_ris *r, enum mpam_ext_hw_feature f)
{
	return test_bit(f, &r->hw.features);
}

static bool mpx_sim_has_ccap(const struct mpx_sim_ris *r)
{
	return mpx_sim_has(r, MPAM_EXT_HW_CMAX) || mpx_sim_has(r, MPAM_EXT_HW_CMIN) ||
	       mpx_sim_has(r, MPAM_EXT_HW_CASSOC);
}

/* BWA_WD is the width of MBW_MIN, MBW_MAX and MBW_PROP.STRIDEM1 */
static bool mpx_sim_has_bwa(const struct mpx_sim_ris *r)
{
	return mpx_sim_has(r, MPAM_EXT_HW_MBW_MIN) || mpx_sim_has(r, MPAM_EXT_HW_MBW_MAX) ||
	       mpx_sim_has(r, MPAM_EXT_HW_MBW_PROP);
}

static bool mpx_sim_has_mbw(const struct mpx_sim_ris *r)
{
	return mpx_sim_has_bwa(r) || mpx_sim_has(r, MPAM_EXT_HW_MBW_PBM);
}

static bool mpx_sim_has_pri(const struct mpx_sim_ris *r)
{
	return mpx_sim_has(r, MPAM_EXT_HW_INTPRI) || mpx_sim_has(r, MPAM_EXT_HW_DSPRI);
}

static bool mpx_sim_has_ctrl(const struct mpx_sim_ris *r)
{
	return mpx_sim_has(r, MPAM_EXT_HW_CPOR) || mpx_sim_has_ccap(r) ||
	       mpx_sim_has_mbw(r) || mpx_sim_has_pri(r) ||
	       mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW);
}

static bool mpx_sim_has_mon(const struct mpx_sim_ris *r)
{
	return mpx_sim_has(r, MPAM_EXT_HW_CSU) || mpx_sim_has(r, MPAM_EXT_HW_MBWU);
}

static struct mpx_sim_ris *mpx_sim_ris(struct mpam_ext_sim_msc *sim, unsigned int idx)
{
	return idx < MPX_NR_RIS_IDX ? sim->by_idx[idx] : NULL;
}

/* The implemented (most significant) bits of a 16-bit fraction */
static u32 mpx_sim_frac_mask(unsigned int wd)
{
	wd = min(wd, MPX_FRAC_BITS);
	return wd ? GENMASK(MPX_FRAC_BITS - 1, MPX_FRAC_BITS - wd) : 0;
}

/* The smallest non-zero fraction of that width */
static u32 mpx_sim_frac_min(unsigned int wd)
{
	wd = min(wd, MPX_FRAC_BITS);
	return wd ? BIT(MPX_FRAC_BITS - wd) : 0;
}

/* The implemented (least significant) bits of a priority or STRIDEM1 */
static u32 mpx_sim_low_mask(unsigned int wd)
{
	wd = min(wd, MPX_PRI_BITS);
	return wd ? GENMASK(wd - 1, 0) : 0;
}

/* The implemented bits of word @n of a bitmap @wd bits wide */
static u32 mpx_sim_word_mask(unsigned int wd, unsigned int n)
{
	unsigned int first = n * 32;

	if (first >= wd)
		return 0;
	if (wd - first >= 32)
		return U32_MAX;
	return GENMASK(wd - first - 1, 0);
}

static u64 mpx_sim_width_mask(unsigned int width)
{
	return BIT_ULL(width) - 1;
}

static unsigned int mpx_sim_pair(const struct mpx_sim_ris *r, u16 partid, u8 pmg)
{
	return partid * (r->hw.pmg_max + 1U) + pmg;
}

/* ----- errors and the error interrupt ----- */

/*
 * The error interrupt is a level: asserted while ESR.ERRCODE is non-zero
 * and ECR.INTEN is set. Each event that may assert it (an error recorded,
 * ESR or ECR written, a handler connected) queues the irq_work, which calls
 * the handler only if the level is still asserted when it runs.
 *
 * The irq_work is an ordinary one, not IRQ_WORK_HARD_IRQ: it then runs the
 * way a device interrupt handler does, in hard interrupt context on most
 * kernels and in a thread on PREEMPT_RT, and lockdep lets it take
 * spinlock_t locks (this one, the driver's) as a device handler may. A hard
 * irq_work runs where only raw spinlocks are allowed.
 */
static bool mpx_sim_irq_asserted(const struct mpam_ext_sim_msc *sim)
{
	return (sim->ecr & MPAMF_ECR_INTEN) &&
	       FIELD_GET(MPAMF_ESR_ERRCODE, sim->esr);
}

static void mpx_sim_irq_check(struct mpam_ext_sim_msc *sim)
{
	lockdep_assert_held(&sim->lock);

	if (mpx_sim_irq_asserted(sim))
		irq_work_queue(&sim->irq_work);
}

/* One delivery: the counters, the rate of the last second, the storm guard */
static void mpx_sim_irq_count(struct mpam_ext_sim_msc *sim)
{
	ktime_t now = ktime_get();

	lockdep_assert_held(&sim->lock);

	sim->stats.irqs++;
	if (ktime_after(now, ktime_add_ms(sim->irq_window, MSEC_PER_SEC))) {
		if (sim->irq_window)
			sim->stats.irq_rate = sim->irq_window_count;
		sim->irq_window = now;
		sim->irq_window_count = 0;
	}
	sim->irq_window_count++;

	if (sim->persist_code && ++sim->persist_irqs >= MPAM_EXT_SIM_STORM_MAX) {
		sim->persist_code = 0;
		sim->stats.storm = true;
	}
}

static void mpx_sim_deliver(struct mpam_ext_sim_msc *sim);

/*
 * A private MSC's interrupt is taken on a CPU that can reach it: an error
 * raised elsewhere (fault injection from debugfs) is handed to a work on
 * such a CPU, which calls the handler in process context.
 */
static void mpx_sim_err_irq_work(struct irq_work *work)
{
	struct mpam_ext_sim_msc *sim = container_of(work, struct mpam_ext_sim_msc,
						    irq_work);
	unsigned int cpu = raw_smp_processor_id();

	if (sim->private && !cpumask_test_cpu(cpu, &sim->affinity)) {
		cpu = cpumask_any_and(&sim->affinity, cpu_online_mask);
		if (cpu < nr_cpu_ids)
			queue_work_on(cpu, system_wq, &sim->irq_bounce);
		return;
	}
	mpx_sim_deliver(sim);
}

static void mpx_sim_irq_bounce(struct work_struct *work)
{
	mpx_sim_deliver(container_of(work, struct mpam_ext_sim_msc, irq_bounce));
}

static void mpx_sim_deliver(struct mpam_ext_sim_msc *sim)
{
	void (*fn)(void *arg);
	unsigned long flags;
	bool asserted;
	void *arg;

	spin_lock_irqsave(&sim->lock, flags);
	fn = sim->err_fn;
	arg = sim->err_arg;
	asserted = mpx_sim_irq_asserted(sim);
	if (fn && asserted)
		mpx_sim_irq_count(sim);
	spin_unlock_irqrestore(&sim->lock, flags);

	if (fn && asserted)
		fn(arg);
}

/*
 * Record an error in MPAMF_ESR. The specification (MPAMF_ESR.OVRWR) keeps
 * the most recent error and sets OVRWR when it replaces one software has
 * not cleared; an MSC without ESR records nothing.
 */
static void mpx_sim_error(struct mpam_ext_sim_msc *sim, enum mpam_ext_errcode code,
			  u16 partid_mon, u8 pmg, u8 ris)
{
	u64 esr;

	lockdep_assert_held(&sim->lock);

	if (!sim->has_esr)
		return;

	esr = FIELD_PREP(MPAMF_ESR_ERRCODE, code) |
	      FIELD_PREP(MPAMF_ESR_PARTID_MON, partid_mon) |
	      FIELD_PREP(MPAMF_ESR_PMG, pmg);
	if (sim->extd_esr)
		esr |= FIELD_PREP(MPAMF_ESR_RIS, ris);
	if (FIELD_GET(MPAMF_ESR_ERRCODE, sim->esr))
		esr |= MPAMF_ESR_OVRWR;
	sim->esr = esr;
	sim->stats.errors++;
	mpx_sim_irq_check(sim);
}

static void mpx_sim_esr_write(struct mpam_ext_sim_msc *sim, u64 val)
{
	u64 mask = MPAMF_ESR_PARTID_MON | MPAMF_ESR_PMG | MPAMF_ESR_ERRCODE |
		   MPAMF_ESR_OVRWR;

	lockdep_assert_held(&sim->lock);

	if (!sim->has_esr)
		return;
	if (sim->extd_esr)
		mask |= MPAMF_ESR_RIS;
	sim->esr = val & mask;
	/* The source of a persistent error raises it again at once */
	if (!FIELD_GET(MPAMF_ESR_ERRCODE, sim->esr) && sim->persist_code)
		mpx_sim_error(sim, sim->persist_code, 0, 0, sim->persist_ris);
	mpx_sim_irq_check(sim);
}

/* ----- ID registers ----- */

static u64 mpx_sim_idr(const struct mpam_ext_sim_msc *sim, const struct mpx_sim_ris *r)
{
	u64 v = sim->idr32 ? 0 : MPAMF_IDR_EXT;

	if (sim->has_ris)
		v |= MPAMF_IDR_HAS_RIS | FIELD_PREP(MPAMF_IDR_RIS_MAX, sim->ris_max);
	if (sim->has_esr)
		v |= MPAMF_IDR_HAS_ESR;
	if (sim->extd_esr)
		v |= MPAMF_IDR_HAS_EXTD_ESR;
	/* An unimplemented RIS shows only what belongs to the whole MSC */
	if (!r)
		return v;

	v |= FIELD_PREP(MPAMF_IDR_PARTID_MAX, r->hw.partid_max) |
	     FIELD_PREP(MPAMF_IDR_PMG_MAX, r->hw.pmg_max);
	if (mpx_sim_has_ccap(r))
		v |= MPAMF_IDR_HAS_CCAP_PART;
	if (mpx_sim_has(r, MPAM_EXT_HW_CPOR))
		v |= MPAMF_IDR_HAS_CPOR_PART;
	if (mpx_sim_has_mbw(r))
		v |= MPAMF_IDR_HAS_MBW_PART;
	if (mpx_sim_has_pri(r))
		v |= MPAMF_IDR_HAS_PRI_PART;
	if (mpx_sim_has_mon(r))
		v |= MPAMF_IDR_HAS_MSMON;
	if (mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW))
		v |= MPAMF_IDR_HAS_PARTID_NRW;
	return v;
}

static u32 mpx_sim_ccap_idr(const struct mpx_sim_ris *r)
{
	u32 v = 0;

	if (!mpx_sim_has_ccap(r))
		return 0;
	/* CMAX_WD is also the width of CMIN */
	if (mpx_sim_has(r, MPAM_EXT_HW_CMAX) || mpx_sim_has(r, MPAM_EXT_HW_CMIN))
		v |= FIELD_PREP(MPAMF_CCAP_IDR_CMAX_WD, r->hw.cmax_wd);
	if (mpx_sim_has(r, MPAM_EXT_HW_CASSOC))
		v |= MPAMF_CCAP_IDR_HAS_CASSOC |
		     FIELD_PREP(MPAMF_CCAP_IDR_CASSOC_WD, r->hw.cassoc_wd);
	if (mpx_sim_has(r, MPAM_EXT_HW_CMIN))
		v |= MPAMF_CCAP_IDR_HAS_CMIN;
	if (!mpx_sim_has(r, MPAM_EXT_HW_CMAX))
		v |= MPAMF_CCAP_IDR_NO_CMAX;
	else if (mpx_sim_has(r, MPAM_EXT_HW_CMAX_SOFTLIM))
		v |= MPAMF_CCAP_IDR_HAS_CMAX_SOFTLIM;
	return v;
}

static u32 mpx_sim_mbw_idr(const struct mpx_sim_ris *r)
{
	u32 v = 0;

	if (!mpx_sim_has_mbw(r))
		return 0;
	if (mpx_sim_has_bwa(r))
		v |= FIELD_PREP(MPAMF_MBW_IDR_BWA_WD, r->hw.bwa_wd);
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_MIN))
		v |= MPAMF_MBW_IDR_HAS_MIN;
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_MAX))
		v |= MPAMF_MBW_IDR_HAS_MAX;
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_PBM))
		v |= MPAMF_MBW_IDR_HAS_PBM |
		     FIELD_PREP(MPAMF_MBW_IDR_BWPBM_WD, r->hw.mbw_pbm_bits);
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_PROP))
		v |= MPAMF_MBW_IDR_HAS_PROP;
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_WINWD))
		v |= MPAMF_MBW_IDR_WINDWR;
	return v;
}

static u32 mpx_sim_pri_idr(const struct mpx_sim_ris *r)
{
	u32 v = 0;

	if (mpx_sim_has(r, MPAM_EXT_HW_INTPRI)) {
		v |= MPAMF_PRI_IDR_HAS_INTPRI |
		     FIELD_PREP(MPAMF_PRI_IDR_INTPRI_WD, r->hw.intpri_wd);
		if (mpx_sim_has(r, MPAM_EXT_HW_INTPRI_0_IS_LOW))
			v |= MPAMF_PRI_IDR_INTPRI_0_IS_LOW;
	}
	if (mpx_sim_has(r, MPAM_EXT_HW_DSPRI)) {
		v |= MPAMF_PRI_IDR_HAS_DSPRI |
		     FIELD_PREP(MPAMF_PRI_IDR_DSPRI_WD, r->hw.dspri_wd);
		if (mpx_sim_has(r, MPAM_EXT_HW_DSPRI_0_IS_LOW))
			v |= MPAMF_PRI_IDR_DSPRI_0_IS_LOW;
	}
	return v;
}

static u32 mpx_sim_mbwumon_idr(const struct mpx_sim_ris *r)
{
	u32 v;

	if (!mpx_sim_has(r, MPAM_EXT_HW_MBWU))
		return 0;
	v = FIELD_PREP(MPAMF_MBWUMON_IDR_NUM_MON, r->hw.num_mbwu_mon);
	if (mpx_sim_has(r, MPAM_EXT_HW_MBWU_RWBW))
		v |= MPAMF_MBWUMON_IDR_RWBW;
	if (r->mbwu_width > MPX_SHORT_WIDTH)
		v |= MPAMF_MBWUMON_IDR_HAS_LONG;
	if (r->mbwu_width == 63)
		v |= MPAMF_MBWUMON_IDR_LWD;
	return v;
}

static bool mpx_sim_is_id32(u32 off)
{
	switch (off) {
	case MPAMF_IIDR:
	case MPAMF_AIDR:
	case MPAMF_IMPL_IDR:
	case MPAMF_CPOR_IDR:
	case MPAMF_CCAP_IDR:
	case MPAMF_MBW_IDR:
	case MPAMF_PRI_IDR:
	case MPAMF_PARTID_NRW_IDR:
	case MPAMF_MSMON_IDR:
	case MPAMF_CSUMON_IDR:
	case MPAMF_MBWUMON_IDR:
		return true;
	}
	return false;
}

/* The 32-bit ID registers, for the RIS MPAMCFG_PART_SEL.RIS selects */
static u32 mpx_sim_id_read32(struct mpam_ext_sim_msc *sim, u32 off)
{
	struct mpx_sim_ris *r = mpx_sim_ris(sim, FIELD_GET(MPAMCFG_PART_SEL_RIS,
						   sim->part_sel));

	lockdep_assert_held(&sim->lock);

	/* Injected garbage: every field all ones, beyond what the spec allows */
	if (r && r->garbage_id)
		return off == MPAMF_AIDR ? 0xff : U32_MAX;

	if (off == MPAMF_IIDR)
		return sim->iidr;
	if (off == MPAMF_AIDR)
		return sim->aidr;
	if (!r)
		return 0;

	switch (off) {
	case MPAMF_CPOR_IDR:
		if (!mpx_sim_has(r, MPAM_EXT_HW_CPOR))
			return 0;
		return FIELD_PREP(MPAMF_CPOR_IDR_CPBM_WD, r->hw.cpbm_wd);
	case MPAMF_CCAP_IDR:
		return mpx_sim_ccap_idr(r);
	case MPAMF_MBW_IDR:
		return mpx_sim_mbw_idr(r);
	case MPAMF_PRI_IDR:
		return mpx_sim_pri_idr(r);
	case MPAMF_PARTID_NRW_IDR:
		if (!mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW))
			return 0;
		return FIELD_PREP(MPAMF_PARTID_NRW_IDR_INTPARTID_MAX,
				  r->hw.intpartid_max);
	case MPAMF_MSMON_IDR:
		return (mpx_sim_has(r, MPAM_EXT_HW_CSU) ? MPAMF_MSMON_IDR_MSMON_CSU : 0) |
		       (mpx_sim_has(r, MPAM_EXT_HW_MBWU) ? MPAMF_MSMON_IDR_MSMON_MBWU : 0);
	case MPAMF_CSUMON_IDR:
		if (!mpx_sim_has(r, MPAM_EXT_HW_CSU))
			return 0;
		return FIELD_PREP(MPAMF_CSUMON_IDR_NUM_MON, r->hw.num_csu_mon);
	case MPAMF_MBWUMON_IDR:
		return mpx_sim_mbwumon_idr(r);
	}
	/* MPAMF_IMPL_IDR: HAS_IMPL_IDR is 0 */
	return 0;
}

static u64 mpx_sim_idr_read(struct mpam_ext_sim_msc *sim)
{
	struct mpx_sim_ris *r = mpx_sim_ris(sim, FIELD_GET(MPAMCFG_PART_SEL_RIS,
						   sim->part_sel));

	lockdep_assert_held(&sim->lock);

	if (r && r->garbage_id)
		return U64_MAX;
	return mpx_sim_idr(sim, r);
}

/* ----- MPAMCFG_PART_SEL and the configuration registers ----- */

/*
 * MPAMCFG_PART_SEL. Fields the MSC does not implement are RES0: RIS
 * without HAS_RIS, INTERNAL when the selected RIS has no narrowing.
 *
 * A selection that can be wrong whatever register comes next is reported
 * when PART_SEL is written (the Arm architecture compliance suite expects
 * PARTID_SEL_Range from the write alone): an unimplemented RIS
 * (Undefined_RIS_PART_SEL), PARTID_SEL above PARTID_MAX (PARTID_SEL_Range)
 * or, with INTERNAL set, above INTPARTID_MAX (intPARTID_Range). Accesses
 * through a selection reported this way are RAZ/WI and not reported again,
 * so one mistake leaves one error (OVRWR clear). What depends on the
 * register accessed is reported at the access: see mpx_sim_cfg_access().
 */
static void mpx_sim_part_sel_write(struct mpam_ext_sim_msc *sim, u32 val)
{
	u32 mask = MPAMCFG_PART_SEL_PARTID_SEL;
	struct mpx_sim_ris *r;
	u16 partid;
	u8 ris;

	lockdep_assert_held(&sim->lock);

	if (sim->has_ris)
		mask |= MPAMCFG_PART_SEL_RIS;
	ris = FIELD_GET(MPAMCFG_PART_SEL_RIS, val & mask);
	r = mpx_sim_ris(sim, ris);
	if (r && mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW))
		mask |= MPAMCFG_PART_SEL_INTERNAL;

	sim->part_sel = val & mask;
	sim->part_sel_bad = true;
	partid = FIELD_GET(MPAMCFG_PART_SEL_PARTID_SEL, sim->part_sel);

	if (!r) {
		mpx_sim_error(sim, MPAM_EXT_ERR_UNDEF_RIS_PART_SEL, partid, 0, ris);
		return;
	}
	if (sim->part_sel & MPAMCFG_PART_SEL_INTERNAL) {
		if (partid > r->hw.intpartid_max) {
			mpx_sim_error(sim, MPAM_EXT_ERR_INTPARTID_RANGE, partid, 0, ris);
			return;
		}
	} else if (partid > r->hw.partid_max) {
		mpx_sim_error(sim, MPAM_EXT_ERR_PARTID_SEL_RANGE, partid, 0, ris);
		return;
	}
	sim->part_sel_bad = false;
}

static bool mpx_sim_is_cfg(u32 off)
{
	switch (off) {
	case MPAMCFG_CMAX:
	case MPAMCFG_CMIN:
	case MPAMCFG_CASSOC:
	case MPAMCFG_MBW_MIN:
	case MPAMCFG_MBW_MAX:
	case MPAMCFG_MBW_WINWD:
	case MPAMCFG_PRI:
	case MPAMCFG_MBW_PROP:
	case MPAMCFG_INTPARTID:
		return true;
	}
	return (off >= MPAMCFG_CPBM && off < MPX_CPBM_END) ||
	       (off >= MPAMCFG_MBW_PBM && off < MPX_MBW_PBM_END);
}

/*
 * The storage of configuration register @off of PARTID @idx, and the bits
 * of it that are implemented; NULL when the RIS does not implement the
 * register (RAZ/WI).
 */
static u32 *mpx_sim_cfg_locate(struct mpx_sim_ris *r, u16 idx, u32 off, u32 *mask)
{
	struct mpx_sim_cfg *c = &r->cfg[idx];
	unsigned int n;

	switch (off) {
	case MPAMCFG_CMAX:
		if (!mpx_sim_has(r, MPAM_EXT_HW_CMAX))
			return NULL;
		*mask = mpx_sim_frac_mask(r->hw.cmax_wd);
		if (mpx_sim_has(r, MPAM_EXT_HW_CMAX_SOFTLIM))
			*mask |= MPAMCFG_CMAX_SOFTLIM;
		return &c->cmax;
	case MPAMCFG_CMIN:
		if (!mpx_sim_has(r, MPAM_EXT_HW_CMIN))
			return NULL;
		*mask = mpx_sim_frac_mask(r->hw.cmax_wd);
		return &c->cmin;
	case MPAMCFG_CASSOC:
		if (!mpx_sim_has(r, MPAM_EXT_HW_CASSOC))
			return NULL;
		*mask = mpx_sim_frac_mask(r->hw.cassoc_wd);
		return &c->cassoc;
	case MPAMCFG_MBW_MIN:
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBW_MIN))
			return NULL;
		*mask = mpx_sim_frac_mask(r->hw.bwa_wd);
		return &c->mbw_min;
	case MPAMCFG_MBW_MAX:
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBW_MAX))
			return NULL;
		*mask = mpx_sim_frac_mask(r->hw.bwa_wd) | MPAMCFG_MBW_MAX_HARDLIM;
		return &c->mbw_max;
	case MPAMCFG_MBW_WINWD:
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBW_WINWD))
			return NULL;
		*mask = MPX_WINWD_MASK;
		return &c->mbw_winwd;
	case MPAMCFG_PRI:
		if (!mpx_sim_has_pri(r))
			return NULL;
		*mask = 0;
		if (mpx_sim_has(r, MPAM_EXT_HW_INTPRI))
			*mask |= FIELD_PREP(MPAMCFG_PRI_INTPRI,
					    mpx_sim_low_mask(r->hw.intpri_wd));
		if (mpx_sim_has(r, MPAM_EXT_HW_DSPRI))
			*mask |= FIELD_PREP(MPAMCFG_PRI_DSPRI,
					    mpx_sim_low_mask(r->hw.dspri_wd));
		return &c->pri;
	case MPAMCFG_MBW_PROP:
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBW_PROP))
			return NULL;
		*mask = mpx_sim_low_mask(r->hw.bwa_wd) | MPAMCFG_MBW_PROP_EN;
		return &c->mbw_prop;
	}

	if (off >= MPAMCFG_CPBM && off < MPX_CPBM_END) {
		n = (off - MPAMCFG_CPBM) / 4;
		if (!mpx_sim_has(r, MPAM_EXT_HW_CPOR) || n >= r->cpbm_words)
			return NULL;
		*mask = mpx_sim_word_mask(r->hw.cpbm_wd, n);
		return &r->cpbm[(size_t)idx * r->cpbm_words + n];
	}
	if (off >= MPAMCFG_MBW_PBM && off < MPX_MBW_PBM_END) {
		n = (off - MPAMCFG_MBW_PBM) / 4;
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBW_PBM) || n >= r->pbm_words)
			return NULL;
		*mask = mpx_sim_word_mask(r->hw.mbw_pbm_bits, n);
		return &r->mbw_pbm[(size_t)idx * r->pbm_words + n];
	}
	return NULL;
}

/*
 * MPAMCFG_INTPARTID of reqPARTID @partid (PART_SEL.INTERNAL is clear, and
 * PARTID_SEL was range-checked against PARTID_MAX when written). Reading
 * or writing it with INTERNAL set is Unexpected_INTERNAL; writing an
 * intPARTID above INTPARTID_MAX, or without its INTERNAL bit, leaves the
 * association unchanged and is intPARTID_Range (MPAMCFG_INTPARTID in the
 * Arm system register description). The INTERNAL bit reads as last
 * written.
 */
static void mpx_sim_intpartid_access(struct mpam_ext_sim_msc *sim, struct mpx_sim_ris *r,
				     u16 partid, u32 *val, bool write)
{
	u32 *slot = &r->intpartid[partid];
	u32 v;

	if (!write) {
		*val = *slot;
		return;
	}

	v = *val & (MPAMCFG_INTPARTID_INTPARTID | MPAMCFG_INTPARTID_INTERNAL);
	if (!(v & MPAMCFG_INTPARTID_INTERNAL) ||
	    FIELD_GET(MPAMCFG_INTPARTID_INTPARTID, v) > r->hw.intpartid_max) {
		mpx_sim_error(sim, MPAM_EXT_ERR_INTPARTID_RANGE,
			      FIELD_GET(MPAMCFG_INTPARTID_INTPARTID, v), 0, r->idx);
		*slot = (*slot & ~MPAMCFG_INTPARTID_INTERNAL) |
			(v & MPAMCFG_INTPARTID_INTERNAL);
		return;
	}
	*slot = v;
}

/*
 * A read or write of configuration register @off through MPAMCFG_PART_SEL.
 * The checks made here depend on the register: a RIS with no control at
 * all is RIS_No_Control; with PARTID narrowing, MPAMCFG_INTPARTID needs
 * INTERNAL clear (else Unexpected_INTERNAL) and every other register needs
 * it set (else intPARTID_Range), as MPAMCFG_PART_SEL.INTERNAL is described
 * by Arm. A register the RIS does not implement is RAZ/WI without error.
 */
static void mpx_sim_cfg_access(struct mpam_ext_sim_msc *sim, u32 off, u32 *val,
			       bool write)
{
	u32 sel = sim->part_sel;
	u16 partid = FIELD_GET(MPAMCFG_PART_SEL_PARTID_SEL, sel);
	u8 ris = FIELD_GET(MPAMCFG_PART_SEL_RIS, sel);
	bool internal = sel & MPAMCFG_PART_SEL_INTERNAL;
	struct mpx_sim_ris *r = mpx_sim_ris(sim, ris);
	u32 *reg, mask;

	lockdep_assert_held(&sim->lock);

	if (!write)
		*val = 0;
	/* No RIS has a control: the configuration registers do not exist */
	if (!sim->any_ctrl || sim->part_sel_bad || !r)
		return;
	if (!mpx_sim_has_ctrl(r)) {
		mpx_sim_error(sim, MPAM_EXT_ERR_RIS_NO_CONTROL, partid, 0, ris);
		return;
	}

	if (mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW)) {
		if (off == MPAMCFG_INTPARTID) {
			if (internal)
				mpx_sim_error(sim, MPAM_EXT_ERR_UNEXPECTED_INTERNAL,
					      partid, 0, ris);
			else
				mpx_sim_intpartid_access(sim, r, partid, val, write);
			return;
		}
		if (!internal) {
			mpx_sim_error(sim, MPAM_EXT_ERR_INTPARTID_RANGE, partid, 0, ris);
			return;
		}
	}

	/* A bandwidth window that is not writable reads as its fixed value */
	if (off == MPAMCFG_MBW_WINWD && mpx_sim_has_mbw(r) &&
	    !mpx_sim_has(r, MPAM_EXT_HW_MBW_WINWD)) {
		if (!write)
			*val = MPX_WINWD_FIXED;
		return;
	}

	reg = mpx_sim_cfg_locate(r, partid, off, &mask);
	if (!reg)
		return;
	if (write)
		*reg = *val & mask;
	else
		*val = *reg;
}

/* ----- MSMON_CFG_MON_SEL and the monitors ----- */

/*
 * MSMON_CFG_MON_SEL, absent (RAZ/WI) when no RIS has a monitor. As for
 * PART_SEL, a selection wrong for every monitor register is reported when
 * written: an unimplemented RIS (Undefined_RIS_MON_SEL), a RIS without
 * monitors (RIS_No_Monitor), MON_SEL beyond the monitors of every type
 * (Monitor_Range); it is RAZ/WI afterwards without a further error.
 * MON_SEL within the monitors of one type but beyond the other's is
 * reported when a register of the other type is accessed (Arm's
 * MSMON_CFG_MON_SEL description allows exactly that).
 */
static void mpx_sim_mon_sel_write(struct mpam_ext_sim_msc *sim, u32 val)
{
	u32 mask = MSMON_CFG_MON_SEL_MON_SEL;
	unsigned int nr = 0;
	struct mpx_sim_ris *r;
	u16 mon;
	u8 ris;

	lockdep_assert_held(&sim->lock);

	if (!sim->any_mon)
		return;
	if (sim->has_ris)
		mask |= MSMON_CFG_MON_SEL_RIS;
	sim->mon_sel = val & mask;
	sim->mon_sel_bad = true;
	mon = FIELD_GET(MSMON_CFG_MON_SEL_MON_SEL, sim->mon_sel);
	ris = FIELD_GET(MSMON_CFG_MON_SEL_RIS, sim->mon_sel);
	r = mpx_sim_ris(sim, ris);

	if (!r) {
		mpx_sim_error(sim, MPAM_EXT_ERR_UNDEF_RIS_MON_SEL, mon, 0, ris);
		return;
	}
	if (!mpx_sim_has_mon(r)) {
		mpx_sim_error(sim, MPAM_EXT_ERR_RIS_NO_MONITOR, mon, 0, ris);
		return;
	}
	if (mpx_sim_has(r, MPAM_EXT_HW_CSU))
		nr = r->hw.num_csu_mon;
	if (mpx_sim_has(r, MPAM_EXT_HW_MBWU))
		nr = max_t(unsigned int, nr, r->hw.num_mbwu_mon);
	if (mon >= nr) {
		mpx_sim_error(sim, MPAM_EXT_ERR_MONITOR_RANGE, mon, 0, ris);
		return;
	}
	sim->mon_sel_bad = false;
}

/*
 * The monitor a register of kind @kind reaches through MON_SEL; NULL when
 * the access is RAZ/WI (selection already reported, or the register does
 * not exist on the selected RIS).
 */
static struct mpx_sim_mon *mpx_sim_mon_get(struct mpam_ext_sim_msc *sim,
					   enum mpx_sim_mon_kind kind, struct mpx_sim_ris **rp)
{
	u16 mon = FIELD_GET(MSMON_CFG_MON_SEL_MON_SEL, sim->mon_sel);
	u8 ris = FIELD_GET(MSMON_CFG_MON_SEL_RIS, sim->mon_sel);
	struct mpx_sim_ris *r = mpx_sim_ris(sim, ris);
	unsigned int nr;

	lockdep_assert_held(&sim->lock);

	if (!sim->any_mon || sim->mon_sel_bad || !r)
		return NULL;

	if (kind == MPX_MON_CSU) {
		if (!mpx_sim_has(r, MPAM_EXT_HW_CSU))
			return NULL;
		nr = r->hw.num_csu_mon;
	} else {
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBWU))
			return NULL;
		if (kind == MPX_MON_MBWU_L && r->mbwu_width == MPX_SHORT_WIDTH)
			return NULL;
		nr = r->hw.num_mbwu_mon;
	}
	if (mon >= nr) {
		mpx_sim_error(sim, MPAM_EXT_ERR_MONITOR_RANGE, mon, 0, ris);
		return NULL;
	}
	*rp = r;
	return kind == MPX_MON_CSU ? &r->csu[mon] : &r->mbwu[mon];
}

/* A monitor was (re)configured: NRDY for half the MSC's NRDY time */
static void mpx_sim_mon_touch(const struct mpam_ext_sim_msc *sim, struct mpx_sim_mon *m)
{
	if (!sim->sw_nrdy)
		m->ready_at = ktime_add_us(ktime_get(), sim->nrdy_us / 2);
}

/*
 * A write of a monitor's value register: with software-managed NRDY the
 * NRDY bit written is what NRDY reads from then on.
 */
static void mpx_sim_mon_value_written(const struct mpam_ext_sim_msc *sim,
				      struct mpx_sim_mon *m, bool nrdy)
{
	if (sim->sw_nrdy)
		m->nrdy_bit = nrdy;
	mpx_sim_mon_touch(sim, m);
}

static bool mpx_sim_mon_nrdy(const struct mpx_sim_ris *r, const struct mpx_sim_mon *m)
{
	if (r->sw_nrdy)
		return r->nrdy_stuck || m->nrdy_bit;
	return r->nrdy_stuck || ktime_before(ktime_get(), m->ready_at);
}

static bool mpx_sim_mon_match(const struct mpx_sim_mon *m, u16 partid, u8 pmg)
{
	if ((m->ctl & MSMON_CFG_CTL_MATCH_PARTID) &&
	    FIELD_GET(MSMON_CFG_FLT_PARTID, m->flt) != partid)
		return false;
	if ((m->ctl & MSMON_CFG_CTL_MATCH_PMG) &&
	    FIELD_GET(MSMON_CFG_FLT_PMG, m->flt) != pmg)
		return false;
	return true;
}

/*
 * Occupancy a CSU monitor sees: the sum over the (PARTID, PMG) pairs its
 * filter matches, saturated to the 31-bit VALUE (occupancy is a level, not
 * a count: it does not wrap).
 */
static u64 mpx_sim_csu_value(const struct mpx_sim_ris *r, const struct mpx_sim_mon *m)
{
	unsigned int pmin = 0, pmax = r->hw.partid_max;
	unsigned int gmin = 0, gmax = r->hw.pmg_max;
	unsigned int p, g;
	u64 sum = 0, v;

	if (m->ctl & MSMON_CFG_CTL_MATCH_PARTID) {
		pmin = FIELD_GET(MSMON_CFG_FLT_PARTID, m->flt);
		pmax = pmin;
	}
	if (m->ctl & MSMON_CFG_CTL_MATCH_PMG) {
		gmin = FIELD_GET(MSMON_CFG_FLT_PMG, m->flt);
		gmax = gmin;
	}

	for (p = pmin; p <= pmax; p++) {
		for (g = gmin; g <= gmax; g++) {
			v = r->occupancy[mpx_sim_pair(r, p, g)];
			if (check_add_overflow(sum, v, &sum))
				return MSMON_VALUE;
		}
	}
	return min_t(u64, sum, MSMON_VALUE);
}

static u32 mpx_sim_csu_read(const struct mpx_sim_ris *r, const struct mpx_sim_mon *m)
{
	u64 v = (m->ctl & MSMON_CFG_CTL_EN) ? mpx_sim_csu_value(r, m) : m->count;

	if (r->csu_wr)
		v = min_t(u64, v + m->csu_offset, MSMON_VALUE);

	return (u32)v | (mpx_sim_mon_nrdy(r, m) ? MSMON_NRDY : 0);
}

/*
 * Bytes counted by an enabled MBWU monitor. The counter is mbwu_width bits;
 * MSMON_MBWU shows its low 31 bits (MBWUMON_IDR.SCALE is 0). OFLOW_STATUS
 * is set when the 31-bit view wraps, OFLOW_STATUS_L when the long counter
 * does (a long wrap is also a wrap of the 31-bit view). With OFLOW_FRZ,
 * counting stops while an overflow status is set.
 */
static void mpx_sim_mbwu_add(const struct mpx_sim_ris *r, struct mpx_sim_mon *m, u64 bytes)
{
	u64 mask = mpx_sim_width_mask(r->mbwu_width);
	u64 low = m->count & MSMON_VALUE;

	if ((m->ctl & MSMON_CFG_CTL_OFLOW_FRZ) &&
	    (m->ctl & (MSMON_CFG_CTL_OFLOW_STATUS | MSMON_CFG_CTL_OFLOW_STATUS_L)))
		return;

	if (bytes > MSMON_VALUE - low)
		m->ctl |= MSMON_CFG_CTL_OFLOW_STATUS;
	if (r->mbwu_width > MPX_SHORT_WIDTH && bytes > mask - m->count)
		m->ctl |= MSMON_CFG_CTL_OFLOW_STATUS_L;
	m->count = (m->count + bytes) & mask;
}

/*
 * MSMON_CFG_x_FLT. A PARTID or PMG beyond the RIS's is MSMONCFG_ID_RANGE
 * and the write is not performed. RWBW is stored when the RIS has it and
 * does not filter: the traffic model does not tell reads from writes.
 */
static void mpx_sim_flt_write(struct mpam_ext_sim_msc *sim, struct mpx_sim_ris *r,
			      struct mpx_sim_mon *m, bool mbwu, u32 val)
{
	u32 mask = MSMON_CFG_FLT_PARTID | MSMON_CFG_FLT_PMG;
	u16 partid;
	u8 pmg;

	lockdep_assert_held(&sim->lock);

	if (mbwu && mpx_sim_has(r, MPAM_EXT_HW_MBWU_RWBW))
		mask |= MSMON_CFG_MBWU_FLT_RWBW;
	val &= mask;
	partid = FIELD_GET(MSMON_CFG_FLT_PARTID, val);
	pmg = FIELD_GET(MSMON_CFG_FLT_PMG, val);
	if (partid > r->hw.partid_max || pmg > r->hw.pmg_max) {
		mpx_sim_error(sim, MPAM_EXT_ERR_MSMONCFG_ID_RANGE, partid, pmg, r->idx);
		return;
	}
	m->flt = val;
	mpx_sim_mon_touch(sim, m);
}

static u32 mpx_sim_ctl_read(const struct mpx_sim_mon *m, bool mbwu)
{
	return m->ctl | FIELD_PREP(MSMON_CFG_CTL_TYPE, mbwu ?
				   MSMON_CFG_CTL_TYPE_MBWU : MSMON_CFG_CTL_TYPE_CSU);
}

/*
 * MSMON_CFG_x_CTL. TYPE is read-only. No capture event is implemented
 * (HAS_CAPTURE is 0), so CAPT_EVNT and CAPT_RESET are RES0; OFLOW_INTR is
 * stored but no overflow interrupt is modelled.
 */
static void mpx_sim_ctl_write(struct mpam_ext_sim_msc *sim, struct mpx_sim_ris *r,
			      struct mpx_sim_mon *m, bool mbwu, u32 val)
{
	u32 mask = MSMON_CFG_CTL_MATCH_PARTID | MSMON_CFG_CTL_MATCH_PMG |
		   MSMON_CFG_CTL_OFLOW_FRZ | MSMON_CFG_CTL_OFLOW_INTR |
		   MSMON_CFG_CTL_OFLOW_STATUS | MSMON_CFG_CTL_EN;
	bool was_en = m->ctl & MSMON_CFG_CTL_EN;
	bool en = val & MSMON_CFG_CTL_EN;

	lockdep_assert_held(&sim->lock);

	if (mbwu) {
		mask |= MSMON_CFG_CTL_SCLEN;
		if (r->mbwu_width > MPX_SHORT_WIDTH)
			mask |= MSMON_CFG_CTL_OFLOW_STATUS_L;
	}

	/* A CSU monitor being disabled keeps what it last saw */
	if (!mbwu && was_en && !en)
		m->count = mpx_sim_csu_value(r, m);

	m->ctl = val & mask;

	if (mbwu && en && !was_en)
		list_add_tail(&m->active, &r->active_mbwu);
	else if (mbwu && !en && was_en)
		list_del_init(&m->active);

	mpx_sim_mon_touch(sim, m);
}

/* ----- register dispatch ----- */

static bool mpx_sim_is_reg64(const struct mpam_ext_sim_msc *sim, u32 off)
{
	switch (off) {
	case MPAMF_IDR:
		return !sim->idr32;
	case MSMON_MBWU_L:
	case MSMON_MBWU_L_CAPTURE:
		return true;
	case MPAMF_ESR:
		return sim->extd_esr;
	}
	return false;
}

static u64 mpx_sim_read64_reg(struct mpam_ext_sim_msc *sim, u32 off)
{
	struct mpx_sim_ris *r;
	struct mpx_sim_mon *m;
	u64 v;

	lockdep_assert_held(&sim->lock);

	switch (off) {
	case MPAMF_IDR:
		return mpx_sim_idr_read(sim);
	case MPAMF_ESR:
		return sim->esr;
	case MSMON_MBWU_L:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU_L, &r);
		if (!m)
			return 0;
		v = m->count & mpx_sim_width_mask(r->mbwu_width);
		return v | (mpx_sim_mon_nrdy(r, m) ? MSMON_L_NRDY : 0);
	}
	/* MSMON_MBWU_L_CAPTURE: no capture implemented */
	return 0;
}

/* Write the bits @mask of a 64-bit register (all, or one 32-bit half) */
static void mpx_sim_write64_reg(struct mpam_ext_sim_msc *sim, u32 off, u64 val,
				u64 mask)
{
	struct mpx_sim_ris *r;
	struct mpx_sim_mon *m;

	lockdep_assert_held(&sim->lock);

	switch (off) {
	case MPAMF_ESR:
		mpx_sim_esr_write(sim, (sim->esr & ~mask) | (val & mask));
		return;
	case MSMON_MBWU_L:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU_L, &r);
		if (!m)
			return;
		m->count = ((m->count & ~mask) | (val & mask)) &
			   mpx_sim_width_mask(r->mbwu_width);
		if (mask & MSMON_L_NRDY)
			mpx_sim_mon_value_written(sim, m, val & MSMON_L_NRDY);
		else
			mpx_sim_mon_touch(sim, m);
		return;
	}
	/* MPAMF_IDR is read-only; MSMON_MBWU_L_CAPTURE is not implemented */
}

static u32 mpx_sim_read32_reg(struct mpam_ext_sim_msc *sim, u32 off)
{
	struct mpx_sim_ris *r;
	struct mpx_sim_mon *m;
	u32 val;

	lockdep_assert_held(&sim->lock);

	if (mpx_sim_is_id32(off))
		return mpx_sim_id_read32(sim, off);

	switch (off) {
	case MPAMF_IDR:
		/* Only with a 32-bit IDR; a 64-bit one is a mpx_sim_is_reg64() */
		return lower_32_bits(mpx_sim_idr_read(sim));
	case MPAMF_ECR:
		return sim->ecr;
	case MPAMF_ESR:
		return lower_32_bits(sim->esr);
	case MPAMCFG_PART_SEL:
		return sim->part_sel;
	case MSMON_CFG_MON_SEL:
		return sim->mon_sel;
	case MSMON_CFG_CSU_FLT:
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		return m ? m->flt : 0;
	case MSMON_CFG_CSU_CTL:
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		return m ? mpx_sim_ctl_read(m, false) : 0;
	case MSMON_CFG_MBWU_FLT:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		return m ? m->flt : 0;
	case MSMON_CFG_MBWU_CTL:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		return m ? mpx_sim_ctl_read(m, true) : 0;
	case MSMON_CSU:
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		return m ? mpx_sim_csu_read(r, m) : 0;
	case MSMON_MBWU:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		if (!m)
			return 0;
		return (u32)(m->count & MSMON_VALUE) |
		       (mpx_sim_mon_nrdy(r, m) ? MSMON_NRDY : 0);
	}

	if (mpx_sim_is_cfg(off)) {
		mpx_sim_cfg_access(sim, off, &val, false);
		return val;
	}
	return 0;
}

static void mpx_sim_write32_reg(struct mpam_ext_sim_msc *sim, u32 off, u32 val)
{
	struct mpx_sim_ris *r;
	struct mpx_sim_mon *m;

	lockdep_assert_held(&sim->lock);

	switch (off) {
	case MPAMF_ECR:
		if (!sim->has_esr)
			return;
		sim->ecr = val & MPAMF_ECR_INTEN;
		if (!sim->ecr)
			sim->persist_irqs = 0;
		mpx_sim_irq_check(sim);
		return;
	case MPAMF_ESR:
		/* 32-bit ESR (the 64-bit one goes through mpx_sim_write64_reg()) */
		mpx_sim_esr_write(sim, val);
		return;
	case MPAMCFG_PART_SEL:
		mpx_sim_part_sel_write(sim, val);
		return;
	case MSMON_CFG_MON_SEL:
		mpx_sim_mon_sel_write(sim, val);
		return;
	case MSMON_CFG_CSU_FLT:
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		if (m)
			mpx_sim_flt_write(sim, r, m, false, val);
		return;
	case MSMON_CFG_CSU_CTL:
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		if (m)
			mpx_sim_ctl_write(sim, r, m, false, val);
		return;
	case MSMON_CFG_MBWU_FLT:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		if (m)
			mpx_sim_flt_write(sim, r, m, true, val);
		return;
	case MSMON_CFG_MBWU_CTL:
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		if (m)
			mpx_sim_ctl_write(sim, r, m, true, val);
		return;
	case MSMON_CSU:
		/*
		 * Occupancy is not settable: a write restarts NRDY and, with
		 * writable CSU values, sets what is added to the occupancy.
		 */
		m = mpx_sim_mon_get(sim, MPX_MON_CSU, &r);
		if (!m)
			return;
		if (r->csu_wr)
			m->csu_offset = val & MSMON_VALUE;
		mpx_sim_mon_value_written(sim, m, val & MSMON_NRDY);
		return;
	case MSMON_MBWU:
		/* Sets the whole counter, long or not */
		m = mpx_sim_mon_get(sim, MPX_MON_MBWU, &r);
		if (!m)
			return;
		m->count = val & MSMON_VALUE;
		mpx_sim_mon_value_written(sim, m, val & MSMON_NRDY);
		return;
	}

	if (mpx_sim_is_cfg(off))
		mpx_sim_cfg_access(sim, off, &val, true);
}

/**
 * struct mpx_sim_bad - a refused access, reported once the lock is dropped.
 * @what:	why it was refused; NULL for an access the MSC takes
 * @off:	its offset
 * @len:	its width in bytes
 * @cpu:	the CPU it came from
 * @lenient:	the MSC was told the test makes it on purpose
 */
struct mpx_sim_bad {
	const char *what;
	u32 off;
	unsigned int len, cpu;
	bool lenient;
};

/*
 * Is an access of @len bytes at @off one the MSC takes? An unaligned one, one
 * beyond the frame, one from a CPU outside the MSC's affinity and a 64-bit
 * one to an MSC that takes only 32-bit accesses are not: each is counted
 * and described in @bad, and the access reads zero and writes nothing.
 */
static bool mpx_sim_in_frame(struct mpam_ext_sim_msc *sim, u32 off,
			     unsigned int len, struct mpx_sim_bad *bad)
{
	unsigned int cpu = raw_smp_processor_id();

	lockdep_assert_held(&sim->lock);

	*bad = (struct mpx_sim_bad){ .off = off, .len = len, .cpu = cpu,
				     .lenient = sim->lenient };
	if (sim->off) {
		sim->stats.bad_power++;
		bad->what = "while powered down:";
	} else if (sim->private && !cpumask_test_cpu(cpu, &sim->affinity)) {
		sim->stats.bad_cpu++;
		bad->what = "from a CPU outside its affinity:";
	} else if (off & (len - 1)) {
		sim->stats.bad_align++;
		bad->what = "unaligned";
	} else if ((u64)off + len > sim->size) {
		sim->stats.bad_frame++;
		bad->what = "out-of-frame";
	} else if (len == 8 && sim->access32) {
		sim->stats.bad_width++;
		bad->what = "64-bit (the MSC takes only 32-bit accesses)";
	} else {
		return true;
	}
	return false;
}

/*
 * A refused access fails the KUnit test running, unless the test said it
 * makes such accesses on purpose. Reporting allocates, so it happens after
 * the MSC's lock is dropped, and only where sleeping is allowed; an access
 * refused in atomic context is still counted (debugfs sim_stats).
 */
static void mpx_sim_report(struct mpam_ext_sim_msc *sim,
			   const struct mpx_sim_bad *bad)
{
	if (!bad->what || bad->lenient || !preemptible())
		return;
	kunit_fail_current_test("MSC %u: %s %u-bit access at 0x%x from CPU %u",
				sim->id, bad->what, bad->len * 8, bad->off,
				bad->cpu);
}

void mpam_ext_sim_set_lenient(struct mpam_ext_sim_msc *sim, bool lenient)
{
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	sim->lenient = lenient;
	spin_unlock_irqrestore(&sim->lock, flags);
}

/* A 32-bit access to a 32-bit register or to one half of a 64-bit one */
static u32 mpx_sim_read32(struct mpam_ext_sim_msc *sim, u32 off)
{
	u32 base = off & ~7U;
	u64 v;

	if (mpx_sim_is_reg64(sim, base)) {
		v = mpx_sim_read64_reg(sim, base);
		return (off & 4) ? upper_32_bits(v) : lower_32_bits(v);
	}
	return mpx_sim_read32_reg(sim, off);
}

static void mpx_sim_write32(struct mpam_ext_sim_msc *sim, u32 off, u32 val)
{
	u32 base = off & ~7U;
	unsigned int shift = (off & 4) * 8;

	if (mpx_sim_is_reg64(sim, base))
		mpx_sim_write64_reg(sim, base, (u64)val << shift, (u64)U32_MAX << shift);
	else
		mpx_sim_write32_reg(sim, off, val);
}

u32 mpam_ext_sim_read32(struct mpam_ext_sim_msc *sim, u32 off)
{
	struct mpx_sim_bad bad;
	unsigned long flags;
	u32 val = 0;

	spin_lock_irqsave(&sim->lock, flags);
	if (mpx_sim_in_frame(sim, off, 4, &bad))
		val = mpx_sim_read32(sim, off);
	spin_unlock_irqrestore(&sim->lock, flags);
	mpx_sim_report(sim, &bad);
	return val;
}

/*
 * A 64-bit access to a 64-bit register is one access; to any other offset
 * it reads or writes the two 32-bit registers at @off and @off + 4, under
 * one hold of the lock.
 */
u64 mpam_ext_sim_read64(struct mpam_ext_sim_msc *sim, u32 off)
{
	struct mpx_sim_bad bad;
	unsigned long flags;
	u64 val = 0;

	spin_lock_irqsave(&sim->lock, flags);
	if (mpx_sim_in_frame(sim, off, 8, &bad)) {
		if (mpx_sim_is_reg64(sim, off))
			val = mpx_sim_read64_reg(sim, off);
		else
			val = mpx_sim_read32(sim, off) |
			      (u64)mpx_sim_read32(sim, off + 4) << 32;
	}
	spin_unlock_irqrestore(&sim->lock, flags);
	mpx_sim_report(sim, &bad);
	return val;
}

void mpam_ext_sim_write32(struct mpam_ext_sim_msc *sim, u32 off, u32 val)
{
	struct mpx_sim_bad bad;
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	if (mpx_sim_in_frame(sim, off, 4, &bad))
		mpx_sim_write32(sim, off, val);
	spin_unlock_irqrestore(&sim->lock, flags);
	mpx_sim_report(sim, &bad);
}

void mpam_ext_sim_write64(struct mpam_ext_sim_msc *sim, u32 off, u64 val)
{
	struct mpx_sim_bad bad;
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	if (mpx_sim_in_frame(sim, off, 8, &bad)) {
		if (mpx_sim_is_reg64(sim, off)) {
			mpx_sim_write64_reg(sim, off, val, U64_MAX);
		} else {
			mpx_sim_write32(sim, off, lower_32_bits(val));
			mpx_sim_write32(sim, off + 4, upper_32_bits(val));
		}
	}
	spin_unlock_irqrestore(&sim->lock, flags);
	mpx_sim_report(sim, &bad);
}

void mpam_ext_sim_set_err_handler(struct mpam_ext_sim_msc *sim,
				  void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	sim->err_fn = fn;
	sim->err_arg = arg;
	/* Connecting to a line that is already asserted takes the interrupt */
	if (fn)
		mpx_sim_irq_check(sim);
	spin_unlock_irqrestore(&sim->lock, flags);
}

void mpam_ext_sim_irq_sync(struct mpam_ext_sim_msc *sim)
{
	irq_work_sync(&sim->irq_work);
	flush_work(&sim->irq_bounce);
}

/* ----- traffic ----- */

/*
 * Requests the RIS cannot attribute: a PARTID beyond PARTID_MAX is
 * Req_PARTID_Range, a PMG beyond PMG_MAX Req_PMG_Range; they are dropped.
 */
static bool mpx_sim_request_ok(struct mpam_ext_sim_msc *sim, struct mpx_sim_ris *r,
			       u16 partid, u8 pmg)
{
	lockdep_assert_held(&sim->lock);

	if (partid > r->hw.partid_max) {
		mpx_sim_error(sim, MPAM_EXT_ERR_REQ_PARTID_RANGE, partid, pmg, r->idx);
		return false;
	}
	if (pmg > r->hw.pmg_max) {
		mpx_sim_error(sim, MPAM_EXT_ERR_REQ_PMG_RANGE, partid, pmg, r->idx);
		return false;
	}
	return true;
}

void mpam_ext_sim_account(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
			  u8 pmg, u64 bytes)
{
	struct mpx_sim_ris *r;
	struct mpx_sim_mon *m;
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	r = mpx_sim_ris(sim, ris);
	/* No CPU of a powered-down MSC's domain runs to make traffic */
	if (!r || sim->off || !mpx_sim_request_ok(sim, r, partid, pmg))
		goto out;

	r->bytes[mpx_sim_pair(r, partid, pmg)] += bytes;
	list_for_each_entry(m, &r->active_mbwu, active) {
		if (mpx_sim_mon_match(m, partid, pmg))
			mpx_sim_mbwu_add(r, m, bytes);
	}
out:
	spin_unlock_irqrestore(&sim->lock, flags);
}

void mpam_ext_sim_set_occupancy(struct mpam_ext_sim_msc *sim, u8 ris,
				u16 partid, u8 pmg, u64 bytes)
{
	struct mpx_sim_ris *r;
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	r = mpx_sim_ris(sim, ris);
	if (r && !sim->off && mpx_sim_request_ok(sim, r, partid, pmg))
		r->occupancy[mpx_sim_pair(r, partid, pmg)] = bytes;
	spin_unlock_irqrestore(&sim->lock, flags);
}

/*
 * The configuration slot that controls reqPARTID @partid: the PARTID
 * itself, or with narrowing the intPARTID MPAMCFG_INTPARTID maps it to
 * (writes out of range never reach the mapping, so it is in range).
 */
static unsigned int mpx_sim_cfg_slot(const struct mpx_sim_ris *r, u16 partid)
{
	if (!mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW))
		return partid;
	return min_t(u32, FIELD_GET(MPAMCFG_INTPARTID_INTPARTID,
				    r->intpartid[partid]),
		     r->hw.intpartid_max);
}

/* Set bits of a stored bitmap of @wd bits, as a fraction of MPX_FRAC_ONE */
static u32 mpx_sim_bitmap_frac(const u32 *words, unsigned int nr_words,
			       unsigned int wd)
{
	unsigned int n, set = 0;

	for (n = 0; n < nr_words; n++)
		set += hweight32(words[n] & mpx_sim_word_mask(wd, n));
	return div_u64((u64)set * MPX_FRAC_ONE, wd);
}

/*
 * A CMAX or MBW_MAX register as a fraction of MPX_FRAC_ONE: the top @wd
 * bits f stand for (f + 1) / 2^@wd, as the resctrl percentages do
 * (mpam_ext_rc_mbw_to_pct()).
 */
static u32 mpx_sim_max_frac(u32 reg, unsigned int wd)
{
	u32 f;

	wd = min(wd, MPX_FRAC_BITS);
	if (!wd)
		return MPX_FRAC_ONE;
	f = FIELD_GET(GENMASK(MPX_FRAC_BITS - 1, 0), reg) >> (MPX_FRAC_BITS - wd);
	return (f + 1) << (MPX_FRAC_BITS - wd);
}

static u32 mpx_sim_bw_fraction(struct mpam_ext_sim_msc *sim,
			       const struct mpx_sim_ris *r, u16 partid)
{
	unsigned int slot = mpx_sim_cfg_slot(r, partid);
	u32 frac = MPX_FRAC_ONE;

	lockdep_assert_held(&sim->lock);

	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_MAX))
		frac = min(frac, mpx_sim_max_frac(r->cfg[slot].mbw_max, r->hw.bwa_wd));
	if (mpx_sim_has(r, MPAM_EXT_HW_MBW_PBM))
		frac = min(frac, mpx_sim_bitmap_frac(&r->mbw_pbm[(size_t)slot * r->pbm_words],
						     r->pbm_words, r->hw.mbw_pbm_bits));
	return frac;
}

static u32 mpx_sim_portion(struct mpam_ext_sim_msc *sim, const struct mpx_sim_ris *r,
			   u16 partid)
{
	unsigned int slot = mpx_sim_cfg_slot(r, partid);
	u32 frac = MPX_FRAC_ONE;

	lockdep_assert_held(&sim->lock);

	if (mpx_sim_has(r, MPAM_EXT_HW_CPOR))
		frac = min(frac, mpx_sim_bitmap_frac(&r->cpbm[(size_t)slot * r->cpbm_words],
						     r->cpbm_words, r->hw.cpbm_wd));
	if (mpx_sim_has(r, MPAM_EXT_HW_CMAX))
		frac = min(frac, mpx_sim_max_frac(r->cfg[slot].cmax, r->hw.cmax_wd));
	return frac;
}

/* One PARTID's fraction as @fn reads it, under the lock; 1 out of range */
static u32 mpx_sim_query_frac(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
			      u32 (*fn)(struct mpam_ext_sim_msc *sim,
					const struct mpx_sim_ris *r, u16 partid))
{
	u32 frac = MPX_FRAC_ONE;
	struct mpx_sim_ris *r;
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	r = mpx_sim_ris(sim, ris);
	if (r && partid <= r->hw.partid_max)
		frac = fn(sim, r, partid);
	spin_unlock_irqrestore(&sim->lock, flags);
	return frac;
}

u32 mpam_ext_sim_bw_fraction(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid)
{
	return mpx_sim_query_frac(sim, ris, partid, mpx_sim_bw_fraction);
}

u32 mpam_ext_sim_portion(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid)
{
	return mpx_sim_query_frac(sim, ris, partid, mpx_sim_portion);
}

u64 mpam_ext_sim_fill(struct mpam_ext_sim_msc *sim, u8 ris, u16 partid,
		      u8 pmg, u64 bytes, u64 size)
{
	struct mpx_sim_ris *r;
	unsigned long flags;
	u64 *occ, cap, v = 0;

	spin_lock_irqsave(&sim->lock, flags);
	r = mpx_sim_ris(sim, ris);
	/* No CPU of a powered-down MSC's domain runs to make traffic */
	if (!r || sim->off || !mpx_sim_request_ok(sim, r, partid, pmg))
		goto out;
	cap = mul_u64_u32_shr(size, mpx_sim_portion(sim, r, partid), MPX_FRAC_BITS);
	occ = &r->occupancy[mpx_sim_pair(r, partid, pmg)];
	if (check_add_overflow(*occ, bytes, &v))
		v = U64_MAX;
	*occ = min(v, cap);
	v = *occ;
out:
	spin_unlock_irqrestore(&sim->lock, flags);
	return v;
}

/* ----- fault injection ----- */

static int mpx_sim_inject(struct mpam_ext_sim_msc *sim, enum mpam_ext_sim_fault fault,
			  u8 ris, u64 arg)
{
	struct mpx_sim_ris *r = mpx_sim_ris(sim, ris);
	struct mpx_sim_mon *m;

	lockdep_assert_held(&sim->lock);

	if (!r)
		return -EINVAL;

	switch (fault) {
	case MPAM_EXT_SIM_NRDY_STUCK:
		r->nrdy_stuck = true;
		return 0;
	case MPAM_EXT_SIM_ERROR_IRQ:
		if (!sim->has_esr || arg < MPAM_EXT_ERR_PARTID_SEL_RANGE ||
		    arg > MPAM_EXT_ERR_RIS_NO_MONITOR)
			return -EINVAL;
		mpx_sim_error(sim, arg, 0, 0, r->idx);
		return 0;
	case MPAM_EXT_SIM_ERROR_PERSIST:
		if (!sim->has_esr || arg < MPAM_EXT_ERR_PARTID_SEL_RANGE ||
		    arg > MPAM_EXT_ERR_RIS_NO_MONITOR)
			return -EINVAL;
		sim->persist_code = arg;
		sim->persist_ris = r->idx;
		sim->persist_irqs = 0;
		sim->stats.storm = false;
		mpx_sim_error(sim, arg, 0, 0, r->idx);
		return 0;
	case MPAM_EXT_SIM_COUNTER_NEAR_WRAP:
		if (!mpx_sim_has(r, MPAM_EXT_HW_MBWU) || arg >= r->hw.num_mbwu_mon)
			return -EINVAL;
		m = &r->mbwu[arg];
		m->count = BIT_ULL(r->mbwu_width) - MPX_NEAR_WRAP;
		return 0;
	case MPAM_EXT_SIM_GARBAGE_ID:
		r->garbage_id = true;
		return 0;
	case MPAM_EXT_SIM_CLEAR:
		r->nrdy_stuck = false;
		r->garbage_id = false;
		if (sim->persist_code && sim->persist_ris == r->idx)
			sim->persist_code = 0;
		return 0;
	}
	return -EINVAL;
}

int mpam_ext_sim_inject(struct mpam_ext_sim_msc *sim, enum mpam_ext_sim_fault fault,
			u8 ris, u64 arg)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&sim->lock, flags);
	ret = mpx_sim_inject(sim, fault, ris, arg);
	spin_unlock_irqrestore(&sim->lock, flags);
	return ret;
}

/*
 * Grammar of the injection text (and of the debugfs files):
 *
 *	text	= ris [ blanks arg ] [ blanks ] [ "\n" ]
 *	ris	= number		hardware RIS index, 0..15
 *	arg	= number		error code (inject_error and
 *					inject_error_persist, 1..11) or
 *					MBWU monitor index (inject_counter_wrap);
 *					required by those two, refused by others
 *	number	= decimal | "0x" hex
 */
int mpam_ext_sim_inject_parse(struct mpam_ext_sim_msc *sim,
			      enum mpam_ext_sim_fault fault, const char *text)
{
	char buf[MPX_INJECT_TEXT_MAX], *p = buf, *tok;
	unsigned int nr = 0, want;
	u64 num[2] = { 0, 0 };

	if (strscpy(buf, text, sizeof(buf)) < 0)
		return -EINVAL;

	while ((tok = strsep(&p, " \t\n"))) {
		if (!*tok)
			continue;
		if (nr == ARRAY_SIZE(num) || kstrtou64(tok, 0, &num[nr]))
			return -EINVAL;
		nr++;
	}

	want = (fault == MPAM_EXT_SIM_ERROR_IRQ ||
		fault == MPAM_EXT_SIM_ERROR_PERSIST ||
		fault == MPAM_EXT_SIM_COUNTER_NEAR_WRAP) ? 2 : 1;
	if (nr != want || num[0] >= MPX_NR_RIS_IDX)
		return -EINVAL;
	return mpam_ext_sim_inject(sim, fault, num[0], num[1]);
}

static ssize_t mpx_sim_dbg_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	struct mpx_sim_dbg_file *f = file->private_data;
	char buf[MPX_INJECT_TEXT_MAX];
	int ret;

	if (!len || len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';

	ret = mpam_ext_sim_inject_parse(f->sim, f->fault, buf);
	return ret ? ret : len;
}

static const struct file_operations mpx_sim_dbg_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = mpx_sim_dbg_write,
};

void mpam_ext_sim_get_stats(struct mpam_ext_sim_msc *sim,
			    struct mpam_ext_sim_stats *stats)
{
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	*stats = sim->stats;
	stats->off = sim->off;
	spin_unlock_irqrestore(&sim->lock, flags);
}

static int mpx_sim_stats_show(struct seq_file *s, void *unused)
{
	struct mpam_ext_sim_msc *sim = s->private;
	struct mpam_ext_sim_stats st;
	unsigned long flags;
	u8 persist;

	mpam_ext_sim_get_stats(sim, &st);
	spin_lock_irqsave(&sim->lock, flags);
	persist = sim->persist_code;
	spin_unlock_irqrestore(&sim->lock, flags);

	seq_printf(s, "irqs %llu\n", st.irqs);
	seq_printf(s, "irq_rate_per_s %llu\n", st.irq_rate);
	seq_printf(s, "errors %llu\n", st.errors);
	seq_printf(s, "error_persist %u\n", persist);
	seq_printf(s, "storm %u\n", st.storm);
	seq_printf(s, "bad_frame %llu\n", st.bad_frame);
	seq_printf(s, "bad_align %llu\n", st.bad_align);
	seq_printf(s, "bad_width %llu\n", st.bad_width);
	seq_printf(s, "bad_cpu %llu\n", st.bad_cpu);
	seq_printf(s, "bad_power %llu\n", st.bad_power);
	seq_printf(s, "power_offs %llu\n", st.power_offs);
	seq_printf(s, "powered %u\n", !st.off);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_sim_stats);

void mpam_ext_sim_debugfs_init(struct mpam_ext_sim_msc *sim, struct dentry *dir)
{
	unsigned int i;

	if (IS_ERR_OR_NULL(dir))
		return;

	debugfs_create_file("sim_stats", 0444, dir, sim, &mpx_sim_stats_fops);

	for (i = 0; i < ARRAY_SIZE(mpx_sim_dbg_files); i++) {
		sim->dbg[i].sim = sim;
		sim->dbg[i].fault = mpx_sim_dbg_files[i].fault;
		debugfs_create_file(mpx_sim_dbg_files[i].name, 0200, dir,
				    &sim->dbg[i], &mpx_sim_dbg_fops);
	}
}

/* ----- creation ----- */

static unsigned int mpx_sim_nr_cfg(const struct mpam_ext_ris_hw *hw)
{
	if (test_bit(MPAM_EXT_HW_PARTID_NRW, &hw->features))
		return hw->intpartid_max + 1U;
	return hw->partid_max + 1U;
}

static unsigned int mpx_sim_cpbm_words(const struct mpam_ext_ris_hw *hw)
{
	if (!test_bit(MPAM_EXT_HW_CPOR, &hw->features))
		return 0;
	return DIV_ROUND_UP(hw->cpbm_wd, 32);
}

static unsigned int mpx_sim_pbm_words(const struct mpam_ext_ris_hw *hw)
{
	if (!test_bit(MPAM_EXT_HW_MBW_PBM, &hw->features))
		return 0;
	return DIV_ROUND_UP(hw->mbw_pbm_bits, 32);
}

/* Is @hw something the register map can express, and within our bounds? */
static int mpx_sim_check_hw(const struct mpam_ext_ris_hw *hw)
{
	u64 pairs = ((u64)hw->partid_max + 1) * ((u64)hw->pmg_max + 1);
	u64 words = (u64)mpx_sim_nr_cfg(hw) * (mpx_sim_cpbm_words(hw) + mpx_sim_pbm_words(hw));
	const unsigned long *f = &hw->features;

	if (test_bit(MPAM_EXT_HW_CPOR, f) &&
	    (!hw->cpbm_wd || hw->cpbm_wd > MPX_CPBM_WD_MAX))
		return -EINVAL;
	if ((test_bit(MPAM_EXT_HW_CMAX, f) || test_bit(MPAM_EXT_HW_CMIN, f)) &&
	    hw->cmax_wd > MPX_FRAC_BITS)
		return -EINVAL;
	if (test_bit(MPAM_EXT_HW_CASSOC, f) && hw->cassoc_wd > MPX_FRAC_BITS)
		return -EINVAL;
	if ((test_bit(MPAM_EXT_HW_MBW_MIN, f) || test_bit(MPAM_EXT_HW_MBW_MAX, f) ||
	     test_bit(MPAM_EXT_HW_MBW_PROP, f)) &&
	    (!hw->bwa_wd || hw->bwa_wd > MPX_FRAC_BITS))
		return -EINVAL;
	if (test_bit(MPAM_EXT_HW_MBW_PBM, f) &&
	    (!hw->mbw_pbm_bits || hw->mbw_pbm_bits > MPX_MBW_PBM_MAX))
		return -EINVAL;
	if (test_bit(MPAM_EXT_HW_INTPRI, f) && hw->intpri_wd > MPX_PRI_BITS)
		return -EINVAL;
	if (test_bit(MPAM_EXT_HW_DSPRI, f) && hw->dspri_wd > MPX_PRI_BITS)
		return -EINVAL;
	if (test_bit(MPAM_EXT_HW_MBWU, f) && hw->mbwu_width != 31 &&
	    hw->mbwu_width != 44 && hw->mbwu_width != 63)
		return -EINVAL;
	if (pairs > MPX_MAX_PAIRS || words > MPX_MAX_BITMAP_WORDS)
		return -E2BIG;
	return 0;
}

static void mpx_sim_ris_free(struct mpx_sim_ris *r)
{
	kvfree(r->cfg);
	kvfree(r->cpbm);
	kvfree(r->mbw_pbm);
	kvfree(r->intpartid);
	kvfree(r->csu);
	kvfree(r->mbwu);
	kvfree(r->bytes);
	kvfree(r->occupancy);
}

static int mpx_sim_ris_alloc(struct mpx_sim_ris *r)
{
	const struct mpam_ext_ris_hw *hw = &r->hw;

	r->cfg = kvcalloc(r->nr_cfg, sizeof(*r->cfg), GFP_KERNEL);
	r->bytes = kvcalloc(r->nr_pairs, sizeof(*r->bytes), GFP_KERNEL);
	r->occupancy = kvcalloc(r->nr_pairs, sizeof(*r->occupancy), GFP_KERNEL);
	if (!r->cfg || !r->bytes || !r->occupancy)
		return -ENOMEM;

	if (r->cpbm_words) {
		r->cpbm = kvcalloc((size_t)r->nr_cfg * r->cpbm_words,
				   sizeof(*r->cpbm), GFP_KERNEL);
		if (!r->cpbm)
			return -ENOMEM;
	}
	if (r->pbm_words) {
		r->mbw_pbm = kvcalloc((size_t)r->nr_cfg * r->pbm_words,
				      sizeof(*r->mbw_pbm), GFP_KERNEL);
		if (!r->mbw_pbm)
			return -ENOMEM;
	}
	if (mpx_sim_has(r, MPAM_EXT_HW_PARTID_NRW)) {
		r->intpartid = kvcalloc(hw->partid_max + 1U, sizeof(*r->intpartid),
					GFP_KERNEL);
		if (!r->intpartid)
			return -ENOMEM;
	}
	if (mpx_sim_has(r, MPAM_EXT_HW_CSU) && hw->num_csu_mon) {
		r->csu = kvcalloc(hw->num_csu_mon, sizeof(*r->csu), GFP_KERNEL);
		if (!r->csu)
			return -ENOMEM;
	}
	if (mpx_sim_has(r, MPAM_EXT_HW_MBWU) && hw->num_mbwu_mon) {
		r->mbwu = kvcalloc(hw->num_mbwu_mon, sizeof(*r->mbwu), GFP_KERNEL);
		if (!r->mbwu)
			return -ENOMEM;
	}
	return 0;
}

static void mpx_sim_mon_power_on(const struct mpx_sim_ris *r, struct mpx_sim_mon *m,
				 bool mbwu)
{
	m->flt = FIELD_PREP(MSMON_CFG_FLT_PARTID, r->hw.partid_max) |
		 FIELD_PREP(MSMON_CFG_FLT_PMG, r->hw.pmg_max);
	m->ctl = MSMON_CFG_CTL_OFLOW_STATUS;
	if (mbwu && r->mbwu_width > MPX_SHORT_WIDTH)
		m->ctl |= MSMON_CFG_CTL_OFLOW_STATUS_L;
	m->count = MPX_PO_COUNT;
	m->ready_at = 0;
	/* Software-managed NRDY and a writable CSU value start UNKNOWN */
	m->nrdy_bit = true;
	m->csu_offset = 0;
	if (!mbwu && r->csu_wr) {
		m->csu_offset = MPX_PO_COUNT;
		m->count = 0;
	}
	INIT_LIST_HEAD(&m->active);
}

/*
 * Pseudo-random numbers for UNKNOWN values (splitmix64): the same seed gives
 * the same sequence, so a failing run can be repeated.
 */
static u64 mpx_sim_rand(u64 *state)
{
	u64 z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/*
 * Every configuration register of every PARTID UNKNOWN: pseudo-random within
 * the bits the RIS implements.
 */
static void mpx_sim_cfg_unknown(struct mpx_sim_ris *r, u64 seed)
{
	const struct mpam_ext_ris_hw *hw = &r->hw;
	unsigned int p, n;
	u32 pri_mask;

	pri_mask = FIELD_PREP(MPAMCFG_PRI_INTPRI, mpx_sim_low_mask(hw->intpri_wd)) |
		   FIELD_PREP(MPAMCFG_PRI_DSPRI, mpx_sim_low_mask(hw->dspri_wd));
	for (p = 0; p < r->nr_cfg; p++) {
		struct mpx_sim_cfg *c = &r->cfg[p];

		c->cmax = mpx_sim_rand(&seed) & mpx_sim_frac_mask(hw->cmax_wd);
		if (mpx_sim_has(r, MPAM_EXT_HW_CMAX_SOFTLIM))
			c->cmax |= mpx_sim_rand(&seed) & MPAMCFG_CMAX_SOFTLIM;
		c->cmin = mpx_sim_rand(&seed) & mpx_sim_frac_mask(hw->cmax_wd);
		c->cassoc = mpx_sim_rand(&seed) & mpx_sim_frac_mask(hw->cassoc_wd);
		c->mbw_min = mpx_sim_rand(&seed) & mpx_sim_frac_mask(hw->bwa_wd);
		c->mbw_max = mpx_sim_rand(&seed) & (mpx_sim_frac_mask(hw->bwa_wd) |
						    MPAMCFG_MBW_MAX_HARDLIM);
		c->pri = mpx_sim_rand(&seed) & pri_mask;
		c->mbw_prop = mpx_sim_rand(&seed) & (mpx_sim_low_mask(hw->bwa_wd) |
						     MPAMCFG_MBW_PROP_EN);
		for (n = 0; n < r->cpbm_words; n++)
			r->cpbm[(size_t)p * r->cpbm_words + n] =
				mpx_sim_rand(&seed) & mpx_sim_word_mask(hw->cpbm_wd, n);
		for (n = 0; n < r->pbm_words; n++)
			r->mbw_pbm[(size_t)p * r->pbm_words + n] =
				mpx_sim_rand(&seed) & mpx_sim_word_mask(hw->mbw_pbm_bits, n);
	}
}

/* A hidden RIS: configuration UNKNOWN, every monitor enabled */
static void mpx_sim_ris_unknown(struct mpx_sim_ris *r, u64 seed)
{
	const struct mpam_ext_ris_hw *hw = &r->hw;
	unsigned int n;

	mpx_sim_cfg_unknown(r, seed);
	for (n = 0; r->csu && n < hw->num_csu_mon; n++)
		r->csu[n].ctl |= MSMON_CFG_CTL_EN;
	for (n = 0; r->mbwu && n < hw->num_mbwu_mon; n++) {
		r->mbwu[n].ctl |= MSMON_CFG_CTL_EN;
		list_add_tail(&r->mbwu[n].active, &r->active_mbwu);
	}
}

/* Power-on state: see the MPX_PO_* values */
static void mpx_sim_ris_power_on(struct mpx_sim_ris *r)
{
	const struct mpam_ext_ris_hw *hw = &r->hw;
	unsigned int p, n;
	u32 pattern;

	for (p = 0; p < r->nr_cfg; p++) {
		struct mpx_sim_cfg *c = &r->cfg[p];

		c->cmax = mpx_sim_frac_min(hw->cmax_wd);
		if (mpx_sim_has(r, MPAM_EXT_HW_CMAX_SOFTLIM))
			c->cmax |= MPAMCFG_CMAX_SOFTLIM;
		c->cmin = mpx_sim_frac_mask(hw->cmax_wd);
		c->cassoc = mpx_sim_frac_min(hw->cassoc_wd);
		c->mbw_min = mpx_sim_frac_mask(hw->bwa_wd);
		c->mbw_max = mpx_sim_frac_min(hw->bwa_wd) | MPAMCFG_MBW_MAX_HARDLIM;
		c->mbw_winwd = MPX_PO_WINWD;
		c->pri = 0;
		if (mpx_sim_has(r, MPAM_EXT_HW_INTPRI))
			c->pri |= FIELD_PREP(MPAMCFG_PRI_INTPRI,
					     MPX_PO_PRI & mpx_sim_low_mask(hw->intpri_wd));
		if (mpx_sim_has(r, MPAM_EXT_HW_DSPRI))
			c->pri |= FIELD_PREP(MPAMCFG_PRI_DSPRI,
					     MPX_PO_PRI & mpx_sim_low_mask(hw->dspri_wd));
		c->mbw_prop = MPX_PO_PROP & (mpx_sim_low_mask(hw->bwa_wd) |
					     MPAMCFG_MBW_PROP_EN);

		pattern = (p & 1) ? MPX_PO_BITMAP_ODD : MPX_PO_BITMAP_EVEN;
		for (n = 0; n < r->cpbm_words; n++)
			r->cpbm[(size_t)p * r->cpbm_words + n] =
				pattern & mpx_sim_word_mask(hw->cpbm_wd, n);
		for (n = 0; n < r->pbm_words; n++)
			r->mbw_pbm[(size_t)p * r->pbm_words + n] =
				~pattern & mpx_sim_word_mask(hw->mbw_pbm_bits, n);
	}

	/* Each reqPARTID starts mapped to some intPARTID, not its own */
	if (r->intpartid) {
		for (p = 0; p <= hw->partid_max; p++)
			r->intpartid[p] = MPAMCFG_INTPARTID_INTERNAL |
				(hw->intpartid_max - p % (hw->intpartid_max + 1U));
	}

	for (n = 0; r->csu && n < hw->num_csu_mon; n++)
		mpx_sim_mon_power_on(r, &r->csu[n], false);
	for (n = 0; r->mbwu && n < hw->num_mbwu_mon; n++) {
		mpx_sim_mon_power_on(r, &r->mbwu[n], true);
		r->mbwu[n].count &= mpx_sim_width_mask(r->mbwu_width);
	}
}

static int mpx_sim_ris_init(const struct mpam_ext_sim_msc *sim, struct mpx_sim_ris *r,
			    const struct mpam_ext_ris_desc *d)
{
	int ret;

	r->sw_nrdy = sim->sw_nrdy;
	r->csu_wr = sim->csu_wr;
	r->idx = d->idx;
	r->hw = d->hw;
	r->mbwu_width = mpx_sim_has(r, MPAM_EXT_HW_MBWU) ? d->hw.mbwu_width :
						       MPX_SHORT_WIDTH;
	r->nr_cfg = mpx_sim_nr_cfg(&r->hw);
	r->cpbm_words = mpx_sim_cpbm_words(&r->hw);
	r->pbm_words = mpx_sim_pbm_words(&r->hw);
	r->nr_pairs = (r->hw.partid_max + 1U) * (r->hw.pmg_max + 1U);
	INIT_LIST_HEAD(&r->active_mbwu);

	ret = mpx_sim_ris_alloc(r);
	if (ret)
		return ret;
	mpx_sim_ris_power_on(r);
	return 0;
}

/*
 * Power-up after a power-down: the register file in reset state. The
 * configuration of every PARTID is UNKNOWN (pseudo-random, seeded by the
 * MSC, the RIS and the number of power-ups, so a run repeats), monitors
 * are disabled with their counters cleared (a hidden RIS's come up enabled,
 * as at creation), cached occupancy is gone, ESR and ECR are 0 and
 * MON_SEL selects a monitor other than the one it selected.
 */
static void mpx_sim_power_reset(struct mpam_ext_sim_msc *sim)
{
	u64 seed = (u64)sim->id << 32 | (u64)sim->power_ups << 8;
	unsigned int i, n;

	lockdep_assert_held(&sim->lock);

	for (i = 0; i < sim->nr_ris; i++) {
		struct mpx_sim_ris *r = &sim->ris[i];

		INIT_LIST_HEAD(&r->active_mbwu);
		mpx_sim_ris_power_on(r);
		if (r->hidden)
			mpx_sim_ris_unknown(r, seed | r->idx);
		else
			mpx_sim_cfg_unknown(r, seed | r->idx);
		for (n = 0; r->mbwu && n < r->hw.num_mbwu_mon; n++)
			r->mbwu[n].count = 0;
		memset(r->occupancy, 0, r->nr_pairs * sizeof(*r->occupancy));
	}
	sim->part_sel = 0;
	sim->part_sel_bad = false;
	sim->mon_sel ^= 1;
	sim->mon_sel_bad = false;
	sim->esr = 0;
	sim->ecr = 0;
}

static void mpx_sim_power_set(struct mpam_ext_sim_msc *sim, bool on)
{
	unsigned long flags;

	spin_lock_irqsave(&sim->lock, flags);
	if (on && sim->off) {
		if (sim->cycled) {
			sim->power_ups++;
			mpx_sim_power_reset(sim);
		}
		sim->off = false;
	} else if (!on && !sim->off) {
		sim->off = true;
		sim->cycled = true;
		sim->stats.power_offs++;
		/* A powered-down MSC raises no interrupt */
		sim->ecr = 0;
	}
	spin_unlock_irqrestore(&sim->lock, flags);
}

void mpam_ext_sim_power(struct mpam_ext_sim_msc *sim, bool on)
{
	mpx_sim_power_set(sim, on);
}

/*
 * Power domains. An MSC with the power property is powered with the CPUs
 * of its affinity: it goes down once the last of them is dead and comes up
 * before the first of them boots. Both run in one multi-instance hotplug
 * state of the control CPU's (BP) range, so they come after every
 * callback the dying CPU ran itself (the driver's included) and before any
 * the booting CPU runs. The state exists while some simulated MSC has the
 * property.
 *
 * mpx_sim_hp_mutex protects mpx_sim_hp_state and mpx_sim_hp_users; it is
 * taken before the CPU hotplug lock and never inside a hotplug callback.
 */
static DEFINE_MUTEX(mpx_sim_hp_mutex);
static int mpx_sim_hp_state = -1;
static unsigned int mpx_sim_hp_users;

static int mpx_sim_hp_up(unsigned int cpu, struct hlist_node *node)
{
	struct mpam_ext_sim_msc *sim = hlist_entry_safe(node, struct mpam_ext_sim_msc,
							hp_node);

	if (cpumask_test_cpu(cpu, &sim->affinity))
		mpx_sim_power_set(sim, true);
	return 0;
}

/* @cpu is dead: no longer in cpu_online_mask */
static int mpx_sim_hp_down(unsigned int cpu, struct hlist_node *node)
{
	struct mpam_ext_sim_msc *sim = hlist_entry_safe(node, struct mpam_ext_sim_msc,
							hp_node);

	if (cpumask_test_cpu(cpu, &sim->affinity) &&
	    !cpumask_intersects(&sim->affinity, cpu_online_mask))
		mpx_sim_power_set(sim, false);
	return 0;
}

/*
 * Start powered down, then join the hotplug state: adding the instance
 * runs mpx_sim_hp_up() for each online CPU, which powers the MSC up when
 * one of them is in its affinity.
 */
static int mpx_sim_power_attach(struct mpam_ext_sim_msc *sim)
{
	int ret = 0;

	mutex_lock(&mpx_sim_hp_mutex);
	if (!mpx_sim_hp_users) {
		ret = cpuhp_setup_state_multi(CPUHP_BP_PREPARE_DYN, "mpam_ext/sim:power",
					      mpx_sim_hp_up, mpx_sim_hp_down);
		if (ret < 0)
			goto out;
		mpx_sim_hp_state = ret;
	}
	sim->off = true;
	ret = cpuhp_state_add_instance(mpx_sim_hp_state, &sim->hp_node);
	if (ret) {
		sim->off = false;
		if (!mpx_sim_hp_users)
			cpuhp_remove_multi_state(mpx_sim_hp_state);
		goto out;
	}
	mpx_sim_hp_users++;
	sim->power = true;
out:
	mutex_unlock(&mpx_sim_hp_mutex);
	return ret < 0 ? ret : 0;
}

static void mpx_sim_power_detach(struct mpam_ext_sim_msc *sim)
{
	if (!sim->power)
		return;
	mutex_lock(&mpx_sim_hp_mutex);
	cpuhp_state_remove_instance_nocalls(mpx_sim_hp_state, &sim->hp_node);
	if (!--mpx_sim_hp_users)
		cpuhp_remove_multi_state(mpx_sim_hp_state);
	mutex_unlock(&mpx_sim_hp_mutex);
	sim->power = false;
}

static int mpx_sim_check_desc(const struct mpam_ext_msc_desc *desc)
{
	unsigned long seen = 0;
	unsigned int i;
	int ret;

	if (!desc->nr_ris || desc->nr_ris > MPAM_EXT_MAX_RIS || !desc->size ||
	    desc->ris_max >= MPX_NR_RIS_IDX)
		return -EINVAL;
	/* A 32-bit IDR has no HAS_RIS and no HAS_ESR */
	if (test_bit(MPAM_EXT_MSC_IDR32, &desc->props) &&
	    (desc->nr_ris > 1 || desc->ris[0].idx || desc->ris_max ||
	     desc->ris[0].hw.features & (BIT(MPAM_EXT_HW_ESR) |
					 BIT(MPAM_EXT_HW_EXTD_ESR))))
		return -EINVAL;
	for (i = 0; i < desc->nr_ris; i++) {
		const struct mpam_ext_ris_desc *d = &desc->ris[i];

		if (d->idx >= MPX_NR_RIS_IDX || test_and_set_bit(d->idx, &seen))
			return -EINVAL;
		ret = mpx_sim_check_hw(&d->hw);
		if (ret)
			return ret;
	}
	return 0;
}

struct mpam_ext_sim_msc *mpam_ext_sim_create(const struct mpam_ext_msc_desc *desc)
{
	unsigned int i, top = 0, nr_hidden = 0;
	struct mpam_ext_sim_msc *sim;
	int ret;

	ret = mpx_sim_check_desc(desc);
	if (ret)
		return ERR_PTR(ret);

	for (i = 0; i < desc->nr_ris; i++)
		top = max_t(unsigned int, top, desc->ris[i].idx);
	if (desc->ris_max > top)
		nr_hidden = desc->ris_max - top;

	sim = kzalloc(struct_size(sim, ris, desc->nr_ris + nr_hidden), GFP_KERNEL);
	if (!sim)
		return ERR_PTR(-ENOMEM);
	sim->nr_ris = desc->nr_ris;

	spin_lock_init(&sim->lock);
	sim->irq_work = IRQ_WORK_INIT(mpx_sim_err_irq_work);
	INIT_WORK(&sim->irq_bounce, mpx_sim_irq_bounce);
	sim->id = desc->id;
	sim->private = desc->has_affinity;
	if (sim->private)
		cpumask_copy(&sim->affinity, &desc->affinity);
	sim->access32 = test_bit(MPAM_EXT_MSC_ACCESS32, &desc->props);
	sim->idr32 = test_bit(MPAM_EXT_MSC_IDR32, &desc->props);
	sim->sw_nrdy = test_bit(MPAM_EXT_MSC_SW_NRDY, &desc->props);
	sim->csu_wr = test_bit(MPAM_EXT_MSC_CSU_WR, &desc->props);
	sim->size = desc->size;
	sim->nrdy_us = desc->nrdy_us;
	sim->iidr = desc->iidr;
	sim->aidr = desc->aidr;

	for (i = 0; i < desc->nr_ris; i++) {
		struct mpx_sim_ris *r = &sim->ris[i];

		ret = mpx_sim_ris_init(sim, r, &desc->ris[i]);
		if (ret)
			goto err;
		sim->by_idx[r->idx] = r;
		sim->ris_max = max(sim->ris_max, r->idx);
		if (r->idx)
			sim->has_ris = true;
		if (mpx_sim_has(r, MPAM_EXT_HW_ESR) || mpx_sim_has(r, MPAM_EXT_HW_EXTD_ESR))
			sim->has_esr = true;
		if (mpx_sim_has(r, MPAM_EXT_HW_EXTD_ESR))
			sim->extd_esr = true;
		if (mpx_sim_has_ctrl(r))
			sim->any_ctrl = true;
		if (mpx_sim_has_mon(r))
			sim->any_mon = true;
	}
	if (desc->nr_ris > 1)
		sim->has_ris = true;

	/*
	 * Hidden RIS: the indices above the described ones up to the
	 * description's RIS_MAX, with the properties of the first described
	 * RIS and an UNKNOWN configuration seeded by the MSC id and the index.
	 */
	for (i = top + 1; i < top + 1 + nr_hidden; i++) {
		struct mpx_sim_ris *r = &sim->ris[sim->nr_ris++];
		struct mpam_ext_ris_desc d = desc->ris[0];

		d.idx = i;
		ret = mpx_sim_ris_init(sim, r, &d);
		if (ret)
			goto err;
		r->hidden = true;
		mpx_sim_ris_unknown(r, (u64)desc->id << 8 | i);
		sim->by_idx[i] = r;
		sim->has_ris = true;
		sim->ris_max = i;
	}
	if (!sim->has_ris)
		sim->ris_max = 0;
	if (sim->private && test_bit(MPAM_EXT_MSC_POWER, &desc->props)) {
		ret = mpx_sim_power_attach(sim);
		if (ret)
			goto err;
	}
	return sim;

err:
	mpam_ext_sim_destroy(sim);
	return ERR_PTR(ret);
}

void mpam_ext_sim_destroy(struct mpam_ext_sim_msc *sim)
{
	unsigned long flags;
	unsigned int i;

	if (!sim)
		return;

	mpx_sim_power_detach(sim);
	spin_lock_irqsave(&sim->lock, flags);
	sim->err_fn = NULL;
	sim->err_arg = NULL;
	sim->ecr = 0;
	spin_unlock_irqrestore(&sim->lock, flags);
	irq_work_sync(&sim->irq_work);
	cancel_work_sync(&sim->irq_bounce);

	for (i = 0; i < sim->nr_ris; i++)
		mpx_sim_ris_free(&sim->ris[i]);
	kfree(sim);
}
