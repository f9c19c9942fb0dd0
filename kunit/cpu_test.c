// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the CPU side: every row of the mode decision with the
 * words of its reason, value packing, and, with the CPU side started in SIM
 * mode, moving a spinning kernel thread and watching its CPU's programmed
 * value, owners and listing, moving a whole group, CPU defaults, reset,
 * inheritance by children, removal at exit and the busy-time accounting
 * handed over by mpam_ext_sim_cpu_drain().
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/cpu_pm.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timekeeping.h>

#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/sim/cpu_regs.h>

#include <mpam_ext/arch/cpu_test.h>
#include "kunit/mpx_sim_cpu_test.h"

#define T_PFR0_V1	FIELD_PREP_CONST(MPAM_EXT_PFR0_MPAM, 1)
#define T_PFR1_F1	FIELD_PREP_CONST(MPAM_EXT_PFR1_MPAM_FRAC, 1)
/* Every ID register bit but the MPAM fields */
#define T_PFR0_OTHER	(~MPAM_EXT_PFR0_MPAM)
#define T_PFR1_OTHER	(~MPAM_EXT_PFR1_MPAM_FRAC)

static const struct {
	u64 pfr0, pfr1;
	bool el2, sim;
	const char *param;
	int want;
	const char *words[3];
} t_rows[] = {
	/* Simulated MSCs: the simulated registers, whatever the CPU */
	{ 0, 0, false, true, "auto", MPAM_EXT_CPU_SIM, { "simulated" } },
	{ 0, 0, false, true, NULL, MPAM_EXT_CPU_SIM, { "simulated" } },
	{ 0, 0, false, true, "", MPAM_EXT_CPU_SIM, { "simulated" } },
	{ T_PFR0_V1, 0, true, true, "sim", MPAM_EXT_CPU_SIM,
	  { "simulated" } },
	{ T_PFR0_V1, 0, true, true, "hw", -EINVAL,
	  { "cpu_side=hw", "refused", "simulated" } },
	{ 0, 0, false, true, "off", MPAM_EXT_CPU_OFF, { "cpu_side=off" } },
	/* Hardware MSCs without FEAT_MPAM */
	{ 0, 0, true, false, "auto", MPAM_EXT_CPU_OFF,
	  { "no FEAT_MPAM", "no MPAM control or monitoring" } },
	{ T_PFR0_OTHER, T_PFR1_OTHER, true, false, "auto", MPAM_EXT_CPU_OFF,
	  { "no FEAT_MPAM" } },
	{ 0, 0, false, false, "hw", MPAM_EXT_CPU_OFF, { "no FEAT_MPAM" } },
	{ 0, 0, true, false, "sim", -EINVAL, { "cpu_side=sim", "hardware" } },
	/* FEAT_MPAM at EL2 */
	{ T_PFR0_V1, 0, true, false, "auto", MPAM_EXT_CPU_HW,
	  { "v1.0", "EL2", "programmed" } },
	{ 0, T_PFR1_F1, true, false, NULL, MPAM_EXT_CPU_HW, { "v0.1", "EL2" } },
	{ T_PFR0_V1 | GENMASK_ULL(39, 0), T_PFR1_F1 | GENMASK_ULL(15, 0),
	  true, false, "hw", MPAM_EXT_CPU_HW, { "v1.1", "EL2" } },
	{ T_PFR0_V1, 0, true, false, "off", MPAM_EXT_CPU_OFF,
	  { "cpu_side=off" } },
	/* FEAT_MPAM at EL1: may trap, only forced */
	{ T_PFR0_V1, 0, false, false, "auto", MPAM_EXT_CPU_OFF,
	  { "EL1", "MPAM2_EL2.TRAPMPAM1EL1", "cpu_side=hw" } },
	{ T_PFR0_V1, 0, false, false, "hw", MPAM_EXT_CPU_HW,
	  { "EL1", "forced", "cpu_side=hw" } },
	{ 0, T_PFR1_F1, false, false, "off", MPAM_EXT_CPU_OFF,
	  { "cpu_side=off" } },
	/* Misspelt */
	{ T_PFR0_V1, 0, true, false, "HW", -EINVAL, { "cpu_side=HW", "auto" } },
	{ 0, 0, false, true, "on", -EINVAL, { "cpu_side=on", "off" } },
};

