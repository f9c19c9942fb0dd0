// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of platform descriptions: the shipped platform files, the
 * canonical form, the comparison, and the parser's refusal of malformed
 * descriptions with the line and reason.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>

#include "kunit/mpx_platform_texts.h"

/* CPUs first..last, in memory the test frees */
static struct cpumask *mpx_test_mask(struct kunit *test, unsigned int first,
				     unsigned int last)
{
	struct cpumask *mask = kunit_kzalloc(test, sizeof(*mask), GFP_KERNEL);
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, mask);
	for (cpu = first; cpu <= last && cpu < nr_cpu_ids; cpu++)
		cpumask_set_cpu(cpu, mask);
	return mask;
}

/* The shipped files name CPUs 0-7: skip where fewer CPUs are possible */
static struct cpumask *mpx_test_cpus_0_7(struct kunit *test)
{
	if (nr_cpu_ids < 8)
		kunit_skip(test, "needs 8 possible CPUs, have %u", nr_cpu_ids);
	return mpx_test_mask(test, 0, 7);
}

static void mpx_test_free_platform(void *p)
{
	mpam_ext_platform_free(p);
}

static void mpx_test_kfree(void *p)
{
	kfree(p);
}

static void mpx_test_vfree(void *p)
{
	vfree(p);
}

/* Parse @text, expecting success; the platform is freed with the test */
static struct mpam_ext_platform *mpx_test_parse(struct kunit *test, const char *text,
						const struct cpumask *valid)
{
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;

	p = mpam_ext_platform_parse(text, strlen(text), valid, err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "parse failed: %s", err);
	KUNIT_EXPECT_STREQ(test, err, "");
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_test_free_platform, p));
	return p;
}

/* Print @p; the text is freed with the test */
static char *mpx_plat_test_print(struct kunit *test, const struct mpam_ext_platform *p)
{
	char *text = mpam_ext_platform_print(p);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_test_kfree, text));
	return text;
}

/* A file without its comment lines and empty lines */
static char *mpx_test_body(struct kunit *test, const char *text)
{
	char *body = kunit_kzalloc(test, strlen(text) + 1, GFP_KERNEL);
	const char *line = text, *nl;
	size_t n = 0, len;

	KUNIT_ASSERT_NOT_NULL(test, body);
	while (*line) {
		nl = strchrnul(line, '\n');
		len = nl - line;
		if (len && line[0] != '#') {
			memcpy(body + n, line, len);
			n += len;
			body[n++] = '\n';
		}
		line = *nl ? nl + 1 : nl;
	}
	return body;
}

static const struct mpx_platform_text *mpx_test_text(struct kunit *test, const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_platform_texts); i++)
		if (!strcmp(mpx_platform_texts[i].name, name))
			return &mpx_platform_texts[i];
	KUNIT_FAIL(test, "no shipped platform %s", name);
	return NULL;
}

static struct mpam_ext_platform *mpx_test_shipped(struct kunit *test, const char *name)
{
	const struct mpx_platform_text *t = mpx_test_text(test, name);

	KUNIT_ASSERT_NOT_NULL(test, t);
	return mpx_test_parse(test, t->text, mpx_test_cpus_0_7(test));
}

static void mpx_text_desc(const struct mpx_platform_text *t, char *desc)
{
	strscpy(desc, t->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mpx_shipped, mpx_platform_texts, mpx_text_desc);

/*
 * Every shipped file: its non-comment lines are the printer's output for
 * it, printing is stable, parse(print(p)) equals p, and it describes
 * exactly CPUs 0-7 with caches and with memory nodes.
 */
static void mpx_test_shipped_round_trip(struct kunit *test)
{
	const struct mpx_platform_text *t = test->param_value;
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	struct mpam_ext_platform *p, *q;
	struct cpumask *cpus;
	char *text;
	unsigned int i;

	/* the licence tag comes first */
	KUNIT_EXPECT_EQ(test, 0, strncmp(t->text, "# SPDX-", 7));
	p = mpx_test_parse(test, t->text, valid);
	KUNIT_EXPECT_STREQ(test, p->name, t->name);
	text = mpx_plat_test_print(test, p);
	KUNIT_EXPECT_STREQ(test, text, mpx_test_body(test, t->text));

	q = mpx_test_parse(test, text, valid);
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(p, q));
	KUNIT_EXPECT_STREQ(test, mpx_plat_test_print(test, q), text);

	cpus = mpx_test_mask(test, 1, 0);
	for (i = 0; i < p->nr_caches; i++)
		cpumask_or(cpus, cpus, &p->caches[i].cpus);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(cpus, valid));
	cpumask_clear(cpus);
	for (i = 0; i < p->nr_mems; i++)
		cpumask_or(cpus, cpus, &p->mems[i].cpus);
	KUNIT_EXPECT_TRUE(test, cpumask_equal(cpus, valid));
}

static void mpx_test_shipped_set(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, mpx_test_text(test, "tiny"));
	KUNIT_EXPECT_NOT_NULL(test, mpx_test_text(test, "kunpeng-mini"));
	KUNIT_EXPECT_NOT_NULL(test, mpx_test_text(test, "grace-mini"));
}

static void mpx_test_tiny(struct kunit *test)
{
	struct mpam_ext_platform *p = mpx_test_shipped(test, "tiny");
	const struct mpam_ext_ris_desc *l3, *mem;

	KUNIT_ASSERT_EQ(test, p->nr_caches, 1);
	KUNIT_ASSERT_EQ(test, p->nr_mems, 1);
	KUNIT_ASSERT_EQ(test, p->nr_mscs, 2);
	KUNIT_EXPECT_EQ(test, p->caches[0].level, 3);
	KUNIT_EXPECT_EQ(test, p->mscs[0].base, 0x10000000);
	KUNIT_EXPECT_EQ(test, p->mscs[0].size, 0x4000);
	KUNIT_EXPECT_EQ(test, p->mscs[0].aidr, 0x10);
	KUNIT_EXPECT_EQ(test, p->mscs[0].iidr, 0x43b);
	KUNIT_ASSERT_EQ(test, p->mscs[0].nr_ris, 1);
	KUNIT_ASSERT_EQ(test, p->mscs[1].nr_ris, 1);

	l3 = &p->mscs[0].ris[0];
	KUNIT_EXPECT_EQ(test, l3->loc, MPAM_EXT_LOC_CACHE);
	KUNIT_EXPECT_EQ(test, l3->level, 3);
	KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_CPOR, &l3->hw.features));
	KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_CSU, &l3->hw.features));
	KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBWU, &l3->hw.features));
	KUNIT_EXPECT_FALSE(test, test_bit(MPAM_EXT_HW_MBW_MAX, &l3->hw.features));
	KUNIT_EXPECT_EQ(test, l3->hw.cpbm_wd, 16);
	KUNIT_EXPECT_EQ(test, l3->hw.mbwu_width, 44);
	KUNIT_EXPECT_EQ(test, l3->hw.partid_max, 63);
	KUNIT_EXPECT_EQ(test, l3->hw.pmg_max, 1);

	mem = &p->mscs[1].ris[0];
	KUNIT_EXPECT_EQ(test, mem->loc, MPAM_EXT_LOC_MEMORY);
	KUNIT_EXPECT_EQ(test, mem->id, 0);
	KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBW_MAX, &mem->hw.features));
	KUNIT_EXPECT_FALSE(test, test_bit(MPAM_EXT_HW_CPOR, &mem->hw.features));
	KUNIT_EXPECT_EQ(test, mem->hw.bwa_wd, 8);
	KUNIT_EXPECT_EQ(test, mem->hw.cpbm_wd, 0);
	KUNIT_EXPECT_EQ(test, mem->hw.mbwu_width, 63);
}

