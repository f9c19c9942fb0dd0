// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the ACPI discovery: the tables scripts/gen-acpi-tables
 * writes for every shipped platform parse back to that platform, and
 * malformed tables are refused with one message naming the node and field.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/firmware/acpi.h>
#include <mpam_ext/firmware/platform.h>

#include "kunit/mpx_acpi_tables.h"
#include "kunit/mpx_platform_texts.h"

/**
 * struct mpx_acpi_ctx - the system a test parses against.
 * @desc:	the description whose memory nodes give proximity domains' CPUs
 * @valid:	CPUs 0-7
 * @note:	the last note the parser gave
 */
struct mpx_acpi_ctx {
	const struct mpam_ext_platform *desc;
	struct cpumask valid;
	char note[MPAM_EXT_ACPI_ERR_LEN];
};

static int mpx_test_uid_to_cpu(void *arg, u32 uid)
{
	return uid < 8 ? uid : -ENOENT;
}

static int mpx_test_pxm_cpus(void *arg, u32 pxm, struct cpumask *cpus)
{
	const struct mpx_acpi_ctx *ctx = arg;
	unsigned int i;

	for (i = 0; i < ctx->desc->nr_mems; i++) {
		if (ctx->desc->mems[i].id == pxm) {
			cpumask_copy(cpus, &ctx->desc->mems[i].cpus);
			return 0;
		}
	}
	return -ENOENT;
}

static void mpx_test_note(void *arg, const char *msg)
{
	struct mpx_acpi_ctx *ctx = arg;

	strscpy(ctx->note, msg, sizeof(ctx->note));
}

static void mpx_acpi_test_free_platform(void *p)
{
	mpam_ext_platform_free(p);
}

/* The shipped description @name, parsed, freed with the test */
static struct mpam_ext_platform *mpx_test_desc(struct kunit *test,
					       const char *name,
					       const struct cpumask *valid)
{
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_platform_texts); i++)
		if (!strcmp(mpx_platform_texts[i].name, name))
			break;
	KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(mpx_platform_texts));
	p = mpam_ext_platform_parse(mpx_platform_texts[i].text,
				    strlen(mpx_platform_texts[i].text), valid,
				    err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "%s: %s", name, err);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, mpx_acpi_test_free_platform, p));
	return p;
}

static struct mpx_acpi_ctx *mpx_test_ctx(struct kunit *test, const char *name)
{
	struct mpx_acpi_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	if (nr_cpu_ids < 8)
		kunit_skip(test, "needs 8 possible CPUs, have %u", nr_cpu_ids);
	for (cpu = 0; cpu < 8; cpu++)
		cpumask_set_cpu(cpu, &ctx->valid);
	ctx->desc = mpx_test_desc(test, name, &ctx->valid);
	return ctx;
}

static struct mpam_ext_platform *mpx_test_acpi(struct mpx_acpi_ctx *ctx,
					       const u8 *mpam, size_t mlen,
					       const u8 *pptt, size_t plen,
					       char *err, size_t err_len)
{
	struct mpam_ext_acpi_env env = {
		.valid_cpus = &ctx->valid,
		.uid_to_cpu = mpx_test_uid_to_cpu,
		.pxm_cpus = mpx_test_pxm_cpus,
		.note = mpx_test_note,
		.arg = ctx,
	};

	return mpam_ext_acpi_parse(mpam, mlen, pptt, plen, &env, err, err_len);
}

