/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MSC register driver: probes the ID registers of every MSC and RIS, resets
 * and programs per-PARTID controls, runs monitors and handles the error
 * interrupt. One accessor layer reaches either a mapped register frame or a
 * simulated MSC; nothing above it can tell which.
 *
 * Locking, outermost first:
 *   1. the MSC list mutex (private to msc.c): setup, teardown, list walks
 *      outside the setup..teardown window;
 *   2. struct mpam_ext_msc.lock, a spinlock taken with irqsave: every
 *      register access of that MSC (PART_SEL and MON_SEL select state for
 *      the accesses after them), the shadow configuration, monitor state and
 *      the error state;
 *   3. the simulator's internal lock, taken inside the sim accessors.
 * No path takes two MSC locks at once.
 *
 * An MSC whose description has an affinity is accessed only from those
 * CPUs: the entry points that touch its registers run their accesses on
 * the calling CPU when it is one of them, else in a work on one of them
 * (work_on_cpu), so for such an MSC they need process context; without an
 * online CPU of the affinity the probe refuses the MSC.
 */
#ifndef MPAM_EXT_MSC_H
#define MPAM_EXT_MSC_H

#include <linux/atomic.h>
#include <linux/bitmap.h>
#include <linux/list.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include <mpam_ext/firmware/platform.h>

struct dentry;
struct device;
struct seq_file;
struct mpam_ext_msc;
struct mpam_ext_sim_msc;

/*
 * Widest cache or bandwidth portion bitmap the configuration API carries.
 * A RIS with a wider bitmap keeps it at its reset value (all portions) and
 * has the feature cleared, with a message.
 */
#define MPAM_EXT_PBM_MAX_BITS		1024

/* Fields of struct mpam_ext_config; bit numbers in mpam_ext_config.set */
enum mpam_ext_cfg_field {
	MPAM_EXT_CFG_CPBM,		/* @cpbm */
	MPAM_EXT_CFG_MBW_PBM,		/* @mbw_pbm */
	MPAM_EXT_CFG_MBW_MAX,		/* @mbw_max, @mbw_max_hardlim */
	MPAM_EXT_CFG_MBW_MIN,		/* @mbw_min */
	MPAM_EXT_CFG_CMAX,		/* @cmax, @cmax_softlim */
	MPAM_EXT_CFG_CMIN,		/* @cmin */
	MPAM_EXT_CFG_CASSOC,		/* @cassoc */
	MPAM_EXT_CFG_INTPRI,		/* @intpri */
	MPAM_EXT_CFG_DSPRI,		/* @dspri */
	MPAM_EXT_CFG_MBW_PROP,		/* @mbw_prop_en, @mbw_prop_stridem1 */
	MPAM_EXT_CFG_NR_FIELDS
};

/**
 * struct mpam_ext_config - one PARTID's controls on one RIS, in hardware
 * units.
 * @set:		bitmap of enum mpam_ext_cfg_field: the fields that carry
 *			a value; the others are left as they are
 * @cpbm:		cache portion bitmap, bit n = portion n
 * @mbw_pbm:		bandwidth portion bitmap
 * @mbw_max:		maximum bandwidth, 16-bit fixed-point fraction of the
 *			whole (0xffff ~ 100%); bits below the hardware's BWA_WD
 *			are dropped
 * @mbw_max_hardlim:	never exceed @mbw_max, even when bandwidth is idle
 * @mbw_min:		minimum bandwidth, same format as @mbw_max
 * @cmax:		maximum cache capacity, 16-bit fraction; bits below
 *			CMAX_WD are dropped
 * @cmax_softlim:	@cmax is a soft limit (needs MPAM_EXT_HW_CMAX_SOFTLIM)
 * @cmin:		minimum cache capacity, same format as @cmax
 * @cassoc:		maximum associativity, 16-bit fraction (CASSOC_WD bits)
 * @intpri:		internal priority, an integer of INTPRI_WD bits
 * @dspri:		downstream priority, an integer of DSPRI_WD bits
 * @mbw_prop_en:	enable proportional-stride bandwidth partitioning
 * @mbw_prop_stridem1:	stride minus one, an integer of BWA_WD bits
 */
struct mpam_ext_config {
	unsigned long set;
	DECLARE_BITMAP(cpbm, MPAM_EXT_PBM_MAX_BITS);
	DECLARE_BITMAP(mbw_pbm, MPAM_EXT_PBM_MAX_BITS);
	u16 mbw_max;
	bool mbw_max_hardlim;
	u16 mbw_min;
	u16 cmax;
	bool cmax_softlim;
	u16 cmin;
	u16 cassoc;
	u16 intpri;
	u16 dspri;
	bool mbw_prop_en;
	u16 mbw_prop_stridem1;
};

