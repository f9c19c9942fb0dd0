// SPDX-License-Identifier: GPL-2.0
/*
 * MSC register driver.
 *
 * Every register access goes through four accessors that reach either the
 * ioremap()ed frame of a real MSC or a simulated MSC; they count reads and
 * writes and require the MSC's lock, which also keeps the PART_SEL and
 * MON_SEL selection intact across the accesses that follow it.
 *
 * Errors are per MSC: the error interrupt moves one MSC to "errored", its
 * hardware is put back to defaults by a work item, and configuration and
 * monitor calls on it fail with -EIO until the module is reloaded. Other
 * MSCs carry on.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/acpi.h>
#include <linux/bitfield.h>
#include <linux/bitmap.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include <mpam_ext/compat.h>

#include <mpam_ext/msc/msc.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>
#include <mpam_ext/sim/sim.h>
#include <mpam_ext/msc/msc_test.h>

/* Spec limits on ID register fields (IHI 0099) */
#define MPX_CPBM_WD_MAX		32768
#define MPX_MBW_PBM_MAX		4096
#define MPX_FRAC_WD_MAX		16	/* CMAX_WD, CASSOC_WD, BWA_WD */
#define MPX_PRI_WD_MAX		16	/* INTPRI_WD, DSPRI_WD */

/*
 * NRDY: a monitor read that finds NRDY set waits the MSC's NRDY time and
 * tries again, MPX_NRDY_RETRIES times at most. The sleeping read waits at
 * most MPX_NRDY_SLEEP_MAX_US per try; the atomic read busy-waits at most
 * MPX_NRDY_ATOMIC_MAX_US per try.
 */
#define MPX_NRDY_RETRIES	4
#define MPX_NRDY_SLEEP_MAX_US	100000
#define MPX_NRDY_ATOMIC_MAX_US	50

/* High-low-high reads of MSMON_MBWU_L before giving up on a moving counter */
#define MPX_MBWU_L_TRIES	4

/* Configuration registers with one value per PARTID: slots of the shadow */
enum mpx_msc_sreg {
	MPX_S_CMAX,
	MPX_S_CMIN,
	MPX_S_CASSOC,
	MPX_S_MBW_MIN,
	MPX_S_MBW_MAX,
	MPX_S_MBW_PROP,
	MPX_S_PRI,
	MPX_S_INTPARTID,	/* indexed by reqPARTID */
	MPX_S_NR		/* CPBM words, then MBW_PBM words, follow */
};

static const struct {
	u32 off;
	const char *name;
} mpx_msc_sregs[MPX_S_NR] = {
	[MPX_S_CMAX]		= { MPAMCFG_CMAX, "MPAMCFG_CMAX" },
	[MPX_S_CMIN]		= { MPAMCFG_CMIN, "MPAMCFG_CMIN" },
	[MPX_S_CASSOC]		= { MPAMCFG_CASSOC, "MPAMCFG_CASSOC" },
	[MPX_S_MBW_MIN]		= { MPAMCFG_MBW_MIN, "MPAMCFG_MBW_MIN" },
	[MPX_S_MBW_MAX]		= { MPAMCFG_MBW_MAX, "MPAMCFG_MBW_MAX" },
	[MPX_S_MBW_PROP]	= { MPAMCFG_MBW_PROP, "MPAMCFG_MBW_PROP" },
	[MPX_S_PRI]		= { MPAMCFG_PRI, "MPAMCFG_PRI" },
	[MPX_S_INTPARTID]	= { MPAMCFG_INTPARTID, "MPAMCFG_INTPARTID" },
};

static const char * const mpx_msc_errcode_names[] = {
	[MPAM_EXT_ERR_NONE]			= "none",
	[MPAM_EXT_ERR_PARTID_SEL_RANGE]		= "PARTID_SEL out of range",
	[MPAM_EXT_ERR_REQ_PARTID_RANGE]		= "request PARTID out of range",
	[MPAM_EXT_ERR_MSMONCFG_ID_RANGE]	= "MSMON config id out of range",
	[MPAM_EXT_ERR_REQ_PMG_RANGE]		= "request PMG out of range",
	[MPAM_EXT_ERR_MONITOR_RANGE]		= "monitor out of range",
	[MPAM_EXT_ERR_INTPARTID_RANGE]		= "intPARTID out of range",
	[MPAM_EXT_ERR_UNEXPECTED_INTERNAL]	= "unexpected INTERNAL",
	[MPAM_EXT_ERR_UNDEF_RIS_PART_SEL]	= "undefined RIS in PART_SEL",
	[MPAM_EXT_ERR_RIS_NO_CONTROL]		= "RIS has no control",
	[MPAM_EXT_ERR_UNDEF_RIS_MON_SEL]	= "undefined RIS in MON_SEL",
	[MPAM_EXT_ERR_RIS_NO_MONITOR]		= "RIS has no monitor",
};

/*
 * The MSCs set up by mpam_ext_msc_setup_all(). mpx_msc_list_mutex protects
 * the list, the counts and the debugfs directory; it is taken only in
 * setup and teardown (where the list changes), before the hotplug state
 * mutexes, the CPU hotplug lock and any MSC's lock. The counts are
 * written under it and read without it (READ_ONCE()): the resctrl front
 * reads them holding the CPU hotplug lock, which setup takes inside this
 * mutex.
 */
static DEFINE_MUTEX(mpx_msc_list_mutex);
static LIST_HEAD(mpx_msc_mscs);
static u32 mpx_msc_partids;
static u32 mpx_msc_pmgs;
static struct dentry *mpx_msc_dbg_dir;

/*
 * Reachability. An MSC with an affinity in its description answers only
 * accesses from those CPUs. Every entry point that touches registers runs
 * its accesses through mpx_msc_reach(): on the calling CPU when it can reach
 * the MSC, else in a work on a CPU that can (process context then). A
 * parked MSC (every CPU of the affinity offline) is reached from nowhere:
 * the function runs where it is called and its accesses do nothing.
 *
 * @hp_sem, held for reading throughout, keeps the hotplug callbacks of the
 * MSC out: the CPU picked stays online, with its workqueue bound, until the
 * work is done (the callbacks run before the workqueue's own), and @parked
 * cannot change. The CPU hotplug lock is not taken: callers such as the
 * resctrl front's writes hold it already.
 */
static bool mpx_msc_here(const struct mpam_ext_msc *msc)
{
	return !msc->desc.has_affinity ||
	       cpumask_test_cpu(raw_smp_processor_id(), &msc->desc.affinity);
}

static long mpx_msc_reach(struct mpam_ext_msc *msc, long (*fn)(void *), void *arg)
{
	unsigned int cpu;
	long ret;

	if (!msc->desc.has_affinity)
		return fn(arg);
	might_sleep();
	down_read(&msc->hp_sem);
	if (READ_ONCE(msc->parked)) {
		ret = fn(arg);
		goto out;
	}
	migrate_disable();
	if (mpx_msc_here(msc)) {
		ret = fn(arg);
		migrate_enable();
		goto out;
	}
	migrate_enable();

	/* A CPU on its way down is still usable until its callback ran */
	cpu = cpumask_any_and(&msc->desc.affinity, cpu_active_mask);
	if (cpu >= nr_cpu_ids)
		cpu = cpumask_any_and(&msc->desc.affinity, cpu_online_mask);
	ret = cpu < nr_cpu_ids ? work_on_cpu(cpu, fn, arg) : -ENXIO;
out:
	up_read(&msc->hp_sem);
	return ret;
}

/* Accessors: the only code that touches registers */

/* A parked MSC is powered down: its accessors read 0 and write nothing */
static u32 mpx_msc_read32(struct mpam_ext_msc *msc, u32 off)
{
	lockdep_assert_held(&msc->lock);
	if (msc->parked)
		return 0;
	atomic64_inc(&msc->reads);
	if (msc->sim)
		return mpam_ext_sim_read32(msc->sim, off);
	return readl_relaxed(msc->base + off);
}

static void mpx_msc_write32(struct mpam_ext_msc *msc, u32 off, u32 val)
{
	lockdep_assert_held(&msc->lock);
	if (msc->parked)
		return;
	atomic64_inc(&msc->writes);
	if (msc->sim)
		mpam_ext_sim_write32(msc->sim, off, val);
	else
		writel_relaxed(val, msc->base + off);
}

/*
 * The 64-bit registers (MPAMF_IDR with EXT, MPAMF_ESR with EXTD_ESR,
 * MSMON_MBWU_L) are accessed as two 32-bit halves, low first: every MSC
 * takes 32-bit accesses, some take no 64-bit ones. A half-read may see a
 * register change between the halves; the callers that care (the long
 * MBWU counter) read high, low, high.
 */
static void mpx_msc_write64(struct mpam_ext_msc *msc, u32 off, u64 val)
{
	mpx_msc_write32(msc, off, lower_32_bits(val));
	mpx_msc_write32(msc, off + 4, upper_32_bits(val));
}

/* Register helpers built on the accessors */

static u64 mpx_msc_read_idr(struct mpam_ext_msc *msc)
{
	u32 lo = mpx_msc_read32(msc, MPAMF_IDR);

	if (lo & MPAMF_IDR_EXT)
		return lo | (u64)mpx_msc_read32(msc, MPAMF_IDR + 4) << 32;
	return lo;
}

static u64 mpx_msc_read_esr(struct mpam_ext_msc *msc)
{
	u32 lo = mpx_msc_read32(msc, MPAMF_ESR);

	if (msc->extd_esr)
		return lo | (u64)mpx_msc_read32(msc, MPAMF_ESR + 4) << 32;
	return lo;
}

/* The RIS half first: clearing ERRCODE is what lets a new error in */
static void mpx_msc_clear_esr(struct mpam_ext_msc *msc)
{
	if (msc->extd_esr)
		mpx_msc_write32(msc, MPAMF_ESR + 4, 0);
	mpx_msc_write32(msc, MPAMF_ESR, 0);
}

static void mpx_msc_part_sel(struct mpam_ext_ris *ris, u16 partid, bool internal)
{
	struct mpam_ext_msc *msc = ris->msc;
	u32 val = FIELD_PREP(MPAMCFG_PART_SEL_PARTID_SEL, partid);

	if (msc->has_ris)
		val |= FIELD_PREP(MPAMCFG_PART_SEL_RIS, ris->idx);
	if (internal)
		val |= MPAMCFG_PART_SEL_INTERNAL;
	mpx_msc_write32(msc, MPAMCFG_PART_SEL, val);
}

/*
 * Select a monitor. MON_SEL keeps its value until written, and only the
 * driver writes it (under msc->lock), so selecting the monitor already
 * selected writes nothing: a read of a monitor that is read again and
 * again costs its value registers only.
 */
static void mpx_msc_mon_sel(struct mpam_ext_ris *ris, u16 mon)
{
	struct mpam_ext_msc *msc = ris->msc;
	u32 val = FIELD_PREP(MSMON_CFG_MON_SEL_MON_SEL, mon);

	lockdep_assert_held(&msc->lock);
	if (msc->has_ris)
		val |= FIELD_PREP(MSMON_CFG_MON_SEL_RIS, ris->idx);
	if (msc->mon_sel_valid && msc->mon_sel == val)
		return;
	mpx_msc_write32(msc, MSMON_CFG_MON_SEL, val);
	msc->mon_sel = val;
	msc->mon_sel_valid = true;
}

/**
 * mpam_ext_msc_forget_selection() - MON_SEL may hold anything now.
 * @msc:	the MSC
 *
 * For whatever changes the MSC's registers behind the driver (a reset of
 * the MSC, a test writing the simulated registers): the next monitor
 * access writes MON_SEL again. Takes @msc->lock; any context.
 */
void mpam_ext_msc_forget_selection(struct mpam_ext_msc *msc)
{
	unsigned long flags;

	spin_lock_irqsave(&msc->lock, flags);
	msc->mon_sel_valid = false;
	spin_unlock_irqrestore(&msc->lock, flags);
}

/* Value helpers */

/* The bits of a 16-bit fraction that a width of @wd implements */
static u32 mpx_msc_frac_mask(unsigned int wd)
{
	return wd ? GENMASK(15, 16 - wd) : 0;
}

/* Largest integer of @wd bits */
static u32 mpx_msc_int_max(unsigned int wd)
{
	return wd ? GENMASK(wd - 1, 0) : 0;
}

/* Word @w of a portion bitmap of @wd bits with every portion set */
static u32 mpx_msc_pbm_full_word(unsigned int wd, unsigned int w)
{
	unsigned int left = wd - w * 32;

	return left >= 32 ? U32_MAX : GENMASK(left - 1, 0);
}

static u32 mpx_msc_bitmap_word(const unsigned long *map, unsigned int w)
{
	unsigned int bit = w * 32;

	return (u32)(map[BIT_WORD(bit)] >> (bit % BITS_PER_LONG));
}

static void mpx_msc_bitmap_set_word(unsigned long *map, unsigned int w, u32 val)
{
	unsigned int bit = w * 32;
	unsigned long *word = &map[BIT_WORD(bit)];

	*word &= ~((unsigned long)U32_MAX << (bit % BITS_PER_LONG));
	*word |= (unsigned long)val << (bit % BITS_PER_LONG);
}

static bool mpx_msc_has(const struct mpam_ext_ris *ris, enum mpam_ext_hw_feature f)
{
	return test_bit(f, &ris->hw.features);
}

/**
 * mpam_ext_errcode_name() - name of an MPAMF_ESR.ERRCODE value.
 * @code:	the error code
 *
 * Return: a constant string; "reserved" for codes the specification does
 * not define.
 */
const char *mpam_ext_errcode_name(unsigned int code)
{
	if (code < ARRAY_SIZE(mpx_msc_errcode_names))
		return mpx_msc_errcode_names[code];
	return "reserved";
}

/**
 * mpx_msc_state_name() - name of an MSC state, as debugfs prints it.
 * @state:	the state
 *
 * Return: "new", "ok", "errored" or "refused".
 */
static const char *mpx_msc_state_name(enum mpam_ext_msc_state state)
{
	switch (state) {
	case MPAM_EXT_MSC_NEW:
		return "new";
	case MPAM_EXT_MSC_OK:
		return "ok";
	case MPAM_EXT_MSC_ERRORED:
		return "errored";
	case MPAM_EXT_MSC_REFUSED:
		return "refused";
	}
	return "unknown";
}

/* Probing */

/*
 * MSC-wide ID registers, read with the first described RIS selected (the
 * RIS field is RES0 without HAS_RIS, where that RIS must be 0 anyway).
 */
static int mpx_msc_probe_msc_regs(struct mpam_ext_msc *msc)
{
	unsigned int major;
	u64 idr;

	lockdep_assert_held(&msc->lock);

	mpx_msc_write32(msc, MPAMCFG_PART_SEL,
			FIELD_PREP(MPAMCFG_PART_SEL_RIS, msc->desc.ris[0].idx));
	msc->aidr = mpx_msc_read32(msc, MPAMF_AIDR);
	major = FIELD_GET(MPAMF_AIDR_ARCH_MAJOR, msc->aidr);
	if (major != 1) {
		snprintf(msc->why, sizeof(msc->why),
			 "MPAM architecture v%u.%u (AIDR 0x%x), only v1.x is supported",
			 major, (unsigned int)FIELD_GET(MPAMF_AIDR_ARCH_MINOR, msc->aidr),
			 msc->aidr);
		return -ENODEV;
	}
	msc->iidr = mpx_msc_read32(msc, MPAMF_IIDR);

	idr = mpx_msc_read_idr(msc);
	msc->ext = idr & MPAMF_IDR_EXT;
	if (msc->ext) {
		msc->has_ris = !!(idr & MPAMF_IDR_HAS_RIS);
		msc->has_esr = !!(idr & MPAMF_IDR_HAS_ESR);
		msc->extd_esr = msc->has_esr && (idr & MPAMF_IDR_HAS_EXTD_ESR);
	}
	msc->ris_max = msc->has_ris ? FIELD_GET(MPAMF_IDR_RIS_MAX, idr) : 0;
	return 0;
}

