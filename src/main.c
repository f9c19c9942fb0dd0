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
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <mpam_ext/acpi.h>
#include <mpam_ext/compat.h>
#include <mpam_ext/mpam_ext.h>
#include <mpam_ext/msc.h>
#include <mpam_ext/platform.h>

static char *mpx_sim;
module_param_named(sim, mpx_sim, charp, 0444);
MODULE_PARM_DESC(sim,
		 "Simulated platform (string): load firmware file mpam_ext/<name>.platform and drive simulated MSCs instead of hardware; \"acpi\": simulate the MSCs of the ACPI MPAM table (see acpi_table, sim_hw). Empty: use the hardware described by firmware.");

static struct dentry *mpx_debugfs;
/* The module's device: firmware loading, MMIO regions, interrupts */
static struct platform_device *mpx_pdev;
/* debugfs "platform": reads the MSC list, so it goes before the MSCs do */
static struct dentry *mpx_platform_file;
/* The platform description in use; set at init, freed at exit */
static struct mpam_ext_platform *mpx_plat;

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
 * The platform as the driver sees it: the description, with each probed
 * RIS's properties and each probed MSC's IIDR/AIDR as read from its
 * registers. On a simulated platform whose simulator and driver agree with
 * the specification, this prints the file it was loaded from.
 */
static int mpx_platform_show(struct seq_file *s, void *unused)
{
	struct mpam_ext_platform *p;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int i, j;
	char *text;

	p = mpam_ext_platform_alloc(mpx_plat->nr_caches, mpx_plat->nr_mems,
				    mpx_plat->nr_mscs);
	if (!p)
		return -ENOMEM;
	memcpy(p->name, mpx_plat->name, sizeof(p->name));
	for (i = 0; i < p->nr_caches; i++)
		p->caches[i] = mpx_plat->caches[i];
	for (i = 0; i < p->nr_mems; i++)
		p->mems[i] = mpx_plat->mems[i];
	for (i = 0; i < p->nr_mscs; i++) {
		p->mscs[i] = mpx_plat->mscs[i];
		msc = mpam_ext_msc_find(p->mscs[i].id);
		if (!msc)
			continue;
		p->mscs[i].aidr = msc->aidr;
		p->mscs[i].iidr = msc->iidr;
		for (j = 0; j < p->mscs[i].nr_ris; j++) {
			ris = mpam_ext_ris_find(msc, p->mscs[i].ris[j].idx);
			if (ris && ris->probed)
				p->mscs[i].ris[j].hw = ris->hw;
		}
	}
	text = mpam_ext_platform_print(p);
	mpam_ext_platform_free(p);
	if (!text)
		return -ENOMEM;
	seq_puts(s, text);
	kfree(text);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_platform);

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
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	int ret;

	if (!sim && mpx_builtin_driver_owns_mscs()) {
		pr_err("the kernel's built-in MPAM driver owns the MSCs: hardware mode refused (load with sim=<platform> to use the simulator)\n");
		return -EBUSY;
	}

	mpx_pdev = platform_device_register_simple("mpam_ext", PLATFORM_DEVID_NONE,
						   NULL, 0);
	if (IS_ERR(mpx_pdev))
		return PTR_ERR(mpx_pdev);

	mpx_debugfs = debugfs_create_dir("mpam_ext", NULL);
	debugfs_create_file("version", 0444, mpx_debugfs, NULL, &mpx_version_fops);

	/* Failures are logged with the file and line, or table and node. */
	if (sim && strcmp(mpx_sim, "acpi"))
		ret = mpam_ext_platform_load_firmware(mpx_sim, &mpx_pdev->dev,
						      &mpx_plat, err, sizeof(err));
	else
		ret = mpam_ext_acpi_discover(&mpx_pdev->dev, sim, &mpx_plat);
	if (ret)
		goto err_dev;
	if (mpx_plat) {
		ret = mpam_ext_msc_setup_all(mpx_plat, sim, &mpx_pdev->dev,
					     mpx_debugfs);
		if (ret) {
			pr_err("platform %s: MSC set-up failed: %d\n",
			       sim ? mpx_sim : "firmware", ret);
			goto err_plat;
		}
		mpx_platform_file = debugfs_create_file("platform", 0444, mpx_debugfs,
							NULL, &mpx_platform_fops);
		pr_info("version %s loaded: %s platform %s, %u MSCs, %u PARTIDs, %u PMGs\n",
			MPAM_EXT_VERSION, sim ? "simulated" : "hardware",
			mpx_plat->name, mpx_plat->nr_mscs,
			mpam_ext_msc_partid_count(), mpam_ext_msc_pmg_count());
	} else {
		pr_info("version %s loaded: hardware mode, no MSC description from firmware\n",
			MPAM_EXT_VERSION);
	}
	return 0;

err_plat:
	mpam_ext_platform_free(mpx_plat);
	mpx_plat = NULL;
err_dev:
	debugfs_remove_recursive(mpx_debugfs);
	mpx_debugfs = NULL;
	platform_device_unregister(mpx_pdev);
	return ret;
}

static void __exit mpx_exit(void)
{
	debugfs_remove(mpx_platform_file);
	mpx_platform_file = NULL;
	if (mpx_plat) {
		/* Removes msc/ from debugfs before the MSCs go. */
		mpam_ext_msc_teardown_all();
		mpam_ext_platform_free(mpx_plat);
		mpx_plat = NULL;
	}
	debugfs_remove_recursive(mpx_debugfs);
	mpx_debugfs = NULL;
	platform_device_unregister(mpx_pdev);
	pr_info("unloaded\n");
}

module_init(mpx_init);
module_exit(mpx_exit);

MODULE_DESCRIPTION("Arm MPAM cache and memory-bandwidth partitioning and monitoring, with a simulated MSC");
MODULE_AUTHOR("The mpam_ext developers");
MODULE_LICENSE("GPL");
MODULE_VERSION(MPAM_EXT_VERSION);