/* Every shipped platform's generated tables give that platform back */
static void mpx_test_acpi_shipped(struct kunit *test)
{
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	struct mpx_acpi_ctx *ctx;
	unsigned int i;

	KUNIT_ASSERT_GT(test, ARRAY_SIZE(mpx_acpi_tables), 0);
	for (i = 0; i < ARRAY_SIZE(mpx_acpi_tables); i++) {
		ctx = mpx_test_ctx(test, mpx_acpi_tables[i].name);
		p = mpx_test_acpi(ctx, mpx_acpi_tables[i].mpam,
				  mpx_acpi_tables[i].mpam_len,
				  mpx_acpi_tables[i].pptt,
				  mpx_acpi_tables[i].pptt_len, err, sizeof(err));
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "%s: %s",
				       mpx_acpi_tables[i].name, err);
		KUNIT_EXPECT_STREQ(test, err, "");
		KUNIT_EXPECT_STREQ(test, p->name, "firmware");
		mpam_ext_acpi_apply_hw(p, ctx->desc);
		strscpy(p->name, ctx->desc->name, sizeof(p->name));
		KUNIT_EXPECT_TRUE_MSG(test, mpam_ext_platform_equal(p, ctx->desc),
				      "%s differs", mpx_acpi_tables[i].name);
		mpam_ext_platform_free(p);
	}
}

/**
 * struct mpx_acpi_bad_case - one malformed table.
 * @name:	what is wrong
 * @pptt:	the change is to the PPTT, not the MPAM table
 * @off:	offset of the bytes changed
 * @width:	how many bytes (little-endian)
 * @val:	their new value
 * @keep_sum:	leave the checksum as it was, not corrected
 * @len:	length given to the parser when not 0
 * @no_pptt:	parse without a PPTT
 * @msg:	the exact message expected
 */
struct mpx_acpi_bad_case {
	const char *name;
	bool pptt;
	size_t off;
	unsigned int width;
	u64 val;
	bool keep_sum;
	size_t len;
	bool no_pptt;
	const char *msg;
};

/*
 * Changes to the tables of "tiny": the MPAM table holds MSC node 0 at 0x24
 * (a cache RIS, resource node at 0x6c) and MSC node 1 at 0x84 (a memory
 * RIS, resource node at 0xcc); 0xe4 bytes in all.
 */
