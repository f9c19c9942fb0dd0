/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compatibility shim over the HAVE_* results of scripts/compat-probe.
 * Only this file may look at HAVE_*; the rest of mpam_ext uses what it
 * defines.
 */
#ifndef MPAM_EXT_COMPAT_H
#define MPAM_EXT_COMPAT_H

#ifdef __KERNEL__
#include <linux/dcache.h>
#include <linux/firmware.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/timer.h>

#ifndef HAVE_FIRMWARE_REQUEST_NOWARN
#define firmware_request_nowarn(fw, name, dev) request_firmware(fw, name, dev)
#endif

#ifndef HAVE_TIMER_DELETE_SYNC
#define timer_delete_sync(t) del_timer_sync(t)
#endif

#ifndef HAVE_WORK_ON_CPU_SAFE
#include <linux/cpu.h>
#include <linux/workqueue.h>

/* work_on_cpu() on an online CPU, hotplug held off; -ENODEV otherwise */
#define work_on_cpu_safe(cpu, fn, arg)					\
({									\
	int __mpx_cpu = (cpu);						\
	long __mpx_ret = -ENODEV;					\
									\
	cpus_read_lock();						\
	if (cpu_online(__mpx_cpu))					\
		__mpx_ret = work_on_cpu(__mpx_cpu, fn, arg);		\
	cpus_read_unlock();						\
	__mpx_ret;							\
})
#endif

#ifndef HAVE_KZALLOC_OBJ
#define kzalloc_obj(obj, gfp) kzalloc(sizeof(obj), gfp)
#define kmalloc_obj(obj, gfp) kmalloc(sizeof(obj), gfp)
#endif

/* Probes of sched_process_exit take a group_dead argument (6.16 on) */
#ifdef HAVE_SCHED_EXIT_GROUP_DEAD
#define MPAM_EXT_SCHED_EXIT_GROUP_DEAD 1
#endif

/* Probes of task_newtask take a u64 clone_flags (6.18 on) */
#ifdef HAVE_TASK_NEWTASK_U64
#define MPAM_EXT_TASK_NEWTASK_U64 1
#endif

/*
 * Pseudo-filesystem dentries: pinned with d_make_persistent() (which takes
 * its own reference) and a superblock killed with kill_anon_super() where
 * it exists; before it, the reference of d_alloc_name() is the pin and
 * kill_litter_super() drops it.
 */
#ifdef HAVE_D_MAKE_PERSISTENT
static inline void mpx_d_pin(struct dentry *d, struct inode *inode)
{
	d_make_persistent(d, inode);
	dput(d);
}

#define mpx_d_pin_vfs(d, inode)	d_make_persistent(d, inode)
#define mpx_kill_pinned_sb(sb)	kill_anon_super(sb)
#else
#define mpx_d_pin(d, inode)	d_add(d, inode)
static inline void mpx_d_pin_vfs(struct dentry *d, struct inode *inode)
{
	d_instantiate(d, inode);
	dget(d);
}

#define mpx_kill_pinned_sb(sb)	kill_litter_super(sb)
#endif

/* inode_operations.mkdir: its first argument and what it returns */
#ifdef HAVE_MNT_IDMAP
#define MPX_IDMAP_T	struct mnt_idmap
#else
#define MPX_IDMAP_T	struct user_namespace
#endif
#ifdef HAVE_MKDIR_DENTRY
#define MPX_MKDIR_RET		struct dentry *
#define mpx_mkdir_ret(err)	ERR_PTR(err)
#else
#define MPX_MKDIR_RET		int
#define mpx_mkdir_ret(err)	(err)
#endif

#ifdef HAVE_SIMPLE_INODE_INIT_TS
#define mpx_inode_init_ts(inode)	simple_inode_init_ts(inode)
#else
static inline void mpx_inode_init_ts(struct inode *inode)
{
	inode->i_atime = current_time(inode);
	inode->i_mtime = inode->i_atime;
	inode->i_ctime = inode->i_atime;
}
#endif

#endif /* __KERNEL__ */
#endif /* MPAM_EXT_COMPAT_H */
