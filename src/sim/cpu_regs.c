// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated CPU registers: the MPAM system registers of each CPU, and the
 * busy time each CPU spends with each MPAM0_EL1 value, handed over to the
 * traffic model. docs/cpu.md ("Simulated CPU registers") gives the rules.
 */
#include <linux/cpumask.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include <mpam_ext/sim/cpu_regs.h>

#ifdef MPAM_EXT_KUNIT
#include "kunit/mpx_sim_cpu_test.h"
#endif

/* Values accounted per CPU between two drains */
#define MPX_SCPU_SLOTS		16

/* What MPAMIDR_EL1 reads: every PARTID and PMG the architecture allows */
#define MPX_SCPU_IDR_RESET	(MPAM_EXT_SIM_MPAMIDR_PARTID_MAX | \
				 MPAM_EXT_SIM_MPAMIDR_PMG_MAX)

struct mpx_scpu_slot {
	u64 mpam0;
	u64 ns;
};

/**
 * struct mpx_scpu - the simulated registers and busy time of one CPU.
 * @lock:	protects every other field; taken with interrupts off, by the
 *		register accesses on this CPU and by drains and debugfs on any
 *		CPU. Innermost: nothing is taken under it. Register accesses
 *		come from under the CPU side's per-CPU lock and the runqueue
 *		lock, so this is a raw spinlock.
 * @idr:	MPAMIDR_EL1
 * @mpam0:	MPAM0_EL1
 * @mpam1:	MPAM1_EL1
 * @busy:	the CPU runs something but its idle task
 * @since:	when @mpam0 or @busy last changed or was last drained (ns,
 *		ktime_get_mono_fast_ns())
 * @slots:	busy ns per MPAM0_EL1 value since the last drain
 * @busy_ns:	busy ns accounted into @slots, in total
 * @lost_ns:	busy ns not accounted because @slots was full
 */
struct mpx_scpu {
	raw_spinlock_t lock;
	u64 idr;
	u64 mpam0;
	u64 mpam1;
	bool busy;
	u64 since;
	struct mpx_scpu_slot slots[MPX_SCPU_SLOTS];
	u64 busy_ns;
	u64 lost_ns;
};

static DEFINE_PER_CPU(struct mpx_scpu, mpx_scpus) = {
	.lock = __RAW_SPIN_LOCK_UNLOCKED(mpx_scpus.lock),
	.idr = MPX_SCPU_IDR_RESET,
	.mpam1 = MPAM_EXT_SIM_MPAM1_MPAMEN,
};

/* Between start and stop: busy time is handed over by drains */
static bool mpx_scpu_started;

/* Add the busy time since sc->since to the MPAM0_EL1 value it ran with */
static void mpx_scpu_account(struct mpx_scpu *sc, u64 now)
{
	u64 ns;
	int i;

	lockdep_assert_held(&sc->lock);
	if (now <= sc->since)
		return;
	ns = now - sc->since;
	sc->since = now;
	if (!sc->busy)
		return;
	for (i = 0; i < MPX_SCPU_SLOTS; i++) {
		if (!sc->slots[i].ns || sc->slots[i].mpam0 == sc->mpam0) {
			sc->slots[i].mpam0 = sc->mpam0;
			sc->slots[i].ns += ns;
			sc->busy_ns += ns;
			return;
		}
	}
	sc->lost_ns += ns;
}

/**
 * mpam_ext_sim_cpu_start() - every CPU's registers at their reset values.
 *
 * MPAMIDR_EL1 allows every PARTID and PMG, MPAM0_EL1 is 0, MPAM1_EL1 has
 * MPAMEN set and PARTID and PMG 0; every CPU is idle and has no busy time.
 * From now on mpam_ext_sim_cpu_drain() hands busy time over. Process
 * context, before anything accesses the registers.
 */
void mpam_ext_sim_cpu_start(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct mpx_scpu *sc = per_cpu_ptr(&mpx_scpus, cpu);
		unsigned long flags;

		raw_spin_lock_irqsave(&sc->lock, flags);
		sc->idr = MPX_SCPU_IDR_RESET;
		sc->mpam0 = 0;
		sc->mpam1 = MPAM_EXT_SIM_MPAM1_MPAMEN;
		sc->busy = false;
		sc->since = ktime_get_mono_fast_ns();
		memset(sc->slots, 0, sizeof(sc->slots));
		sc->busy_ns = 0;
		sc->lost_ns = 0;
		raw_spin_unlock_irqrestore(&sc->lock, flags);
	}
	WRITE_ONCE(mpx_scpu_started, true);
}

/**
 * mpam_ext_sim_cpu_stop() - stop handing busy time over.
 *
 * Drains after this call hand nothing over. The registers keep their
 * values. Process context.
 */
void mpam_ext_sim_cpu_stop(void)
{
	WRITE_ONCE(mpx_scpu_started, false);
}

static u64 *mpx_scpu_reg(struct mpx_scpu *sc, enum mpam_ext_sim_cpu_reg reg)
{
	switch (reg) {
	case MPAM_EXT_SIM_MPAMIDR_EL1:
		return &sc->idr;
	case MPAM_EXT_SIM_MPAM0_EL1:
		return &sc->mpam0;
	case MPAM_EXT_SIM_MPAM1_EL1:
		return &sc->mpam1;
	}
	return NULL;
}

/**
 * mpam_ext_sim_cpu_read() - read a simulated system register of this CPU.
 * @reg:	the register
 *
 * Interrupts off, as for the MRS it stands for.
 *
 * Return: its value.
 */