static const struct mpx_acpi_bad_case mpx_acpi_bad_cases[] = {
	{ "short buffer", .len = 20,
	  .msg = "MPAM table: 20 bytes, shorter than the 36-byte ACPI header" },
	{ "signature", .off = 3, .width = 1, .val = 'X',
	  .msg = "MPAM table: signature: 4d 50 41 58 is not 'MPAM'" },
	{ "table length over the buffer", .off = 4, .width = 4, .val = 0x1000,
	  .msg =
		  "MPAM table: length: 0x1000 is not within the 0x24-byte header and the 0xe4 bytes given",
	},
	{ "checksum", .off = 10, .width = 1, .val = 'N', .keep_sum = true,
	  .msg = "MPAM table: checksum: the bytes sum to 0x01, not 0" },
	{ "revision 0", .off = 8, .width = 1, .val = 0,
	  .msg = "MPAM table: revision: 0 is not supported (1 or later)" },
	{ "node length over the table", .off = 0x24, .width = 2, .val = 0x200,
	  .msg = "MSC node 0 (offset 0x24): length: 0x200 overruns the table end 0xe4" },
	{ "node length under the body", .off = 0x24, .width = 2, .val = 0x40,
	  .msg = "MSC node 0 (offset 0x24): length: 0x40 is shorter than the 72-byte node body" },
	{ "table ends inside a node body", .off = 4, .width = 4, .val = 0xc0,
	  .msg =
		  "MSC node 1 (offset 0x84): length: the 72-byte node body overruns the table end 0xc0",
	},
	{ "reserved byte", .off = 0x24 + 3, .width = 1, .val = 1,
	  .msg = "MSC node 0 (offset 0x24): reserved (byte 3): 0x1, not 0" },
	{ "reserved after overflow flags", .off = 0x24 + 28, .width = 4, .val = 5,
	  .msg =
		  "MSC node 0 (offset 0x24): reserved (after the overflow interrupt flags): 0x5, not 0",
	},
	{ "reserved after error flags", .off = 0x24 + 44, .width = 4, .val = 7,
	  .msg =
		  "MSC node 0 (offset 0x24): reserved (after the error interrupt flags): 0x7, not 0",
	},
	{ "interface type", .off = 0x24 + 2, .width = 1, .val = 5,
	  .msg =
		  "MSC node 0 (offset 0x24): interface type: 0x05 is neither MMIO (0x00) nor PCC (0x0a)",
	},
	{ "duplicate MSC identifier", .off = 0x84 + 4, .width = 4, .val = 0,
	  .msg = "MSC node 1 (offset 0x84): identifier: 0 is also an earlier MSC node's" },
	{ "resource count over the node", .off = 0x24 + 68, .width = 4, .val = 2,
	  .msg =
		  "MSC node 0 (offset 0x24): number of resource nodes: 2 overruns the node length 0x60",
	},
	{ "no resource node", .off = 0x24 + 68, .width = 4, .val = 0,
	  .msg =
		  "MSC node 0 (offset 0x24): number of resource nodes: 0, an MSC needs at least one",
	},
	{ "MMIO frame too small", .off = 0x24 + 16, .width = 4, .val = 0x1000,
	  .msg = "MSC node 0 (offset 0x24): MMIO size: 0x1000 is smaller than 0x3000" },
	{ "MMIO frame wraps", .off = 0x24 + 8, .width = 8, .val = 0xfffffffffffff000ULL,
	  .msg =
		  "MSC node 0 (offset 0x24): base address: frame 0xfffffffffffff000+0x4000 wraps around",
	},
	{ "MMIO frames overlap", .off = 0x84 + 8, .width = 8, .val = 0x10002000,
	  .msg =
		  "MSC node 1 (offset 0x84): base address: frame 0x10002000+0x4000 overlaps MSC 0's",
	},
	{ "error interrupt flags reserved", .off = 0x24 + 40, .width = 4, .val = 0x20,
	  .msg = "MSC node 0 (offset 0x24): error interrupt flags: reserved bits 0x20 set" },
	{ "overflow interrupt not wired", .off = 0x24 + 24, .width = 4, .val = 0x2,
	  .msg =
		  "MSC node 0 (offset 0x24): overflow interrupt flags: interrupt type 1 is not wired (0)",
	},
	{ "resource reserved", .off = 0x6c + 5, .width = 2, .val = 1,
	  .msg = "MSC node 0 (offset 0x24): resource node 0: reserved: 0x1, not 0" },
	{ "RIS index too large", .off = 0x6c + 4, .width = 1, .val = 16,
	  .msg = "MSC node 0 (offset 0x24): resource node 0: RIS index: 16 is over 15" },
	{ "locator type", .off = 0x6c + 7, .width = 1, .val = 6,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: locator type: 0x06 is no DEN 0065 locator type",
	},
	{ "dependencies over the node", .off = 0x6c + 20, .width = 4, .val = 1,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: number of functional dependencies: 1 overruns the node end 0x84",
	},
	{ "duplicate resource identifier", .off = 0xcc, .width = 4, .val = 0,
	  .msg =
		  "MSC node 1 (offset 0x84): resource node 0: identifier: 0 is used by an earlier resource node",
	},
	{ "cache reference not in the PPTT", .off = 0x6c + 8, .width = 8, .val = 99,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: cache reference 99: no PPTT cache of a CPU of this system has this cache ID",
	},
	{ "cache reference over 32 bits", .off = 0x6c + 8, .width = 8, .val = 1ULL << 32,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: cache reference: 0x100000000 is no 32-bit PPTT cache ID",
	},
	{ "cache locator without a PPTT", .no_pptt = true,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: cache reference 0: cannot be resolved: there is no PPTT",
	},
	{ "locator reserved descriptor", .off = 0xcc + 16, .width = 4, .val = 1,
	  .msg =
		  "MSC node 1 (offset 0x84): resource node 0: locator: reserved descriptor 2 is 0x1, not 0",
	},
	{ "unknown proximity domain", .off = 0xcc + 8, .width = 8, .val = 7,
	  .msg =
		  "MSC node 1 (offset 0x84): resource node 0: proximity domain 7 is no memory node of this system",
	},
	{ "bad ACPI device HID", .off = 0xcc + 7, .width = 1, .val = 4,
	  .msg =
		  "MSC node 1 (offset 0x84): resource node 0: ACPI device locator: hardware ID 0x0000000000000000 is not 1 to 8 of A-Z a-z 0-9 _",
	},
	{ "linked processor container absent", .off = 0x24 + 56, .width = 8,
	  .val = 0x3031303049504341ULL,	/* "ACPI0010" */
	  .msg =
		  "MSC node 0 (offset 0x24): linked device: processor container 0 is not in the PPTT",
	},
	{ "PPTT next-level loop", .pptt = true, .off = 0x24 + 20 + 8, .width = 4,
	  .val = 0x24 + 20,	/* the first cache names itself as the next level */
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: cache reference 0: cannot be resolved: PPTT: cache at offset 0x38: reached as level 1 and as level 2",
	},
	{ "PPTT structure length", .pptt = true, .off = 0x24 + 1, .width = 1, .val = 1,
	  .msg =
		  "MSC node 0 (offset 0x24): resource node 0: cache reference 0: cannot be resolved: PPTT: structure at offset 0x24: length 1 does not fit the table",
	},
};

