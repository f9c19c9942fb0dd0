// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext: module entry, parameters and the debugfs root.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/acpi.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <mpam_ext/firmware/acpi.h>
#include <mpam_ext/compat.h>
#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/firmware/dt.h>
#include <mpam_ext/resctrl/fs.h>
#include <mpam_ext/inspect.h>
#include <mpam_ext/model/model.h>
#include <mpam_ext/mpam_ext.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/model/topo.h>
#include <mpam_ext/sim/traffic.h>

static char *mpx_sim;
module_param_named(sim, mpx_sim, charp, 0444);
MODULE_PARM_DESC(sim,
		 "Simulated platform (string): load firmware file mpam_ext/<name>.platform and drive simulated MSCs instead of hardware; \"acpi\": simulate the MSCs of the ACPI MPAM table (see acpi_table, sim_hw); \"dt\": simulate the MSCs of the devicetree (see sim_hw). Empty: use the hardware described by firmware.");

static char *mpx_policy;
module_param_named(policy, mpx_policy, charp, 0444);
MODULE_PARM_DESC(policy,
		 "Resource picking policy (string): mainline (default; the decisions of the kernel's MPAM driver) or mata (memory-side bandwidth controls and monitors spanning whole L3s back MB and mbm_total_bytes)");

static char *mpx_mb_class;
module_param_named(mb_class, mpx_mb_class, charp, 0444);
MODULE_PARM_DESC(mb_class,
		 "Class that backs MB (string): auto (default: the first that qualifies), none, memory, or a cache level L3-L7");

static char *mpx_mb_map;
module_param_named(mb_map, mpx_mb_map, charp, 0444);
MODULE_PARM_DESC(mb_map,
		 "Memory-side component to L3 domain map (string, policy=mata only): <component>:<L3 id>[+<L3 id>...][,...], e.g. 0:1+26");

static char *mpx_l2_mon;
module_param_named(l2_mon, mpx_l2_mon, charp, 0444);
MODULE_PARM_DESC(l2_mon,
		 "L2 CSU and MBWU monitors (string): auto (default: on with policy=mata, off with mainline), on, off");

static char *mpx_exclude;
module_param_named(exclude, mpx_exclude, charp, 0444);
MODULE_PARM_DESC(exclude,
		 "MSCs and RIS left out of every merge and pick (string): <msc>[.<ris>][,...], e.g. 67.0 or 67,68");

static struct dentry *mpx_debugfs;
/* The module's device: firmware loading, MMIO regions, interrupts */
static struct platform_device *mpx_pdev;
/* debugfs "platform": reads the MSC list, so it goes before the MSCs do */
static struct dentry *mpx_platform_file;
/* The platform description in use; set at init, freed at exit */
static struct mpam_ext_platform *mpx_plat;
/* The parsed topology parameters; their exclusions are marked by the model */
static struct mpam_ext_topo_params mpx_params;
/* The description with the probed RIS properties, which the model points into */
static struct mpam_ext_platform *mpx_probed;
/* The model and the picking result; built at init, freed at exit */
static struct mpam_ext_model *mpx_model;
static struct mpam_ext_topo *mpx_topo;

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
 * the specification, this is the file it was loaded from.
 */
static struct mpam_ext_platform *mpx_probed_platform(void)
{
	struct mpam_ext_platform *p;
	struct mpam_ext_msc *msc;
	struct mpam_ext_ris *ris;
	unsigned int i, j;

	p = mpam_ext_platform_alloc(mpx_plat->nr_caches, mpx_plat->nr_mems,
				    mpx_plat->nr_mscs);
	if (!p)
		return NULL;
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
	return p;
}

