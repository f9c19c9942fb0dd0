// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext resctrl front: a libfs filesystem named "resctrl" with the
 * files and formats of the kernel's resctrl, over the picking result, the
 * control hooks, the CPU side and the monitoring backend. Rules and
 * deviations: docs/resctrl.md.
 *
 * Every operation of the front (mount, unmount, mkdir, rmdir, every read
 * and write of its files) runs under mpx_fs_lock, so group state needs no
 * other lock. Directory entries are added and removed only under it; the
 * VFS inode locks of the directories being changed are held by the VFS
 * for mkdir and rmdir, and entries below them are removed with
 * mpx_fs_lock held, which keeps every other writer of this tree out.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/kobject.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/uaccess.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/arch/cpu.h>
#include <mpam_ext/resctrl/fs.h>
#include <mpam_ext/arch/mon.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>
#include <mpam_ext/resctrl/schemata.h>
#include <mpam_ext/sim/traffic.h>

#define MPX_FS_MAGIC		0x7265736374726c	/* "resctrl" */
#define MPX_STATUS_LEN		512
/* Most schemata lines: L3 or L3CODE+L3DATA, the same for L2, MB */
#define MPX_MAX_SCH		5

/* What a file is */
enum mpx_kind {
	MPX_F_STATUS,
	MPX_F_TASKS,
	MPX_F_CPUS,
	MPX_F_CPUS_LIST,
	MPX_F_SCHEMATA,
	MPX_F_MODE,
	MPX_F_SIZE,
	MPX_F_CBM_MASK,
	MPX_F_MIN_CBM_BITS,
	MPX_F_NUM_CLOSIDS,
	MPX_F_SHAREABLE_BITS,
	MPX_F_BIT_USAGE,
	MPX_F_SPARSE_MASKS,
	MPX_F_BW_GRAN,
	MPX_F_DELAY_LINEAR,
	MPX_F_MIN_BW,
	MPX_F_THROTTLE_MODE,
	MPX_F_MON_FEATURES,
	MPX_F_NUM_RMIDS,
	MPX_F_MAX_THRESHOLD,
	MPX_F_ASSIGN_MODE,
	MPX_F_NUM_CNTRS,
	MPX_F_AVAIL_CNTRS,
	MPX_F_ASSIGN_ON_MKDIR,
	MPX_F_MON_DATA,
	MPX_F_ASSIGNMENTS,
};

/**
 * struct mpx_grp - a control group or a monitor group.
 * @ref:	held by the group's list and by each of its files' inodes
 * @node:	in mpx_ctrl_grps (control groups) or the parent's @mons
 * @parent:	the control group of a monitor group, NULL otherwise
 * @mons:	a control group's monitor groups
 * @closid:	its CLOSID (the parent's for a monitor group)
 * @rmid:	its PMG: 0 for a control group
 * @cpus:	CPUs whose default is this group
 * @dents:	every entry made for it, in creation order
 * @nr_dents:	entries in @dents
 * @max_dents:	room in @dents
 * @dead:	removed: its files answer -ENODEV
 */
struct mpx_grp {
	struct kref ref;
	struct list_head node;
	struct mpx_grp *parent;
	struct list_head mons;
	u32 closid, rmid;
	struct cpumask cpus;
	struct dentry **dents;
	unsigned int nr_dents, max_dents;
	bool dead;
};

/**
 * struct mpx_file - what a file of the front shows.
 * @kind:	the file
 * @grp:	its group (holds a reference), NULL for info files
 * @res:	info, size and mbm_<res>_assignments files: the resource
 * @cdp:	info files: the CDP half they describe
 * @ev:		mon_data files: the event; unused elsewhere
 * @dom:	mon_data files: the domain id
 */
struct mpx_file {
	enum mpx_kind kind;
	struct mpx_grp *grp;
	enum mpam_ext_res res;
	enum mpam_ext_cdp cdp;
	enum mpam_ext_event ev;
	u32 dom;
};

/*
 * Serialises every operation of the front (mount, unmount, mkdir, rmdir,
 * every write and every read that touches hardware) and guards everything
 * below. The outermost lock of the module: the traffic model's mutex, the
 * MSC locks and the CPU side's locks are taken under it, never the other
 * way round.
 */
static DEFINE_MUTEX(mpx_fs_lock);
static const struct mpam_ext_topo *mpx_t;
static bool mpx_registered, mpx_made_mnt;
static bool mpx_mounted;		/* the single mount is taken */
static struct super_block *mpx_sb;
static bool mpx_cdp, mpx_cdpl2;
static struct mpam_ext_mon_ctx *mpx_mc;
static u32 mpx_nclosid, mpx_npmg;
static unsigned long *mpx_closid_used;	/* held by a group now */
static unsigned long *mpx_closid_dirty;	/* written since mount */
static struct mpx_grp mpx_root;
static LIST_HEAD(mpx_ctrl_grps);
static char mpx_status[MPX_STATUS_LEN];
static bool mpx_assign_on_mkdir = true;
/* Schemata resources of the mount and their CDP halves */
static struct mpam_ext_sch_res mpx_sch[MPX_MAX_SCH];
static enum mpam_ext_res mpx_sch_res[MPX_MAX_SCH];
static enum mpam_ext_cdp mpx_sch_cdp[MPX_MAX_SCH];
static unsigned int mpx_nr_sch;
static u32 *mpx_dom_ids[MPAM_EXT_RES_NR];

static const struct inode_operations mpx_root_iops;
static const struct inode_operations mpx_mon_groups_iops;
static const struct file_operations mpx_fops;

static __printf(1, 2) void mpx_status_set(const char *fmt, ...)
{
	size_t len = strlen(mpx_status);
	va_list args;

	lockdep_assert_held(&mpx_fs_lock);
	va_start(args, fmt);
	vsnprintf(mpx_status + len, sizeof(mpx_status) - len, fmt, args);
	va_end(args);
}

static void mpx_grp_release(struct kref *ref)
{
	struct mpx_grp *g = container_of(ref, struct mpx_grp, ref);

	kfree(g->dents);
	g->dents = NULL;
	if (g != &mpx_root)
		kfree(g);
}

static void mpx_grp_put(struct mpx_grp *g)
{
	if (g)
		kref_put(&g->ref, mpx_grp_release);
}

static bool mpx_is_cdp(enum mpam_ext_res res)
{
	return (res == MPAM_EXT_RES_L3 && mpx_cdp) ||
	       (res == MPAM_EXT_RES_L2 && mpx_cdpl2);
}

/* The value a CPU or task of @g runs with */
static u64 mpx_grp_val(const struct mpx_grp *g)
{
	u16 d = g->closid, i = g->closid;

	if (mpx_cdp || mpx_cdpl2) {
		d = mpam_ext_rc_partid(g->closid, MPAM_EXT_CDP_DATA);
		i = mpam_ext_rc_partid(g->closid, MPAM_EXT_CDP_CODE);
	}
	return mpam_ext_cpu_val(d, i, g->rmid, g->rmid);
}

/* The owner token of the CPU side: NULL for the default group */
static const void *mpx_owner(const struct mpx_grp *g)
{
	return g == &mpx_root ? NULL : g;
}

/* ---- tree building ---- */

static int mpx_track(struct mpx_grp *g, struct dentry *d)
{
	if (g->nr_dents == g->max_dents) {
		unsigned int n = g->max_dents ? g->max_dents * 2 : 16;
		struct dentry **p = krealloc_array(g->dents, n, sizeof(*p),
						   GFP_KERNEL);

		if (!p)
			return -ENOMEM;
		g->dents = p;
		g->max_dents = n;
	}
	g->dents[g->nr_dents++] = d;
	return 0;
}

static void mpx_evict(struct inode *inode)
{
	/* Group directories point at their group without a reference */
	struct mpx_file *f = S_ISREG(inode->i_mode) ? inode->i_private : NULL;

	clear_inode(inode);
	if (f) {
		mpx_grp_put(f->grp);
		kfree(f);
	}
}

static const struct super_operations mpx_sops = {
	.statfs		= simple_statfs,
	.evict_inode	= mpx_evict,
};

/*
 * Add a file (@f non-NULL, taken over even on failure) or a directory
 * (@f NULL, @iops its operations or NULL) under @parent; @g tracks it for
 * removal (NULL: it goes with the superblock).
 */
