// SPDX-License-Identifier: GPL-2.0
/*
 * CPU side: which PARTID and PMG each task and CPU runs with, programmed at
 * every context switch into the simulated CPU registers or into MPAM1_EL1
 * and MPAM0_EL1. Rules, formats and the safety reasoning: docs/cpu.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/cpu.h>
#include <linux/cpu_pm.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/hashtable.h>
#include <linux/llist.h>
#include <linux/mutex.h>
#include <linux/rhashtable.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/workqueue.h>

#include <asm/cpufeature.h>
#include <asm/sysreg.h>
#include <asm/virt.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/sim/cpu_regs.h>

#include <mpam_ext/arch/cpu_test.h>

static char *mpx_cpu_side = "auto";
module_param_named(cpu_side, mpx_cpu_side, charp, 0444);
MODULE_PARM_DESC(cpu_side,
		 "Where the PARTID and PMG of the running task go (string): auto (default: simulated CPU registers with simulated MSCs, MPAM1_EL1/MPAM0_EL1 when the CPUs have FEAT_MPAM and the kernel runs at EL2), sim, hw (also at EL1, where the registers may trap), off");

/* The MPAM system registers, by encoding: older headers lack them */
#define MPX_SYS_MPAMIDR_EL1	sys_reg(3, 0, 10, 4, 4)
#define MPX_SYS_MPAM1_EL1	sys_reg(3, 0, 10, 5, 0)
#define MPX_SYS_MPAM0_EL1	sys_reg(3, 0, 10, 5, 1)
#define MPX_MPAMIDR_PARTID_MAX	GENMASK_ULL(15, 0)
#define MPX_MPAMIDR_PMG_MAX	GENMASK_ULL(39, 32)
/* The PARTID and PMG fields of MPAM0_EL1 and MPAM1_EL1 */
#define MPX_VAL_MASK		GENMASK_ULL(47, 0)

/* The MPAM system registers the CPU side accesses */
enum mpx_cpu_reg {
	MPX_CPU_MPAMIDR,
	MPX_CPU_MPAM0,
	MPX_CPU_MPAM1,
};

/**
 * struct mpx_cpu_backend - where the values go: the CPU's own MPAM system
 * registers or the simulated ones. Every access is made on the CPU whose
 * registers it reaches, with interrupts off.
 * @read:	read a register of this CPU
 * @write:	write a register of this CPU
 * @sync:	make the writes take effect, or NULL
 * @busy:	this CPU starts or stops running a task other than its idle
 *		task, or NULL (only the simulator accounts busy time)
 * @show:	print the registers of a CPU for debugfs "cpus", or NULL
 */
struct mpx_cpu_backend {
	u64 (*read)(enum mpx_cpu_reg reg);
	void (*write)(enum mpx_cpu_reg reg, u64 val);
	void (*sync)(void);
	void (*busy)(bool busy);
	void (*show)(struct seq_file *s, unsigned int cpu);
};

/**
 * struct mpx_cpu_pcpu - the CPU side of one CPU.
 * @lock:	protects every other field but @dflt; taken with interrupts
 *		off, from the sched_switch probe (runqueue lock held), the IPI
 *		handler, the hotplug and cpu_pm callbacks (all on this CPU)
 *		and from the hotplug callbacks of the control CPU and debugfs
 *		(any CPU). Nothing of this file is taken under it;
 *		the simulated registers' lock nests inside it. Nests inside
 *		the runqueue lock; never held together with
 *		mpx_cpu_tasks_lock.
 * @dflt:	value of tasks that were never moved; written by process
 *		context with WRITE_ONCE(), read locklessly
 * @cur:	the value last programmed
 * @stale:	the registers may no longer hold @cur (the CPU was off, or in
 *		a power-down state): the next programming writes them
 * @switches:	context switches seen
 * @writes:	register writes
 * @skipped:	writes skipped because the value was already programmed
 * @ipis:	re-programming IPIs received
 */
struct mpx_cpu_pcpu {
	raw_spinlock_t lock;
	u64 dflt;
	u64 cur;
	bool stale;
	u64 switches;
	u64 writes;
	u64 skipped;
	u64 ipis;
};

static DEFINE_PER_CPU(struct mpx_cpu_pcpu, mpx_cpu_pcpus);

/**
 * struct mpx_cpu_task - a moved task.
 * @rnode:	in mpx_cpu_map, keyed by @task, while @in_map
 * @fnode:	in mpx_cpu_fresh while @in_fresh
 * @task:	the task, referenced while the entry lives
 * @owner:	the resctrl front's group; written under mpx_cpu_tasks_lock
 * @val:	its value; written under mpx_cpu_tasks_lock, read under RCU
 * @dead:	the task left its group or exits: lookups ignore the entry,
 *		which waits on mpx_cpu_reap_list; set under mpx_cpu_tasks_lock
 * @in_map:	in mpx_cpu_map; under mpx_cpu_map_mutex
 * @in_fresh:	in mpx_cpu_fresh; under mpx_cpu_tasks_lock
 * @on_mig:	on mpx_cpu_mig_list: not freed before the migration took it
 *		off; set under mpx_cpu_tasks_lock, cleared under
 *		mpx_cpu_map_mutex
 * @mig:	on mpx_cpu_mig_list, from mpx_cpu_fresh to mpx_cpu_map
 * @reap:	on mpx_cpu_reap_list once @dead
 * @rcu:	frees the entry and drops the reference after a grace period
 * @next_free:	the next entry of mpx_cpu_pool while it is there
 */
struct mpx_cpu_task {
	struct rhash_head rnode;
	struct hlist_node fnode;
	struct task_struct *task;
	const void *owner;
	u64 val;
	bool dead;
	bool in_map;
	bool in_fresh;
	bool on_mig;
	struct llist_node mig;
	struct llist_node reap;
	struct rcu_head rcu;
	struct mpx_cpu_task *next_free;
};

/*
 * The moved tasks, in two tables. Readers look both up under RCU (the
 * sched_switch probe with the runqueue lock held, the IPI handler, the
 * task_newtask probe), first mpx_cpu_map.
 *
 * mpx_cpu_map, a resizable hash table, holds every entry made in process
 * context; only process context changes it, under mpx_cpu_map_mutex,
 * since inserting into or removing from it is not legal where the probes
 * run on PREEMPT_RT (its bucket locks disable bottom halves before 6.9,
 * and an insert may allocate).
 *
 * mpx_cpu_fresh, a fixed table, takes the entries the task_newtask probe
 * makes, under mpx_cpu_tasks_lock, until a work item moves them to
 * mpx_cpu_map; it never holds more than the entry pool gives out before
 * that work runs, so its chains stay short whatever the size of the map.
 * The exit probe only marks an entry dead; a work item takes dead entries
 * out of both tables under mpx_cpu_map_mutex.
 */
static struct rhashtable mpx_cpu_map;
static const struct rhashtable_params mpx_cpu_map_params = {
	.key_len = sizeof(struct task_struct *),
	.key_offset = offsetof(struct mpx_cpu_task, task),
	.head_offset = offsetof(struct mpx_cpu_task, rnode),
	.automatic_shrinking = true,
};

static bool mpx_cpu_map_ready;
static DEFINE_HASHTABLE(mpx_cpu_fresh, 8);
/* Entries in mpx_cpu_fresh; under mpx_cpu_tasks_lock, read locklessly */
static unsigned int mpx_cpu_fresh_nr;
static LLIST_HEAD(mpx_cpu_mig_list);
static LLIST_HEAD(mpx_cpu_reap_list);
static void mpx_cpu_mig_work_fn(struct work_struct *work);
static DECLARE_WORK(mpx_cpu_mig_work, mpx_cpu_mig_work_fn);
static void mpx_cpu_reap_work_fn(struct work_struct *work);
static DECLARE_WORK(mpx_cpu_reap_work, mpx_cpu_reap_work_fn);