static void t_test_decide(struct kunit *test)
{
	char why[160];
	unsigned int i, w;
	int got;

	for (i = 0; i < ARRAY_SIZE(t_rows); i++) {
		memset(why, 0, sizeof(why));
		got = mpam_ext_cpu_decide(t_rows[i].pfr0, t_rows[i].pfr1,
					  t_rows[i].el2, t_rows[i].sim,
					  t_rows[i].param, why, sizeof(why));
		KUNIT_EXPECT_EQ_MSG(test, got, t_rows[i].want, "row %u: %s",
				    i, why);
		KUNIT_EXPECT_NE_MSG(test, (int)strlen(why), 0, "row %u", i);
		KUNIT_EXPECT_NULL_MSG(test, strchr(why, '\n'), "row %u", i);
		for (w = 0; w < ARRAY_SIZE(t_rows[i].words); w++)
			if (t_rows[i].words[w])
				KUNIT_EXPECT_NOT_NULL_MSG(test,
							  strstr(why, t_rows[i].words[w]),
							  "row %u: \"%s\" lacks \"%s\"",
							  i, why, t_rows[i].words[w]);
	}
}

/* A short buffer is cut, not overrun */
static void t_test_decide_short(struct kunit *test)
{
	char why[9];

	memset(why, 'x', sizeof(why));
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_decide(0, 0, true, false, "auto",
						  why, 8),
			MPAM_EXT_CPU_OFF);
	KUNIT_EXPECT_STREQ(test, why, "no FEAT");
	KUNIT_EXPECT_EQ(test, why[8], 'x');
}

static void t_test_val(struct kunit *test)
{
	u64 v = mpam_ext_cpu_val(0x1234, 0x5678, 0x9a, 0xbc);

	KUNIT_EXPECT_EQ(test, v, 0x9abc12345678ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(MPAM_EXT_CPU_PARTID_D, v), 0x1234ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(MPAM_EXT_CPU_PARTID_I, v), 0x5678ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(MPAM_EXT_CPU_PMG_D, v), 0x9aULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(MPAM_EXT_CPU_PMG_I, v), 0xbcULL);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_val(0, 0, 0, 0), 0ULL);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_val(0xffff, 0xffff, 0xff, 0xff),
			GENMASK_ULL(47, 0));
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_val(1, 0, 0, 0), 1ULL << 16);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_val(0, 0, 0, 1), 1ULL << 32);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_val(0, 0, 1, 0), 1ULL << 40);
}

static int t_spin(void *unused)
{
	while (!kthread_should_stop()) {
		cpu_relax();
		cond_resched();
	}
	return 0;
}

static int t_wait(void *unused)
{
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

/* A kernel thread running @fn on @cpu */
static struct task_struct *t_thread(struct kunit *test, int (*fn)(void *),
				    unsigned int cpu)
{
	struct task_struct *t = kthread_create(fn, NULL, "mpx_cpu_test");

	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, cpu);
	wake_up_process(t);
	return t;
}

/* Whether @cpu programs @val within @ms milliseconds */
static bool t_becomes(unsigned int cpu, u64 val, unsigned int ms)
{
	u64 end = ktime_get_mono_fast_ns() + (u64)ms * NSEC_PER_MSEC;

	while (ktime_get_mono_fast_ns() < end) {
		if (mpam_ext_cpu_current(cpu) == val)
			return true;
		usleep_range(1000, 2000);
	}
	return mpam_ext_cpu_current(cpu) == val;
}

/* An online CPU other than the test's, or nr_cpu_ids */
static unsigned int t_other_cpu(void)
{
	return cpumask_any_but(cpu_online_mask, raw_smp_processor_id());
}

struct t_list {
	struct task_struct *want;
	unsigned int n, found;
};

static void t_count(struct task_struct *t, void *arg)
{
	struct t_list *l = arg;

	l->n++;
	if (t == l->want)
		l->found++;
}