/* Monitor kinds */
enum mpam_ext_mon_type {
	MPAM_EXT_MON_CSU,		/* cache storage usage, bytes */
	MPAM_EXT_MON_MBWU,		/* memory bandwidth usage, bytes */
	MPAM_EXT_MON_NR_TYPES
};

/* Values of mpam_ext_mon_cfg.rwbw (MSMON_CFG_MBWU_FLT.RWBW) */
#define MPAM_EXT_MON_RWBW_ALL		0	/* reads and writes */
#define MPAM_EXT_MON_RWBW_WRITES	1
#define MPAM_EXT_MON_RWBW_READS		2

/**
 * struct mpam_ext_mon_cfg - what one monitor counts.
 * @partid:		PARTID to match
 * @pmg:		PMG to match
 * @match_partid:	count only traffic of @partid
 * @match_pmg:		count only traffic of @pmg
 * @rwbw:		MBWU only: MPAM_EXT_MON_RWBW_*; anything but ALL needs
 *			MPAM_EXT_HW_MBWU_RWBW
 */
struct mpam_ext_mon_cfg {
	u16 partid;
	u8 pmg;
	bool match_partid;
	bool match_pmg;
	u8 rwbw;
};

/**
 * struct mpam_ext_mon - driver state of one hardware monitor.
 * @configured:	the monitor has been configured and enabled
 * @ctl:	MSMON_CFG_*_CTL as last written (never with an overflow status)
 * @flt:	MSMON_CFG_*_FLT as last written
 * @correction:	MBWU: 2^width for every counter wrap seen since configuration
 * @last:	MBWU: counter value of the previous successful read
 * @owner:	who allocated it, for debugfs ("" for no name)
 *
 * All fields are under the MSC's lock.
 */
struct mpam_ext_mon {
	char owner[32];
	bool configured;
	u32 ctl;
	u32 flt;
	u64 correction;
	u64 last;
};

/**
 * struct mpam_ext_ris_idregs - raw ID register values of a RIS, as read.
 * @idr:	MPAMF_IDR (upper half 0 unless IDR.EXT)
 * @impl_idr:	MPAMF_IMPL_IDR
 * @cpor:	MPAMF_CPOR_IDR
 * @ccap:	MPAMF_CCAP_IDR
 * @mbw:	MPAMF_MBW_IDR
 * @pri:	MPAMF_PRI_IDR
 * @partid_nrw:	MPAMF_PARTID_NRW_IDR
 * @msmon:	MPAMF_MSMON_IDR
 * @csumon:	MPAMF_CSUMON_IDR
 * @mbwumon:	MPAMF_MBWUMON_IDR
 *
 * A register the IDR says is absent is not read and stays 0.
 */
struct mpam_ext_ris_idregs {
	u64 idr;
	u32 impl_idr;
	u32 cpor;
	u32 ccap;
	u32 mbw;
	u32 pri;
	u32 partid_nrw;
	u32 msmon;
	u32 csumon;
	u32 mbwumon;
};

/**
 * struct mpam_ext_ris - one resource instance, as probed.
 * @msc:		the MSC it belongs to
 * @desc:		its description (locator), in @msc->desc
 * @idx:		RIS index
 * @hidden:		not described by firmware: an index up to RIS_MAX that
 *			the probe found; it is reset and otherwise left alone
 *			(@desc is NULL, mpam_ext_ris_next() skips it)
 * @probed:		ID registers read and sane; the RIS is usable. False
 *			for a RIS that was refused; nothing touches its
 *			registers then
 * @hw:			properties read from the ID registers (not the
 *			description's)
 * @id:			raw ID register values
 * @cpbm_regs:		CPBM words reset writes (the hardware's width, even
 *			when it is beyond MPAM_EXT_PBM_MAX_BITS)
 * @mbw_pbm_regs:	MBW_PBM words reset writes
 * @cpbm_words:		CPBM words in the shadow (0 when CPOR is not used)
 * @mbw_pbm_words:	MBW_PBM words in the shadow
 * @shadow_stride:	u32 per PARTID in @shadow
 * @shadow:		last value written to every configuration register,
 *			per PARTID; under @msc->lock
 * @sw_nrdy:		the monitors' NRDY bit is software's (the probe could
 *			set and clear it): hardware never clears it, so the
 *			driver clears it when it configures a monitor
 * @nr_mon:		monitors of each enum mpam_ext_mon_type
 * @mon_used:		allocated monitors, per type; under @msc->lock
 * @mon:		monitor state, per type; under @msc->lock
 */
