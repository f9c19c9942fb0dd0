// SPDX-License-Identifier: GPL-2.0
/*
 * User-space harness of the two parsers (src/firmware/platform.c, src/firmware/acpi.c),
 * built with the stand-ins of shim/ (scripts/fuzz/run):
 *
 *  -DMPX_FUZZ_PLATFORM  libFuzzer target: any text through the description
 *                       parser; what parses must print, parse back equal and
 *                       print the same text again.
 *  -DMPX_FUZZ_ACPI      libFuzzer target: an MPAM table followed by a PPTT
 *                       (split at the MPAM header's length) through the
 *                       ACPI parser; what parses must print and parse back
 *                       equal.
 *  neither              a tool: acpi-dump MPAM.aml PPTT.aml DESCRIPTION
 *                       prints the platform the tables describe, with the
 *                       memory nodes' CPUs, the name and the register
 *                       properties taken from DESCRIPTION.
 */
#include <linux/kernel.h>

#include <mpam_ext/firmware/acpi.h>
#include <mpam_ext/firmware/platform.h>

static struct cpumask mpx_all;

static void mpx_init_cpus(void)
{
	unsigned int c;

	for (c = 0; c < NR_CPUS; c++)
		cpumask_set_cpu(c, &mpx_all);
}

/* Text -> platform -> text -> platform: both equal, both texts equal */
static void mpx_check_roundtrip(const struct mpam_ext_platform *p)
{
	struct mpam_ext_platform *q;
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	char *t1, *t2;

	t1 = mpam_ext_platform_print(p);
	if (!t1)
		abort();
	q = mpam_ext_platform_parse(t1, strlen(t1), &mpx_all, err, sizeof(err));
	if (IS_ERR(q)) {
		fprintf(stderr, "printed text does not parse: %s\n%s", err, t1);
		abort();
	}
	t2 = mpam_ext_platform_print(q);
	if (!t2 || !mpam_ext_platform_equal(p, q) || strcmp(t1, t2)) {
		fprintf(stderr, "round trip differs:\n%s---\n%s", t1, t2 ? t2 : "");
		abort();
	}
	free(t1);
	free(t2);
	mpam_ext_platform_free(q);
}

static int mpx_uid_to_cpu(void *arg, u32 uid)
{
	return uid < NR_CPUS ? (int)uid : -1;
}

#if defined(MPX_FUZZ_PLATFORM)
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	struct mpam_ext_platform *p;

	if (cpumask_empty(&mpx_all))
		mpx_init_cpus();
	p = mpam_ext_platform_parse((const char *)data, size, &mpx_all, err,
				    sizeof(err));
	if (IS_ERR(p)) {
		if (!err[0] || strlen(err) >= sizeof(err) - 1)
			abort();	/* every failure has a whole message */
		return 0;
	}
	mpx_check_roundtrip(p);
	mpam_ext_platform_free(p);
	return 0;
}
#elif defined(MPX_FUZZ_ACPI)
/* Proximity domain N: CPUs 8N..8N+7 for N < 4, no CPU for 4..7 */
static int mpx_fuzz_pxm(void *arg, u32 pxm, struct cpumask *cpus)
{
	unsigned int c;

	if (pxm >= 8)
		return -1;
	for (c = 8 * pxm; pxm < 4 && c < 8 * pxm + 8; c++)
		cpumask_set_cpu(c, cpus);
	return 0;
}

static void mpx_fuzz_note(void *arg, const char *msg)
{
}

/*
 * Make the checksum right, so that mutations reach past it; an input whose
 * checksum byte is 0xff keeps its own, so the check itself is exercised.
 */