static unsigned int t_listed(const void *owner, struct task_struct *want,
			     unsigned int *found)
{
	struct t_list l = { .want = want };

	mpam_ext_task_for_each(owner, t_count, &l);
	if (found)
		*found = l.found;
	return l.n;
}

static int t_live_init(struct kunit *test)
{
	/* The suite takes the CPU side over, in SIM mode */
	mpam_ext_cpu_exit();
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_init(true, "sim", NULL), 0);
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_mode(), MPAM_EXT_CPU_SIM);
	return 0;
}

static void t_live_exit(struct kunit *test)
{
	mpam_ext_cpu_exit();
}

static const int t_owner_a = 1, t_owner_b = 2, t_owner_t = 3;

static void t_test_move(struct kunit *test)
{
	u64 va = mpam_ext_cpu_val(5, 6, 1, 2), vb = mpam_ext_cpu_val(7, 7, 3, 3);
	unsigned int cpu = t_other_cpu(), found;
	struct task_struct *t;
	u32 np, ng;

	/* The simulated MPAMIDR_EL1 of every CPU allows every PARTID and PMG */
	mpam_ext_cpu_limits(&np, &ng);
	KUNIT_EXPECT_EQ(test, np, 65536U);
	KUNIT_EXPECT_EQ(test, ng, 256U);
	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second online CPU for the spinner");
	t = t_thread(test, t_spin, cpu);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, NULL), 0U);
	/* Never moved: listed with the default group's tasks */
	KUNIT_EXPECT_GT(test, t_listed(NULL, t, &found), 1U);
	KUNIT_EXPECT_EQ(test, found, 1U);

	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, va), 0);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, va, 2000));
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_task_owner(t), (const void *)&t_owner_a);
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, &found), 1U);
	KUNIT_EXPECT_EQ(test, found, 1U);
	/* Moved: not among the default group's tasks */
	t_listed(NULL, t, &found);
	KUNIT_EXPECT_EQ(test, found, 0U);

	/* rmdir: the group's tasks go to another */
	mpam_ext_task_move_all(&t_owner_a, &t_owner_b, vb);
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_task_owner(t), (const void *)&t_owner_b);
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, NULL), 0U);
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_b, t, &found), 1U);
	KUNIT_EXPECT_EQ(test, found, 1U);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, vb, 2000));

	/* Back to the default group: the CPU's default again */
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, NULL, 0), 0);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_b, t, NULL), 0U);
	t_listed(NULL, t, &found);
	KUNIT_EXPECT_EQ(test, found, 1U);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, 0, 2000));

	/* move_all to the default group drops the entries */
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, va), 0);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, va, 2000));
	mpam_ext_task_move_all(&t_owner_a, NULL, 0);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, 0, 2000));
	kthread_stop(t);
}

static void t_test_default_reset(struct kunit *test)
{
	u64 vd = mpam_ext_cpu_val(9, 9, 0, 0), va = mpam_ext_cpu_val(3, 4, 5, 6);
	unsigned int cpu = t_other_cpu(), c;
	struct task_struct *t;

	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second, idle online CPU");
	/* Nothing moved runs there: the default shows at once */
	mpam_ext_cpu_set_default(cpumask_of(cpu), vd);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_current(cpu), vd);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_current(raw_smp_processor_id()), 0ULL);

	/* A moved task keeps its value on a CPU with another default */
	t = t_thread(test, t_spin, cpu);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, va), 0);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, va, 2000));

	mpam_ext_cpu_reset_all();
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, NULL), 0U);
	for_each_online_cpu(c)
		KUNIT_EXPECT_EQ_MSG(test, mpam_ext_cpu_current(c), 0ULL,
				    "cpu %u", c);
	kthread_stop(t);
}

/* kthreadd, referenced; skips the test when pid 2 is not kthreadd */
static struct task_struct *t_kthreadd(struct kunit *test)
{
	struct task_struct *kthreadd;
	struct pid *pid;

	pid = find_get_pid(2);
	kthreadd = get_pid_task(pid, PIDTYPE_PID);
	put_pid(pid);
	if (!kthreadd || !(kthreadd->flags & PF_KTHREAD)) {
		if (kthreadd)
			put_task_struct(kthreadd);
		kunit_skip(test, "pid 2 is not kthreadd");
	}
	return kthreadd;
}