/*
 * Serialises every change of mpx_cpu_map: moves, moving and dropping
 * whole groups, the migration of fresh entries and the reaping of dead
 * ones. Process context; taken before mpx_cpu_tasks_lock, and inside the
 * resctrl front's mutex.
 */
static DEFINE_MUTEX(mpx_cpu_map_mutex);

/**
 * struct mpx_cpu_redirect - a group being moved as a whole.
 * @active:	a move of a whole group is under way
 * @all:	every group is (reset)
 * @from:	the group
 * @to:		where its tasks go, NULL for the default group
 * @val:	their value then
 *
 * While a walk of mpx_cpu_map moves the entries of @from, a task created
 * by one of them gets @to and @val at once, wherever the walk is.
 */
struct mpx_cpu_redirect {
	bool active;
	bool all;
	const void *from;
	const void *to;
	u64 val;
};

static struct mpx_cpu_redirect mpx_cpu_redirect;

/*
 * Protects mpx_cpu_fresh, mpx_cpu_fresh_nr, the fields of the entries
 * marked as written under it, mpx_cpu_redirect and mpx_cpu_live. Raw: the
 * new-task and exit probes take it with preemption off. Held only for a
 * few entries at a time: nothing walks a table under it. Nothing is
 * allocated or freed under it, and no other lock of this file is taken
 * under it.
 */
static DEFINE_RAW_SPINLOCK(mpx_cpu_tasks_lock);
/* Between init and exit: tasks may be moved. Under mpx_cpu_tasks_lock. */
static bool mpx_cpu_live;

static enum mpam_ext_cpu_mode mpx_cpu_mode;
/* The backend of mpx_cpu_mode; NULL when off */
static const struct mpx_cpu_backend *mpx_cpu_be;
static char mpx_cpu_reason[160] = "not initialised";
static bool mpx_cpu_inited;
/*
 * The PARTIDs and PMGs every CPU that came online can issue: the minimum
 * of MPAMIDR_EL1's PARTID_MAX + 1 and PMG_MAX + 1 over them. Written by
 * the online callback, which CPU hotplug serialises, and at init and exit;
 * read locklessly.
 */
static u32 mpx_cpu_nr_partid = U32_MAX;
static u32 mpx_cpu_nr_pmg = U32_MAX;
/* New tasks that could not inherit their creator's value (pool empty) */
static atomic_long_t mpx_cpu_fork_fail;

/*
 * Entries for the task_newtask probe, allocated ahead in process context:
 * the probe runs where no allocation is legal on PREEMPT_RT (preemption
 * off on the kernels before tracepoints became preemptible), so it takes
 * one from here and a work item refills the pool. mpx_cpu_pool is a list
 * through next_free of mpx_cpu_pool_nr entries.
 */
#define MPX_CPU_POOL_SIZE	256
#define MPX_CPU_POOL_LOW	128
static struct mpx_cpu_task *mpx_cpu_pool;
static unsigned int mpx_cpu_pool_nr;
/*
 * Protects mpx_cpu_pool and mpx_cpu_pool_nr. Raw: the task_newtask probe
 * takes it with preemption off. A leaf: nothing is taken, allocated or
 * freed under it.
 */
static DEFINE_RAW_SPINLOCK(mpx_cpu_pool_lock);
static void mpx_cpu_pool_refill(struct work_struct *work);
static DECLARE_WORK(mpx_cpu_pool_work, mpx_cpu_pool_refill);
static struct dentry *mpx_cpu_dbg_file;
static int mpx_cpu_hp_state = -1;

static struct tracepoint *mpx_cpu_tp_switch;
static struct tracepoint *mpx_cpu_tp_newtask;
static struct tracepoint *mpx_cpu_tp_exit;

/**
 * mpam_ext_cpu_val() - build a value as MPAM0_EL1 holds it.
 * @partid_d:	PARTID of data accesses
 * @partid_i:	PARTID of instruction fetches
 * @pmg_d:	PMG of data accesses
 * @pmg_i:	PMG of instruction fetches
 *
 * Return: the value.
 */
u64 mpam_ext_cpu_val(u16 partid_d, u16 partid_i, u8 pmg_d, u8 pmg_i)
{
	return FIELD_PREP(MPAM_EXT_CPU_PARTID_D, partid_d) |
	       FIELD_PREP(MPAM_EXT_CPU_PARTID_I, partid_i) |
	       FIELD_PREP(MPAM_EXT_CPU_PMG_D, pmg_d) |
	       FIELD_PREP(MPAM_EXT_CPU_PMG_I, pmg_i);
}

/**
 * mpam_ext_cpu_decide() - where the CPU side writes its values.
 * @pfr0:	ID_AA64PFR0_EL1
 * @pfr1:	ID_AA64PFR1_EL1
 * @at_el2:	the kernel runs at EL2 (VHE)
 * @sim_mscs:	the MSCs are simulated
 * @param:	cpu_side: "auto", "sim", "hw" or "off"
 * @why:	receives the one-line reason
 * @len:	size of @why
 *
 * A pure function of its arguments. Simulated MSCs take the simulated
 * registers; hardware MSCs take MPAM1_EL1/MPAM0_EL1 when the CPUs have
 * FEAT_MPAM and the kernel runs at EL2, where no higher level can trap
 * them. At EL1 the hypervisor may trap them (MPAM2_EL2.TRAPMPAM1EL1), so
 * only cpu_side=hw uses them there.
 *
 * Return: the mode, or -EINVAL for a cpu_side that cannot be honoured
 * (@why says why).
 */
int mpam_ext_cpu_decide(u64 pfr0, u64 pfr1, bool at_el2, bool sim_mscs,
			const char *param, char *why, size_t len)
{
	unsigned int major = FIELD_GET(MPAM_EXT_PFR0_MPAM, pfr0);
	unsigned int minor = FIELD_GET(MPAM_EXT_PFR1_MPAM_FRAC, pfr1);
	bool feat = major || minor;
	bool hw = false;

	if (!param || !*param || !strcmp(param, "auto")) {
		param = "auto";
	} else if (!strcmp(param, "off")) {
		snprintf(why, len, "cpu_side=off: no MPAM register is written");
		return MPAM_EXT_CPU_OFF;
	} else if (!strcmp(param, "hw")) {
		hw = true;
	} else if (strcmp(param, "sim")) {
		snprintf(why, len,
			 "cpu_side=%s is not one of auto, sim, hw, off", param);
		return -EINVAL;
	}

	if (sim_mscs) {
		if (hw) {
			snprintf(why, len,
				 "cpu_side=hw refused: the MSCs are simulated, so CPU values go to the simulated registers (cpu_side=sim or auto)");
			return -EINVAL;
		}
		snprintf(why, len,
			 "simulated MSCs: values go to the simulated CPU registers");
		return MPAM_EXT_CPU_SIM;
	}
	if (!strcmp(param, "sim")) {
		snprintf(why, len,
			 "cpu_side=sim refused: the MSCs are hardware (sim= not given)");
		return -EINVAL;
	}
	if (!feat) {
		snprintf(why, len,
			 "no FEAT_MPAM: no MPAM control or monitoring");
		return MPAM_EXT_CPU_OFF;
	}
	if (at_el2) {
		snprintf(why, len,
			 "FEAT_MPAM v%u.%u, kernel at EL2: MPAM1_EL1/MPAM0_EL1 are programmed",
			 major, minor);
		return MPAM_EXT_CPU_HW;
	}
	if (hw) {
		snprintf(why, len,
			 "FEAT_MPAM v%u.%u, kernel at EL1, forced by cpu_side=hw: MPAM1_EL1/MPAM0_EL1 are programmed",
			 major, minor);
		return MPAM_EXT_CPU_HW;
	}
	snprintf(why, len,
		 "FEAT_MPAM v%u.%u but kernel at EL1: MPAM1_EL1/MPAM0_EL1 may trap to EL2 (MPAM2_EL2.TRAPMPAM1EL1), so they are left alone; cpu_side=hw forces them",
		 major, minor);
	return MPAM_EXT_CPU_OFF;
}