static void mpx_put(u8 *t, size_t off, unsigned int width, u64 val)
{
	unsigned int i;

	for (i = 0; i < width; i++)
		t[off + i] = val >> (8 * i);
}

static void mpx_fix_sum(u8 *t)
{
	size_t len = t[4] | t[5] << 8 | t[6] << 16 | (size_t)t[7] << 24;
	size_t i;
	u8 sum = 0;

	t[9] = 0;
	for (i = 0; i < len; i++)
		sum += t[i];
	t[9] = -sum;
}

static void mpx_acpi_bad_desc(const struct mpx_acpi_bad_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mpx_bad, mpx_acpi_bad_cases, mpx_acpi_bad_desc);

/* A malformed table: exactly the expected message, nothing allocated */
static void mpx_test_acpi_bad(struct kunit *test)
{
	const struct mpx_acpi_bad_case *c = test->param_value;
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	struct mpx_acpi_ctx *ctx;
	size_t mlen, plen;
	u8 *mpam, *pptt;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_acpi_tables); i++)
		if (!strcmp(mpx_acpi_tables[i].name, "tiny"))
			break;
	KUNIT_ASSERT_LT(test, i, ARRAY_SIZE(mpx_acpi_tables));
	ctx = mpx_test_ctx(test, "tiny");
	mlen = mpx_acpi_tables[i].mpam_len;
	plen = mpx_acpi_tables[i].pptt_len;
	KUNIT_ASSERT_EQ(test, mlen, 0xe4);
	mpam = kunit_kmalloc(test, mlen, GFP_KERNEL);
	pptt = kunit_kmalloc(test, plen, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mpam);
	KUNIT_ASSERT_NOT_NULL(test, pptt);
	memcpy(mpam, mpx_acpi_tables[i].mpam, mlen);
	memcpy(pptt, mpx_acpi_tables[i].pptt, plen);
	if (c->width) {
		u8 *t = c->pptt ? pptt : mpam;

		KUNIT_ASSERT_LE(test, c->off + c->width, c->pptt ? plen : mlen);
		mpx_put(t, c->off, c->width, c->val);
		if (!c->keep_sum && !(c->off == 4 && c->val > mlen))
			mpx_fix_sum(t);
	}
	p = mpx_test_acpi(ctx, mpam, c->len ? c->len : mlen,
			  c->no_pptt ? NULL : pptt, plen, err, sizeof(err));
	KUNIT_ASSERT_TRUE_MSG(test, IS_ERR(p), "%s: accepted", c->name);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, c->msg);
}

