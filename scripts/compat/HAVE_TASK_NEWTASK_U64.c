// SPDX-License-Identifier: GPL-2.0
/*
 * task_newtask passes clone_flags as u64: changed upstream in 6.18
 * ("copy_process: pass clone_flags as u64 across calltree"); 6.1 and 6.12
 * pass unsigned long, 7.2 u64. Probes take (task, clone_flags) of that type.
 */
#include <linux/sched.h>
#include <trace/events/task.h>

static void mpx_probe_fn(void *data, struct task_struct *p, u64 clone_flags)
{
}

int mpx_probe(void);
int mpx_probe(void)
{
	return register_trace_task_newtask(mpx_probe_fn, NULL);
}
