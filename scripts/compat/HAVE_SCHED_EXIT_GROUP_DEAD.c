// SPDX-License-Identifier: GPL-2.0
/*
 * sched_process_exit tracepoint with a group_dead argument: added upstream
 * after 6.12 (the change giving the event the group_dead flag of do_exit());
 * absent in 6.1 and 6.12, present in 7.2. Probes take (p, group_dead).
 */
#include <linux/sched.h>
#include <trace/events/sched.h>

void mpx_probe(struct task_struct *p);
void mpx_probe(struct task_struct *p)
{
	trace_sched_process_exit(p, true);
}