static void mpx_test_kunpeng(struct kunit *test)
{
	struct mpam_ext_platform *p = mpx_test_shipped(test, "kunpeng-mini");
	unsigned int i, l2 = 0, l2_no_cpor = 0, mem = 0;

	KUNIT_ASSERT_EQ(test, p->nr_caches, 6);
	KUNIT_EXPECT_EQ(test, p->caches[1].id, 7);
	KUNIT_EXPECT_EQ(test, p->caches[5].id, 26);
	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_ris_desc *ris = &p->mscs[i].ris[0];

		KUNIT_ASSERT_EQ(test, p->mscs[i].nr_ris, 1);
		KUNIT_EXPECT_EQ(test, ris->hw.partid_max, 31);
		KUNIT_EXPECT_EQ(test, ris->hw.pmg_max, 3);
		if (ris->loc == MPAM_EXT_LOC_CACHE && ris->level == 2) {
			l2++;
			if (!test_bit(MPAM_EXT_HW_CPOR, &ris->hw.features))
				l2_no_cpor++;
			KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_CSU, &ris->hw.features));
			KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBWU, &ris->hw.features));
		}
		if (ris->loc == MPAM_EXT_LOC_CACHE && ris->level == 3)
			KUNIT_EXPECT_EQ(test, ris->hw.cpbm_wd, 17);
		if (ris->loc == MPAM_EXT_LOC_MEMORY) {
			mem++;
			KUNIT_EXPECT_EQ(test, ris->id, 0);
			KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBW_MAX, &ris->hw.features));
			KUNIT_EXPECT_EQ(test, ris->hw.mbwu_width, 44);
		}
	}
	KUNIT_EXPECT_EQ(test, l2, 4);
	KUNIT_EXPECT_EQ(test, l2_no_cpor, 1);
	KUNIT_EXPECT_EQ(test, mem, 2);
}

static void mpx_test_grace(struct kunit *test)
{
	struct mpam_ext_platform *p = mpx_test_shipped(test, "grace-mini");
	unsigned int i, seen = 0;

	KUNIT_ASSERT_EQ(test, p->nr_mems, 3);
	KUNIT_EXPECT_EQ(test, p->mems[2].id, 2);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&p->mems[2].cpus));
	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_ris_desc *ris = &p->mscs[i].ris[0];

		KUNIT_EXPECT_EQ(test, ris->hw.partid_max, 255);
		if (ris->loc != MPAM_EXT_LOC_MEMORY)
			continue;
		seen |= BIT(ris->id);
		KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBW_MIN, &ris->hw.features));
		KUNIT_EXPECT_TRUE(test, test_bit(MPAM_EXT_HW_MBW_MAX, &ris->hw.features));
		KUNIT_EXPECT_EQ(test, ris->hw.mbwu_width, 63);
	}
	KUNIT_EXPECT_EQ(test, seen, 0x7);
}

/* A description written loosely comes out in the one canonical form */
static void mpx_test_canonical(struct kunit *test)
{
	static const char loose[] =
		"# comments, tabs, CRLF, keywords in any order, hex anywhere\r\n"
		"\tplatform   name loose  # the name\r\n"
		"\n"
		"cache id 0x1a cpus 7,6,5,4 level 3\r\n"
		"cache level 3 cpus 0-1,2,3,3 id 25\n"
		"memory cpus none id 9\n"
		"memory\tid 0 cpus 0-7\n"
		"msc id 8 base 0x4000 size 0x3000 nrdy-us 1 err-irq 0 aidr 0x10 iidr 0\n"
		"ris index 15 loc memory:9 features mbw-pbm,mbw-prop partid-max 4 pmg-max 255 mbw-pbm-wd 4096 bwa-wd 16\n"
		"msc iidr 0X43B aidr 17 err-irq 0x20 nrdy-us 0 size 12288 base 4096 id 7\n"
		"ris pmg-max 0 partid-max 0x3f features mbwu,csu,mbwu-rwbw csu-mon 1 mbwu-mon 0x10 mbwu-width 31 loc cache:3:0x1a index 3\n"
		"        ris index 0 loc unknown features none partid-max 0 pmg-max 0";
	static const char canonical[] =
		"platform name loose\n"
		"cache level 3 id 26 cpus 4-7\n"
		"cache level 3 id 25 cpus 0-3\n"
		"memory id 9 cpus none\n"
		"memory id 0 cpus 0-7\n"
		"msc id 8 base 0x4000 size 0x3000 nrdy-us 1 err-irq 0 aidr 0x10 iidr 0x0\n"
		"  ris index 15 loc memory:9 features mbw-pbm,mbw-prop partid-max 4 pmg-max 255 bwa-wd 16 mbw-pbm-wd 4096\n"
		"msc id 7 base 0x1000 size 0x3000 nrdy-us 0 err-irq 32 aidr 0x11 iidr 0x43b\n"
		"  ris index 3 loc cache:3:26 features csu,mbwu,mbwu-rwbw partid-max 63 pmg-max 0 csu-mon 1 mbwu-mon 16 mbwu-width 31\n"
		"  ris index 0 loc unknown features none partid-max 0 pmg-max 0\n";
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	struct mpam_ext_platform *p = mpx_test_parse(test, loose, valid);
	char *text = mpx_plat_test_print(test, p);

	KUNIT_EXPECT_STREQ(test, text, canonical);
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(p, mpx_test_parse(test, text, valid)));
}