static struct dentry *mpx_add(struct dentry *parent, const char *name,
			      umode_t mode, struct mpx_file *f,
			      const struct inode_operations *iops,
			      struct mpx_grp *g)
{
	struct dentry *d;
	struct inode *inode;

	if (!parent)
		goto err;
	d = d_alloc_name(parent, name);
	if (!d)
		goto err;
	inode = new_inode(parent->d_sb);
	if (!inode) {
		dput(d);
		goto err;
	}
	inode->i_ino = get_next_ino();
	mpx_inode_init_ts(inode);
	if (f) {
		inode->i_mode = S_IFREG | mode;
		inode->i_fop = &mpx_fops;
		inode->i_private = f;
		if (f->grp)
			kref_get(&f->grp->ref);
	} else {
		inode->i_mode = S_IFDIR | mode;
		inode->i_op = iops ?: &simple_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		set_nlink(inode, 2);
		inc_nlink(d_inode(parent));
	}
	mpx_d_pin(d, inode);
	if (g && mpx_track(g, d)) {
		/* Untracked entries go with the superblock; refuse anyway */
		return NULL;
	}
	return d;
err:
	kfree(f);
	return NULL;
}

static struct dentry *mpx_dir(struct dentry *parent, const char *name,
			      const struct inode_operations *iops,
			      struct mpx_grp *g)
{
	return mpx_add(parent, name, 0755, NULL, iops, g);
}

static int mpx_file(struct dentry *parent, const char *name, umode_t mode,
		    enum mpx_kind kind, struct mpx_grp *g, enum mpam_ext_res res,
		    enum mpam_ext_cdp cdp, enum mpam_ext_event ev, u32 dom)
{
	struct mpx_file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->kind = kind;
	f->grp = g;
	f->res = res;
	f->cdp = cdp;
	f->ev = ev;
	f->dom = dom;
	return mpx_add(parent, name, mode, f, NULL, g) ? 0 : -ENOMEM;
}

/*
 * Remove @g's entries from index @first on, newest first (the group's own
 * directory, entry 0, last). The directories they are in are written with
 * mpx_fs_lock held; see the top of this file.
 */
static void mpx_remove_entries_from(struct mpx_grp *g, unsigned int first)
{
	lockdep_assert_held(&mpx_fs_lock);
	while (g->nr_dents > first) {
		struct dentry *d = g->dents[--g->nr_dents];
		struct inode *dir = d_inode(d->d_parent);

		dget(d);
		if (d_is_dir(d))
			simple_rmdir(dir, d);
		else
			simple_unlink(dir, d);
		d_delete(d);
		dput(d);
	}
}

static bool mpx_ev_is_l2(enum mpam_ext_event ev)
{
	return mpam_ext_mon_event_res(ev) == MPAM_EXT_RES_L2;
}

/* @ev is offered and has domain @id */
static bool mpx_ev_has_dom(enum mpam_ext_event ev, u32 id)
{
	return mpam_ext_mon_offered(mpx_t, ev) &&
	       mpam_ext_pick_dom_idx(&mpx_t->ev[ev], id) >= 0;
}

/*
 * mon_data/mon_<res>_<id>/<event> for @g: a file only for an offered
 * event that has the domain, so reads never meet an unknown domain
 */
static int mpx_make_mon_data(struct dentry *parent, struct mpx_grp *g)
{
	struct dentry *md = mpx_dir(parent, "mon_data", NULL, g);
	int l2, ev, ret;
	unsigned int i;
	char name[32];

	if (!md)
		return -ENOMEM;
	for (l2 = 0; l2 < 2; l2++) {
		const struct mpam_ext_pick *dp = NULL;

		/* The domains: those of the first event of the resource */
		for (ev = 0; ev < MPAM_EXT_EV_NR && !dp; ev++)
			if (mpam_ext_mon_offered(mpx_t, ev) && mpx_ev_is_l2(ev) == l2)
				dp = &mpx_t->ev[ev];
		for (i = 0; dp && i < dp->nr_dom; i++) {
			struct dentry *dd;

			snprintf(name, sizeof(name), "mon_%s_%02u",
				 l2 ? "L2" : "L3", dp->dom[i].id);
			dd = mpx_dir(md, name, NULL, g);
			if (!dd)
				return -ENOMEM;
			for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
				if (mpx_ev_is_l2(ev) != l2 ||
				    !mpx_ev_has_dom(ev, dp->dom[i].id))
					continue;
				ret = mpx_file(dd, mpam_ext_event_name(ev), 0444,
					       MPX_F_MON_DATA, g, 0, 0, ev,
					       dp->dom[i].id);
				if (ret)
					return ret;
			}
		}
	}
	return 0;
}

/* An event of L3 (or L2 with @l2) is offered; with @cntrs, a counter event */
static bool mpx_has_mon(bool l2, bool cntrs)
{
	int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpam_ext_mon_offered(mpx_t, ev) && mpx_ev_is_l2(ev) == l2 &&
		    (!cntrs || mpam_ext_mon_uses_cntrs(ev)))
			return true;
	return false;
}

static bool mpx_has_l3_mon(void)
{
	return mpx_has_mon(false, false);
}

static bool mpx_has_l2_mon(void)
{
	return mpx_has_mon(true, false);
}

static bool mpx_has_cntrs(bool l2)
{
	return mpx_has_mon(l2, true);
}

/* The files of a group, in its directory @dir */
static int mpx_make_grp_files(struct dentry *dir, struct mpx_grp *g)
{
	bool ctrl = !g->parent;
	int ret;

	ret = mpx_file(dir, "tasks", 0644, MPX_F_TASKS, g, 0, 0, 0, 0);
	ret = ret ?: mpx_file(dir, "cpus", 0644, MPX_F_CPUS, g, 0, 0, 0, 0);
	ret = ret ?: mpx_file(dir, "cpus_list", 0644, MPX_F_CPUS_LIST, g, 0, 0, 0, 0);
	if (ctrl) {
		ret = ret ?: mpx_file(dir, "schemata", 0644, MPX_F_SCHEMATA, g, 0, 0, 0, 0);
		ret = ret ?: mpx_file(dir, "mode", 0644, MPX_F_MODE, g, 0, 0, 0, 0);
		ret = ret ?: mpx_file(dir, "size", 0444, MPX_F_SIZE, g, 0, 0, 0, 0);
		if (!ret) {
			struct dentry *mg = mpx_dir(dir, "mon_groups",
						    &mpx_mon_groups_iops, g);

			if (mg)
				d_inode(mg)->i_private = g;
			else
				ret = -ENOMEM;
		}
	}
	if (!ret && mpx_mc && mpx_has_cntrs(false))
		ret = mpx_file(dir, "mbm_L3_assignments", 0644, MPX_F_ASSIGNMENTS,
			       g, MPAM_EXT_RES_L3, 0, 0, 0);
	if (!ret && mpx_mc && mpx_has_cntrs(true))
		ret = mpx_file(dir, "mbm_L2_assignments", 0644, MPX_F_ASSIGNMENTS,
			       g, MPAM_EXT_RES_L2, 0, 0, 0);
	return ret ?: mpx_make_mon_data(dir, g);
}

/**
 * struct mpx_file_spec - one file of an info directory.
 * @name:	its name
 * @mode:	its permissions
 * @kind:	what it shows
 */
struct mpx_file_spec {
	const char *name;
	umode_t mode;
	enum mpx_kind kind;
};

static const struct mpx_file_spec mpx_cache_files[] = {
	{ "num_closids", 0444, MPX_F_NUM_CLOSIDS },
	{ "cbm_mask", 0444, MPX_F_CBM_MASK },
	{ "min_cbm_bits", 0444, MPX_F_MIN_CBM_BITS },
	{ "shareable_bits", 0444, MPX_F_SHAREABLE_BITS },
	{ "bit_usage", 0444, MPX_F_BIT_USAGE },
	{ "sparse_masks", 0444, MPX_F_SPARSE_MASKS },
};

static const struct mpx_file_spec mpx_mb_files[] = {
	{ "num_closids", 0444, MPX_F_NUM_CLOSIDS },
	{ "bandwidth_gran", 0444, MPX_F_BW_GRAN },
	{ "delay_linear", 0444, MPX_F_DELAY_LINEAR },
	{ "min_bandwidth", 0444, MPX_F_MIN_BW },
	{ "thread_throttle_mode", 0444, MPX_F_THROTTLE_MODE },
};