/* Every ID register of one RIS that its IDR says exists. */
static int mpx_msc_probe_ris_regs(struct mpam_ext_ris *ris, char *why, size_t len)
{
	struct mpam_ext_msc *msc = ris->msc;
	struct mpam_ext_ris_idregs *id = &ris->id;
	bool ext;

	lockdep_assert_held(&msc->lock);

	memset(id, 0, sizeof(*id));
	if (ris->idx > msc->ris_max) {
		snprintf(why, len, "RIS index beyond RIS_MAX %u%s", msc->ris_max,
			 msc->has_ris ? "" : " (no HAS_RIS)");
		return -EINVAL;
	}

	mpx_msc_part_sel(ris, 0, false);
	id->idr = mpx_msc_read_idr(msc);

	/* Fields that describe the whole MSC must read as they did at first */
	ext = id->idr & MPAMF_IDR_EXT;
	if (ext != msc->ext ||
	    (ext && (!!(id->idr & MPAMF_IDR_HAS_RIS) != msc->has_ris ||
		     !!(id->idr & MPAMF_IDR_HAS_ESR) != msc->has_esr ||
		     (msc->has_esr &&
		      !!(id->idr & MPAMF_IDR_HAS_EXTD_ESR) != msc->extd_esr) ||
		     (msc->has_ris &&
		      FIELD_GET(MPAMF_IDR_RIS_MAX, id->idr) != msc->ris_max)))) {
		snprintf(why, len, "IDR 0x%llx disagrees with the MSC-wide fields read first",
			 id->idr);
		return -EINVAL;
	}

	if (id->idr & MPAMF_IDR_HAS_IMPL_IDR)
		id->impl_idr = mpx_msc_read32(msc, MPAMF_IMPL_IDR);
	if (id->idr & MPAMF_IDR_HAS_CPOR_PART)
		id->cpor = mpx_msc_read32(msc, MPAMF_CPOR_IDR);
	if (id->idr & MPAMF_IDR_HAS_CCAP_PART)
		id->ccap = mpx_msc_read32(msc, MPAMF_CCAP_IDR);
	if (id->idr & MPAMF_IDR_HAS_MBW_PART)
		id->mbw = mpx_msc_read32(msc, MPAMF_MBW_IDR);
	if (id->idr & MPAMF_IDR_HAS_PRI_PART)
		id->pri = mpx_msc_read32(msc, MPAMF_PRI_IDR);
	if (id->idr & MPAMF_IDR_HAS_PARTID_NRW)
		id->partid_nrw = mpx_msc_read32(msc, MPAMF_PARTID_NRW_IDR);
	if (id->idr & MPAMF_IDR_HAS_MSMON) {
		id->msmon = mpx_msc_read32(msc, MPAMF_MSMON_IDR);
		if (id->msmon & MPAMF_MSMON_IDR_MSMON_CSU)
			id->csumon = mpx_msc_read32(msc, MPAMF_CSUMON_IDR);
		if (id->msmon & MPAMF_MSMON_IDR_MSMON_MBWU)
			id->mbwumon = mpx_msc_read32(msc, MPAMF_MBWUMON_IDR);
	}
	return 0;
}

/* A width field that must be 1..@max when its feature is present */
static bool mpx_msc_bad_width(unsigned int wd, unsigned int max, const char *name,
			      char *why, size_t len)
{
	if (wd >= 1 && wd <= max)
		return false;
	snprintf(why, len, "%s %u outside 1..%u", name, wd, max);
	return true;
}

/* Turn the raw ID registers into struct mpam_ext_ris_hw, refusing garbage. */
static int mpx_msc_decode_ris(struct mpam_ext_ris *ris, char *why, size_t len)
{
	const struct mpam_ext_ris_idregs *id = &ris->id;
	struct mpam_ext_ris_hw *hw = &ris->hw;
	unsigned long *f = &hw->features;
	unsigned int wd;

	memset(hw, 0, sizeof(*hw));
	hw->partid_max = FIELD_GET(MPAMF_IDR_PARTID_MAX, id->idr);
	hw->pmg_max = FIELD_GET(MPAMF_IDR_PMG_MAX, id->idr);

	if (id->idr & MPAMF_IDR_HAS_CPOR_PART) {
		wd = FIELD_GET(MPAMF_CPOR_IDR_CPBM_WD, id->cpor);
		if (mpx_msc_bad_width(wd, MPX_CPBM_WD_MAX, "CPBM_WD", why, len))
			return -EINVAL;
		hw->cpbm_wd = wd;
		__set_bit(MPAM_EXT_HW_CPOR, f);
	}

	if (id->idr & MPAMF_IDR_HAS_CCAP_PART) {
		bool cmax = !(id->ccap & MPAMF_CCAP_IDR_NO_CMAX);
		bool cmin = id->ccap & MPAMF_CCAP_IDR_HAS_CMIN;

		if (cmax || cmin) {
			wd = FIELD_GET(MPAMF_CCAP_IDR_CMAX_WD, id->ccap);
			if (mpx_msc_bad_width(wd, MPX_FRAC_WD_MAX, "CMAX_WD", why, len))
				return -EINVAL;
			hw->cmax_wd = wd;
		}
		if (cmax) {
			__set_bit(MPAM_EXT_HW_CMAX, f);
			if (id->ccap & MPAMF_CCAP_IDR_HAS_CMAX_SOFTLIM)
				__set_bit(MPAM_EXT_HW_CMAX_SOFTLIM, f);
		}
		if (cmin)
			__set_bit(MPAM_EXT_HW_CMIN, f);
		if (id->ccap & MPAMF_CCAP_IDR_HAS_CASSOC) {
			wd = FIELD_GET(MPAMF_CCAP_IDR_CASSOC_WD, id->ccap);
			if (mpx_msc_bad_width(wd, MPX_FRAC_WD_MAX, "CASSOC_WD", why, len))
				return -EINVAL;
			hw->cassoc_wd = wd;
			__set_bit(MPAM_EXT_HW_CASSOC, f);
		}
	}

	if (id->idr & MPAMF_IDR_HAS_MBW_PART) {
		if (id->mbw & (MPAMF_MBW_IDR_HAS_MIN | MPAMF_MBW_IDR_HAS_MAX |
			       MPAMF_MBW_IDR_HAS_PROP)) {
			wd = FIELD_GET(MPAMF_MBW_IDR_BWA_WD, id->mbw);
			if (mpx_msc_bad_width(wd, MPX_FRAC_WD_MAX, "BWA_WD", why, len))
				return -EINVAL;
			hw->bwa_wd = wd;
		}
		if (id->mbw & MPAMF_MBW_IDR_HAS_MIN)
			__set_bit(MPAM_EXT_HW_MBW_MIN, f);
		if (id->mbw & MPAMF_MBW_IDR_HAS_MAX)
			__set_bit(MPAM_EXT_HW_MBW_MAX, f);
		if (id->mbw & MPAMF_MBW_IDR_HAS_PROP)
			__set_bit(MPAM_EXT_HW_MBW_PROP, f);
		if (id->mbw & MPAMF_MBW_IDR_WINDWR)
			__set_bit(MPAM_EXT_HW_MBW_WINWD, f);
		if (id->mbw & MPAMF_MBW_IDR_HAS_PBM) {
			wd = FIELD_GET(MPAMF_MBW_IDR_BWPBM_WD, id->mbw);
			if (mpx_msc_bad_width(wd, MPX_MBW_PBM_MAX, "BWPBM_WD", why, len))
				return -EINVAL;
			hw->mbw_pbm_bits = wd;
			__set_bit(MPAM_EXT_HW_MBW_PBM, f);
		}
	}

	if (id->idr & MPAMF_IDR_HAS_PRI_PART) {
		if (id->pri & MPAMF_PRI_IDR_HAS_INTPRI) {
			wd = FIELD_GET(MPAMF_PRI_IDR_INTPRI_WD, id->pri);
			if (mpx_msc_bad_width(wd, MPX_PRI_WD_MAX, "INTPRI_WD", why, len))
				return -EINVAL;
			hw->intpri_wd = wd;
			__set_bit(MPAM_EXT_HW_INTPRI, f);
			if (id->pri & MPAMF_PRI_IDR_INTPRI_0_IS_LOW)
				__set_bit(MPAM_EXT_HW_INTPRI_0_IS_LOW, f);
		}
		if (id->pri & MPAMF_PRI_IDR_HAS_DSPRI) {
			wd = FIELD_GET(MPAMF_PRI_IDR_DSPRI_WD, id->pri);
			if (mpx_msc_bad_width(wd, MPX_PRI_WD_MAX, "DSPRI_WD", why, len))
				return -EINVAL;
			hw->dspri_wd = wd;
			__set_bit(MPAM_EXT_HW_DSPRI, f);
			if (id->pri & MPAMF_PRI_IDR_DSPRI_0_IS_LOW)
				__set_bit(MPAM_EXT_HW_DSPRI_0_IS_LOW, f);
		}
	}

	if (id->idr & MPAMF_IDR_HAS_PARTID_NRW) {
		wd = FIELD_GET(MPAMF_PARTID_NRW_IDR_INTPARTID_MAX, id->partid_nrw);
		if (wd > hw->partid_max) {
			snprintf(why, len, "INTPARTID_MAX %u above PARTID_MAX %u",
				 wd, hw->partid_max);
			return -EINVAL;
		}
		hw->intpartid_max = wd;
		__set_bit(MPAM_EXT_HW_PARTID_NRW, f);
	}

	if (id->idr & MPAMF_IDR_HAS_MSMON) {
		wd = FIELD_GET(MPAMF_CSUMON_IDR_NUM_MON, id->csumon);
		if ((id->msmon & MPAMF_MSMON_IDR_MSMON_CSU) && wd) {
			hw->num_csu_mon = wd;
			__set_bit(MPAM_EXT_HW_CSU, f);
		}
		wd = FIELD_GET(MPAMF_MBWUMON_IDR_NUM_MON, id->mbwumon);
		if ((id->msmon & MPAMF_MSMON_IDR_MSMON_MBWU) && wd) {
			hw->num_mbwu_mon = wd;
			__set_bit(MPAM_EXT_HW_MBWU, f);
			if (!(id->mbwumon & MPAMF_MBWUMON_IDR_HAS_LONG))
				hw->mbwu_width = 31;
			else if (id->mbwumon & MPAMF_MBWUMON_IDR_LWD)
				hw->mbwu_width = 63;
			else
				hw->mbwu_width = 44;
			if (id->mbwumon & MPAMF_MBWUMON_IDR_RWBW)
				__set_bit(MPAM_EXT_HW_MBWU_RWBW, f);
		}
	}

	if ((id->idr & MPAMF_IDR_EXT) && (id->idr & MPAMF_IDR_HAS_ESR)) {
		__set_bit(MPAM_EXT_HW_ESR, f);
		if (id->idr & MPAMF_IDR_HAS_EXTD_ESR)
			__set_bit(MPAM_EXT_HW_EXTD_ESR, f);
	}
	return 0;
}

static void mpx_msc_ris_free(struct mpam_ext_ris *ris)
{
	int t;

	kvfree(ris->shadow);
	ris->shadow = NULL;
	for (t = 0; t < MPAM_EXT_MON_NR_TYPES; t++) {
		bitmap_free(ris->mon_used[t]);
		ris->mon_used[t] = NULL;
		kvfree(ris->mon[t]);
		ris->mon[t] = NULL;
		ris->nr_mon[t] = 0;
	}
}

/* Register counts, driver limits and per-RIS memory, after decoding. */
static int mpx_msc_ris_setup(struct mpam_ext_ris *ris)
{
	struct mpam_ext_ris_hw *hw = &ris->hw;
	u32 msc_id = ris->msc->desc.id;
	int t;

	ris->cpbm_regs = (ris->id.idr & MPAMF_IDR_HAS_CPOR_PART) ?
			 DIV_ROUND_UP(hw->cpbm_wd, 32) : 0;
	ris->mbw_pbm_regs = mpx_msc_has(ris, MPAM_EXT_HW_MBW_PBM) ?
			    DIV_ROUND_UP(hw->mbw_pbm_bits, 32) : 0;

	if (mpx_msc_has(ris, MPAM_EXT_HW_CPOR) && hw->cpbm_wd > MPAM_EXT_PBM_MAX_BITS) {
		pr_warn("MSC %u RIS %u: CPBM_WD %u beyond the %u bits supported: cache portions left at reset\n",
			msc_id, ris->idx, hw->cpbm_wd, MPAM_EXT_PBM_MAX_BITS);
		__clear_bit(MPAM_EXT_HW_CPOR, &hw->features);
	}
	if (mpx_msc_has(ris, MPAM_EXT_HW_MBW_PBM) &&
	    hw->mbw_pbm_bits > MPAM_EXT_PBM_MAX_BITS) {
		pr_warn("MSC %u RIS %u: BWPBM_WD %u beyond the %u bits supported: bandwidth portions left at reset\n",
			msc_id, ris->idx, hw->mbw_pbm_bits, MPAM_EXT_PBM_MAX_BITS);
		__clear_bit(MPAM_EXT_HW_MBW_PBM, &hw->features);
	}
	ris->cpbm_words = mpx_msc_has(ris, MPAM_EXT_HW_CPOR) ? ris->cpbm_regs : 0;
	ris->mbw_pbm_words = mpx_msc_has(ris, MPAM_EXT_HW_MBW_PBM) ?
			     ris->mbw_pbm_regs : 0;

	ris->shadow_stride = MPX_S_NR + ris->cpbm_words + ris->mbw_pbm_words;
	ris->shadow = kvcalloc((size_t)(hw->partid_max + 1) * ris->shadow_stride,
			       sizeof(u32), GFP_KERNEL);
	if (!ris->shadow)
		return -ENOMEM;

	ris->nr_mon[MPAM_EXT_MON_CSU] = hw->num_csu_mon;
	ris->nr_mon[MPAM_EXT_MON_MBWU] = hw->num_mbwu_mon;
	for (t = 0; t < MPAM_EXT_MON_NR_TYPES; t++) {
		if (!ris->nr_mon[t])
			continue;
		ris->mon_used[t] = bitmap_zalloc(ris->nr_mon[t], GFP_KERNEL);
		ris->mon[t] = kvcalloc(ris->nr_mon[t], sizeof(*ris->mon[t]),
				       GFP_KERNEL);
		if (!ris->mon_used[t] || !ris->mon[t])
			return -ENOMEM;
	}
	return 0;
}

/* Reset values and the shadow */

static u32 *mpx_msc_shadow(struct mpam_ext_ris *ris, u16 partid)
{
	return ris->shadow + (size_t)partid * ris->shadow_stride;
}

