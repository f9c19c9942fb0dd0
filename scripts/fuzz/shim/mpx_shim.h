/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-ins for the few kernel interfaces the platform
 * description parser (src/firmware/platform.c) and the ACPI table parser
 * (src/firmware/acpi.c) use, so that both build as ordinary C for the fuzzers.
 * Every header in shim/linux/ includes only this one.
 */
#ifndef MPX_SHIM_H
#define MPX_SHIM_H

#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;

#define U8_MAX		((u8)~0U)
#define U16_MAX		((u16)~0U)
#define U32_MAX		((u32)~0U)
#define U64_MAX		((u64)~0ULL)
#define BITS_PER_LONG	64
#define BIT(n)		(1UL << (n))
#define BIT_ULL(n)	(1ULL << (n))
#define GENMASK(h, l)	((~0UL << (l)) & (~0UL >> (63 - (h))))
#define GENMASK_ULL(h, l) ((~0ULL << (l)) & (~0ULL >> (63 - (h))))
#define FIELD_GET(m, v)	(((v) & (m)) >> __builtin_ctzll(m))
#define FIELD_PREP(m, v) (((u64)(v) << __builtin_ctzll(m)) & (m))
/* The kernel's one-argument form */
#undef static_assert
#define static_assert(e) _Static_assert(e, #e)
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define min(a, b)	((a) < (b) ? (a) : (b))
#define max(a, b)	((a) > (b) ? (a) : (b))
#define min_t(t, a, b)	((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b)	((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define swap(a, b)	do { __typeof__(a) mpx_t = (a); (a) = (b); (b) = mpx_t; } while (0)

static inline bool test_bit(unsigned int n, const unsigned long *p)
{
	return p[n / 64] & (1UL << (n % 64));
}

/* Allocation: GFP flags are ignored */
#define GFP_KERNEL	0
#define kmalloc(n, f)		malloc(n)
#define kzalloc(n, f)		calloc(1, n)
#define kvzalloc(n, f)		calloc(1, n)
#define kcalloc(n, s, f)	calloc(n, s)
#define kzalloc_obj(o, f)	calloc(1, sizeof(o))
#define kvcalloc(n, s, f)	calloc(n, s)
#define kfree(p)		free((void *)(p))
#define kvfree(p)		free((void *)(p))

/* Error pointers */
#define MAX_ERRNO	4095
static inline void *ERR_PTR(long e) { return (void *)e; }
static inline long PTR_ERR(const void *p) { return (long)p; }
static inline bool IS_ERR(const void *p)
{
	return (unsigned long)p >= (unsigned long)-MAX_ERRNO;
}

/* Strings */
static inline int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!size)
		return 0;
	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0)
		return 0;
	return (size_t)n >= size ? (int)size - 1 : n;
}

static inline long strscpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (!size)
		return -E2BIG;
	if (n >= size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, n + 1);
	return n;
}

/* CPU masks: a fixed number of CPUs, all of them valid unless a mask says */
#define NR_CPUS		64
#define nr_cpu_ids	NR_CPUS
struct cpumask {
	unsigned long bits[NR_CPUS / 64];
};

static inline void cpumask_set_cpu(unsigned int c, struct cpumask *m)
{
	m->bits[c / 64] |= 1UL << (c % 64);
}

static inline bool cpumask_test_cpu(unsigned int c, const struct cpumask *m)
{
	return c < NR_CPUS && (m->bits[c / 64] & (1UL << (c % 64)));
}

static inline void cpumask_clear(struct cpumask *m)
{
	memset(m, 0, sizeof(*m));
}

static inline void cpumask_copy(struct cpumask *d, const struct cpumask *s)
{
	*d = *s;
}

static inline void cpumask_or(struct cpumask *d, const struct cpumask *a,
			      const struct cpumask *b)
{
	unsigned int i;

	for (i = 0; i < NR_CPUS / 64; i++)
		d->bits[i] = a->bits[i] | b->bits[i];
}

static inline bool cpumask_and(struct cpumask *d, const struct cpumask *a,
			       const struct cpumask *b)
{
	unsigned long any = 0;
	unsigned int i;

	for (i = 0; i < NR_CPUS / 64; i++)
		any |= d->bits[i] = a->bits[i] & b->bits[i];
	return any;
}

static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	return !memcmp(a, b, sizeof(*a));
}

static inline bool cpumask_empty(const struct cpumask *m)
{
	unsigned int i;

	for (i = 0; i < NR_CPUS / 64; i++)
		if (m->bits[i])
			return false;
	return true;
}

static inline bool cpumask_intersects(const struct cpumask *a,
				      const struct cpumask *b)
{
	unsigned int i;

	for (i = 0; i < NR_CPUS / 64; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}

static inline unsigned int cpumask_first_and(const struct cpumask *a,
					     const struct cpumask *b)
{
	unsigned int c;

	for (c = 0; c < NR_CPUS; c++)
		if (cpumask_test_cpu(c, a) && cpumask_test_cpu(c, b))
			return c;
	return NR_CPUS;
}

#define for_each_cpu(c, m) \
	for ((c) = 0; (c) < NR_CPUS; (c)++) if (!cpumask_test_cpu((c), (m))) {} else

#endif /* MPX_SHIM_H */