static void mpx_fix_sum(u8 *t, size_t len)
{
	size_t n, i;
	u8 sum = 0;

	if (len < 36 || t[9] == 0xff)
		return;
	n = t[4] | t[5] << 8 | t[6] << 16 | (size_t)t[7] << 24;
	if (n > len)
		return;
	t[9] = 0;
	for (i = 0; i < n; i++)
		sum += t[i];
	t[9] = -sum;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct mpam_ext_acpi_env env = {
		.valid_cpus = &mpx_all,
		.uid_to_cpu = mpx_uid_to_cpu,
		.pxm_cpus = mpx_fuzz_pxm,
		.note = mpx_fuzz_note,
	};
	char err[MPAM_EXT_ACPI_ERR_LEN];
	struct mpam_ext_platform *p;
	size_t split = size;
	u8 *mpam, *pptt;

	if (cpumask_empty(&mpx_all))
		mpx_init_cpus();
	if (size >= 8) {
		split = data[4] | data[5] << 8 | data[6] << 16 | (size_t)data[7] << 24;
		if (split > size)
			split = size;
	}
	/* separate allocations, so that a read past either table is caught */
	mpam = malloc(split ? split : 1);
	pptt = malloc(size - split ? size - split : 1);
	if (!mpam || !pptt)
		abort();
	memcpy(mpam, data, split);
	memcpy(pptt, data + split, size - split);
	mpx_fix_sum(mpam, split);
	mpx_fix_sum(pptt, size - split);
	p = mpam_ext_acpi_parse(mpam, split, size > split ? pptt : NULL,
				size - split, &env, err, sizeof(err));
	if (IS_ERR(p)) {
		if (!err[0] || strlen(err) >= sizeof(err) - 1)
			abort();
	} else {
		mpx_check_roundtrip(p);
		mpam_ext_platform_free(p);
	}
	free(mpam);
	free(pptt);
	return 0;
}
#else
static struct mpam_ext_platform *mpx_desc;

static int mpx_desc_pxm(void *arg, u32 pxm, struct cpumask *cpus)
{
	unsigned int i;

	for (i = 0; i < mpx_desc->nr_mems; i++) {
		if (mpx_desc->mems[i].id == pxm) {
			cpumask_copy(cpus, &mpx_desc->mems[i].cpus);
			return 0;
		}
	}
	return -1;
}

static void mpx_tool_note(void *arg, const char *msg)
{
	fprintf(stderr, "note: %s\n", msg);
}

static u8 *mpx_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	u8 *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		perror(path);
		exit(2);
	}
	buf = malloc(n ? n : 1);
	if (!buf || fread(buf, 1, n, f) != (size_t)n) {
		perror(path);
		exit(2);
	}
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	struct mpam_ext_acpi_env env = {
		.valid_cpus = &mpx_all,
		.uid_to_cpu = mpx_uid_to_cpu,
		.pxm_cpus = mpx_desc_pxm,
		.note = mpx_tool_note,
	};
	char err[MPAM_EXT_PLATFORM_ERR_LEN];
	size_t mlen, plen, dlen;
	struct mpam_ext_platform *p;
	u8 *mpam, *pptt, *desc;
	char *text;

	if (argc != 4) {
		fprintf(stderr, "usage: %s MPAM.aml PPTT.aml DESCRIPTION\n", argv[0]);
		return 2;
	}
	mpx_init_cpus();
	mpam = mpx_read(argv[1], &mlen);
	pptt = mpx_read(argv[2], &plen);
	desc = mpx_read(argv[3], &dlen);
	mpx_desc = mpam_ext_platform_parse((char *)desc, dlen, &mpx_all, err, sizeof(err));
	if (IS_ERR(mpx_desc)) {
		fprintf(stderr, "%s: %s\n", argv[3], err);
		return 1;
	}
	p = mpam_ext_acpi_parse(mpam, mlen, pptt, plen, &env, err, sizeof(err));
	if (IS_ERR(p)) {
		fprintf(stderr, "%s: %s\n", argv[1], err);
		return 1;
	}
	mpam_ext_acpi_apply_hw(p, mpx_desc);
	memcpy(p->name, mpx_desc->name, sizeof(p->name));
	mpx_check_roundtrip(p);
	text = mpam_ext_platform_print(p);
	fputs(text, stdout);
	free(text);
	mpam_ext_platform_free(p);
	mpam_ext_platform_free(mpx_desc);
	free(mpam);
	free(pptt);
	free(desc);
	return 0;
}
#endif