static void t_test_exit_and_fork(struct kunit *test)
{
	u64 va = mpam_ext_cpu_val(2, 2, 2, 2);
	struct task_struct *t, *kthreadd, *child;
	unsigned int i;

	t = t_thread(test, t_wait, raw_smp_processor_id());
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, va), 0);
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, NULL), 1U);
	get_task_struct(t);
	kthread_stop(t);
	for (i = 0; i < 1000 && mpam_ext_task_owner(t); i++)
		usleep_range(1000, 2000);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, t, NULL), 0U);
	/* An exited task cannot be moved */
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, va), -ESRCH);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(t));
	put_task_struct(t);

	/* Kernel threads are children of kthreadd: they inherit its entry */
	kthreadd = t_kthreadd(test);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(kthreadd, &t_owner_b, va), 0);
	child = t_thread(test, t_wait, raw_smp_processor_id());
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(kthreadd, NULL, 0), 0);
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_task_owner(child),
			    (const void *)&t_owner_b);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(kthreadd));
	mpam_ext_task_move_all(&t_owner_b, NULL, 0);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(child));
	kthread_stop(child);
	put_task_struct(kthreadd);
}

#define T_KIDS	32

struct t_kids {
	struct task_struct *kid[T_KIDS];
	unsigned int n;
	bool done;
};

/* Makes T_KIDS kernel threads, children of kthreadd, one after another */
static int t_make_kids(void *arg)
{
	struct t_kids *k = arg;
	struct task_struct *t;

	while (k->n < T_KIDS) {
		t = kthread_create(t_wait, NULL, "mpx_cpu_kid");
		if (IS_ERR(t))
			break;
		get_task_struct(t);
		wake_up_process(t);
		k->kid[k->n++] = t;
	}
	WRITE_ONCE(k->done, true);
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

/*
 * A group moved as a whole while its tasks create others: every child,
 * made before, during or after the move, ends in the new group.
 */
static void t_test_move_all_forking(struct kunit *test)
{
	u64 va = mpam_ext_cpu_val(31, 31, 0, 0), vb = mpam_ext_cpu_val(32, 32, 0, 0);
	struct task_struct *kthreadd, *maker;
	struct t_kids *k;
	unsigned int i, in_b = 0;

	k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, k);
	kthreadd = t_kthreadd(test);
	KUNIT_ASSERT_EQ(test, mpam_ext_task_move(kthreadd, &t_owner_a, va), 0);
	maker = kthread_run(t_make_kids, k, "mpx_cpu_maker");
	KUNIT_ASSERT_FALSE(test, IS_ERR(maker));
	/* kthread_run waited for the maker: it is a child of kthreadd in a */
	for (i = 0; i < 3; i++) {
		mpam_ext_task_move_all(&t_owner_a, &t_owner_b, vb);
		mpam_ext_task_move_all(&t_owner_b, &t_owner_a, va);
	}
	mpam_ext_task_move_all(&t_owner_a, &t_owner_b, vb);
	while (!READ_ONCE(k->done))
		msleep(20);
	KUNIT_EXPECT_EQ(test, k->n, T_KIDS);
	KUNIT_EXPECT_EQ(test, t_listed(&t_owner_a, NULL, NULL), 0U);
	for (i = 0; i < k->n; i++)
		if (mpam_ext_task_owner(k->kid[i]) == &t_owner_b)
			in_b++;
	KUNIT_EXPECT_EQ(test, in_b, k->n);
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_task_owner(kthreadd),
			    (const void *)&t_owner_b);
	KUNIT_EXPECT_PTR_EQ(test, mpam_ext_task_owner(maker),
			    (const void *)&t_owner_b);

	mpam_ext_task_move_all(&t_owner_b, NULL, 0);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(kthreadd));
	kthread_stop(maker);
	for (i = 0; i < k->n; i++) {
		kthread_stop(k->kid[i]);
		put_task_struct(k->kid[i]);
	}
	put_task_struct(kthreadd);
}

#define T_MAX_CPUS	64