/* MPAM1_EL1 and MPAM0_EL1 of the CPU the kernel runs on */
static u64 mpx_cpu_hw_read(enum mpx_cpu_reg reg)
{
	switch (reg) {
	case MPX_CPU_MPAMIDR:
		return read_sysreg_s(MPX_SYS_MPAMIDR_EL1);
	case MPX_CPU_MPAM0:
		return read_sysreg_s(MPX_SYS_MPAM0_EL1);
	case MPX_CPU_MPAM1:
		return read_sysreg_s(MPX_SYS_MPAM1_EL1);
	}
	return 0;
}

static void mpx_cpu_hw_write(enum mpx_cpu_reg reg, u64 val)
{
	switch (reg) {
	case MPX_CPU_MPAMIDR:
		break;
	case MPX_CPU_MPAM0:
		write_sysreg_s(val, MPX_SYS_MPAM0_EL1);
		break;
	case MPX_CPU_MPAM1:
		write_sysreg_s(val, MPX_SYS_MPAM1_EL1);
		break;
	}
}

static void mpx_cpu_hw_sync(void)
{
	isb();
}

static const struct mpx_cpu_backend mpx_cpu_hw = {
	.read = mpx_cpu_hw_read,
	.write = mpx_cpu_hw_write,
	.sync = mpx_cpu_hw_sync,
};

/* The simulated registers (src/sim/cpu_regs.c) */
static const enum mpam_ext_sim_cpu_reg mpx_cpu_sim_regs[] = {
	[MPX_CPU_MPAMIDR] = MPAM_EXT_SIM_MPAMIDR_EL1,
	[MPX_CPU_MPAM0] = MPAM_EXT_SIM_MPAM0_EL1,
	[MPX_CPU_MPAM1] = MPAM_EXT_SIM_MPAM1_EL1,
};

static u64 mpx_cpu_sim_read(enum mpx_cpu_reg reg)
{
	return mpam_ext_sim_cpu_read(mpx_cpu_sim_regs[reg]);
}

static void mpx_cpu_sim_write(enum mpx_cpu_reg reg, u64 val)
{
	mpam_ext_sim_cpu_write(mpx_cpu_sim_regs[reg], val);
}

static const struct mpx_cpu_backend mpx_cpu_sim = {
	.read = mpx_cpu_sim_read,
	.write = mpx_cpu_sim_write,
	.busy = mpam_ext_sim_cpu_busy,
	.show = mpam_ext_sim_cpu_show,
};

/*
 * The one register write, whatever the backend: MPAM0_EL1 gets the value,
 * MPAM1_EL1 its PARTID and PMG fields with every other bit kept as read.
 */
static void mpx_cpu_write(struct mpx_cpu_pcpu *pc, u64 val)
{
	const struct mpx_cpu_backend *be = mpx_cpu_be;
	u64 m1;

	lockdep_assert_held(&pc->lock);
	if (!be)
		return;
	m1 = be->read(MPX_CPU_MPAM1);
	be->write(MPX_CPU_MPAM1, (m1 & ~MPX_VAL_MASK) | val);
	be->write(MPX_CPU_MPAM0, val);
	if (be->sync)
		be->sync();
}

/* The entry of @t in mpx_cpu_fresh, dead or not; under RCU */
static struct mpx_cpu_task *mpx_cpu_find_fresh(struct task_struct *t)
{
	struct mpx_cpu_task *e;

	hash_for_each_possible_rcu(mpx_cpu_fresh, e, fnode, (unsigned long)t,
				   lockdep_is_held(&mpx_cpu_tasks_lock))
		if (e->task == t)
			return e;
	return NULL;
}

/* The live entry of @t, or NULL; under RCU */
static struct mpx_cpu_task *mpx_cpu_find(struct task_struct *t)
{
	struct mpx_cpu_task *e;

	if (!READ_ONCE(mpx_cpu_map_ready))
		return NULL;
	e = rhashtable_lookup(&mpx_cpu_map, &t, mpx_cpu_map_params);
	if (!e && READ_ONCE(mpx_cpu_fresh_nr))
		e = mpx_cpu_find_fresh(t);
	if (e && READ_ONCE(e->dead))
		return NULL;
	return e;
}

/* Why a CPU is programmed */
enum mpx_cpu_cause {
	MPX_SWITCH,	/* context switch: counted, written if changed */
	MPX_IPI,	/* re-programming IPI: counted, written if changed */
	MPX_ONLINE,	/* CPU coming online: always written */
	MPX_PM,		/* back from a power-down state: always written */
};

/*
 * Program this CPU for @t, which runs on it now or is about to: its value
 * if it was moved, else this CPU's default; busy unless @t is the idle
 * task. Interrupts off.
 */
static void mpx_cpu_program(struct task_struct *t, enum mpx_cpu_cause why)
{
	struct mpx_cpu_pcpu *pc = this_cpu_ptr(&mpx_cpu_pcpus);
	bool busy = !is_idle_task(t);
	struct mpx_cpu_task *e;
	u64 val;

	rcu_read_lock();
	e = mpx_cpu_find(t);
	val = e ? READ_ONCE(e->val) : READ_ONCE(pc->dflt);
	rcu_read_unlock();

	raw_spin_lock(&pc->lock);
	if (why == MPX_SWITCH)
		pc->switches++;
	else if (why == MPX_IPI)
		pc->ipis++;
	if (mpx_cpu_be && mpx_cpu_be->busy)
		mpx_cpu_be->busy(busy);
	if (val != pc->cur || pc->stale || why == MPX_ONLINE ||
	    why == MPX_PM) {
		mpx_cpu_write(pc, val);
		pc->cur = val;
		pc->stale = false;
		pc->writes++;
	} else {
		pc->skipped++;
	}
	raw_spin_unlock(&pc->lock);
}

static void mpx_cpu_switch_probe(void *data, bool preempt,
				 struct task_struct *prev, struct task_struct *next,
				 unsigned int prev_state)
{
	mpx_cpu_program(next, MPX_SWITCH);
}

static void mpx_cpu_ipi(void *unused)
{
	mpx_cpu_program(current, MPX_IPI);
}

/*
 * CPUHP_AP_ONLINE_DYN, on @cpu: its MPAMIDR_EL1 lowers the limits, and it
 * is programmed with what its hotplug thread runs with.
 */