struct mpam_ext_ris {
	struct mpam_ext_msc *msc;
	const struct mpam_ext_ris_desc *desc;
	u8 idx;
	bool hidden;
	bool probed;
	struct mpam_ext_ris_hw hw;
	struct mpam_ext_ris_idregs id;
	unsigned int cpbm_regs;
	unsigned int mbw_pbm_regs;
	unsigned int cpbm_words;
	unsigned int mbw_pbm_words;
	unsigned int shadow_stride;
	u32 *shadow;
	bool sw_nrdy;
	u16 nr_mon[MPAM_EXT_MON_NR_TYPES];
	unsigned long *mon_used[MPAM_EXT_MON_NR_TYPES];
	struct mpam_ext_mon *mon[MPAM_EXT_MON_NR_TYPES];
};

/* State of an MSC */
enum mpam_ext_msc_state {
	MPAM_EXT_MSC_NEW,	/* created, not probed yet */
	MPAM_EXT_MSC_OK,	/* probed and reset; usable */
	MPAM_EXT_MSC_ERRORED,	/* error interrupt seen: reset, refuses use */
	MPAM_EXT_MSC_REFUSED,	/* probe refused it; its registers are left alone */
};

/**
 * struct mpam_ext_msc - one memory system component.
 * @node:	entry in the MSC list; under the MSC list mutex
 * @desc:	copy of its description
 * @dev:	device for messages and resources, may be NULL
 * @base:	mapped register frame (hardware), or NULL
 * @sim:	simulated MSC, or NULL
 * @lock:	serialises every register access (the PART_SEL and MON_SEL
 *		selection holds across the accesses that follow it), the
 *		shadows, monitor state and the fields marked "under @lock";
 *		irqsave. Taken after the MSC list mutex and before the
 *		simulator's internal lock
 * @reads:	register reads so far
 * @writes:	register writes so far
 * @state:	enum mpam_ext_msc_state; under @lock
 * @dying:	teardown has begun: the error path queues no more work;
 *		under @lock
 * @region:	the register frame is claimed with request_mem_region()
 * @ext:	MPAMF_IDR.EXT: the IDR is 64 bits wide
 * @has_esr:	MPAMF_ESR exists
 * @extd_esr:	MPAMF_ESR is 64 bits wide
 * @has_ris:	MPAMF_IDR.HAS_RIS
 * @ris_max:	MPAMF_IDR.RIS_MAX (0 without HAS_RIS)
 * @aidr:	MPAMF_AIDR as read
 * @iidr:	MPAMF_IIDR as read
 * @irq:	Linux interrupt requested for the error interrupt, or 0
 * @sim_irq:	the simulator's error callback is connected
 * @probe_esr:	MPAMF_ESR found (and cleared) once probe and reset were
 *		done: an error left by firmware or caused by the probe
 * @nr_errors:	error interrupts seen; under @lock
 * @last_esr:	MPAMF_ESR of the latest error; under @lock
 * @irq_masked:	the error handler cleared ECR.INTEN; under @lock
 * @rearmed:	the reset after the first error unmasked the interrupt
 *		(once only); under @lock
 * @err_work:	puts the hardware back to defaults after an error
 * @why:	reason the MSC was refused
 * @dbg:	its debugfs directory, or NULL
 * @nr_ris:	entries of @ris in use (desc.nr_ris)
 * @mon_sel:	MSMON_CFG_MON_SEL as the driver last wrote it, so that a
 *		monitor read of the selected monitor writes nothing; under
 *		@lock; valid only with @mon_sel_valid
 * @mon_sel_valid: @mon_sel holds what the register holds; cleared by
 *		anything that may have changed the register behind the
 *		driver (mpam_ext_msc_forget_selection())
 * @hp_sem:	CPU hotplug against register access on a private MSC (one
 *		with an affinity): held for reading around every access made
 *		through the reachability helper, for writing by the hotplug
 *		callbacks that park and replay the MSC. Taken after the CPU
 *		hotplug lock and before @lock
 * @hp_node:	instance of the driver's CPU hotplug state (private MSCs)
 * @hp_added:	@hp_node is on the hotplug state
 * @parked:	every CPU that reaches the MSC is offline: its state is
 *		presumed lost with its power. Register accesses do nothing,
 *		configuration goes to the shadow, MBWU counts hold what was
 *		folded; the first CPU back replays it all. Changes only with
 *		@hp_sem held for writing and @lock held; read under either
 * @nr_parks:	times the MSC was parked; under @lock
 * @nr_replays:	times its configuration was replayed after a park; under
 *		@lock
 * @nr_hidden:	hidden RIS found by the probe, in @ris after the described
 * @ris:	the RIS, in description order, then the hidden ones
 */
