// SPDX-License-Identifier: GPL-2.0
/*
 * Devicetree discovery: MSC nodes, their RIS child nodes, and the cache,
 * CPU and memory nodes those lead to, read through the kernel's of_* API
 * and turned into a platform description (docs/devicetree.md).
 *
 * Every property is read with its length checked first; a problem stops
 * the parse with one message naming the node and the property.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>

#include <mpam_ext/firmware/dt.h>
#include <mpam_ext/firmware/platform.h>

#define MPX_DT_MSC_COMPAT	"arm,mpam-msc"
#define MPX_DT_CACHE_COMPAT	"arm,mpam-cache"
#define MPX_DT_MEMORY_COMPAT	"arm,mpam-memory"

/* Links followed from a CPU node before giving up (a loop, or nonsense) */
#define MPX_DT_MAX_CHAIN	8
/* The smallest frame: the feature page and the two bitmap pages */
#define MPX_DT_MIN_FRAME	0x3000
/* GIC SPIs: INTIDs 32 to 1019, given as 0 to 987 in a GIC specifier */
#define MPX_DT_SPI_BASE		32
#define MPX_DT_SPI_MAX		987

/**
 * struct mpx_dt - state of one parse.
 * @p:		the platform being built
 * @cache_np:	the node of each cache in @p, referenced
 * @msc_np:	the node of each MSC in @p, referenced
 * @cap_caches:	room in @p->caches and @cache_np
 * @cap_mems:	room in @p->mems
 * @err:	message buffer, or NULL
 * @err_len:	its size
 */
struct mpx_dt {
	struct mpam_ext_platform *p;
	struct device_node **cache_np;
	struct device_node **msc_np;
	unsigned int cap_caches;
	unsigned int cap_mems;
	char *err;
	size_t err_len;
};

/* Record "<node>: <property>: <problem>"; returns -EINVAL */
static __printf(4, 5) int mpx_dt_err(struct mpx_dt *d,
				     const struct device_node *np,
				     const char *prop, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	if (d->err && d->err_len) {
		va_start(args, fmt);
		vaf.fmt = fmt;
		vaf.va = &args;
		snprintf(d->err, d->err_len, "%pOF: %s: %pV", np, prop, &vaf);
		va_end(args);
	}
	return -EINVAL;
}

/* A property of exactly one cell: 0, -ENOENT when absent, or -EINVAL */
static int mpx_dt_u32(struct mpx_dt *d, const struct device_node *np,
		      const char *name, u32 *val)
{
	int len;

	if (!of_find_property(np, name, &len))
		return -ENOENT;
	if (len != sizeof(u32))
		return mpx_dt_err(d, np, name, "%d bytes, not one 32-bit cell",
				  len);
	if (of_property_read_u32(np, name, val))
		return mpx_dt_err(d, np, name, "cannot be read");
	return 0;
}

/* The hardware id (MPIDR affinity) in a CPU node's reg */
static int mpx_dt_cpu_hwid(struct mpx_dt *d, struct device_node *cn, u64 *hwid)
{
	const __be32 *cell;
	int len = 0, na;

	na = of_n_addr_cells(cn);
	cell = of_get_property(cn, "reg", &len);
	if (!cell || na < 1 || na > 2 || len != na * (int)sizeof(u32))
		return mpx_dt_err(d, cn, "reg",
				  "not a hardware id of %d cells (%d bytes)",
				  na, len);
	*hwid = of_read_number(cell, na);
	return 0;
}

/* Whether the next-level-cache chain from CPU node @cn reaches @cache */
static bool mpx_dt_reaches(struct device_node *cn,
			   const struct device_node *cache)
{
	struct device_node *cur = of_node_get(cn), *next;
	unsigned int depth;
	bool found = false;

	for (depth = 0; depth < MPX_DT_MAX_CHAIN && cur && !found; depth++) {
		next = of_parse_phandle(cur, "next-level-cache", 0);
		if (!next && cur == cn)
			next = of_parse_phandle(cur, "l2-cache", 0);
		of_node_put(cur);
		cur = next;
		found = cur == cache;
	}
	of_node_put(cur);
	return found;
}