static int mpx_cpu_online(unsigned int cpu)
{
	unsigned long flags;
	u32 np, ng;
	u64 idr;

	local_irq_save(flags);
	idr = mpx_cpu_be ? mpx_cpu_be->read(MPX_CPU_MPAMIDR) : 0;
	mpx_cpu_program(current, MPX_ONLINE);
	local_irq_restore(flags);
	if (mpx_cpu_be) {
		np = FIELD_GET(MPX_MPAMIDR_PARTID_MAX, idr) + 1;
		ng = FIELD_GET(MPX_MPAMIDR_PMG_MAX, idr) + 1;
		WRITE_ONCE(mpx_cpu_nr_partid, min(READ_ONCE(mpx_cpu_nr_partid), np));
		WRITE_ONCE(mpx_cpu_nr_pmg, min(READ_ONCE(mpx_cpu_nr_pmg), ng));
	}
	return 0;
}

/*
 * The registers of @cpu no longer hold what was programmed: the next
 * context switch or interrupt there writes them.
 */
static void mpx_cpu_make_stale(unsigned int cpu)
{
	struct mpx_cpu_pcpu *pc = per_cpu_ptr(&mpx_cpu_pcpus, cpu);
	unsigned long flags;

	raw_spin_lock_irqsave(&pc->lock, flags);
	pc->stale = true;
	raw_spin_unlock_irqrestore(&pc->lock, flags);
}

/*
 * CPUHP_BP_PREPARE_DYN, on the control CPU: before @cpu runs anything on
 * its way up, and after it is dead on its way down. A module cannot have a
 * STARTING state (those are fixed entries of enum cpuhp_state), so this is
 * what makes the first context switch on the new CPU write its registers,
 * whatever the cached value says.
 */
static int mpx_cpu_hp_prepare(unsigned int cpu)
{
	mpx_cpu_make_stale(cpu);
	return 0;
}

static int mpx_cpu_hp_dead(unsigned int cpu)
{
	mpx_cpu_make_stale(cpu);
	return 0;
}

/*
 * cpu_pm: the CPU enters or leaves a low-power state that may lose the
 * MPAM registers' contents. Called on that CPU with interrupts off.
 */
static int mpx_cpu_pm_notify(struct notifier_block *nb, unsigned long action,
			     void *unused)
{
	switch (action) {
	case CPU_PM_ENTER:
		mpx_cpu_make_stale(smp_processor_id());
		break;
	case CPU_PM_ENTER_FAILED:
	case CPU_PM_EXIT:
		mpx_cpu_program(current, MPX_PM);
		break;
	}
	return NOTIFY_OK;
}

static struct notifier_block mpx_cpu_pm_nb = {
	.notifier_call = mpx_cpu_pm_notify,
};

static bool mpx_cpu_pm_registered;
static int mpx_cpu_hp_prepare_state = -1;

#ifdef MPAM_EXT_KUNIT
/**
 * mpam_ext_cpu_test_dead() - run the hotplug callback of a dead CPU.
 * @cpu:	the CPU
 *
 * KUnit only (<mpam_ext/arch/cpu_test.h>).
 */
void mpam_ext_cpu_test_dead(unsigned int cpu)
{
	mpx_cpu_hp_dead(cpu);
}

/**
 * mpam_ext_cpu_test_pm() - run the cpu_pm notifier on this CPU.
 * @action:	CPU_PM_ENTER, CPU_PM_ENTER_FAILED or CPU_PM_EXIT
 *
 * KUnit only (<mpam_ext/arch/cpu_test.h>). Interrupts off, as cpu_pm calls it.
 */
void mpam_ext_cpu_test_pm(unsigned long action)
{
	mpx_cpu_pm_notify(&mpx_cpu_pm_nb, action, NULL);
}

/**
 * mpam_ext_cpu_test_ipi() - what the re-programming interrupt does.
 *
 * KUnit only (<mpam_ext/arch/cpu_test.h>). On the CPU, interrupts off.
 */
void mpam_ext_cpu_test_ipi(void)
{
	mpx_cpu_ipi(NULL);
}

static long mpx_cpu_test_online_fn(void *unused)
{
	return mpx_cpu_online(raw_smp_processor_id());
}

/**
 * mpam_ext_cpu_test_online() - run the online callback on a CPU.
 * @cpu:	the CPU, online
 *
 * KUnit only (<mpam_ext/arch/cpu_test.h>). Process context.
 */
void mpam_ext_cpu_test_online(unsigned int cpu)
{
	work_on_cpu(cpu, mpx_cpu_test_online_fn, NULL);
}
#endif

static void mpx_cpu_entry_free(struct rcu_head *rcu)
{
	struct mpx_cpu_task *e = container_of(rcu, struct mpx_cpu_task, rcu);

	put_task_struct(e->task);
	kfree(e);
}

/*
 * Mark @e dead and queue it for the reaper; any context, only raw locks.
 * Return: whether this call did it.
 */
static bool mpx_cpu_kill(struct mpx_cpu_task *e)
{
	unsigned long flags;
	bool first;

	raw_spin_lock_irqsave(&mpx_cpu_tasks_lock, flags);
	first = !e->dead;
	WRITE_ONCE(e->dead, true);
	raw_spin_unlock_irqrestore(&mpx_cpu_tasks_lock, flags);
	if (first) {
		llist_add(&e->reap, &mpx_cpu_reap_list);
		/* The workqueue's locks are raw: legal in the probes on RT */
		schedule_work(&mpx_cpu_reap_work);
	}
	return first;
}

/* Take @e out of mpx_cpu_fresh, if it is there; process context */
static void mpx_cpu_fresh_del(struct mpx_cpu_task *e)
{
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	if (e->in_fresh) {
		hash_del_rcu(&e->fnode);
		e->in_fresh = false;
		WRITE_ONCE(mpx_cpu_fresh_nr, mpx_cpu_fresh_nr - 1);
	}
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
}

/*
 * Take the dead entries out of both tables and free them; one the
 * migration has not taken off its list yet waits for the next round.
 */
static void mpx_cpu_reap_locked(void)
{
	struct mpx_cpu_task *e, *tmp;
	struct llist_node *list;

	lockdep_assert_held(&mpx_cpu_map_mutex);
	list = llist_del_all(&mpx_cpu_reap_list);
	llist_for_each_entry_safe(e, tmp, list, reap) {
		if (READ_ONCE(e->on_mig)) {
			llist_add(&e->reap, &mpx_cpu_reap_list);
			continue;
		}
		if (e->in_map)
			rhashtable_remove_fast(&mpx_cpu_map, &e->rnode,
					       mpx_cpu_map_params);
		e->in_map = false;
		mpx_cpu_fresh_del(e);
		call_rcu(&e->rcu, mpx_cpu_entry_free);
	}
}

static void mpx_cpu_reap_work_fn(struct work_struct *work)
{
	mutex_lock(&mpx_cpu_map_mutex);
	mpx_cpu_reap_locked();
	mutex_unlock(&mpx_cpu_map_mutex);
}

/*
 * Put @e into mpx_cpu_map. A dead entry of the same task still there
 * leaves the map first (the reaper frees it), so a lookup never finds it
 * instead of @e.
 */
static int mpx_cpu_map_insert(struct mpx_cpu_task *e)
{
	struct mpx_cpu_task *old;
	int ret;

	lockdep_assert_held(&mpx_cpu_map_mutex);
	/* Entries leave the map only under the mutex: @old stays valid */
	old = rhashtable_lookup_fast(&mpx_cpu_map, &e->task, mpx_cpu_map_params);
	if (old && !READ_ONCE(old->dead))
		return -EEXIST;
	if (old) {
		rhashtable_remove_fast(&mpx_cpu_map, &old->rnode,
				       mpx_cpu_map_params);
		old->in_map = false;
	}
	ret = rhashtable_insert_fast(&mpx_cpu_map, &e->rnode,
				     mpx_cpu_map_params);
	if (!ret)
		e->in_map = true;
	return ret;
}

