// SPDX-License-Identifier: GPL-2.0
/*
 * ACPI discovery: the MPAM table (Arm DEN 0065) and the PPTT, read as byte
 * buffers, turned into a platform description (docs/acpi.md).
 *
 * Everything before the last section reads the tables only through the
 * bounds-checked helpers below and uses no kernel service beyond memory
 * allocation, string, formatting and cpumask helpers, so that it can be
 * built in user space and fuzzed. The last section (kernel only) finds the
 * tables, the CPUs and the memory nodes of the running system.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#ifdef __KERNEL__
#include <linux/acpi.h>
#include <linux/firmware.h>
#include <linux/module.h>
#include <linux/numa.h>
#include <linux/printk.h>
#include <asm/cpufeature.h>
#include <asm/sysreg.h>
#endif

#include <mpam_ext/compat.h>

#include <mpam_ext/firmware/acpi.h>
#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>

/* MSC node: offsets of its fields (DEN 0065 table 4) */
#define MPX_MSC_LENGTH		0	/* u16 */
#define MPX_MSC_IFACE		2	/* u8 */
#define MPX_MSC_RSVD		3	/* u8 */
#define MPX_MSC_ID		4
#define MPX_MSC_BASE		8	/* u64 */
#define MPX_MSC_SIZE		16
#define MPX_MSC_OVF_IRQ		20
#define MPX_MSC_OVF_FLAGS	24
#define MPX_MSC_RSVD1		28
#define MPX_MSC_OVF_AFF		32
#define MPX_MSC_ERR_IRQ		36
#define MPX_MSC_ERR_FLAGS	40
#define MPX_MSC_RSVD2		44
#define MPX_MSC_ERR_AFF		48
#define MPX_MSC_NRDY		52
#define MPX_MSC_LINK_HID	56	/* u64 */
#define MPX_MSC_LINK_UID	64
#define MPX_MSC_NR_RES		68

#define MPX_IFACE_MMIO		0x00
#define MPX_IFACE_PCC		0x0a

/* Interrupt flags (DEN 0065 table 5) */
#define MPX_IRQ_MODE_EDGE	BIT(0)
#define MPX_IRQ_TYPE		GENMASK(2, 1)	/* 0: wired */
#define MPX_IRQ_AFF_CONTAINER	BIT(3)
#define MPX_IRQ_AFF_VALID	BIT(4)
#define MPX_IRQ_FLAGS_KNOWN	GENMASK(4, 0)

/* Resource node: offsets of its fields (DEN 0065 table 9) */
#define MPX_RES_ID		0
#define MPX_RES_RIS		4	/* u8 */
#define MPX_RES_RSVD		5	/* u16 */
#define MPX_RES_LOC_TYPE	7	/* u8 */
#define MPX_RES_DESC1		8	/* u64 */
#define MPX_RES_DESC2		16
#define MPX_RES_NR_DEPS		20

/* Locator types (DEN 0065 table 11) */
#define MPX_LOC_CACHE		0
#define MPX_LOC_MEMORY		1
#define MPX_LOC_SMMU		2
#define MPX_LOC_MEMCACHE	3
#define MPX_LOC_ACPI_DEV	4
#define MPX_LOC_INTERCONNECT	5
#define MPX_LOC_UNKNOWN		0xff

/* PPTT structures */
#define MPX_PPTT_PROC		0
#define MPX_PPTT_CACHE		1
#define MPX_PPTT_PROC_LEN	20	/* before the private resources */
#define MPX_PPTT_CACHE_LEN	24	/* revision 2 */
#define MPX_PPTT_CACHE_V3_LEN	28	/* revision 3: with the cache ID */
#define MPX_PPTT_UID_VALID	BIT(1)
#define MPX_PPTT_CACHE_ID_VALID	BIT(7)
/* Levels a chain of caches may have below and at one processor node */
#define MPX_PPTT_MAX_LEVEL	7

/* HIDs of the linked device that say which CPUs can access an MSC */
#define MPX_HID_PROCESSOR	"ACPI0007"
#define MPX_HID_CONTAINER	"ACPI0010"

/* Bounds-checked little-endian reads: the caller has checked @off + size */
static u64 mpx_le(const u8 *b, size_t off, unsigned int bytes)
{
	u64 v = 0;

	while (bytes--)
		v = (v << 8) | b[off + bytes];
	return v;
}

/**
 * struct mpx_pnode - one PPTT structure.
 * @off:	offset in the PPTT
 * @type:	its type; only MPX_PPTT_PROC and MPX_PPTT_CACHE are read
 * @flags:	the structure's flags
 * @link:	processor: parent offset; cache: next level offset (0: none)
 * @uid:	processor: ACPI processor ID; cache: cache ID
 * @nr_res:	processor: number of private resources
 * @leaf:	processor: no processor names it as parent
 * @level:	cache: level, 0 while not reached from a CPU
 * @cpus:	processor: CPUs under it; cache: CPUs that share it
 */
struct mpx_pnode {
	u32 off;
	u8 type;
	u32 flags;
	u32 link;
	u32 uid;
	u32 nr_res;
	bool leaf;
	u8 level;
	struct cpumask cpus;
};

/**
 * struct mpx_acpi - state of one parse.
 * @mpam:	the MPAM table
 * @len:	its length (from its header, checked against the buffer)
 * @pptt:	the PPTT or NULL
 * @pptt_len:	its length
 * @pptt_rev:	its revision
 * @pnodes:	PPTT processor and cache structures, in table order
 * @nr_pnodes:	entries in @pnodes
 * @pptt_err:	the PPTT could not be read: the message for whoever needs it
 * @env:	the system
 * @err:	message buffer, or NULL
 * @err_len:	its size
 * @node:	index of the MSC node being read
 * @node_off:	its offset
 * @p:		the platform being built
 * @cap_caches:	room in @p->caches
 * @cap_mems:	room in @p->mems
 * @res_ids:	identifiers of the resource nodes so far
 * @nr_res_ids:	entries in @res_ids
 * @cap_res_ids: room in @res_ids
 * @msc_ids:	identifiers of the MSC nodes so far, skipped ones included
 * @nr_msc_ids:	entries in @msc_ids
 */
