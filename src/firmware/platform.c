// SPDX-License-Identifier: GPL-2.0
/*
 * Platform descriptions as text: the parser, the printer, comparison and,
 * in the last section of this file, loading a description through the
 * firmware loader.
 *
 * Everything before that last section uses only memory allocation, string,
 * formatting and cpumask helpers, so that it can also be built in user space
 * (with a few stand-in headers) and fuzzed there. The format is described in
 * docs/platform-format.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitops.h>
#include <linux/build_bug.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include <linux/string.h>
#ifdef __KERNEL__
#include <linux/firmware.h>
#include <linux/module.h>
#include <linux/printk.h>
#endif

#include <mpam_ext/compat.h>

#include <mpam_ext/firmware/platform.h>
#include <mpam_ext/regs.h>

/* Largest cache level a description may name */
#define MPX_MAX_CACHE_LEVEL	7

/* What a line may be, in the order the lines must come */
enum mpx_stage {
	MPX_STAGE_START,	/* nothing seen yet */
	MPX_STAGE_PLATFORM,
	MPX_STAGE_CACHE,
	MPX_STAGE_MEMORY,
	MPX_STAGE_MSC,		/* msc lines and their ris lines */
};

/**
 * struct mpx_feature - how a hardware feature is written.
 * @name:	its word in a "features" list
 * @needs:	features of which at least one must be present with it, or 0
 */
struct mpx_feature {
	const char *name;
	unsigned long needs;
};

#define MPX_F(f)	BIT(MPAM_EXT_HW_##f)

static const struct mpx_feature mpx_features[MPAM_EXT_HW_NR_FEATURES] = {
	[MPAM_EXT_HW_CPOR]		= { "cpor" },
	[MPAM_EXT_HW_CMAX]		= { "cmax" },
	[MPAM_EXT_HW_CMIN]		= { "cmin" },
	[MPAM_EXT_HW_CMAX_SOFTLIM]	= { "cmax-softlim", MPX_F(CMAX) },
	[MPAM_EXT_HW_CASSOC]		= { "cassoc" },
	[MPAM_EXT_HW_MBW_MIN]		= { "mbw-min" },
	[MPAM_EXT_HW_MBW_MAX]		= { "mbw-max" },
	[MPAM_EXT_HW_MBW_PBM]		= { "mbw-pbm" },
	[MPAM_EXT_HW_MBW_PROP]		= { "mbw-prop" },
	[MPAM_EXT_HW_MBW_WINWD]		= { "mbw-winwd",
					    MPX_F(MBW_MIN) | MPX_F(MBW_MAX) |
					    MPX_F(MBW_PBM) | MPX_F(MBW_PROP) },
	[MPAM_EXT_HW_INTPRI]		= { "intpri" },
	[MPAM_EXT_HW_INTPRI_0_IS_LOW]	= { "intpri-0-is-low", MPX_F(INTPRI) },
	[MPAM_EXT_HW_DSPRI]		= { "dspri" },
	[MPAM_EXT_HW_DSPRI_0_IS_LOW]	= { "dspri-0-is-low", MPX_F(DSPRI) },
	[MPAM_EXT_HW_PARTID_NRW]	= { "partid-nrw" },
	[MPAM_EXT_HW_CSU]		= { "csu" },
	[MPAM_EXT_HW_MBWU]		= { "mbwu" },
	[MPAM_EXT_HW_MBWU_RWBW]		= { "mbwu-rwbw", MPX_F(MBWU) },
	[MPAM_EXT_HW_ESR]		= { "esr" },
	[MPAM_EXT_HW_EXTD_ESR]		= { "extd-esr", MPX_F(ESR) },
};

static_assert(MPAM_EXT_HW_NR_FEATURES <= BITS_PER_LONG);

/* The numbers of struct mpam_ext_ris_hw, in the order a ris line has them */
enum mpx_hw_num {
	MPX_HW_PARTID_MAX,
	MPX_HW_PMG_MAX,
	MPX_HW_INTPARTID_MAX,
	MPX_HW_CPBM_WD,
	MPX_HW_CMAX_WD,
	MPX_HW_CASSOC_WD,
	MPX_HW_BWA_WD,
	MPX_HW_MBW_PBM_BITS,
	MPX_HW_INTPRI_WD,
	MPX_HW_DSPRI_WD,
	MPX_HW_NUM_CSU_MON,
	MPX_HW_NUM_MBWU_MON,
	MPX_HW_MBWU_WIDTH,
	MPX_HW_NR
};

/**
 * struct mpx_hw_field - how a number of struct mpam_ext_ris_hw is written.
 * @needs:	features of which one makes the number required (and allowed);
 *		0 for a number every ris line has
 * @min:	smallest value
 * @max:	largest value
 *
 * The keyword of number i is mpx_ris_keys[MPX_RIS_NR_FIXED + i].
 */
struct mpx_hw_field {
	unsigned long needs;
	u32 min;
	u32 max;
};

static const struct mpx_hw_field mpx_hw_fields[MPX_HW_NR] = {
	[MPX_HW_PARTID_MAX]	= { 0, 0, 65535 },
	[MPX_HW_PMG_MAX]	= { 0, 0, 255 },
	[MPX_HW_INTPARTID_MAX]	= { MPX_F(PARTID_NRW), 0, 65535 },
	[MPX_HW_CPBM_WD]	= { MPX_F(CPOR), 1, 32768 },
	[MPX_HW_CMAX_WD]	= { MPX_F(CMAX) | MPX_F(CMIN), 1, 16 },
	[MPX_HW_CASSOC_WD]	= { MPX_F(CASSOC), 1, 16 },
	[MPX_HW_BWA_WD]		= { MPX_F(MBW_MIN) | MPX_F(MBW_MAX) | MPX_F(MBW_PROP), 1, 16 },
	[MPX_HW_MBW_PBM_BITS]	= { MPX_F(MBW_PBM), 1, 4096 },
	[MPX_HW_INTPRI_WD]	= { MPX_F(INTPRI), 1, 16 },
	[MPX_HW_DSPRI_WD]	= { MPX_F(DSPRI), 1, 16 },
	[MPX_HW_NUM_CSU_MON]	= { MPX_F(CSU), 1, 65535 },
	[MPX_HW_NUM_MBWU_MON]	= { MPX_F(MBWU), 1, 65535 },
	[MPX_HW_MBWU_WIDTH]	= { MPX_F(MBWU), 31, 63 },
};

/* Keywords of each kind of line, in the order the printer writes them */
static const char * const mpx_platform_keys[] = { "name" };
static const char * const mpx_cache_keys[] = { "level", "id", "cpus" };
static const char * const mpx_mem_keys[] = { "id", "cpus" };
static const char * const mpx_msc_keys[] = {
	"id", "base", "size", "nrdy-us", "err-irq", "aidr", "iidr", "affinity",
	"ris-max", "props",
};

/* Names of enum mpam_ext_msc_prop, in the order the printer writes them */
static const char * const mpx_plat_prop_names[MPAM_EXT_MSC_NR_PROPS] = {
	[MPAM_EXT_MSC_ACCESS32]	= "access32",
	[MPAM_EXT_MSC_IDR32]	= "idr32",
	[MPAM_EXT_MSC_SW_NRDY]	= "sw-nrdy",
	[MPAM_EXT_MSC_CSU_WR]	= "csu-wr",
	[MPAM_EXT_MSC_ERR_EDGE]	= "err-edge",
	[MPAM_EXT_MSC_POWER]	= "power",
};

/* Keywords of an msc line every msc line has; the others are optional */
#define MPX_MSC_NR_REQUIRED	7

static const char * const mpx_ris_keys[] = {
	"index", "loc", "features",
	"partid-max", "pmg-max", "intpartid-max", "cpbm-wd", "cmax-wd",
	"cassoc-wd", "bwa-wd", "mbw-pbm-wd", "intpri-wd", "dspri-wd",
	"csu-mon", "mbwu-mon", "mbwu-width",
};