struct t_drained {
	u64 val;		/* the value looked for */
	u64 ns[T_MAX_CPUS];	/* busy ns with it, per CPU */
	u64 all[T_MAX_CPUS];	/* busy ns with any value, per CPU */
	unsigned int calls;
};

static void t_drain_fn(unsigned int cpu, u64 val, u64 busy_ns, void *arg)
{
	struct t_drained *d = arg;

	d->calls++;
	if (cpu >= T_MAX_CPUS)
		return;
	d->all[cpu] += busy_ns;
	if (val == d->val)
		d->ns[cpu] += busy_ns;
}

static void t_test_drain(struct kunit *test)
{
	u64 vs = mpam_ext_cpu_val(11, 11, 1, 1), vd = mpam_ext_cpu_val(12, 12, 0, 0);
	u64 vt = mpam_ext_cpu_val(13, 13, 0, 0), t0, t1, t2, el;
	unsigned int cpu = t_other_cpu(), me, c;
	struct t_drained *d1, *d2;
	struct task_struct *t;

	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second online CPU for the spinner");
	if (nr_cpu_ids > T_MAX_CPUS)
		kunit_skip(test, "more than %d possible CPUs", T_MAX_CPUS);
	d1 = kunit_kzalloc(test, sizeof(*d1), GFP_KERNEL);
	d2 = kunit_kzalloc(test, sizeof(*d2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d1);
	KUNIT_ASSERT_NOT_NULL(test, d2);

	/* The test's own time goes to vt, never-moved tasks' to vd */
	KUNIT_ASSERT_EQ(test, mpam_ext_task_move(current, &t_owner_t, vt), 0);
	mpam_ext_cpu_set_default(cpu_possible_mask, vd);
	t = t_thread(test, t_spin, cpu);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(t, &t_owner_a, vs), 0);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, vs, 2000));

	d1->val = vs;
	mpam_ext_sim_cpu_drain(t_drain_fn, d1);
	memset(d1, 0, sizeof(*d1));
	d1->val = vs;
	t0 = ktime_get_mono_fast_ns();
	mpam_ext_sim_cpu_drain(t_drain_fn, d1);
	msleep(200);
	t1 = ktime_get_mono_fast_ns();
	mpam_ext_sim_cpu_drain(t_drain_fn, d1);
	d2->val = vs;
	mpam_ext_sim_cpu_drain(t_drain_fn, d2);
	t2 = ktime_get_mono_fast_ns();
	el = t1 - t0;
	me = raw_smp_processor_id();

	kunit_info(test, "cpu %u: %llu of %llu ns busy with the spinner's value, %llu ns in the second drain",
		   cpu, d1->ns[cpu], el, d2->all[cpu]);
	/* The spinner's CPU: busy with its value nearly all the time */
	KUNIT_EXPECT_GE_MSG(test, d1->ns[cpu], el * 8 / 10,
			    "cpu %u: %llu of %llu ns", cpu, d1->ns[cpu], el);
	/*
	 * Never more than the time that passed: nothing counted twice. The
	 * switches on the spinner's CPU read the clock there, the test reads
	 * it here; under TCG on a loaded host the vCPUs' readings drift by
	 * milliseconds, so the bound allows a tenth (a double count is twice).
	 */
	for_each_possible_cpu(c) {
		KUNIT_EXPECT_LE_MSG(test, d1->all[c] + d2->all[c],
				    (t2 - t0) + (t2 - t0) / 10 + 1000000, "cpu %u", c);
		if (!cpu_online(c))
			KUNIT_EXPECT_EQ_MSG(test, d1->all[c] + d2->all[c], 0ULL,
					    "offline cpu %u", c);
	}
	/* The second drain only holds the time between the two */
	KUNIT_EXPECT_LE(test, d2->all[cpu], (t2 - t1) + 1000000);
	/*
	 * The other CPU idles while the test sleeps: its idle time is not
	 * busy time. Only short kernel work there counts (with vd).
	 */
	for_each_online_cpu(c)
		if (c != cpu)
			KUNIT_EXPECT_LE_MSG(test, d1->all[c], el / 2,
					    "cpu %u (test on %u)", c, me);
	KUNIT_EXPECT_GT(test, d1->calls, 0U);

	kthread_stop(t);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(current, NULL, 0), 0);
}