/* An edge-triggered error interrupt keeps its trigger */
static void mpx_test_acpi_err_edge(struct kunit *test)
{
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	struct mpx_acpi_ctx *ctx;
	unsigned int k;
	u8 *mpam;

	for (k = 0; k < ARRAY_SIZE(mpx_acpi_tables); k++)
		if (!strcmp(mpx_acpi_tables[k].name, "tiny"))
			break;
	KUNIT_ASSERT_LT(test, k, ARRAY_SIZE(mpx_acpi_tables));
	ctx = mpx_test_ctx(test, "tiny");
	mpam = kunit_kmalloc(test, mpx_acpi_tables[k].mpam_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mpam);
	memcpy(mpam, mpx_acpi_tables[k].mpam, mpx_acpi_tables[k].mpam_len);
	mpx_put(mpam, 0x24 + 40, 4, 1);
	mpx_fix_sum(mpam);
	p = mpx_test_acpi(ctx, mpam, mpx_acpi_tables[k].mpam_len,
			  mpx_acpi_tables[k].pptt, mpx_acpi_tables[k].pptt_len,
			  err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "%s", err);
	KUNIT_EXPECT_EQ(test, p->mscs[0].err_irq, 96U);
	KUNIT_EXPECT_EQ(test, p->mscs[0].props, BIT(MPAM_EXT_MSC_ERR_EDGE));
	KUNIT_EXPECT_EQ(test, p->mscs[1].props, 0UL);
	mpam_ext_platform_free(p);
}

/* PCC and disabled MSCs are skipped with a note, not refused */
static void mpx_test_acpi_skipped(struct kunit *test)
{
	static const struct {
		size_t off;
		unsigned int width;
		u64 val;
		const char *note;
	} cases[] = {
		{ 0x24 + 2, 1, 0x0a,
			  "MSC node 0 (offset 0x24): MSC 0: PCC interface: skipped (only MMIO MSCs are supported)",
		},
		{ 0x24 + 16, 4, 0,
		  "MSC node 0 (offset 0x24): MSC 0: MMIO size 0 (disabled): skipped" },
		{ 0x24 + 40, 4, 0x10,
			  "MSC node 0 (offset 0x24): MSC 0: error interrupt 96 is a per-CPU interrupt (affinity valid): not used",
		},
	};
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	struct mpx_acpi_ctx *ctx;
	unsigned int i, k;
	u8 *mpam;

	for (k = 0; k < ARRAY_SIZE(mpx_acpi_tables); k++)
		if (!strcmp(mpx_acpi_tables[k].name, "tiny"))
			break;
	KUNIT_ASSERT_LT(test, k, ARRAY_SIZE(mpx_acpi_tables));
	ctx = mpx_test_ctx(test, "tiny");
	mpam = kunit_kmalloc(test, mpx_acpi_tables[k].mpam_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mpam);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memcpy(mpam, mpx_acpi_tables[k].mpam, mpx_acpi_tables[k].mpam_len);
		mpx_put(mpam, cases[i].off, cases[i].width, cases[i].val);
		mpx_fix_sum(mpam);
		ctx->note[0] = '\0';
		p = mpx_test_acpi(ctx, mpam, mpx_acpi_tables[k].mpam_len,
				  mpx_acpi_tables[k].pptt,
				  mpx_acpi_tables[k].pptt_len, err, sizeof(err));
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "case %u: %s", i, err);
		KUNIT_EXPECT_STREQ(test, ctx->note, cases[i].note);
		KUNIT_EXPECT_EQ(test, p->nr_mscs, i < 2 ? 1U : 2U);
		if (i == 2)
			KUNIT_EXPECT_EQ(test, p->mscs[0].err_irq, 0U);
		mpam_ext_platform_free(p);
	}
}