static const struct mpx_file_spec mpx_mon_files[] = {
	{ "mon_features", 0444, MPX_F_MON_FEATURES },
	{ "num_rmids", 0444, MPX_F_NUM_RMIDS },
	{ "max_threshold_occupancy", 0444, MPX_F_MAX_THRESHOLD },
};

static const struct mpx_file_spec mpx_cntr_files[] = {
	{ "mbm_assign_mode", 0644, MPX_F_ASSIGN_MODE },
	{ "num_mbm_cntrs", 0444, MPX_F_NUM_CNTRS },
	{ "available_mbm_cntrs", 0444, MPX_F_AVAIL_CNTRS },
	{ "mbm_assign_on_mkdir", 0644, MPX_F_ASSIGN_ON_MKDIR },
};

static int mpx_files(struct dentry *d, const struct mpx_file_spec *spec,
		     unsigned int nr, enum mpam_ext_res res,
		     enum mpam_ext_cdp cdp)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < nr && !ret; i++)
		ret = mpx_file(d, spec[i].name, spec[i].mode, spec[i].kind,
			       NULL, res, cdp, 0, 0);
	return ret;
}

static int mpx_make_info_res(struct dentry *info, enum mpam_ext_res res,
			     enum mpam_ext_cdp cdp)
{
	static const char * const sfx[] = { "", "DATA", "CODE" };
	struct dentry *d;
	char name[16];

	snprintf(name, sizeof(name), "%s%s", mpam_ext_res_name(res), sfx[cdp]);
	d = mpx_dir(info, name, NULL, NULL);
	if (!d)
		return -ENOMEM;
	if (res == MPAM_EXT_RES_MB)
		return mpx_files(d, mpx_mb_files, ARRAY_SIZE(mpx_mb_files), res, cdp);
	return mpx_files(d, mpx_cache_files, ARRAY_SIZE(mpx_cache_files), res, cdp);
}

static int mpx_make_info_mon(struct dentry *info, bool l2)
{
	enum mpam_ext_res res = l2 ? MPAM_EXT_RES_L2 : MPAM_EXT_RES_L3;
	struct dentry *d = mpx_dir(info, l2 ? "L2_MON" : "L3_MON", NULL, NULL);
	int ret;

	if (!d)
		return -ENOMEM;
	ret = mpx_files(d, mpx_mon_files, ARRAY_SIZE(mpx_mon_files), res, 0);
	if (!ret && mpx_has_cntrs(l2))
		ret = mpx_files(d, mpx_cntr_files, ARRAY_SIZE(mpx_cntr_files),
				res, 0);
	return ret;
}

static int mpx_make_info(struct dentry *root)
{
	struct dentry *info = mpx_dir(root, "info", NULL, NULL);
	enum mpam_ext_res res;
	int ret;

	if (!info)
		return -ENOMEM;
	ret = mpx_file(info, "last_cmd_status", 0444, MPX_F_STATUS, NULL, 0, 0, 0, 0);
	for (res = 0; !ret && res < MPAM_EXT_RES_NR; res++) {
		if (!mpx_t->res[res].cls)
			continue;
		if (mpx_is_cdp(res)) {
			ret = mpx_make_info_res(info, res, MPAM_EXT_CDP_CODE);
			ret = ret ?: mpx_make_info_res(info, res, MPAM_EXT_CDP_DATA);
		} else {
			ret = mpx_make_info_res(info, res, MPAM_EXT_CDP_NONE);
		}
	}
	if (!ret && mpx_has_l3_mon())
		ret = mpx_make_info_mon(info, false);
	if (!ret && mpx_has_l2_mon())
		ret = mpx_make_info_mon(info, true);
	return ret;
}

/* ---- hardware values ---- */

static u32 mpx_full(enum mpam_ext_res res)
{
	u32 wd;

	if (res == MPAM_EXT_RES_MB)
		return 100;
	wd = min_t(u32, mpx_t->res[res].cls->props.cpbm_wd, 32);
	return wd >= 32 ? U32_MAX : BIT(wd) - 1;
}

/* Write @val for @closid on one domain, both halves when @res has no CDP */
static int mpx_write_dom(enum mpam_ext_res res, enum mpam_ext_cdp type,
			 u32 dom, u32 closid, u32 val)
{
	int ret;

	__set_bit(closid, mpx_closid_dirty);
	if (type != MPAM_EXT_CDP_NONE || !(mpx_cdp || mpx_cdpl2))
		return mpam_ext_rc_update_one(mpx_t, res, dom, closid, type, val);
	ret = mpam_ext_rc_update_one(mpx_t, res, dom, closid, MPAM_EXT_CDP_DATA, val);
	return ret ?: mpam_ext_rc_update_one(mpx_t, res, dom, closid,
					     MPAM_EXT_CDP_CODE, val);
}

static enum mpam_ext_cdp mpx_read_type(enum mpam_ext_cdp type)
{
	if (type == MPAM_EXT_CDP_NONE && (mpx_cdp || mpx_cdpl2))
		return MPAM_EXT_CDP_DATA;
	return type;
}

/* Every domain of every resource of @closid to the defaults */
static int mpx_reset_closid(u32 closid)
{
	unsigned int s, i;
	int ret = 0, err;

	for (s = 0; s < mpx_nr_sch; s++) {
		enum mpam_ext_res res = mpx_sch_res[s];

		for (i = 0; i < mpx_sch[s].nr_dom; i++) {
			err = mpx_write_dom(res, mpx_sch_cdp[s],
					    mpx_sch[s].dom_ids[i], closid,
					    mpx_full(res));
			ret = ret ?: err;
		}
	}
	return ret;
}