struct mpam_ext_msc {
	struct list_head node;
	struct mpam_ext_msc_desc desc;
	struct device *dev;
	void __iomem *base;
	struct mpam_ext_sim_msc *sim;
	spinlock_t lock;	/* every register access: see @lock */
	atomic64_t reads;
	atomic64_t writes;
	enum mpam_ext_msc_state state;
	bool dying;
	bool region;
	bool ext;
	bool has_esr;
	bool extd_esr;
	bool has_ris;
	u8 ris_max;
	u32 aidr;
	u32 iidr;
	int irq;
	bool sim_irq;
	u64 probe_esr;
	u64 nr_errors;
	u64 last_esr;
	bool irq_masked;
	bool rearmed;
	struct work_struct err_work;
	char why[64];
	struct dentry *dbg;
	unsigned int nr_ris;
	u32 mon_sel;
	bool mon_sel_valid;
	struct rw_semaphore hp_sem;
	struct hlist_node hp_node;
	bool hp_added;
	bool parked;
	u64 nr_parks;
	u64 nr_replays;
	unsigned int nr_hidden;
	struct mpam_ext_ris ris[MPAM_EXT_MAX_RIS];
};

/* Records printed by mpam_ext_msc_seq_show(): the debugfs files */
enum mpam_ext_msc_record {
	MPAM_EXT_MSC_REC_REGS,
	MPAM_EXT_MSC_REC_COUNTERS,
	MPAM_EXT_MSC_REC_RIS,
	MPAM_EXT_MSC_REC_STATE,
	MPAM_EXT_MSC_REC_MONITORS,
};

/* Setup and teardown (module init and exit) */
int mpam_ext_msc_setup_all(const struct mpam_ext_platform *plat, bool sim,
			   struct device *dev, struct dentry *dbg_root);
void mpam_ext_msc_teardown_all(void);

/* One MSC, off the list (building blocks of setup; tests) */

/*
 * Walking the MSCs set up by mpam_ext_msc_setup_all():
 *
 *	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc))
 *		for (ris = mpam_ext_ris_next(msc, NULL); ris;
 *		     ris = mpam_ext_ris_next(msc, ris))
 *
 * The list only changes in setup and teardown: code running between the
 * two needs no lock to walk it.
 */
struct mpam_ext_msc *mpam_ext_msc_next(struct mpam_ext_msc *prev);
struct mpam_ext_msc *mpam_ext_msc_find(u32 id);
struct mpam_ext_ris *mpam_ext_ris_find(struct mpam_ext_msc *msc, u8 idx);
u32 mpam_ext_msc_partid_count(void);
u32 mpam_ext_msc_pmg_count(void);

/* State and errors */
enum mpam_ext_msc_state mpam_ext_msc_get_state(struct mpam_ext_msc *msc);

/* Per-PARTID configuration */
unsigned long mpam_ext_ris_cfg_fields(const struct mpam_ext_ris *ris);
int mpam_ext_msc_apply(struct mpam_ext_ris *ris, u16 partid,
		       const struct mpam_ext_config *cfg);
int mpam_ext_msc_get_config(struct mpam_ext_ris *ris, u16 partid,
			    struct mpam_ext_config *cfg);

/* Monitors */
int mpam_ext_msc_mon_alloc(struct mpam_ext_ris *ris,
			   enum mpam_ext_mon_type type);
void mpam_ext_msc_mon_free(struct mpam_ext_ris *ris,
			   enum mpam_ext_mon_type type, u16 mon);
void mpam_ext_msc_mon_set_owner(struct mpam_ext_ris *ris,
				enum mpam_ext_mon_type type, u16 mon,
				const char *owner);
int mpam_ext_msc_mon_config(struct mpam_ext_ris *ris,
			    enum mpam_ext_mon_type type, u16 mon,
			    const struct mpam_ext_mon_cfg *cfg);
int mpam_ext_msc_mon_read(struct mpam_ext_ris *ris,
			  enum mpam_ext_mon_type type, u16 mon, u64 *val);

/* Inspection */
void mpam_ext_msc_seq_show(struct seq_file *s, struct mpam_ext_msc *msc,
			   enum mpam_ext_msc_record rec);

#endif /* MPAM_EXT_MSC_H */
