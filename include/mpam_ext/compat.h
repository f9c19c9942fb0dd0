/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compatibility shim over the HAVE_* results of scripts/compat-probe.
 * Only this file may look at HAVE_*; the rest of mpam_ext uses what it
 * defines.
 */
#ifndef MPAM_EXT_COMPAT_H
#define MPAM_EXT_COMPAT_H

#ifdef __KERNEL__
#include <linux/firmware.h>
#include <linux/slab.h>
#include <linux/timer.h>

#ifndef HAVE_FIRMWARE_REQUEST_NOWARN
#define firmware_request_nowarn(fw, name, dev) request_firmware(fw, name, dev)
#endif

#ifndef HAVE_TIMER_DELETE_SYNC
#define timer_delete_sync(t) del_timer_sync(t)
#endif

#ifndef HAVE_KZALLOC_OBJ
#define kzalloc_obj(obj, gfp) kzalloc(sizeof(obj), gfp)
#define kmalloc_obj(obj, gfp) kmalloc(sizeof(obj), gfp)
#endif

/* Probes of sched_process_exit take a group_dead argument (6.16 on) */
#ifdef HAVE_SCHED_EXIT_GROUP_DEAD
#define MPAM_EXT_SCHED_EXIT_GROUP_DEAD 1
#endif

#endif /* __KERNEL__ */
#endif /* MPAM_EXT_COMPAT_H */