/* Locators only firmware names, and MSC affinity: parsed, printed, equal */
static void mpx_test_firmware_locators(struct kunit *test)
{
	static const char loose[] =
		"platform name fw\n"
		"msc id 1 base 0x10000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0 affinity 3,1-2\n"
		"ris index 0 loc memcache:0x2:9 features none partid-max 0 pmg-max 0\n"
		"ris index 1 loc smmu:4096 features none partid-max 0 pmg-max 0\n"
		"ris index 2 loc acpi:ARMH0000:3 features none partid-max 0 pmg-max 0\n"
		"ris index 3 loc interconnect:0x30 features none partid-max 0 pmg-max 0\n"
		"msc id 2 base 0x20000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0 affinity none\n"
		"ris index 0 loc acpi:PNP0A03:0 features none partid-max 0 pmg-max 0\n";
	static const char canonical[] =
		"platform name fw\n"
		"msc id 1 base 0x10000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0x0 affinity 1-3\n"
		"  ris index 0 loc memcache:2:9 features none partid-max 0 pmg-max 0\n"
		"  ris index 1 loc smmu:0x1000 features none partid-max 0 pmg-max 0\n"
		"  ris index 2 loc acpi:ARMH0000:3 features none partid-max 0 pmg-max 0\n"
		"  ris index 3 loc interconnect:0x30 features none partid-max 0 pmg-max 0\n"
		"msc id 2 base 0x20000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0x0 affinity none\n"
		"  ris index 0 loc acpi:PNP0A03:0 features none partid-max 0 pmg-max 0\n";
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	struct mpam_ext_platform *p = mpx_test_parse(test, loose, valid);
	struct mpam_ext_platform *q;
	char *text = mpx_plat_test_print(test, p);

	KUNIT_EXPECT_STREQ(test, text, canonical);
	KUNIT_EXPECT_EQ(test, p->mscs[0].ris[0].loc, MPAM_EXT_LOC_MEMCACHE);
	KUNIT_EXPECT_EQ(test, p->mscs[0].ris[1].loc, MPAM_EXT_LOC_SMMU);
	KUNIT_EXPECT_EQ(test, p->mscs[0].ris[2].loc, MPAM_EXT_LOC_ACPI_DEV);
	KUNIT_EXPECT_EQ(test, p->mscs[0].ris[2].ref, 0x30303030484d5241ULL);
	KUNIT_EXPECT_EQ(test, p->mscs[0].ris[3].loc, MPAM_EXT_LOC_INTERCONNECT);
	KUNIT_EXPECT_TRUE(test, p->mscs[0].has_affinity);
	KUNIT_EXPECT_TRUE(test, p->mscs[1].has_affinity);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&p->mscs[1].affinity));
	q = mpx_test_parse(test, text, valid);
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(p, q));
	/* affinity takes part in the comparison */
	q->mscs[0].has_affinity = false;
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(p, q));
}

/* ris-max: parsed, printed after affinity, compared */
static void mpx_test_ris_max(struct kunit *test)
{
	static const char text[] =
		"platform name hid\n"
		"memory id 0 cpus 0-7\n"
		"msc id 1 base 0x10000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0x0 affinity 0-3 ris-max 5 props access32,power\n"
		"  ris index 0 loc memory:0 features none partid-max 0 pmg-max 0\n"
		"  ris index 2 loc memory:0 features none partid-max 0 pmg-max 0\n"
		"msc id 2 base 0x20000 size 0x3000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0x0 props access32,idr32,sw-nrdy,csu-wr\n"
		"  ris index 0 loc memory:0 features none partid-max 0 pmg-max 0\n";
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	struct mpam_ext_platform *p = mpx_test_parse(test, text, valid);
	struct mpam_ext_platform *q = mpx_test_parse(test, text, valid);

	KUNIT_EXPECT_EQ(test, p->mscs[0].ris_max, 5);
	KUNIT_EXPECT_STREQ(test, mpx_plat_test_print(test, p), text);
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(p, q));
	q->mscs[0].ris_max = 4;
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(p, q));
	KUNIT_EXPECT_EQ(test, p->mscs[1].props,
			BIT(MPAM_EXT_MSC_ACCESS32) | BIT(MPAM_EXT_MSC_IDR32) |
			BIT(MPAM_EXT_MSC_SW_NRDY) | BIT(MPAM_EXT_MSC_CSU_WR));
	q = mpx_test_parse(test, text, valid);
	q->mscs[1].props = BIT(MPAM_EXT_MSC_IDR32);
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(p, q));
	KUNIT_EXPECT_EQ(test, p->mscs[0].props,
			BIT(MPAM_EXT_MSC_ACCESS32) | BIT(MPAM_EXT_MSC_POWER));
}

/* Every feature and every number, at their largest, survive a round trip */
static void mpx_test_all_features(struct kunit *test)
{
	static const char expect[] =
		"platform name everything\n"
		"cache level 7 id 4294967295 cpus 0\n"
		"memory id 4294967295 cpus none\n"
		"msc id 4294967295 base 0xffffffffffffd000 size 0x3000 nrdy-us 4294967295 err-irq 4294967295 aidr 0xff iidr 0xffffffff\n"
		"  ris index 15 loc cache:7:4294967295 features cpor,cmax,cmin,cmax-softlim,cassoc,mbw-min,mbw-max,mbw-pbm,mbw-prop,mbw-winwd,intpri,intpri-0-is-low,dspri,dspri-0-is-low,partid-nrw,csu,mbwu,mbwu-rwbw,esr,extd-esr partid-max 65535 pmg-max 255 intpartid-max 65535 cpbm-wd 32768 cmax-wd 16 cassoc-wd 16 bwa-wd 16 mbw-pbm-wd 4096 intpri-wd 16 dspri-wd 16 csu-mon 65535 mbwu-mon 65535 mbwu-width 63\n"
		"  ris index 0 loc memory:4294967295 features none partid-max 65535 pmg-max 0\n";
	struct mpam_ext_platform *p = mpam_ext_platform_alloc(1, 1, 1), *q;
	struct mpam_ext_ris_hw *hw;
	unsigned int f;
	char *text;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_test_free_platform, p));
	strscpy(p->name, "everything", sizeof(p->name));
	p->caches[0].level = 7;
	p->caches[0].id = U32_MAX;
	cpumask_set_cpu(0, &p->caches[0].cpus);
	p->mems[0].id = U32_MAX;
	p->mscs[0].id = U32_MAX;
	p->mscs[0].base = U64_MAX - 0x2fff;
	p->mscs[0].size = 0x3000;
	p->mscs[0].nrdy_us = U32_MAX;
	p->mscs[0].err_irq = U32_MAX;
	p->mscs[0].aidr = 0xff;
	p->mscs[0].iidr = U32_MAX;
	p->mscs[0].nr_ris = 2;
	p->mscs[0].ris[0].idx = 15;
	p->mscs[0].ris[0].loc = MPAM_EXT_LOC_CACHE;
	p->mscs[0].ris[0].level = 7;
	p->mscs[0].ris[0].id = U32_MAX;
	p->mscs[0].ris[1].loc = MPAM_EXT_LOC_MEMORY;
	p->mscs[0].ris[1].id = U32_MAX;
	p->mscs[0].ris[1].hw.partid_max = 65535;
	hw = &p->mscs[0].ris[0].hw;
	for (f = 0; f < MPAM_EXT_HW_NR_FEATURES; f++)
		set_bit(f, &hw->features);
	hw->partid_max = 65535;
	hw->pmg_max = 255;
	hw->intpartid_max = 65535;
	hw->cpbm_wd = 32768;
	hw->cmax_wd = 16;
	hw->cassoc_wd = 16;
	hw->bwa_wd = 16;
	hw->mbw_pbm_bits = 4096;
	hw->intpri_wd = 16;
	hw->dspri_wd = 16;
	hw->num_csu_mon = 65535;
	hw->num_mbwu_mon = 65535;
	hw->mbwu_width = 63;

	text = mpx_plat_test_print(test, p);
	q = mpx_test_parse(test, text, mpx_test_mask(test, 0, 0));
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(p, q));
	KUNIT_EXPECT_STREQ(test, text, expect);
}

/*
 * A description with every kind of field, for the tests of equal(): each
 * entry of mpx_diffs[] changes one field of it.
 */