/* Move the entries the task_newtask probe made into mpx_cpu_map */
static void mpx_cpu_migrate_locked(void)
{
	struct mpx_cpu_task *e, *tmp;
	struct llist_node *list;
	bool reap = false;

	lockdep_assert_held(&mpx_cpu_map_mutex);
	list = llist_del_all(&mpx_cpu_mig_list);
	llist_for_each_entry_safe(e, tmp, list, mig) {
		WRITE_ONCE(e->on_mig, false);
		/* A dead one is the reaper's; one the map refuses stays fresh */
		if (READ_ONCE(e->dead)) {
			reap = true;
			continue;
		}
		if (mpx_cpu_map_insert(e))
			continue;
		mpx_cpu_fresh_del(e);
	}
	if (reap)
		schedule_work(&mpx_cpu_reap_work);
}

static void mpx_cpu_mig_work_fn(struct work_struct *work)
{
	mutex_lock(&mpx_cpu_map_mutex);
	mpx_cpu_migrate_locked();
	mutex_unlock(&mpx_cpu_map_mutex);
}

/* Re-program the CPU @t runs on, if it runs now */
static void mpx_cpu_kick(struct task_struct *t)
{
	/* The entry is published before on_cpu is read */
	smp_mb();
	if (READ_ONCE(t->on_cpu))
		smp_call_function_single(task_cpu(t), mpx_cpu_ipi, NULL, 1);
}

#ifdef MPAM_EXT_SCHED_EXIT_GROUP_DEAD
static void mpx_cpu_exit_probe(void *data, struct task_struct *p, bool group_dead)
#else
static void mpx_cpu_exit_probe(void *data, struct task_struct *p)
#endif
{
	struct mpx_cpu_task *e;

	/* PF_EXITING is set before the lookup: pairs with task_move */
	smp_mb();
	rcu_read_lock();
	e = mpx_cpu_find(p);
	if (e)
		mpx_cpu_kill(e);
	rcu_read_unlock();
}

/* Fill the pool up to MPX_CPU_POOL_SIZE entries; process context */
static void mpx_cpu_pool_refill(struct work_struct *work)
{
	struct mpx_cpu_task *e;
	unsigned long flags;
	bool full = false;

	while (!full) {
		e = kzalloc_obj(*e, GFP_KERNEL);
		if (!e)
			return;
		raw_spin_lock_irqsave(&mpx_cpu_pool_lock, flags);
		full = mpx_cpu_pool_nr >= MPX_CPU_POOL_SIZE;
		if (!full) {
			e->next_free = mpx_cpu_pool;
			mpx_cpu_pool = e;
			mpx_cpu_pool_nr++;
			e = NULL;
		}
		raw_spin_unlock_irqrestore(&mpx_cpu_pool_lock, flags);
		kfree(e);
	}
}

/* An entry from the pool, or NULL when it is empty; any context */
static struct mpx_cpu_task *mpx_cpu_pool_get(void)
{
	struct mpx_cpu_task *e;
	unsigned long flags;
	bool low;

	raw_spin_lock_irqsave(&mpx_cpu_pool_lock, flags);
	e = mpx_cpu_pool;
	if (e) {
		mpx_cpu_pool = e->next_free;
		mpx_cpu_pool_nr--;
		e->next_free = NULL;
	}
	low = mpx_cpu_pool_nr < MPX_CPU_POOL_LOW;
	raw_spin_unlock_irqrestore(&mpx_cpu_pool_lock, flags);
	/* The workqueue's locks are raw: legal here on PREEMPT_RT too */
	if (low)
		schedule_work(&mpx_cpu_pool_work);
	return e;
}

/* An unused entry back to the pool; any context */
static void mpx_cpu_pool_put(struct mpx_cpu_task *e)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&mpx_cpu_pool_lock, flags);
	e->next_free = mpx_cpu_pool;
	mpx_cpu_pool = e;
	mpx_cpu_pool_nr++;
	raw_spin_unlock_irqrestore(&mpx_cpu_pool_lock, flags);
}

/* Free the pool; process context, once nothing takes from it any more */
static void mpx_cpu_pool_free(void)
{
	struct mpx_cpu_task *e;

	cancel_work_sync(&mpx_cpu_pool_work);
	raw_spin_lock_irq(&mpx_cpu_pool_lock);
	e = mpx_cpu_pool;
	mpx_cpu_pool = NULL;
	mpx_cpu_pool_nr = 0;
	raw_spin_unlock_irq(&mpx_cpu_pool_lock);
	while (e) {
		struct mpx_cpu_task *next = e->next_free;

		kfree(e);
		e = next;
	}
}

/*
 * task_newtask fires in copy_process() for every new task, whoever creates
 * it (fork, clone, kernel threads, io_uring and vhost workers), before it
 * first runs; the creator is current. Preemption may be off: the entry
 * comes from the pool, and only raw spinlocks are taken.
 */
#ifdef MPAM_EXT_TASK_NEWTASK_U64
static void mpx_cpu_newtask_probe(void *data, struct task_struct *child,
				  u64 clone_flags)
#else
static void mpx_cpu_newtask_probe(void *data, struct task_struct *child,
				  unsigned long clone_flags)
#endif
{
	struct mpx_cpu_redirect *r = &mpx_cpu_redirect;
	struct task_struct *parent = current;
	struct mpx_cpu_task *e, *pe;
	const void *owner;
	unsigned long flags;
	bool queued = false;
	u64 val;

	rcu_read_lock();
	pe = mpx_cpu_find(parent);
	rcu_read_unlock();
	if (!pe)
		return;
	e = mpx_cpu_pool_get();
	if (!e) {
		atomic_long_inc(&mpx_cpu_fork_fail);
		return;
	}
	raw_spin_lock_irqsave(&mpx_cpu_tasks_lock, flags);
	rcu_read_lock();
	pe = mpx_cpu_find(parent);
	if (pe && mpx_cpu_live && !mpx_cpu_find(child)) {
		owner = pe->owner;
		val = pe->val;
		if (r->active && (r->all || owner == r->from)) {
			owner = r->to;
			val = r->val;
		}
		if (owner) {
			e->task = child;
			e->owner = owner;
			e->val = val;
			get_task_struct(child);
			hash_add_rcu(mpx_cpu_fresh, &e->fnode,
				     (unsigned long)child);
			e->in_fresh = true;
			WRITE_ONCE(mpx_cpu_fresh_nr, mpx_cpu_fresh_nr + 1);
			e->on_mig = true;
			llist_add(&e->mig, &mpx_cpu_mig_list);
			queued = true;
			e = NULL;
		}
	}
	rcu_read_unlock();
	raw_spin_unlock_irqrestore(&mpx_cpu_tasks_lock, flags);
	if (e)
		mpx_cpu_pool_put(e);
	if (queued)
		schedule_work(&mpx_cpu_mig_work);
}

/**
 * mpam_ext_task_move() - make a task run with a value.
 * @t:		the task (one thread), referenced by the caller
 * @owner:	the resctrl front's group, or NULL for the default group
 * @val:	the value (ignored with @owner NULL)
 *
 * Process context. The task runs with @val on every CPU from now on (its
 * CPU is re-programmed if it runs now), and the tasks it creates inherit
 * it. With @owner NULL it runs with its CPU's default value again.
 *
 * Return: 0, -ENOMEM, -ESRCH (@t is exiting) or -ENODEV (not initialised).
 */