/* The cache described by node @cnode: add it once, give its level and id */
static int mpx_dt_cache(struct mpx_dt *d, struct device_node *cnode,
			u8 *level, u32 *id)
{
	struct mpam_ext_platform *p = d->p;
	struct mpam_ext_cache_desc *c;
	struct device_node *cn;
	u64 hwid, low = U64_MAX;
	unsigned int i, cpu;
	u32 lvl, cid;
	int ret;

	for (i = 0; i < p->nr_caches; i++) {
		if (d->cache_np[i] == cnode) {
			*level = p->caches[i].level;
			*id = p->caches[i].id;
			return 0;
		}
	}
	ret = mpx_dt_u32(d, cnode, "cache-level", &lvl);
	if (ret == -ENOENT)
		return mpx_dt_err(d, cnode, "cache-level", "missing: not a cache node");
	if (ret)
		return ret;
	if (lvl < 1 || lvl > 7)
		return mpx_dt_err(d, cnode, "cache-level", "%u is not a cache level (1 to 7)",
				  lvl);
	if (p->nr_caches >= d->cap_caches)
		return mpx_dt_err(d, cnode, "cache-level", "more than %u caches",
				  d->cap_caches);
	c = &p->caches[p->nr_caches];
	cpumask_clear(&c->cpus);
	for_each_possible_cpu(cpu) {
		cn = of_get_cpu_node(cpu, NULL);
		if (!cn)
			continue;
		ret = 0;
		if (mpx_dt_reaches(cn, cnode)) {
			ret = mpx_dt_cpu_hwid(d, cn, &hwid);
			cpumask_set_cpu(cpu, &c->cpus);
			low = min(low, hwid);
		}
		of_node_put(cn);
		if (ret)
			return ret;
	}
	if (cpumask_empty(&c->cpus))
		return mpx_dt_err(d, cnode, "next-level-cache",
				  "no CPU node's chain of next-level-cache links reaches this cache");

	ret = mpx_dt_u32(d, cnode, "arm,mpam-cache-id", &cid);
	if (ret == -ENOENT) {
		if (low > U32_MAX)
			return mpx_dt_err(d, cnode, "arm,mpam-cache-id",
					  "missing, and the lowest hardware id of its CPUs, 0x%llx, does not fit 32 bits",
					  low);
		cid = low;
	} else if (ret) {
		return ret;
	}
	for (i = 0; i < p->nr_caches; i++) {
		if (p->caches[i].level != lvl)
			continue;
		if (p->caches[i].id == cid)
			return mpx_dt_err(d, cnode, "arm,mpam-cache-id",
					  "level %u cache id %u is also %pOF's",
					  lvl, cid, d->cache_np[i]);
		if (cpumask_intersects(&p->caches[i].cpus, &c->cpus))
			return mpx_dt_err(d, cnode, "next-level-cache",
					  "shares CPU %u with the level %u cache %pOF",
					  cpumask_first_and(&p->caches[i].cpus, &c->cpus),
					  lvl, d->cache_np[i]);
	}
	c->level = lvl;
	c->id = cid;
	d->cache_np[p->nr_caches++] = of_node_get(cnode);
	*level = lvl;
	*id = cid;
	return 0;
}

/*
 * NUMA node @nid, named at node @np: add it once. It must be some memory or
 * CPU node's numa-node-id, or 0 in a devicetree without NUMA information.
 * Its CPUs: those whose CPU node has this numa-node-id (none: node 0).
 */
static int mpx_dt_memory(struct mpx_dt *d, struct device_node *np, u32 nid)
{
	struct mpam_ext_platform *p = d->p;
	struct mpam_ext_mem_desc *m;
	struct device_node *mn, *cn;
	bool named = false, any = false;
	unsigned int i, cpu;
	int ret;
	u32 v;

	for (i = 0; i < p->nr_mems; i++)
		if (p->mems[i].id == nid)
			return 0;
	if (p->nr_mems >= d->cap_mems)
		return mpx_dt_err(d, np, "numa-node-id", "more than %u memory nodes",
				  d->cap_mems);
	m = &p->mems[p->nr_mems];
	cpumask_clear(&m->cpus);
	for_each_node_by_type(mn, "memory") {
		ret = mpx_dt_u32(d, mn, "numa-node-id", &v);
		if (ret == -ENOENT)
			continue;
		if (ret) {
			of_node_put(mn);
			return ret;
		}
		any = true;
		named |= v == nid;
	}
	for_each_possible_cpu(cpu) {
		cn = of_get_cpu_node(cpu, NULL);
		if (!cn)
			continue;
		ret = mpx_dt_u32(d, cn, "numa-node-id", &v);
		of_node_put(cn);
		if (ret && ret != -ENOENT)
			return ret;
		if (ret) {
			v = 0;
		} else {
			any = true;
			named |= v == nid;
		}
		if (v == nid)
			cpumask_set_cpu(cpu, &m->cpus);
	}
	if (!named && (any || nid))
		return mpx_dt_err(d, np, "numa-node-id",
				  "%u is no NUMA node of this devicetree", nid);
	m->id = nid;
	p->nr_mems++;
	return 0;
}