struct mpx_acpi {
	const u8 *mpam;
	size_t len;
	const u8 *pptt;
	size_t pptt_len;
	u8 pptt_rev;
	struct mpx_pnode *pnodes;
	unsigned int nr_pnodes;
	char pptt_err[MPAM_EXT_ACPI_ERR_LEN];
	const struct mpam_ext_acpi_env *env;
	char *err;
	size_t err_len;
	unsigned int node;
	size_t node_off;
	struct mpam_ext_platform *p;
	unsigned int cap_caches;
	unsigned int cap_mems;
	u32 *res_ids;
	unsigned int nr_res_ids;
	unsigned int cap_res_ids;
	u32 *msc_ids;
	unsigned int nr_msc_ids;
};

/* Record a message about the table as a whole */
static __printf(2, 3) int mpx_terr(struct mpx_acpi *a, const char *fmt, ...)
{
	va_list ap;

	if (!a->err || !a->err_len)
		return -EINVAL;
	va_start(ap, fmt);
	vsnprintf(a->err, a->err_len, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* Record "MSC node N (offset 0x..): <problem>" */
static __printf(2, 3) int mpx_nerr(struct mpx_acpi *a, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	if (!a->err || !a->err_len)
		return -EINVAL;
	n = scnprintf(a->err, a->err_len, "MSC node %u (offset 0x%zx): ",
		      a->node, a->node_off);
	va_start(ap, fmt);
	vsnprintf(a->err + n, a->err_len - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static __printf(2, 3) void mpx_note(struct mpx_acpi *a, const char *fmt, ...)
{
	char msg[MPAM_EXT_ACPI_ERR_LEN];
	va_list ap;
	size_t n;

	if (!a->env->note)
		return;
	n = scnprintf(msg, sizeof(msg), "MSC node %u (offset 0x%zx): ",
		      a->node, a->node_off);
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	va_end(ap);
	a->env->note(a->env->arg, msg);
}

/*
 * Check an ACPI table header: signature, a length that fits the buffer and
 * holds the header, a checksum over that length. Writes a message naming
 * @sig to @msg on failure.
 */
static int mpx_table_check(const u8 *t, size_t avail, const char *sig,
			   size_t *len, char *msg, size_t msg_len)
{
	unsigned int i;
	u8 sum = 0;

	if (avail < MPAM_EXT_ACPI_HDR_LEN) {
		snprintf(msg, msg_len, "%s table: %zu bytes, shorter than the %u-byte ACPI header",
			 sig, avail, MPAM_EXT_ACPI_HDR_LEN);
		return -EINVAL;
	}
	if (memcmp(t, sig, 4)) {
		snprintf(msg, msg_len, "%s table: signature: %02x %02x %02x %02x is not '%s'",
			 sig, t[0], t[1], t[2], t[3], sig);
		return -EINVAL;
	}
	*len = mpx_le(t, 4, 4);
	if (*len < MPAM_EXT_ACPI_HDR_LEN || *len > avail) {
		snprintf(msg, msg_len,
			 "%s table: length: 0x%zx is not within the 0x%x-byte header and the 0x%zx bytes given",
			 sig, *len, MPAM_EXT_ACPI_HDR_LEN, avail);
		return -EINVAL;
	}
	for (i = 0; i < *len; i++)
		sum += t[i];
	if (sum) {
		snprintf(msg, msg_len, "%s table: checksum: the bytes sum to 0x%02x, not 0",
			 sig, sum);
		return -EINVAL;
	}
	return 0;
}

/* PPTT */

static struct mpx_pnode *mpx_pnode_at(struct mpx_acpi *a, u32 off)
{
	unsigned int lo = 0, hi = a->nr_pnodes;

	/* table order is offset order */
	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (a->pnodes[mid].off == off)
			return &a->pnodes[mid];
		if (a->pnodes[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Read every structure; only processors and caches are looked into */
static int mpx_pptt_read(struct mpx_acpi *a)
{
	char *msg = a->pptt_err;
	size_t m = sizeof(a->pptt_err), off, len = a->pptt_len;
	const u8 *t = a->pptt;
	unsigned int n = 0, pass;
	struct mpx_pnode *pn;
	u8 type, slen;

	for (pass = 0; pass < 2; pass++) {
		n = 0;
		for (off = MPAM_EXT_ACPI_HDR_LEN; off < len; off += slen) {
			if (len - off < 2) {
				snprintf(msg, m,
					 "PPTT: structure at offset 0x%zx: header overruns the table",
					 off);
				return -EINVAL;
			}
			type = t[off];
			slen = t[off + 1];
			if (slen < 2 || slen > len - off) {
				snprintf(msg, m,
					 "PPTT: structure at offset 0x%zx: length %u does not fit the table",
					 off, slen);
				return -EINVAL;
			}
			if (pass == 0) {
				n++;
				continue;
			}
			pn = &a->pnodes[n++];
			pn->off = off;
			pn->type = type;
			if (type != MPX_PPTT_PROC && type != MPX_PPTT_CACHE)
				continue;
			if (type == MPX_PPTT_PROC) {
				if (slen < MPX_PPTT_PROC_LEN) {
					snprintf(msg, m,
						 "PPTT: processor at offset 0x%zx: length %u is shorter than %u",
						 off, slen, MPX_PPTT_PROC_LEN);
					return -EINVAL;
				}
				pn->flags = mpx_le(t, off + 4, 4);
				pn->link = mpx_le(t, off + 8, 4);
				pn->uid = mpx_le(t, off + 12, 4);
				pn->nr_res = mpx_le(t, off + 16, 4);
				if (pn->nr_res > (slen - MPX_PPTT_PROC_LEN) / 4) {
					snprintf(msg, m,
						 "PPTT: processor at offset 0x%zx: %u private resources overrun its length %u",
						 off, pn->nr_res, slen);
					return -EINVAL;
				}
				pn->leaf = true;
			} else {
				if (slen < MPX_PPTT_CACHE_LEN) {
					snprintf(msg, m,
						 "PPTT: cache at offset 0x%zx: length %u is shorter than %u",
						 off, slen, MPX_PPTT_CACHE_LEN);
					return -EINVAL;
				}
				pn->flags = mpx_le(t, off + 4, 4);
				pn->link = mpx_le(t, off + 8, 4);
				if (slen >= MPX_PPTT_CACHE_V3_LEN && a->pptt_rev >= 3)
					pn->uid = mpx_le(t, off + 24, 4);
				else
					pn->flags &= ~MPX_PPTT_CACHE_ID_VALID;
			}
		}
		if (pass == 0) {
			a->pnodes = kvcalloc(max(n, 1U), sizeof(*a->pnodes),
					     GFP_KERNEL);
			if (!a->pnodes)
				return -ENOMEM;
		}
	}
	a->nr_pnodes = n;
	return 0;
}

/*
 * Give every cache reached from a leaf processor its level and CPUs: at
 * each processor node from the leaf up, the chains that start at its
 * private caches number their levels on from the highest level below.
 */
static int mpx_pptt_walk_cpu(struct mpx_acpi *a, struct mpx_pnode *leaf,
			     unsigned int cpu)
{
	char *msg = a->pptt_err;
	size_t m = sizeof(a->pptt_err);
	unsigned int base = 0, top, steps, r, d;
	struct mpx_pnode *pn = leaf, *c;
	u32 ref, from;

	for (steps = 0; pn; steps++) {
		if (steps > a->nr_pnodes) {
			snprintf(msg, m, "PPTT: processor at offset 0x%x: the parent links loop",
				 leaf->off);
			return -EINVAL;
		}
		cpumask_set_cpu(cpu, &pn->cpus);
		top = base;
		for (r = 0; r < pn->nr_res; r++) {
			ref = mpx_le(a->pptt, pn->off + MPX_PPTT_PROC_LEN + 4 * r, 4);
			c = mpx_pnode_at(a, ref);
			if (!c) {
				snprintf(msg, m,
					 "PPTT: processor at offset 0x%x: private resource 0x%x is no PPTT structure",
					 pn->off, ref);
				return -EINVAL;
			}
			if (c->type != MPX_PPTT_CACHE)
				continue;
			for (d = base + 1; ; d++) {
				if (d > MPX_PPTT_MAX_LEVEL) {
					snprintf(msg, m,
						 "PPTT: cache at offset 0x%x: more than %u levels, or the next-level links loop",
						 c->off, MPX_PPTT_MAX_LEVEL);
					return -EINVAL;
				}
				if (c->level && c->level != d) {
					snprintf(msg, m,
						 "PPTT: cache at offset 0x%x: reached as level %u and as level %u",
						 c->off, c->level, d);
					return -EINVAL;
				}
				c->level = d;
				cpumask_set_cpu(cpu, &c->cpus);
				top = max(top, d);
				from = c->off;
				ref = c->link;
				if (!ref)
					break;
				c = mpx_pnode_at(a, ref);
				if (!c || c->type != MPX_PPTT_CACHE) {
					snprintf(msg, m,
						 "PPTT: cache at offset 0x%x: next level 0x%x is no PPTT cache",
						 from, ref);
					return -EINVAL;
				}
			}
		}
		base = top;
		if (!pn->link)
			break;
		pn = mpx_pnode_at(a, pn->link);
		if (!pn || pn->type != MPX_PPTT_PROC) {
			snprintf(msg, m,
				 "PPTT: processor at offset 0x%x: parent is no processor structure",
				 leaf->off);
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * Read the PPTT, if there is one. A PPTT that cannot be read is an error
 * only for what needs it (a cache locator, a processor container): the
 * message is kept in @a->pptt_err.
 */
static int mpx_pptt_parse(struct mpx_acpi *a, const u8 *pptt, size_t avail)
{
	struct mpx_pnode *pn, *parent;
	unsigned int i;
	size_t len;
	int cpu, ret;

	if (!pptt) {
		strscpy(a->pptt_err, "there is no PPTT", sizeof(a->pptt_err));
		return 0;
	}
	if (mpx_table_check(pptt, avail, "PPTT", &len, a->pptt_err,
			    sizeof(a->pptt_err)))
		return 0;
	a->pptt = pptt;
	a->pptt_len = len;
	a->pptt_rev = pptt[8];
	ret = mpx_pptt_read(a);
	if (ret)
		goto unusable;
	for (i = 0; i < a->nr_pnodes; i++) {
		pn = &a->pnodes[i];
		if (pn->type != MPX_PPTT_PROC || !pn->link)
			continue;
		parent = mpx_pnode_at(a, pn->link);
		if (parent && parent->type == MPX_PPTT_PROC)
			parent->leaf = false;
	}
	for (i = 0; i < a->nr_pnodes; i++) {
		pn = &a->pnodes[i];
		if (pn->type != MPX_PPTT_PROC || !pn->leaf ||
		    !(pn->flags & MPX_PPTT_UID_VALID))
			continue;
		cpu = a->env->uid_to_cpu(a->env->arg, pn->uid);
		/* CPUs this system does not have are left out */
		if (cpu < 0 || cpu >= nr_cpu_ids ||
		    !cpumask_test_cpu(cpu, a->env->valid_cpus))
			continue;
		ret = mpx_pptt_walk_cpu(a, pn, cpu);
		if (ret)
			goto unusable;
	}
	a->pptt_err[0] = '\0';
	return 0;

unusable:
	kvfree(a->pnodes);
	a->pnodes = NULL;
	a->nr_pnodes = 0;
	a->pptt = NULL;
	return ret == -ENOMEM ? ret : 0;
}

/* MPAM table */

/* A processor cache locator: the cache with PPTT cache ID @ref */
static int mpx_loc_cache(struct mpx_acpi *a, unsigned int r,
			 struct mpam_ext_ris_desc *ris, u64 ref)
{
	struct mpam_ext_platform *p = a->p;
	struct mpam_ext_cache_desc *cd;
	unsigned int i, level = 0;
	const struct mpx_pnode *c;

	if (ref > U32_MAX)
		return mpx_nerr(a,
				"resource node %u: cache reference: 0x%llx is no 32-bit PPTT cache ID",
				r, (unsigned long long)ref);
	if (!a->pptt)
		return mpx_nerr(a, "resource node %u: cache reference %llu: cannot be resolved: %s",
				r, (unsigned long long)ref, a->pptt_err);
	for (i = 0; i < a->nr_pnodes; i++) {
		c = &a->pnodes[i];
		if (c->type != MPX_PPTT_CACHE || !(c->flags & MPX_PPTT_CACHE_ID_VALID) ||
		    c->uid != ref || !c->level)
			continue;
		if (level && c->level != level)
			return mpx_nerr(a,
					"resource node %u: cache reference %llu: PPTT caches of levels %u and %u have this cache ID",
					r, (unsigned long long)ref, level, c->level);
		level = c->level;
	}
	if (!level) {
		if (a->pptt_rev < 3)
			return mpx_nerr(a,
					"resource node %u: cache reference %llu: the PPTT (revision %u) has no cache IDs",
					r, (unsigned long long)ref, a->pptt_rev);
		return mpx_nerr(a,
				"resource node %u: cache reference %llu: no PPTT cache of a CPU of this system has this cache ID",
				r, (unsigned long long)ref);
	}
	ris->loc = MPAM_EXT_LOC_CACHE;
	ris->level = level;
	ris->id = ref;

	for (i = 0; i < p->nr_caches; i++)
		if (p->caches[i].level == level && p->caches[i].id == ref)
			return 0;
	if (p->nr_caches >= a->cap_caches)
		return mpx_nerr(a, "more than %u caches named",
				MPAM_EXT_PLATFORM_MAX_CACHES);
	cd = &p->caches[p->nr_caches++];
	cd->level = level;
	cd->id = ref;
	cpumask_clear(&cd->cpus);
	/* several PPTT structures may stand for one cache */
	for (i = 0; i < a->nr_pnodes; i++) {
		c = &a->pnodes[i];
		if (c->type == MPX_PPTT_CACHE && (c->flags & MPX_PPTT_CACHE_ID_VALID) &&
		    c->uid == ref && c->level == level)
			cpumask_or(&cd->cpus, &cd->cpus, &c->cpus);
	}
	return 0;
}

/* A memory locator: proximity domain @pxm */
static int mpx_loc_memory(struct mpx_acpi *a, unsigned int r,
			  struct mpam_ext_ris_desc *ris, u64 pxm)
{
	struct mpam_ext_platform *p = a->p;
	struct mpam_ext_mem_desc *m;
	unsigned int i;

	if (pxm > U32_MAX)
		return mpx_nerr(a,
				"resource node %u: proximity domain: 0x%llx does not fit 32 bits",
				r, (unsigned long long)pxm);
	ris->loc = MPAM_EXT_LOC_MEMORY;
	ris->id = pxm;
	for (i = 0; i < p->nr_mems; i++)
		if (p->mems[i].id == pxm)
			return 0;
	if (p->nr_mems >= a->cap_mems)
		return mpx_nerr(a, "more than %u memory nodes named",
				MPAM_EXT_PLATFORM_MAX_MEMS);
	m = &p->mems[p->nr_mems];
	cpumask_clear(&m->cpus);
	if (a->env->pxm_cpus(a->env->arg, pxm, &m->cpus))
		return mpx_nerr(a,
				"resource node %u: proximity domain %llu is no memory node of this system",
				r, (unsigned long long)pxm);
	cpumask_and(&m->cpus, &m->cpus, a->env->valid_cpus);
	m->id = pxm;
	p->nr_mems++;
	return 0;
}

static bool mpx_acpi_hid_char(u8 c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* 1 to 8 ID characters, then only NUL bytes */
static bool mpx_hid_ok(u64 hid)
{
	unsigned int i;
	u8 c;

	for (i = 0; i < 8; i++) {
		c = hid >> (8 * i);
		if (!c)
			break;
		if (!mpx_acpi_hid_char(c))
			return false;
	}
	return i && (i == 8 || !(hid >> (8 * i)));
}

static bool mpx_hid_is(u64 hid, const char *name)
{
	unsigned int i;

	for (i = 0; i < 8; i++)
		if ((u8)(hid >> (8 * i)) != (u8)name[i])
			return false;
	return true;
}

/* Read the locator of resource node @r at @off into @ris */
static int mpx_locator(struct mpx_acpi *a, unsigned int r, size_t off,
		       struct mpam_ext_ris_desc *ris)
{
	u8 type = a->mpam[off + MPX_RES_LOC_TYPE];
	u64 d1 = mpx_le(a->mpam, off + MPX_RES_DESC1, 8);
	u32 d2 = mpx_le(a->mpam, off + MPX_RES_DESC2, 4);

	switch (type) {
	case MPX_LOC_CACHE:
	case MPX_LOC_MEMORY:
	case MPX_LOC_SMMU:
	case MPX_LOC_INTERCONNECT:
		if (d2)
			return mpx_nerr(a,
					"resource node %u: locator: reserved descriptor 2 is 0x%x, not 0",
					r, d2);
		break;
	case MPX_LOC_MEMCACHE:
		if (d1 & GENMASK_ULL(55, 0))
			return mpx_nerr(a,
					"resource node %u: locator: reserved bytes of descriptor 1 are 0x%llx, not 0",
					r, (unsigned long long)(d1 & GENMASK_ULL(55, 0)));
		break;
	}

	switch (type) {
	case MPX_LOC_CACHE:
		return mpx_loc_cache(a, r, ris, d1);
	case MPX_LOC_MEMORY:
		return mpx_loc_memory(a, r, ris, d1);
	case MPX_LOC_SMMU:
		ris->loc = MPAM_EXT_LOC_SMMU;
		ris->ref = d1;
		return 0;
	case MPX_LOC_MEMCACHE:
		ris->loc = MPAM_EXT_LOC_MEMCACHE;
		ris->level = d1 >> 56;
		ris->id = d2;
		return 0;
	case MPX_LOC_ACPI_DEV:
		if (!mpx_hid_ok(d1))
			return mpx_nerr(a,
					"resource node %u: ACPI device locator: hardware ID 0x%016llx is not 1 to 8 of A-Z a-z 0-9 _",
					r, (unsigned long long)d1);
		ris->loc = MPAM_EXT_LOC_ACPI_DEV;
		ris->ref = d1;
		ris->id = d2;
		return 0;
	case MPX_LOC_INTERCONNECT:
		if (d1 >= a->len)
			return mpx_nerr(a,
					"resource node %u: interconnect locator: descriptor table offset 0x%llx is past the table end 0x%zx",
					r, (unsigned long long)d1, a->len);
		ris->loc = MPAM_EXT_LOC_INTERCONNECT;
		ris->ref = d1;
		return 0;
	case MPX_LOC_UNKNOWN:
		ris->loc = MPAM_EXT_LOC_UNKNOWN;
		return 0;
	}
	return mpx_nerr(a, "resource node %u: locator type: 0x%02x is no DEN 0065 locator type",
			r, type);
}

/* Resource nodes of the MSC node at @a->node_off, of length @nlen */
static int mpx_resources(struct mpx_acpi *a, size_t nlen,
			 struct mpam_ext_msc_desc *msc, u32 nr)
{
	size_t off = a->node_off + MPAM_EXT_ACPI_MSC_LEN;
	size_t end = a->node_off + nlen;
	unsigned int r, i;
	u32 id, ndeps;
	u64 rsvd;
	int ret;

	for (r = 0; r < nr; r++) {
		struct mpam_ext_ris_desc *ris = &msc->ris[r];

		if (end - off < MPAM_EXT_ACPI_RES_LEN)
			return mpx_nerr(a,
					"resource node %u (offset 0x%zx): its %u bytes overrun the node end 0x%zx",
					r, off, MPAM_EXT_ACPI_RES_LEN, end);
		id = mpx_le(a->mpam, off + MPX_RES_ID, 4);
		rsvd = mpx_le(a->mpam, off + MPX_RES_RSVD, 2);
		if (rsvd)
			return mpx_nerr(a, "resource node %u: reserved: 0x%llx, not 0",
					r, (unsigned long long)rsvd);
		ris->idx = a->mpam[off + MPX_RES_RIS];
		if (ris->idx >= MPAM_EXT_MAX_RIS)
			return mpx_nerr(a, "resource node %u: RIS index: %u is over %u",
					r, ris->idx, MPAM_EXT_MAX_RIS - 1);
		for (i = 0; i < r; i++)
			if (msc->ris[i].idx == ris->idx)
				return mpx_nerr(a,
						"resource node %u: RIS index: %u is also resource node %u's",
						r, ris->idx, i);
		for (i = 0; i < a->nr_res_ids; i++)
			if (a->res_ids[i] == id)
				return mpx_nerr(a,
						"resource node %u: identifier: %u is used by an earlier resource node",
						r, id);
		ndeps = mpx_le(a->mpam, off + MPX_RES_NR_DEPS, 4);
		if (ndeps > (end - off - MPAM_EXT_ACPI_RES_LEN) / MPAM_EXT_ACPI_DEP_LEN)
			return mpx_nerr(a,
					"resource node %u: number of functional dependencies: %u overruns the node end 0x%zx",
					r, ndeps, end);
		for (i = 0; i < ndeps; i++) {
			size_t dep = off + MPAM_EXT_ACPI_RES_LEN + i * MPAM_EXT_ACPI_DEP_LEN;

			rsvd = mpx_le(a->mpam, dep + 4, 4);
			if (rsvd)
				return mpx_nerr(a,
						"resource node %u: functional dependency %u: reserved: 0x%llx, not 0",
						r, i, (unsigned long long)rsvd);
		}
		ret = mpx_locator(a, r, off, ris);
		if (ret)
			return ret;
		if (a->nr_res_ids < a->cap_res_ids)
			a->res_ids[a->nr_res_ids++] = id;
		off += MPAM_EXT_ACPI_RES_LEN + (size_t)ndeps * MPAM_EXT_ACPI_DEP_LEN;
	}
	msc->nr_ris = nr;
	return 0;
}

/* Check an interrupt's flags: only the bits DEN 0065 defines, wired */
static int mpx_irq_flags(struct mpx_acpi *a, const char *which, u32 flags)
{
	u32 rsvd = flags & ~(u32)MPX_IRQ_FLAGS_KNOWN;

	if (rsvd)
		return mpx_nerr(a, "%s interrupt flags: reserved bits 0x%x set",
				which, rsvd);
	if (flags & MPX_IRQ_TYPE)
		return mpx_nerr(a, "%s interrupt flags: interrupt type %lu is not wired (0)",
				which, (unsigned long)((flags & MPX_IRQ_TYPE) >> 1));
	return 0;
}

/* CPUs of the linked device, when it is a processor or a processor container */
static int mpx_affinity(struct mpx_acpi *a, struct mpam_ext_msc_desc *msc)
{
	u64 hid = mpx_le(a->mpam, a->node_off + MPX_MSC_LINK_HID, 8);
	u32 uid = mpx_le(a->mpam, a->node_off + MPX_MSC_LINK_UID, 4);
	bool container = mpx_hid_is(hid, MPX_HID_CONTAINER);
	unsigned int i;
	int cpu;

	if (mpx_hid_is(hid, MPX_HID_PROCESSOR)) {
		cpu = a->env->uid_to_cpu(a->env->arg, uid);
		if (cpu < 0 || cpu >= nr_cpu_ids ||
		    !cpumask_test_cpu(cpu, a->env->valid_cpus))
			return mpx_nerr(a, "linked device: processor %u is no CPU of this system",
					uid);
		msc->has_affinity = true;
		cpumask_set_cpu(cpu, &msc->affinity);
		return 0;
	}
	if (!container)
		return 0;
	if (!a->pptt)
		return mpx_nerr(a, "linked device: processor container %u: cannot be resolved: %s",
				uid, a->pptt_err);
	for (i = 0; i < a->nr_pnodes; i++) {
		const struct mpx_pnode *pn = &a->pnodes[i];

		if (pn->type == MPX_PPTT_PROC && !pn->leaf &&
		    (pn->flags & MPX_PPTT_UID_VALID) && pn->uid == uid) {
			msc->has_affinity = true;
			cpumask_or(&msc->affinity, &msc->affinity, &pn->cpus);
		}
	}
	if (!msc->has_affinity)
		return mpx_nerr(a, "linked device: processor container %u is not in the PPTT",
				uid);
	return 0;
}

/* One MSC node at @a->node_off, of length @nlen; 1 when it is skipped */
static int mpx_msc_node(struct mpx_acpi *a, size_t nlen)
{
	const u8 *t = a->mpam;
	size_t o = a->node_off;
	struct mpam_ext_platform *p = a->p;
	struct mpam_ext_msc_desc *msc;
	u32 id, size, nr, flags;
	unsigned int i;
	u8 iface;
	int ret;

	if (t[o + MPX_MSC_RSVD])
		return mpx_nerr(a, "reserved (byte 3): 0x%x, not 0", t[o + MPX_MSC_RSVD]);
	if (mpx_le(t, o + MPX_MSC_RSVD1, 4))
		return mpx_nerr(a, "reserved (after the overflow interrupt flags): 0x%llx, not 0",
				(unsigned long long)mpx_le(t, o + MPX_MSC_RSVD1, 4));
	if (mpx_le(t, o + MPX_MSC_RSVD2, 4))
		return mpx_nerr(a, "reserved (after the error interrupt flags): 0x%llx, not 0",
				(unsigned long long)mpx_le(t, o + MPX_MSC_RSVD2, 4));
	id = mpx_le(t, o + MPX_MSC_ID, 4);
	for (i = 0; i < a->nr_msc_ids; i++)
		if (a->msc_ids[i] == id)
			return mpx_nerr(a, "identifier: %u is also an earlier MSC node's", id);
	a->msc_ids[a->nr_msc_ids++] = id;

	iface = t[o + MPX_MSC_IFACE];
	if (iface == MPX_IFACE_PCC) {
		mpx_note(a, "MSC %u: PCC interface: skipped (only MMIO MSCs are supported)", id);
		return 1;
	}
	if (iface != MPX_IFACE_MMIO)
		return mpx_nerr(a, "interface type: 0x%02x is neither MMIO (0x00) nor PCC (0x0a)",
				iface);
	nr = mpx_le(t, o + MPX_MSC_NR_RES, 4);
	if (nr > (nlen - MPAM_EXT_ACPI_MSC_LEN) / MPAM_EXT_ACPI_RES_LEN)
		return mpx_nerr(a, "number of resource nodes: %u overruns the node length 0x%zx",
				nr, nlen);
	size = mpx_le(t, o + MPX_MSC_SIZE, 4);
	if (!size) {
		mpx_note(a, "MSC %u: MMIO size 0 (disabled): skipped", id);
		return 1;
	}
	if (!nr)
		return mpx_nerr(a, "number of resource nodes: 0, an MSC needs at least one");
	if (nr > MPAM_EXT_MAX_RIS)
		return mpx_nerr(a, "number of resource nodes: %u is more than %u",
				nr, MPAM_EXT_MAX_RIS);

	msc = &p->mscs[p->nr_mscs];
	memset(msc, 0, sizeof(*msc));
	msc->id = id;
	msc->base = mpx_le(t, o + MPX_MSC_BASE, 8);
	msc->size = size;
	if (size < MPAM_EXT_MSC_FRAME_MIN)
		return mpx_nerr(a, "MMIO size: 0x%x is smaller than 0x%x", size,
				MPAM_EXT_MSC_FRAME_MIN);
	if (msc->size - 1 > U64_MAX - msc->base)
		return mpx_nerr(a, "base address: frame 0x%llx+0x%x wraps around",
				(unsigned long long)msc->base, size);
	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_msc_desc *q = &p->mscs[i];

		if (msc->base <= q->base + (q->size - 1) &&
		    q->base <= msc->base + (msc->size - 1))
			return mpx_nerr(a, "base address: frame 0x%llx+0x%x overlaps MSC %u's",
					(unsigned long long)msc->base, size, q->id);
	}

	ret = mpx_irq_flags(a, "overflow", mpx_le(t, o + MPX_MSC_OVF_FLAGS, 4));
	if (ret)
		return ret;
	flags = mpx_le(t, o + MPX_MSC_ERR_FLAGS, 4);
	ret = mpx_irq_flags(a, "error", flags);
	if (ret)
		return ret;
	msc->err_irq = mpx_le(t, o + MPX_MSC_ERR_IRQ, 4);
	if (msc->err_irq && (flags & MPX_IRQ_AFF_VALID)) {
		mpx_note(a,
			 "MSC %u: error interrupt %u is a per-CPU interrupt (affinity valid): not used",
			 id, msc->err_irq);
		msc->err_irq = 0;
	}
	/* The trigger of the interrupt kept (a wired one: level or edge) */
	if (msc->err_irq && (flags & MPX_IRQ_MODE_EDGE))
		msc->props |= BIT(MPAM_EXT_MSC_ERR_EDGE);
	msc->nrdy_us = mpx_le(t, o + MPX_MSC_NRDY, 4);
	ret = mpx_affinity(a, msc);
	if (!ret)
		ret = mpx_resources(a, nlen, msc, nr);
	if (ret)
		return ret;
	p->nr_mscs++;
	return 0;
}

/*
 * The result must be a description the text parser accepts: print it and
 * parse it back. This catches what the table can get wrong across nodes
 * (caches of a level sharing CPUs, memory nodes sharing CPUs).
 */
static int mpx_recheck(struct mpx_acpi *a)
{
	char msg[MPAM_EXT_PLATFORM_ERR_LEN];
	int ret;

	ret = mpam_ext_platform_check(a->p, a->env->valid_cpus, msg, sizeof(msg));
	if (ret == -EINVAL)
		return mpx_terr(a, "MPAM table: the platform it describes is not valid: %s",
				msg);
	return ret;
}

struct mpam_ext_platform *mpam_ext_acpi_parse(const u8 *mpam, size_t mpam_len,
					      const u8 *pptt, size_t pptt_len,
					      const struct mpam_ext_acpi_env *env,
					      char *err, size_t err_len)
{
	struct mpx_acpi *a;
	struct mpam_ext_platform *p = NULL;
	unsigned int nodes = 0, res = 0;
	size_t off, nlen;
	int ret;

	if (err && err_len)
		err[0] = '\0';
	a = kzalloc_obj(*a, GFP_KERNEL);
	if (!a)
		goto nomem;
	a->env = env;
	a->err = err;
	a->err_len = err_len;
	if (!mpam)
		mpam_len = 0;
	ret = mpx_table_check(mpam, mpam_len, "MPAM", &a->len, err ? err : a->pptt_err,
			      err ? err_len : sizeof(a->pptt_err));
	if (ret)
		goto fail;
	a->mpam = mpam;
	if (mpam[8] < 1) {
		ret = mpx_terr(a, "MPAM table: revision: %u is not supported (1 or later)",
			       mpam[8]);
		goto fail;
	}

	/* First pass: the node lengths, to size the platform */
	for (off = MPAM_EXT_ACPI_HDR_LEN; off < a->len; off += nlen, nodes++) {
		a->node = nodes;
		a->node_off = off;
		if (a->len - off < MPAM_EXT_ACPI_MSC_LEN) {
			ret = mpx_nerr(a,
				       "length: the %u-byte node body overruns the table end 0x%zx",
				       MPAM_EXT_ACPI_MSC_LEN, a->len);
			goto fail;
		}
		nlen = mpx_le(mpam, off + MPX_MSC_LENGTH, 2);
		if (nlen < MPAM_EXT_ACPI_MSC_LEN) {
			ret = mpx_nerr(a, "length: 0x%zx is shorter than the %u-byte node body",
				       nlen, MPAM_EXT_ACPI_MSC_LEN);
			goto fail;
		}
		if (nlen > a->len - off) {
			ret = mpx_nerr(a, "length: 0x%zx overruns the table end 0x%zx",
				       nlen, a->len);
			goto fail;
		}
		res += (nlen - MPAM_EXT_ACPI_MSC_LEN) / MPAM_EXT_ACPI_RES_LEN;
	}
	if (nodes > MPAM_EXT_PLATFORM_MAX_MSCS) {
		ret = mpx_terr(a, "MPAM table: %u MSC nodes, more than %u", nodes,
			       MPAM_EXT_PLATFORM_MAX_MSCS);
		goto fail;
	}

	ret = mpx_pptt_parse(a, pptt, pptt_len);
	if (ret)
		goto fail;
	a->cap_caches = min_t(unsigned int, res, MPAM_EXT_PLATFORM_MAX_CACHES);
	a->cap_mems = min_t(unsigned int, res, MPAM_EXT_PLATFORM_MAX_MEMS);
	a->cap_res_ids = res;
	a->res_ids = kvcalloc(max(res, 1U), sizeof(u32), GFP_KERNEL);
	a->msc_ids = kvcalloc(max(nodes, 1U), sizeof(u32), GFP_KERNEL);
	p = mpam_ext_platform_alloc(a->cap_caches, a->cap_mems, nodes);
	if (!a->res_ids || !a->msc_ids || !p)
		goto nomem;
	strscpy(p->name, "firmware", sizeof(p->name));
	p->nr_caches = 0;
	p->nr_mems = 0;
	p->nr_mscs = 0;
	a->p = p;

	for (off = MPAM_EXT_ACPI_HDR_LEN, a->node = 0; off < a->len;
	     off += nlen, a->node++) {
		a->node_off = off;
		nlen = mpx_le(mpam, off + MPX_MSC_LENGTH, 2);
		ret = mpx_msc_node(a, nlen);
		if (ret < 0)
			goto fail;
	}
	mpam_ext_platform_sort_topology(p);
	ret = mpx_recheck(a);
	if (ret)
		goto fail;
	goto out;

nomem:
	ret = -ENOMEM;
	if (err && err_len)
		strscpy(err, "out of memory", err_len);
fail:
	mpam_ext_platform_free(p);
	p = ERR_PTR(ret);
out:
	if (a) {
		kvfree(a->pnodes);
		kvfree(a->res_ids);
		kvfree(a->msc_ids);
	}
	kfree(a);
	return p;
}

#ifdef __KERNEL__
/*
 * The running system: its tables, CPUs and memory nodes. Kernel only: a
 * user-space build of this file leaves this section out.
 */

static char *mpx_acpi_table;
module_param_named(acpi_table, mpx_acpi_table, charp, 0444);
MODULE_PARM_DESC(acpi_table,
		 "With sim=acpi: read the MPAM table from this firmware file (for example mpam_ext/MPAM.aml, a copy of /sys/firmware/acpi/tables/MPAM) instead of the firmware's own.");

static char *mpx_acpi_pptt;
module_param_named(acpi_pptt, mpx_acpi_pptt, charp, 0444);
MODULE_PARM_DESC(acpi_pptt,
		 "With sim=acpi: read the PPTT from this firmware file instead of the firmware's own (for example on a devicetree system replaying another machine's tables).");

#if IS_ENABLED(CONFIG_ACPI)
/*
 * The logical CPU of an ACPI processor UID, from the MADT. A system booted
 * without ACPI (replaying another machine's tables) has no MADT: there the
 * UID of a CPU is taken to be its logical CPU number.
 */
static int mpx_sys_uid_to_cpu(void *arg, u32 uid)
{
	struct acpi_madt_generic_interrupt *gicc;
	unsigned int cpu;

	if (acpi_disabled)
		return uid < nr_cpu_ids && cpu_possible(uid) ? uid : -ENOENT;
	for_each_possible_cpu(cpu) {
		gicc = acpi_cpu_get_madt_gicc(cpu);
		if (gicc && gicc->uid == uid)
			return cpu;
	}
	return -ENOENT;
}

/*
 * CPUs of a proximity domain. Without NUMA information (no SRAT) the
 * machine is one memory node, which every CPU is local to.
 */
static int mpx_sys_pxm_cpus(void *arg, u32 pxm, struct cpumask *cpus)
{
	unsigned int cpu;
	int node;

	node = pxm_to_node(pxm);
	if (node == NUMA_NO_NODE) {
		if (num_possible_nodes() > 1)
			return -ENOENT;
		cpumask_copy(cpus, cpu_possible_mask);
		return 0;
	}
	for_each_possible_cpu(cpu)
		if (cpu_to_node(cpu) == node)
			cpumask_set_cpu(cpu, cpus);
	return 0;
}

static void mpx_sys_note(void *arg, const char *msg)
{
	pr_info("%s: %s\n", (const char *)arg, msg);
}

/* FEAT_MPAM, v1 (ID_AA64PFR0_EL1.MPAM) or v0.1 (ID_AA64PFR1_EL1.MPAM_frac) */
static bool mpx_cpu_has_mpam(void)
{
	u64 pfr0 = read_sysreg_s(SYS_ID_AA64PFR0_EL1);
	u64 pfr1 = read_sysreg_s(SYS_ID_AA64PFR1_EL1);

	return cpuid_feature_extract_unsigned_field(pfr0, ID_AA64PFR0_EL1_MPAM_SHIFT) ||
	       cpuid_feature_extract_unsigned_field(pfr1, ID_AA64PFR1_EL1_MPAM_frac_SHIFT);
}

/* File names for acpi_table=: a firmware path without ".." */
static bool mpx_fw_name_ok(const char *s)
{
	size_t n = strlen(s);

	return n && n < 256 && !strstr(s, "..") && s[0] != '/';
}

int mpam_ext_acpi_discover(struct device *dev, bool sim,
			   struct mpam_ext_platform **out)
{
	struct acpi_table_header *mt = NULL, *pt = NULL;
	struct mpam_ext_platform *p;
	const struct firmware *fw = NULL, *pfw = NULL;
	const u8 *pptt = NULL;
	size_t pptt_len = 0;
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_acpi_env env = {
		.valid_cpus = cpu_possible_mask,
		.uid_to_cpu = mpx_sys_uid_to_cpu,
		.pxm_cpus = mpx_sys_pxm_cpus,
		.note = mpx_sys_note,
	};
	const char *src = "firmware MPAM table";
	const u8 *mpam;
	size_t len;
	int ret;

	*out = NULL;
	if (!sim && ((mpx_acpi_table && *mpx_acpi_table) ||
		     (mpx_acpi_pptt && *mpx_acpi_pptt) ||
		     mpam_ext_platform_sim_hw_given())) {
		pr_err("acpi_table=, acpi_pptt= and sim_hw= are for simulation: load with sim=acpi\n");
		return -EINVAL;
	}
	if (mpx_acpi_pptt && *mpx_acpi_pptt) {
		if (!mpx_fw_name_ok(mpx_acpi_pptt)) {
			pr_err("acpi_pptt '%.64s' refused: a firmware file name without \"..\"\n",
			       mpx_acpi_pptt);
			return -EINVAL;
		}
		ret = firmware_request_nowarn(&pfw, mpx_acpi_pptt, dev);
		if (ret) {
			pr_err("%s: cannot load the PPTT (error %d)\n", mpx_acpi_pptt, ret);
			return ret;
		}
		pptt = pfw->data;
		pptt_len = pfw->size;
	}
	if (mpx_acpi_table && *mpx_acpi_table) {
		if (!mpx_fw_name_ok(mpx_acpi_table)) {
			pr_err("acpi_table '%.64s' refused: a firmware file name without \"..\"\n",
			       mpx_acpi_table);
			return -EINVAL;
		}
		src = mpx_acpi_table;
		ret = firmware_request_nowarn(&fw, mpx_acpi_table, dev);
		if (ret) {
			pr_err("%s: cannot load the MPAM table (error %d)\n", src, ret);
			release_firmware(pfw);
			return ret;
		}
		mpam = fw->data;
		len = fw->size;
	} else {
		if (acpi_disabled ||
		    ACPI_FAILURE(acpi_get_table("MPAM", 0, &mt))) {
			release_firmware(pfw);
			if (!sim)
				return 0;
			pr_err("sim=acpi: the firmware has no MPAM table (use acpi_table=<file>)\n");
			return -ENODEV;
		}
		mpam = (const u8 *)mt;
		len = mt->length;
	}
	if (!pfw && !acpi_disabled &&
	    ACPI_SUCCESS(acpi_get_table(ACPI_SIG_PPTT, 0, &pt))) {
		pptt = (const u8 *)pt;
		pptt_len = pt->length;
	}

	env.arg = (void *)src;
	p = mpam_ext_acpi_parse(mpam, len, pptt, pptt_len, &env, err, sizeof(err));
	if (pt)
		acpi_put_table(pt);
	if (mt)
		acpi_put_table(mt);
	release_firmware(fw);
	release_firmware(pfw);
	if (IS_ERR(p)) {
		pr_err("%s: %s\n", src, err);
		return PTR_ERR(p);
	}

	if (sim) {
		ret = mpam_ext_platform_sim_hw(p, dev);
		if (ret) {
			mpam_ext_platform_free(p);
			return ret;
		}
	} else if (p->nr_mscs && !mpx_cpu_has_mpam()) {
		/* Registers of MSCs the CPUs cannot use are left alone. */
		pr_warn("%s: %u MSCs described, but the CPUs have no FEAT_MPAM: MSCs not used\n",
			src, p->nr_mscs);
		mpam_ext_platform_free(p);
		return 0;
	}
	pr_info("%s: %u MSCs, %u caches, %u memory nodes\n", src, p->nr_mscs,
		p->nr_caches, p->nr_mems);
	*out = p;
	return 0;
}
#else /* !CONFIG_ACPI */
int mpam_ext_acpi_discover(struct device *dev, bool sim,
			   struct mpam_ext_platform **out)
{
	*out = NULL;
	if (!sim)
		return 0;
	pr_err("sim=acpi: this kernel is built without ACPI\n");
	return -ENODEV;
}
#endif /* CONFIG_ACPI */
#endif /* __KERNEL__ */