int mpam_ext_task_move(struct task_struct *t, const void *owner, u64 val)
{
	struct mpx_cpu_task *e = NULL, *old;
	int ret = 0;

	if (owner) {
		e = kzalloc_obj(*e, GFP_KERNEL);
		if (!e)
			return -ENOMEM;
	}
	mutex_lock(&mpx_cpu_map_mutex);
	if (!mpx_cpu_map_ready) {
		mutex_unlock(&mpx_cpu_map_mutex);
		kfree(e);
		return -ENODEV;
	}
	rcu_read_lock();
	old = mpx_cpu_find(t);
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	if (!mpx_cpu_live) {
		ret = -ENODEV;
	} else if (old && owner) {
		WRITE_ONCE(old->owner, owner);
		WRITE_ONCE(old->val, val);
	}
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	if (!ret && old && !owner)
		mpx_cpu_kill(old);
	rcu_read_unlock();
	if (!ret && !old && owner) {
		if (READ_ONCE(t->flags) & PF_EXITING) {
			/* Its exit probe may have run already: it would stay here */
			ret = -ESRCH;
		} else {
			e->task = t;
			e->owner = owner;
			e->val = val;
			get_task_struct(t);
			ret = mpx_cpu_map_insert(e);
			if (ret) {
				put_task_struct(t);
			} else {
				/* Published before PF_EXITING is read: pairs with the exit probe */
				smp_mb();
				if (READ_ONCE(t->flags) & PF_EXITING) {
					mpx_cpu_kill(e);
					ret = -ESRCH;
				}
				e = NULL;
			}
		}
	}
	mutex_unlock(&mpx_cpu_map_mutex);
	kfree(e);
	if (!ret)
		mpx_cpu_kick(t);
	return ret;
}

/**
 * mpam_ext_task_owner() - the group a task was moved to.
 * @t:	the task
 *
 * Return: the owner given to mpam_ext_task_move(), or NULL (never moved,
 * moved back to the default group, or exited).
 */
const void *mpam_ext_task_owner(struct task_struct *t)
{
	const void *owner = NULL;
	struct mpx_cpu_task *e;

	rcu_read_lock();
	e = mpx_cpu_find(t);
	if (e)
		owner = READ_ONCE(e->owner);
	rcu_read_unlock();
	return owner;
}

/* Entries handled between two breaks of a walk */
#define MPX_CPU_WALK_BATCH	256

/* One entry of mpx_cpu_move_all() */
static void mpx_cpu_move_one(struct mpx_cpu_task *e, bool all,
			     const void *from, const void *to, u64 val)
{
	bool hit;

	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	hit = !e->dead && (all || e->owner == from);
	if (hit && to) {
		WRITE_ONCE(e->owner, to);
		WRITE_ONCE(e->val, val);
	}
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	if (hit && !to)
		mpx_cpu_kill(e);
}

/*
 * Move the entries of @from (of every group with @all) to @to, or drop
 * them with @to NULL. The map is walked in process context with
 * interrupts on, in batches with a break between them; tasks created by a
 * moved task meanwhile follow mpx_cpu_redirect.
 */