struct t_regs {
	struct task_struct *t;	/* the spinner */
	bool pm_enter;		/* first CPU_PM_ENTER (0 in the enum: a flag) */
	u64 set;		/* then written to MPAM0_EL1, if not 0 */
	bool dead;		/* then the dead callback runs */
	bool ipi;		/* then the re-programming interrupt's work */
	unsigned long pm2;	/* then this cpu_pm event, if not 0 */
	u64 mpam0;		/* read back at the end */
	bool on_t;		/* the spinner was the task interrupted */
};

/*
 * On the CPU, in one interrupt: the register loses its value (as a
 * power-down would), the callbacks and events run; then MPAM0_EL1 is read.
 */
static void t_regs_fn(void *arg)
{
	struct t_regs *r = arg;

	r->on_t = current == r->t;
	if (r->pm_enter)
		mpam_ext_cpu_test_pm(CPU_PM_ENTER);
	if (r->set)
		mpam_ext_sim_cpu_write(MPAM_EXT_SIM_MPAM0_EL1, r->set);
	if (r->dead)
		mpam_ext_cpu_test_dead(smp_processor_id());
	if (r->ipi)
		mpam_ext_cpu_test_ipi();
	if (r->pm2)
		mpam_ext_cpu_test_pm(r->pm2);
	r->mpam0 = mpam_ext_sim_cpu_read(MPAM_EXT_SIM_MPAM0_EL1);
}

/* Run @r on @cpu until it interrupts the spinner (or 100 tries) */
static void t_regs_on(unsigned int cpu, struct t_regs *r)
{
	unsigned int i;

	for (i = 0; i < 100; i++) {
		smp_call_function_single(cpu, t_regs_fn, r, 1);
		if (r->on_t)
			return;
		usleep_range(1000, 2000);
	}
}

/*
 * A spinner moved to @va on a CPU other than the test's, in @r->t; skips
 * the test without a second online CPU. Return: the CPU.
 */
static unsigned int t_spinner(struct kunit *test, u64 va, struct t_regs *r)
{
	unsigned int cpu = t_other_cpu();

	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second online CPU for the spinner");
	r->t = t_thread(test, t_spin, cpu);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(r->t, &t_owner_a, va), 0);
	KUNIT_EXPECT_TRUE(test, t_becomes(cpu, va, 2000));
	return cpu;
}

/*
 * A CPU that went down loses its registers: after the dead callback the
 * next programming writes them even though the value did not change.
 */
static void t_test_hotplug_stale(struct kunit *test)
{
	u64 va = mpam_ext_cpu_val(21, 21, 1, 1), junk = mpam_ext_cpu_val(99, 98, 3, 2);
	struct t_regs r = { .set = junk };
	unsigned int cpu = t_spinner(test, va, &r);

	/* Lost, and the dead callback ran: the interrupt writes */
	r.ipi = true;
	r.dead = true;
	t_regs_on(cpu, &r);
	KUNIT_EXPECT_TRUE(test, r.on_t);
	KUNIT_EXPECT_EQ(test, r.mpam0, va);
	kthread_stop(r.t);
}

/*
 * Power-down idle: CPU_PM_ENTER marks the registers stale, CPU_PM_EXIT
 * writes what runs; a failed entry writes too; after an entry the next
 * interrupt writes.
 */
static void t_test_cpu_pm(struct kunit *test)
{
	u64 va = mpam_ext_cpu_val(22, 23, 2, 3), junk = mpam_ext_cpu_val(77, 77, 7, 7);
	struct t_regs r = { .set = junk, .pm_enter = true };
	unsigned int cpu = t_spinner(test, va, &r);

	r.pm2 = CPU_PM_EXIT;
	t_regs_on(cpu, &r);
	KUNIT_EXPECT_TRUE(test, r.on_t);
	KUNIT_EXPECT_EQ(test, r.mpam0, va);
	r.pm2 = CPU_PM_ENTER_FAILED;
	t_regs_on(cpu, &r);
	KUNIT_EXPECT_EQ(test, r.mpam0, va);
	r.pm2 = 0;
	t_regs_on(cpu, &r);
	KUNIT_EXPECT_EQ(test, r.mpam0, junk);
	r.ipi = true;
	t_regs_on(cpu, &r);
	KUNIT_EXPECT_EQ(test, r.mpam0, va);
	kthread_stop(r.t);
}

