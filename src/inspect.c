// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext inspection: the debugfs files of the model and the picking
 * result (classes/, decisions, monitors, partids). Formats:
 * docs/debugfs.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/inspect.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>

/* The model and picking result shown; set by init, cleared by exit */
static struct mpam_ext_model *mpx_inspect_model;
static struct mpam_ext_topo *mpx_inspect_topo;
/* Every file this unit created, removed by exit before the model goes */
static struct dentry *mpx_dirs[4];

static int mpx_features_show(struct seq_file *s, void *unused)
{
	mpam_ext_model_show_class(s, s->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_features);

static int mpx_merge_show(struct seq_file *s, void *unused)
{
	mpam_ext_model_show_merge(s, s->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_merge);

static int mpx_components_show(struct seq_file *s, void *unused)
{
	mpam_ext_model_show_components(s, s->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_components);

static int mpx_vmscs_show(struct seq_file *s, void *unused)
{
	mpam_ext_model_show_vmscs(s, s->private);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_vmscs);

static int mpx_decisions_show(struct seq_file *s, void *unused)
{
	mpam_ext_topo_show(s, mpx_inspect_topo);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_decisions);

static int mpx_monitors_show(struct seq_file *s, void *unused)
{
	struct mpam_ext_msc *msc;

	for (msc = mpam_ext_msc_next(NULL); msc; msc = mpam_ext_msc_next(msc))
		mpam_ext_msc_seq_show(s, msc, MPAM_EXT_MSC_REC_MONITORS);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_monitors);

/* The fields of one PARTID's configuration that @c's merge kept */
static void mpx_show_cfg(struct seq_file *s, const struct mpam_ext_class *c,
			 const struct mpam_ext_config *cfg)
{
	unsigned long f = c->props.features;

	if ((f & BIT(MPAM_EXT_HW_CPOR)) && (cfg->set & BIT(MPAM_EXT_CFG_CPBM)))
		seq_printf(s, " cpbm=%*pb", c->props.cpbm_wd, cfg->cpbm);
	if ((f & BIT(MPAM_EXT_HW_MBW_PBM)) && (cfg->set & BIT(MPAM_EXT_CFG_MBW_PBM)))
		seq_printf(s, " mbw_pbm=%*pb", c->props.mbw_pbm_bits, cfg->mbw_pbm);
	if ((f & BIT(MPAM_EXT_HW_MBW_MAX)) && (cfg->set & BIT(MPAM_EXT_CFG_MBW_MAX)))
		seq_printf(s, " mbw_max=0x%04x hardlim=%d", cfg->mbw_max,
			   cfg->mbw_max_hardlim);
	if ((f & BIT(MPAM_EXT_HW_MBW_MIN)) && (cfg->set & BIT(MPAM_EXT_CFG_MBW_MIN)))
		seq_printf(s, " mbw_min=0x%04x", cfg->mbw_min);
	if ((f & BIT(MPAM_EXT_HW_CMAX)) && (cfg->set & BIT(MPAM_EXT_CFG_CMAX)))
		seq_printf(s, " cmax=0x%04x softlim=%d", cfg->cmax, cfg->cmax_softlim);
	if ((f & BIT(MPAM_EXT_HW_CMIN)) && (cfg->set & BIT(MPAM_EXT_CFG_CMIN)))
		seq_printf(s, " cmin=0x%04x", cfg->cmin);
	if ((f & BIT(MPAM_EXT_HW_CASSOC)) && (cfg->set & BIT(MPAM_EXT_CFG_CASSOC)))
		seq_printf(s, " cassoc=0x%04x", cfg->cassoc);
	if ((f & BIT(MPAM_EXT_HW_INTPRI)) && (cfg->set & BIT(MPAM_EXT_CFG_INTPRI)))
		seq_printf(s, " intpri=%u", cfg->intpri);
	if ((f & BIT(MPAM_EXT_HW_DSPRI)) && (cfg->set & BIT(MPAM_EXT_CFG_DSPRI)))
		seq_printf(s, " dspri=%u", cfg->dspri);
	if ((f & BIT(MPAM_EXT_HW_MBW_PROP)) && (cfg->set & BIT(MPAM_EXT_CFG_MBW_PROP)))
		seq_printf(s, " mbw_prop=%d stridem1=%u", cfg->mbw_prop_en,
			   cfg->mbw_prop_stridem1);
}

static int mpx_partids_show(struct seq_file *s, void *unused)
{
	struct mpam_ext_config *cfg;
	struct mpam_ext_ris *ris;
	unsigned int i, j, pos;
	u32 partid;

	cfg = kmalloc_obj(*cfg, GFP_KERNEL);
	if (!cfg)
		return -ENOMEM;
	for (i = 0; i < mpx_inspect_model->nr_classes; i++) {
		const struct mpam_ext_class *c = &mpx_inspect_model->classes[i];

		if (c->type == MPAM_EXT_CLASS_OTHER || !c->props.partid_max)
			continue;
		for (partid = 0; partid <= c->props.partid_max; partid++) {
			for (j = 0; j < c->nr_comp; j++) {
				pos = 0;
				while ((ris = mpam_ext_comp_next_ris(&c->comp[j], 0, &pos))) {
					if (mpam_ext_msc_get_config(ris, partid, cfg))
						continue;
					seq_printf(s, "class=%u partid=%u component=%u msc=%u ris=%u",
						   c->id, partid, c->comp[j].id,
						   ris->msc->desc.id, ris->idx);
					mpx_show_cfg(s, c, cfg);
					seq_puts(s, "\n");
				}
			}
		}
	}
	kfree(cfg);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mpx_partids);

/**
 * mpam_ext_inspect_init() - create the model's debugfs files.
 * @root:	the module's debugfs directory (or an error pointer)
 * @m:		the model
 * @t:		the picking result
 *
 * Creates classes/<id>/{features,merge,components,vmscs}, decisions,
 * monitors and partids. @m and @t must stay until mpam_ext_inspect_exit().
 * Process context.
 */
void mpam_ext_inspect_init(struct dentry *root, struct mpam_ext_model *m,
			   struct mpam_ext_topo *t)
{
	struct dentry *classes, *d;
	char name[8];
	unsigned int i;

	mpx_inspect_model = m;
	mpx_inspect_topo = t;
	classes = debugfs_create_dir("classes", root);
	mpx_dirs[0] = classes;
	for (i = 0; i < m->nr_classes; i++) {
		struct mpam_ext_class *c = &m->classes[i];

		snprintf(name, sizeof(name), "%u", c->id);
		d = debugfs_create_dir(name, classes);
		debugfs_create_file("features", 0444, d, c, &mpx_features_fops);
		debugfs_create_file("merge", 0444, d, c, &mpx_merge_fops);
		debugfs_create_file("components", 0444, d, c, &mpx_components_fops);
		debugfs_create_file("vmscs", 0444, d, c, &mpx_vmscs_fops);
	}
	mpx_dirs[1] = debugfs_create_file("decisions", 0444, root, NULL,
					  &mpx_decisions_fops);
	mpx_dirs[2] = debugfs_create_file("monitors", 0444, root, NULL,
					  &mpx_monitors_fops);
	mpx_dirs[3] = debugfs_create_file("partids", 0444, root, NULL,
					  &mpx_partids_fops);
}

/**
 * mpam_ext_inspect_exit() - remove the files of mpam_ext_inspect_init().
 *
 * After it returns no reader is inside them, so the model and picking
 * result may be freed. Process context.
 */
void mpam_ext_inspect_exit(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_dirs); i++) {
		debugfs_remove_recursive(mpx_dirs[i]);
		mpx_dirs[i] = NULL;
	}
	mpx_inspect_model = NULL;
	mpx_inspect_topo = NULL;
}