/* Keywords before the numbers of mpx_hw_fields[] on a ris line */
#define MPX_RIS_NR_FIXED	3
#define MPX_RIS_NR_KEYS		ARRAY_SIZE(mpx_ris_keys)

static_assert(MPX_RIS_NR_FIXED + MPX_HW_NR == ARRAY_SIZE(mpx_ris_keys));

/**
 * struct mpx_parser - state of one parse.
 * @text:	the description
 * @len:	its length
 * @pos:	offset of the next line in @text
 * @line:	number of the current line, from 1; 0 before the first line
 * @cur:	where the next word of @buf starts
 * @valid:	CPUs a description may name
 * @err:	caller's message buffer, or NULL
 * @err_len:	its size
 * @p:		the platform being built
 * @cap_caches:	room in @p->caches
 * @cap_mems:	room in @p->mems
 * @cap_mscs:	room in @p->mscs
 * @stage:	kind of the last line (enum mpx_stage)
 * @msc_line:	line of the last msc line
 * @level_cpus:	CPUs of all caches so far, per level
 * @mem_cpus:	CPUs of all memory nodes so far
 * @buf:	the current line without its comment, NUL-terminated
 */
struct mpx_parser {
	const char *text;
	size_t len;
	size_t pos;
	unsigned int line;
	char *cur;
	const struct cpumask *valid;
	char *err;
	size_t err_len;
	struct mpam_ext_platform *p;
	unsigned int cap_caches;
	unsigned int cap_mems;
	unsigned int cap_mscs;
	enum mpx_stage stage;
	unsigned int msc_line;
	struct cpumask level_cpus[MPX_MAX_CACHE_LEVEL + 1];
	struct cpumask mem_cpus;
	char buf[];
};