static const char mpx_eq_text[] =
	"platform name eq\n"
	"cache level 2 id 4 cpus 0-1\n"
	"cache level 2 id 1 cpus 2-3\n"
	"cache level 3 id 1 cpus 0-3\n"
	"cache level 3 id 7 cpus 4-7\n"
	"memory id 0 cpus 0-3\n"
	"memory id 9 cpus none\n"
	"msc id 64 base 0x98000000 size 0x10000 nrdy-us 20 err-irq 5 aidr 0x10 iidr 0x1000736\n"
	"  ris index 0 loc cache:3:1 features cpor,cmax,cmin,cmax-softlim,cassoc,mbw-min,mbw-max,mbw-pbm,mbw-prop,mbw-winwd,intpri,intpri-0-is-low,dspri,dspri-0-is-low,partid-nrw,csu,mbwu,mbwu-rwbw,esr,extd-esr partid-max 31 pmg-max 3 intpartid-max 7 cpbm-wd 17 cmax-wd 8 cassoc-wd 4 bwa-wd 7 mbw-pbm-wd 32 intpri-wd 3 dspri-wd 2 csu-mon 4 mbwu-mon 2 mbwu-width 44\n"
	"  ris index 1 loc memory:0 features none partid-max 31 pmg-max 3\n";

struct mpx_diff {
	const char *from;	/* replaced where it first occurs */
	const char *to;
};

static const struct mpx_diff mpx_diffs[] = {
	{ "name eq", "name eQ" },
	{ "level 2 id 4", "level 1 id 4" },
	{ "id 4 cpus", "id 5 cpus" },
	{ "id 4 cpus 0-1", "id 4 cpus 0" },
	{ "memory id 9", "memory id 8" },
	{ "memory id 0 cpus 0-3", "memory id 0 cpus 0-2" },
	{ "msc id 64", "msc id 65" },
	{ "base 0x98000000", "base 0x98100000" },
	{ "size 0x10000", "size 0x20000" },
	{ "nrdy-us 20", "nrdy-us 21" },
	{ "err-irq 5", "err-irq 6" },
	{ "aidr 0x10", "aidr 0x11" },
	{ "iidr 0x1000736", "iidr 0x1000737" },
	{ "index 1", "index 2" },
	{ "loc memory:0", "loc unknown" },
	{ "loc cache:3:1", "loc cache:2:1" },
	{ "loc cache:3:1", "loc cache:3:7" },
	{ "mbwu-rwbw,", "" },
	{ "partid-max 31 pmg-max 3 intpartid", "partid-max 30 pmg-max 3 intpartid" },
	{ "pmg-max 3 intpartid", "pmg-max 2 intpartid" },
	{ "intpartid-max 7", "intpartid-max 6" },
	{ "cpbm-wd 17", "cpbm-wd 16" },
	{ "cmax-wd 8", "cmax-wd 9" },
	{ "cassoc-wd 4", "cassoc-wd 5" },
	{ "bwa-wd 7", "bwa-wd 8" },
	{ "mbw-pbm-wd 32", "mbw-pbm-wd 33" },
	{ "intpri-wd 3", "intpri-wd 4" },
	{ "dspri-wd 2", "dspri-wd 1" },
	{ "csu-mon 4", "csu-mon 5" },
	{ "mbwu-mon 2", "mbwu-mon 3" },
	{ "mbwu-width 44", "mbwu-width 63" },
	{ "  ris index 1 loc memory:0 features none partid-max 31 pmg-max 3\n", "" },
};

/* "<from> -> <to>", each up to its first newline */
static void mpx_diff_desc(const struct mpx_diff *d, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%.*s -> %.*s",
		 (int)strcspn(d->from, "\n"), d->from, (int)strcspn(d->to, "\n"), d->to);
}

KUNIT_ARRAY_PARAM(mpx_diff, mpx_diffs, mpx_diff_desc);

/* equal() notices a difference in any one field */
static void mpx_test_equal_diff(struct kunit *test)
{
	const struct mpx_diff *d = test->param_value;
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	const char *at = strstr(mpx_eq_text, d->from);
	struct mpam_ext_platform *a, *b;
	size_t head;
	char *text;

	KUNIT_ASSERT_NOT_NULL(test, at);
	head = at - mpx_eq_text;
	text = kunit_kzalloc(test, sizeof(mpx_eq_text) + strlen(d->to), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, text);
	memcpy(text, mpx_eq_text, head);
	memcpy(text + head, d->to, strlen(d->to));
	memcpy(text + head + strlen(d->to), at + strlen(d->from), strlen(at + strlen(d->from)));

	a = mpx_test_parse(test, mpx_eq_text, valid);
	b = mpx_test_parse(test, text, valid);
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(a, b));
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(b, a));
}

/* equal() of equal platforms, of NULL, and what it leaves out */
static void mpx_test_equal(struct kunit *test)
{
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	struct mpam_ext_platform *a, *b;

	a = mpx_test_parse(test, mpx_eq_text, valid);
	b = mpx_test_parse(test, mpx_eq_text, valid);
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(a, a));
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(a, b));
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(NULL, NULL));
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(a, NULL));
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(NULL, b));

	/* fields the text cannot reach: a memory locator's level */
	b->mscs[0].ris[1].level = 3;
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(a, b));
	b->mscs[0].ris[1].level = 0;
	b->mscs[0].ris[0].hw.features |= BIT(MPAM_EXT_HW_NR_FEATURES);
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(a, b));
	b->mscs[0].ris[0].hw.features = a->mscs[0].ris[0].hw.features;
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(a, b));

	/* entries past the counts are not part of the platform */
	b->mscs[0].ris[5].idx = 5;
	b->nr_mems = 1;
	a->nr_mems = 1;
	b->mems[1].id = 10;
	KUNIT_EXPECT_TRUE(test, mpam_ext_platform_equal(a, b));
	b->nr_mems = 2;
	KUNIT_EXPECT_FALSE(test, mpam_ext_platform_equal(a, b));
}

static void mpx_test_alloc(struct kunit *test)
{
	struct mpam_ext_platform *p = mpam_ext_platform_alloc(3, 0, 2);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->nr_caches, 3);
	KUNIT_EXPECT_EQ(test, p->nr_mems, 0);
	KUNIT_EXPECT_EQ(test, p->nr_mscs, 2);
	KUNIT_EXPECT_NOT_NULL(test, p->caches);
	KUNIT_EXPECT_NULL(test, p->mems);
	KUNIT_EXPECT_NOT_NULL(test, p->mscs);
	KUNIT_EXPECT_TRUE(test, cpumask_empty(&p->caches[2].cpus));
	KUNIT_EXPECT_EQ(test, p->mscs[1].nr_ris, 0);
	/* the last entry of each array can be written */
	p->caches[2].id = 1;
	p->mscs[1].ris[MPAM_EXT_MAX_RIS - 1].hw.mbwu_width = 63;
	mpam_ext_platform_free(p);
	mpam_ext_platform_free(NULL);

	KUNIT_EXPECT_NULL(test, mpam_ext_platform_alloc(MPAM_EXT_PLATFORM_MAX_CACHES + 1, 0, 0));
	KUNIT_EXPECT_NULL(test, mpam_ext_platform_alloc(0, MPAM_EXT_PLATFORM_MAX_MEMS + 1, 0));
	KUNIT_EXPECT_NULL(test, mpam_ext_platform_alloc(0, 0, MPAM_EXT_PLATFORM_MAX_MSCS + 1));
}

