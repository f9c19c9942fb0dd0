// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext: module entry, parameters and the debugfs root.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/acpi.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>

#include <mpam_ext/compat.h>

#include <mpam_ext/mpam_ext.h>

static char *mpx_sim;
module_param_named(sim, mpx_sim, charp, 0444);
MODULE_PARM_DESC(sim,
		 "Simulated platform (string): load firmware file mpam_ext/<name>.platform and drive simulated MSCs instead of hardware. Empty: use the hardware described by firmware.");

static struct dentry *mpx_debugfs;

struct dentry *mpam_ext_debugfs_root(void)
{
	return mpx_debugfs;
}

static int mpx_version_show(struct seq_file *s, void *unused)
{
	seq_printf(s, "%s\n", MPAM_EXT_VERSION);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_version);

/*
 * A kernel with the mainline MPAM driver built in binds it to every MSC the
 * firmware describes; mpam_ext must not touch those registers as well.
 */
static bool mpx_builtin_driver_owns_mscs(void)
{
#if IS_ENABLED(CONFIG_ARM64_MPAM_DRIVER) && IS_ENABLED(CONFIG_ACPI)
	struct acpi_table_header *tbl;

	if (acpi_disabled)
		return false;
	if (ACPI_FAILURE(acpi_get_table("MPAM", 0, &tbl)))
		return false;
	acpi_put_table(tbl);
	return true;
#else
	return false;
#endif
}

static int __init mpx_init(void)
{
	bool sim = mpx_sim && mpx_sim[0];

	if (!sim && mpx_builtin_driver_owns_mscs()) {
		pr_err("the kernel's built-in MPAM driver owns the MSCs: hardware mode refused (load with sim=<platform> to use the simulator)\n");
		return -EBUSY;
	}

	mpx_debugfs = debugfs_create_dir("mpam_ext", NULL);
	debugfs_create_file("version", 0444, mpx_debugfs, NULL, &mpx_version_fops);

	pr_info("version %s loaded (%s mode)\n", MPAM_EXT_VERSION,
		sim ? "simulation" : "hardware");
	return 0;
}

static void __exit mpx_exit(void)
{
	debugfs_remove_recursive(mpx_debugfs);
	mpx_debugfs = NULL;
	pr_info("unloaded\n");
}

module_init(mpx_init);
module_exit(mpx_exit);

MODULE_DESCRIPTION("Arm MPAM cache and memory-bandwidth partitioning and monitoring, with a simulated MSC");
MODULE_AUTHOR("The mpam_ext developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(MPAM_EXT_VERSION);