/* Locators other than caches and memory, and MSC affinity, are kept */
static void mpx_test_acpi_other_locators(struct kunit *test)
{
	static const struct {
		u8 type;
		u64 d1;
		u32 d2;
		enum mpam_ext_loc_type loc;
		const char *text;
	} cases[] = {
		{ 2, 0x1234, 0, MPAM_EXT_LOC_SMMU, "loc smmu:0x1234 " },
		{ 3, 2ULL << 56, 9, MPAM_EXT_LOC_MEMCACHE, "loc memcache:2:9 " },
		{ 4, 0x30303030484d5241ULL, 3, MPAM_EXT_LOC_ACPI_DEV, "loc acpi:ARMH0000:3 " },
		{ 5, 0x30, 0, MPAM_EXT_LOC_INTERCONNECT, "loc interconnect:0x30 " },
		{ 0xff, 0, 0, MPAM_EXT_LOC_UNKNOWN, "loc unknown " },
	};
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	struct mpx_acpi_ctx *ctx;
	unsigned int i, k;
	char *text;
	u8 *mpam;

	for (k = 0; k < ARRAY_SIZE(mpx_acpi_tables); k++)
		if (!strcmp(mpx_acpi_tables[k].name, "tiny"))
			break;
	KUNIT_ASSERT_LT(test, k, ARRAY_SIZE(mpx_acpi_tables));
	ctx = mpx_test_ctx(test, "tiny");
	mpam = kunit_kmalloc(test, mpx_acpi_tables[k].mpam_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mpam);
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		memcpy(mpam, mpx_acpi_tables[k].mpam, mpx_acpi_tables[k].mpam_len);
		/* the memory RIS of MSC 1, and MSC 0 reachable from CPU 5 */
		mpx_put(mpam, 0xcc + 7, 1, cases[i].type);
		mpx_put(mpam, 0xcc + 8, 8, cases[i].d1);
		mpx_put(mpam, 0xcc + 16, 4, cases[i].d2);
		mpx_put(mpam, 0x24 + 56, 8, 0x3730303049504341ULL);	/* ACPI0007 */
		mpx_put(mpam, 0x24 + 64, 4, 5);
		mpx_fix_sum(mpam);
		p = mpx_test_acpi(ctx, mpam, mpx_acpi_tables[k].mpam_len,
				  mpx_acpi_tables[k].pptt,
				  mpx_acpi_tables[k].pptt_len, err, sizeof(err));
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "case %u: %s", i, err);
		KUNIT_EXPECT_EQ(test, p->mscs[1].ris[0].loc, cases[i].loc);
		KUNIT_EXPECT_EQ(test, p->nr_mems, 0U);
		KUNIT_EXPECT_TRUE(test, p->mscs[0].has_affinity);
		KUNIT_EXPECT_EQ(test, cpumask_weight(&p->mscs[0].affinity), 1U);
		KUNIT_EXPECT_TRUE(test, cpumask_test_cpu(5, &p->mscs[0].affinity));
		text = mpam_ext_platform_print(p);
		KUNIT_ASSERT_NOT_NULL(test, text);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, cases[i].text), "%s", text);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(text, " affinity 5\n"), "%s", text);
		kfree(text);
		mpam_ext_platform_free(p);
	}
}

static struct kunit_case mpx_acpi_cases[] = {
	KUNIT_CASE(mpx_test_acpi_shipped),
	KUNIT_CASE_PARAM(mpx_test_acpi_bad, mpx_bad_gen_params),
	KUNIT_CASE(mpx_test_acpi_skipped),
	KUNIT_CASE(mpx_test_acpi_err_edge),
	KUNIT_CASE(mpx_test_acpi_other_locators),
	{}
};

static struct kunit_suite mpx_acpi_suite = {
	.name = "mpam_ext_acpi",
	.test_cases = mpx_acpi_cases,
};

kunit_test_suite(mpx_acpi_suite);