static void mpx_cpu_move_all(bool all, const void *from, const void *to,
			     u64 val)
{
	struct mpx_cpu_redirect *r = &mpx_cpu_redirect;
	struct rhashtable_iter iter;
	struct mpx_cpu_task *e;
	unsigned int n = 0;
	int bkt;

	mutex_lock(&mpx_cpu_map_mutex);
	if (!mpx_cpu_map_ready) {
		mutex_unlock(&mpx_cpu_map_mutex);
		return;
	}
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	*r = (struct mpx_cpu_redirect){ .active = true, .all = all,
					.from = from, .to = to, .val = val };
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	/* Every entry made before the redirect is in the map now */
	mpx_cpu_migrate_locked();

	rhashtable_walk_enter(&mpx_cpu_map, &iter);
	rhashtable_walk_start(&iter);
	while ((e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(e))
			continue;	/* -EAGAIN: resized, the walk goes on */
		mpx_cpu_move_one(e, all, from, to, val);
		if (++n % MPX_CPU_WALK_BATCH == 0) {
			rhashtable_walk_stop(&iter);
			cond_resched();
			rhashtable_walk_start(&iter);
		}
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	/* Entries the map refused stay fresh: bounded by the pool */
	rcu_read_lock();
	hash_for_each_rcu(mpx_cpu_fresh, bkt, e, fnode)
		if (!READ_ONCE(e->in_map))
			mpx_cpu_move_one(e, all, from, to, val);
	rcu_read_unlock();

	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	r->active = false;
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_migrate_locked();
	mpx_cpu_reap_locked();
	mutex_unlock(&mpx_cpu_map_mutex);
}

/**
 * mpam_ext_task_move_all() - move every task of one group.
 * @from:	the group whose tasks move
 * @to:		their new group, or NULL for the default group
 * @val:	their new value (ignored with @to NULL)
 *
 * Process context. Every online CPU is re-programmed.
 */
void mpam_ext_task_move_all(const void *from, const void *to, u64 val)
{
	mpx_cpu_move_all(false, from, to, val);
	on_each_cpu(mpx_cpu_ipi, NULL, 1);
}

/**
 * mpam_ext_task_for_each() - call a function for every task of a group.
 * @owner:	the group
 * @fn:		called for each of its tasks that is not exiting; under
 *		rcu_read_lock(), so it must not sleep
 * @arg:	passed to @fn
 *
 * With @owner NULL, the default group's tasks are listed: every thread of
 * the system that has no entry in the map.
 */
void mpam_ext_task_for_each(const void *owner,
			    void (*fn)(struct task_struct *t, void *arg),
			    void *arg)
{
	struct rhashtable_iter iter;
	struct task_struct *p, *t;
	struct mpx_cpu_task *e;
	int bkt;

	if (!owner) {
		rcu_read_lock();
		for_each_process_thread(p, t)
			if (!(READ_ONCE(t->flags) & PF_EXITING) && !mpx_cpu_find(t))
				fn(t, arg);
		rcu_read_unlock();
		return;
	}
	/* The map's walk holds the RCU read lock between start and stop */
	rhashtable_walk_enter(&mpx_cpu_map, &iter);
	rhashtable_walk_start(&iter);
	while ((e = rhashtable_walk_next(&iter))) {
		if (IS_ERR(e))
			continue;
		if (!READ_ONCE(e->dead) && READ_ONCE(e->owner) == owner &&
		    !(READ_ONCE(e->task->flags) & PF_EXITING))
			fn(e->task, arg);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	/* Fresh entries not yet in the map (those already there are listed) */
	rcu_read_lock();
	hash_for_each_rcu(mpx_cpu_fresh, bkt, e, fnode)
		if (!READ_ONCE(e->dead) && !READ_ONCE(e->in_map) &&
		    READ_ONCE(e->owner) == owner &&
		    !(READ_ONCE(e->task->flags) & PF_EXITING))
			fn(e->task, arg);
	rcu_read_unlock();
}

/**
 * mpam_ext_cpu_set_default() - the value of never-moved tasks on CPUs.
 * @mask:	the CPUs
 * @val:	the value
 *
 * Process context. The online CPUs of @mask are re-programmed.
 */
void mpam_ext_cpu_set_default(const struct cpumask *mask, u64 val)
{
	unsigned int cpu;

	for_each_cpu(cpu, mask)
		WRITE_ONCE(per_cpu_ptr(&mpx_cpu_pcpus, cpu)->dflt, val);
	on_each_cpu_mask(mask, mpx_cpu_ipi, NULL, 1);
}

static void mpx_cpu_drop_all(void)
{
	unsigned int cpu;

	mpx_cpu_move_all(true, NULL, NULL, 0);
	for_each_possible_cpu(cpu)
		WRITE_ONCE(per_cpu_ptr(&mpx_cpu_pcpus, cpu)->dflt, 0);
}

/**
 * mpam_ext_cpu_reset_all() - every task and CPU back to value 0.
 *
 * Process context. Drops every moved task's entry, sets every CPU's
 * default to 0 and re-programs every online CPU.
 */
void mpam_ext_cpu_reset_all(void)
{
	mpx_cpu_drop_all();
	on_each_cpu(mpx_cpu_ipi, NULL, 1);
}

#ifdef MPAM_EXT_KUNIT
/**
 * mpam_ext_cpu_current() - the value a CPU last programmed.
 * @cpu:	the CPU
 *
 * KUnit only (<mpam_ext/arch/cpu_test.h>).
 *
 * Return: the value, 0 for a CPU out of range or before any write.
 */
u64 mpam_ext_cpu_current(unsigned int cpu)
{
	struct mpx_cpu_pcpu *pc;
	unsigned long flags;
	u64 val;

	if (cpu >= nr_cpu_ids || !cpu_possible(cpu))
		return 0;
	pc = per_cpu_ptr(&mpx_cpu_pcpus, cpu);
	raw_spin_lock_irqsave(&pc->lock, flags);
	val = pc->cur;
	raw_spin_unlock_irqrestore(&pc->lock, flags);
	return val;
}
#endif

/**
 * mpam_ext_cpu_mode() - where the values go.
 *
 * Return: the mode chosen at init (OFF before).
 */
enum mpam_ext_cpu_mode mpam_ext_cpu_mode(void)
{
	return mpx_cpu_mode;
}

/**
 * mpam_ext_cpu_why() - why the mode was chosen.
 *
 * Return: a one-line reason.
 */
const char *mpam_ext_cpu_why(void)
{
	return mpx_cpu_reason;
}

/**
 * mpam_ext_cpu_limits() - the PARTIDs and PMGs the CPUs can issue.
 * @nr_partid:	receives the number of PARTIDs
 * @nr_pmg:	receives the number of PMGs
 *
 * The minimum over every CPU that came online since init of MPAMIDR_EL1's
 * PARTID_MAX + 1 and PMG_MAX + 1 (each read on its CPU as it comes
 * online; the simulated register in SIM mode). U32_MAX (no limit) when the
 * CPU side is off. CLOSIDs and RMIDs are to be capped with them.
 */
void mpam_ext_cpu_limits(u32 *nr_partid, u32 *nr_pmg)
{
	*nr_partid = READ_ONCE(mpx_cpu_nr_partid);
	*nr_pmg = READ_ONCE(mpx_cpu_nr_pmg);
}

static const char *const mpx_cpu_mode_names[] = {
	[MPAM_EXT_CPU_OFF] = "off",
	[MPAM_EXT_CPU_SIM] = "sim",
	[MPAM_EXT_CPU_HW] = "hw",
};

static int mpx_cpu_show(struct seq_file *s, void *unused)
{
	const struct mpx_cpu_backend *be = mpx_cpu_be;
	struct mpx_cpu_pcpu *pc, c;
	unsigned long flags;
	unsigned int cpu;

	seq_printf(s, "mode %s: %s\n", mpx_cpu_mode_names[mpx_cpu_mode], mpx_cpu_reason);
	for_each_possible_cpu(cpu) {
		pc = per_cpu_ptr(&mpx_cpu_pcpus, cpu);
		raw_spin_lock_irqsave(&pc->lock, flags);
		c = *pc;
		raw_spin_unlock_irqrestore(&pc->lock, flags);
		seq_printf(s,
			   "cpu%u %s partid_d %llu partid_i %llu pmg_d %llu pmg_i %llu default %#llx switches %llu writes %llu skipped %llu ipis %llu",
			   cpu, cpu_online(cpu) ? "online" : "offline",
			   FIELD_GET(MPAM_EXT_CPU_PARTID_D, c.cur),
			   FIELD_GET(MPAM_EXT_CPU_PARTID_I, c.cur),
			   FIELD_GET(MPAM_EXT_CPU_PMG_D, c.cur),
			   FIELD_GET(MPAM_EXT_CPU_PMG_I, c.cur),
			   READ_ONCE(pc->dflt), c.switches, c.writes,
			   c.skipped, c.ipis);
		if (be && be->show)
			be->show(s, cpu);
		seq_putc(s, '\n');
	}
	seq_printf(s, "fork_fail %ld\n", atomic_long_read(&mpx_cpu_fork_fail));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_cpu);

struct mpx_cpu_tp_want {
	const char *name;
	struct tracepoint **tp;
};

static void mpx_cpu_tp_match(struct tracepoint *tp, void *priv)
{
	struct mpx_cpu_tp_want *w;

	for (w = priv; w->name; w++)
		if (!strcmp(tp->name, w->name))
			*w->tp = tp;
}

static void mpx_cpu_unregister(void)
{
	if (mpx_cpu_tp_switch)
		tracepoint_probe_unregister(mpx_cpu_tp_switch, mpx_cpu_switch_probe,
					    NULL);
	if (mpx_cpu_tp_newtask)
		tracepoint_probe_unregister(mpx_cpu_tp_newtask,
					    mpx_cpu_newtask_probe, NULL);
	if (mpx_cpu_tp_exit)
		tracepoint_probe_unregister(mpx_cpu_tp_exit, mpx_cpu_exit_probe, NULL);
	tracepoint_synchronize_unregister();
	mpx_cpu_tp_switch = NULL;
	mpx_cpu_tp_newtask = NULL;
	mpx_cpu_tp_exit = NULL;
}

static int mpx_cpu_register(void)
{
	struct tracepoint *sw = NULL, *fork = NULL, *exit = NULL;
	struct mpx_cpu_tp_want want[] = {
		{ "sched_switch", &sw },
		{ "task_newtask", &fork },
		{ "sched_process_exit", &exit },
		{},
	};
	int ret;

	for_each_kernel_tracepoint(mpx_cpu_tp_match, want);
	if (!sw || !fork || !exit) {
		pr_err("cpu side: the scheduler or task tracepoints are missing (kernel without CONFIG_TRACEPOINTS?)\n");
		return -ENOENT;
	}
	ret = tracepoint_probe_register(fork, mpx_cpu_newtask_probe, NULL);
	if (ret)
		goto fail;
	mpx_cpu_tp_newtask = fork;
	ret = tracepoint_probe_register(exit, mpx_cpu_exit_probe, NULL);
	if (ret)
		goto fail;
	mpx_cpu_tp_exit = exit;
	if (mpx_cpu_mode != MPAM_EXT_CPU_OFF) {
		ret = tracepoint_probe_register(sw, mpx_cpu_switch_probe, NULL);
		if (ret)
			goto fail;
		mpx_cpu_tp_switch = sw;
	}
	return 0;
fail:
	pr_err("cpu side: cannot register a scheduler tracepoint probe: %d\n",
	       ret);
	mpx_cpu_unregister();
	return ret;
}

/* Remove the cpu_pm notifier and the hotplug states that were set up */
static void mpx_cpu_hp_remove(void)
{
	if (mpx_cpu_pm_registered)
		cpu_pm_unregister_notifier(&mpx_cpu_pm_nb);
	mpx_cpu_pm_registered = false;
	if (mpx_cpu_hp_state >= 0)
		cpuhp_remove_state_nocalls(mpx_cpu_hp_state);
	mpx_cpu_hp_state = -1;
	if (mpx_cpu_hp_prepare_state >= 0)
		cpuhp_remove_state_nocalls(mpx_cpu_hp_prepare_state);
	mpx_cpu_hp_prepare_state = -1;
}

/*
 * Free the map once no probe runs: the last dead entries are reaped, the
 * entries freed after their grace period.
 */
static void mpx_cpu_map_fini(void)
{
	mutex_lock(&mpx_cpu_map_mutex);
	WRITE_ONCE(mpx_cpu_map_ready, false);
	mutex_unlock(&mpx_cpu_map_mutex);
	cancel_work_sync(&mpx_cpu_mig_work);
	cancel_work_sync(&mpx_cpu_reap_work);
	mutex_lock(&mpx_cpu_map_mutex);
	mpx_cpu_migrate_locked();
	mpx_cpu_reap_locked();
	mutex_unlock(&mpx_cpu_map_mutex);
	cancel_work_sync(&mpx_cpu_reap_work);
	/* Lookups that saw the map ready are over */
	synchronize_rcu();
	rcu_barrier();
	rhashtable_destroy(&mpx_cpu_map);
}

/**
 * mpam_ext_cpu_init() - start the CPU side.
 * @sim_mscs:	the MSCs are simulated
 * @param:	cpu_side value, or NULL for the module parameter
 * @dbg:	debugfs directory for "cpus", or NULL
 *
 * Decides the mode (mpam_ext_cpu_decide()), prints why, registers the
 * scheduler probes and the hotplug callback and programs every online CPU
 * with value 0.
 *
 * Return: 0, -EBUSY when already started, -EINVAL for a cpu_side that
 * cannot be honoured, or the error of a registration.
 */
int mpam_ext_cpu_init(bool sim_mscs, const char *param, struct dentry *dbg)
{
	u64 pfr0, pfr1;
	unsigned int cpu;
	int ret;

	if (mpx_cpu_inited)
		return -EBUSY;
	pfr0 = read_sanitised_ftr_reg(SYS_ID_AA64PFR0_EL1);
	pfr1 = read_sanitised_ftr_reg(SYS_ID_AA64PFR1_EL1);
	ret = mpam_ext_cpu_decide(pfr0, pfr1, is_kernel_in_hyp_mode(),
				  sim_mscs, param ? param : mpx_cpu_side,
				  mpx_cpu_reason, sizeof(mpx_cpu_reason));
	if (ret < 0) {
		pr_err("cpu side: %s\n", mpx_cpu_reason);
		return ret;
	}
	mpx_cpu_mode = ret;
	/* Lowered by each online CPU's MPAMIDR_EL1 (mpx_cpu_online()) */
	WRITE_ONCE(mpx_cpu_nr_partid, U32_MAX);
	WRITE_ONCE(mpx_cpu_nr_pmg, U32_MAX);
	if (mpx_cpu_mode == MPAM_EXT_CPU_OFF)
		pr_warn("cpu side off: %s\n", mpx_cpu_reason);
	else
		pr_info("cpu side %s: %s\n", mpx_cpu_mode_names[mpx_cpu_mode],
			mpx_cpu_reason);

	for_each_possible_cpu(cpu) {
		struct mpx_cpu_pcpu *pc = per_cpu_ptr(&mpx_cpu_pcpus, cpu);

		memset(pc, 0, sizeof(*pc));
		raw_spin_lock_init(&pc->lock);
		pc->stale = true;
	}
	if (mpx_cpu_mode == MPAM_EXT_CPU_SIM) {
		mpam_ext_sim_cpu_start();
		mpx_cpu_be = &mpx_cpu_sim;
	} else if (mpx_cpu_mode == MPAM_EXT_CPU_HW) {
		mpx_cpu_be = &mpx_cpu_hw;
	}
	atomic_long_set(&mpx_cpu_fork_fail, 0);
	ret = rhashtable_init(&mpx_cpu_map, &mpx_cpu_map_params);
	if (ret) {
		mpx_cpu_be = NULL;
		mpam_ext_sim_cpu_stop();
		mpx_cpu_mode = MPAM_EXT_CPU_OFF;
		return ret;
	}
	mutex_lock(&mpx_cpu_map_mutex);
	WRITE_ONCE(mpx_cpu_map_ready, true);
	mutex_unlock(&mpx_cpu_map_mutex);
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_live = true;
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);

	/* Full before the new-task probe takes from it */
	mpx_cpu_pool_refill(NULL);
	ret = mpx_cpu_register();
	if (ret)
		goto fail;
	if (mpx_cpu_mode != MPAM_EXT_CPU_OFF) {
		ret = cpuhp_setup_state_nocalls(CPUHP_BP_PREPARE_DYN,
						"mpam_ext/cpu:prepare",
						mpx_cpu_hp_prepare,
						mpx_cpu_hp_dead);
		if (ret < 0) {
			pr_err("cpu side: no hotplug state: %d\n", ret);
			mpx_cpu_unregister();
			goto fail;
		}
		mpx_cpu_hp_prepare_state = ret;
		ret = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN,
					"mpam_ext/cpu:online", mpx_cpu_online,
					NULL);
		if (ret < 0) {
			pr_err("cpu side: no hotplug state: %d\n", ret);
			mpx_cpu_unregister();
			goto fail;
		}
		mpx_cpu_hp_state = ret;
		ret = cpu_pm_register_notifier(&mpx_cpu_pm_nb);
		if (ret) {
			pr_err("cpu side: no cpu_pm notifier: %d\n", ret);
			mpx_cpu_unregister();
			goto fail;
		}
		mpx_cpu_pm_registered = true;
	}
	if (dbg)
		mpx_cpu_dbg_file = debugfs_create_file("cpus", 0444, dbg, NULL,
						       &mpx_cpu_fops);
	mpx_cpu_inited = true;
	return 0;
fail:
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_live = false;
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_hp_remove();
	mpx_cpu_drop_all();
	mpx_cpu_pool_free();
	mpx_cpu_map_fini();
	mpx_cpu_be = NULL;
	mpam_ext_sim_cpu_stop();
	mpx_cpu_mode = MPAM_EXT_CPU_OFF;
	return ret;
}