/* Only CPUs of the valid mask may be named; the message names the CPU */
static void mpx_test_valid_cpus(struct kunit *test)
{
	static const char within[] =
		"platform name half\n"
		"cache level 2 id 0 cpus 0-1\n"
		"cache level 2 id 1 cpus 3\n"
		"memory id 0 cpus 0,3\n"
		"memory id 1 cpus none\n";
	static const char holes[] = "platform name a\ncache level 1 id 0 cpus 1,5\n";
	static const char range[] = "platform name a\ncache level 1 id 0 cpus 1-5\n";
	const struct cpumask *valid = mpx_test_mask(test, 0, 3);
	const struct mpx_platform_text *t = mpx_test_text(test, "tiny");
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;
	struct cpumask *odd;

	mpx_test_cpus_0_7(test);
	KUNIT_ASSERT_NOT_NULL(test, t);
	p = mpam_ext_platform_parse(t->text, strlen(t->text), valid, err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err, ": CPU 4 is not a valid CPU"), "%s", err);
	KUNIT_EXPECT_EQ(test, 0, strncmp(err, "line ", 5));

	p = mpx_test_parse(test, within, valid);
	KUNIT_EXPECT_EQ(test, p->nr_caches, 2);
	KUNIT_EXPECT_EQ(test, cpumask_weight(&p->mems[0].cpus), 2);

	/* holes in the mask: only CPUs 1 and 5 */
	odd = mpx_test_mask(test, 1, 0);
	cpumask_set_cpu(1, odd);
	cpumask_set_cpu(5, odd);
	p = mpam_ext_platform_parse(holes, strlen(holes), odd, err, sizeof(err));
	KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(p), "%s", err);
	if (!IS_ERR(p))
		mpam_ext_platform_free(p);
	p = mpam_ext_platform_parse(range, strlen(range), odd, err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 2: CPU 2 is not a valid CPU");
}

/* Parse the first @n bytes of @text: a platform or a clean refusal */
static void mpx_test_prefix(struct kunit *test, const char *text, size_t n,
			    const struct cpumask *valid)
{
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;

	p = mpam_ext_platform_parse(text, n, valid, err, sizeof(err));
	if (!IS_ERR(p)) {
		KUNIT_EXPECT_STREQ(test, err, "");
		mpam_ext_platform_free(p);
		return;
	}
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_TRUE_MSG(test, !strncmp(err, "line ", 5) ||
			      !strncmp(err, "empty description", 17),
			      "prefix %zu: %s", n, err);
}

/*
 * A shipped file cut short parses or is refused cleanly: its body cut at
 * every byte up to the second MSC (inside every kind of line, word and
 * number) and at every line after it, the whole file at every line.
 */
static void mpx_test_prefixes(struct kunit *test)
{
	const struct mpx_platform_text *t = test->param_value;
	const struct cpumask *valid = mpx_test_cpus_0_7(test);
	const char *body = mpx_test_body(test, t->text);
	const char *msc = strstr(body, "\nmsc ");
	size_t n, every, len = strlen(body);

	msc = msc ? strstr(msc + 1, "\nmsc ") : NULL;
	every = msc ? msc - body : len;
	for (n = 0; n <= len; n++)
		if (n <= every || body[n] == '\n')
			mpx_test_prefix(test, body, n, valid);
	for (n = 0; t->text[n]; n++)
		if (t->text[n] == '\n')
			mpx_test_prefix(test, t->text, n, valid);
}

static struct kunit_case mpx_platform_cases[] = {
	KUNIT_CASE_PARAM(mpx_test_shipped_round_trip, mpx_shipped_gen_params),
	KUNIT_CASE(mpx_test_shipped_set),
	KUNIT_CASE(mpx_test_tiny),
	KUNIT_CASE(mpx_test_kunpeng),
	KUNIT_CASE(mpx_test_grace),
	KUNIT_CASE(mpx_test_canonical),
	KUNIT_CASE(mpx_test_firmware_locators),
	KUNIT_CASE(mpx_test_ris_max),
	KUNIT_CASE(mpx_test_all_features),
	KUNIT_CASE(mpx_test_equal),
	KUNIT_CASE_PARAM(mpx_test_equal_diff, mpx_diff_gen_params),
	KUNIT_CASE(mpx_test_alloc),
	KUNIT_CASE(mpx_test_valid_cpus),
	KUNIT_CASE_PARAM(mpx_test_prefixes, mpx_shipped_gen_params),
	{}
};

static struct kunit_suite mpx_platform_suite = {
	.name = "mpam_ext_platform",
	.test_cases = mpx_platform_cases,
};

/* Lines the malformed descriptions are built from */
#define BAD_P	"platform name t\n"
#define BAD_C	"cache level 3 id 0 cpus 0-7\n"
#define BAD_M	"memory id 0 cpus 0-7\n"
#define BAD_S	"msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b\n"
#define BAD_R	"  ris index 0 loc cache:3:0 features cpor partid-max 63 pmg-max 1 cpbm-wd 16\n"
/* BAD_P BAD_C BAD_M BAD_S: the lines before the ris line 5 of most cases */
#define BAD_PCMS							\
	"platform name t\n"						\
	"cache level 3 id 0 cpus 0-7\n"					\
	"memory id 0 cpus 0-7\n"					\
	"msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b\n"
/* the start of a ris line */
#define BAD_RIS	"  ris index 0 loc cache:3:0 "
#define BAD_U	"loc unknown features none partid-max 0 pmg-max 0\n"
#define BAD_16R								\
	"ris index 0 " BAD_U "ris index 1 " BAD_U "ris index 2 " BAD_U	\
	"ris index 3 " BAD_U "ris index 4 " BAD_U "ris index 5 " BAD_U	\
	"ris index 6 " BAD_U "ris index 7 " BAD_U "ris index 8 " BAD_U	\
	"ris index 9 " BAD_U "ris index 10 " BAD_U "ris index 11 " BAD_U	\
	"ris index 12 " BAD_U "ris index 13 " BAD_U "ris index 14 " BAD_U	\
	"ris index 15 " BAD_U

struct mpx_bad {
	const char *name;
	const char *text;
	const char *msg;	/* expected in the message */
	size_t len;		/* length of text when it holds a NUL, else 0 */
};

/* the end of a ris line without features */
#define BAD_NONE	"features none partid-max 0 pmg-max 0\n"

#define BAD_NUL_TEXT	BAD_P "cache level 3\x00 id 0 cpus 0-7\n"