static bool mpx_msc_sreg_present(const struct mpam_ext_ris *ris, enum mpx_msc_sreg r)
{
	switch (r) {
	case MPX_S_CMAX:
		return mpx_msc_has(ris, MPAM_EXT_HW_CMAX);
	case MPX_S_CMIN:
		return mpx_msc_has(ris, MPAM_EXT_HW_CMIN);
	case MPX_S_CASSOC:
		return mpx_msc_has(ris, MPAM_EXT_HW_CASSOC);
	case MPX_S_MBW_MIN:
		return mpx_msc_has(ris, MPAM_EXT_HW_MBW_MIN);
	case MPX_S_MBW_MAX:
		return mpx_msc_has(ris, MPAM_EXT_HW_MBW_MAX);
	case MPX_S_MBW_PROP:
		return mpx_msc_has(ris, MPAM_EXT_HW_MBW_PROP);
	case MPX_S_PRI:
		return mpx_msc_has(ris, MPAM_EXT_HW_INTPRI) ||
		       mpx_msc_has(ris, MPAM_EXT_HW_DSPRI);
	case MPX_S_INTPARTID:
		return mpx_msc_has(ris, MPAM_EXT_HW_PARTID_NRW);
	case MPX_S_NR:
		break;
	}
	return false;
}

/* Lowest priority: 0 when "0 is low", else the largest value */
static u32 mpx_msc_lowest_pri(const struct mpam_ext_ris *ris, bool dspri)
{
	if (dspri)
		return mpx_msc_has(ris, MPAM_EXT_HW_DSPRI_0_IS_LOW) ? 0 :
		       mpx_msc_int_max(ris->hw.dspri_wd);
	return mpx_msc_has(ris, MPAM_EXT_HW_INTPRI_0_IS_LOW) ? 0 :
	       mpx_msc_int_max(ris->hw.intpri_wd);
}

/* Reset value of a fixed configuration register (not INTPARTID) */
static u32 mpx_msc_sreg_default(const struct mpam_ext_ris *ris, enum mpx_msc_sreg r)
{
	switch (r) {
	case MPX_S_CMAX:
		return mpx_msc_frac_mask(ris->hw.cmax_wd);
	case MPX_S_CASSOC:
		return mpx_msc_frac_mask(ris->hw.cassoc_wd);
	case MPX_S_MBW_MAX:
		return mpx_msc_frac_mask(ris->hw.bwa_wd);
	case MPX_S_PRI:
		return FIELD_PREP(MPAMCFG_PRI_INTPRI, mpx_msc_lowest_pri(ris, false)) |
		       FIELD_PREP(MPAMCFG_PRI_DSPRI, mpx_msc_lowest_pri(ris, true));
	case MPX_S_CMIN:
	case MPX_S_MBW_MIN:
	case MPX_S_MBW_PROP:
	case MPX_S_INTPARTID:
	case MPX_S_NR:
		break;
	}
	return 0;
}

static bool mpx_msc_nrw(const struct mpam_ext_ris *ris)
{
	return mpx_msc_has(ris, MPAM_EXT_HW_PARTID_NRW);
}

/* Does the RIS have any per-PARTID configuration register? */
static bool mpx_msc_ris_has_cfg(const struct mpam_ext_ris *ris)
{
	enum mpx_msc_sreg r;

	if (ris->cpbm_regs || ris->mbw_pbm_regs)
		return true;
	for (r = 0; r < MPX_S_NR; r++)
		if (mpx_msc_sreg_present(ris, r))
			return true;
	return false;
}

/*
 * Write every configuration register of one PARTID: with its reset value,
 * which the shadow takes, or (@replay) with the value in the shadow.
 * Registers the shadow does not keep get their reset value either way.
 */
static void mpx_msc_write_partid(struct mpam_ext_ris *ris, u16 partid, bool replay)
{
	struct mpam_ext_msc *msc = ris->msc;
	u32 *sh = mpx_msc_shadow(ris, partid);
	unsigned int w, pbm = MPX_S_NR + ris->cpbm_words;
	enum mpx_msc_sreg r;
	u32 val;

	lockdep_assert_held(&msc->lock);

	if (mpx_msc_nrw(ris)) {
		/* identity for every PARTID narrowing can keep apart */
		u16 intpartid = partid <= ris->hw.intpartid_max ? partid : 0;

		mpx_msc_part_sel(ris, partid, false);
		val = replay ? sh[MPX_S_INTPARTID] : MPAMCFG_INTPARTID_INTERNAL | intpartid;
		mpx_msc_write32(msc, MPAMCFG_INTPARTID, val);
		sh[MPX_S_INTPARTID] = val;
		if (partid > ris->hw.intpartid_max)
			return;
		mpx_msc_part_sel(ris, partid, true);
	} else {
		mpx_msc_part_sel(ris, partid, false);
	}

	for (w = 0; w < ris->cpbm_regs; w++) {
		val = mpx_msc_pbm_full_word(ris->hw.cpbm_wd, w);
		if (replay && w < ris->cpbm_words)
			val = sh[MPX_S_NR + w];
		mpx_msc_write32(msc, MPAMCFG_CPBM + 4 * w, val);
		if (w < ris->cpbm_words)
			sh[MPX_S_NR + w] = val;
	}
	for (w = 0; w < ris->mbw_pbm_regs; w++) {
		val = mpx_msc_pbm_full_word(ris->hw.mbw_pbm_bits, w);
		if (replay && w < ris->mbw_pbm_words)
			val = sh[pbm + w];
		mpx_msc_write32(msc, MPAMCFG_MBW_PBM + 4 * w, val);
		if (w < ris->mbw_pbm_words)
			sh[pbm + w] = val;
	}
	for (r = 0; r < MPX_S_INTPARTID; r++) {
		if (!mpx_msc_sreg_present(ris, r))
			continue;
		val = replay ? sh[r] : mpx_msc_sreg_default(ris, r);
		mpx_msc_write32(msc, mpx_msc_sregs[r].off, val);
		sh[r] = val;
	}
}

/* Disable a monitor in the hardware: CTL and FLT 0 */
static void mpx_msc_mon_off(struct mpam_ext_ris *ris, enum mpam_ext_mon_type type,
			    u16 mon)
{
	struct mpam_ext_msc *msc = ris->msc;
	bool csu = type == MPAM_EXT_MON_CSU;

	lockdep_assert_held(&msc->lock);

	mpx_msc_mon_sel(ris, mon);
	mpx_msc_write32(msc, csu ? MSMON_CFG_CSU_CTL : MSMON_CFG_MBWU_CTL, 0);
	mpx_msc_write32(msc, csu ? MSMON_CFG_CSU_FLT : MSMON_CFG_MBWU_FLT, 0);
}

static void mpx_msc_mon_program(struct mpam_ext_ris *ris,
				enum mpam_ext_mon_type type, u16 mon);

/*
 * Write every PARTID of one RIS and every monitor: reset values, which the
 * shadow takes, with every monitor disabled and its state cleared; or
 * (@replay, after a power loss) the shadow's values, configured monitors
 * programmed again and the others disabled. Process context: the lock is
 * dropped between PARTIDs so interrupts stay off only briefly.
 */
static void mpx_msc_write_ris(struct mpam_ext_ris *ris, bool replay)
{
	struct mpam_ext_msc *msc = ris->msc;
	struct mpam_ext_mon *m;
	unsigned long flags;
	u32 partid;
	int t;
	u16 mon;

	might_sleep();
	for (partid = 0; mpx_msc_ris_has_cfg(ris) && partid <= ris->hw.partid_max;
	     partid++) {
		spin_lock_irqsave(&msc->lock, flags);
		mpx_msc_write_partid(ris, partid, replay);
		spin_unlock_irqrestore(&msc->lock, flags);
		cond_resched();
	}
	for (t = 0; t < MPAM_EXT_MON_NR_TYPES; t++) {
		for (mon = 0; mon < ris->nr_mon[t]; mon++) {
			m = &ris->mon[t][mon];
			spin_lock_irqsave(&msc->lock, flags);
			if (replay && m->configured) {
				mpx_msc_mon_program(ris, t, mon);
			} else {
				mpx_msc_mon_off(ris, t, mon);
				if (!replay)
					memset(m, 0, sizeof(*m));
			}
			spin_unlock_irqrestore(&msc->lock, flags);
		}
		cond_resched();
	}
}

static void mpx_msc_reset_msc(struct mpam_ext_msc *msc)
{
	unsigned int i;

	for (i = 0; i < msc->nr_ris + msc->nr_hidden; i++)
		if (msc->ris[i].probed)
			mpx_msc_write_ris(&msc->ris[i], false);
}

/* mpx_msc_reset_msc() through mpx_msc_reach() */
static long mpx_msc_reset_fn(void *arg)
{
	mpx_msc_reset_msc(arg);
	return 0;
}

/* Configuration */

/**
 * mpam_ext_ris_cfg_fields() - configuration fields a RIS supports.
 * @ris:	the RIS
 *
 * Return: bitmap of enum mpam_ext_cfg_field; 0 for a RIS that was not
 * probed.
 */
unsigned long mpam_ext_ris_cfg_fields(const struct mpam_ext_ris *ris)
{
	static const struct {
		enum mpam_ext_hw_feature hw;
		enum mpam_ext_cfg_field cfg;
	} map[] = {
		{ MPAM_EXT_HW_CPOR, MPAM_EXT_CFG_CPBM },
		{ MPAM_EXT_HW_MBW_PBM, MPAM_EXT_CFG_MBW_PBM },
		{ MPAM_EXT_HW_MBW_MAX, MPAM_EXT_CFG_MBW_MAX },
		{ MPAM_EXT_HW_MBW_MIN, MPAM_EXT_CFG_MBW_MIN },
		{ MPAM_EXT_HW_CMAX, MPAM_EXT_CFG_CMAX },
		{ MPAM_EXT_HW_CMIN, MPAM_EXT_CFG_CMIN },
		{ MPAM_EXT_HW_CASSOC, MPAM_EXT_CFG_CASSOC },
		{ MPAM_EXT_HW_INTPRI, MPAM_EXT_CFG_INTPRI },
		{ MPAM_EXT_HW_DSPRI, MPAM_EXT_CFG_DSPRI },
		{ MPAM_EXT_HW_MBW_PROP, MPAM_EXT_CFG_MBW_PROP },
	};
	unsigned long fields = 0;
	unsigned int i;

	if (!ris->probed)
		return 0;
	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (mpx_msc_has(ris, map[i].hw))
			fields |= BIT(map[i].cfg);
	return fields;
}

/**
 * mpam_ext_ris_nr_partids() - PARTIDs a RIS can configure independently.
 * @ris:	the RIS
 *
 * With PARTID narrowing, PARTID n is mapped to intPARTID n, so only the
 * PARTIDs that have an intPARTID of their own count.
 *
 * Return: the number of PARTIDs mpam_ext_msc_apply() accepts; 0 for a RIS
 * that was not probed.
 */
u32 mpam_ext_ris_nr_partids(const struct mpam_ext_ris *ris)
{
	u32 max;

	if (!ris->probed)
		return 0;
	max = ris->hw.partid_max;
	if (mpx_msc_nrw(ris))
		max = min_t(u32, max, ris->hw.intpartid_max);
	return max + 1;
}

/* Decode one PARTID's shadow into @cfg (every supported field). */
static void mpx_msc_shadow_to_cfg(const struct mpam_ext_ris *ris, const u32 *sh,
				  struct mpam_ext_config *cfg)
{
	unsigned int w, pbm = MPX_S_NR + ris->cpbm_words;

	memset(cfg, 0, sizeof(*cfg));
	cfg->set = mpam_ext_ris_cfg_fields(ris);
	for (w = 0; w < ris->cpbm_words; w++)
		mpx_msc_bitmap_set_word(cfg->cpbm, w, sh[MPX_S_NR + w]);
	for (w = 0; w < ris->mbw_pbm_words; w++)
		mpx_msc_bitmap_set_word(cfg->mbw_pbm, w, sh[pbm + w]);
	cfg->mbw_max = FIELD_GET(MPAMCFG_MBW_MAX_MAX, sh[MPX_S_MBW_MAX]);
	cfg->mbw_max_hardlim = sh[MPX_S_MBW_MAX] & MPAMCFG_MBW_MAX_HARDLIM;
	cfg->mbw_min = FIELD_GET(MPAMCFG_MBW_MIN_MIN, sh[MPX_S_MBW_MIN]);
	cfg->cmax = FIELD_GET(MPAMCFG_CMAX_CMAX, sh[MPX_S_CMAX]);
	cfg->cmax_softlim = sh[MPX_S_CMAX] & MPAMCFG_CMAX_SOFTLIM;
	cfg->cmin = FIELD_GET(MPAMCFG_CMIN_CMIN, sh[MPX_S_CMIN]);
	cfg->cassoc = FIELD_GET(MPAMCFG_CASSOC_CASSOC, sh[MPX_S_CASSOC]);
	cfg->intpri = FIELD_GET(MPAMCFG_PRI_INTPRI, sh[MPX_S_PRI]);
	cfg->dspri = FIELD_GET(MPAMCFG_PRI_DSPRI, sh[MPX_S_PRI]);
	cfg->mbw_prop_en = sh[MPX_S_MBW_PROP] & MPAMCFG_MBW_PROP_EN;
	cfg->mbw_prop_stridem1 = FIELD_GET(MPAMCFG_MBW_PROP_STRIDEM1,
					   sh[MPX_S_MBW_PROP]);
}

/**
 * mpam_ext_ris_default_config() - the reset configuration of a RIS.
 * @ris:	the RIS
 * @cfg:	filled with every field the RIS supports, at the value reset
 *		writes: all portions, full MAX/CMAX/CASSOC, no MIN/CMIN,
 *		lowest priorities, proportional stride off
 */
void mpam_ext_ris_default_config(const struct mpam_ext_ris *ris,
				 struct mpam_ext_config *cfg)
{
	u32 sh[MPX_S_NR + 2 * BITS_TO_U32(MPAM_EXT_PBM_MAX_BITS)] = {};
	unsigned int w, pbm = MPX_S_NR + ris->cpbm_words;
	enum mpx_msc_sreg r;

	for (r = 0; r < MPX_S_INTPARTID; r++)
		sh[r] = mpx_msc_sreg_default(ris, r);
	for (w = 0; w < ris->cpbm_words; w++)
		sh[MPX_S_NR + w] = mpx_msc_pbm_full_word(ris->hw.cpbm_wd, w);
	for (w = 0; w < ris->mbw_pbm_words; w++)
		sh[pbm + w] = mpx_msc_pbm_full_word(ris->hw.mbw_pbm_bits, w);
	mpx_msc_shadow_to_cfg(ris, sh, cfg);
}

