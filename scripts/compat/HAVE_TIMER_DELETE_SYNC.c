// SPDX-License-Identifier: GPL-2.0
/*
 * timer_delete_sync(): Linux 6.2, "timers: Rename del_timer_sync() to
 * timer_delete_sync()" (some 6.1 stable kernels carry it as a backport).
 */
#include <linux/timer.h>

void mpx_probe(struct timer_list *t);
void mpx_probe(struct timer_list *t)
{
	timer_delete_sync(t);
}
