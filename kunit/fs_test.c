// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite of the resctrl front's registration: the front takes
 * filesystem type "resctrl" only where the kernel has none, and stays off
 * while the CPU side is off.
 */
#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/fs_context.h>

#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/resctrl/fs.h>
#include <mpam_ext/model/model.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/model/topo.h>

#include "kunit/mpx_platform_texts.h"
#include "kunit/mpx_model_test.h"
#include "kunit/mpx_resctrl_test.h"

static int t_other_fs_init(struct fs_context *fc)
{
	return -EINVAL;
}

/* Stands for a kernel's own resctrl: never mounted by the suite */
static struct file_system_type t_other_fs = {
	.name		= "resctrl",
	.init_fs_context = t_other_fs_init,
	.kill_sb	= kill_anon_super,
};

static void t_arch_exit(void *unused)
{
	mpam_ext_arch_resctrl_exit();
}

/* A topology of "tiny", described to the front through the hooks */
static struct mpam_ext_topo *t_topo(struct kunit *test)
{
	struct mpam_ext_topo_params *p;
	struct mpam_ext_model *m;
	struct mpam_ext_topo *t;
	char err[MPAM_EXT_PARAM_ERR_LEN];

	m = t_build(test, t_shipped(test, "tiny"), NULL, 0);
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, mpam_ext_topo_parse_params(p, NULL, NULL, NULL,
							 NULL, NULL, err,
							 sizeof(err)), 0);
	t = mpam_ext_topo_pick(m, p);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_free_topo, t));
	KUNIT_ASSERT_NOT_NULL(test, t->res[MPAM_EXT_RES_L3].cls);
	KUNIT_ASSERT_EQ(test, mpam_ext_arch_resctrl_init(t), 0);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, t_arch_exit, NULL));
	return t;
}

/*
 * Whether a filesystem type resctrl exists, found by trying to register
 * one: get_fs_type() would ask user space to load a module for a name it
 * does not know.
 */
static bool t_resctrl_taken(struct kunit *test)
{
	int ret = register_filesystem(&t_other_fs);

	if (ret == -EBUSY)
		return true;
	KUNIT_EXPECT_EQ(test, ret, 0);
	unregister_filesystem(&t_other_fs);
	return false;
}

static void t_test_kernel_owns_name(struct kunit *test)
{
	t_topo(test);

	KUNIT_ASSERT_FALSE(test, mpam_ext_fs_active());
	if (t_resctrl_taken(test))
		kunit_skip(test, "this kernel has a filesystem type resctrl already");
	mpam_ext_cpu_exit();
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_init(true, "sim", NULL), 0);

	/* Name taken: the front stays off and leaves the other type alone */
	KUNIT_ASSERT_EQ(test, register_filesystem(&t_other_fs), 0);
	KUNIT_EXPECT_EQ(test, mpam_ext_fs_init(), 0);
	KUNIT_EXPECT_FALSE(test, mpam_ext_fs_active());
	mpam_ext_fs_exit();
	/* Still registered: unregistering it succeeds */
	KUNIT_EXPECT_EQ(test, unregister_filesystem(&t_other_fs), 0);

	/* Name free: the front takes it, and gives it back at exit */
	KUNIT_EXPECT_EQ(test, mpam_ext_fs_init(), 0);
	KUNIT_EXPECT_TRUE(test, mpam_ext_fs_active());
	KUNIT_EXPECT_TRUE(test, t_resctrl_taken(test));
	mpam_ext_fs_exit();
	KUNIT_EXPECT_FALSE(test, mpam_ext_fs_active());
	KUNIT_EXPECT_FALSE(test, t_resctrl_taken(test));
	mpam_ext_cpu_exit();
}

static void t_test_cpu_side_off(struct kunit *test)
{
	t_topo(test);

	mpam_ext_cpu_exit();
	KUNIT_ASSERT_EQ(test, mpam_ext_cpu_mode(), MPAM_EXT_CPU_OFF);
	KUNIT_EXPECT_EQ(test, mpam_ext_fs_init(), 0);
	KUNIT_EXPECT_FALSE(test, mpam_ext_fs_active());
	mpam_ext_fs_exit();
}

static struct kunit_case t_fs_cases[] = {
	KUNIT_CASE(t_test_kernel_owns_name),
	KUNIT_CASE(t_test_cpu_side_off),
	{}
};

static struct kunit_suite t_fs_suite = {
	.name = "mpam_ext_fs",
	.test_cases = t_fs_cases,
};

kunit_test_suite(t_fs_suite);