/* Validate @cfg for @ris and compute the fixed register values it asks for */
static int mpx_msc_cfg_prepare(const struct mpam_ext_ris *ris, u16 partid,
			       const struct mpam_ext_config *cfg, u32 *want,
			       unsigned long *regs)
{
	const struct mpam_ext_ris_hw *hw = &ris->hw;
	unsigned long set = cfg->set;

	*regs = 0;
	if (!ris->probed)
		return -ENODEV;
	if (set & ~mpam_ext_ris_cfg_fields(ris))
		return -EOPNOTSUPP;
	if (partid >= mpam_ext_ris_nr_partids(ris))
		return -EINVAL;

	if ((set & BIT(MPAM_EXT_CFG_CPBM)) &&
	    find_next_bit(cfg->cpbm, MPAM_EXT_PBM_MAX_BITS, hw->cpbm_wd) <
	    MPAM_EXT_PBM_MAX_BITS)
		return -EINVAL;
	if ((set & BIT(MPAM_EXT_CFG_MBW_PBM)) &&
	    find_next_bit(cfg->mbw_pbm, MPAM_EXT_PBM_MAX_BITS, hw->mbw_pbm_bits) <
	    MPAM_EXT_PBM_MAX_BITS)
		return -EINVAL;

	if (set & BIT(MPAM_EXT_CFG_CMAX)) {
		if (cfg->cmax_softlim && !mpx_msc_has(ris, MPAM_EXT_HW_CMAX_SOFTLIM))
			return -EOPNOTSUPP;
		want[MPX_S_CMAX] = (cfg->cmax & mpx_msc_frac_mask(hw->cmax_wd)) |
				   (cfg->cmax_softlim ? MPAMCFG_CMAX_SOFTLIM : 0);
		__set_bit(MPX_S_CMAX, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_CMIN)) {
		want[MPX_S_CMIN] = cfg->cmin & mpx_msc_frac_mask(hw->cmax_wd);
		__set_bit(MPX_S_CMIN, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_CASSOC)) {
		want[MPX_S_CASSOC] = cfg->cassoc & mpx_msc_frac_mask(hw->cassoc_wd);
		__set_bit(MPX_S_CASSOC, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_MBW_MIN)) {
		want[MPX_S_MBW_MIN] = cfg->mbw_min & mpx_msc_frac_mask(hw->bwa_wd);
		__set_bit(MPX_S_MBW_MIN, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_MBW_MAX)) {
		want[MPX_S_MBW_MAX] = (cfg->mbw_max & mpx_msc_frac_mask(hw->bwa_wd)) |
				      (cfg->mbw_max_hardlim ?
				       MPAMCFG_MBW_MAX_HARDLIM : 0);
		__set_bit(MPX_S_MBW_MAX, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_MBW_PROP)) {
		if (cfg->mbw_prop_stridem1 > mpx_msc_int_max(hw->bwa_wd))
			return -EINVAL;
		want[MPX_S_MBW_PROP] = cfg->mbw_prop_stridem1 |
				       (cfg->mbw_prop_en ? MPAMCFG_MBW_PROP_EN : 0);
		__set_bit(MPX_S_MBW_PROP, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_INTPRI)) {
		if (cfg->intpri > mpx_msc_int_max(hw->intpri_wd))
			return -EINVAL;
		__set_bit(MPX_S_PRI, regs);
	}
	if (set & BIT(MPAM_EXT_CFG_DSPRI)) {
		if (cfg->dspri > mpx_msc_int_max(hw->dspri_wd))
			return -EINVAL;
		__set_bit(MPX_S_PRI, regs);
	}
	return 0;
}

/* Select @partid for configuration the first time something is written */
static void mpx_msc_cfg_select(struct mpam_ext_ris *ris, u16 partid, bool *done)
{
	if (*done)
		return;
	mpx_msc_part_sel(ris, partid, mpx_msc_nrw(ris));
	*done = true;
}

static void mpx_msc_cfg_write(struct mpam_ext_ris *ris, u16 partid, bool *selected,
			      u32 *slot, u32 off, u32 val)
{
	lockdep_assert_held(&ris->msc->lock);

	if (*slot == val)
		return;
	mpx_msc_cfg_select(ris, partid, selected);
	mpx_msc_write32(ris->msc, off, val);
	*slot = val;
}

struct mpx_msc_apply_args {
	struct mpam_ext_ris *ris;
	u16 partid;
	const struct mpam_ext_config *cfg;
};

static int mpx_msc_apply_here(struct mpam_ext_ris *ris, u16 partid,
			      const struct mpam_ext_config *cfg);

static long mpx_msc_apply_fn(void *arg)
{
	struct mpx_msc_apply_args *a = arg;

	return mpx_msc_apply_here(a->ris, a->partid, a->cfg);
}

/**
 * mpam_ext_msc_apply() - program one PARTID's controls on one RIS.
 * @ris:	the RIS
 * @partid:	the PARTID (below mpam_ext_ris_nr_partids())
 * @cfg:	the fields in @cfg->set are written; others are left alone
 *
 * Only registers whose value changes are written, and MPAMCFG_PART_SEL only
 * when at least one is. Fraction fields lose the bits below the hardware's
 * width. Any context: takes the MSC's lock with interrupts off.
 *
 * Return: 0; -ENODEV for a refused RIS; -EOPNOTSUPP for a field the RIS
 * does not have; -EINVAL for a PARTID, bitmap or integer out of range; -EIO
 * when the MSC is errored. Nothing is written on error.
 */
int mpam_ext_msc_apply(struct mpam_ext_ris *ris, u16 partid,
		       const struct mpam_ext_config *cfg)
{
	struct mpx_msc_apply_args a = { ris, partid, cfg };

	return mpx_msc_reach(ris->msc, mpx_msc_apply_fn, &a);
}

static int mpx_msc_apply_here(struct mpam_ext_ris *ris, u16 partid,
			      const struct mpam_ext_config *cfg)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned int w, pbm = MPX_S_NR + ris->cpbm_words;
	u32 want[MPX_S_NR] = {};
	unsigned long regs, flags;
	bool selected = false;
	unsigned int r;
	int ret;
	u32 *sh;

	ret = mpx_msc_cfg_prepare(ris, partid, cfg, want, &regs);
	if (ret)
		return ret;

	spin_lock_irqsave(&msc->lock, flags);
	if (msc->state != MPAM_EXT_MSC_OK) {
		spin_unlock_irqrestore(&msc->lock, flags);
		return -EIO;
	}
	sh = mpx_msc_shadow(ris, partid);

	if (cfg->set & BIT(MPAM_EXT_CFG_CPBM))
		for (w = 0; w < ris->cpbm_words; w++)
			mpx_msc_cfg_write(ris, partid, &selected, &sh[MPX_S_NR + w],
					  MPAMCFG_CPBM + 4 * w,
					  mpx_msc_bitmap_word(cfg->cpbm, w));
	if (cfg->set & BIT(MPAM_EXT_CFG_MBW_PBM))
		for (w = 0; w < ris->mbw_pbm_words; w++)
			mpx_msc_cfg_write(ris, partid, &selected, &sh[pbm + w],
					  MPAMCFG_MBW_PBM + 4 * w,
					  mpx_msc_bitmap_word(cfg->mbw_pbm, w));

	/* PRI holds two fields: start from the value in the hardware */
	if (test_bit(MPX_S_PRI, &regs)) {
		want[MPX_S_PRI] = sh[MPX_S_PRI];
		if (cfg->set & BIT(MPAM_EXT_CFG_INTPRI)) {
			want[MPX_S_PRI] &= ~MPAMCFG_PRI_INTPRI;
			want[MPX_S_PRI] |= FIELD_PREP(MPAMCFG_PRI_INTPRI,
						      cfg->intpri);
		}
		if (cfg->set & BIT(MPAM_EXT_CFG_DSPRI)) {
			want[MPX_S_PRI] &= ~MPAMCFG_PRI_DSPRI;
			want[MPX_S_PRI] |= FIELD_PREP(MPAMCFG_PRI_DSPRI,
						      cfg->dspri);
		}
	}
	for_each_set_bit(r, &regs, MPX_S_NR)
		mpx_msc_cfg_write(ris, partid, &selected, &sh[r], mpx_msc_sregs[r].off,
				  want[r]);
	spin_unlock_irqrestore(&msc->lock, flags);
	return 0;
}

/**
 * mpam_ext_msc_get_config() - one PARTID's controls as last written.
 * @ris:	the RIS
 * @partid:	the PARTID (below mpam_ext_ris_nr_partids())
 * @cfg:	filled with every field the RIS supports
 *
 * Reads the driver's shadow, not the hardware. Any context.
 *
 * Return: 0, -ENODEV for a refused RIS, -EINVAL for a PARTID out of range.
 */
int mpam_ext_msc_get_config(struct mpam_ext_ris *ris, u16 partid,
			    struct mpam_ext_config *cfg)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned long flags;

	if (!ris->probed)
		return -ENODEV;
	if (partid >= mpam_ext_ris_nr_partids(ris))
		return -EINVAL;
	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_shadow_to_cfg(ris, mpx_msc_shadow(ris, partid), cfg);
	spin_unlock_irqrestore(&msc->lock, flags);
	return 0;
}

/* Monitors */

static int mpx_msc_mon_check(struct mpam_ext_ris *ris, enum mpam_ext_mon_type type)
{
	if (!ris->probed)
		return -ENODEV;
	if (type >= MPAM_EXT_MON_NR_TYPES)
		return -EINVAL;
	if (!ris->nr_mon[type])
		return -EOPNOTSUPP;
	return 0;
}

/**
 * mpam_ext_msc_mon_alloc() - allocate a monitor of a RIS.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 *
 * Any context.
 *
 * Return: the monitor index; -EOPNOTSUPP when the RIS has no monitor of that
 * type; -ENOSPC when all are allocated; -EIO when the MSC is errored;
 * -ENODEV for a refused RIS.
 */
int mpam_ext_msc_mon_alloc(struct mpam_ext_ris *ris,
			   enum mpam_ext_mon_type type)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned long flags;
	unsigned int mon;
	int ret;

	ret = mpx_msc_mon_check(ris, type);
	if (ret)
		return ret;
	spin_lock_irqsave(&msc->lock, flags);
	if (msc->state != MPAM_EXT_MSC_OK) {
		ret = -EIO;
	} else {
		mon = find_first_zero_bit(ris->mon_used[type], ris->nr_mon[type]);
		if (mon >= ris->nr_mon[type]) {
			ret = -ENOSPC;
		} else {
			__set_bit(mon, ris->mon_used[type]);
			memset(&ris->mon[type][mon], 0, sizeof(ris->mon[type][mon]));
			ret = mon;
		}
	}
	spin_unlock_irqrestore(&msc->lock, flags);
	return ret;
}

/* Arguments of the monitor entry points run through mpx_msc_reach() */
struct mpx_msc_mon_args {
	struct mpam_ext_ris *ris;
	enum mpam_ext_mon_type type;
	u16 mon;
	const struct mpam_ext_mon_cfg *cfg;
	u64 *val;
};

static long mpx_msc_mon_free_fn(void *arg);

/**
 * mpam_ext_msc_mon_free() - disable and free a monitor.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 * @mon:	index from mpam_ext_msc_mon_alloc()
 *
 * Any context. Freeing a monitor that is not allocated only warns.
 */
void mpam_ext_msc_mon_free(struct mpam_ext_ris *ris,
			   enum mpam_ext_mon_type type, u16 mon)
{
	struct mpx_msc_mon_args a = { .ris = ris, .type = type, .mon = mon };

	if (mpx_msc_mon_check(ris, type) || mon >= ris->nr_mon[type])
		return;
	mpx_msc_reach(ris->msc, mpx_msc_mon_free_fn, &a);
}

static long mpx_msc_mon_free_fn(void *arg)
{
	struct mpx_msc_mon_args *a = arg;
	struct mpam_ext_ris *ris = a->ris;
	struct mpam_ext_msc *msc = ris->msc;
	enum mpam_ext_mon_type type = a->type;
	u16 mon = a->mon;
	unsigned long flags;

	spin_lock_irqsave(&msc->lock, flags);
	if (WARN_ON_ONCE(!test_bit(mon, ris->mon_used[type]))) {
		spin_unlock_irqrestore(&msc->lock, flags);
		return 0;
	}
	if (ris->mon[type][mon].configured && msc->state == MPAM_EXT_MSC_OK)
		mpx_msc_mon_off(ris, type, mon);
	memset(&ris->mon[type][mon], 0, sizeof(ris->mon[type][mon]));
	__clear_bit(mon, ris->mon_used[type]);
	spin_unlock_irqrestore(&msc->lock, flags);
	return 0;
}

/**
 * mpam_ext_msc_mon_set_owner() - name who uses an allocated monitor.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 * @mon:	index from mpam_ext_msc_mon_alloc()
 * @owner:	a short name shown in debugfs "monitors" (truncated to 31
 *		characters); the monitor forgets it when freed
 *
 * Any context. A monitor that is not allocated is left alone.
 */
void mpam_ext_msc_mon_set_owner(struct mpam_ext_ris *ris,
				enum mpam_ext_mon_type type, u16 mon,
				const char *owner)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned long flags;

	if (mpx_msc_mon_check(ris, type) || mon >= ris->nr_mon[type])
		return;
	spin_lock_irqsave(&msc->lock, flags);
	if (test_bit(mon, ris->mon_used[type]))
		strscpy(ris->mon[type][mon].owner, owner,
			sizeof(ris->mon[type][mon].owner));
	spin_unlock_irqrestore(&msc->lock, flags);
}

static int mpx_msc_mon_config_here(struct mpam_ext_ris *ris,
				   enum mpam_ext_mon_type type, u16 mon,
				   const struct mpam_ext_mon_cfg *cfg);

/*
 * Write a configured monitor's filter and control from its state, its
 * value 0, NRDY clear (a writable CSU value is otherwise UNKNOWN, and
 * software-managed NRDY never clears itself), then enable it. An MBWU
 * count goes on from the monitor's correction.
 */
static void mpx_msc_mon_program(struct mpam_ext_ris *ris,
				enum mpam_ext_mon_type type, u16 mon)
{
	struct mpam_ext_msc *msc = ris->msc;
	struct mpam_ext_mon *m = &ris->mon[type][mon];
	bool csu = type == MPAM_EXT_MON_CSU;
	u32 ctl_off = csu ? MSMON_CFG_CSU_CTL : MSMON_CFG_MBWU_CTL;

	lockdep_assert_held(&msc->lock);

	mpx_msc_mon_sel(ris, mon);
	mpx_msc_write32(msc, ctl_off, m->ctl & ~MSMON_CFG_CTL_EN);
	mpx_msc_write32(msc, csu ? MSMON_CFG_CSU_FLT : MSMON_CFG_MBWU_FLT, m->flt);
	if (csu)
		mpx_msc_write32(msc, MSMON_CSU, 0);
	else if (ris->hw.mbwu_width > 31)
		mpx_msc_write64(msc, MSMON_MBWU_L, 0);
	else
		mpx_msc_write32(msc, MSMON_MBWU, 0);
	mpx_msc_write32(msc, ctl_off, m->ctl);
	m->last = 0;
}

static long mpx_msc_mon_config_fn(void *arg)
{
	struct mpx_msc_mon_args *a = arg;

	return mpx_msc_mon_config_here(a->ris, a->type, a->mon, a->cfg);
}

/**
 * mpam_ext_msc_mon_config() - set what a monitor counts and start it.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 * @mon:	index from mpam_ext_msc_mon_alloc()
 * @cfg:	PARTID, PMG, match bits, read/write filter
 *
 * The monitor is disabled, its filter written, an MBWU counter set to 0 and
 * the monitor enabled: MBWU reads count from 0 again. Any context.
 *
 * Return: 0; -EINVAL for a monitor that is not allocated, a PARTID or PMG
 * out of range or a bad filter; -EOPNOTSUPP for a read/write filter the RIS
 * lacks; -EIO when the MSC is errored; -ENODEV for a refused RIS.
 */
int mpam_ext_msc_mon_config(struct mpam_ext_ris *ris,
			    enum mpam_ext_mon_type type, u16 mon,
			    const struct mpam_ext_mon_cfg *cfg)
{
	struct mpx_msc_mon_args a = { .ris = ris, .type = type, .mon = mon, .cfg = cfg };

	return mpx_msc_reach(ris->msc, mpx_msc_mon_config_fn, &a);
}

