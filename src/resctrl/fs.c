// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext resctrl front: a libfs filesystem named "resctrl" with the
 * files and formats of the kernel's resctrl, over the hooks of
 * <mpam_ext/resctrl.h> and nothing below them. Rules and deviations:
 * docs/resctrl.md.
 *
 * Everything that means something only while mounted (the groups, the
 * CDP setting, the monitoring context, the CLOSID bitmaps, the status
 * text, the schemata resources) is in one struct mpx_fs_mount, allocated
 * when the superblock is filled and freed when it is killed; the
 * superblock points at it (s_fs_info), every group and file at it too.
 *
 * Lifetimes:
 * - mount: struct mpx_fs_mount lives from fill_super to kill_sb. An open
 *   file or a working directory keeps the superblock, and so the mount,
 *   alive; kill_sb runs once the last of them is gone.
 * - group: a reference is held by its list (control groups on the mount,
 *   monitor groups on their parent) until rmdir or unmount, by its
 *   directory's inode and its mon_groups/ directory's inode, and by the
 *   inode of each of its files. rmdir or unmount marks it dead and takes
 *   it off its list; the memory goes with the last inode that refers to it.
 * - file: struct mpx_fs_file belongs to its inode and is freed when the
 *   inode is evicted; it holds a reference on its group.
 * - inode: pinned by its dentry from creation until the group's removal
 *   (or the superblock's end), then kept by whoever still has it open or
 *   as working directory.
 * Every operation re-checks, under mpx_fs_lock, that its group is alive:
 * operations on a dead group fail, mkdir in a dead directory too.
 *
 * Locking: every operation of the front (mount, unmount, mkdir, rmdir,
 * every read and write of its files) runs under mpx_fs_lock, so group
 * state needs no other lock. The VFS inode locks come first: mkdir and
 * rmdir are called with their directories locked and take mpx_fs_lock
 * inside. A new group's tree is built under mpx_fs_lock below the
 * directory the VFS holds locked, before anything else can write it. A
 * removed group's tree is taken down after mpx_fs_lock is dropped, as
 * simple_recursive_removal() does: each directory is marked dead
 * (S_DEAD) with its inode lock held, and each entry is removed with the
 * inode lock of its directory held.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/fs_parser.h>
#include <linux/kobject.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/magic.h>
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
#include <mpam_ext/resctrl.h>
#include <mpam_ext/resctrl/fs.h>
#include <mpam_ext/resctrl/monfmt.h>
#include <mpam_ext/resctrl/schemata.h>
#ifdef MPAM_EXT_KUNIT
#include "kunit/mpx_resctrl_test.h"
#endif

#define MPX_FS_STATUS_LEN	512
/* Most schemata lines: L3 or L3CODE+L3DATA, the same for L2, MB */
#define MPX_FS_MAX_SCH		5

/* What a file is */
enum mpx_fs_kind {
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

struct mpx_fs_mount;

/**
 * struct mpx_fs_grp - a control group or a monitor group.
 * @ref:	held by the group's list and by each of its files' inodes
 * @mn:		the mount it belongs to
 * @node:	in the mount's @ctrl_grps (control groups) or the parent's
 *		@mons
 * @parent:	the control group of a monitor group, NULL otherwise
 * @mons:	a control group's monitor groups
 * @closid:	its CLOSID (the parent's for a monitor group)
 * @rmid:	its PMG: 0 for a control group
 * @cpus:	CPUs whose default is this group
 * @dents:	every entry made for it, in creation order
 * @nr_dents:	entries in @dents
 * @max_dents:	room in @dents
 * @dead:	removed: its files answer -ENOENT
 */
struct mpx_fs_grp {
	struct kref ref;
	struct mpx_fs_mount *mn;
	struct list_head node;
	struct mpx_fs_grp *parent;
	struct list_head mons;
	u32 closid, rmid;
	struct cpumask cpus;
	struct dentry **dents;
	unsigned int nr_dents, max_dents;
	bool dead;
};

/**
 * struct mpx_fs_mount - the state of the mount, from fill_super to kill_sb.
 * @sb:		its superblock
 * @cdp:	L3 code/data prioritisation
 * @cdpl2:	L2 code/data prioritisation
 * @l2mon:	the L2 monitors are shown (mount option l2mon)
 * @mc:		the monitoring context, NULL without monitors
 * @nclosid:	CLOSIDs handed out
 * @npmg:	RMIDs (PMGs) per CLOSID
 * @closid_used: CLOSIDs held by a group now
 * @closid_dirty: CLOSIDs written since mount, reset at unmount
 * @root:	the default group, CLOSID 0 RMID 0
 * @ctrl_grps:	the other control groups
 * @status:	info/last_cmd_status
 * @assign_on_mkdir: info/<res>_MON/mbm_assign_on_mkdir
 * @sch:	the schemata resources of the mount, one per line
 * @sch_res:	the resource of each
 * @sch_cdp:	the CDP half of each
 * @nr_sch:	entries in @sch
 * @dom_ids:	per resource, its domain ids in description order
 * @hp_node:	its instance of the front's CPU hotplug state
 * @hp_added:	@hp_node is added
 *
 * Everything here is under mpx_fs_lock, but @hp_node and @hp_added, which
 * the mount and kill_sb paths own.
 */
struct mpx_fs_mount {
	struct super_block *sb;
	bool cdp, cdpl2, l2mon;
	struct mpam_ext_mon_ctx *mc;
	u32 nclosid, npmg;
	unsigned long *closid_used;
	unsigned long *closid_dirty;
	struct mpx_fs_grp *root;
	struct list_head ctrl_grps;
	char status[MPX_FS_STATUS_LEN];
	bool assign_on_mkdir;
	struct mpam_ext_sch_res sch[MPX_FS_MAX_SCH];
	enum mpam_ext_res sch_res[MPX_FS_MAX_SCH];
	enum mpam_ext_cdp sch_cdp[MPX_FS_MAX_SCH];
	unsigned int nr_sch;
	u32 *dom_ids[MPAM_EXT_RES_NR];
	struct hlist_node hp_node;
	bool hp_added;
};

/**
 * struct mpx_fs_file - what a file of the front shows.
 * @kind:	the file
 * @mn:		the mount
 * @grp:	its group (holds a reference), NULL for info files
 * @res:	info, size and mbm_<res>_assignments files: the resource
 * @cdp:	info files: the CDP half they describe
 * @ev:		mon_data files: the event; unused elsewhere
 * @dom:	mon_data files: the domain id
 */
struct mpx_fs_file {
	enum mpx_fs_kind kind;
	struct mpx_fs_mount *mn;
	struct mpx_fs_grp *grp;
	enum mpam_ext_res res;
	enum mpam_ext_cdp cdp;
	enum mpam_ext_event ev;
	u32 dom;
};

/*
 * Serialises every operation of the front (mount, unmount, mkdir, rmdir,
 * every write and every read that touches hardware) and guards every
 * struct mpx_fs_mount and group, and mpx_fs_mounted. The outermost lock
 * of the module: every hook is called under it, and the locks the hooks
 * take (the traffic model's mutex, the MSC locks, the CPU side's locks)
 * nest inside it, never the other way round.
 */
static DEFINE_MUTEX(mpx_fs_lock);
static bool mpx_fs_registered, mpx_fs_made_mnt;
/* The single mount is taken: from get_tree to kill_sb */
static bool mpx_fs_mounted;
/* The front's CPU hotplug state, one instance per mount; < 0 when none */
static int mpx_fs_hp_state = -1;

static const struct inode_operations mpx_fs_root_iops;
static const struct inode_operations mpx_fs_grp_iops;
static const struct inode_operations mpx_fs_mon_groups_iops;
static const struct file_operations mpx_fs_fops;

static __printf(2, 3) void mpx_fs_status_set(struct mpx_fs_mount *mn,
					     const char *fmt, ...)
{
	size_t len = strlen(mn->status);
	va_list args;

	lockdep_assert_held(&mpx_fs_lock);
	va_start(args, fmt);
	vsnprintf(mn->status + len, sizeof(mn->status) - len, fmt, args);
	va_end(args);
}

static void mpx_fs_grp_release(struct kref *ref)
{
	struct mpx_fs_grp *g = container_of(ref, struct mpx_fs_grp, ref);

	kfree(g->dents);
	kfree(g);
}

static void mpx_fs_grp_put(struct mpx_fs_grp *g)
{
	if (g)
		kref_put(&g->ref, mpx_fs_grp_release);
}

static const struct mpam_ext_resctrl_res *mpx_fs_res(enum mpam_ext_res res)
{
	return mpam_ext_arch_get_resource(res);
}

static const struct mpam_ext_resctrl_event *mpx_fs_ev(enum mpam_ext_event ev)
{
	return mpam_ext_arch_get_event(ev);
}

static bool mpx_fs_any_cdp(const struct mpx_fs_mount *mn)
{
	return mn->cdp || mn->cdpl2;
}

static bool mpx_fs_is_cdp(const struct mpx_fs_mount *mn, enum mpam_ext_res res)
{
	return (res == MPAM_EXT_RES_L3 && mn->cdp) ||
	       (res == MPAM_EXT_RES_L2 && mn->cdpl2);
}

/* The owner token of the CPU side: NULL for the default group */
static const void *mpx_fs_owner(const struct mpx_fs_grp *g)
{
	return g == g->mn->root ? NULL : g;
}

/* ---- tree building ---- */

static int mpx_fs_track(struct mpx_fs_grp *g, struct dentry *d)
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

/* An inode drops what it holds: a file its group, a group directory too */
static void mpx_fs_evict(struct inode *inode)
{
	struct mpx_fs_file *f = NULL;
	struct mpx_fs_grp *g = NULL;

	if (S_ISREG(inode->i_mode))
		f = inode->i_private;
	else if (inode->i_op == &mpx_fs_grp_iops ||
		 inode->i_op == &mpx_fs_mon_groups_iops)
		g = inode->i_private;
	clear_inode(inode);
	if (f) {
		mpx_fs_grp_put(f->grp);
		kfree(f);
	}
	mpx_fs_grp_put(g);
}

static const struct super_operations mpx_fs_sops = {
	.statfs		= simple_statfs,
	.evict_inode	= mpx_fs_evict,
};

/*
 * Add a file (@f non-NULL, taken over even on failure) or a directory
 * (@f NULL, @iops its operations or NULL) under @parent; @g tracks it for
 * removal (NULL: it goes with the superblock).
 */
static struct dentry *mpx_fs_add(struct dentry *parent, const char *name,
				 umode_t mode, struct mpx_fs_file *f,
				 const struct inode_operations *iops,
				 struct mpx_fs_grp *g)
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
		inode->i_fop = &mpx_fs_fops;
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
	if (g && mpx_fs_track(g, d)) {
		/* Untracked entries go with the superblock; refuse anyway */
		return NULL;
	}
	return d;
err:
	kfree(f);
	return NULL;
}

static struct dentry *mpx_fs_dir(struct dentry *parent, const char *name,
				 const struct inode_operations *iops,
				 struct mpx_fs_grp *g)
{
	return mpx_fs_add(parent, name, 0755, NULL, iops, g);
}

static int mpx_fs_file(struct dentry *parent, const char *name, umode_t mode,
		       enum mpx_fs_kind kind, struct mpx_fs_grp *g,
		       enum mpam_ext_res res, enum mpam_ext_cdp cdp,
		       enum mpam_ext_event ev, u32 dom)
{
	struct mpx_fs_file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->kind = kind;
	f->mn = parent ? parent->d_sb->s_fs_info : NULL;
	f->grp = g;
	f->res = res;
	f->cdp = cdp;
	f->ev = ev;
	f->dom = dom;
	return mpx_fs_add(parent, name, mode, f, NULL, g) ? 0 : -ENOMEM;
}

/*
 * Remove @g's entries from index @first on, newest first (the group's own
 * directory, entry 0, last), as simple_recursive_removal() does: each
 * directory is marked dead with its inode lock held before it goes, and
 * each entry is removed with the inode lock of the directory it is in
 * held. @locked is the directory whose inode lock the caller (the VFS, in
 * rmdir or mkdir) holds already; the others are taken here, one at a
 * time, below the caller's. Runs without mpx_fs_lock, which comes after
 * the inode locks (the VFS calls mkdir and rmdir with their directories
 * locked); @g is dead, so nothing else touches its entries.
 */
static void mpx_fs_unlink_entries(struct mpx_fs_grp *g, unsigned int first,
				  struct inode *locked)
{
	lockdep_assert_not_held(&mpx_fs_lock);
	while (g->nr_dents > first) {
		struct dentry *d = g->dents[--g->nr_dents];
		struct inode *dir = d_inode(d->d_parent);
		struct inode *inode = d_inode(d);

		if (d_is_dir(d)) {
			inode_lock_nested(inode, I_MUTEX_CHILD);
			inode->i_flags |= S_DEAD;
			inode_unlock(inode);
		}
		if (dir != locked)
			inode_lock_nested(dir, I_MUTEX_CHILD);
		dget(d);
		if (d_is_dir(d))
			simple_rmdir(dir, d);
		else
			simple_unlink(dir, d);
		d_delete(d);
		dput(d);
		if (dir != locked)
			inode_unlock(dir);
	}
}

static bool mpx_fs_ev_is_l2(enum mpam_ext_event ev)
{
	return mpx_fs_ev(ev)->res == MPAM_EXT_RES_L2;
}

/* @ev is offered and shown by mount @mn: L2 events only with -o l2mon */
static bool mpx_fs_ev_shown(const struct mpx_fs_mount *mn,
			    enum mpam_ext_event ev)
{
	return mpx_fs_ev(ev)->offered && (!mpx_fs_ev_is_l2(ev) || mn->l2mon);
}

/* @ev is shown and has domain @id */
static bool mpx_fs_ev_has_dom(const struct mpx_fs_mount *mn,
			      enum mpam_ext_event ev, u32 id)
{
	const struct mpam_ext_resctrl_event *e = mpx_fs_ev(ev);
	unsigned int i;

	for (i = 0; mpx_fs_ev_shown(mn, ev) && i < e->nr_dom; i++)
		if (e->dom[i].id == id)
			return true;
	return false;
}

/*
 * mon_data/mon_<res>_<id>/<event> for @g: a file only for an offered
 * event that has the domain, so reads never meet an unknown domain
 */
static int mpx_fs_make_mon_data(struct dentry *parent, struct mpx_fs_grp *g)
{
	struct dentry *md = mpx_fs_dir(parent, "mon_data", NULL, g);
	int l2, ev, ret;
	unsigned int i;
	char name[32];

	if (!md)
		return -ENOMEM;
	for (l2 = 0; l2 < 2; l2++) {
		const struct mpam_ext_resctrl_event *dp = NULL;

		/* The domains: those of the first event of the resource */
		for (ev = 0; ev < MPAM_EXT_EV_NR && !dp; ev++)
			if (mpx_fs_ev_shown(g->mn, ev) && mpx_fs_ev_is_l2(ev) == l2)
				dp = mpx_fs_ev(ev);
		for (i = 0; dp && i < dp->nr_dom; i++) {
			struct dentry *dd;

			snprintf(name, sizeof(name), "mon_%s_%02u",
				 l2 ? "L2" : "L3", dp->dom[i].id);
			dd = mpx_fs_dir(md, name, NULL, g);
			if (!dd)
				return -ENOMEM;
			for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
				if (mpx_fs_ev_is_l2(ev) != l2 ||
				    !mpx_fs_ev_has_dom(g->mn, ev, dp->dom[i].id))
					continue;
				ret = mpx_fs_file(dd, mpx_fs_ev(ev)->name, 0444,
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
static bool mpx_fs_has_mon(const struct mpx_fs_mount *mn, bool l2, bool cntrs)
{
	int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpx_fs_ev_shown(mn, ev) && mpx_fs_ev_is_l2(ev) == l2 &&
		    (!cntrs || mpx_fs_ev(ev)->assignable))
			return true;
	return false;
}

static bool mpx_fs_has_l3_mon(const struct mpx_fs_mount *mn)
{
	return mpx_fs_has_mon(mn, false, false);
}

static bool mpx_fs_has_l2_mon(const struct mpx_fs_mount *mn)
{
	return mpx_fs_has_mon(mn, true, false);
}

static bool mpx_fs_has_cntrs(const struct mpx_fs_mount *mn, bool l2)
{
	return mpx_fs_has_mon(mn, l2, true);
}

/* The files of a group, in its directory @dir */
static int mpx_fs_make_grp_files(struct dentry *dir, struct mpx_fs_grp *g)
{
	struct mpx_fs_mount *mn = g->mn;
	bool ctrl = !g->parent;
	int ret;

	ret = mpx_fs_file(dir, "tasks", 0644, MPX_F_TASKS, g, 0, 0, 0, 0);
	ret = ret ?: mpx_fs_file(dir, "cpus", 0644, MPX_F_CPUS, g, 0, 0, 0, 0);
	ret = ret ?: mpx_fs_file(dir, "cpus_list", 0644, MPX_F_CPUS_LIST, g, 0, 0, 0, 0);
	if (ctrl) {
		ret = ret ?: mpx_fs_file(dir, "schemata", 0644, MPX_F_SCHEMATA, g, 0, 0, 0, 0);
		ret = ret ?: mpx_fs_file(dir, "mode", 0644, MPX_F_MODE, g, 0, 0, 0, 0);
		ret = ret ?: mpx_fs_file(dir, "size", 0444, MPX_F_SIZE, g, 0, 0, 0, 0);
		if (!ret && mn->mc) {
			struct dentry *mg = mpx_fs_dir(dir, "mon_groups",
						       &mpx_fs_mon_groups_iops, g);

			if (mg) {
				kref_get(&g->ref);
				d_inode(mg)->i_private = g;
			} else {
				ret = -ENOMEM;
			}
		}
	}
	if (!ret && mn->mc && mpx_fs_has_cntrs(mn, false))
		ret = mpx_fs_file(dir, "mbm_L3_assignments", 0644, MPX_F_ASSIGNMENTS,
				  g, MPAM_EXT_RES_L3, 0, 0, 0);
	if (!ret && mn->mc && mpx_fs_has_cntrs(mn, true))
		ret = mpx_fs_file(dir, "mbm_L2_assignments", 0644, MPX_F_ASSIGNMENTS,
				  g, MPAM_EXT_RES_L2, 0, 0, 0);
	/* mon_data/ only where there is monitoring, as in resctrl */
	if (!ret && mn->mc)
		ret = mpx_fs_make_mon_data(dir, g);
	return ret;
}

/**
 * struct mpx_fs_file_spec - one file of an info directory.
 * @name:	its name
 * @mode:	its permissions
 * @kind:	what it shows
 */
struct mpx_fs_file_spec {
	const char *name;
	umode_t mode;
	enum mpx_fs_kind kind;
};

static const struct mpx_fs_file_spec mpx_fs_cache_files[] = {
	{ "num_closids", 0444, MPX_F_NUM_CLOSIDS },
	{ "cbm_mask", 0444, MPX_F_CBM_MASK },
	{ "min_cbm_bits", 0444, MPX_F_MIN_CBM_BITS },
	{ "shareable_bits", 0444, MPX_F_SHAREABLE_BITS },
	{ "bit_usage", 0444, MPX_F_BIT_USAGE },
	{ "sparse_masks", 0444, MPX_F_SPARSE_MASKS },
};

static const struct mpx_fs_file_spec mpx_fs_mb_files[] = {
	{ "num_closids", 0444, MPX_F_NUM_CLOSIDS },
	{ "bandwidth_gran", 0444, MPX_F_BW_GRAN },
	{ "delay_linear", 0444, MPX_F_DELAY_LINEAR },
	{ "min_bandwidth", 0444, MPX_F_MIN_BW },
	{ "thread_throttle_mode", 0444, MPX_F_THROTTLE_MODE },
};

static const struct mpx_fs_file_spec mpx_fs_mon_files[] = {
	{ "mon_features", 0444, MPX_F_MON_FEATURES },
	{ "num_rmids", 0444, MPX_F_NUM_RMIDS },
	{ "max_threshold_occupancy", 0444, MPX_F_MAX_THRESHOLD },
};

static const struct mpx_fs_file_spec mpx_fs_cntr_files[] = {
	{ "mbm_assign_mode", 0644, MPX_F_ASSIGN_MODE },
	{ "num_mbm_cntrs", 0444, MPX_F_NUM_CNTRS },
	{ "available_mbm_cntrs", 0444, MPX_F_AVAIL_CNTRS },
	{ "mbm_assign_on_mkdir", 0644, MPX_F_ASSIGN_ON_MKDIR },
};

static int mpx_fs_files(struct dentry *d, const struct mpx_fs_file_spec *spec,
			unsigned int nr, enum mpam_ext_res res,
			enum mpam_ext_cdp cdp)
{
	unsigned int i;
	int ret = 0;

	for (i = 0; i < nr && !ret; i++)
		ret = mpx_fs_file(d, spec[i].name, spec[i].mode, spec[i].kind,
				  NULL, res, cdp, 0, 0);
	return ret;
}

static int mpx_fs_make_info_res(struct dentry *info, enum mpam_ext_res res,
				enum mpam_ext_cdp cdp)
{
	static const char * const sfx[] = { "", "DATA", "CODE" };
	struct dentry *d;
	char name[16];

	snprintf(name, sizeof(name), "%s%s", mpx_fs_res(res)->name, sfx[cdp]);
	d = mpx_fs_dir(info, name, NULL, NULL);
	if (!d)
		return -ENOMEM;
	if (res == MPAM_EXT_RES_MB)
		return mpx_fs_files(d, mpx_fs_mb_files, ARRAY_SIZE(mpx_fs_mb_files),
				    res, cdp);
	return mpx_fs_files(d, mpx_fs_cache_files, ARRAY_SIZE(mpx_fs_cache_files),
			    res, cdp);
}

static int mpx_fs_make_info_mon(const struct mpx_fs_mount *mn,
				struct dentry *info, bool l2)
{
	enum mpam_ext_res res = l2 ? MPAM_EXT_RES_L2 : MPAM_EXT_RES_L3;
	struct dentry *d = mpx_fs_dir(info, l2 ? "L2_MON" : "L3_MON", NULL, NULL);
	int ret;

	if (!d)
		return -ENOMEM;
	ret = mpx_fs_files(d, mpx_fs_mon_files, ARRAY_SIZE(mpx_fs_mon_files), res, 0);
	if (!ret && mpx_fs_has_cntrs(mn, l2))
		ret = mpx_fs_files(d, mpx_fs_cntr_files, ARRAY_SIZE(mpx_fs_cntr_files),
				   res, 0);
	return ret;
}

static int mpx_fs_make_info(struct mpx_fs_mount *mn, struct dentry *root)
{
	struct dentry *info = mpx_fs_dir(root, "info", NULL, NULL);
	enum mpam_ext_res res;
	int ret;

	if (!info)
		return -ENOMEM;
	ret = mpx_fs_file(info, "last_cmd_status", 0444, MPX_F_STATUS, NULL, 0, 0, 0, 0);
	for (res = 0; !ret && res < MPAM_EXT_RES_NR; res++) {
		if (!mpx_fs_res(res)->alloc_capable)
			continue;
		if (mpx_fs_is_cdp(mn, res)) {
			ret = mpx_fs_make_info_res(info, res, MPAM_EXT_CDP_CODE);
			ret = ret ?: mpx_fs_make_info_res(info, res, MPAM_EXT_CDP_DATA);
		} else {
			ret = mpx_fs_make_info_res(info, res, MPAM_EXT_CDP_NONE);
		}
	}
	if (!ret && mpx_fs_has_l3_mon(mn))
		ret = mpx_fs_make_info_mon(mn, info, false);
	if (!ret && mpx_fs_has_l2_mon(mn))
		ret = mpx_fs_make_info_mon(mn, info, true);
	return ret;
}

/* ---- hardware values ---- */

static u32 mpx_fs_full(enum mpam_ext_res res)
{
	u32 wd;

	if (res == MPAM_EXT_RES_MB)
		return 100;
	wd = mpx_fs_res(res)->cbm_len;
	return wd >= 32 ? U32_MAX : BIT(wd) - 1;
}

/* Write @val for @closid on one domain, both halves when @res has no CDP */
static int mpx_fs_write_dom(struct mpx_fs_mount *mn, enum mpam_ext_res res,
			    enum mpam_ext_cdp type, u32 dom, u32 closid, u32 val)
{
	int ret;

	__set_bit(closid, mn->closid_dirty);
	if (type != MPAM_EXT_CDP_NONE || !mpx_fs_any_cdp(mn))
		return mpam_ext_arch_update_one(res, dom, closid, type, val);
	ret = mpam_ext_arch_update_one(res, dom, closid, MPAM_EXT_CDP_DATA, val);
	return ret ?: mpam_ext_arch_update_one(res, dom, closid,
					       MPAM_EXT_CDP_CODE, val);
}

static enum mpam_ext_cdp mpx_fs_read_type(const struct mpx_fs_mount *mn,
					  enum mpam_ext_cdp type)
{
	if (type == MPAM_EXT_CDP_NONE && mpx_fs_any_cdp(mn))
		return MPAM_EXT_CDP_DATA;
	return type;
}

/* Every domain of every resource of @closid to the defaults */
static int mpx_fs_reset_closid(struct mpx_fs_mount *mn, u32 closid)
{
	unsigned int s, i;
	int ret = 0, err;

	for (s = 0; s < mn->nr_sch; s++) {
		enum mpam_ext_res res = mn->sch_res[s];

		for (i = 0; i < mn->sch[s].nr_dom; i++) {
			err = mpx_fs_write_dom(mn, res, mn->sch_cdp[s],
					       mn->sch[s].dom_ids[i], closid,
					       mpx_fs_full(res));
			ret = ret ?: err;
		}
	}
	return ret;
}

/* Current values of @closid, laid out as the schemata printer wants */
static int mpx_fs_cur_vals(struct mpx_fs_mount *mn, u32 closid, u32 *cur)
{
	unsigned int s, i, n = 0;
	int ret;

	for (s = 0; s < mn->nr_sch; s++) {
		for (i = 0; i < mn->sch[s].nr_dom; i++) {
			ret = mpam_ext_arch_get_config(mn->sch_res[s],
						       mn->sch[s].dom_ids[i], closid,
						       mpx_fs_read_type(mn, mn->sch_cdp[s]),
						       &cur[n++]);
			if (ret)
				return ret;
		}
	}
	return 0;
}

/* Build the schemata resources of a mount */
static void mpx_fs_build_sch(struct mpx_fs_mount *mn)
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

	mn->nr_sch = 0;
	for (o = 0; o < ARRAY_SIZE(order); o++) {
		enum mpam_ext_res res = order[o];
		const struct mpam_ext_resctrl_res *rr = mpx_fs_res(res);
		static const enum mpam_ext_cdp halves[] = {
			MPAM_EXT_CDP_CODE, MPAM_EXT_CDP_DATA
		};
		enum mpam_ext_cdp types[2] = { MPAM_EXT_CDP_NONE };
		unsigned int nt = 1;

		if (!rr->alloc_capable || !mn->dom_ids[res])
			continue;
		if (mpx_fs_is_cdp(mn, res)) {
			types[0] = halves[0];
			types[1] = halves[1];
			nt = 2;
		}
		for (k = 0; k < nt; k++) {
			struct mpam_ext_sch_res *r = &mn->sch[mn->nr_sch];

			memset(r, 0, sizeof(*r));
			r->name = names[res][types[k]];
			r->is_mb = rr->is_mb;
			r->nr_dom = rr->nr_dom;
			r->dom_ids = mn->dom_ids[res];
			if (r->is_mb) {
				r->bw_gran = rr->bw_gran;
				r->min_bw = r->bw_gran;
				r->max_bw = 100;
			} else {
				r->cbm_len = rr->cbm_len;
				r->min_cbm_bits = rr->min_cbm_bits;
				r->sparse = true;
				r->cdp_pad = !mpx_fs_is_cdp(mn, res);
			}
			mn->sch_res[mn->nr_sch] = res;
			mn->sch_cdp[mn->nr_sch] = types[k];
			mn->nr_sch++;
		}
	}
}

/* ---- group life ---- */

static struct mpx_fs_grp *mpx_fs_grp_alloc(struct mpx_fs_mount *mn,
					   struct mpx_fs_grp *parent,
					   u32 closid, u32 rmid)
{
	struct mpx_fs_grp *g = kzalloc(sizeof(*g), GFP_KERNEL);

	if (!g)
		return NULL;
	kref_init(&g->ref);
	g->mn = mn;
	INIT_LIST_HEAD(&g->mons);
	INIT_LIST_HEAD(&g->node);
	g->parent = parent;
	g->closid = closid;
	g->rmid = rmid;
	return g;
}

/* Counters for the counter events of a new group where one is free */
static void mpx_fs_assign_new(struct mpx_fs_grp *g)
{
	struct mpx_fs_mount *mn = g->mn;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mn->mc || !mn->assign_on_mkdir)
		return;
	/* Best effort: domains without a free counter stay unassigned */
	mpam_ext_arch_cntr_assign_group(mn->mc, g->closid, g->rmid);
}

/*
 * Tasks and CPUs of @g to @to, counters released, @g dead and off its
 * list; its entries are removed after mpx_fs_lock is dropped
 * (mpx_fs_unlink_entries())
 */
static void mpx_fs_grp_remove(struct mpx_fs_grp *g, struct mpx_fs_grp *to)
{
	struct mpx_fs_mount *mn = g->mn;

	lockdep_assert_held(&mpx_fs_lock);
	mpam_ext_arch_move_all(mpx_fs_owner(g), mpx_fs_owner(to), to->closid,
			       to->rmid);
	if (!cpumask_empty(&g->cpus)) {
		cpumask_or(&to->cpus, &to->cpus, &g->cpus);
		mpam_ext_arch_set_cpu_default_closid_rmid(&g->cpus, to->closid,
							  to->rmid);
	}
	if (mn->mc)
		mpam_ext_arch_cntr_release(mn->mc, g->closid, g->rmid);
	g->dead = true;
	list_del_init(&g->node);
}

/* ---- mount ---- */

/**
 * struct mpx_fs_opts - mount options of one mount attempt.
 * @cdp:	L3 code/data prioritisation
 * @cdpl2:	L2 code/data prioritisation
 * @l2mon:	show the L2 monitors
 * @filled:	the superblock was filled (or tried): kill_sb undoes it
 */
struct mpx_fs_opts {
	bool cdp, cdpl2, l2mon, filled;
};

/* ---- CPU hotplug ---- */

/* A CPU coming online joins the default group, as in resctrl */
static int mpx_fs_cpu_online(unsigned int cpu, struct hlist_node *node)
{
	struct mpx_fs_mount *mn = hlist_entry(node, struct mpx_fs_mount, hp_node);

	mutex_lock(&mpx_fs_lock);
	cpumask_set_cpu(cpu, &mn->root->cpus);
	mpam_ext_arch_set_cpu_default_closid_rmid(cpumask_of(cpu),
						  mn->root->closid,
						  mn->root->rmid);
	mutex_unlock(&mpx_fs_lock);
	return 0;
}

static void mpx_fs_grp_drop_cpu(struct mpx_fs_grp *g, unsigned int cpu)
{
	struct mpx_fs_grp *c;

	cpumask_clear_cpu(cpu, &g->cpus);
	list_for_each_entry(c, &g->mons, node)
		cpumask_clear_cpu(cpu, &c->cpus);
}

/* A CPU going offline leaves whatever group has it */
static int mpx_fs_cpu_offline(unsigned int cpu, struct hlist_node *node)
{
	struct mpx_fs_mount *mn = hlist_entry(node, struct mpx_fs_mount, hp_node);
	struct mpx_fs_grp *g;

	mutex_lock(&mpx_fs_lock);
	mpx_fs_grp_drop_cpu(mn->root, cpu);
	list_for_each_entry(g, &mn->ctrl_grps, node)
		mpx_fs_grp_drop_cpu(g, cpu);
	mutex_unlock(&mpx_fs_lock);
	return 0;
}

static int mpx_fs_fill_root(struct mpx_fs_mount *mn, struct super_block *sb)
{
	struct inode *inode;

	mn->root = mpx_fs_grp_alloc(mn, NULL, 0, 0);
	if (!mn->root)
		return -ENOMEM;
	cpumask_copy(&mn->root->cpus, cpu_online_mask);
	inode = new_inode(sb);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = 1;
	inode->i_mode = S_IFDIR | 0755;
	mpx_inode_init_ts(inode);
	inode->i_op = &mpx_fs_root_iops;
	inode->i_fop = &simple_dir_operations;
	set_nlink(inode, 2);
	sb->s_root = d_make_root(inode);
	return sb->s_root ? 0 : -ENOMEM;
}

static u32 mpx_fs_num_closid(const struct mpx_fs_mount *mn)
{
	enum mpam_ext_res res;
	u32 n = U32_MAX;

	for (res = 0; res < MPAM_EXT_RES_NR; res++)
		if (mpx_fs_res(res)->alloc_capable)
			n = min(n, mpam_ext_arch_get_num_closid(res));
	if (n == U32_MAX)
		return 0;
	return mpx_fs_any_cdp(mn) ? n / 2 : n;
}

static int mpx_fs_fill_super_locked(struct super_block *sb,
				    const struct mpx_fs_opts *o)
{
	struct mpx_fs_mount *mn;
	enum mpam_ext_res res;
	unsigned int i;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	mn = kzalloc_obj(*mn, GFP_KERNEL);
	if (!mn)
		return -ENOMEM;
	mn->sb = sb;
	INIT_LIST_HEAD(&mn->ctrl_grps);
	mn->assign_on_mkdir = true;
	mn->cdp = o->cdp;
	mn->cdpl2 = o->cdpl2;
	mn->l2mon = o->l2mon;
	sb->s_fs_info = mn;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = RDTGROUP_SUPER_MAGIC;
	sb->s_op = &mpx_fs_sops;
	sb->s_time_gran = 1;
	ret = mpam_ext_arch_set_cdp_enabled(MPAM_EXT_RES_L3, mn->cdp);
	ret = ret ?: mpam_ext_arch_set_cdp_enabled(MPAM_EXT_RES_L2, mn->cdpl2);
	ret = ret ?: mpx_fs_fill_root(mn, sb);
	if (ret)
		return ret;

	mn->nclosid = mpx_fs_num_closid(mn);
	mn->npmg = mpam_ext_arch_system_num_rmid();
	mn->closid_used = bitmap_zalloc(max(mn->nclosid, 1U), GFP_KERNEL);
	mn->closid_dirty = bitmap_zalloc(max(mn->nclosid, 1U), GFP_KERNEL);
	if (!mn->closid_used || !mn->closid_dirty)
		return -ENOMEM;
	for (res = 0; res < MPAM_EXT_RES_NR; res++) {
		const struct mpam_ext_resctrl_res *rr = mpx_fs_res(res);

		if (!rr->alloc_capable || !rr->nr_dom)
			continue;
		mn->dom_ids[res] = kcalloc(rr->nr_dom, sizeof(u32), GFP_KERNEL);
		if (!mn->dom_ids[res])
			return -ENOMEM;
		for (i = 0; i < rr->nr_dom; i++)
			mn->dom_ids[res][i] = rr->dom[i].id;
	}
	mpx_fs_build_sch(mn);
	if (mpx_fs_has_l3_mon(mn) || mpx_fs_has_l2_mon(mn)) {
		mn->mc = mpam_ext_arch_mon_ctx_alloc();
		if (!mn->mc)
			return -ENOMEM;
	}
	if (mn->nclosid)
		__set_bit(0, mn->closid_used);
	/* The CPUs of the default group run with CLOSID 0 as this mount has it */
	mpam_ext_arch_set_cpu_default_closid_rmid(&mn->root->cpus, 0, 0);
	ret = mpx_fs_make_info(mn, sb->s_root);
	ret = ret ?: mpx_fs_make_grp_files(sb->s_root, mn->root);
	if (ret)
		return ret;
	mpx_fs_assign_new(mn->root);
	return 0;
}

static int mpx_fs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct mpx_fs_opts *o = fc->fs_private;
	int ret;

	mutex_lock(&mpx_fs_lock);
	o->filled = true;
	ret = mpx_fs_fill_super_locked(sb, o);
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

/* Drop the list's reference of every monitor group of @g */
static void mpx_fs_put_mons(struct mpx_fs_grp *g)
{
	struct mpx_fs_grp *m, *mt;

	list_for_each_entry_safe(m, mt, &g->mons, node) {
		m->dead = true;
		list_del_init(&m->node);
		mpx_fs_grp_put(m);
	}
}

/* Undo a mount: tasks, CPUs and CLOSIDs back to the defaults */
static void mpx_fs_teardown(struct mpx_fs_mount *mn)
{
	struct mpx_fs_grp *g, *gt;
	enum mpam_ext_res res;
	unsigned long c;

	lockdep_assert_held(&mpx_fs_lock);
	mpam_ext_arch_reset_cpus();
	list_for_each_entry_safe(g, gt, &mn->ctrl_grps, node) {
		mpx_fs_put_mons(g);
		g->dead = true;
		list_del_init(&g->node);
		mpx_fs_grp_put(g);
	}
	if (mn->root) {
		mpx_fs_put_mons(mn->root);
		mn->root->dead = true;
	}
	if (mn->closid_dirty)
		for_each_set_bit(c, mn->closid_dirty, mn->nclosid)
			mpx_fs_reset_closid(mn, c);
	mpam_ext_arch_mon_ctx_free(mn->mc);
	mn->mc = NULL;
	bitmap_free(mn->closid_used);
	bitmap_free(mn->closid_dirty);
	mn->closid_used = NULL;
	mn->closid_dirty = NULL;
	for (res = 0; res < MPAM_EXT_RES_NR; res++) {
		kfree(mn->dom_ids[res]);
		mn->dom_ids[res] = NULL;
	}
	mn->nr_sch = 0;
	mpam_ext_arch_set_cdp_enabled(MPAM_EXT_RES_L3, false);
	mpam_ext_arch_set_cdp_enabled(MPAM_EXT_RES_L2, false);
}

static void mpx_fs_kill_sb(struct super_block *sb)
{
	struct mpx_fs_mount *mn = sb->s_fs_info;

	/* Hotplug first: its callbacks take mpx_fs_lock below the hotplug lock */
	if (mn && mn->hp_added)
		cpuhp_state_remove_instance_nocalls(mpx_fs_hp_state, &mn->hp_node);
	mutex_lock(&mpx_fs_lock);
	if (mn) {
		mpx_fs_teardown(mn);
		/* Entries of groups are tracked no more: the superblock drops them */
		if (mn->root)
			mn->root->nr_dents = 0;
	}
	mpx_kill_pinned_sb(sb);
	if (mn) {
		/* Every inode is gone, and with them the files' references */
		mpx_fs_grp_put(mn->root);
		kfree(mn);
	}
	mpx_fs_mounted = false;
	mutex_unlock(&mpx_fs_lock);
}

enum { MPX_OPT_CDP, MPX_OPT_CDPL2, MPX_OPT_L2MON, MPX_OPT_MBA_MBPS, MPX_OPT_DEBUG };

static const struct fs_parameter_spec mpx_fs_params[] = {
	fsparam_flag("cdp", MPX_OPT_CDP),
	fsparam_flag("cdpl2", MPX_OPT_CDPL2),
	fsparam_flag("l2mon", MPX_OPT_L2MON),
	fsparam_flag("mba_MBps", MPX_OPT_MBA_MBPS),
	fsparam_flag("debug", MPX_OPT_DEBUG),
	{}
};

static int mpx_fs_parse_param(struct fs_context *fc, struct fs_parameter *param)
{
	struct mpx_fs_opts *o = fc->fs_private;
	struct fs_parse_result result;
	int opt;

	opt = fs_parse(fc, mpx_fs_params, param, &result);
	if (opt < 0)
		return opt;
	switch (opt) {
	case MPX_OPT_CDP:
		if (!mpx_fs_res(MPAM_EXT_RES_L3)->cdp_capable)
			return invalfc(fc, "cdp: no L3 cache control on this platform");
		o->cdp = true;
		break;
	case MPX_OPT_CDPL2:
		if (!mpx_fs_res(MPAM_EXT_RES_L2)->cdp_capable)
			return invalfc(fc, "cdpl2: no L2 cache control on this platform");
		o->cdpl2 = true;
		break;
	case MPX_OPT_L2MON:
		o->l2mon = true;
		break;
	case MPX_OPT_MBA_MBPS:
		return invalfc(fc, "mba_MBps: not supported by mpam_ext (MB takes percentages)");
	default:
		break;
	}
	return 0;
}

/*
 * From now on the groups follow CPUs going on and off line. The ones that
 * changed state since fill_super copied the online mask are caught up
 * with after, under the hotplug lock, so none is missed. Called with the
 * new superblock's s_umount held, which comes before the hotplug lock (as
 * in kill_sb).
 */
static void mpx_fs_follow_cpus(struct mpx_fs_mount *mn)
{
	struct mpx_fs_grp *g;
	cpumask_var_t gone;
	unsigned int cpu;

	if (mpx_fs_hp_state < 0 || !zalloc_cpumask_var(&gone, GFP_KERNEL))
		return;
	if (!cpuhp_state_add_instance_nocalls(mpx_fs_hp_state, &mn->hp_node))
		mn->hp_added = true;
	/* No group but the default one exists yet: nothing can mkdir */
	cpus_read_lock();
	mutex_lock(&mpx_fs_lock);
	cpumask_andnot(gone, &mn->root->cpus, cpu_online_mask);
	for_each_cpu(cpu, gone)
		mpx_fs_grp_drop_cpu(mn->root, cpu);
	list_for_each_entry(g, &mn->ctrl_grps, node)
		cpumask_andnot(&g->cpus, &g->cpus, cpu_online_mask);
	for_each_online_cpu(cpu) {
		if (cpumask_test_cpu(cpu, &mn->root->cpus))
			continue;
		cpumask_set_cpu(cpu, &mn->root->cpus);
		mpam_ext_arch_set_cpu_default_closid_rmid(cpumask_of(cpu),
							  mn->root->closid,
							  mn->root->rmid);
	}
	mutex_unlock(&mpx_fs_lock);
	cpus_read_unlock();
	free_cpumask_var(gone);
}

static int mpx_fs_get_tree(struct fs_context *fc)
{
	struct mpx_fs_opts *o = fc->fs_private;
	int ret;

	/* Reserve the single mount; fill and kill take the lock themselves */
	mutex_lock(&mpx_fs_lock);
	if (mpx_fs_mounted) {
		mutex_unlock(&mpx_fs_lock);
		return -EBUSY;
	}
	mpx_fs_mounted = true;
	mutex_unlock(&mpx_fs_lock);
	ret = get_tree_nodev(fc, mpx_fs_fill_super);
	if (!ret)
		mpx_fs_follow_cpus(fc->root->d_sb->s_fs_info);
	if (ret && !o->filled) {
		/* Failed before a superblock: nothing to kill */
		mutex_lock(&mpx_fs_lock);
		mpx_fs_mounted = false;
		mutex_unlock(&mpx_fs_lock);
	}
	return ret;
}

static void mpx_fs_free_fc(struct fs_context *fc)
{
	kfree(fc->fs_private);
}

static const struct fs_context_operations mpx_fs_fc_ops = {
	.free		= mpx_fs_free_fc,
	.parse_param	= mpx_fs_parse_param,
	.get_tree	= mpx_fs_get_tree,
};

static int mpx_fs_init_fs_context(struct fs_context *fc)
{
	struct mpx_fs_opts *o = kzalloc_obj(*o, GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	fc->fs_private = o;
	fc->ops = &mpx_fs_fc_ops;
	return 0;
}

static struct file_system_type mpx_fs_type = {
	.owner			= THIS_MODULE,
	.name			= "resctrl",
	.init_fs_context	= mpx_fs_init_fs_context,
	.parameters		= mpx_fs_params,
	.kill_sb		= mpx_fs_kill_sb,
};

/* ---- files ---- */

static void mpx_fs_task_show_cb(struct task_struct *t, void *arg)
{
	pid_t pid = task_pid_vnr(t);

	if (pid)
		seq_printf(arg, "%d\n", pid);
}

static void mpx_fs_show_tasks(struct seq_file *m, struct mpx_fs_grp *g)
{
	struct mpx_fs_grp *c;

	mpam_ext_arch_task_for_each(mpx_fs_owner(g), mpx_fs_task_show_cb, m);
	list_for_each_entry(c, &g->mons, node)
		mpam_ext_arch_task_for_each(mpx_fs_owner(c), mpx_fs_task_show_cb, m);
}

static int mpx_fs_show_schemata(struct seq_file *m, struct mpx_fs_grp *g)
{
	struct mpx_fs_mount *mn = g->mn;
	unsigned int n = mpam_ext_schemata_nr_vals(mn->sch, mn->nr_sch);
	u32 *cur = kcalloc(max(n, 1U), sizeof(*cur), GFP_KERNEL);
	char *buf = kmalloc(MPAM_EXT_SCH_MAX_WRITE, GFP_KERNEL);
	int ret = -ENOMEM;

	if (!cur || !buf)
		goto out;
	ret = mpx_fs_cur_vals(mn, g->closid, cur);
	if (ret)
		goto out;
	ret = mpam_ext_schemata_print(buf, MPAM_EXT_SCH_MAX_WRITE, mn->sch,
				      mn->nr_sch, cur);
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
static int mpx_fs_show_size(struct seq_file *m, struct mpx_fs_grp *g)
{
	struct mpx_fs_mount *mn = g->mn;
	unsigned int s, i;
	u32 v;
	int ret;

	for (s = 0; s < mn->nr_sch; s++) {
		seq_printf(m, "%s:", mn->sch[s].name);
		for (i = 0; i < mn->sch[s].nr_dom; i++) {
			ret = mpam_ext_arch_get_config(mn->sch_res[s],
						       mn->sch[s].dom_ids[i], g->closid,
						       mpx_fs_read_type(mn, mn->sch_cdp[s]),
						       &v);
			if (ret)
				return ret;
			seq_printf(m, "%s%u=%u", i ? ";" : "", mn->sch[s].dom_ids[i],
				   mn->sch[s].is_mb ? v : hweight32(v));
		}
		seq_putc(m, '\n');
	}
	return 0;
}

static void mpx_fs_show_bit_usage(struct seq_file *m, const struct mpx_fs_file *f)
{
	const struct mpam_ext_resctrl_res *rr = mpx_fs_res(f->res);
	struct mpx_fs_mount *mn = f->mn;
	u32 len = rr->cbm_len, used, v;
	unsigned long c;
	unsigned int i;
	int b;

	for (i = 0; i < rr->nr_dom; i++) {
		used = 0;
		for_each_set_bit(c, mn->closid_used, mn->nclosid)
			if (!mpam_ext_arch_get_config(f->res, rr->dom[i].id, c,
						      mpx_fs_read_type(mn, f->cdp),
						      &v))
				used |= v;
		seq_printf(m, "%s%u=", i ? ";" : "", rr->dom[i].id);
		for (b = len - 1; b >= 0; b--)
			seq_putc(m, used & BIT(b) ? 'S' : '0');
	}
	seq_putc(m, '\n');
}

/* The first counter event of the resource of @f (L3 or L2) */
static int mpx_fs_cntr_event(const struct mpx_fs_file *f)
{
	bool l2 = f->res == MPAM_EXT_RES_L2;
	int ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpx_fs_ev_shown(f->mn, ev) && mpx_fs_ev(ev)->assignable &&
		    mpx_fs_ev_is_l2(ev) == l2)
			return ev;
	return -EOPNOTSUPP;
}

/* A monitoring file of @f, in the formats of monfmt.c */
static int mpx_fs_show_mon_text(struct seq_file *m, const struct mpx_fs_file *f)
{
	struct mpx_fs_mount *mn = f->mn;
	int ev;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mn->mc)
		return -ENODEV;
	switch (f->kind) {
	case MPX_F_MON_FEATURES:
		mpam_ext_monfmt_features(m, f->res);
		return 0;
	case MPX_F_NUM_CNTRS:
	case MPX_F_AVAIL_CNTRS:
		ev = mpx_fs_cntr_event(f);
		if (ev < 0)
			return ev;
		return mpam_ext_monfmt_cntrs(m, mn->mc, ev,
					     f->kind == MPX_F_AVAIL_CNTRS);
	case MPX_F_ASSIGNMENTS:
		mpam_ext_monfmt_assignments(m, mn->mc, f->res, f->grp->closid,
					    f->grp->rmid);
		return 0;
	default:
		return -EINVAL;
	}
}

/*
 * Add one (closid, rmid)'s count to @sum; keep the first error other
 * than -ENOENT (no counter assigned, which only matters when no group
 * of the sum has one). The file exists only for a domain of the event,
 * so -ENXIO does not occur; any error but -EIO shows as "Unavailable".
 */
static void mpx_fs_mon_add(const struct mpx_fs_file *f, const struct mpx_fs_grp *g,
			   u64 *sum, bool *any, int *err)
{
	u64 v;
	int ret = mpam_ext_arch_rmid_read(f->mn->mc, f->ev, f->dom, g->closid,
					  g->rmid, &v);

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
static int mpx_fs_show_mon_data(struct seq_file *m, const struct mpx_fs_file *f)
{
	struct mpx_fs_grp *g = f->grp, *c;
	bool any = false;
	u64 sum = 0;
	int err = 0;

	lockdep_assert_held(&mpx_fs_lock);
	if (!f->mn->mc)
		return -ENODEV;
	mpx_fs_mon_add(f, g, &sum, &any, &err);
	if (!g->parent)
		list_for_each_entry(c, &g->mons, node)
			mpx_fs_mon_add(f, c, &sum, &any, &err);
	if (!err && !any)
		err = -ENOENT;
	mpam_ext_monfmt_value(m, err, sum);
	return 0;
}

static int mpx_fs_show_locked(struct seq_file *m, const struct mpx_fs_file *f)
{
	struct mpx_fs_mount *mn = f->mn;

	lockdep_assert_held(&mpx_fs_lock);
	switch (f->kind) {
	case MPX_F_STATUS:
		seq_puts(m, mn->status[0] ? mn->status : "ok\n");
		break;
	case MPX_F_TASKS:
		mpx_fs_show_tasks(m, f->grp);
		break;
	case MPX_F_CPUS:
		seq_printf(m, "%*pb\n", cpumask_pr_args(&f->grp->cpus));
		break;
	case MPX_F_CPUS_LIST:
		seq_printf(m, "%*pbl\n", cpumask_pr_args(&f->grp->cpus));
		break;
	case MPX_F_SCHEMATA:
		return mpx_fs_show_schemata(m, f->grp);
	case MPX_F_MODE:
		seq_puts(m, "shareable\n");
		break;
	case MPX_F_SIZE:
		return mpx_fs_show_size(m, f->grp);
	case MPX_F_CBM_MASK:
		seq_printf(m, "%x\n", mpx_fs_full(f->res));
		break;
	case MPX_F_MIN_CBM_BITS:
		seq_printf(m, "%u\n", mpx_fs_res(f->res)->min_cbm_bits);
		break;
	case MPX_F_NUM_CLOSIDS:
		seq_printf(m, "%u\n", mn->nclosid);
		break;
	case MPX_F_SHAREABLE_BITS:
		seq_puts(m, "0\n");
		break;
	case MPX_F_BIT_USAGE:
		mpx_fs_show_bit_usage(m, f);
		break;
	case MPX_F_SPARSE_MASKS:
		seq_puts(m, "1\n");
		break;
	case MPX_F_BW_GRAN:
	case MPX_F_MIN_BW:
		seq_printf(m, "%u\n", mpx_fs_res(f->res)->bw_gran);
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
		return mpx_fs_show_mon_text(m, f);
	case MPX_F_NUM_RMIDS:
		seq_printf(m, "%u\n", mn->nclosid * mn->npmg);
		break;
	case MPX_F_MAX_THRESHOLD:
		seq_puts(m, "0\n");
		break;
	case MPX_F_ASSIGN_MODE:
		seq_puts(m, "[mbm_event]\n");
		break;
	case MPX_F_ASSIGN_ON_MKDIR:
		seq_printf(m, "%d\n", mn->assign_on_mkdir);
		break;
	case MPX_F_MON_DATA:
		return mpx_fs_show_mon_data(m, f);
	}
	return 0;
}

static int mpx_fs_show(struct seq_file *m, void *v)
{
	const struct mpx_fs_file *f = m->private;
	int ret = -ENOENT;

	mutex_lock(&mpx_fs_lock);
	if (!f->grp || !f->grp->dead)
		ret = mpx_fs_show_locked(m, f);
	mutex_unlock(&mpx_fs_lock);
	return ret;
}

static int mpx_fs_open(struct inode *inode, struct file *file)
{
	return single_open(file, mpx_fs_show, inode->i_private);
}

/* ---- writes ---- */

static bool mpx_fs_may_move(struct task_struct *t)
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
static bool mpx_fs_in_ctrl(struct task_struct *t, struct mpx_fs_grp *g)
{
	const void *o = mpam_ext_arch_task_owner(t);
	struct mpx_fs_grp *c;

	if (o == mpx_fs_owner(g))
		return true;
	list_for_each_entry(c, &g->mons, node)
		if (o == mpx_fs_owner(c))
			return true;
	return false;
}

static int mpx_fs_move_one(struct mpx_fs_grp *g, pid_t pid)
{
	struct mpx_fs_mount *mn = g->mn;
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
		mpx_fs_status_set(mn, "No task %d\n", pid);
		return -ESRCH;
	}
	if (!mpx_fs_may_move(t)) {
		mpx_fs_status_set(mn, "No permission to move task %d\n", pid);
		ret = -EPERM;
	} else if (g->parent && !mpx_fs_in_ctrl(t, g->parent)) {
		mpx_fs_status_set(mn, "Can't move task to different control group\n");
		ret = -EINVAL;
	} else {
		ret = mpam_ext_arch_set_closid_rmid(t, mpx_fs_owner(g), g->closid,
						    g->rmid);
		if (ret)
			mpx_fs_status_set(mn, "Failed to move task %d: %d\n", pid, ret);
	}
	put_task_struct(t);
	return ret;
}

static int mpx_fs_write_tasks(struct mpx_fs_grp *g, char *buf)
{
	struct mpx_fs_mount *mn = g->mn;
	char *tok;
	int pid, ret = 0;

	while (buf && buf[0] && buf[0] != '\n') {
		tok = strim(strsep(&buf, ","));
		if (kstrtoint(tok, 0, &pid)) {
			mpx_fs_status_set(mn, "Task list parsing error pid %s\n", tok);
			return -EINVAL;
		}
		if (pid < 0) {
			mpx_fs_status_set(mn, "Invalid pid %d\n", pid);
			return -EINVAL;
		}
		ret = mpx_fs_move_one(g, pid);
		if (ret) {
			mpx_fs_status_set(mn, "Error while processing task %d\n", pid);
			return ret;
		}
	}
	return ret;
}

/* Give @mask to @g as CPU default, taking it from @g's monitor groups */
static void mpx_fs_cpus_give(struct mpx_fs_grp *g, const struct cpumask *mask)
{
	mpam_ext_arch_set_cpu_default_closid_rmid(mask, g->closid, g->rmid);
}

static int mpx_fs_write_cpus_ctrl(struct mpx_fs_grp *g, const struct cpumask *new,
				  struct cpumask *tmp)
{
	struct mpx_fs_mount *mn = g->mn;
	struct mpx_fs_grp *r, *c;

	if (cpumask_andnot(tmp, &g->cpus, new)) {
		if (g == mn->root) {
			mpx_fs_status_set(mn, "Can't drop CPUs from default group\n");
			return -EINVAL;
		}
		cpumask_or(&mn->root->cpus, &mn->root->cpus, tmp);
		mpx_fs_cpus_give(mn->root, tmp);
	}
	if (cpumask_andnot(tmp, new, &g->cpus)) {
		if (g != mn->root)
			cpumask_andnot(&mn->root->cpus, &mn->root->cpus, tmp);
		list_for_each_entry(c, &mn->root->mons, node)
			cpumask_andnot(&c->cpus, &c->cpus, tmp);
		list_for_each_entry(r, &mn->ctrl_grps, node) {
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
	mpx_fs_cpus_give(g, new);
	return 0;
}

static int mpx_fs_write_cpus_mon(struct mpx_fs_grp *g, const struct cpumask *new,
				 struct cpumask *tmp)
{
	struct mpx_fs_mount *mn = g->mn;
	struct mpx_fs_grp *p = g->parent, *c;

	if (!cpumask_subset(new, &p->cpus)) {
		mpx_fs_status_set(mn, "Can only add CPUs to mongroup that belong to parent\n");
		return -EINVAL;
	}
	if (cpumask_andnot(tmp, &g->cpus, new))
		mpx_fs_cpus_give(p, tmp);
	if (cpumask_andnot(tmp, new, &g->cpus))
		list_for_each_entry(c, &p->mons, node)
			if (c != g)
				cpumask_andnot(&c->cpus, &c->cpus, tmp);
	cpumask_copy(&g->cpus, new);
	mpx_fs_cpus_give(g, new);
	return 0;
}

static int mpx_fs_write_cpus(struct mpx_fs_grp *g, char *buf, bool list)
{
	struct mpx_fs_mount *mn = g->mn;
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
		mpx_fs_status_set(mn, "Bad CPU list/mask\n");
		ret = -EINVAL;
	} else if (!cpumask_subset(new, cpu_online_mask)) {
		mpx_fs_status_set(mn, "Can only assign online CPUs\n");
		ret = -EINVAL;
	} else if (g->parent) {
		ret = mpx_fs_write_cpus_mon(g, new, tmp);
	} else {
		ret = mpx_fs_write_cpus_ctrl(g, new, tmp);
	}
	free_cpumask_var(tmp);
	free_cpumask_var(new);
	return ret;
}

/**
 * struct mpx_fs_undo - a domain a schemata write changed, and its old value.
 * @s:		the schemata resource
 * @dom:	the domain id
 * @old:	the value before
 */
struct mpx_fs_undo {
	unsigned int s;
	u32 dom, old;
};

/* Refuse different values for domains sharing a component */
static int mpx_fs_check_shared(struct mpx_fs_mount *mn,
			       const struct mpam_ext_sch_val *staged,
			       char *err, size_t err_len)
{
	unsigned int s, i, n = 0;
	bool *set = NULL;
	u32 *vals = NULL;
	int ret = 0;

	for (s = 0; s < mn->nr_sch && !ret; s++) {
		unsigned int nr = mn->sch[s].nr_dom;

		set = kcalloc(max(nr, 1U), sizeof(*set), GFP_KERNEL);
		vals = kcalloc(max(nr, 1U), sizeof(*vals), GFP_KERNEL);
		if (!set || !vals) {
			ret = -ENOMEM;
		} else {
			for (i = 0; i < nr; i++, n++) {
				set[i] = staged[n].set;
				vals[i] = staged[n].val;
			}
			ret = mpam_ext_arch_check_shared(mn->sch_res[s], set,
							 vals, err, err_len);
		}
		kfree(set);
		kfree(vals);
	}
	return ret;
}

static int mpx_fs_write_schemata(struct mpx_fs_grp *g, const char *buf,
				 size_t len)
{
	struct mpx_fs_mount *mn = g->mn;
	unsigned int n = mpam_ext_schemata_nr_vals(mn->sch, mn->nr_sch);
	struct mpam_ext_sch_val *staged;
	struct mpx_fs_undo *undo;
	unsigned int s, i, k = 0, nr_undo = 0, fail_s = 0;
	char err[MPAM_EXT_SCH_ERR_LEN];
	u32 fail_dom = 0;
	int ret;

	staged = kcalloc(max(n, 1U), sizeof(*staged), GFP_KERNEL);
	undo = kcalloc(max(n, 1U), sizeof(*undo), GFP_KERNEL);
	ret = -ENOMEM;
	if (!staged || !undo)
		goto out;
	err[0] = '\0';
	ret = mpam_ext_schemata_parse(buf, len, mn->sch, mn->nr_sch, staged,
				      err, sizeof(err));
	ret = ret ?: mpx_fs_check_shared(mn, staged, err, sizeof(err));
	if (ret) {
		mpx_fs_status_set(mn, "%s\n", err[0] ? err : "Invalid schemata");
		ret = -EINVAL;
		goto out;
	}
	for (s = 0; s < mn->nr_sch && !ret; s++) {
		enum mpam_ext_res res = mn->sch_res[s];

		for (i = 0; i < mn->sch[s].nr_dom && !ret; i++, k++) {
			u32 dom = mn->sch[s].dom_ids[i], old;

			if (!staged[k].set)
				continue;
			fail_s = s;
			fail_dom = dom;
			ret = mpam_ext_arch_get_config(res, dom, g->closid,
						       mpx_fs_read_type(mn, mn->sch_cdp[s]),
						       &old);
			if (ret)
				break;
			undo[nr_undo++] = (struct mpx_fs_undo){ s, dom, old };
			ret = mpx_fs_write_dom(mn, res, mn->sch_cdp[s], dom,
					       g->closid, staged[k].val);
		}
	}
	if (ret) {
		struct mpx_fs_undo *u;

		/* The domain being read or written when it failed */
		mpx_fs_status_set(mn, "Failed to write %s domain %u: %d\n",
				  mn->sch[fail_s].name, fail_dom, ret);
		while (nr_undo--) {
			u = &undo[nr_undo];
			mpx_fs_write_dom(mn, mn->sch_res[u->s], mn->sch_cdp[u->s],
					 u->dom, g->closid, u->old);
		}
		ret = -EINVAL;
	}
out:
	kfree(undo);
	kfree(staged);
	return ret;
}

/* mbm_<res>_assignments: the parser's messages go to last_cmd_status */
static int mpx_fs_write_assign(const struct mpx_fs_file *f, const char *buf,
			       size_t len)
{
	struct mpx_fs_mount *mn = f->mn;
	char *err;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	if (!mn->mc)
		return -ENODEV;
	err = kzalloc(MPAM_EXT_MONFMT_ERR_LEN, GFP_KERNEL);
	if (!err)
		return -ENOMEM;
	ret = mpam_ext_monfmt_assign_write(mn->mc, f->res, f->grp->closid,
					   f->grp->rmid, buf, len, err,
					   MPAM_EXT_MONFMT_ERR_LEN);
	if (err[0])
		mpx_fs_status_set(mn, "%s", err);
	else if (ret == -EINVAL)
		mpx_fs_status_set(mn, "Assignments must end with a newline\n");
	else if (ret)
		mpx_fs_status_set(mn, "Failed to apply the assignments: %d\n", ret);
	kfree(err);
	return ret;
}

static int mpx_fs_write_locked(const struct mpx_fs_file *f, char *buf,
			       size_t len)
{
	struct mpx_fs_mount *mn = f->mn;
	bool on;

	lockdep_assert_held(&mpx_fs_lock);
	switch (f->kind) {
	case MPX_F_TASKS:
		return mpx_fs_write_tasks(f->grp, buf);
	case MPX_F_CPUS:
	case MPX_F_CPUS_LIST:
		return mpx_fs_write_cpus(f->grp, buf, f->kind == MPX_F_CPUS_LIST);
	case MPX_F_SCHEMATA:
		return mpx_fs_write_schemata(f->grp, buf, len);
	case MPX_F_MODE:
		if (strcmp(strim(buf), "shareable")) {
			mpx_fs_status_set(mn, "Unknown or unsupported mode\n");
			return -EINVAL;
		}
		return 0;
	case MPX_F_ASSIGN_MODE:
		if (strcmp(strim(buf), "mbm_event")) {
			mpx_fs_status_set(mn, "Unsupported assign mode: only mbm_event exists\n");
			return -EINVAL;
		}
		return 0;
	case MPX_F_ASSIGNMENTS:
		return mpx_fs_write_assign(f, buf, len);
	case MPX_F_ASSIGN_ON_MKDIR:
		if (kstrtobool(strim(buf), &on)) {
			mpx_fs_status_set(mn, "Invalid value: 0 or 1\n");
			return -EINVAL;
		}
		mn->assign_on_mkdir = on;
		return 0;
	default:
		return -EPERM;
	}
}

static ssize_t mpx_fs_write(struct file *file, const char __user *ubuf,
			    size_t count, loff_t *ppos)
{
	const struct mpx_fs_file *f = ((struct seq_file *)file->private_data)->private;
	struct mpx_fs_mount *mn = f->mn;
	char *buf;
	int ret;

	if (count > MPAM_EXT_SCH_MAX_WRITE) {
		mutex_lock(&mpx_fs_lock);
		mn->status[0] = '\0';
		mpx_fs_status_set(mn, "Write of %zu bytes is over the limit of %u bytes\n",
				  count, MPAM_EXT_SCH_MAX_WRITE);
		mutex_unlock(&mpx_fs_lock);
		return -E2BIG;
	}
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	/* CPU masks are checked against, and kept within, the online CPUs */
	cpus_read_lock();
	mutex_lock(&mpx_fs_lock);
	mn->status[0] = '\0';
	if (f->grp && f->grp->dead)
		ret = -ENOENT;
	else
		ret = mpx_fs_write_locked(f, buf, count);
	mutex_unlock(&mpx_fs_lock);
	cpus_read_unlock();
	kfree(buf);
	return ret ?: count;
}

static const struct file_operations mpx_fs_fops = {
	.owner		= THIS_MODULE,
	.open		= mpx_fs_open,
	.read		= seq_read,
	.write		= mpx_fs_write,
	.llseek		= seq_lseek,
	.release	= single_release,
};

/* ---- mkdir, rmdir ---- */

static const struct inode_operations mpx_fs_grp_iops = {
	.lookup		= simple_lookup,
};

/* Instantiate the VFS's @dentry as the directory of @g */
static int mpx_fs_grp_dir(struct inode *dir, struct dentry *dentry,
			  struct mpx_fs_grp *g)
{
	struct inode *inode = new_inode(dir->i_sb);

	if (!inode)
		return -ENOMEM;
	inode->i_ino = get_next_ino();
	inode->i_mode = S_IFDIR | 0755;
	mpx_inode_init_ts(inode);
	inode->i_op = &mpx_fs_grp_iops;
	inode->i_fop = &simple_dir_operations;
	kref_get(&g->ref);
	inode->i_private = g;
	set_nlink(inode, 2);
	inc_nlink(dir);
	mpx_d_pin_vfs(dentry, inode);
	if (mpx_fs_track(g, dentry)) {
		simple_rmdir(dir, dentry);
		d_drop(dentry);
		return -ENOMEM;
	}
	return 0;
}

/*
 * The group of a mkdir. On a failure after its directory exists, *@undo
 * is the dead group whose entries the caller removes once mpx_fs_lock is
 * dropped.
 */
static int mpx_fs_mkdir_grp(struct mpx_fs_mount *mn, struct inode *dir,
			    struct dentry *dentry, struct mpx_fs_grp *parent,
			    struct mpx_fs_grp **undo)
{
	struct mpx_fs_grp *g, *c;
	unsigned long used[BITS_TO_LONGS(256)] = {};
	u32 closid = parent ? parent->closid : 0, rmid = 0;
	int ret;

	lockdep_assert_held(&mpx_fs_lock);
	if (parent) {
		__set_bit(0, used);
		list_for_each_entry(c, &parent->mons, node)
			__set_bit(c->rmid, used);
		rmid = find_first_zero_bit(used, min_t(u32, mn->npmg, 256));
		if (rmid >= min_t(u32, mn->npmg, 256)) {
			mpx_fs_status_set(mn, "Out of RMIDs\n");
			return -ENOSPC;
		}
	} else {
		closid = find_next_zero_bit(mn->closid_used, mn->nclosid, 1);
		if (closid >= mn->nclosid) {
			mpx_fs_status_set(mn, "Out of CLOSIDs\n");
			return -ENOSPC;
		}
		ret = mpx_fs_reset_closid(mn, closid);
		if (ret) {
			mpx_fs_status_set(mn, "Failed to set the defaults of CLOSID %u\n",
					  closid);
			return ret;
		}
	}
	g = mpx_fs_grp_alloc(mn, parent, closid, rmid);
	if (!g)
		return -ENOMEM;
	ret = mpx_fs_grp_dir(dir, dentry, g);
	if (ret) {
		mpx_fs_grp_put(g);
		return ret;
	}
	ret = mpx_fs_make_grp_files(dentry, g);
	if (ret) {
		mpx_fs_status_set(mn, "Failed to create the group's files\n");
		g->dead = true;
		*undo = g;
		return ret;
	}
	if (parent) {
		list_add_tail(&g->node, &parent->mons);
	} else {
		__set_bit(closid, mn->closid_used);
		list_add_tail(&g->node, &mn->ctrl_grps);
	}
	mpx_fs_assign_new(g);
	return 0;
}

static int mpx_fs_do_mkdir(struct inode *dir, struct dentry *dentry,
			   struct mpx_fs_grp *parent)
{
	struct mpx_fs_mount *mn = dir->i_sb->s_fs_info;
	const char *name = dentry->d_name.name;
	struct mpx_fs_grp *undo = NULL;
	int ret;

	mutex_lock(&mpx_fs_lock);
	mn->status[0] = '\0';
	if (parent && parent->dead) {
		ret = -ENOENT;
	} else if (strchr(name, '\n') || strchr(name, '/') ||
		   dentry->d_name.len > NAME_MAX) {
		/* A newline would make the tasks and status files unparsable */
		ret = -EINVAL;
	} else {
		ret = mpx_fs_mkdir_grp(mn, dir, dentry, parent, &undo);
	}
	mutex_unlock(&mpx_fs_lock);
	if (undo) {
		/* Everything but the VFS's own entry, then that one */
		mpx_fs_unlink_entries(undo, 1, NULL);
		undo->nr_dents = 0;
		inode_lock_nested(d_inode(dentry), I_MUTEX_CHILD);
		d_inode(dentry)->i_flags |= S_DEAD;
		inode_unlock(d_inode(dentry));
		simple_rmdir(dir, dentry);
		d_drop(dentry);
		mpx_fs_grp_put(undo);
	}
	return ret;
}

static MPX_MKDIR_RET mpx_fs_root_mkdir(MPX_IDMAP_T *idmap, struct inode *dir,
				       struct dentry *dentry, umode_t mode)
{
	return mpx_mkdir_ret(mpx_fs_do_mkdir(dir, dentry, NULL));
}

static MPX_MKDIR_RET mpx_fs_mon_mkdir(MPX_IDMAP_T *idmap, struct inode *dir,
				      struct dentry *dentry, umode_t mode)
{
	return mpx_mkdir_ret(mpx_fs_do_mkdir(dir, dentry, dir->i_private));
}

static int mpx_fs_do_rmdir(struct inode *dir, struct dentry *dentry)
{
	struct mpx_fs_mount *mn = dir->i_sb->s_fs_info;
	struct inode *inode = d_inode(dentry);
	struct mpx_fs_grp *g = inode->i_private, *c, *ct;
	LIST_HEAD(mons);

	mutex_lock(&mpx_fs_lock);
	mn->status[0] = '\0';
	if (inode->i_op != &mpx_fs_grp_iops || !g || g == mn->root ||
	    !g->nr_dents || g->dents[0] != dentry) {
		mutex_unlock(&mpx_fs_lock);
		return -EPERM;
	}
	if (g->dead) {
		mutex_unlock(&mpx_fs_lock);
		return -ENOENT;
	}
	if (!g->parent) {
		list_for_each_entry_safe(c, ct, &g->mons, node) {
			mpx_fs_grp_remove(c, mn->root);
			list_add_tail(&c->node, &mons);
		}
		__clear_bit(g->closid, mn->closid_used);
		mpx_fs_grp_remove(g, mn->root);
	} else {
		mpx_fs_grp_remove(g, g->parent);
	}
	mutex_unlock(&mpx_fs_lock);

	/* The monitor groups' trees, then the group's but its own entry */
	list_for_each_entry_safe(c, ct, &mons, node) {
		list_del_init(&c->node);
		mpx_fs_unlink_entries(c, 0, inode);
		mpx_fs_grp_put(c);
	}
	mpx_fs_unlink_entries(g, 1, inode);
	/* The VFS's own entry, last; the VFS marks it dead */
	simple_rmdir(dir, dentry);
	g->nr_dents = 0;
	mpx_fs_grp_put(g);
	return 0;
}

static const struct inode_operations mpx_fs_root_iops = {
	.lookup		= simple_lookup,
	.mkdir		= mpx_fs_root_mkdir,
	.rmdir		= mpx_fs_do_rmdir,
};

static const struct inode_operations mpx_fs_mon_groups_iops = {
	.lookup		= simple_lookup,
	.mkdir		= mpx_fs_mon_mkdir,
	.rmdir		= mpx_fs_do_rmdir,
};

/* ---- module ---- */

/**
 * mpam_ext_fs_init() - offer the resctrl filesystem.
 *
 * Registers filesystem type "resctrl" and creates /sys/fs/resctrl when
 * the kernel has neither; stays off with one log line when the kernel has
 * its own resctrl, or when the hooks say the front cannot run
 * (mpam_ext_arch_off_reason()). Called after the hook implementation is
 * set up, and before mpam_ext_fs_exit().
 *
 * Return: 0 (the front staying off is not an error for the module).
 */
int mpam_ext_fs_init(void)
{
	const char *why = mpam_ext_arch_off_reason();
	int ret;

	if (why) {
		pr_info("resctrl front off: %s\n", why);
		return 0;
	}
	ret = register_filesystem(&mpx_fs_type);
	if (ret) {
		pr_warn("resctrl front off: filesystem type resctrl not registered (%d%s)\n",
			ret, ret == -EBUSY ? ": the kernel has its own resctrl" : "");
		return 0;
	}
	mpx_fs_registered = true;
	mpx_fs_hp_state = cpuhp_setup_state_multi(CPUHP_AP_ONLINE_DYN,
						  "mpam_ext/resctrl:online",
						  mpx_fs_cpu_online,
						  mpx_fs_cpu_offline);
	if (mpx_fs_hp_state < 0)
		pr_warn("resctrl front: no CPU hotplug state (%d): the default group keeps the CPUs online at mount\n",
			mpx_fs_hp_state);
	ret = sysfs_create_mount_point(fs_kobj, "resctrl");
	if (!ret)
		mpx_fs_made_mnt = true;
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
	if (mpx_fs_made_mnt)
		sysfs_remove_mount_point(fs_kobj, "resctrl");
	mpx_fs_made_mnt = false;
	if (mpx_fs_registered)
		unregister_filesystem(&mpx_fs_type);
	mpx_fs_registered = false;
	if (mpx_fs_hp_state >= 0)
		cpuhp_remove_multi_state(mpx_fs_hp_state);
	mpx_fs_hp_state = -1;
}

#ifdef MPAM_EXT_KUNIT
/**
 * mpam_ext_fs_active() - whether the front registered filesystem type resctrl.
 *
 * For the KUnit suites only (kunit/mpx_resctrl_test.h).
 *
 * Return: true between a mpam_ext_fs_init() that registered it and
 * mpam_ext_fs_exit(); false while the front stays off.
 */
bool mpam_ext_fs_active(void)
{
	return mpx_fs_registered;
}
#endif