static const struct mpx_bad mpx_bad_cases[] = {
	{ "acpi locator HID",
	  BAD_PCMS "  ris index 0 loc acpi:AB/C:1 " BAD_NONE,
	  "line 5: loc: bad ACPI device 'AB/C:1'" },
	{ "acpi locator HID too long",
	  BAD_PCMS "  ris index 0 loc acpi:ABCDEFGHI:1 " BAD_NONE,
	  "line 5: loc: bad ACPI device 'ABCDEFGHI:1'" },
	{ "memcache level",
	  BAD_PCMS "  ris index 0 loc memcache:256:1 " BAD_NONE,
	  "line 5: loc memcache level 256 out of range 0..255" },
	{ "ris-max not above the ris",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b ris-max 2\n"
	  "  ris index 2 loc memory:0 " BAD_NONE,
	  "line 4: msc 0: ris-max 2 is not above ris index 2" },
	{ "ris-max range",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b ris-max 16\n"
	  BAD_R,
	  "line 4: ris-max 16 out of range 1..15" },
	{ "unknown prop",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b props idr64\n"
	  BAD_R,
	  "line 4: props: unknown property 'idr64'" },
	{ "prop twice",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b props idr32,idr32\n"
	  BAD_R,
	  "line 4: props: 'idr32' listed twice" },
	{ "idr32 with a RIS index",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b props idr32\n"
	  "  ris index 1 loc memory:0 " BAD_NONE,
	  "line 4: msc 0: idr32 allows only ris index 0" },
	{ "idr32 with ESR",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b props idr32\n"
	  "  ris index 0 loc memory:0 features esr partid-max 0 pmg-max 0\n",
	  "line 4: msc 0: idr32 allows no esr" },
	{ "power without an affinity",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b props power\n"
	  BAD_R,
	  "line 4: msc 0: power needs an affinity" },
	{ "affinity CPU",
	  BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0x43b affinity 9\n"
	  BAD_R,
	  "line 4: CPU 9 is not a valid CPU" },
	{ "empty", "", "empty description: no platform line" },
	{ "only comments", "# nothing\n\n  # here\n",
	  "empty description: no platform line" },
	{ "unknown line keyword", BAD_P "cash name t\n",
	  "line 2: unknown keyword 'cash'" },
	{ "unknown keyword", BAD_P "cache level 3 id 0 cpus 0-7 size 4\n",
	  "line 2: unknown keyword 'size' for cache" },
	{ "duplicate keyword", BAD_P "cache level 3 level 3 id 0 cpus 0-7\n",
	  "line 2: duplicate keyword 'level'" },
	{ "keyword without value", BAD_P "cache level 3 id 0 cpus\n",
	  "line 2: keyword 'cpus' has no value" },
	{ "missing keyword", BAD_P "cache level 3 cpus 0-7\n",
	  "line 2: missing keyword 'id'" },
	{ "missing name", "platform\n", "line 1: missing keyword 'name'" },
	{ "bad name", "platform name a/b\n", "line 1: name: bad platform name 'a/b'" },
	{ "long name", "platform name abcdefghijklmnopqrstuvwxyz012345\n",
	  "line 1: name: bad platform name" },
	{ "second platform", BAD_P BAD_P, "line 2: second platform line" },
	{ "cache before platform", BAD_C BAD_P,
	  "line 1: cache line before the platform line" },
	{ "ris before platform", BAD_R, "line 1: ris line before the platform line" },
	{ "order", BAD_P BAD_M BAD_C, "line 3: cache line after memory lines" },
	{ "memory after msc", BAD_PCMS BAD_R BAD_M, "line 6: memory line after msc lines" },
	{ "ris outside msc", BAD_P BAD_C BAD_M BAD_R, "line 4: ris line outside an msc" },
	{ "not a number", BAD_P "cache level three id 0 cpus 0-7\n",
	  "line 2: level: 'three' is not a number" },
	{ "negative", BAD_P "cache level -3 id 0 cpus 0-7\n",
	  "line 2: level: '-3' is not a number" },
	{ "bare 0x", BAD_P "cache level 0x id 0 cpus 0-7\n",
	  "line 2: level: '0x' is not a number" },
	{ "trailing garbage", BAD_P "cache level 3 id 12abc cpus 0-7\n",
	  "line 2: id: trailing garbage in '12abc'" },
	{ "trailing garbage hex", BAD_PCMS "ris index 0x1g " BAD_U,
	  "line 5: index: trailing garbage in '0x1g'" },
	{ "overflow", BAD_P "cache level 3 id 99999999999999999999 cpus 0-7\n",
	  "line 2: id: '99999999999999999999' overflows" },
	{ "overflow hex", BAD_P BAD_C BAD_M
	  "msc id 0 base 0x10000000000000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n",
	  "line 4: base: '0x10000000000000000' overflows" },
	{ "u32 range", BAD_P "cache level 3 id 4294967296 cpus 0-7\n",
	  "line 2: id 4294967296 out of range 0..4294967295" },
	{ "cache level 0", BAD_P "cache level 0 id 0 cpus 0-7\n",
	  "line 2: level 0 out of range 1..7" },
	{ "cache level 8", BAD_P "cache level 8 id 0 cpus 0-7\n",
	  "line 2: level 8 out of range 1..7" },
	{ "duplicate cache", BAD_P BAD_C BAD_C, "line 3: duplicate cache level 3 id 0" },
	{ "overlapping caches", BAD_P "cache level 2 id 4 cpus 0-1\ncache level 2 id 7 cpus 1-2\n",
	  "line 3: cache level 2 id 7 shares CPU 1 with cache level 2 id 4" },
	{ "cache without cpus", BAD_P "cache level 3 id 0 cpus none\n",
	  "line 2: cache level 3 id 0 has no CPUs" },
	{ "cpu not valid", BAD_P "cache level 3 id 0 cpus 0-8\n",
	  "line 2: CPU 8 is not a valid CPU" },
	{ "huge cpu", BAD_P "cache level 3 id 0 cpus 4000000000\n",
	  "line 2: CPU 4000000000 is not a valid CPU" },
	{ "cpu overflow", BAD_P "cache level 3 id 0 cpus 0-99999999999999999999\n",
	  "line 2: cpus: number overflows in '0-99999999999999999999'" },
	{ "reversed range", BAD_P "cache level 3 id 0 cpus 3-1\n",
	  "line 2: cpus: bad CPU list '3-1'" },
	{ "empty list item", BAD_P "cache level 3 id 0 cpus 0,,1\n",
	  "line 2: cpus: bad CPU list '0,,1'" },
	{ "list garbage", BAD_P "cache level 3 id 0 cpus 0-3x\n",
	  "line 2: cpus: bad CPU list '0-3x'" },
	{ "duplicate memory", BAD_P BAD_M "memory id 0 cpus none\n",
	  "line 3: duplicate memory id 0" },
	{ "overlapping memory", BAD_P "memory id 0 cpus 0-3\nmemory id 1 cpus 3-7\n",
	  "line 3: memory 1 shares CPU 3 with memory 0" },
	{ "duplicate msc", BAD_PCMS BAD_R
	  "msc id 0 base 0x20000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n",
	  "line 6: duplicate msc id 0" },
	{ "small msc", BAD_P BAD_C BAD_M
	  "msc id 3 base 0x10000000 size 0x2fff nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n" BAD_R,
	  "line 4: msc 3: size 0x2fff is smaller than 0x3000" },
	{ "msc wraps", BAD_P BAD_C BAD_M
	  "msc id 3 base 0xfffffffffffff000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n",
	  "line 4: msc 3: frame 0xfffffffffffff000+0x4000 wraps around" },
	{ "msc overlap", BAD_PCMS BAD_R
	  "msc id 1 base 0x10003000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n",
	  "line 6: msc 1: frame overlaps msc 0" },
	{ "aidr range", BAD_P BAD_C BAD_M
	  "msc id 0 base 0 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x100 iidr 0\n",
	  "line 4: aidr 256 out of range 0..255" },
	{ "msc without ris at end", BAD_PCMS, "line 4: msc 0 has no ris lines" },
	{ "msc without ris", BAD_PCMS
	  "msc id 1 base 0x20000000 size 0x4000 nrdy-us 10 err-irq 0 aidr 0x10 iidr 0\n" BAD_R,
	  "line 4: msc 0 has no ris lines" },
	{ "duplicate ris", BAD_PCMS BAD_R BAD_R, "line 6: msc 0: duplicate ris index 0" },
	{ "17 ris", BAD_PCMS BAD_16R "ris index 3 " BAD_U,
	  "line 21: msc 0 has more than 16 ris" },
	{ "ris index 16", BAD_PCMS "ris index 16 " BAD_U,
	  "line 5: index 16 out of range 0..15" },
	{ "missing features", BAD_PCMS "ris index 0 loc unknown partid-max 0 pmg-max 0\n",
	  "line 5: missing keyword 'features'" },
	{ "missing partid-max", BAD_PCMS BAD_RIS "features none pmg-max 0\n",
	  "line 5: missing keyword 'partid-max'" },
	{ "bad locator", BAD_PCMS "ris index 0 loc l3 features none partid-max 0 pmg-max 0\n",
	  "line 5: loc: bad locator 'l3'" },
	{ "locator cache level", BAD_PCMS
	  "ris index 0 loc cache:9:0 features none partid-max 0 pmg-max 0\n",
	  "line 5: loc cache level 9 out of range 1..7" },
	{ "undescribed cache", BAD_PCMS
	  "ris index 2 loc cache:3:7 features none partid-max 0 pmg-max 0\n",
	  "line 5: msc 0 ris 2: locator names cache level 3 id 7, which is not described" },
	{ "undescribed memory", BAD_PCMS
	  "ris index 1 loc memory:5 features none partid-max 0 pmg-max 0\n",
	  "line 5: msc 0 ris 1: locator names memory 5, which is not described" },
	{ "unknown feature", BAD_PCMS BAD_RIS "features cpbm partid-max 0 pmg-max 0\n",
	  "line 5: features: unknown feature 'cpbm'" },
	{ "feature twice", BAD_PCMS BAD_RIS
	  "features cpor,csu,cpor partid-max 0 pmg-max 0 cpbm-wd 1 csu-mon 1\n",
	  "line 5: features: 'cpor' listed twice" },
	{ "none and more", BAD_PCMS BAD_RIS "features none,cpor partid-max 0 pmg-max 0\n",
	  "line 5: features: 'none' with other features" },
	{ "feature needs feature", BAD_PCMS BAD_RIS
	  "features cmax-softlim partid-max 0 pmg-max 0\n",
	  "line 5: msc 0 ris 0: feature cmax-softlim needs feature cmax" },
	{ "winwd needs mbw", BAD_PCMS BAD_RIS "features mbw-winwd partid-max 0 pmg-max 0\n",
	  "line 5: msc 0 ris 0: feature mbw-winwd needs feature mbw-min/mbw-max/mbw-pbm/mbw-prop" },
	{ "cpor width 0", BAD_PCMS BAD_RIS "features cpor partid-max 0 pmg-max 0 cpbm-wd 0\n",
	  "line 5: cpbm-wd 0 out of range 1..32768" },
	{ "cpor without width", BAD_PCMS BAD_RIS
	  "features cpor,csu partid-max 0 pmg-max 0 csu-mon 2\n",
	  "line 5: msc 0 ris 0: feature cpor needs cpbm-wd" },
	{ "width without feature", BAD_PCMS BAD_RIS
	  "features csu partid-max 0 pmg-max 0 cpbm-wd 16 csu-mon 2\n",
	  "line 5: msc 0 ris 0: cpbm-wd given without feature cpor" },
	{ "bwa without mbw", BAD_PCMS BAD_RIS
	  "features cpor partid-max 0 pmg-max 0 cpbm-wd 1 bwa-wd 8\n",
	  "line 5: msc 0 ris 0: bwa-wd given without feature mbw-min/mbw-max/mbw-prop" },
	{ "mbw-max without bwa", BAD_PCMS BAD_RIS "features mbw-max partid-max 0 pmg-max 0\n",
	  "line 5: msc 0 ris 0: feature mbw-max needs bwa-wd" },
	{ "bwa 0", BAD_PCMS BAD_RIS "features mbw-min partid-max 0 pmg-max 0 bwa-wd 0\n",
	  "line 5: bwa-wd 0 out of range 1..16" },
	{ "bwa 17", BAD_PCMS BAD_RIS "features mbw-max partid-max 0 pmg-max 0 bwa-wd 17\n",
	  "line 5: bwa-wd 17 out of range 1..16" },
	{ "cpbm 32769", BAD_PCMS BAD_RIS "features cpor partid-max 0 pmg-max 0 cpbm-wd 32769\n",
	  "line 5: cpbm-wd 32769 out of range 1..32768" },
	{ "partid-max 65536", BAD_PCMS BAD_RIS "features none partid-max 65536 pmg-max 0\n",
	  "line 5: partid-max 65536 out of range 0..65535" },
	{ "pmg-max 256", BAD_PCMS BAD_RIS "features none partid-max 0 pmg-max 256\n",
	  "line 5: pmg-max 256 out of range 0..255" },
	{ "csu without monitors", BAD_PCMS BAD_RIS
	  "features csu partid-max 0 pmg-max 0 csu-mon 0\n",
	  "line 5: csu-mon 0 out of range 1..65535" },
	{ "mbwu width", BAD_PCMS BAD_RIS
	  "features mbwu partid-max 0 pmg-max 0 mbwu-mon 1 mbwu-width 32\n",
	  "line 5: msc 0 ris 0: mbwu-width 32 must be 31, 44 or 63" },
	{ "mbwu without width", BAD_PCMS BAD_RIS
	  "features mbwu partid-max 0 pmg-max 0 mbwu-mon 1\n",
	  "line 5: msc 0 ris 0: feature mbwu needs mbwu-width" },
	{ "intpartid over partid", BAD_PCMS BAD_RIS
	  "features partid-nrw partid-max 63 pmg-max 0 intpartid-max 64\n",
	  "line 5: msc 0 ris 0: intpartid-max 64 exceeds partid-max 63" },
	{ "control character", BAD_P "cache level 3\x01 id 0 cpus 0-7\n",
	  "line 2: control character 0x01" },
	{ "nul byte", BAD_NUL_TEXT, "line 2: control character 0x00", sizeof(BAD_NUL_TEXT) - 1 },
};