static int mpx_msc_mon_config_here(struct mpam_ext_ris *ris,
				   enum mpam_ext_mon_type type, u16 mon,
				   const struct mpam_ext_mon_cfg *cfg)
{
	struct mpam_ext_msc *msc = ris->msc;
	bool csu = type == MPAM_EXT_MON_CSU;
	struct mpam_ext_mon *m;
	u32 ctl, flt;
	unsigned long flags;
	int ret;

	ret = mpx_msc_mon_check(ris, type);
	if (ret)
		return ret;
	if (mon >= ris->nr_mon[type] || cfg->partid >= mpam_ext_ris_nr_partids(ris) ||
	    cfg->pmg > ris->hw.pmg_max || cfg->rwbw > MPAM_EXT_MON_RWBW_READS)
		return -EINVAL;
	if (cfg->rwbw != MPAM_EXT_MON_RWBW_ALL &&
	    (csu || !mpx_msc_has(ris, MPAM_EXT_HW_MBWU_RWBW)))
		return -EOPNOTSUPP;

	ctl = FIELD_PREP(MSMON_CFG_CTL_TYPE, csu ? MSMON_CFG_CTL_TYPE_CSU :
			 MSMON_CFG_CTL_TYPE_MBWU);
	if (cfg->match_partid)
		ctl |= MSMON_CFG_CTL_MATCH_PARTID;
	if (cfg->match_pmg)
		ctl |= MSMON_CFG_CTL_MATCH_PMG;
	flt = FIELD_PREP(MSMON_CFG_FLT_PARTID, cfg->partid) |
	      FIELD_PREP(MSMON_CFG_FLT_PMG, cfg->pmg);
	if (!csu)
		flt |= FIELD_PREP(MSMON_CFG_MBWU_FLT_RWBW, cfg->rwbw);

	spin_lock_irqsave(&msc->lock, flags);
	if (msc->state != MPAM_EXT_MSC_OK) {
		ret = -EIO;
		goto out;
	}
	if (!test_bit(mon, ris->mon_used[type])) {
		ret = -EINVAL;
		goto out;
	}
	m = &ris->mon[type][mon];
	m->ctl = ctl | MSMON_CFG_CTL_EN;
	m->flt = flt;
	m->correction = 0;
	m->configured = true;
	mpx_msc_mon_program(ris, type, mon);
out:
	spin_unlock_irqrestore(&msc->lock, flags);
	return ret;
}

/*
 * The selected monitor's MBWU counter. The long counter is read as two
 * 32-bit halves, high-low-high, until the high half holds still.
 * Return: 0, or -EAGAIN for NRDY or a counter that would not hold still.
 */
static int mpx_msc_mbwu_counter(struct mpam_ext_ris *ris, u64 *val)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned int width = ris->hw.mbwu_width;
	u32 hi, lo, hi2;
	int i;
	u64 v;

	lockdep_assert_held(&msc->lock);

	if (width == 31) {
		lo = mpx_msc_read32(msc, MSMON_MBWU);
		if (lo & MSMON_NRDY)
			return -EAGAIN;
		*val = FIELD_GET(MSMON_VALUE, lo);
		return 0;
	}

	for (i = 0; i < MPX_MBWU_L_TRIES; i++) {
		hi = mpx_msc_read32(msc, MSMON_MBWU_L + 4);
		lo = mpx_msc_read32(msc, MSMON_MBWU_L);
		hi2 = mpx_msc_read32(msc, MSMON_MBWU_L + 4);
		if (hi == hi2)
			break;
	}
	if (hi != hi2)
		return -EAGAIN;
	v = (u64)hi << 32 | lo;
	if (v & MSMON_L_NRDY)
		return -EAGAIN;
	*val = v & (width == 63 ? MSMON_L_VALUE_63 : MSMON_L_VALUE_44);
	return 0;
}

/*
 * Monotonic MBWU byte count. On each read the overflow status of the
 * counter in use (OFLOW_STATUS for the 31-bit counter, OFLOW_STATUS_L for
 * the long one) is checked; when set it is cleared, 2^width is added to the
 * monitor's correction and the counter is read again, so the value returned
 * is never one from before the wrap paired with a correction from after it.
 * An MSC that wraps without setting the status is caught by the counter
 * going backwards. Both need one read per wrap period at least.
 */
static int mpx_msc_mbwu_read(struct mpam_ext_ris *ris, struct mpam_ext_mon *m,
			     u64 *val)
{
	struct mpam_ext_msc *msc = ris->msc;
	unsigned int width = ris->hw.mbwu_width;
	u32 status = width == 31 ? MSMON_CFG_CTL_OFLOW_STATUS :
			MSMON_CFG_CTL_OFLOW_STATUS_L;
	u32 ctl;
	u64 v;
	int ret;

	ret = mpx_msc_mbwu_counter(ris, &v);
	if (ret)
		return ret;
	ctl = mpx_msc_read32(msc, MSMON_CFG_MBWU_CTL);
	if (ctl & status) {
		mpx_msc_write32(msc, MSMON_CFG_MBWU_CTL, m->ctl);
		m->correction += BIT_ULL(width);
		m->last = 0;
		ret = mpx_msc_mbwu_counter(ris, &v);
		if (ret)
			return ret;
	} else if (v < m->last) {
		m->correction += BIT_ULL(width);
	}
	m->last = v;
	*val = m->correction + v;
	return 0;
}

static int mpx_msc_mon_read_once(struct mpam_ext_ris *ris,
				 enum mpam_ext_mon_type type, u16 mon, u64 *val)
{
	struct mpam_ext_msc *msc = ris->msc;
	struct mpam_ext_mon *m;
	u32 v;

	lockdep_assert_held(&msc->lock);

	if (msc->state != MPAM_EXT_MSC_OK)
		return -EIO;
	m = &ris->mon[type][mon];
	if (!test_bit(mon, ris->mon_used[type]) || !m->configured)
		return -EINVAL;
	/* Powered down: the count folded when it was parked; no cache held */
	if (msc->parked) {
		*val = type == MPAM_EXT_MON_MBWU ? m->correction + m->last : 0;
		return 0;
	}
	mpx_msc_mon_sel(ris, mon);
	if (type == MPAM_EXT_MON_MBWU)
		return mpx_msc_mbwu_read(ris, m, val);
	v = mpx_msc_read32(msc, MSMON_CSU);
	if (v & MSMON_NRDY)
		return -EAGAIN;
	*val = FIELD_GET(MSMON_VALUE, v);
	return 0;
}

static int mpx_msc_mon_read(struct mpam_ext_ris *ris, enum mpam_ext_mon_type type,
			    u16 mon, u64 *val, bool may_sleep)
{
	struct mpam_ext_msc *msc = ris->msc;
	u32 wait_us = max_t(u32, msc->desc.nrdy_us, 1);
	unsigned long flags;
	int ret, tries = 0;

	ret = mpx_msc_mon_check(ris, type);
	if (ret)
		return ret;
	if (mon >= ris->nr_mon[type])
		return -EINVAL;
	wait_us = min_t(u32, wait_us, may_sleep ? MPX_NRDY_SLEEP_MAX_US :
			MPX_NRDY_ATOMIC_MAX_US);

	for (;;) {
		spin_lock_irqsave(&msc->lock, flags);
		ret = mpx_msc_mon_read_once(ris, type, mon, val);
		spin_unlock_irqrestore(&msc->lock, flags);
		if (ret != -EAGAIN)
			return ret;
		if (tries++ == MPX_NRDY_RETRIES)
			return may_sleep ? -ETIMEDOUT : -EBUSY;
		if (may_sleep)
			fsleep(wait_us);
		else
			udelay(wait_us);
	}
}

static long mpx_msc_mon_read_fn(void *arg)
{
	struct mpx_msc_mon_args *a = arg;

	return mpx_msc_mon_read(a->ris, a->type, a->mon, a->val, true);
}

/**
 * mpam_ext_msc_mon_read() - read a monitor, waiting out NRDY.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 * @mon:	a configured monitor
 * @val:	CSU: bytes of cache in use now; MBWU: bytes counted since the
 *		monitor was configured, as a monotonic 64-bit count
 *
 * May sleep: process context only. While the monitor reads NRDY, waits the
 * MSC's NRDY time (at most 100 ms) and tries again, four times at most.
 * A wrap of the MBWU counter is seen from its overflow status bit or, on an
 * MSC that does not set it, from the counter going backwards; either way
 * the count stays exact as long as the monitor is read at least once per
 * wrap period (2^31, 2^44 or 2^63 bytes). A 63-bit counter's total wraps
 * the 64-bit count after 2^64 bytes.
 *
 * Return: 0; -ETIMEDOUT when the monitor stayed NRDY; -EINVAL for a monitor
 * that is not configured; -EIO when the MSC is errored; -EOPNOTSUPP or
 * -ENODEV as for mpam_ext_msc_mon_alloc().
 */
int mpam_ext_msc_mon_read(struct mpam_ext_ris *ris,
			  enum mpam_ext_mon_type type, u16 mon, u64 *val)
{
	struct mpx_msc_mon_args a = { .ris = ris, .type = type, .mon = mon, .val = val };

	might_sleep();
	return mpx_msc_reach(ris->msc, mpx_msc_mon_read_fn, &a);
}

/**
 * mpam_ext_msc_mon_read_atomic() - read a monitor without sleeping.
 * @ris:	the RIS
 * @type:	CSU or MBWU
 * @mon:	a configured monitor
 * @val:	as for mpam_ext_msc_mon_read()
 *
 * Any context, hard interrupts included. While the monitor reads NRDY,
 * busy-waits the MSC's NRDY time (at most 50 us) and tries again, four times
 * at most.
 *
 * Return: as mpam_ext_msc_mon_read(), but -EBUSY when the monitor stayed
 * NRDY, and -EAGAIN on a CPU outside the MSC's affinity: the caller may
 * retry from process context (or from a CPU of the affinity).
 */
int mpam_ext_msc_mon_read_atomic(struct mpam_ext_ris *ris,
				 enum mpam_ext_mon_type type, u16 mon,
				 u64 *val)
{
	int ret = -EAGAIN;

	/* From a CPU that cannot reach the MSC: retry from process context */
	preempt_disable();
	if (mpx_msc_here(ris->msc))
		ret = mpx_msc_mon_read(ris, type, mon, val, false);
	preempt_enable();
	return ret;
}

/* Error interrupt */

/*
 * Error handler, hard interrupt context (the MSC's interrupt, or the
 * simulator's irq_work). Masks the interrupt (ECR.INTEN clear), then reads
 * and clears ESR: a source that keeps raising the error (a device with an
 * out-of-range PARTID) cannot raise it again at traffic rate. The first
 * error moves the MSC to errored and queues the reset, which unmasks the
 * interrupt once when it is done; an error after that is counted and leaves
 * the interrupt masked for good. One message per transition.
 */
static bool mpx_msc_err_handle(struct mpam_ext_msc *msc)
{
	bool first = false, persists = false;
	unsigned long flags;
	u64 esr;

	spin_lock_irqsave(&msc->lock, flags);
	if (!msc->has_esr || msc->parked) {
		spin_unlock_irqrestore(&msc->lock, flags);
		return false;
	}
	esr = mpx_msc_read_esr(msc);
	if (!FIELD_GET(MPAMF_ESR_ERRCODE, esr)) {
		spin_unlock_irqrestore(&msc->lock, flags);
		return false;
	}
	mpx_msc_write32(msc, MPAMF_ECR, 0);
	mpx_msc_clear_esr(msc);
	msc->last_esr = esr;
	msc->nr_errors++;
	if (!msc->irq_masked)
		persists = msc->rearmed;
	msc->irq_masked = true;
	if (msc->state == MPAM_EXT_MSC_OK) {
		msc->state = MPAM_EXT_MSC_ERRORED;
		first = true;
		if (!msc->dying)
			schedule_work(&msc->err_work);
	}
	spin_unlock_irqrestore(&msc->lock, flags);

	/* The first error named the cause; this one only says what changed */
	if (persists)
		pr_err("MSC %u: error again after the reset (ESR 0x%016llx): error interrupt masked\n",
		       msc->desc.id, esr);

	if (first)
		pr_err("MSC %u: error interrupt, ESR 0x%016llx: %s (code %u, PARTID/monitor %u, PMG %u, RIS %u%s): resetting the MSC, its configuration is refused from now on\n",
		       msc->desc.id, esr,
		       mpam_ext_errcode_name(FIELD_GET(MPAMF_ESR_ERRCODE, esr)),
		       (unsigned int)FIELD_GET(MPAMF_ESR_ERRCODE, esr),
		       (unsigned int)FIELD_GET(MPAMF_ESR_PARTID_MON, esr),
		       (unsigned int)FIELD_GET(MPAMF_ESR_PMG, esr),
		       (unsigned int)FIELD_GET(MPAMF_ESR_RIS, esr),
		       (esr & MPAMF_ESR_OVRWR) ? ", overwritten" : "");
	return true;
}

static void mpx_msc_sim_err_cb(void *arg)
{
	mpx_msc_err_handle(arg);
}

static irqreturn_t mpx_msc_err_irq(int irq, void *dev_id)
{
	return mpx_msc_err_handle(dev_id) ? IRQ_HANDLED : IRQ_NONE;
}

/*
 * After the first error: reset everything, then clear ESR and unmask the
 * interrupt once, so that an error whose source outlives the reset is seen
 * (and masks the interrupt for good).
 */
static long mpx_msc_err_reset_fn(void *arg);

static void mpx_msc_err_work(struct work_struct *work)
{
	struct mpam_ext_msc *msc = container_of(work, struct mpam_ext_msc,
						err_work);

	mpx_msc_reach(msc, mpx_msc_err_reset_fn, msc);
}

static long mpx_msc_err_reset_fn(void *arg)
{
	struct mpam_ext_msc *msc = arg;
	unsigned long flags;

	mpx_msc_reset_msc(msc);
	pr_info("MSC %u: every PARTID reset and every monitor disabled after the error\n",
		msc->desc.id);

	spin_lock_irqsave(&msc->lock, flags);
	if (!msc->dying && msc->irq_masked && !msc->rearmed) {
		msc->rearmed = true;
		msc->irq_masked = false;
		mpx_msc_clear_esr(msc);
		mpx_msc_write32(msc, MPAMF_ECR, MPAMF_ECR_INTEN);
	}
	spin_unlock_irqrestore(&msc->lock, flags);
	return 0;
}

/*
 * Linux interrupt for a hardware MSC's error interrupt. The description
 * holds the firmware's GSIV, which is mapped through the ACPI GSI layer,
 * active high, with the trigger the firmware gives: level (the MSC holds it
 * while MPAMF_ESR reports an error) unless the MSC's interrupt flags say
 * edge. Without ACPI there is no GSIV to map.
 */
static int mpx_msc_hw_err_irq_get(struct mpam_ext_msc *msc)
{
#if IS_ENABLED(CONFIG_ACPI)
	int trigger = test_bit(MPAM_EXT_MSC_ERR_EDGE, &msc->desc.props) ?
		      ACPI_EDGE_SENSITIVE : ACPI_LEVEL_SENSITIVE;

	if (!acpi_disabled)
		return acpi_register_gsi(NULL, msc->desc.err_irq, trigger,
					 ACPI_ACTIVE_HIGH);
#endif
	return -ENODEV;
}

static void mpx_msc_hw_err_irq_put(struct mpam_ext_msc *msc, int irq)
{
#if IS_ENABLED(CONFIG_ACPI)
	if (!acpi_disabled)
		acpi_unregister_gsi(msc->desc.err_irq);
#endif
}