static int mpx_platform_show(struct seq_file *s, void *unused)
{
	char *text = mpam_ext_platform_print(mpx_probed);

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

/* The model takes a RIS when its MSC is in use and the RIS was probed */
static bool mpx_ris_usable(const struct mpam_ext_msc_desc *d,
			   const struct mpam_ext_ris_desc *r, void *unused)
{
	struct mpam_ext_msc *msc = mpam_ext_msc_find(d->id);
	struct mpam_ext_ris *ris;

	if (!msc || mpam_ext_msc_get_state(msc) != MPAM_EXT_MSC_OK)
		return false;
	ris = mpam_ext_ris_find(msc, r->idx);
	return ris && ris->probed;
}

/*
 * Build the model and pick resources; log what was lost and decided. @sim:
 * the platform is simulated, so the kernel's NUMA nodes are not its own.
 */
static int mpx_model_init(bool sim)
{
	struct mpam_ext_model_input in = {
		.usable = mpx_ris_usable,
		.nr_exclude = mpx_params.nr_exclude,
		.exclude = mpx_params.exclude,
		/* a CPU no MSC controls leaves its class unpicked */
		.cpus = cpu_possible_mask,
		.nr_nodes = sim ? 0 : num_possible_nodes(),
	};
	char line[MPAM_EXT_WHY_LEN + 64];
	unsigned int i;

	mpx_probed = mpx_probed_platform();
	if (!mpx_probed)
		return -ENOMEM;
	in.plat = mpx_probed;
	mpx_model = mpam_ext_model_build(&in);
	if (!mpx_model)
		return -ENOMEM;
	mpx_topo = mpam_ext_topo_pick(mpx_model, &mpx_params);
	if (!mpx_topo)
		return -ENOMEM;
	for (i = 0; i < mpx_model->nr_classes; i++)
		if (mpam_ext_merge_rec_summary(&mpx_model->classes[i], line,
					       sizeof(line)))
			pr_info("%s\n", line);
	for (i = 0; i < mpx_topo->nr_dec; i++) {
		const struct mpam_ext_decision *d = &mpx_topo->dec[i];

		if (!strcmp(d->result, "skipped"))
			continue;
		mpam_ext_decision_print(d, line, sizeof(line));
		/* A parameter naming something the platform lacks */
		if (!strcmp(d->result, "absent") &&
		    (d->class_id < 0 || !strcmp(d->what, "mb_class")))
			pr_warn("%s\n", line);
		else
			pr_info("%s\n", line);
	}
	return 0;
}

/*
 * Free what mpx_model_init() built; the debugfs files that show it (the
 * inspection files and "platform") go first, so that no reader of them
 * sees freed memory. Safe after a partial or failed mpx_model_init().
 */
static void mpx_model_exit(void)
{
	debugfs_remove(mpx_platform_file);
	mpx_platform_file = NULL;
	mpam_ext_inspect_exit();
	mpam_ext_topo_free(mpx_topo);
	mpx_topo = NULL;
	mpam_ext_model_free(mpx_model);
	mpx_model = NULL;
	mpam_ext_platform_free(mpx_probed);
	mpx_probed = NULL;
}

static int __init mpx_init(void)
{
	bool sim = mpx_sim && mpx_sim[0];
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	int ret;

	ret = mpam_ext_topo_parse_params(&mpx_params, mpx_policy, mpx_mb_class,
					 mpx_mb_map, mpx_l2_mon, mpx_exclude,
					 err, sizeof(err));
	if (ret) {
		pr_err("bad parameter: %s\n", err);
		return ret;
	}

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
	if (sim && !strcmp(mpx_sim, "dt"))
		ret = mpam_ext_dt_discover(&mpx_pdev->dev, &mpx_plat);
	else if (sim && strcmp(mpx_sim, "acpi"))
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
		ret = mpx_model_init(sim);
		if (ret) {
			pr_err("platform %s: model: %d\n", mpx_plat->name, ret);
			goto err_model;
		}
		mpx_platform_file = debugfs_create_file("platform", 0444, mpx_debugfs,
							NULL, &mpx_platform_fops);
		mpam_ext_inspect_init(mpx_debugfs, mpx_model, mpx_topo);
		ret = mpam_ext_cpu_init(sim, NULL, mpx_debugfs);
		if (ret)
			goto err_model;
		if (sim) {
			ret = mpam_ext_traffic_init(mpx_model, mpx_debugfs);
			if (ret)
				goto err_cpu;
		}
		pr_info("version %s loaded: %s platform %s, %u MSCs, %u PARTIDs, %u PMGs\n",
			MPAM_EXT_VERSION, sim ? "simulated" : "hardware",
			mpx_plat->name, mpx_plat->nr_mscs,
			mpam_ext_msc_partid_count(), mpam_ext_msc_pmg_count());
		mpam_ext_arch_resctrl_init(mpx_topo);
		mpam_ext_fs_init();
	} else {
		pr_info("version %s loaded: hardware mode, no MSC description from firmware\n",
			MPAM_EXT_VERSION);
	}
	return 0;

err_cpu:
	mpam_ext_cpu_exit();
err_model:
	mpx_model_exit();
	mpam_ext_msc_teardown_all();
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
	mpam_ext_fs_exit();
	mpam_ext_arch_resctrl_exit();
	mpam_ext_traffic_exit();
	mpam_ext_cpu_exit();
	mpx_model_exit();
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