/* Record "line N: <problem>" (no prefix before the first line) */
static __printf(2, 3) int mpx_err(struct mpx_parser *ps, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;

	if (!ps->err || !ps->err_len)
		return -EINVAL;
	if (ps->line)
		n = scnprintf(ps->err, ps->err_len, "line %u: ", ps->line);
	va_start(ap, fmt);
	vsnprintf(ps->err + n, ps->err_len - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/*
 * Make the next line of the text current. Return: 1 when there is one, 0
 * at the end of the text, -EINVAL for a line that cannot be read.
 */
static int mpx_next_line(struct mpx_parser *ps)
{
	const char *start, *nl;
	size_t n, i;

	if (ps->pos >= ps->len)
		return 0;
	start = ps->text + ps->pos;
	nl = memchr(start, '\n', ps->len - ps->pos);
	n = nl ? (size_t)(nl - start) : ps->len - ps->pos;
	ps->pos += n + (nl ? 1 : 0);
	ps->line++;
	if (n > MPAM_EXT_PLATFORM_MAX_LINE)
		return mpx_err(ps, "longer than %u characters",
			       MPAM_EXT_PLATFORM_MAX_LINE);

	for (i = 0; i < n; i++) {
		unsigned char c = start[i];

		if (c == '#')
			break;
		if (c == '\t' || c == '\r')
			c = ' ';
		else if (c < 0x20 || c == 0x7f)
			return mpx_err(ps, "control character 0x%02x", c);
		ps->buf[i] = c;
	}
	ps->buf[i] = '\0';
	ps->cur = ps->buf;
	return 1;
}

/* The next space-separated word of the current line, or NULL */
static char *mpx_word(struct mpx_parser *ps)
{
	char *s = ps->cur, *w;

	while (*s == ' ')
		s++;
	if (!*s) {
		ps->cur = s;
		return NULL;
	}
	w = s;
	while (*s && *s != ' ')
		s++;
	if (*s)
		*s++ = '\0';
	ps->cur = s;
	return w;
}

static unsigned int mpx_key_index(const char * const *keys, unsigned int nkeys,
				  const char *word)
{
	unsigned int i;

	for (i = 0; i < nkeys; i++)
		if (!strcmp(keys[i], word))
			break;
	return i;
}

/*
 * Read the keyword/value pairs of the rest of the line into @vals (indexed
 * like @keys; NULL for a keyword not given).
 */
static int mpx_collect(struct mpx_parser *ps, const char *what,
		       const char * const *keys, unsigned int nkeys, char **vals)
{
	unsigned int i;
	char *word;

	for (i = 0; i < nkeys; i++)
		vals[i] = NULL;
	while ((word = mpx_word(ps))) {
		i = mpx_key_index(keys, nkeys, word);
		if (i == nkeys)
			return mpx_err(ps, "unknown keyword '%.32s' for %s", word, what);
		if (vals[i])
			return mpx_err(ps, "duplicate keyword '%s'", keys[i]);
		vals[i] = mpx_word(ps);
		if (!vals[i])
			return mpx_err(ps, "keyword '%s' has no value", keys[i]);
	}
	return 0;
}

/* Fail unless the first @nr keywords of @keys were all given */
static int mpx_require(struct mpx_parser *ps, const char * const *keys,
		       char **vals, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (!vals[i])
			return mpx_err(ps, "missing keyword '%s'", keys[i]);
	return 0;
}

static bool mpx_digit(char c, unsigned int base, unsigned int *d)
{
	if (c >= '0' && c <= '9')
		*d = c - '0';
	else if (base == 16 && c >= 'a' && c <= 'f')
		*d = c - 'a' + 10;
	else if (base == 16 && c >= 'A' && c <= 'F')
		*d = c - 'A' + 10;
	else
		return false;
	return true;
}

/*
 * Convert the decimal or 0x-hexadecimal @s, which must be all digits. Return:
 * 0, -EINVAL when it does not start with a digit, -EILSEQ when something
 * else follows the digits, -ERANGE when it does not fit in 64 bits.
 */
static int mpx_strtou64(const char *s, u64 *out)
{
	unsigned int base = 10, d;
	u64 v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!mpx_digit(*s, base, &d))
		return -EINVAL;
	for (; *s; s++) {
		if (!mpx_digit(*s, base, &d))
			return -EILSEQ;
		if (v > (U64_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

/* Convert the value of keyword @key and check that it is in [@min, @max] */
static int mpx_plat_num(struct mpx_parser *ps, const char *key, const char *s,
			u64 min, u64 max, u64 *out)
{
	int ret = mpx_strtou64(s, out);

	if (ret == -EINVAL)
		return mpx_err(ps, "%s: '%.32s' is not a number", key, s);
	if (ret == -EILSEQ)
		return mpx_err(ps, "%s: trailing garbage in '%.32s'", key, s);
	if (ret == -ERANGE)
		return mpx_err(ps, "%s: '%.32s' overflows", key, s);
	if (*out < min || *out > max)
		return mpx_err(ps, "%s %llu out of range %llu..%llu", key,
			       (unsigned long long)*out, (unsigned long long)min,
			       (unsigned long long)max);
	return 0;
}

static int mpx_num32(struct mpx_parser *ps, const char *key, const char *s,
		     u32 min, u32 max, u32 *out)
{
	u64 v;
	int ret = mpx_plat_num(ps, key, s, min, max, &v);

	if (!ret)
		*out = v;
	return ret;
}

/* Read one decimal number of the CPU list @list at *@s, and step over it */
static int mpx_cpu_number(struct mpx_parser *ps, const char *list,
			  const char **s, u64 *v)
{
	unsigned int d;

	*v = 0;
	if (!mpx_digit(**s, 10, &d))
		return mpx_err(ps, "cpus: bad CPU list '%.32s'", list);
	for (; mpx_digit(**s, 10, &d); (*s)++) {
		if (*v > (U64_MAX - d) / 10)
			return mpx_err(ps, "cpus: number overflows in '%.32s'", list);
		*v = *v * 10 + d;
	}
	return 0;
}

/* Parse a CPU list: "none", or items "N" and "N-M" separated by commas */
static int mpx_plat_cpus(struct mpx_parser *ps, const char *list,
			 struct cpumask *mask)
{
	const char *s = list;
	u64 a, b, cpu;
	int ret;

	cpumask_clear(mask);
	if (!strcmp(list, "none"))
		return 0;
	for (;;) {
		ret = mpx_cpu_number(ps, list, &s, &a);
		if (ret)
			return ret;
		b = a;
		if (*s == '-') {
			s++;
			ret = mpx_cpu_number(ps, list, &s, &b);
			if (ret)
				return ret;
			if (b < a)
				return mpx_err(ps, "cpus: bad CPU list '%.32s'", list);
		}
		/* stops at the first CPU that may not be named */
		for (cpu = a; cpu <= b; cpu++) {
			if (cpu >= nr_cpu_ids || !cpumask_test_cpu(cpu, ps->valid))
				return mpx_err(ps, "CPU %llu is not a valid CPU",
					       (unsigned long long)cpu);
			cpumask_set_cpu(cpu, mask);
		}
		if (!*s)
			return 0;
		if (*s != ',')
			return mpx_err(ps, "cpus: bad CPU list '%.32s'", list);
		s++;
	}
}

static const char *mpx_stage_name(enum mpx_stage stage)
{
	switch (stage) {
	case MPX_STAGE_CACHE:
		return "cache";
	case MPX_STAGE_MEMORY:
		return "memory";
	case MPX_STAGE_MSC:
		return "msc";
	default:
		return "platform";
	}
}

/*
 * Check that a line of kind @stage may come now: after the platform line,
 * and not after lines of a later kind.
 */
static int mpx_order(struct mpx_parser *ps, enum mpx_stage stage)
{
	if (ps->stage == MPX_STAGE_START)
		return mpx_err(ps, "%s line before the platform line",
			       mpx_stage_name(stage));
	if (ps->stage > stage)
		return mpx_err(ps,
			       "%s line after %s lines (the order is platform, cache, memory, msc)",
			       mpx_stage_name(stage), mpx_stage_name(ps->stage));
	ps->stage = stage;
	return 0;
}

static bool mpx_name_ok(const char *name)
{
	size_t n = strlen(name), i;

	if (!n || n >= MPAM_EXT_NAME_LEN)
		return false;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

static int mpx_platform_line(struct mpx_parser *ps)
{
	char *vals[ARRAY_SIZE(mpx_platform_keys)];
	int ret;

	if (ps->stage != MPX_STAGE_START)
		return mpx_err(ps, "second platform line");
	ret = mpx_collect(ps, "platform", mpx_platform_keys,
			  ARRAY_SIZE(mpx_platform_keys), vals);
	if (!ret)
		ret = mpx_require(ps, mpx_platform_keys, vals,
				  ARRAY_SIZE(mpx_platform_keys));
	if (ret)
		return ret;
	if (!mpx_name_ok(vals[0]))
		return mpx_err(ps, "name: bad platform name '%.32s' (1 to %u of a-z A-Z 0-9 . _ -)",
			       vals[0], MPAM_EXT_NAME_LEN - 1);
	strscpy(ps->p->name, vals[0], sizeof(ps->p->name));
	ps->stage = MPX_STAGE_PLATFORM;
	return 0;
}

static int mpx_cache_line(struct mpx_parser *ps)
{
	struct mpam_ext_platform *p = ps->p;
	char *vals[ARRAY_SIZE(mpx_cache_keys)];
	struct mpam_ext_cache_desc *c;
	unsigned int i;
	u32 level, id;
	int ret;

	ret = mpx_order(ps, MPX_STAGE_CACHE);
	if (ret)
		return ret;
	if (p->nr_caches >= ps->cap_caches)
		return mpx_err(ps, "more than %u caches", MPAM_EXT_PLATFORM_MAX_CACHES);
	ret = mpx_collect(ps, "cache", mpx_cache_keys, ARRAY_SIZE(mpx_cache_keys), vals);
	if (!ret)
		ret = mpx_require(ps, mpx_cache_keys, vals, ARRAY_SIZE(mpx_cache_keys));
	if (!ret)
		ret = mpx_num32(ps, "level", vals[0], 1, MPX_MAX_CACHE_LEVEL, &level);
	if (!ret)
		ret = mpx_num32(ps, "id", vals[1], 0, U32_MAX, &id);
	if (ret)
		return ret;

	for (i = 0; i < p->nr_caches; i++)
		if (p->caches[i].level == level && p->caches[i].id == id)
			return mpx_err(ps, "duplicate cache level %u id %u", level, id);

	c = &p->caches[p->nr_caches];
	ret = mpx_plat_cpus(ps, vals[2], &c->cpus);
	if (ret)
		return ret;
	if (cpumask_empty(&c->cpus))
		return mpx_err(ps, "cache level %u id %u has no CPUs", level, id);
	if (cpumask_intersects(&c->cpus, &ps->level_cpus[level])) {
		for (i = 0; i < p->nr_caches; i++) {
			const struct mpam_ext_cache_desc *o = &p->caches[i];

			if (o->level == level && cpumask_intersects(&o->cpus, &c->cpus))
				return mpx_err(ps,
					       "cache level %u id %u shares CPU %u with cache level %u id %u",
					       level, id,
					       cpumask_first_and(&o->cpus, &c->cpus),
					       level, o->id);
		}
	}
	cpumask_or(&ps->level_cpus[level], &ps->level_cpus[level], &c->cpus);
	c->level = level;
	c->id = id;
	p->nr_caches++;
	return 0;
}

static int mpx_mem_line(struct mpx_parser *ps)
{
	struct mpam_ext_platform *p = ps->p;
	char *vals[ARRAY_SIZE(mpx_mem_keys)];
	struct mpam_ext_mem_desc *m;
	unsigned int i;
	u32 id;
	int ret;

	ret = mpx_order(ps, MPX_STAGE_MEMORY);
	if (ret)
		return ret;
	if (p->nr_mems >= ps->cap_mems)
		return mpx_err(ps, "more than %u memory nodes", MPAM_EXT_PLATFORM_MAX_MEMS);
	ret = mpx_collect(ps, "memory", mpx_mem_keys, ARRAY_SIZE(mpx_mem_keys), vals);
	if (!ret)
		ret = mpx_require(ps, mpx_mem_keys, vals, ARRAY_SIZE(mpx_mem_keys));
	if (!ret)
		ret = mpx_num32(ps, "id", vals[0], 0, U32_MAX, &id);
	if (ret)
		return ret;

	for (i = 0; i < p->nr_mems; i++)
		if (p->mems[i].id == id)
			return mpx_err(ps, "duplicate memory id %u", id);

	m = &p->mems[p->nr_mems];
	ret = mpx_plat_cpus(ps, vals[1], &m->cpus);
	if (ret)
		return ret;
	if (cpumask_intersects(&m->cpus, &ps->mem_cpus)) {
		for (i = 0; i < p->nr_mems; i++) {
			const struct mpam_ext_mem_desc *o = &p->mems[i];

			if (cpumask_intersects(&o->cpus, &m->cpus))
				return mpx_err(ps, "memory %u shares CPU %u with memory %u",
					       id, cpumask_first_and(&o->cpus, &m->cpus),
					       o->id);
		}
	}
	cpumask_or(&ps->mem_cpus, &ps->mem_cpus, &m->cpus);
	m->id = id;
	p->nr_mems++;
	return 0;
}

/*
 * The msc line before the current one must have had ris lines, and its
 * ris-max, when given, must be above every index they use.
 */
static int mpx_msc_done(struct mpx_parser *ps)
{
	const struct mpam_ext_platform *p = ps->p;
	const struct mpam_ext_msc_desc *msc;
	unsigned int r;

	if (ps->stage != MPX_STAGE_MSC)
		return 0;
	msc = &p->mscs[p->nr_mscs - 1];
	for (r = 0; msc->ris_max && r < msc->nr_ris; r++) {
		if (msc->ris[r].idx < msc->ris_max)
			continue;
		ps->line = ps->msc_line;
		return mpx_err(ps, "msc %u: ris-max %u is not above ris index %u",
			       msc->id, msc->ris_max, msc->ris[r].idx);
	}
	if (!msc->nr_ris) {
		ps->line = ps->msc_line;
		return mpx_err(ps, "msc %u has no ris lines", msc->id);
	}
	/* A power domain is the CPUs that reach the MSC */
	if ((msc->props & BIT(MPAM_EXT_MSC_POWER)) && !msc->has_affinity) {
		ps->line = ps->msc_line;
		return mpx_err(ps, "msc %u: power needs an affinity", msc->id);
	}
	if (!(msc->props & BIT(MPAM_EXT_MSC_IDR32)))
		return 0;
	/* A 32-bit IDR has no HAS_RIS, HAS_ESR or RIS_MAX */
	ps->line = ps->msc_line;
	if (msc->nr_ris > 1 || msc->ris[0].idx || msc->ris_max)
		return mpx_err(ps, "msc %u: idr32 allows only ris index 0", msc->id);
	if (msc->ris[0].hw.features & (BIT(MPAM_EXT_HW_ESR) | BIT(MPAM_EXT_HW_EXTD_ESR)))
		return mpx_err(ps, "msc %u: idr32 allows no esr", msc->id);
	return 0;
}

/* Parse a "props" value: names separated by commas */
static int mpx_plat_props(struct mpx_parser *ps, struct mpam_ext_msc_desc *msc,
			  char *s)
{
	unsigned int i;
	char *word;

	while (s) {
		word = s;
		s = strchr(s, ',');
		if (s)
			*s++ = '\0';
		for (i = 0; i < MPAM_EXT_MSC_NR_PROPS; i++)
			if (!strcmp(word, mpx_plat_prop_names[i]))
				break;
		if (i == MPAM_EXT_MSC_NR_PROPS)
			return mpx_err(ps, "props: unknown property '%.32s'", word);
		if (msc->props & BIT(i))
			return mpx_err(ps, "props: '%s' listed twice", word);
		msc->props |= BIT(i);
	}
	return 0;
}

static int mpx_msc_line(struct mpx_parser *ps)
{
	struct mpam_ext_platform *p = ps->p;
	char *vals[ARRAY_SIZE(mpx_msc_keys)];
	struct mpam_ext_msc_desc *msc;
	u64 base, size, last;
	u32 id, v, v2 = 0;
	unsigned int i;
	int ret;

	ret = mpx_msc_done(ps);
	if (!ret)
		ret = mpx_order(ps, MPX_STAGE_MSC);
	if (ret)
		return ret;
	if (p->nr_mscs >= ps->cap_mscs)
		return mpx_err(ps, "more than %u mscs", MPAM_EXT_PLATFORM_MAX_MSCS);
	ret = mpx_collect(ps, "msc", mpx_msc_keys, ARRAY_SIZE(mpx_msc_keys), vals);
	if (!ret)
		ret = mpx_require(ps, mpx_msc_keys, vals, MPX_MSC_NR_REQUIRED);
	if (!ret)
		ret = mpx_num32(ps, "id", vals[0], 0, U32_MAX, &id);
	if (ret)
		return ret;
	for (i = 0; i < p->nr_mscs; i++)
		if (p->mscs[i].id == id)
			return mpx_err(ps, "duplicate msc id %u", id);

	msc = &p->mscs[p->nr_mscs];
	msc->id = id;
	ret = mpx_plat_num(ps, "base", vals[1], 0, U64_MAX, &base);
	if (!ret)
		ret = mpx_plat_num(ps, "size", vals[2], 0, U64_MAX, &size);
	if (ret)
		return ret;
	if (size < MPAM_EXT_MSC_FRAME_MIN)
		return mpx_err(ps, "msc %u: size 0x%llx is smaller than 0x%x", id,
			       (unsigned long long)size, MPAM_EXT_MSC_FRAME_MIN);
	if (size - 1 > U64_MAX - base)
		return mpx_err(ps, "msc %u: frame 0x%llx+0x%llx wraps around", id,
			       (unsigned long long)base, (unsigned long long)size);
	last = base + (size - 1);
	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_msc_desc *o = &p->mscs[i];

		if (base <= o->base + (o->size - 1) && o->base <= last)
			return mpx_err(ps, "msc %u: frame overlaps msc %u", id, o->id);
	}
	msc->base = base;
	msc->size = size;

	ret = mpx_num32(ps, "nrdy-us", vals[3], 0, U32_MAX, &msc->nrdy_us);
	if (!ret)
		ret = mpx_num32(ps, "err-irq", vals[4], 0, U32_MAX, &msc->err_irq);
	if (!ret)
		ret = mpx_num32(ps, "aidr", vals[5], 0, U8_MAX, &v);
	if (!ret)
		ret = mpx_num32(ps, "iidr", vals[6], 0, U32_MAX, &msc->iidr);
	if (!ret && vals[7]) {
		msc->has_affinity = true;
		ret = mpx_plat_cpus(ps, vals[7], &msc->affinity);
	}
	if (!ret && vals[8]) {
		ret = mpx_num32(ps, "ris-max", vals[8], 1, MPAM_EXT_MAX_RIS - 1, &v2);
		msc->ris_max = v2;
	}
	if (!ret && vals[9])
		ret = mpx_plat_props(ps, msc, vals[9]);
	if (ret)
		return ret;
	msc->aidr = v;
	p->nr_mscs++;
	ps->msc_line = ps->line;
	return 0;
}

/* A character of an ACPI hardware ID as a locator writes it */
static bool mpx_plat_hid_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/*
 * Parse the ACPI device locator "<HID>:<UID>" at @s: the hardware ID is 1
 * to 8 characters, kept as eight bytes with the first in the low byte.
 */
static int mpx_loc_acpi(struct mpx_parser *ps, struct mpam_ext_ris_desc *ris,
			char *s)
{
	char *colon = strchr(s, ':');
	unsigned int i, n;
	u64 hid = 0;

	n = colon ? colon - s : 0;
	if (!n || n > 8)
		return mpx_err(ps,
			       "loc: bad ACPI device '%.32s' (acpi:<HID>:<UID>, HID of 1 to 8 of A-Z a-z 0-9 _)",
			       s);
	for (i = 0; i < n; i++) {
		if (!mpx_plat_hid_char(s[i]))
			return mpx_err(ps,
				       "loc: bad ACPI device '%.32s' (acpi:<HID>:<UID>, HID of 1 to 8 of A-Z a-z 0-9 _)",
				       s);
		hid |= (u64)(u8)s[i] << (8 * i);
	}
	ris->loc = MPAM_EXT_LOC_ACPI_DEV;
	ris->ref = hid;
	return mpx_num32(ps, "loc acpi uid", colon + 1, 0, U32_MAX, &ris->id);
}

/*
 * Parse "cache:<level>:<id>", "memory:<id>", "unknown", or one of the
 * locators kept only to be shown: "memcache:<level>:<id>", "smmu:<ref>",
 * "acpi:<HID>:<UID>", "interconnect:<offset>".
 */
static int mpx_loc(struct mpx_parser *ps, const struct mpam_ext_msc_desc *msc,
		   struct mpam_ext_ris_desc *ris, char *s)
{
	const struct mpam_ext_platform *p = ps->p;
	char *colon;
	u32 level, id;
	unsigned int i;
	int ret;

	if (!strcmp(s, "unknown")) {
		ris->loc = MPAM_EXT_LOC_UNKNOWN;
		return 0;
	}
	if (!strncmp(s, "smmu:", 5)) {
		ris->loc = MPAM_EXT_LOC_SMMU;
		return mpx_plat_num(ps, "loc smmu", s + 5, 0, U64_MAX, &ris->ref);
	}
	if (!strncmp(s, "interconnect:", 13)) {
		ris->loc = MPAM_EXT_LOC_INTERCONNECT;
		return mpx_plat_num(ps, "loc interconnect", s + 13, 0, U64_MAX,
			       &ris->ref);
	}
	if (!strncmp(s, "acpi:", 5))
		return mpx_loc_acpi(ps, ris, s + 5);
	if (!strncmp(s, "memcache:", 9)) {
		colon = strchr(s + 9, ':');
		if (!colon)
			return mpx_err(ps, "loc: bad locator '%.32s' (memcache:<level>:<id>)",
				       s);
		*colon = '\0';
		ret = mpx_num32(ps, "loc memcache level", s + 9, 0, U8_MAX, &level);
		if (!ret)
			ret = mpx_num32(ps, "loc memcache id", colon + 1, 0,
					U32_MAX, &ris->id);
		ris->loc = MPAM_EXT_LOC_MEMCACHE;
		ris->level = level;
		return ret;
	}
	if (!strncmp(s, "memory:", 7)) {
		ret = mpx_num32(ps, "loc memory id", s + 7, 0, U32_MAX, &id);
		if (ret)
			return ret;
		for (i = 0; i < p->nr_mems; i++)
			if (p->mems[i].id == id)
				break;
		if (i == p->nr_mems)
			return mpx_err(ps,
				       "msc %u ris %u: locator names memory %u, which is not described",
				       msc->id, ris->idx, id);
		ris->loc = MPAM_EXT_LOC_MEMORY;
		ris->id = id;
		return 0;
	}
	colon = strncmp(s, "cache:", 6) ? NULL : strchr(s + 6, ':');
	if (!colon)
		return mpx_err(ps,
			       "loc: bad locator '%.32s' (cache:<level>:<id>, memory:<id>, memcache:<level>:<id>, smmu:<ref>, acpi:<HID>:<UID>, interconnect:<offset> or unknown)",
			       s);
	*colon = '\0';
	ret = mpx_num32(ps, "loc cache level", s + 6, 1, MPX_MAX_CACHE_LEVEL, &level);
	if (!ret)
		ret = mpx_num32(ps, "loc cache id", colon + 1, 0, U32_MAX, &id);
	if (ret)
		return ret;
	for (i = 0; i < p->nr_caches; i++)
		if (p->caches[i].level == level && p->caches[i].id == id)
			break;
	if (i == p->nr_caches)
		return mpx_err(ps,
			       "msc %u ris %u: locator names cache level %u id %u, which is not described",
			       msc->id, ris->idx, level, id);
	ris->loc = MPAM_EXT_LOC_CACHE;
	ris->level = level;
	ris->id = id;
	return 0;
}

size_t mpam_ext_hw_features_print(char *buf, size_t size, unsigned long mask,
				  const char *sep, const char *none)
{
	size_t n = 0;
	unsigned int f;

	buf[0] = '\0';
	for (f = 0; f < MPAM_EXT_HW_NR_FEATURES; f++)
		if (mask & BIT(f))
			n += scnprintf(buf + n, size - n, "%s%s", n ? sep : "",
				       mpx_features[f].name);
	if (!n)
		n = scnprintf(buf, size, "%s", none);
	return n;
}

/* Parse a "features" value: "none" or names separated by commas */
static int mpx_feature_words(struct mpx_parser *ps,
			     const struct mpam_ext_msc_desc *msc,
			     struct mpam_ext_ris_desc *ris, char *s)
{
	unsigned long have = 0;
	char names[128];
	unsigned int f;
	char *word;

	if (!strcmp(s, "none"))
		goto done;
	while (s) {
		word = s;
		s = strchr(s, ',');
		if (s)
			*s++ = '\0';
		if (!strcmp(word, "none"))
			return mpx_err(ps, "features: 'none' with other features");
		for (f = 0; f < MPAM_EXT_HW_NR_FEATURES; f++)
			if (mpx_features[f].name && !strcmp(word, mpx_features[f].name))
				break;
		if (f == MPAM_EXT_HW_NR_FEATURES)
			return mpx_err(ps, "features: unknown feature '%.32s'", word);
		if (have & BIT(f))
			return mpx_err(ps, "features: '%s' listed twice", word);
		have |= BIT(f);
	}
	for (f = 0; f < MPAM_EXT_HW_NR_FEATURES; f++) {
		unsigned long needs = mpx_features[f].needs;

		if (!(have & BIT(f)) || !needs || (have & needs))
			continue;
		mpam_ext_hw_features_print(names, sizeof(names), needs, "/", "");
		return mpx_err(ps, "msc %u ris %u: feature %s needs feature %s",
			       msc->id, ris->idx, mpx_features[f].name, names);
	}
done:
	ris->hw.features = have;
	return 0;
}

static u32 mpx_hw_get(const struct mpam_ext_ris_hw *hw, enum mpx_hw_num n)
{
	switch (n) {
	case MPX_HW_PARTID_MAX:
		return hw->partid_max;
	case MPX_HW_PMG_MAX:
		return hw->pmg_max;
	case MPX_HW_INTPARTID_MAX:
		return hw->intpartid_max;
	case MPX_HW_CPBM_WD:
		return hw->cpbm_wd;
	case MPX_HW_CMAX_WD:
		return hw->cmax_wd;
	case MPX_HW_CASSOC_WD:
		return hw->cassoc_wd;
	case MPX_HW_BWA_WD:
		return hw->bwa_wd;
	case MPX_HW_MBW_PBM_BITS:
		return hw->mbw_pbm_bits;
	case MPX_HW_INTPRI_WD:
		return hw->intpri_wd;
	case MPX_HW_DSPRI_WD:
		return hw->dspri_wd;
	case MPX_HW_NUM_CSU_MON:
		return hw->num_csu_mon;
	case MPX_HW_NUM_MBWU_MON:
		return hw->num_mbwu_mon;
	case MPX_HW_MBWU_WIDTH:
		return hw->mbwu_width;
	default:
		return 0;
	}
}

/* @v is within the number's range, which fits its field */
static void mpx_hw_set(struct mpam_ext_ris_hw *hw, enum mpx_hw_num n, u32 v)
{
	switch (n) {
	case MPX_HW_PARTID_MAX:
		hw->partid_max = v;
		break;
	case MPX_HW_PMG_MAX:
		hw->pmg_max = v;
		break;
	case MPX_HW_INTPARTID_MAX:
		hw->intpartid_max = v;
		break;
	case MPX_HW_CPBM_WD:
		hw->cpbm_wd = v;
		break;
	case MPX_HW_CMAX_WD:
		hw->cmax_wd = v;
		break;
	case MPX_HW_CASSOC_WD:
		hw->cassoc_wd = v;
		break;
	case MPX_HW_BWA_WD:
		hw->bwa_wd = v;
		break;
	case MPX_HW_MBW_PBM_BITS:
		hw->mbw_pbm_bits = v;
		break;
	case MPX_HW_INTPRI_WD:
		hw->intpri_wd = v;
		break;
	case MPX_HW_DSPRI_WD:
		hw->dspri_wd = v;
		break;
	case MPX_HW_NUM_CSU_MON:
		hw->num_csu_mon = v;
		break;
	case MPX_HW_NUM_MBWU_MON:
		hw->num_mbwu_mon = v;
		break;
	case MPX_HW_MBWU_WIDTH:
		hw->mbwu_width = v;
		break;
	default:
		break;
	}
}

/* The lowest feature in the non-empty @mask */
static unsigned int mpx_first(unsigned long mask)
{
	unsigned int f = 0;

	while (!(mask & BIT(f)))
		f++;
	return f;
}

/* Is the number @f on the ris line of a RIS with features @features? */
static bool mpx_hw_wanted(const struct mpx_hw_field *f, unsigned long features)
{
	return !f->needs || (features & f->needs);
}

/* Parse the numbers of struct mpam_ext_ris_hw, once the features are known */
static int mpx_hw_numbers(struct mpx_parser *ps,
			  const struct mpam_ext_msc_desc *msc,
			  struct mpam_ext_ris_desc *ris, char **vals)
{
	struct mpam_ext_ris_hw *hw = &ris->hw;
	char names[128];
	unsigned int i;
	u32 v;
	int ret;

	for (i = 0; i < MPX_HW_NR; i++) {
		const struct mpx_hw_field *f = &mpx_hw_fields[i];
		const char *key = mpx_ris_keys[MPX_RIS_NR_FIXED + i];
		const char *val = vals[MPX_RIS_NR_FIXED + i];

		if (!mpx_hw_wanted(f, hw->features)) {
			if (!val)
				continue;
			mpam_ext_hw_features_print(names, sizeof(names), f->needs, "/", "");
			return mpx_err(ps, "msc %u ris %u: %s given without feature %s",
				       msc->id, ris->idx, key, names);
		}
		if (!val) {
			if (!f->needs)
				return mpx_err(ps, "missing keyword '%s'", key);
			return mpx_err(ps, "msc %u ris %u: feature %s needs %s",
				       msc->id, ris->idx,
				       mpx_features[mpx_first(hw->features & f->needs)].name,
				       key);
		}
		ret = mpx_num32(ps, key, val, f->min, f->max, &v);
		if (ret)
			return ret;
		mpx_hw_set(hw, i, v);
	}

	if (test_bit(MPAM_EXT_HW_MBWU, &hw->features) &&
	    hw->mbwu_width != 31 && hw->mbwu_width != 44 && hw->mbwu_width != 63)
		return mpx_err(ps, "msc %u ris %u: mbwu-width %u must be 31, 44 or 63",
			       msc->id, ris->idx, hw->mbwu_width);
	if (hw->intpartid_max > hw->partid_max)
		return mpx_err(ps, "msc %u ris %u: intpartid-max %u exceeds partid-max %u",
			       msc->id, ris->idx, hw->intpartid_max, hw->partid_max);
	return 0;
}

static int mpx_ris_line(struct mpx_parser *ps)
{
	struct mpam_ext_platform *p = ps->p;
	char *vals[MPX_RIS_NR_KEYS];
	struct mpam_ext_msc_desc *msc;
	struct mpam_ext_ris_desc *ris;
	unsigned int i;
	u32 idx;
	int ret;

	if (ps->stage == MPX_STAGE_START)
		return mpx_err(ps, "ris line before the platform line");
	if (ps->stage != MPX_STAGE_MSC)
		return mpx_err(ps, "ris line outside an msc");
	msc = &p->mscs[p->nr_mscs - 1];
	if (msc->nr_ris >= MPAM_EXT_MAX_RIS)
		return mpx_err(ps, "msc %u has more than %u ris", msc->id,
			       MPAM_EXT_MAX_RIS);
	ret = mpx_collect(ps, "ris", mpx_ris_keys, MPX_RIS_NR_KEYS, vals);
	if (!ret)
		ret = mpx_require(ps, mpx_ris_keys, vals, MPX_RIS_NR_FIXED);
	if (!ret)
		ret = mpx_num32(ps, "index", vals[0], 0, MPAM_EXT_MAX_RIS - 1, &idx);
	if (ret)
		return ret;
	for (i = 0; i < msc->nr_ris; i++)
		if (msc->ris[i].idx == idx)
			return mpx_err(ps, "msc %u: duplicate ris index %u", msc->id, idx);

	ris = &msc->ris[msc->nr_ris];
	ris->idx = idx;
	ret = mpx_loc(ps, msc, ris, vals[1]);
	if (!ret)
		ret = mpx_feature_words(ps, msc, ris, vals[2]);
	if (!ret)
		ret = mpx_hw_numbers(ps, msc, ris, vals);
	if (ret)
		return ret;
	msc->nr_ris++;
	return 0;
}

static int mpx_line(struct mpx_parser *ps)
{
	char *word = mpx_word(ps);

	if (!word)
		return 0;
	if (!strcmp(word, "platform"))
		return mpx_platform_line(ps);
	if (!strcmp(word, "cache"))
		return mpx_cache_line(ps);
	if (!strcmp(word, "memory"))
		return mpx_mem_line(ps);
	if (!strcmp(word, "msc"))
		return mpx_msc_line(ps);
	if (!strcmp(word, "ris"))
		return mpx_ris_line(ps);
	return mpx_err(ps,
		       "unknown keyword '%.32s' (a line starts with platform, cache, memory, msc or ris)",
		       word);
}

/*
 * Size the arrays: count the lines of each kind, up to the limits. Problems
 * are left for the real pass to report.
 */
static void mpx_count(struct mpx_parser *ps)
{
	unsigned int caches = 0, mems = 0, mscs = 0;
	char *err = ps->err;
	const char *word;

	ps->err = NULL;
	while (mpx_next_line(ps) > 0) {
		word = mpx_word(ps);
		if (!word)
			continue;
		if (!strcmp(word, "cache"))
			caches++;
		else if (!strcmp(word, "memory"))
			mems++;
		else if (!strcmp(word, "msc"))
			mscs++;
	}
	ps->cap_caches = min_t(unsigned int, caches, MPAM_EXT_PLATFORM_MAX_CACHES);
	ps->cap_mems = min_t(unsigned int, mems, MPAM_EXT_PLATFORM_MAX_MEMS);
	ps->cap_mscs = min_t(unsigned int, mscs, MPAM_EXT_PLATFORM_MAX_MSCS);
	ps->pos = 0;
	ps->line = 0;
	ps->err = err;
}

/*
 * mpam_ext_platform_alloc() places the arrays one after the other behind the
 * platform: each starts suitably aligned when every size is a multiple of 8.
 */
static_assert(sizeof(struct mpam_ext_platform) % 8 == 0);
static_assert(sizeof(struct mpam_ext_msc_desc) % 8 == 0);
static_assert(sizeof(struct mpam_ext_cache_desc) % 8 == 0);

struct mpam_ext_platform *mpam_ext_platform_alloc(unsigned int nr_caches,
						  unsigned int nr_mems,
						  unsigned int nr_mscs)
{
	struct mpam_ext_platform *p;
	size_t caches, mems, mscs;
	u8 *at;

	if (nr_caches > MPAM_EXT_PLATFORM_MAX_CACHES ||
	    nr_mems > MPAM_EXT_PLATFORM_MAX_MEMS ||
	    nr_mscs > MPAM_EXT_PLATFORM_MAX_MSCS)
		return NULL;

	mscs = (size_t)nr_mscs * sizeof(struct mpam_ext_msc_desc);
	caches = (size_t)nr_caches * sizeof(struct mpam_ext_cache_desc);
	mems = (size_t)nr_mems * sizeof(struct mpam_ext_mem_desc);
	/* Up to about 1 MB: not necessarily physically contiguous */
	p = kvzalloc(sizeof(*p) + mscs + caches + mems, GFP_KERNEL);
	if (!p)
		return NULL;

	at = (u8 *)(p + 1);
	if (nr_mscs)
		p->mscs = (struct mpam_ext_msc_desc *)at;
	at += mscs;
	if (nr_caches)
		p->caches = (struct mpam_ext_cache_desc *)at;
	at += caches;
	if (nr_mems)
		p->mems = (struct mpam_ext_mem_desc *)at;
	p->nr_caches = nr_caches;
	p->nr_mems = nr_mems;
	p->nr_mscs = nr_mscs;
	return p;
}

struct mpam_ext_platform *mpam_ext_platform_parse(const char *text, size_t len,
						  const struct cpumask *valid_cpus,
						  char *err, size_t err_len)
{
	struct mpam_ext_platform *p = NULL;
	struct mpx_parser *ps;
	int ret;

	if (err && err_len)
		err[0] = '\0';
	if (!text)
		len = 0;
	if (len > MPAM_EXT_PLATFORM_MAX_TEXT) {
		if (err && err_len)
			snprintf(err, err_len,
				 "description of %zu bytes is over the limit of %u bytes",
				 len, MPAM_EXT_PLATFORM_MAX_TEXT);
		return ERR_PTR(-EINVAL);
	}
	/* room for a line: none is longer than the text, nor accepted over the limit */
	ps = kzalloc(sizeof(*ps) + min_t(size_t, len, MPAM_EXT_PLATFORM_MAX_LINE) + 1,
		     GFP_KERNEL);
	if (!ps)
		goto nomem;
	ps->text = text;
	ps->len = len;
	ps->valid = valid_cpus;
	ps->err = err;
	ps->err_len = err_len;

	mpx_count(ps);
	p = mpam_ext_platform_alloc(ps->cap_caches, ps->cap_mems, ps->cap_mscs);
	if (!p)
		goto nomem;
	p->nr_caches = 0;
	p->nr_mems = 0;
	p->nr_mscs = 0;
	ps->p = p;

	while ((ret = mpx_next_line(ps)) > 0) {
		ret = mpx_line(ps);
		if (ret)
			goto fail;
	}
	if (ret)
		goto fail;
	ret = mpx_msc_done(ps);
	if (ret)
		goto fail;
	if (ps->stage == MPX_STAGE_START) {
		ps->line = 0;
		ret = mpx_err(ps, "empty description: no platform line");
		goto fail;
	}

	kfree(ps);
	return p;

nomem:
	ret = -ENOMEM;
	if (err && err_len)
		strscpy(err, "out of memory", err_len);
fail:
	kfree(ps);
	mpam_ext_platform_free(p);
	return ERR_PTR(ret);
}

int mpam_ext_platform_check(const struct mpam_ext_platform *p,
			    const struct cpumask *valid_cpus, char *err,
			    size_t err_len)
{
	struct mpam_ext_platform *q;
	char *text;

	text = mpam_ext_platform_print(p);
	if (!text)
		return -ENOMEM;
	q = mpam_ext_platform_parse(text, strlen(text), valid_cpus, err, err_len);
	kfree(text);
	if (IS_ERR(q))
		return PTR_ERR(q);
	mpam_ext_platform_free(q);
	return 0;
}

void mpam_ext_platform_free(struct mpam_ext_platform *p)
{
	kvfree(p);
}

/* Output of the printer: measures the text while @buf is NULL */
struct mpx_out {
	char *buf;
	size_t size;
	size_t len;
};

static __printf(2, 3) void mpx_emit(struct mpx_out *o, const char *fmt, ...)
{
	char *at = NULL;
	size_t room = 0;
	va_list ap;
	int n;

	if (o->buf && o->len < o->size) {
		at = o->buf + o->len;
		room = o->size - o->len;
	}
	va_start(ap, fmt);
	n = vsnprintf(at, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += n;
}

static void mpx_emit_cpus(struct mpx_out *o, const struct cpumask *mask)
{
	unsigned int cpu, first = 0, last = 0;
	bool any = false;

	for_each_cpu(cpu, mask) {
		if (any && cpu == last + 1) {
			last = cpu;
			continue;
		}
		if (any)
			mpx_emit(o, first == last ? "%u," : "%u-%u,", first, last);
		first = cpu;
		last = cpu;
		any = true;
	}
	if (!any)
		mpx_emit(o, "none");
	else
		mpx_emit(o, first == last ? "%u" : "%u-%u", first, last);
}

static void mpx_emit_ris(struct mpx_out *o, const struct mpam_ext_ris_desc *ris)
{
	const struct mpam_ext_ris_hw *hw = &ris->hw;
	char names[MPAM_EXT_HW_FEATURES_LEN];
	unsigned int i;

	mpx_emit(o, "  ris index %u loc ", ris->idx);
	switch (ris->loc) {
	case MPAM_EXT_LOC_CACHE:
		mpx_emit(o, "cache:%u:%u", ris->level, ris->id);
		break;
	case MPAM_EXT_LOC_MEMORY:
		mpx_emit(o, "memory:%u", ris->id);
		break;
	case MPAM_EXT_LOC_MEMCACHE:
		mpx_emit(o, "memcache:%u:%u", ris->level, ris->id);
		break;
	case MPAM_EXT_LOC_SMMU:
		mpx_emit(o, "smmu:0x%llx", (unsigned long long)ris->ref);
		break;
	case MPAM_EXT_LOC_ACPI_DEV:
		mpx_emit(o, "acpi:");
		for (i = 0; i < 8 && (u8)(ris->ref >> (8 * i)); i++)
			mpx_emit(o, "%c", (char)(ris->ref >> (8 * i)));
		mpx_emit(o, ":%u", ris->id);
		break;
	case MPAM_EXT_LOC_INTERCONNECT:
		mpx_emit(o, "interconnect:0x%llx", (unsigned long long)ris->ref);
		break;
	default:
		mpx_emit(o, "unknown");
		break;
	}

	mpam_ext_hw_features_print(names, sizeof(names), hw->features, ",", "none");
	mpx_emit(o, " features %s", names);

	for (i = 0; i < MPX_HW_NR; i++)
		if (mpx_hw_wanted(&mpx_hw_fields[i], hw->features))
			mpx_emit(o, " %s %u", mpx_ris_keys[MPX_RIS_NR_FIXED + i],
				 mpx_hw_get(hw, i));
	mpx_emit(o, "\n");
}

static void mpx_emit_platform(struct mpx_out *o, const struct mpam_ext_platform *p)
{
	unsigned int i, r;
	const char *sep;

	mpx_emit(o, "platform name %s\n", p->name);
	for (i = 0; i < p->nr_caches; i++) {
		const struct mpam_ext_cache_desc *c = &p->caches[i];

		mpx_emit(o, "cache level %u id %u cpus ", c->level, c->id);
		mpx_emit_cpus(o, &c->cpus);
		mpx_emit(o, "\n");
	}
	for (i = 0; i < p->nr_mems; i++) {
		mpx_emit(o, "memory id %u cpus ", p->mems[i].id);
		mpx_emit_cpus(o, &p->mems[i].cpus);
		mpx_emit(o, "\n");
	}
	for (i = 0; i < p->nr_mscs; i++) {
		const struct mpam_ext_msc_desc *msc = &p->mscs[i];

		mpx_emit(o,
			 "msc id %u base 0x%llx size 0x%llx nrdy-us %u err-irq %u aidr 0x%x iidr 0x%x",
			 msc->id, (unsigned long long)msc->base,
			 (unsigned long long)msc->size, msc->nrdy_us,
			 msc->err_irq, msc->aidr, msc->iidr);
		if (msc->has_affinity) {
			mpx_emit(o, " affinity ");
			mpx_emit_cpus(o, &msc->affinity);
		}
		if (msc->ris_max)
			mpx_emit(o, " ris-max %u", msc->ris_max);
		for (r = 0, sep = " props "; r < MPAM_EXT_MSC_NR_PROPS; r++) {
			if (!(msc->props & BIT(r)))
				continue;
			mpx_emit(o, "%s%s", sep, mpx_plat_prop_names[r]);
			sep = ",";
		}
		mpx_emit(o, "\n");
		for (r = 0; r < msc->nr_ris && r < MPAM_EXT_MAX_RIS; r++)
			mpx_emit_ris(o, &msc->ris[r]);
	}
}

char *mpam_ext_platform_print(const struct mpam_ext_platform *p)
{
	struct mpx_out o = { };

	mpx_emit_platform(&o, p);
	o.size = o.len + 1;
	o.buf = kmalloc(o.size, GFP_KERNEL);
	if (!o.buf)
		return NULL;
	o.len = 0;
	mpx_emit_platform(&o, p);
	return o.buf;
}

static bool mpx_hw_equal(const struct mpam_ext_ris_hw *a,
			 const struct mpam_ext_ris_hw *b)
{
	return a->features == b->features &&
	       a->partid_max == b->partid_max &&
	       a->pmg_max == b->pmg_max &&
	       a->intpartid_max == b->intpartid_max &&
	       a->cpbm_wd == b->cpbm_wd &&
	       a->cmax_wd == b->cmax_wd &&
	       a->cassoc_wd == b->cassoc_wd &&
	       a->bwa_wd == b->bwa_wd &&
	       a->mbw_pbm_bits == b->mbw_pbm_bits &&
	       a->intpri_wd == b->intpri_wd &&
	       a->dspri_wd == b->dspri_wd &&
	       a->num_csu_mon == b->num_csu_mon &&
	       a->num_mbwu_mon == b->num_mbwu_mon &&
	       a->mbwu_width == b->mbwu_width;
}

static bool mpx_msc_equal(const struct mpam_ext_msc_desc *a,
			  const struct mpam_ext_msc_desc *b)
{
	unsigned int r;

	if (a->id != b->id || a->base != b->base || a->size != b->size ||
	    a->nrdy_us != b->nrdy_us || a->err_irq != b->err_irq ||
	    a->aidr != b->aidr || a->iidr != b->iidr || a->nr_ris != b->nr_ris ||
	    a->has_affinity != b->has_affinity || a->ris_max != b->ris_max ||
	    a->props != b->props ||
	    (a->has_affinity && !cpumask_equal(&a->affinity, &b->affinity)))
		return false;
	for (r = 0; r < a->nr_ris && r < MPAM_EXT_MAX_RIS; r++) {
		const struct mpam_ext_ris_desc *x = &a->ris[r], *y = &b->ris[r];

		if (x->idx != y->idx || x->loc != y->loc || x->level != y->level ||
		    x->id != y->id || x->ref != y->ref ||
		    !mpx_hw_equal(&x->hw, &y->hw))
			return false;
	}
	return true;
}

bool mpam_ext_platform_equal(const struct mpam_ext_platform *a,
			     const struct mpam_ext_platform *b)
{
	unsigned int i;

	if (!a || !b)
		return a == b;
	if (strncmp(a->name, b->name, sizeof(a->name)) ||
	    a->nr_caches != b->nr_caches || a->nr_mems != b->nr_mems ||
	    a->nr_mscs != b->nr_mscs)
		return false;
	for (i = 0; i < a->nr_caches; i++)
		if (a->caches[i].level != b->caches[i].level ||
		    a->caches[i].id != b->caches[i].id ||
		    !cpumask_equal(&a->caches[i].cpus, &b->caches[i].cpus))
			return false;
	for (i = 0; i < a->nr_mems; i++)
		if (a->mems[i].id != b->mems[i].id ||
		    !cpumask_equal(&a->mems[i].cpus, &b->mems[i].cpus))
			return false;
	for (i = 0; i < a->nr_mscs; i++)
		if (!mpx_msc_equal(&a->mscs[i], &b->mscs[i]))
			return false;
	return true;
}

void mpam_ext_platform_apply_hw(struct mpam_ext_platform *p,
				const struct mpam_ext_platform *hw)
{
	const struct mpam_ext_msc_desc *h;
	struct mpam_ext_msc_desc *msc;
	unsigned int i, j, k;

	for (i = 0; i < p->nr_mscs; i++) {
		msc = &p->mscs[i];
		h = NULL;
		for (j = 0; hw && j < hw->nr_mscs; j++)
			if (hw->mscs[j].id == msc->id)
				h = &hw->mscs[j];
		msc->aidr = h ? h->aidr : 0x10;
		msc->iidr = h ? h->iidr : 0;
		/* what the MSC is, beyond what firmware says (not its interrupt) */
		msc->ris_max = h ? h->ris_max : 0;
		msc->props &= BIT(MPAM_EXT_MSC_ERR_EDGE);
		if (h)
			msc->props |= h->props & ~BIT(MPAM_EXT_MSC_ERR_EDGE);
		for (j = 0; j < msc->nr_ris; j++) {
			struct mpam_ext_ris_desc *ris = &msc->ris[j];

			memset(&ris->hw, 0, sizeof(ris->hw));
			ris->hw.partid_max = 63;
			ris->hw.pmg_max = 1;
			for (k = 0; h && k < h->nr_ris; k++)
				if (h->ris[k].idx == ris->idx)
					ris->hw = h->ris[k].hw;
		}
	}
}

void mpam_ext_platform_sort_topology(struct mpam_ext_platform *p)
{
	struct mpam_ext_cache_desc *c;
	struct mpam_ext_mem_desc *m;
	unsigned int i, j;

	/* insertion sorts: the arrays are short and this keeps it simple */
	for (i = 1; i < p->nr_caches; i++) {
		for (j = i; j > 0; j--) {
			c = &p->caches[j];
			if (c[-1].level < c->level ||
			    (c[-1].level == c->level && c[-1].id <= c->id))
				break;
			swap(c[-1], c[0]);
		}
	}
	for (i = 1; i < p->nr_mems; i++) {
		for (j = i; j > 0; j--) {
			m = &p->mems[j];
			if (m[-1].id <= m->id)
				break;
			swap(m[-1], m[0]);
		}
	}
}

#ifdef __KERNEL__
/*
 * Loading a description with the firmware loader. Kernel only: a user-space
 * build of this file leaves this section out.
 */

int mpam_ext_platform_load_firmware(const char *name, struct device *dev,
				    struct mpam_ext_platform **out,
				    char *err, size_t err_len)
{
	char path[sizeof("mpam_ext/.platform") + MPAM_EXT_NAME_LEN];
	char msg[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;
	const struct firmware *fw;
	int ret;

	*out = NULL;
	if (err && err_len)
		err[0] = '\0';
	if (!name || !mpx_name_ok(name) || strstr(name, "..")) {
		pr_err("platform name '%.32s' refused: use 1 to %u of a-z A-Z 0-9 . _ - and no \"..\"\n",
		       name ? name : "", MPAM_EXT_NAME_LEN - 1);
		if (err && err_len)
			snprintf(err, err_len, "bad platform name '%.32s'",
				 name ? name : "");
		return -EINVAL;
	}
	snprintf(path, sizeof(path), "mpam_ext/%s.platform", name);

	ret = firmware_request_nowarn(&fw, path, dev);
	if (ret) {
		pr_err("%s: cannot load the platform description (error %d)\n",
		       path, ret);
		if (err && err_len)
			snprintf(err, err_len, "%s: cannot load (error %d)", path, ret);
		return ret;
	}

	p = mpam_ext_platform_parse((const char *)fw->data, fw->size,
				    cpu_possible_mask, msg, sizeof(msg));
	release_firmware(fw);
	if (IS_ERR(p)) {
		pr_err("%s: %s\n", path, msg);
		if (err && err_len)
			snprintf(err, err_len, "%s: %s", path, msg);
		return PTR_ERR(p);
	}
	*out = p;
	return 0;
}

static char *mpx_sim_hw;
module_param_named(sim_hw, mpx_sim_hw, charp, 0444);
MODULE_PARM_DESC(sim_hw,
		 "With sim=acpi or sim=dt: register-level properties of the simulated MSCs from mpam_ext/<name>.platform (matched by MSC identifier and RIS index).");

bool mpam_ext_platform_sim_hw_given(void)
{
	return mpx_sim_hw && *mpx_sim_hw;
}

int mpam_ext_platform_sim_hw(struct mpam_ext_platform *p, struct device *dev)
{
	struct mpam_ext_platform *hw = NULL;
	int ret;

	if (mpam_ext_platform_sim_hw_given()) {
		ret = mpam_ext_platform_load_firmware(mpx_sim_hw, dev, &hw, NULL, 0);
		if (ret)
			return ret;
	}
	mpam_ext_platform_apply_hw(p, hw);
	mpam_ext_platform_free(hw);
	return 0;
}
#endif /* __KERNEL__ */