static void mpx_bad_desc(const struct mpx_bad *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(mpx_bad, mpx_bad_cases, mpx_bad_desc);

static void mpx_test_bad(struct kunit *test)
{
	const struct mpx_bad *c = test->param_value;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;

	p = mpam_ext_platform_parse(c->text, c->len ? c->len : strlen(c->text),
				    mpx_test_cpus_0_7(test),
				    err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	if (!IS_ERR(p))
		mpam_ext_platform_free(p);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err, c->msg), "message: %s", err);
}

/* A text buffer of @room bytes, freed with the test */
static char *mpx_test_buf(struct kunit *test, size_t room)
{
	char *text = vmalloc(room);

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, mpx_test_vfree, text));
	return text;
}

/* As many memory nodes as allowed, then one more */
static void mpx_test_max_mems(struct kunit *test)
{
	const unsigned int max = MPAM_EXT_PLATFORM_MAX_MEMS;
	size_t room = 32 + (max + 1) * 32, len;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	char *text = mpx_test_buf(test, room);
	struct mpam_ext_platform *p;
	unsigned int i;

	len = scnprintf(text, room, "platform name big\n");
	for (i = 0; i < max; i++)
		len += scnprintf(text + len, room - len, "memory id %u cpus none\n", i);
	p = mpam_ext_platform_parse(text, len, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "%s", err);
	KUNIT_EXPECT_EQ(test, p->nr_mems, max);
	KUNIT_EXPECT_EQ(test, p->mems[max - 1].id, max - 1);
	mpam_ext_platform_free(p);

	len += scnprintf(text + len, room - len, "memory id %u cpus none\n", i);
	p = mpam_ext_platform_parse(text, len, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 1026: more than 1024 memory nodes");
}

/* As many MSCs as allowed (each with a RIS), then one more */
static void mpx_test_max_mscs(struct kunit *test)
{
	static const char fmt[] =
		"msc id %u base 0x%x size 0x4000 nrdy-us 0 err-irq 0 aidr 0x10 iidr 0\n"
		"ris index 0 loc unknown features none partid-max 0 pmg-max 0\n";
	const unsigned int max = MPAM_EXT_PLATFORM_MAX_MSCS;
	size_t room = 32 + (max + 1) * sizeof(fmt) * 2, len;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	char *text = mpx_test_buf(test, room);
	struct mpam_ext_platform *p;
	unsigned int i;
	char *again;

	len = scnprintf(text, room, "platform name big\n");
	for (i = 0; i < max; i++)
		len += scnprintf(text + len, room - len, fmt, i, i << 16);
	p = mpam_ext_platform_parse(text, len, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(p), "%s", err);
	KUNIT_EXPECT_EQ(test, p->nr_mscs, max);
	KUNIT_EXPECT_EQ(test, p->mscs[max - 1].base, (u64)(max - 1) << 16);
	/* the largest platform prints and parses back too */
	again = mpam_ext_platform_print(p);
	KUNIT_EXPECT_NOT_NULL(test, again);
	if (again) {
		struct mpam_ext_platform *q;

		q = mpam_ext_platform_parse(again, strlen(again), mpx_test_mask(test, 0, 0),
					    err, sizeof(err));
		KUNIT_EXPECT_TRUE_MSG(test, mpam_ext_platform_equal(p, IS_ERR(q) ? NULL : q),
				      "%s", err);
		if (!IS_ERR(q))
			mpam_ext_platform_free(q);
		kfree(again);
	}
	mpam_ext_platform_free(p);

	len += scnprintf(text + len, room - len, fmt, i, i << 16);
	p = mpam_ext_platform_parse(text, len, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 2050: more than 1024 mscs");
}

static void mpx_test_long_line(struct kunit *test)
{
	const size_t max = MPAM_EXT_PLATFORM_MAX_LINE;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	char *text = mpx_test_buf(test, max + 64);
	struct mpam_ext_platform *p;
	size_t len;

	/* a line of exactly the limit is read (and found to be one long word) */
	len = scnprintf(text, max + 64, "platform name t\n");
	memset(text + len, 'x', max);
	p = mpam_ext_platform_parse(text, len + max, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(err, "line 2: unknown keyword 'xxxx"), "%s", err);

	text[len + max] = 'x';
	p = mpam_ext_platform_parse(text, len + max + 1, mpx_test_mask(test, 0, 0),
				    err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 2: longer than 16384 characters");
}

static void mpx_test_too_big(struct kunit *test)
{
	const size_t max = MPAM_EXT_PLATFORM_MAX_TEXT;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	char *text = mpx_test_buf(test, max + 1);
	struct mpam_ext_platform *p;
	size_t i;

	/* the platform line, then comment lines of 8 KiB */
	memcpy(text, "platform name t\n", 16);
	for (i = 16; i <= max; i++)
		text[i] = (i - 16) % 8192 == 0 ? '#' : (i - 16) % 8192 == 8191 ? '\n' : 'x';
	p = mpam_ext_platform_parse(text, max, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(p), "%s", err);
	if (!IS_ERR(p))
		mpam_ext_platform_free(p);
	p = mpam_ext_platform_parse(text, max + 1, mpx_test_mask(test, 0, 0), err, sizeof(err));
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err,
			   "description of 1048577 bytes is over the limit of 1048576 bytes");
}

/* Small or missing message buffers are never overrun */
static void mpx_plat_test_err_buffer(struct kunit *test)
{
	static const char bad[] = "platform name t\ncache level 9 id 0 cpus 0\n";
	const struct cpumask *valid = mpx_test_mask(test, 0, 0);
	struct mpam_ext_platform *p;
	char *err = kunit_kzalloc(test, 8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, err);
	p = mpam_ext_platform_parse(bad, sizeof(bad) - 1, valid, NULL, 0);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	p = mpam_ext_platform_parse(bad, sizeof(bad) - 1, valid, err, 1);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "");
	p = mpam_ext_platform_parse(bad, sizeof(bad) - 1, valid, err, 8);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "line 2:");
	p = mpam_ext_platform_parse(NULL, 0, valid, err, 8);
	KUNIT_EXPECT_EQ(test, PTR_ERR(p), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "empty d");
}