u64 mpam_ext_sim_cpu_read(enum mpam_ext_sim_cpu_reg reg)
{
	struct mpx_scpu *sc = this_cpu_ptr(&mpx_scpus);
	u64 val;

	lockdep_assert_irqs_disabled();
	raw_spin_lock(&sc->lock);
	val = *mpx_scpu_reg(sc, reg);
	raw_spin_unlock(&sc->lock);
	return val;
}

/**
 * mpam_ext_sim_cpu_write() - write a simulated system register of this CPU.
 * @reg:	the register; MPAMIDR_EL1 is read-only and ignores writes
 * @val:	the value
 *
 * A change of MPAM0_EL1 first accounts the busy time up to now to the
 * value it held. Interrupts off, as for the MSR it stands for.
 */
void mpam_ext_sim_cpu_write(enum mpam_ext_sim_cpu_reg reg, u64 val)
{
	struct mpx_scpu *sc = this_cpu_ptr(&mpx_scpus);

	lockdep_assert_irqs_disabled();
	if (reg == MPAM_EXT_SIM_MPAMIDR_EL1)
		return;
	raw_spin_lock(&sc->lock);
	if (reg == MPAM_EXT_SIM_MPAM0_EL1 && val != sc->mpam0)
		mpx_scpu_account(sc, ktime_get_mono_fast_ns());
	*mpx_scpu_reg(sc, reg) = val;
	raw_spin_unlock(&sc->lock);
}

#ifdef MPAM_EXT_KUNIT
/**
 * mpam_ext_sim_cpu_set_idr() - what a CPU's MPAMIDR_EL1 reads.
 * @cpu:	the CPU
 * @idr:	the value, until the next mpam_ext_sim_cpu_start()
 *
 * KUnit only (kunit/mpx_sim_cpu_test.h): CPUs with different limits.
 */
void mpam_ext_sim_cpu_set_idr(unsigned int cpu, u64 idr)
{
	struct mpx_scpu *sc = per_cpu_ptr(&mpx_scpus, cpu);
	unsigned long flags;

	raw_spin_lock_irqsave(&sc->lock, flags);
	sc->idr = idr;
	raw_spin_unlock_irqrestore(&sc->lock, flags);
}
#endif

/**
 * mpam_ext_sim_cpu_busy() - this CPU starts or stops being busy.
 * @busy:	it now runs a task other than its idle task
 *
 * A change first accounts the busy time up to now. Interrupts off.
 */
void mpam_ext_sim_cpu_busy(bool busy)
{
	struct mpx_scpu *sc = this_cpu_ptr(&mpx_scpus);

	lockdep_assert_irqs_disabled();
	raw_spin_lock(&sc->lock);
	if (busy != sc->busy) {
		mpx_scpu_account(sc, ktime_get_mono_fast_ns());
		sc->busy = busy;
	}
	raw_spin_unlock(&sc->lock);
}

/**
 * mpam_ext_sim_cpu_show() - print one CPU's simulated registers.
 * @s:		the seq_file
 * @cpu:	the CPU
 *
 * Prints " mpam0 <hex> mpam1 <hex> busy_ns <n> lost_ns <n>", no newline.
 */
void mpam_ext_sim_cpu_show(struct seq_file *s, unsigned int cpu)
{
	struct mpx_scpu *sc = per_cpu_ptr(&mpx_scpus, cpu);
	u64 mpam0, mpam1, busy_ns, lost_ns;
	unsigned long flags;

	raw_spin_lock_irqsave(&sc->lock, flags);
	mpam0 = sc->mpam0;
	mpam1 = sc->mpam1;
	busy_ns = sc->busy_ns;
	lost_ns = sc->lost_ns;
	raw_spin_unlock_irqrestore(&sc->lock, flags);
	seq_printf(s, " mpam0 %#llx mpam1 %#llx busy_ns %llu lost_ns %llu",
		   mpam0, mpam1, busy_ns, lost_ns);
}

/**
 * mpam_ext_sim_cpu_drain() - hand over the busy time accounted per value.
 * @fn:		called with each CPU, MPAM0_EL1 value and the busy ns it ran
 *		with it since the last drain
 * @arg:	passed to @fn
 *
 * Each nanosecond a CPU was busy is handed over once: the running period
 * is accounted up to now, and the CPU's table is copied and cleared under
 * its lock; @fn is called without it. Nothing is handed over outside
 * mpam_ext_sim_cpu_start() and mpam_ext_sim_cpu_stop(). Process context.
 */
void mpam_ext_sim_cpu_drain(void (*fn)(unsigned int cpu, u64 mpam0,
				       u64 busy_ns, void *arg),
			    void *arg)
{
	struct mpx_scpu_slot out[MPX_SCPU_SLOTS];
	unsigned long flags;
	unsigned int cpu;
	int i;

	if (!READ_ONCE(mpx_scpu_started))
		return;
	for_each_possible_cpu(cpu) {
		struct mpx_scpu *sc = per_cpu_ptr(&mpx_scpus, cpu);

		raw_spin_lock_irqsave(&sc->lock, flags);
		mpx_scpu_account(sc, ktime_get_mono_fast_ns());
		memcpy(out, sc->slots, sizeof(out));
		memset(sc->slots, 0, sizeof(sc->slots));
		raw_spin_unlock_irqrestore(&sc->lock, flags);
		for (i = 0; i < MPX_SCPU_SLOTS; i++)
			if (out[i].ns)
				fn(cpu, out[i].mpam0, out[i].ns, arg);
	}
}