/**
 * mpam_ext_cpu_exit() - stop the CPU side.
 *
 * Unregisters the probes and waits for running ones, programs every online
 * CPU with value 0, drops every task entry and its reference. Does nothing
 * when not started.
 */
void mpam_ext_cpu_exit(void)
{
	if (!mpx_cpu_inited)
		return;
	debugfs_remove(mpx_cpu_dbg_file);
	mpx_cpu_dbg_file = NULL;
	raw_spin_lock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_live = false;
	raw_spin_unlock_irq(&mpx_cpu_tasks_lock);
	mpx_cpu_unregister();
	mpx_cpu_hp_remove();
	mpx_cpu_drop_all();
	mpx_cpu_pool_free();
	/* No probe runs any more: only these IPIs re-program */
	on_each_cpu(mpx_cpu_ipi, NULL, 1);
	mpx_cpu_map_fini();
	mpx_cpu_be = NULL;
	mpam_ext_sim_cpu_stop();
	mpx_cpu_mode = MPAM_EXT_CPU_OFF;
	strscpy(mpx_cpu_reason, "not initialised", sizeof(mpx_cpu_reason));
	WRITE_ONCE(mpx_cpu_nr_partid, U32_MAX);
	WRITE_ONCE(mpx_cpu_nr_pmg, U32_MAX);
	mpx_cpu_inited = false;
}