/* Names that could leave the mpam_ext firmware directory are refused */
static void mpx_test_firmware_names(struct kunit *test)
{
	static const char * const bad[] = {
		"", "..", "../tiny", "a/b", "/etc/passwd", "tiny/", "a..b", "with space",
		"abcdefghijklmnopqrstuvwxyz012345",
	};
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p = ERR_PTR(-EFAULT);
	unsigned int i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		ret = mpam_ext_platform_load_firmware(bad[i], NULL, &p, err, sizeof(err));
		KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "name '%s'", bad[i]);
		KUNIT_EXPECT_NULL(test, p);
		KUNIT_EXPECT_NOT_NULL(test, strstr(err, "bad platform name"));
	}
	ret = mpam_ext_platform_load_firmware(NULL, NULL, &p, err, sizeof(err));
	KUNIT_EXPECT_EQ(test, ret, -EINVAL);

	/* a good name without a file: the loader's error, and the file named */
	ret = mpam_ext_platform_load_firmware("mpx-kunit-no-such-file", NULL, &p,
					      err, sizeof(err));
	KUNIT_EXPECT_LT(test, ret, 0);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_NOT_NULL_MSG(test,
				  strstr(err, "mpam_ext/mpx-kunit-no-such-file.platform"),
				  "%s", err);
}

static struct kunit_case mpx_platform_reject_cases[] = {
	KUNIT_CASE_PARAM(mpx_test_bad, mpx_bad_gen_params),
	KUNIT_CASE(mpx_test_max_mems),
	KUNIT_CASE(mpx_test_max_mscs),
	KUNIT_CASE(mpx_test_long_line),
	KUNIT_CASE(mpx_test_too_big),
	KUNIT_CASE(mpx_plat_test_err_buffer),
	KUNIT_CASE(mpx_test_firmware_names),
	{}
};

static struct kunit_suite mpx_platform_reject_suite = {
	.name = "mpam_ext_platform_reject",
	.test_cases = mpx_platform_reject_cases,
};

kunit_test_suites(&mpx_platform_suite, &mpx_platform_reject_suite);