/* Clear a stale ESR, connect the handler, set ECR.INTEN. */
static void mpx_msc_err_connect(struct mpam_ext_msc *msc)
{
	unsigned long flags;
	u64 esr;
	int irq, ret;

	if (!msc->has_esr)
		return;

	spin_lock_irqsave(&msc->lock, flags);
	esr = mpx_msc_read_esr(msc);
	if (esr)
		mpx_msc_clear_esr(msc);
	msc->probe_esr = esr;
	spin_unlock_irqrestore(&msc->lock, flags);
	if (FIELD_GET(MPAMF_ESR_ERRCODE, esr))
		pr_warn("MSC %u: ESR held 0x%016llx (%s) after probe and reset: cleared\n",
			msc->desc.id, esr,
			mpam_ext_errcode_name(FIELD_GET(MPAMF_ESR_ERRCODE, esr)));

	if (msc->sim) {
		mpam_ext_sim_set_err_handler(msc->sim, mpx_msc_sim_err_cb, msc);
		msc->sim_irq = true;
	} else if (msc->desc.err_irq) {
		/*
		 * A private MSC (reachable from some CPUs only) is handled
		 * where its interrupt arrives: a line shared with other
		 * devices could be taken anywhere, so it is not shared.
		 */
		irq = mpx_msc_hw_err_irq_get(msc);
		ret = irq > 0 ? request_irq(irq, mpx_msc_err_irq,
					    msc->desc.has_affinity ? 0 : IRQF_SHARED,
					    KBUILD_MODNAME, msc) : irq ? irq : -EINVAL;
		if (ret) {
			pr_warn("MSC %u: error interrupt %u not connected (%d): errors go unnoticed\n",
				msc->desc.id, msc->desc.err_irq, ret);
			if (irq > 0)
				mpx_msc_hw_err_irq_put(msc, irq);
		} else {
			msc->irq = irq;
		}
	}
	if (!msc->sim_irq && !msc->irq)
		return;

	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_write32(msc, MPAMF_ECR, MPAMF_ECR_INTEN);
	spin_unlock_irqrestore(&msc->lock, flags);
}

/* Mask the error interrupt (ECR.INTEN clear) */
static long mpx_msc_ecr_off_fn(void *arg)
{
	struct mpam_ext_msc *msc = arg;
	unsigned long flags;

	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_write32(msc, MPAMF_ECR, 0);
	spin_unlock_irqrestore(&msc->lock, flags);
	return 0;
}

/* Stop error handling: no new work, interrupt off and released, work done */
static void mpx_msc_err_disconnect(struct mpam_ext_msc *msc)
{
	unsigned long flags;

	spin_lock_irqsave(&msc->lock, flags);
	msc->dying = true;
	spin_unlock_irqrestore(&msc->lock, flags);
	if (msc->sim_irq || msc->irq)
		mpx_msc_reach(msc, mpx_msc_ecr_off_fn, msc);

	if (msc->sim_irq) {
		mpam_ext_sim_set_err_handler(msc->sim, NULL, NULL);
		/* A handler call already under way may still queue err_work. */
		mpam_ext_sim_irq_sync(msc->sim);
		msc->sim_irq = false;
	}
	if (msc->irq) {
		free_irq(msc->irq, msc);
		mpx_msc_hw_err_irq_put(msc, msc->irq);
		msc->irq = 0;
	}
	cancel_work_sync(&msc->err_work);
}

/*
 * Power. A private MSC is taken to be powered with the CPUs that reach it:
 * when the last of them goes offline its registers may be lost with its
 * power, and the driver cannot tell whether they were. So the MSC is
 * parked: each configured MBWU monitor is read a last time and its count
 * folded into its correction, and from then on nothing touches the
 * registers (see @parked). When the first of those CPUs comes back, every
 * PARTID of every RIS (hidden ones included) is written from the shadow,
 * every configured monitor programmed again counting from 0 on top of its
 * folded count, every other one disabled, ESR cleared and the error
 * interrupt enabled as it was: a power loss changes neither the
 * configuration nor the counts, and an MSC that kept its power is merely
 * written again.
 *
 * Both run in the driver's CPU hotplug state, on the CPU going or coming,
 * in the online range: parking before the CPU dies, replaying before tasks
 * run there. The state exists while some private MSC is probed;
 * mpx_msc_hp_mutex protects it and is taken before the CPU hotplug lock.
 */
static DEFINE_MUTEX(mpx_msc_hp_mutex);
static int mpx_msc_hp_state = -1;
static unsigned int mpx_msc_hp_users;

static bool mpx_msc_powered(const struct mpam_ext_msc *msc)
{
	return msc->state == MPAM_EXT_MSC_OK || msc->state == MPAM_EXT_MSC_ERRORED;
}

static void mpx_msc_park(struct mpam_ext_msc *msc)
{
	struct mpam_ext_mon *m;
	unsigned long flags;
	unsigned int i;
	u64 v;
	u16 mon;

	spin_lock_irqsave(&msc->lock, flags);
	for (i = 0; msc->state == MPAM_EXT_MSC_OK && i < msc->nr_ris; i++) {
		struct mpam_ext_ris *ris = &msc->ris[i];

		if (!ris->probed || !ris->mon[MPAM_EXT_MON_MBWU])
			continue;
		for (mon = 0; mon < ris->nr_mon[MPAM_EXT_MON_MBWU]; mon++) {
			m = &ris->mon[MPAM_EXT_MON_MBWU][mon];
			if (!m->configured)
				continue;
			/* NRDY now: what the last read saw is kept */
			mpx_msc_mon_sel(ris, mon);
			mpx_msc_mbwu_read(ris, m, &v);
			m->correction += m->last;
			m->last = 0;
		}
	}
	msc->parked = true;
	msc->mon_sel_valid = false;
	msc->nr_parks++;
	spin_unlock_irqrestore(&msc->lock, flags);
}

static void mpx_msc_replay(struct mpam_ext_msc *msc)
{
	unsigned long flags;
	unsigned int i;

	spin_lock_irqsave(&msc->lock, flags);
	msc->parked = false;
	msc->mon_sel_valid = false;
	spin_unlock_irqrestore(&msc->lock, flags);

	for (i = 0; i < msc->nr_ris + msc->nr_hidden; i++)
		if (msc->ris[i].probed)
			mpx_msc_write_ris(&msc->ris[i], true);

	spin_lock_irqsave(&msc->lock, flags);
	if (msc->has_esr) {
		mpx_msc_clear_esr(msc);
		mpx_msc_write32(msc, MPAMF_ECR, (msc->sim_irq || msc->irq) &&
				!msc->irq_masked && !msc->dying ? MPAMF_ECR_INTEN : 0);
	}
	msc->nr_replays++;
	spin_unlock_irqrestore(&msc->lock, flags);
}

/* Is @cpu the only online CPU that reaches @msc? */
static bool mpx_msc_last_cpu(const struct mpam_ext_msc *msc, unsigned int cpu)
{
	unsigned int c;

	for_each_cpu_and(c, &msc->desc.affinity, cpu_online_mask)
		if (c != cpu)
			return false;
	return true;
}

static int mpx_msc_hp_online(unsigned int cpu, struct hlist_node *node)
{
	struct mpam_ext_msc *msc = hlist_entry_safe(node, struct mpam_ext_msc, hp_node);

	if (!cpumask_test_cpu(cpu, &msc->desc.affinity))
		return 0;
	down_write(&msc->hp_sem);
	if (msc->parked) {
		mpx_msc_replay(msc);
		pr_info("MSC %u: CPU %u reaches it again: configuration and monitors replayed\n",
			msc->desc.id, cpu);
	}
	up_write(&msc->hp_sem);
	return 0;
}

static int mpx_msc_hp_offline(unsigned int cpu, struct hlist_node *node)
{
	struct mpam_ext_msc *msc = hlist_entry_safe(node, struct mpam_ext_msc, hp_node);
	unsigned long flags;
	bool park;

	if (!cpumask_test_cpu(cpu, &msc->desc.affinity))
		return 0;
	down_write(&msc->hp_sem);
	spin_lock_irqsave(&msc->lock, flags);
	park = !msc->parked && mpx_msc_powered(msc) && mpx_msc_last_cpu(msc, cpu);
	spin_unlock_irqrestore(&msc->lock, flags);
	if (park) {
		mpx_msc_park(msc);
		pr_info("MSC %u: CPU %u was the last to reach it: parked, counts folded\n",
			msc->desc.id, cpu);
	}
	up_write(&msc->hp_sem);
	return 0;
}

/* Join the driver's hotplug state (a private MSC, before its probe) */
static void mpx_msc_hp_attach(struct mpam_ext_msc *msc)
{
	int ret = 0;

	if (!msc->desc.has_affinity)
		return;
	mutex_lock(&mpx_msc_hp_mutex);
	if (!mpx_msc_hp_users) {
		ret = cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN, "mpam_ext/msc:online",
					      mpx_msc_hp_online, mpx_msc_hp_offline);
		if (ret >= 0)
			mpx_msc_hp_state = ret;
	}
	if (ret >= 0)
		ret = cpuhp_state_add_instance_nocalls(mpx_msc_hp_state, &msc->hp_node);
	if (!ret) {
		mpx_msc_hp_users++;
		msc->hp_added = true;
	} else if (!mpx_msc_hp_users && mpx_msc_hp_state >= 0) {
		cpuhp_remove_multi_state(mpx_msc_hp_state);
		mpx_msc_hp_state = -1;
	}
	mutex_unlock(&mpx_msc_hp_mutex);
	if (ret)
		pr_warn("MSC %u: no CPU hotplug state (%d): a power loss with its CPUs goes unnoticed\n",
			msc->desc.id, ret);
}

static void mpx_msc_hp_detach(struct mpam_ext_msc *msc)
{
	if (!msc->hp_added)
		return;
	mutex_lock(&mpx_msc_hp_mutex);
	cpuhp_state_remove_instance_nocalls(mpx_msc_hp_state, &msc->hp_node);
	if (!--mpx_msc_hp_users) {
		cpuhp_remove_multi_state(mpx_msc_hp_state);
		mpx_msc_hp_state = -1;
	}
	mutex_unlock(&mpx_msc_hp_mutex);
	msc->hp_added = false;
}

/* One MSC */

static int mpx_msc_desc_check(const struct mpam_ext_msc_desc *desc)
{
	unsigned long seen = 0;
	unsigned int i;

	if (!desc->nr_ris || desc->nr_ris > MPAM_EXT_MAX_RIS) {
		pr_err("MSC %u: %u RIS described, 1..%u expected\n", desc->id,
		       desc->nr_ris, MPAM_EXT_MAX_RIS);
		return -EINVAL;
	}
	for (i = 0; i < desc->nr_ris; i++) {
		u8 idx = desc->ris[i].idx;

		if (idx >= MPAM_EXT_MAX_RIS || test_and_set_bit(idx, &seen)) {
			pr_err("MSC %u: RIS index %u invalid or repeated\n",
			       desc->id, idx);
			return -EINVAL;
		}
	}
	return 0;
}

/**
 * mpam_ext_msc_create() - create one MSC, mapped or simulated, not probed.
 * @desc:	its description (copied)
 * @sim:	drive a simulated MSC built from @desc instead of the hardware
 * @dev:	device for messages, may be NULL
 *
 * Process context. The MSC is not on the MSC list; mpam_ext_msc_probe()
 * makes it usable. A hardware MSC's register frame is claimed and mapped
 * here when it is at least MPAM_EXT_MSC_FRAME_MIN bytes long (a shorter one
 * is refused by the probe).
 *
 * Return: the MSC, or an ERR_PTR(): -EINVAL for a bad description, -EBUSY
 * for a register frame already claimed, -ENOMEM.
 */
struct mpam_ext_msc *mpam_ext_msc_create(const struct mpam_ext_msc_desc *desc,
					 bool sim, struct device *dev)
{
	struct mpam_ext_msc *msc;
	unsigned int i;
	int ret;

	ret = mpx_msc_desc_check(desc);
	if (ret)
		return ERR_PTR(ret);

	msc = kzalloc_obj(*msc, GFP_KERNEL);
	if (!msc)
		return ERR_PTR(-ENOMEM);
	INIT_LIST_HEAD(&msc->node);
	msc->desc = *desc;
	msc->dev = dev;
	spin_lock_init(&msc->lock);
	init_rwsem(&msc->hp_sem);
	atomic64_set(&msc->reads, 0);
	atomic64_set(&msc->writes, 0);
	INIT_WORK(&msc->err_work, mpx_msc_err_work);
	msc->state = MPAM_EXT_MSC_NEW;
	msc->nr_ris = desc->nr_ris;
	for (i = 0; i < msc->nr_ris; i++) {
		msc->ris[i].msc = msc;
		msc->ris[i].desc = &msc->desc.ris[i];
		msc->ris[i].idx = msc->desc.ris[i].idx;
	}

	if (sim) {
		msc->sim = mpam_ext_sim_create(&msc->desc);
		if (IS_ERR(msc->sim)) {
			ret = PTR_ERR(msc->sim);
			msc->sim = NULL;
			pr_err("MSC %u: simulated MSC not created (%d)\n",
			       desc->id, ret);
			goto err_free;
		}
	} else if (desc->size >= MPAM_EXT_MSC_FRAME_MIN) {
		if (!request_mem_region(desc->base, desc->size, KBUILD_MODNAME)) {
			pr_err("MSC %u: register frame 0x%llx+0x%llx is in use\n",
			       desc->id, desc->base, desc->size);
			ret = -EBUSY;
			goto err_free;
		}
		msc->region = true;
		msc->base = ioremap(desc->base, desc->size);
		if (!msc->base) {
			pr_err("MSC %u: register frame 0x%llx+0x%llx not mapped\n",
			       desc->id, desc->base, desc->size);
			ret = -ENOMEM;
			goto err_release;
		}
	}
	return msc;

err_release:
	release_mem_region(desc->base, desc->size);
err_free:
	kfree(msc);
	return ERR_PTR(ret);
}

static int mpx_msc_refuse(struct mpam_ext_msc *msc)
{
	unsigned long flags;

	pr_err("MSC %u refused: %s\n", msc->desc.id, msc->why);
	spin_lock_irqsave(&msc->lock, flags);
	msc->state = MPAM_EXT_MSC_REFUSED;
	spin_unlock_irqrestore(&msc->lock, flags);
	return -ENODEV;
}

/*
 * Who owns NRDY: the specification lets a monitor without automatic NRDY
 * leave the bit to software. NRDY is written set, and read back once the
 * MSC's NRDY time has passed: hardware would have cleared it by then, so
 * if it is still set, and a write of 0 clears it, it is software's; the
 * driver then clears it itself. Monitor 0 of the first type the RIS has is
 * used; the reset that follows disables it again. Process context.
 */
static void mpx_msc_probe_nrdy(struct mpam_ext_ris *ris)
{
	struct mpam_ext_msc *msc = ris->msc;
	bool set, stuck, cleared;
	unsigned long flags;
	u32 off;

	if (ris->nr_mon[MPAM_EXT_MON_CSU])
		off = MSMON_CSU;
	else if (ris->nr_mon[MPAM_EXT_MON_MBWU])
		off = MSMON_MBWU;
	else
		return;

	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_mon_sel(ris, 0);
	mpx_msc_write32(msc, off, MSMON_NRDY);
	set = mpx_msc_read32(msc, off) & MSMON_NRDY;
	spin_unlock_irqrestore(&msc->lock, flags);

	fsleep(clamp_t(u32, msc->desc.nrdy_us, 1, MPX_NRDY_SLEEP_MAX_US));

	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_mon_sel(ris, 0);
	stuck = mpx_msc_read32(msc, off) & MSMON_NRDY;
	mpx_msc_write32(msc, off, 0);
	cleared = !(mpx_msc_read32(msc, off) & MSMON_NRDY);
	ris->sw_nrdy = set && stuck && cleared;
	spin_unlock_irqrestore(&msc->lock, flags);
}

/*
 * Is RIS @idx one the MSC implements? Selecting an index it lacks records
 * Undefined_RIS_PART_SEL (the interrupt is not enabled yet): cleared here
 * and taken as absence. Without ESR an absent index reads an IDR with no
 * feature, which leaves nothing to reset either.
 */