/* MPAMIDR_EL1: each field's minimum over the CPUs as they come online */
static void t_test_limits(struct kunit *test)
{
	unsigned int me = raw_smp_processor_id(), cpu = t_other_cpu();
	u32 np, ng;

	if (cpu >= nr_cpu_ids)
		kunit_skip(test, "needs a second online CPU");
	/* PARTID_MAX 7, PMG_MAX 1 on one; PARTID_MAX 15, PMG_MAX 0 on another */
	mpam_ext_sim_cpu_set_idr(cpu, 7 | (1ULL << 32));
	mpam_ext_sim_cpu_set_idr(me, 15);
	mpam_ext_cpu_test_online(cpu);
	mpam_ext_cpu_limits(&np, &ng);
	KUNIT_EXPECT_EQ(test, np, 8U);
	KUNIT_EXPECT_EQ(test, ng, 2U);
	mpam_ext_cpu_test_online(me);
	mpam_ext_cpu_limits(&np, &ng);
	KUNIT_EXPECT_EQ(test, np, 8U);
	KUNIT_EXPECT_EQ(test, ng, 1U);

	/* Restarted: every simulated register is back at reset */
	mpam_ext_cpu_exit();
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_init(true, "sim", NULL), 0);
	mpam_ext_cpu_limits(&np, &ng);
	KUNIT_EXPECT_EQ(test, np, 65536U);
	KUNIT_EXPECT_EQ(test, ng, 256U);
	/* Off: no register is read, no limit */
	mpam_ext_cpu_exit();
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_init(true, "off", NULL), 0);
	mpam_ext_cpu_limits(&np, &ng);
	KUNIT_EXPECT_EQ(test, np, U32_MAX);
	KUNIT_EXPECT_EQ(test, ng, U32_MAX);
}

/* Nothing is accepted before init and after exit */
static void t_test_not_live(struct kunit *test)
{
	struct t_drained d = { 0 };

	mpam_ext_cpu_exit();
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_mode(), MPAM_EXT_CPU_OFF);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(current, &t_owner_a, 1), -ENODEV);
	KUNIT_EXPECT_NULL(test, mpam_ext_task_owner(current));
	mpam_ext_sim_cpu_drain(t_drain_fn, &d);
	KUNIT_EXPECT_EQ(test, d.calls, 0U);
	/* A refused cpu_side leaves it stopped */
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_init(true, "hw", NULL), -EINVAL);
	KUNIT_EXPECT_EQ(test, mpam_ext_task_move(current, &t_owner_a, 1), -ENODEV);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_init(true, "sim", NULL), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_cpu_init(true, "sim", NULL), -EBUSY);
}

static struct kunit_case t_decide_cases[] = {
	KUNIT_CASE(t_test_decide),
	KUNIT_CASE(t_test_decide_short),
	KUNIT_CASE(t_test_val),
	{}
};

static struct kunit_case t_live_cases[] = {
	KUNIT_CASE(t_test_move),
	KUNIT_CASE(t_test_default_reset),
	KUNIT_CASE(t_test_exit_and_fork),
	KUNIT_CASE(t_test_move_all_forking),
	KUNIT_CASE(t_test_drain),
	KUNIT_CASE(t_test_hotplug_stale),
	KUNIT_CASE(t_test_cpu_pm),
	KUNIT_CASE(t_test_limits),
	KUNIT_CASE(t_test_not_live),
	{}
};

static struct kunit_suite t_decide_suite = {
	.name = "mpam_ext_cpu_decide",
	.test_cases = t_decide_cases,
};

static struct kunit_suite t_live_suite = {
	.name = "mpam_ext_cpu_live",
	.init = t_live_init,
	.exit = t_live_exit,
	.test_cases = t_live_cases,
};

kunit_test_suites(&t_decide_suite, &t_live_suite);