/* A RIS child node @rn of the MSC node @np */
static int mpx_dt_ris(struct mpx_dt *d, struct device_node *np,
		      struct device_node *rn, struct mpam_ext_msc_desc *msc)
{
	struct mpam_ext_ris_desc *r;
	struct device_node *dev, *where;
	unsigned int i;
	u32 idx, nid;
	int ret;

	ret = mpx_dt_u32(d, rn, "reg", &idx);
	if (ret == -ENOENT)
		return mpx_dt_err(d, rn, "reg", "missing: the RIS index");
	if (ret)
		return ret;
	if (idx >= MPAM_EXT_MAX_RIS)
		return mpx_dt_err(d, rn, "reg", "RIS index %u is over %u", idx,
				  MPAM_EXT_MAX_RIS - 1);
	for (i = 0; i < msc->nr_ris; i++)
		if (msc->ris[i].idx == idx)
			return mpx_dt_err(d, rn, "reg",
					  "RIS index %u is also an earlier child node's",
					  idx);
	r = &msc->ris[msc->nr_ris];
	memset(r, 0, sizeof(*r));
	r->idx = idx;

	if (of_device_is_compatible(rn, MPX_DT_CACHE_COMPAT)) {
		if (of_find_property(rn, "arm,mpam-device", NULL)) {
			dev = of_parse_phandle(rn, "arm,mpam-device", 0);
			if (!dev)
				return mpx_dt_err(d, rn, "arm,mpam-device",
						  "not a phandle of a node");
		} else {
			dev = of_get_parent(np);
			if (!dev || !of_find_property(dev, "cache-level", NULL)) {
				of_node_put(dev);
				return mpx_dt_err(d, rn, "arm,mpam-device",
						  "missing, and the MSC node's parent is no cache node");
			}
		}
		r->loc = MPAM_EXT_LOC_CACHE;
		ret = mpx_dt_cache(d, dev, &r->level, &r->id);
		of_node_put(dev);
	} else if (of_device_is_compatible(rn, MPX_DT_MEMORY_COMPAT)) {
		where = rn;
		ret = mpx_dt_u32(d, rn, "numa-node-id", &nid);
		if (ret == -ENOENT) {
			where = np;
			ret = mpx_dt_u32(d, np, "numa-node-id", &nid);
		}
		if (ret == -ENOENT) {
			where = rn;
			nid = 0;
			ret = 0;
		}
		if (ret)
			return ret;
		r->loc = MPAM_EXT_LOC_MEMORY;
		r->id = nid;
		ret = mpx_dt_memory(d, where, nid);
	} else if (of_find_property(rn, "compatible", NULL)) {
		r->loc = MPAM_EXT_LOC_UNKNOWN;
	} else {
		return mpx_dt_err(d, rn, "compatible", "missing");
	}
	if (ret)
		return ret;
	msc->nr_ris++;
	return 0;
}

/* The error interrupt: a GIC SPI named "error", as its INTID; 0 for none */
static int mpx_dt_err_irq(struct mpx_dt *d, struct device_node *np, u32 *intid)
{
	struct of_phandle_args args;
	u32 type, num;
	int idx, ret;

	*intid = 0;
	if (!of_find_property(np, "interrupt-names", NULL))
		return 0;
	idx = of_property_match_string(np, "interrupt-names", "error");
	if (idx == -ENODATA)
		return 0;
	if (idx < 0)
		return mpx_dt_err(d, np, "interrupt-names", "not a list of strings");
	ret = of_irq_parse_one(np, idx, &args);
	if (ret)
		return mpx_dt_err(d, np, "interrupts",
				  "entry %d (\"error\") cannot be parsed (error %d)",
				  idx, ret);
	if (args.args_count != 3) {
		ret = mpx_dt_err(d, np, "interrupts",
				 "the error interrupt's controller %pOF takes %d cells, not a 3-cell GIC specifier",
				 args.np, args.args_count);
		of_node_put(args.np);
		return ret;
	}
	of_node_put(args.np);
	type = args.args[0];
	num = args.args[1];
	if (type != 0)
		return mpx_dt_err(d, np, "interrupts",
				  "the error interrupt is of type %u, not an SPI (0)",
				  type);
	if (num > MPX_DT_SPI_MAX)
		return mpx_dt_err(d, np, "interrupts", "SPI %u is over %u", num,
				  MPX_DT_SPI_MAX);
	*intid = num + MPX_DT_SPI_BASE;
	return 0;
}

