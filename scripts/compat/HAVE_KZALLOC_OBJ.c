// SPDX-License-Identifier: GPL-2.0
/*
 * kzalloc_obj() and kmalloc_obj(): "slab: Introduce kmalloc_obj() and
 * family", after Linux 6.12 (absent in Debian's 6.12, present in 7.2).
 */
#include <linux/slab.h>

struct mpx_probe_obj {
	int a;
};

struct mpx_probe_obj *mpx_probe(void);
struct mpx_probe_obj *mpx_probe(void)
{
	struct mpx_probe_obj *p = kzalloc_obj(*p, GFP_KERNEL);

	return p;
}
