// SPDX-License-Identifier: GPL-2.0
/*
 * work_on_cpu_safe(): Linux 4.13, "workqueue: Provide work_on_cpu_safe()";
 * present up to 6.12 at least, gone from the 7.x workqueue.h, which keeps
 * work_on_cpu() only.
 */
#include <linux/workqueue.h>

long mpx_probe_fn(void *arg);
long mpx_probe(int cpu);
long mpx_probe(int cpu)
{
	return work_on_cpu_safe(cpu, mpx_probe_fn, NULL);
}