/* The register frame: one reg entry, translated, at least 0x3000 bytes */
static int mpx_dt_frame(struct mpx_dt *d, struct device_node *np,
			struct mpam_ext_msc_desc *msc)
{
	const struct mpam_ext_msc_desc *o;
	struct resource res;
	int len = 0, cells;
	u64 end, oend;
	unsigned int i;

	if (!of_get_property(np, "reg", &len))
		return mpx_dt_err(d, np, "reg", "missing: the MSC's register frame");
	cells = of_n_addr_cells(np) + of_n_size_cells(np);
	if (len != cells * (int)sizeof(u32))
		return mpx_dt_err(d, np, "reg", "%d bytes, not one frame of %d cells",
				  len, cells);
	if (of_address_to_resource(np, 0, &res))
		return mpx_dt_err(d, np, "reg",
				  "cannot be translated to a physical address");
	msc->base = res.start;
	msc->size = resource_size(&res);
	if (msc->size < MPX_DT_MIN_FRAME)
		return mpx_dt_err(d, np, "reg", "frame size 0x%llx is smaller than 0x%x",
				  msc->size, MPX_DT_MIN_FRAME);
	end = res.end;
	for (i = 0; i < d->p->nr_mscs; i++) {
		o = &d->p->mscs[i];
		oend = o->base + o->size - 1;
		if (msc->base <= oend && o->base <= end)
			return mpx_dt_err(d, np, "reg", "frame overlaps %pOF's",
					  d->msc_np[i]);
	}
	return 0;
}

/* One MSC node; @n: its position among the available MSC nodes */
static int mpx_dt_msc(struct mpx_dt *d, struct device_node *np, unsigned int n)
{
	struct mpam_ext_msc_desc *msc = &d->p->mscs[d->p->nr_mscs];
	struct device_node *rn;
	unsigned int i;
	int ret;
	u32 v;

	memset(msc, 0, sizeof(*msc));
	ret = mpx_dt_u32(d, np, "arm,mpam-msc-id", &v);
	if (ret == -ENOENT)
		v = n;
	else if (ret)
		return ret;
	for (i = 0; i < d->p->nr_mscs; i++)
		if (d->p->mscs[i].id == v)
			return mpx_dt_err(d, np, "arm,mpam-msc-id",
					  "MSC id %u is also %pOF's", v, d->msc_np[i]);
	msc->id = v;
	ret = mpx_dt_frame(d, np, msc);
	if (ret)
		return ret;
	ret = mpx_dt_u32(d, np, "arm,not-ready-us", &v);
	if (ret && ret != -ENOENT)
		return ret;
	msc->nrdy_us = ret ? 0 : v;
	ret = mpx_dt_err_irq(d, np, &msc->err_irq);
	if (ret)
		return ret;
	for_each_available_child_of_node(np, rn) {
		ret = mpx_dt_ris(d, np, rn, msc);
		if (ret) {
			of_node_put(rn);
			return ret;
		}
	}
	if (!msc->nr_ris)
		return mpx_dt_err(d, np, "ris", "no RIS child node");
	d->msc_np[d->p->nr_mscs++] = of_node_get(np);
	return 0;
}

/*
 * The result must be a description the text parser accepts: print it and
 * parse it back, as a last check of what the node checks do not cover.
 */
static int mpx_dt_recheck(struct mpx_dt *d)
{
	char msg[MPAM_EXT_PLATFORM_ERR_LEN];
	int ret;

	ret = mpam_ext_platform_check(d->p, cpu_possible_mask, msg, sizeof(msg));
	if (ret == -EINVAL && d->err && d->err_len)
		snprintf(d->err, d->err_len,
			 "the platform it describes is not valid: %s", msg);
	return ret;
}