/* Current values of @closid, laid out as the schemata printer wants */
static int mpx_cur_vals(u32 closid, u32 *cur)
{
	unsigned int s, i, n = 0;
	int ret;

	for (s = 0; s < mpx_nr_sch; s++) {
		for (i = 0; i < mpx_sch[s].nr_dom; i++) {
			ret = mpam_ext_rc_get_config(mpx_t, mpx_sch_res[s],
						     mpx_sch[s].dom_ids[i], closid,
						     mpx_read_type(mpx_sch_cdp[s]),
						     &cur[n++]);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* Build the schemata resources of a mount */
static void mpx_build_sch(void)
{
	static const char * const names[][3] = {
		[MPAM_EXT_RES_L2] = { "L2", "L2DATA", "L2CODE" },
		[MPAM_EXT_RES_L3] = { "L3", "L3DATA", "L3CODE" },
		[MPAM_EXT_RES_MB] = { "MB", "MB", "MB" },
	};
	static const enum mpam_ext_res order[] = {
		MPAM_EXT_RES_L3, MPAM_EXT_RES_L2, MPAM_EXT_RES_MB
	};
	unsigned int o, k;

	mpx_nr_sch = 0;
	for (o = 0; o < ARRAY_SIZE(order); o++) {
		enum mpam_ext_res res = order[o];
		const struct mpam_ext_pick *pk = &mpx_t->res[res];
		static const enum mpam_ext_cdp halves[] = {
			MPAM_EXT_CDP_CODE, MPAM_EXT_CDP_DATA
		};
		enum mpam_ext_cdp types[2] = { MPAM_EXT_CDP_NONE };
		unsigned int nt = 1;

		if (!pk->cls || !mpx_dom_ids[res])
			continue;
		if (mpx_is_cdp(res)) {
			types[0] = halves[0];
			types[1] = halves[1];
			nt = 2;
		}
		for (k = 0; k < nt; k++) {
			struct mpam_ext_sch_res *r = &mpx_sch[mpx_nr_sch];

			memset(r, 0, sizeof(*r));
			r->name = names[res][types[k]];
			r->is_mb = res == MPAM_EXT_RES_MB;
			r->nr_dom = pk->nr_dom;
			r->dom_ids = mpx_dom_ids[res];
			if (r->is_mb) {
				r->bw_gran = mpam_ext_rc_bw_gran(pk->cls->props.bwa_wd);
				r->min_bw = r->bw_gran;
				r->max_bw = 100;
			} else {
				r->cbm_len = min_t(u32, pk->cls->props.cpbm_wd, 32);
				r->min_cbm_bits = 1;
				r->sparse = true;
				r->cdp_pad = !mpx_is_cdp(res);
			}
			mpx_sch_res[mpx_nr_sch] = res;
			mpx_sch_cdp[mpx_nr_sch] = types[k];
			mpx_nr_sch++;
		}
	}
}

/* ---- group life ---- */

static struct mpx_grp *mpx_grp_alloc(struct mpx_grp *parent, u32 closid,
				     u32 rmid)
{
	struct mpx_grp *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return NULL;
	kref_init(&g->ref);
	INIT_LIST_HEAD(&g->mons);
	INIT_LIST_HEAD(&g->node);
	g->parent = parent;
	g->closid = closid;
	g->rmid = rmid;
	return g;
}

/*
 * Counters for the counter events of a new group where one is free; the
 * traffic so far is issued first, so the new counts start from nothing
 */
static void mpx_assign_new(struct mpx_grp *g)
{
	lockdep_assert_held(&mpx_fs_lock);
	if (!mpx_mc || !mpx_assign_on_mkdir)
		return;
	mpam_ext_traffic_sync();
	/* Best effort: domains without a free counter stay unassigned */
	mpam_ext_mon_assign_group(mpx_mc, g->closid, g->rmid);
}

/*
 * Tasks and CPUs of @g to @to, counters released, entries removed from
 * @first on (1: the VFS removes the group's own directory)
 */
static void mpx_grp_remove(struct mpx_grp *g, struct mpx_grp *to,
			   unsigned int first)
{
	lockdep_assert_held(&mpx_fs_lock);
	mpam_ext_task_move_all(mpx_owner(g), mpx_owner(to),
			       to == &mpx_root ? 0 : mpx_grp_val(to));
	if (!cpumask_empty(&g->cpus)) {
		cpumask_or(&to->cpus, &to->cpus, &g->cpus);
		mpam_ext_cpu_set_default(&g->cpus,
					 to == &mpx_root ? 0 : mpx_grp_val(to));
	}
	if (mpx_mc)
		mpam_ext_mon_release(mpx_mc, g->closid, g->rmid);
	g->dead = true;
	list_del_init(&g->node);
	mpx_remove_entries_from(g, first);
}

/* ---- mount ---- */

/**
 * struct mpx_fs_opts - mount options of one mount attempt.
 * @cdp:	L3 code/data prioritisation
 * @cdpl2:	L2 code/data prioritisation
 * @filled:	the superblock was filled (or tried): kill_sb undoes it
 */
struct mpx_fs_opts {
	bool cdp, cdpl2, filled;
};

static int mpx_fill_root(struct super_block *sb)
{
	struct mpx_grp *g = &mpx_root;
	struct inode *inode;

	memset(g, 0, sizeof(*g));
	kref_init(&g->ref);
	INIT_LIST_HEAD(&g->mons);
	INIT_LIST_HEAD(&g->node);
	cpumask_copy(&g->cpus, cpu_online_mask);
	inode = new_inode(sb);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = 1;
	inode->i_mode = S_IFDIR | 0755;
	mpx_inode_init_ts(inode);
	inode->i_op = &mpx_root_iops;
	inode->i_fop = &simple_dir_operations;
	set_nlink(inode, 2);
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static int mpx_fill_super_locked(struct super_block *sb)
{
	enum mpam_ext_res res;
	unsigned int i;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	mpx_sb = sb;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = MPX_FS_MAGIC;
	sb->s_op = &mpx_sops;
	sb->s_time_gran = 1;
	ret = mpx_fill_root(sb);
	if (ret)
		return ret;

	mpx_nclosid = mpam_ext_rc_num_closids(mpx_t, mpx_cdp || mpx_cdpl2);
	mpx_npmg = mpam_ext_msc_pmg_count() ?: 1;
	mpx_closid_used = bitmap_zalloc(max(mpx_nclosid, 1U), GFP_KERNEL);
	mpx_closid_dirty = bitmap_zalloc(max(mpx_nclosid, 1U), GFP_KERNEL);
	if (!mpx_closid_used || !mpx_closid_dirty)
		return -ENOMEM;
	for (res = 0; res < MPAM_EXT_RES_NR; res++) {
		const struct mpam_ext_pick *pk = &mpx_t->res[res];

		if (!pk->cls || !pk->nr_dom)
			continue;
		mpx_dom_ids[res] = kcalloc(pk->nr_dom, sizeof(u32), GFP_KERNEL);
		if (!mpx_dom_ids[res])
			return -ENOMEM;
		for (i = 0; i < pk->nr_dom; i++)
			mpx_dom_ids[res][i] = pk->dom[i].id;
	}
	mpx_build_sch();
	if (mpx_has_l3_mon() || mpx_has_l2_mon()) {
		mpx_mc = mpam_ext_mon_create(mpx_t, mpx_cdp || mpx_cdpl2);
		if (!mpx_mc)
			return -ENOMEM;
	}
	mpx_status[0] = '\0';
	if (mpx_nclosid)
		__set_bit(0, mpx_closid_used);
	ret = mpx_make_info(sb->s_root);
	ret = ret ?: mpx_make_grp_files(sb->s_root, &mpx_root);
	if (ret)
		return ret;
	mpx_assign_new(&mpx_root);
	return 0;
}

static int mpx_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct mpx_fs_opts *o = fc->fs_private;
	int ret;

	mutex_lock(&mpx_fs_lock);
	o->filled = true;
	ret = mpx_fill_super_locked(sb);
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

/* Undo a mount: tasks, CPUs and CLOSIDs back to the defaults */
static void mpx_teardown(void)
{
	struct mpx_grp *g, *gt, *m, *mt;
	unsigned long c;
	enum mpam_ext_res res;

	lockdep_assert_held(&mpx_fs_lock);
	mpam_ext_cpu_reset_all();
	list_for_each_entry_safe(g, gt, &mpx_ctrl_grps, node) {
		list_for_each_entry_safe(m, mt, &g->mons, node) {
			m->dead = true;
			list_del_init(&m->node);
			mpx_grp_put(m);
		}
		g->dead = true;
		list_del_init(&g->node);
		mpx_grp_put(g);
	}
	list_for_each_entry_safe(m, mt, &mpx_root.mons, node) {
		m->dead = true;
		list_del_init(&m->node);
		mpx_grp_put(m);
	}
	mpx_root.dead = true;
	if (mpx_closid_dirty)
		for_each_set_bit(c, mpx_closid_dirty, mpx_nclosid)
			mpx_reset_closid(c);
	if (mpx_mc)
		mpam_ext_mon_destroy(mpx_mc);
	mpx_mc = NULL;
	bitmap_free(mpx_closid_used);
	bitmap_free(mpx_closid_dirty);
	mpx_closid_used = NULL;
	mpx_closid_dirty = NULL;
	for (res = 0; res < MPAM_EXT_RES_NR; res++) {
		kfree(mpx_dom_ids[res]);
		mpx_dom_ids[res] = NULL;
	}
	mpx_nr_sch = 0;
	mpx_cdp = false;
	mpx_cdpl2 = false;
}

static void mpx_kill_sb(struct super_block *sb)
{
	bool ours;

	mutex_lock(&mpx_fs_lock);
	ours = mpx_sb == sb;
	if (ours) {
		mpx_teardown();
		mpx_sb = NULL;
		mpx_mounted = false;
	}
	/* Entries of groups are tracked no more: the superblock drops them */
	mpx_root.nr_dents = 0;
	mpx_kill_pinned_sb(sb);
	if (ours)
		mpx_grp_put(&mpx_root);
	mutex_unlock(&mpx_fs_lock);
}

enum { MPX_OPT_CDP, MPX_OPT_CDPL2, MPX_OPT_MBA_MBPS, MPX_OPT_DEBUG };

static const struct fs_parameter_spec mpx_fs_params[] = {
	fsparam_flag("cdp", MPX_OPT_CDP),
	fsparam_flag("cdpl2", MPX_OPT_CDPL2),
	fsparam_flag("mba_MBps", MPX_OPT_MBA_MBPS),
	fsparam_flag("debug", MPX_OPT_DEBUG),
	{}
};

static int mpx_parse_param(struct fs_context *fc, struct fs_parameter *param)
{
	struct mpx_fs_opts *o = fc->fs_private;
	struct fs_parse_result result;
	int opt;

	opt = fs_parse(fc, mpx_fs_params, param, &result);
	if (opt < 0)
		return opt;
	switch (opt) {
	case MPX_OPT_CDP:
		if (!mpx_t->res[MPAM_EXT_RES_L3].cls)
			return invalfc(fc, "cdp: no L3 cache control on this platform");
		o->cdp = true;
		break;
	case MPX_OPT_CDPL2:
		if (!mpx_t->res[MPAM_EXT_RES_L2].cls)
			return invalfc(fc, "cdpl2: no L2 cache control on this platform");
		o->cdpl2 = true;
		break;
	case MPX_OPT_MBA_MBPS:
		return invalfc(fc, "mba_MBps: not supported by mpam_ext (MB takes percentages)");
	default:
		break;
	}
	return 0;
}

static int mpx_get_tree(struct fs_context *fc)
{
	struct mpx_fs_opts *o = fc->fs_private;
	int ret;

	/* Reserve the single mount; fill and kill take the lock themselves */
	mutex_lock(&mpx_fs_lock);
	if (mpx_mounted) {
		mutex_unlock(&mpx_fs_lock);
		return -EBUSY;
	}
	mpx_mounted = true;
	mpx_cdp = o->cdp;
	mpx_cdpl2 = o->cdpl2;
	mutex_unlock(&mpx_fs_lock);
	ret = get_tree_nodev(fc, mpx_fill_super);
	if (ret && !o->filled) {
		/* Failed before a superblock: nothing to kill */
		mutex_lock(&mpx_fs_lock);
		mpx_mounted = false;
		mpx_cdp = false;
		mpx_cdpl2 = false;
		mutex_unlock(&mpx_fs_lock);
	}
	return ret;
}

static void mpx_free_fc(struct fs_context *fc)
{
	kfree(fc->fs_private);
}

static const struct fs_context_operations mpx_fc_ops = {
	.free		= mpx_free_fc,
	.parse_param	= mpx_parse_param,
	.get_tree	= mpx_get_tree,
};

static int mpx_init_fs_context(struct fs_context *fc)
{
	struct mpx_fs_opts *o = kzalloc_obj(*o, GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	fc->fs_private = o;
	fc->ops = &mpx_fc_ops;
	return 0;
}

static struct file_system_type mpx_fs_type = {
	.owner			= THIS_MODULE,
	.name			= "resctrl",
	.init_fs_context	= mpx_init_fs_context,
	.parameters		= mpx_fs_params,
	.kill_sb		= mpx_kill_sb,
};

/* ---- files ---- */

static void mpx_task_show_cb(struct task_struct *t, void *arg)
{
	pid_t pid = task_pid_vnr(t);

	if (pid)
		seq_printf(arg, "%d\n", pid);
}

static void mpx_show_tasks(struct seq_file *m, struct mpx_grp *g)
{
	struct mpx_grp *c;

	mpam_ext_task_for_each(mpx_owner(g), mpx_task_show_cb, m);
	list_for_each_entry(c, &g->mons, node)
		mpam_ext_task_for_each(mpx_owner(c), mpx_task_show_cb, m);
}

static int mpx_show_schemata(struct seq_file *m, struct mpx_grp *g)
{
	unsigned int n = mpam_ext_schemata_nr_vals(mpx_sch, mpx_nr_sch);
	u32 *cur = kcalloc(max(n, 1U), sizeof(*cur), GFP_KERNEL);
	char *buf = kmalloc(MPAM_EXT_SCH_MAX_WRITE, GFP_KERNEL);
	int ret = -ENOMEM;

	if (!cur || !buf)
		goto out;
	ret = mpx_cur_vals(g->closid, cur);
	if (ret)
		goto out;
	ret = mpam_ext_schemata_print(buf, MPAM_EXT_SCH_MAX_WRITE, mpx_sch,
				      mpx_nr_sch, cur);
	if (ret >= 0) {
		seq_puts(m, buf);
		ret = 0;
	}
out:
	kfree(buf);
	kfree(cur);
	return ret;
}

/* size: cache portions (bits) per domain, MB percentages */
static int mpx_show_size(struct seq_file *m, struct mpx_grp *g)
{
	unsigned int s, i;
	u32 v;
	int ret;

	for (s = 0; s < mpx_nr_sch; s++) {
		seq_printf(m, "%s:", mpx_sch[s].name);
		for (i = 0; i < mpx_sch[s].nr_dom; i++) {
			ret = mpam_ext_rc_get_config(mpx_t, mpx_sch_res[s],
						     mpx_sch[s].dom_ids[i], g->closid,
						     mpx_read_type(mpx_sch_cdp[s]), &v);
			if (ret)
				return ret;
			seq_printf(m, "%s%u=%u", i ? ";" : "", mpx_sch[s].dom_ids[i],
				   mpx_sch[s].is_mb ? v : hweight32(v));
		}
		seq_putc(m, '\n');
	}
	return 0;
}

static void mpx_show_bit_usage(struct seq_file *m, const struct mpx_file *f)
{
	const struct mpam_ext_pick *pk = &mpx_t->res[f->res];
	u32 len = min_t(u32, pk->cls->props.cpbm_wd, 32), used, v;
	unsigned long c;
	unsigned int i;
	int b;

	for (i = 0; i < pk->nr_dom; i++) {
		used = 0;
		for_each_set_bit(c, mpx_closid_used, mpx_nclosid)
			if (!mpam_ext_rc_get_config(mpx_t, f->res, pk->dom[i].id, c,
						    mpx_read_type(f->cdp), &v))
				used |= v;
		seq_printf(m, "%s%u=", i ? ";" : "", pk->dom[i].id);
		for (b = len - 1; b >= 0; b--)
			seq_putc(m, used & BIT(b) ? 'S' : '0');
	}
	seq_putc(m, '\n');
}

/* The first counter event of the resource of @f (L3 or L2) */
static int mpx_cntr_event(const struct mpx_file *f)
{
	bool l2 = f->res == MPAM_EXT_RES_L2;
	int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpam_ext_mon_offered(mpx_t, ev) &&
		    mpam_ext_mon_uses_cntrs(ev) && mpx_ev_is_l2(ev) == l2)
			return ev;
	return -EOPNOTSUPP;
}

/* Print a monitoring file of @f into @buf with the backend's printers */
static int mpx_mon_text(const struct mpx_file *f, char *buf, size_t len)
{
	int ev;

	switch (f->kind) {
	case MPX_F_MON_FEATURES:
		return mpam_ext_mon_features_print(mpx_mc, f->res, buf, len);
	case MPX_F_NUM_CNTRS:
	case MPX_F_AVAIL_CNTRS:
		ev = mpx_cntr_event(f);
		if (ev < 0)
			return ev;
		return mpam_ext_mon_cntrs_print(mpx_mc, ev,
						f->kind == MPX_F_AVAIL_CNTRS,
						buf, len);
	case MPX_F_ASSIGNMENTS:
		return mpam_ext_mon_assign_print_res(mpx_mc, f->res,
						     f->grp->closid,
						     f->grp->rmid, buf, len);
	default:
		return -EINVAL;
	}
}

/* Largest buffer tried for a monitoring file's content */
#define MPX_MON_TEXT_MAX	(16 * PAGE_SIZE)

static int mpx_show_mon_text(struct seq_file *m, const struct mpx_file *f)
{
	int ret = -EOVERFLOW;
	size_t len;
	char *buf;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mpx_mc)
		return -ENODEV;
	for (len = PAGE_SIZE; ret == -EOVERFLOW && len <= MPX_MON_TEXT_MAX;
	     len *= 2) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
		ret = mpx_mon_text(f, buf, len);
		if (ret > 0)
			seq_write(m, buf, ret);
		kfree(buf);
	}
	return ret < 0 ? ret : 0;
}

/*
 * Add one (closid, rmid)'s count to @sum; keep the first error other
 * than -ENOENT (no counter assigned, which only matters when no group
 * of the sum has one). The file exists only for a domain of the event,
 * so -ENXIO does not occur; any error but -EIO shows as "Unavailable".
 */
static void mpx_mon_add(const struct mpx_file *f, const struct mpx_grp *g,
			u64 *sum, bool *any, int *err)
{
	u64 v;
	int ret = mpam_ext_mon_read(mpx_mc, f->ev, f->dom, g->closid, g->rmid, &v);

	if (!ret) {
		*sum += v;
		*any = true;
	} else if (ret != -ENOENT && !*err) {
		*err = ret;
	}
}

/*
 * A control group's count is its own plus its monitor groups'; it is
 * "Unassigned" only when none of them has a counter.
 */
static int mpx_show_mon_data(struct seq_file *m, const struct mpx_file *f)
{
	struct mpx_grp *g = f->grp, *c;
	char text[32];
	bool any = false;
	u64 sum = 0;
	int err = 0, ret;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mpx_mc)
		return -ENODEV;
	mpam_ext_traffic_sync();
	mpx_mon_add(f, g, &sum, &any, &err);
	if (!g->parent)
		list_for_each_entry(c, &g->mons, node)
			mpx_mon_add(f, c, &sum, &any, &err);
	if (!err && !any)
		err = -ENOENT;
	ret = mpam_ext_mon_value_print(err, sum, text, sizeof(text));
	if (ret < 0)
		return ret;
	seq_write(m, text, ret);
	return 0;
}

static int mpx_show_locked(struct seq_file *m, const struct mpx_file *f)
{
	const struct mpam_ext_pick *pk = &mpx_t->res[f->res];

	lockdep_assert_held(&mpx_fs_lock);
	switch (f->kind) {
	case MPX_F_STATUS:
		seq_puts(m, mpx_status[0] ? mpx_status : "ok\n");
		break;
	case MPX_F_TASKS:
		mpx_show_tasks(m, f->grp);
		break;
	case MPX_F_CPUS:
		seq_printf(m, "%*pb\n", cpumask_pr_args(&f->grp->cpus));
		break;
	case MPX_F_CPUS_LIST:
		seq_printf(m, "%*pbl\n", cpumask_pr_args(&f->grp->cpus));
		break;
	case MPX_F_SCHEMATA:
		return mpx_show_schemata(m, f->grp);
	case MPX_F_MODE:
		seq_puts(m, "shareable\n");
		break;
	case MPX_F_SIZE:
		return mpx_show_size(m, f->grp);
	case MPX_F_CBM_MASK:
		seq_printf(m, "%x\n", mpx_full(f->res));
		break;
	case MPX_F_MIN_CBM_BITS:
		seq_puts(m, "1\n");
		break;
	case MPX_F_NUM_CLOSIDS:
		seq_printf(m, "%u\n", mpx_nclosid);
		break;
	case MPX_F_SHAREABLE_BITS:
		seq_puts(m, "0\n");
		break;
	case MPX_F_BIT_USAGE:
		mpx_show_bit_usage(m, f);
		break;
	case MPX_F_SPARSE_MASKS:
		seq_puts(m, "1\n");
		break;
	case MPX_F_BW_GRAN:
	case MPX_F_MIN_BW:
		seq_printf(m, "%u\n", mpam_ext_rc_bw_gran(pk->cls->props.bwa_wd));
		break;
	case MPX_F_DELAY_LINEAR:
		seq_puts(m, "1\n");
		break;
	case MPX_F_THROTTLE_MODE:
		seq_puts(m, "max\n");
		break;
	case MPX_F_MON_FEATURES:
	case MPX_F_NUM_CNTRS:
	case MPX_F_AVAIL_CNTRS:
	case MPX_F_ASSIGNMENTS:
		return mpx_show_mon_text(m, f);
	case MPX_F_NUM_RMIDS:
		seq_printf(m, "%u\n", mpx_nclosid * mpx_npmg);
		break;
	case MPX_F_MAX_THRESHOLD:
		seq_puts(m, "0\n");
		break;
	case MPX_F_ASSIGN_MODE:
		seq_puts(m, "[mbm_event]\n");
		break;
	case MPX_F_ASSIGN_ON_MKDIR:
		seq_printf(m, "%d\n", mpx_assign_on_mkdir);
		break;
	case MPX_F_MON_DATA:
		return mpx_show_mon_data(m, f);
	}
	return 0;
}

static int mpx_show(struct seq_file *m, void *v)
{
	const struct mpx_file *f = m->private;
	int ret = -ENODEV;

	mutex_lock(&mpx_fs_lock);
	if (mpx_sb && (!f->grp || !f->grp->dead))
		ret = mpx_show_locked(m, f);
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

static int mpx_open(struct inode *inode, struct file *file)
{
	return single_open(file, mpx_show, inode->i_private);
}

/* ---- writes ---- */

static bool mpx_may_move(struct task_struct *t)
{
	const struct cred *tcred = get_task_cred(t);
	const struct cred *cred = current_cred();
	bool ok;

	ok = uid_eq(cred->euid, GLOBAL_ROOT_UID) ||
	     uid_eq(cred->euid, tcred->uid) || uid_eq(cred->euid, tcred->suid) ||
	     capable(CAP_SYS_NICE);
	put_cred(tcred);
	return ok;
}

/* The task's owner is @g or one of its monitor groups */
static bool mpx_in_ctrl(struct task_struct *t, struct mpx_grp *g)
{
	const void *o = mpam_ext_task_owner(t);
	struct mpx_grp *c;

	if (o == mpx_owner(g))
		return true;
	list_for_each_entry(c, &g->mons, node)
		if (o == mpx_owner(c))
			return true;
	return false;
}

static int mpx_move_one(struct mpx_grp *g, pid_t pid)
{
	struct task_struct *t;
	struct pid *p;
	int ret;

	if (pid) {
		/* In the writer's pid namespace */
		p = find_get_pid(pid);
		t = p ? get_pid_task(p, PIDTYPE_PID) : NULL;
		put_pid(p);
	} else {
		t = get_task_struct(current);
	}
	if (!t) {
		mpx_status_set("No task %d\n", pid);
		return -ESRCH;
	}
	if (!mpx_may_move(t)) {
		mpx_status_set("No permission to move task %d\n", pid);
		ret = -EPERM;
	} else if (g->parent && !mpx_in_ctrl(t, g->parent)) {
		mpx_status_set("Can't move task to different control group\n");
		ret = -EINVAL;
	} else {
		ret = mpam_ext_task_move(t, mpx_owner(g),
					 g == &mpx_root ? 0 : mpx_grp_val(g));
		if (ret)
			mpx_status_set("Failed to move task %d: %d\n", pid, ret);
	}
	put_task_struct(t);
	return ret;
}

static int mpx_write_tasks(struct mpx_grp *g, char *buf)
{
	char *tok;
	int pid, ret = 0;

	while (buf && buf[0] && buf[0] != '\n') {
		tok = strim(strsep(&buf, ","));
		if (kstrtoint(tok, 0, &pid)) {
			mpx_status_set("Task list parsing error pid %s\n", tok);
			return -EINVAL;
		}
		if (pid < 0) {
			mpx_status_set("Invalid pid %d\n", pid);
			return -EINVAL;
		}
		ret = mpx_move_one(g, pid);
		if (ret)
			return ret;
	}
	return ret;
}

/* Give @mask to @g as CPU default, taking it from @g's monitor groups */
static void mpx_cpus_give(struct mpx_grp *g, const struct cpumask *mask)
{
	mpam_ext_cpu_set_default(mask, g == &mpx_root ? 0 : mpx_grp_val(g));
}

static int mpx_write_cpus_ctrl(struct mpx_grp *g, const struct cpumask *new,
			       struct cpumask *tmp)
{
	struct mpx_grp *r, *c;

	if (cpumask_andnot(tmp, &g->cpus, new)) {
		if (g == &mpx_root) {
			mpx_status_set("Can't drop CPUs from default group\n");
			return -EINVAL;
		}
		cpumask_or(&mpx_root.cpus, &mpx_root.cpus, tmp);
		mpx_cpus_give(&mpx_root, tmp);
	}
	if (cpumask_andnot(tmp, new, &g->cpus)) {
		if (g != &mpx_root)
			cpumask_andnot(&mpx_root.cpus, &mpx_root.cpus, tmp);
		list_for_each_entry(c, &mpx_root.mons, node)
			cpumask_andnot(&c->cpus, &c->cpus, tmp);
		list_for_each_entry(r, &mpx_ctrl_grps, node) {
			if (r == g)
				continue;
			cpumask_andnot(&r->cpus, &r->cpus, tmp);
			list_for_each_entry(c, &r->mons, node)
				cpumask_andnot(&c->cpus, &c->cpus, tmp);
		}
	}
	cpumask_copy(&g->cpus, new);
	/* The monitor groups' CPUs fall back to the group */
	list_for_each_entry(c, &g->mons, node)
		cpumask_clear(&c->cpus);
	mpx_cpus_give(g, new);
	return 0;
}

static int mpx_write_cpus_mon(struct mpx_grp *g, const struct cpumask *new,
			      struct cpumask *tmp)
{
	struct mpx_grp *p = g->parent, *c;

	if (!cpumask_subset(new, &p->cpus)) {
		mpx_status_set("Can only add CPUs to mongroup that belong to parent\n");
		return -EINVAL;
	}
	if (cpumask_andnot(tmp, &g->cpus, new))
		mpx_cpus_give(p, tmp);
	if (cpumask_andnot(tmp, new, &g->cpus))
		list_for_each_entry(c, &p->mons, node)
			if (c != g)
				cpumask_andnot(&c->cpus, &c->cpus, tmp);
	cpumask_copy(&g->cpus, new);
	mpx_cpus_give(g, new);
	return 0;
}

static int mpx_write_cpus(struct mpx_grp *g, char *buf, bool list)
{
	cpumask_var_t new, tmp;
	int ret;

	if (!zalloc_cpumask_var(&new, GFP_KERNEL))
		return -ENOMEM;
	if (!zalloc_cpumask_var(&tmp, GFP_KERNEL)) {
		free_cpumask_var(new);
		return -ENOMEM;
	}
	ret = list ? cpulist_parse(strim(buf), new) : cpumask_parse(strim(buf), new);
	if (ret) {
		mpx_status_set("Bad CPU list/mask\n");
		ret = -EINVAL;
	} else if (!cpumask_subset(new, cpu_online_mask)) {
		mpx_status_set("Can only assign online CPUs\n");
		ret = -EINVAL;
	} else if (g->parent) {
		ret = mpx_write_cpus_mon(g, new, tmp);
	} else {
		ret = mpx_write_cpus_ctrl(g, new, tmp);
	}
	free_cpumask_var(tmp);
	free_cpumask_var(new);
	return ret;
}

/**
 * struct mpx_undo - a domain a schemata write changed, and its old value.
 * @s:		the schemata resource
 * @dom:	the domain id
 * @old:	the value before
 */
struct mpx_undo {
	unsigned int s;
	u32 dom, old;
};

/* Refuse different values for domains sharing a component */
static int mpx_check_shared(const struct mpam_ext_sch_val *staged,
			    char *err, size_t err_len)
{
	unsigned int s, i, n = 0;
	bool *set = NULL;
	u32 *vals = NULL;
	int ret = 0;

	for (s = 0; s < mpx_nr_sch && !ret; s++) {
		unsigned int nr = mpx_sch[s].nr_dom;

		set = kcalloc(max(nr, 1U), sizeof(*set), GFP_KERNEL);
		vals = kcalloc(max(nr, 1U), sizeof(*vals), GFP_KERNEL);
		if (!set || !vals) {
			ret = -ENOMEM;
		} else {
			for (i = 0; i < nr; i++, n++) {
				set[i] = staged[n].set;
				vals[i] = staged[n].val;
			}
			ret = mpam_ext_rc_check_shared(mpx_t, mpx_sch_res[s],
						       set, vals, err, err_len);
		}
		kfree(set);
		kfree(vals);
	}
	return ret;
}

static int mpx_write_schemata(struct mpx_grp *g, const char *buf, size_t len)
{
	unsigned int n = mpam_ext_schemata_nr_vals(mpx_sch, mpx_nr_sch);
	struct mpam_ext_sch_val *staged;
	struct mpx_undo *undo;
	unsigned int s, i, k = 0, nr_undo = 0;
	char err[MPAM_EXT_SCH_ERR_LEN];
	int ret;

	staged = kcalloc(max(n, 1U), sizeof(*staged), GFP_KERNEL);
	undo = kcalloc(max(n, 1U), sizeof(*undo), GFP_KERNEL);
	ret = -ENOMEM;
	if (!staged || !undo)
		goto out;
	err[0] = '\0';
	ret = mpam_ext_schemata_parse(buf, len, mpx_sch, mpx_nr_sch, staged,
				      err, sizeof(err));
	ret = ret ?: mpx_check_shared(staged, err, sizeof(err));
	if (ret) {
		mpx_status_set("%s\n", err[0] ? err : "Invalid schemata");
		ret = -EINVAL;
		goto out;
	}
	for (s = 0; s < mpx_nr_sch && !ret; s++) {
		enum mpam_ext_res res = mpx_sch_res[s];

		for (i = 0; i < mpx_sch[s].nr_dom && !ret; i++, k++) {
			u32 dom = mpx_sch[s].dom_ids[i], old;

			if (!staged[k].set)
				continue;
			ret = mpam_ext_rc_get_config(mpx_t, res, dom, g->closid,
						     mpx_read_type(mpx_sch_cdp[s]),
						     &old);
			if (ret)
				break;
			undo[nr_undo++] = (struct mpx_undo){ s, dom, old };
			ret = mpx_write_dom(res, mpx_sch_cdp[s], dom, g->closid,
					    staged[k].val);
		}
	}
	if (ret) {
		struct mpx_undo *u = &undo[nr_undo ? nr_undo - 1 : 0];

		mpx_status_set("Failed to write %s domain %u: %d\n",
			       mpx_sch[u->s].name, u->dom, ret);
		while (nr_undo--) {
			u = &undo[nr_undo];
			mpx_write_dom(mpx_sch_res[u->s], mpx_sch_cdp[u->s], u->dom,
				      g->closid, u->old);
		}
		ret = -EINVAL;
	}
out:
	kfree(undo);
	kfree(staged);
	return ret;
}

/*
 * mbm_<res>_assignments: the backend's messages go to last_cmd_status;
 * the traffic so far is issued first, so a new counter starts from
 * nothing
 */
static int mpx_write_assign(const struct mpx_file *f, const char *buf,
			    size_t len)
{
	char *err;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mpx_mc)
		return -ENODEV;
	err = kzalloc(MPAM_EXT_MON_ERR_LEN, GFP_KERNEL);
	if (!err)
		return -ENOMEM;
	mpam_ext_traffic_sync();
	ret = mpam_ext_mon_assign_write_res(mpx_mc, f->res, f->grp->closid,
					    f->grp->rmid, buf, len, err,
					    MPAM_EXT_MON_ERR_LEN);
	if (err[0])
		mpx_status_set("%s", err);
	else if (ret == -EINVAL)
		mpx_status_set("Assignments must end with a newline\n");
	else if (ret)
		mpx_status_set("Failed to apply the assignments: %d\n", ret);
	kfree(err);
	return ret;
}

static int mpx_write_locked(const struct mpx_file *f, char *buf, size_t len)
{
	bool on;

	lockdep_assert_held(&mpx_fs_lock);
	switch (f->kind) {
	case MPX_F_TASKS:
		return mpx_write_tasks(f->grp, buf);
	case MPX_F_CPUS:
	case MPX_F_CPUS_LIST:
		return mpx_write_cpus(f->grp, buf, f->kind == MPX_F_CPUS_LIST);
	case MPX_F_SCHEMATA:
		return mpx_write_schemata(f->grp, buf, len);
	case MPX_F_MODE:
		if (strcmp(strim(buf), "shareable")) {
			mpx_status_set("Unknown or unsupported mode\n");
			return -EINVAL;
		}
		return 0;
	case MPX_F_ASSIGN_MODE:
		if (strcmp(strim(buf), "mbm_event")) {
			mpx_status_set("Unsupported assign mode: only mbm_event exists\n");
			return -EINVAL;
		}
		return 0;
	case MPX_F_ASSIGNMENTS:
		return mpx_write_assign(f, buf, len);
	case MPX_F_ASSIGN_ON_MKDIR:
		if (kstrtobool(strim(buf), &on)) {
			mpx_status_set("Invalid value: 0 or 1\n");
			return -EINVAL;
		}
		mpx_assign_on_mkdir = on;
		return 0;
	default:
		return -EPERM;
	}
}

static ssize_t mpx_write(struct file *file, const char __user *ubuf,
			 size_t count, loff_t *ppos)
{
	const struct mpx_file *f = ((struct seq_file *)file->private_data)->private;
	char *buf;
	int ret;

	if (count > MPAM_EXT_SCH_MAX_WRITE) {
		mutex_lock(&mpx_fs_lock);
		mpx_status[0] = '\0';
		mpx_status_set("Write of %zu bytes is over the limit of %u bytes\n",
			       count, MPAM_EXT_SCH_MAX_WRITE);
		mutex_unlock(&mpx_fs_lock);
		return -E2BIG;
	}
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	mutex_lock(&mpx_fs_lock);
	mpx_status[0] = '\0';
	if (!mpx_sb || (f->grp && f->grp->dead))
		ret = -ENODEV;
	else
		ret = mpx_write_locked(f, buf, count);
	mutex_unlock(&mpx_fs_lock);
	kfree(buf);
	return ret ?: count;
}

static const struct file_operations mpx_fops = {
	.owner		= THIS_MODULE,
	.open		= mpx_open,
	.read		= seq_read,
	.write		= mpx_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* ---- mkdir, rmdir ---- */

static const struct inode_operations mpx_grp_iops = {
	.lookup		= simple_lookup,
};

/* Instantiate the VFS's @dentry as the directory of @g */
static int mpx_grp_dir(struct inode *dir, struct dentry *dentry,
		       struct mpx_grp *g)
{
	struct inode *inode = new_inode(dir->i_sb);

	if (!inode)
		return -ENOMEM;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFDIR | 0755;
	mpx_inode_init_ts(inode);
	inode->i_op = &mpx_grp_iops;
	inode->i_fop = &simple_dir_operations;
	inode->i_private = g;
	set_nlink(inode, 2);
	inc_nlink(dir);
	mpx_d_pin_vfs(dentry, inode);
	if (mpx_track(g, dentry)) {
		simple_rmdir(dir, dentry);
		d_drop(dentry);
		return -ENOMEM;
	}
	return 0;
}

static int mpx_mkdir_grp(struct inode *dir, struct dentry *dentry,
			 struct mpx_grp *parent)
{
	struct mpx_grp *g, *c;
	unsigned long used[BITS_TO_LONGS(256)] = {};
	u32 closid = parent ? parent->closid : 0, rmid = 0;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	if (parent) {
		__set_bit(0, used);
		list_for_each_entry(c, &parent->mons, node)
			__set_bit(c->rmid, used);
		rmid = find_first_zero_bit(used, min_t(u32, mpx_npmg, 256));
		if (rmid >= min_t(u32, mpx_npmg, 256)) {
			mpx_status_set("Out of RMIDs\n");
			return -ENOSPC;
		}
	} else {
		closid = find_next_zero_bit(mpx_closid_used, mpx_nclosid, 1);
		if (closid >= mpx_nclosid) {
			mpx_status_set("Out of CLOSIDs\n");
			return -ENOSPC;
		}
		ret = mpx_reset_closid(closid);
		if (ret) {
			mpx_status_set("Failed to set the defaults of CLOSID %u\n",
				       closid);
			return ret;
		}
	}
	g = mpx_grp_alloc(parent, closid, rmid);
	if (!g)
		return -ENOMEM;
	ret = mpx_grp_dir(dir, dentry, g);
	if (ret) {
		mpx_grp_put(g);
		return ret;
	}
	ret = mpx_make_grp_files(dentry, g);
	if (ret) {
		mpx_status_set("Failed to create the group's files\n");
		g->dead = true;
		/* Everything but the VFS's own entry, then that one */
		mpx_remove_entries_from(g, 1);
		g->nr_dents = 0;
		simple_rmdir(dir, dentry);
		d_drop(dentry);
		mpx_grp_put(g);
		return ret;
	}
	if (parent) {
		list_add_tail(&g->node, &parent->mons);
	} else {
		__set_bit(closid, mpx_closid_used);
		list_add_tail(&g->node, &mpx_ctrl_grps);
	}
	mpx_assign_new(g);
	return 0;
}

static int mpx_do_mkdir(struct inode *dir, struct dentry *dentry,
			struct mpx_grp *parent)
{
	int ret;

	mutex_lock(&mpx_fs_lock);
	mpx_status[0] = '\0';
	if (!mpx_sb || (parent && parent->dead))
		ret = -ENODEV;
	else
		ret = mpx_mkdir_grp(dir, dentry, parent);
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

static MPX_MKDIR_RET mpx_root_mkdir(MPX_IDMAP_T *idmap, struct inode *dir,
				    struct dentry *dentry, umode_t mode)
{
	return mpx_mkdir_ret(mpx_do_mkdir(dir, dentry, NULL));
}

static MPX_MKDIR_RET mpx_mon_mkdir(MPX_IDMAP_T *idmap, struct inode *dir,
				   struct dentry *dentry, umode_t mode)
{
	return mpx_mkdir_ret(mpx_do_mkdir(dir, dentry, dir->i_private));
}

static int mpx_do_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct inode *inode = d_inode(dentry);
	struct mpx_grp *g = inode->i_private, *c, *ct;
	int ret = 0;

	mutex_lock(&mpx_fs_lock);
	mpx_status[0] = '\0';
	if (!mpx_sb || inode->i_op != &mpx_grp_iops || !g || g->dead ||
	    g == &mpx_root || !g->nr_dents || g->dents[0] != dentry) {
		ret = -EPERM;
		goto out;
	}
	if (!g->parent) {
		list_for_each_entry_safe(c, ct, &g->mons, node) {
			mpx_grp_remove(c, &mpx_root, 0);
			mpx_grp_put(c);
		}
		__clear_bit(g->closid, mpx_closid_used);
		mpx_grp_remove(g, &mpx_root, 1);
	} else {
		mpx_grp_remove(g, g->parent, 1);
	}
	/* The VFS's own entry, last */
	simple_rmdir(dir, dentry);
	g->nr_dents = 0;
	mpx_grp_put(g);
out:
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

static const struct inode_operations mpx_root_iops = {
	.lookup		= simple_lookup,
	.mkdir		= mpx_root_mkdir,
	.rmdir		= mpx_do_rmdir,
};

static const struct inode_operations mpx_mon_groups_iops = {
	.lookup		= simple_lookup,
	.mkdir		= mpx_mon_mkdir,
	.rmdir		= mpx_do_rmdir,
};

/* ---- module ---- */

/**
 * mpam_ext_fs_init() - offer the resctrl filesystem.
 * @t:		the picking result; read-only, kept until mpam_ext_fs_exit()
 *
 * Registers filesystem type "resctrl" and creates /sys/fs/resctrl when
 * the kernel has neither; stays off with one log line when the kernel has
 * its own resctrl, when nothing is picked or when the CPU side is off.
 *
 * Return: 0 (the front staying off is not an error for the module).
 */
int mpam_ext_fs_init(const struct mpam_ext_topo *t)
{
	unsigned int i;
	bool any = false;
	int ret;

	for (i = 0; t && i < MPAM_EXT_RES_NR; i++)
		any |= !!t->res[i].cls;
	for (i = 0; t && i < MPAM_EXT_EV_NR; i++)
		any |= !!t->ev[i].cls;
	if (!any) {
		pr_info("resctrl front off: no resource or monitor picked\n");
		return 0;
	}
	if (mpam_ext_cpu_mode() == MPAM_EXT_CPU_OFF) {
		pr_info("resctrl front off: CPU side off: %s\n", mpam_ext_cpu_why());
		return 0;
	}
	mutex_lock(&mpx_fs_lock);
	mpx_t = t;
	mutex_unlock(&mpx_fs_lock);
	ret = register_filesystem(&mpx_fs_type);
	if (ret) {
		pr_warn("resctrl front off: filesystem type resctrl not registered (%d%s)\n",
			ret, ret == -EBUSY ? ": the kernel has its own resctrl" : "");
		return 0;
	}
	mpx_registered = true;
	ret = sysfs_create_mount_point(fs_kobj, "resctrl");
	if (!ret)
		mpx_made_mnt = true;
	else if (ret != -EEXIST)
		pr_warn("resctrl front: /sys/fs/resctrl not created (%d): mount it elsewhere\n",
			ret);
	pr_info("resctrl front on: filesystem type resctrl, mount point /sys/fs/resctrl\n");
	return 0;
}

/**
 * mpam_ext_fs_exit() - withdraw the resctrl filesystem.
 *
 * Called at module exit, which the filesystem's module reference keeps
 * from happening while it is mounted.
 */
void mpam_ext_fs_exit(void)
{
	if (mpx_made_mnt)
		sysfs_remove_mount_point(fs_kobj, "resctrl");
	mpx_made_mnt = false;
	if (mpx_registered)
		unregister_filesystem(&mpx_fs_type);
	mpx_registered = false;
	mutex_lock(&mpx_fs_lock);
	mpx_t = NULL;
	mutex_unlock(&mpx_fs_lock);
}

/**
 * mpam_ext_fs_active() - whether the front registered filesystem type resctrl.
 *
 * Return: true between a mpam_ext_fs_init() that registered it and
 * mpam_ext_fs_exit(); false while the front stays off.
 */
bool mpam_ext_fs_active(void)
{
	return mpx_registered;
}