static bool mpx_msc_ris_exists(struct mpam_ext_msc *msc, u8 idx)
{
	u64 esr;

	lockdep_assert_held(&msc->lock);

	mpx_msc_write32(msc, MPAMCFG_PART_SEL, FIELD_PREP(MPAMCFG_PART_SEL_RIS, idx));
	if (!msc->has_esr)
		return mpx_msc_read32(msc, MPAMF_IDR) != 0;
	esr = mpx_msc_read_esr(msc);
	if (FIELD_GET(MPAMF_ESR_ERRCODE, esr) != MPAM_EXT_ERR_UNDEF_RIS_PART_SEL)
		return true;
	mpx_msc_clear_esr(msc);
	return false;
}

/*
 * Every RIS index up to RIS_MAX that firmware does not describe: its
 * configuration after reset is UNKNOWN and could throttle traffic for
 * good, so it is probed and reset like a described one, then left alone.
 */
static int mpx_msc_probe_hidden(struct mpam_ext_msc *msc)
{
	unsigned long described = 0, flags;
	unsigned int i, idx;
	char why[96];
	bool exists;
	int ret;

	for (i = 0; i < msc->nr_ris; i++)
		__set_bit(msc->ris[i].idx, &described);
	for (idx = 0; msc->has_ris && idx <= msc->ris_max; idx++) {
		struct mpam_ext_ris *ris = &msc->ris[msc->nr_ris + msc->nr_hidden];

		if (test_bit(idx, &described))
			continue;
		memset(ris, 0, sizeof(*ris));
		ris->msc = msc;
		ris->idx = idx;
		ris->hidden = true;

		spin_lock_irqsave(&msc->lock, flags);
		exists = mpx_msc_ris_exists(msc, idx);
		ret = exists ? mpx_msc_probe_ris_regs(ris, why, sizeof(why)) : -ENOENT;
		spin_unlock_irqrestore(&msc->lock, flags);
		if (ret == -ENOENT)
			continue;
		if (!ret)
			ret = mpx_msc_decode_ris(ris, why, sizeof(why));
		if (ret) {
			pr_warn("MSC %u: RIS %u, not described, cannot be reset: %s\n",
				msc->desc.id, idx, why);
			continue;
		}
		/* Only the MSC-wide fields: an index the MSC does not have */
		if (!ris->hw.features && !ris->hw.partid_max)
			continue;
		msc->nr_hidden++;
		ret = mpx_msc_ris_setup(ris);
		if (ret)
			return ret;
		ris->probed = true;
		pr_info("MSC %u: RIS %u is not described: reset and left unused\n",
			msc->desc.id, idx);
	}
	return 0;
}

static long mpx_msc_probe_fn(void *arg);

/**
 * mpam_ext_msc_probe() - read the ID registers, reset, enable error reports.
 * @msc:	an MSC from mpam_ext_msc_create()
 *
 * Process context. Reads AIDR (only MPAM v1.x is accepted) and, for every
 * described RIS, IDR and each feature ID register it announces; a RIS whose
 * values are out of the specification's range is refused with a message and
 * never touched again. Then every PARTID of every usable RIS is reset, every
 * monitor disabled, a stale ESR cleared, the error interrupt connected and
 * ECR.INTEN set.
 *
 * Return: 0; -ENODEV when the MSC is refused (unknown version, frame too
 * small, no usable RIS: it stays in state refused and can be destroyed);
 * -ENOMEM; -EBUSY when already probed.
 */
int mpam_ext_msc_probe(struct mpam_ext_msc *msc)
{
	long ret;

	might_sleep();
	if (msc->state != MPAM_EXT_MSC_NEW)
		return -EBUSY;
	mpx_msc_hp_attach(msc);
	ret = mpx_msc_reach(msc, mpx_msc_probe_fn, msc);
	if (ret == -ENXIO || ret == -ENODEV) {
		if (msc->state != MPAM_EXT_MSC_NEW)
			return -ENODEV;
		snprintf(msc->why, sizeof(msc->why),
			 "no online CPU can reach it (affinity %*pbl)",
			 cpumask_pr_args(&msc->desc.affinity));
		return mpx_msc_refuse(msc);
	}
	return ret;
}

static long mpx_msc_probe_fn(void *arg)
{
	struct mpam_ext_msc *msc = arg;
	unsigned int i, usable = 0;
	unsigned long flags;
	char why[96];
	int ret;

	if (msc->desc.size < MPAM_EXT_MSC_FRAME_MIN) {
		snprintf(msc->why, sizeof(msc->why),
			 "register frame of 0x%llx bytes, 0x%x needed",
			 msc->desc.size, MPAM_EXT_MSC_FRAME_MIN);
		return mpx_msc_refuse(msc);
	}

	spin_lock_irqsave(&msc->lock, flags);
	ret = mpx_msc_probe_msc_regs(msc);
	spin_unlock_irqrestore(&msc->lock, flags);
	if (ret)
		return mpx_msc_refuse(msc);

	for (i = 0; i < msc->nr_ris; i++) {
		struct mpam_ext_ris *ris = &msc->ris[i];

		spin_lock_irqsave(&msc->lock, flags);
		ret = mpx_msc_probe_ris_regs(ris, why, sizeof(why));
		spin_unlock_irqrestore(&msc->lock, flags);
		if (!ret)
			ret = mpx_msc_decode_ris(ris, why, sizeof(why));
		if (ret) {
			pr_err("MSC %u RIS %u refused: %s\n", msc->desc.id,
			       ris->idx, why);
			memset(&ris->hw, 0, sizeof(ris->hw));
			continue;
		}
		ret = mpx_msc_ris_setup(ris);
		if (ret)
			return ret;
		mpx_msc_probe_nrdy(ris);
		ris->probed = true;
		usable++;
	}
	if (!usable) {
		snprintf(msc->why, sizeof(msc->why), "no usable RIS");
		return mpx_msc_refuse(msc);
	}
	ret = mpx_msc_probe_hidden(msc);
	if (ret)
		return ret;

	mpx_msc_reset_msc(msc);
	spin_lock_irqsave(&msc->lock, flags);
	msc->state = MPAM_EXT_MSC_OK;
	spin_unlock_irqrestore(&msc->lock, flags);
	mpx_msc_err_connect(msc);
	return 0;
}

/**
 * mpam_ext_msc_destroy() - reset and free one MSC.
 * @msc:	the MSC, or NULL
 *
 * Process context. Disconnects the error interrupt, waits for a pending
 * reset, puts every PARTID of a probed MSC back to defaults with its
 * monitors disabled, then unmaps (or destroys the simulated MSC) and frees.
 */
void mpam_ext_msc_destroy(struct mpam_ext_msc *msc)
{
	unsigned int i;

	if (!msc)
		return;
	might_sleep();
	mpx_msc_hp_detach(msc);
	mpx_msc_err_disconnect(msc);
	if (msc->state == MPAM_EXT_MSC_OK || msc->state == MPAM_EXT_MSC_ERRORED)
		mpx_msc_reach(msc, mpx_msc_reset_fn, msc);
	if (msc->sim)
		mpam_ext_sim_destroy(msc->sim);
	if (msc->base)
		iounmap(msc->base);
	if (msc->region)
		release_mem_region(msc->desc.base, msc->desc.size);
	for (i = 0; i < msc->nr_ris + msc->nr_hidden; i++)
		mpx_msc_ris_free(&msc->ris[i]);
	kfree(msc);
}

/**
 * mpam_ext_msc_get_state() - state of an MSC.
 * @msc:	the MSC
 *
 * Return: enum mpam_ext_msc_state.
 */
enum mpam_ext_msc_state mpam_ext_msc_get_state(struct mpam_ext_msc *msc)
{
	unsigned long flags;
	enum mpam_ext_msc_state state;

	spin_lock_irqsave(&msc->lock, flags);
	state = msc->state;
	spin_unlock_irqrestore(&msc->lock, flags);
	return state;
}

/**
 * mpam_ext_msc_last_esr() - MPAMF_ESR of the latest error.
 * @msc:	the MSC
 *
 * Return: the ESR value, 0 when no error was seen.
 */
u64 mpam_ext_msc_last_esr(struct mpam_ext_msc *msc)
{
	unsigned long flags;
	u64 esr;

	spin_lock_irqsave(&msc->lock, flags);
	esr = msc->last_esr;
	spin_unlock_irqrestore(&msc->lock, flags);
	return esr;
}

/**
 * mpam_ext_msc_error_sync() - wait for the reset that follows an error.
 * @msc:	the MSC
 *
 * Process context. Returns once a reset queued by the error handler has
 * finished (at once when none is queued).
 */
void mpam_ext_msc_error_sync(struct mpam_ext_msc *msc)
{
	flush_work(&msc->err_work);
}

/**
 * mpam_ext_msc_counts() - register accesses so far.
 * @msc:	the MSC
 * @reads:	register reads, or NULL
 * @writes:	register writes, or NULL
 */
void mpam_ext_msc_counts(struct mpam_ext_msc *msc, u64 *reads, u64 *writes)
{
	if (reads)
		*reads = atomic64_read(&msc->reads);
	if (writes)
		*writes = atomic64_read(&msc->writes);
}

/* The MSC list */

static bool mpx_msc_usable(struct mpam_ext_msc *msc)
{
	enum mpam_ext_msc_state state = mpam_ext_msc_get_state(msc);

	return state == MPAM_EXT_MSC_OK || state == MPAM_EXT_MSC_ERRORED;
}

/**
 * mpam_ext_msc_next() - next usable MSC on the list.
 * @prev:	the previous one, or NULL for the first
 *
 * Usable means probed: ok or errored (errored MSCs refuse configuration
 * with -EIO, they are still part of the platform). Refused MSCs are skipped.
 *
 * Return: the MSC, or NULL after the last.
 */
struct mpam_ext_msc *mpam_ext_msc_next(struct mpam_ext_msc *prev)
{
	struct list_head *pos = prev ? prev->node.next : mpx_msc_mscs.next;
	struct mpam_ext_msc *msc;

	for (; pos != &mpx_msc_mscs; pos = pos->next) {
		msc = list_entry(pos, struct mpam_ext_msc, node);
		if (mpx_msc_usable(msc))
			return msc;
	}
	return NULL;
}

/**
 * mpam_ext_ris_next() - next probed RIS of an MSC.
 * @msc:	the MSC
 * @prev:	the previous RIS, or NULL for the first
 *
 * Return: the RIS, or NULL after the last.
 */
struct mpam_ext_ris *mpam_ext_ris_next(struct mpam_ext_msc *msc,
				       struct mpam_ext_ris *prev)
{
	unsigned int i = prev ? prev - msc->ris + 1 : 0;

	for (; i < msc->nr_ris; i++)
		if (msc->ris[i].probed)
			return &msc->ris[i];
	return NULL;
}

/**
 * mpam_ext_msc_find() - usable MSC by identifier.
 * @id:		the identifier of its description
 *
 * Return: the MSC, or NULL when there is none or it was refused.
 */
struct mpam_ext_msc *mpam_ext_msc_find(u32 id)
{
	struct mpam_ext_msc *msc;

	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc))
		if (msc->desc.id == id)
			return msc;
	return NULL;
}

/**
 * mpam_ext_ris_find() - probed RIS of an MSC by RIS index.
 * @msc:	the MSC
 * @idx:	the RIS index
 *
 * Return: the RIS, or NULL when there is none or it was refused.
 */
struct mpam_ext_ris *mpam_ext_ris_find(struct mpam_ext_msc *msc, u8 idx)
{
	struct mpam_ext_ris *ris;

	for (ris = mpam_ext_ris_next(msc, NULL); ris; ris = mpam_ext_ris_next(msc, ris))
		if (ris->idx == idx)
			return ris;
	return NULL;
}

/**
 * mpam_ext_msc_partid_count() - PARTIDs every probed RIS can tell apart.
 *
 * The minimum over every probed RIS of the set-up MSCs of
 * mpam_ext_ris_nr_partids(). The CPUs' own limit is not included.
 *
 * Return: the count, 0 when no RIS is usable.
 */
u32 mpam_ext_msc_partid_count(void)
{
	return READ_ONCE(mpx_msc_partids);
}

/**
 * mpam_ext_msc_pmg_count() - PMGs every probed RIS supports.
 *
 * The minimum over every probed RIS of the set-up MSCs of PMG_MAX + 1. The
 * CPUs' own limit is not included.
 *
 * Return: the count, 0 when no RIS is usable.
 */
u32 mpam_ext_msc_pmg_count(void)
{
	return READ_ONCE(mpx_msc_pmgs);
}

static void mpx_msc_counts_update(void)
{
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	u32 partids = U32_MAX, pmgs = U32_MAX;

	lockdep_assert_held(&mpx_msc_list_mutex);

	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc)) {
		for (ris = mpam_ext_ris_next(msc, NULL); ris;
		     ris = mpam_ext_ris_next(msc, ris)) {
			partids = min(partids, mpam_ext_ris_nr_partids(ris));
			pmgs = min_t(u32, pmgs, ris->hw.pmg_max + 1);
		}
	}
	WRITE_ONCE(mpx_msc_partids, partids == U32_MAX ? 0 : partids);
	WRITE_ONCE(mpx_msc_pmgs, pmgs == U32_MAX ? 0 : pmgs);
}

/* debugfs */

static void mpx_msc_show_reg32(struct seq_file *s, const char *where,
			       const char *name, u32 val)
{
	seq_printf(s, "%s %s 0x%08x\n", where, name, val);
}

static void mpx_msc_show_regs_ris(struct seq_file *s, struct mpam_ext_ris *ris)
{
	static const struct {
		u32 off;
		const char *name;
	} idregs[] = {
		{ MPAMF_IMPL_IDR, "MPAMF_IMPL_IDR" },
		{ MPAMF_CPOR_IDR, "MPAMF_CPOR_IDR" },
		{ MPAMF_CCAP_IDR, "MPAMF_CCAP_IDR" },
		{ MPAMF_MBW_IDR, "MPAMF_MBW_IDR" },
		{ MPAMF_PRI_IDR, "MPAMF_PRI_IDR" },
		{ MPAMF_PARTID_NRW_IDR, "MPAMF_PARTID_NRW_IDR" },
		{ MPAMF_MSMON_IDR, "MPAMF_MSMON_IDR" },
		{ MPAMF_CSUMON_IDR, "MPAMF_CSUMON_IDR" },
		{ MPAMF_MBWUMON_IDR, "MPAMF_MBWUMON_IDR" },
	};
	const bool present[] = {
		ris->id.idr & MPAMF_IDR_HAS_IMPL_IDR,
		ris->id.idr & MPAMF_IDR_HAS_CPOR_PART,
		ris->id.idr & MPAMF_IDR_HAS_CCAP_PART,
		ris->id.idr & MPAMF_IDR_HAS_MBW_PART,
		ris->id.idr & MPAMF_IDR_HAS_PRI_PART,
		ris->id.idr & MPAMF_IDR_HAS_PARTID_NRW,
		ris->id.idr & MPAMF_IDR_HAS_MSMON,
		ris->id.msmon & MPAMF_MSMON_IDR_MSMON_CSU,
		ris->id.msmon & MPAMF_MSMON_IDR_MSMON_MBWU,
	};
	struct mpam_ext_msc *msc = ris->msc;
	unsigned long flags;
	char where[8], name[32];
	enum mpx_msc_sreg r;
	unsigned int i;

	snprintf(where, sizeof(where), "ris%u", ris->idx);
	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_part_sel(ris, 0, false);
	seq_printf(s, "%s MPAMF_IDR 0x%016llx\n", where, mpx_msc_read_idr(msc));
	for (i = 0; i < ARRAY_SIZE(idregs); i++)
		if (present[i])
			mpx_msc_show_reg32(s, where, idregs[i].name,
					   mpx_msc_read32(msc, idregs[i].off));
	if (mpx_msc_nrw(ris))
		mpx_msc_show_reg32(s, where, "MPAMCFG_INTPARTID",
				   mpx_msc_read32(msc, MPAMCFG_INTPARTID));

	/* PARTID 0 */
	mpx_msc_part_sel(ris, 0, mpx_msc_nrw(ris));
	for (i = 0; i < ris->cpbm_regs; i++) {
		snprintf(name, sizeof(name), "MPAMCFG_CPBM[%u]", i);
		mpx_msc_show_reg32(s, where, name,
				   mpx_msc_read32(msc, MPAMCFG_CPBM + 4 * i));
	}
	for (i = 0; i < ris->mbw_pbm_regs; i++) {
		snprintf(name, sizeof(name), "MPAMCFG_MBW_PBM[%u]", i);
		mpx_msc_show_reg32(s, where, name,
				   mpx_msc_read32(msc, MPAMCFG_MBW_PBM + 4 * i));
	}
	for (r = 0; r < MPX_S_INTPARTID; r++)
		if (mpx_msc_sreg_present(ris, r))
			mpx_msc_show_reg32(s, where, mpx_msc_sregs[r].name,
					   mpx_msc_read32(msc, mpx_msc_sregs[r].off));
	spin_unlock_irqrestore(&msc->lock, flags);
}