/**
 * mpx_dt_parse() - build a platform description from the devicetree.
 * @err:	buffer for the message of a failure, or NULL
 * @err_len:	size of @err (MPAM_EXT_DT_ERR_LEN is enough)
 *
 * Reads the running kernel's devicetree: every available "arm,mpam-msc"
 * node, its RIS child nodes, the cache nodes they name with the CPUs whose
 * next-level-cache chains reach them, and the NUMA nodes they name with
 * their CPUs. The platform is named "firmware"; its MSCs and RIS carry no
 * register properties. A problem stops the parse with one message of the
 * form "<node path>: <property>: <problem>"; nothing is left allocated.
 *
 * Return: the platform, or an ERR_PTR(): -ENODEV when the devicetree has no
 * available MSC node, -EINVAL for a malformed node (@err says which),
 * -ENOMEM.
 */
static struct mpam_ext_platform *mpx_dt_parse(char *err, size_t err_len)
{
	struct mpx_dt d = { .err = err, .err_len = err_len };
	struct device_node *np, *rn;
	unsigned int nodes = 0, res = 0, i;
	int ret = 0;

	if (err && err_len)
		err[0] = '\0';
	for_each_compatible_node(np, NULL, MPX_DT_MSC_COMPAT) {
		if (!of_device_is_available(np))
			continue;
		nodes++;
		for_each_available_child_of_node(np, rn)
			res++;
	}
	if (!nodes) {
		if (err && err_len)
			snprintf(err, err_len,
				 "no available MSC node (compatible \"%s\")",
				 MPX_DT_MSC_COMPAT);
		return ERR_PTR(-ENODEV);
	}
	if (nodes > MPAM_EXT_PLATFORM_MAX_MSCS) {
		if (err && err_len)
			snprintf(err, err_len, "%u MSC nodes, more than %u", nodes,
				 MPAM_EXT_PLATFORM_MAX_MSCS);
		return ERR_PTR(-EINVAL);
	}
	d.cap_caches = min_t(unsigned int, res, MPAM_EXT_PLATFORM_MAX_CACHES);
	d.cap_mems = min_t(unsigned int, res, MPAM_EXT_PLATFORM_MAX_MEMS);
	d.cache_np = kcalloc(max(d.cap_caches, 1U), sizeof(*d.cache_np),
			     GFP_KERNEL);
	d.msc_np = kcalloc(nodes, sizeof(*d.msc_np), GFP_KERNEL);
	d.p = mpam_ext_platform_alloc(d.cap_caches, d.cap_mems, nodes);
	if (!d.cache_np || !d.msc_np || !d.p) {
		ret = -ENOMEM;
		goto out;
	}
	strscpy(d.p->name, "firmware", sizeof(d.p->name));
	d.p->nr_caches = 0;
	d.p->nr_mems = 0;
	d.p->nr_mscs = 0;

	for_each_compatible_node(np, NULL, MPX_DT_MSC_COMPAT) {
		if (!of_device_is_available(np))
			continue;
		if (d.p->nr_mscs == nodes)
			ret = mpx_dt_err(&d, np, "compatible",
					 "an MSC node that appeared during the parse");
		else
			ret = mpx_dt_msc(&d, np, d.p->nr_mscs);
		if (ret) {
			of_node_put(np);
			break;
		}
	}
	if (!ret) {
		mpam_ext_platform_sort_topology(d.p);
		ret = mpx_dt_recheck(&d);
	}

out:
	if (ret == -ENOMEM && err && err_len)
		strscpy(err, "out of memory", err_len);
	for (i = 0; d.p && i < d.p->nr_caches; i++)
		of_node_put(d.cache_np[i]);
	for (i = 0; d.p && i < d.p->nr_mscs; i++)
		of_node_put(d.msc_np[i]);
	kfree(d.cache_np);
	kfree(d.msc_np);
	if (ret) {
		mpam_ext_platform_free(d.p);
		return ERR_PTR(ret);
	}
	return d.p;
}

int mpam_ext_dt_discover(struct device *dev, struct mpam_ext_platform **out)
{
	char err[MPAM_EXT_DT_ERR_LEN];
	struct mpam_ext_platform *p;
	int ret;

	*out = NULL;
	p = mpx_dt_parse(err, sizeof(err));
	if (IS_ERR(p)) {
		pr_err("devicetree: %s\n", err);
		return PTR_ERR(p);
	}
	ret = mpam_ext_platform_sim_hw(p, dev);
	if (ret) {
		mpam_ext_platform_free(p);
		return ret;
	}
	pr_info("devicetree: %u MSCs, %u caches, %u memory nodes\n", p->nr_mscs,
		p->nr_caches, p->nr_mems);
	*out = p;
	return 0;
}