static void mpx_msc_show_regs(struct seq_file *s, struct mpam_ext_msc *msc)
{
	unsigned long flags;
	unsigned int i;

	if (!mpx_msc_usable(msc)) {
		mpx_msc_show_reg32(s, "msc", "MPAMF_AIDR", msc->aidr);
		return;
	}
	/* Stable: the caller holds @hp_sem */
	if (READ_ONCE(msc->parked)) {
		seq_puts(s, "msc parked: no CPU that reaches it is online\n");
		return;
	}
	/*
	 * Select a RIS the MSC has: PART_SEL naming one it lacks (RIS 0 need
	 * not exist) would raise an error from a read-only file.
	 */
	for (i = 0; i < msc->nr_ris && !msc->ris[i].probed; i++)
		;
	spin_lock_irqsave(&msc->lock, flags);
	mpx_msc_part_sel(&msc->ris[i], 0, false);
	mpx_msc_show_reg32(s, "msc", "MPAMF_AIDR", mpx_msc_read32(msc, MPAMF_AIDR));
	mpx_msc_show_reg32(s, "msc", "MPAMF_IIDR", mpx_msc_read32(msc, MPAMF_IIDR));
	if (msc->has_esr) {
		mpx_msc_show_reg32(s, "msc", "MPAMF_ECR", mpx_msc_read32(msc, MPAMF_ECR));
		seq_printf(s, "msc MPAMF_ESR 0x%016llx\n", mpx_msc_read_esr(msc));
	}
	spin_unlock_irqrestore(&msc->lock, flags);
	for (i = 0; i < msc->nr_ris; i++)
		if (msc->ris[i].probed)
			mpx_msc_show_regs_ris(s, &msc->ris[i]);
}

static const char *mpx_msc_loc_name(enum mpam_ext_loc_type loc)
{
	switch (loc) {
	case MPAM_EXT_LOC_CACHE:
		return "cache";
	case MPAM_EXT_LOC_MEMORY:
		return "memory";
	default:
		/* every other locator is only reset, like an unknown one */
		break;
	}
	return "unknown";
}

static void mpx_msc_show_ris(struct seq_file *s, struct mpam_ext_msc *msc)
{
	unsigned int i, used[MPAM_EXT_MON_NR_TYPES];
	char names[MPAM_EXT_HW_FEATURES_LEN];
	unsigned long flags;
	int t;

	for (i = 0; i < msc->nr_ris; i++) {
		struct mpam_ext_ris *ris = &msc->ris[i];
		const struct mpam_ext_ris_hw *hw = &ris->hw;

		spin_lock_irqsave(&msc->lock, flags);
		for (t = 0; t < MPAM_EXT_MON_NR_TYPES; t++)
			used[t] = ris->nr_mon[t] ?
				  bitmap_weight(ris->mon_used[t], ris->nr_mon[t]) : 0;
		spin_unlock_irqrestore(&msc->lock, flags);

		seq_printf(s, "ris=%u state=%s loc=%s level=%u id=%u partid_max=%u pmg_max=%u features=",
			   ris->idx, ris->probed ? "probed" : "refused",
			   mpx_msc_loc_name(ris->desc->loc), ris->desc->level,
			   ris->desc->id, hw->partid_max, hw->pmg_max);
		mpam_ext_hw_features_print(names, sizeof(names), hw->features, ",", "-");
		seq_printf(s, "%s cpbm_wd=%u cmax_wd=%u cassoc_wd=%u bwa_wd=%u mbw_pbm_bits=%u intpri_wd=%u dspri_wd=%u intpartid_max=%u csu_mon=%u csu_mon_used=%u mbwu_mon=%u mbwu_mon_used=%u mbwu_width=%u\n",
			   names, hw->cpbm_wd, hw->cmax_wd, hw->cassoc_wd,
			   hw->bwa_wd, hw->mbw_pbm_bits, hw->intpri_wd,
			   hw->dspri_wd, hw->intpartid_max, hw->num_csu_mon,
			   used[MPAM_EXT_MON_CSU], hw->num_mbwu_mon,
			   used[MPAM_EXT_MON_MBWU], hw->mbwu_width);
	}
}

static void mpx_msc_show_state(struct seq_file *s, struct mpam_ext_msc *msc)
{
	enum mpam_ext_msc_state state;
	unsigned long flags;
	u64 esr, errors, parks, replays;
	bool masked, parked;

	spin_lock_irqsave(&msc->lock, flags);
	state = msc->state;
	esr = msc->last_esr;
	errors = msc->nr_errors;
	masked = msc->irq_masked;
	parked = msc->parked;
	parks = msc->nr_parks;
	replays = msc->nr_replays;
	spin_unlock_irqrestore(&msc->lock, flags);

	seq_printf(s, "state %s\n", mpx_msc_state_name(state));
	seq_printf(s, "reason %s\n", state == MPAM_EXT_MSC_REFUSED ? msc->why : "-");
	seq_printf(s, "probe_esr 0x%016llx\n", msc->probe_esr);
	seq_printf(s, "errors %llu\n", errors);
	seq_printf(s, "irq_masked %u\n", masked);
	seq_printf(s, "last_esr 0x%016llx\n", esr);
	seq_printf(s, "last_errcode %u\n",
		   (unsigned int)FIELD_GET(MPAMF_ESR_ERRCODE, esr));
	seq_printf(s, "last_errname %s\n",
		   mpam_ext_errcode_name(FIELD_GET(MPAMF_ESR_ERRCODE, esr)));
	seq_printf(s, "last_partid_mon %u\n",
		   (unsigned int)FIELD_GET(MPAMF_ESR_PARTID_MON, esr));
	seq_printf(s, "last_pmg %u\n", (unsigned int)FIELD_GET(MPAMF_ESR_PMG, esr));
	seq_printf(s, "last_ris %u\n", (unsigned int)FIELD_GET(MPAMF_ESR_RIS, esr));
	seq_printf(s, "last_ovrwr %u\n", (esr & MPAMF_ESR_OVRWR) ? 1 : 0);
	seq_printf(s, "parked %u\n", parked);
	seq_printf(s, "parks %llu\n", parks);
	seq_printf(s, "replays %llu\n", replays);
}

/* One line per monitor of every probed RIS: docs/debugfs.md "monitors" */
static void mpx_msc_show_monitors(struct seq_file *s, struct mpam_ext_msc *msc)
{
	static const char * const types[] = { "csu", "mbwu" };
	char owner[sizeof(((struct mpam_ext_mon *)0)->owner)];
	unsigned int i, t, mon;
	unsigned long flags;
	const char *state;

	for (i = 0; i < msc->nr_ris; i++) {
		struct mpam_ext_ris *ris = &msc->ris[i];

		if (!ris->probed)
			continue;
		for (t = 0; t < MPAM_EXT_MON_NR_TYPES; t++) {
			for (mon = 0; mon < ris->nr_mon[t]; mon++) {
				spin_lock_irqsave(&msc->lock, flags);
				if (!test_bit(mon, ris->mon_used[t]))
					state = "free";
				else if (ris->mon[t][mon].configured)
					state = "running";
				else
					state = "allocated";
				strscpy(owner, ris->mon[t][mon].owner, sizeof(owner));
				spin_unlock_irqrestore(&msc->lock, flags);
				seq_printf(s, "msc=%u ris=%u type=%s mon=%u state=%s owner=%s\n",
					   msc->desc.id, ris->idx, types[t], mon,
					   state, owner[0] ? owner : "-");
			}
		}
	}
}

struct mpx_msc_show_args {
	struct seq_file *s;
	struct mpam_ext_msc *msc;
};

static long mpx_msc_show_regs_fn(void *arg)
{
	struct mpx_msc_show_args *a = arg;

	mpx_msc_show_regs(a->s, a->msc);
	return 0;
}

/**
 * mpam_ext_msc_seq_show() - print one of an MSC's debugfs records.
 * @s:		the seq_file
 * @msc:	the MSC
 * @rec:	which file's content
 *
 * Process context. MPAM_EXT_MSC_REC_REGS reads the hardware (and counts
 * those reads); the others print driver state. Formats: docs/debugfs.md.
 */
void mpam_ext_msc_seq_show(struct seq_file *s, struct mpam_ext_msc *msc,
			   enum mpam_ext_msc_record rec)
{
	struct mpx_msc_show_args a = { s, msc };
	u64 reads, writes;

	switch (rec) {
	case MPAM_EXT_MSC_REC_REGS:
		mpx_msc_reach(msc, mpx_msc_show_regs_fn, &a);
		break;
	case MPAM_EXT_MSC_REC_COUNTERS:
		mpam_ext_msc_counts(msc, &reads, &writes);
		seq_printf(s, "reads %llu\nwrites %llu\n", reads, writes);
		break;
	case MPAM_EXT_MSC_REC_RIS:
		mpx_msc_show_ris(s, msc);
		break;
	case MPAM_EXT_MSC_REC_STATE:
		mpx_msc_show_state(s, msc);
		break;
	case MPAM_EXT_MSC_REC_MONITORS:
		mpx_msc_show_monitors(s, msc);
		break;
	}
}

static int mpx_msc_regs_show(struct seq_file *s, void *unused)
{
	mpam_ext_msc_seq_show(s, s->private, MPAM_EXT_MSC_REC_REGS);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_msc_regs);

static int mpx_msc_counters_show(struct seq_file *s, void *unused)
{
	mpam_ext_msc_seq_show(s, s->private, MPAM_EXT_MSC_REC_COUNTERS);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_msc_counters);

static int mpx_msc_ris_show(struct seq_file *s, void *unused)
{
	mpam_ext_msc_seq_show(s, s->private, MPAM_EXT_MSC_REC_RIS);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_msc_ris);

static int mpx_msc_state_show(struct seq_file *s, void *unused)
{
	mpam_ext_msc_seq_show(s, s->private, MPAM_EXT_MSC_REC_STATE);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_msc_state);

static void mpx_msc_debugfs_msc(struct mpam_ext_msc *msc, struct dentry *parent)
{
	char name[16];

	snprintf(name, sizeof(name), "%u", msc->desc.id);
	msc->dbg = debugfs_create_dir(name, parent);
	debugfs_create_file("regs", 0444, msc->dbg, msc, &mpx_msc_regs_fops);
	debugfs_create_file("counters", 0444, msc->dbg, msc, &mpx_msc_counters_fops);
	debugfs_create_file("ris", 0444, msc->dbg, msc, &mpx_msc_ris_fops);
	debugfs_create_file("state", 0444, msc->dbg, msc, &mpx_msc_state_fops);
	if (msc->sim)
		mpam_ext_sim_debugfs_init(msc->sim, msc->dbg);
}

/* Setup and teardown */

static void mpx_msc_destroy_all(void)
{
	struct mpam_ext_msc *msc, *tmp;

	lockdep_assert_held(&mpx_msc_list_mutex);

	debugfs_remove_recursive(mpx_msc_dbg_dir);
	mpx_msc_dbg_dir = NULL;
	list_for_each_entry_safe_reverse(msc, tmp, &mpx_msc_mscs, node) {
		list_del(&msc->node);
		mpam_ext_msc_destroy(msc);
	}
	WRITE_ONCE(mpx_msc_partids, 0);
	WRITE_ONCE(mpx_msc_pmgs, 0);
}

/**
 * mpam_ext_msc_setup_all() - create, probe and reset every MSC of a platform.
 * @plat:	the platform description
 * @sim:	drive simulated MSCs instead of the hardware
 * @dev:	device for messages and resources, may be NULL
 * @dbg_root:	directory for debugfs "msc/<id>/", or NULL (or an error
 *		pointer) for none
 *
 * Process context; call once, from module init. Refused MSCs and RIS (see
 * mpam_ext_msc_probe()) stay on the list, visible in debugfs, skipped by the
 * iterators. On failure nothing is left behind.
 *
 * Return: 0; -EBUSY when MSCs are already set up; -EINVAL for a bad
 * description (duplicate MSC identifier, bad RIS list); -ENOMEM; -EBUSY
 * for a register frame in use.
 */
int mpam_ext_msc_setup_all(const struct mpam_ext_platform *plat, bool sim,
			   struct device *dev, struct dentry *dbg_root)
{
	struct mpam_ext_msc *msc;
	unsigned int i, j, refused = 0;
	int ret = 0;

	mutex_lock(&mpx_msc_list_mutex);
	if (!list_empty(&mpx_msc_mscs)) {
		ret = -EBUSY;
		goto out_unlock;
	}
	for (i = 0; i < plat->nr_mscs; i++) {
		for (j = 0; j < i; j++) {
			if (plat->mscs[i].id == plat->mscs[j].id) {
				pr_err("MSC %u described twice\n",
				       plat->mscs[i].id);
				ret = -EINVAL;
				goto out_unlock;
			}
		}
	}

	for (i = 0; i < plat->nr_mscs; i++) {
		msc = mpam_ext_msc_create(&plat->mscs[i], sim, dev);
		if (IS_ERR(msc)) {
			ret = PTR_ERR(msc);
			goto err;
		}
		list_add_tail(&msc->node, &mpx_msc_mscs);
		ret = mpam_ext_msc_probe(msc);
		if (ret == -ENODEV)
			refused++;
		else if (ret)
			goto err;
	}
	ret = 0;
	mpx_msc_counts_update();

	if (!IS_ERR_OR_NULL(dbg_root)) {
		mpx_msc_dbg_dir = debugfs_create_dir("msc", dbg_root);
		list_for_each_entry(msc, &mpx_msc_mscs, node)
			mpx_msc_debugfs_msc(msc, mpx_msc_dbg_dir);
	}
	pr_info("%u MSCs (%u refused); %u PARTIDs and %u PMGs on the MSC side\n",
		plat->nr_mscs, refused, mpx_msc_partids, mpx_msc_pmgs);
	goto out_unlock;

err:
	mpx_msc_destroy_all();
out_unlock:
	mutex_unlock(&mpx_msc_list_mutex);
	return ret;
}

/**
 * mpam_ext_msc_teardown_all() - reset and free every MSC.
 *
 * Process context; from module exit, after every user of the MSCs is gone.
 * Removes the debugfs directory, then resets each MSC to defaults, disables
 * its monitors and error interrupt, and frees it.
 */
void mpam_ext_msc_teardown_all(void)
{
	mutex_lock(&mpx_msc_list_mutex);
	mpx_msc_destroy_all();
	mutex_unlock(&mpx_msc_list_mutex);
}
