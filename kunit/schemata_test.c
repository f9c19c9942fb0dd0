// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the schemata parser and printer: every accepted form with
 * the values it stages, rejected writes with their exact messages, partial
 * writes staging only what they name, the write and line limits, and the
 * printer's exact output with and without CDP names.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include <mpam_ext/resctrl/schemata.h>

/* Entries of the largest staging area below */
#define MPX_T_VALS	8
/* Not staged, in an expected-values row */
#define N		(-1LL)

static const u32 mpx_ids_0123[] = { 0, 1, 2, 3 };
static const u32 mpx_ids_03[] = { 0, 3 };
static const u32 mpx_ids_01[] = { 0, 1 };

/* L2: sparse, 2 bits at least; L3: contiguous; MB in steps of 10 */
static const struct mpam_ext_sch_res mpx_res_a[] = {
	{ .name = "L2", .cbm_len = 8, .min_cbm_bits = 2, .sparse = true,
	  .nr_dom = 4, .dom_ids = mpx_ids_0123 },
	{ .name = "L3", .cbm_len = 16, .min_cbm_bits = 1,
	  .nr_dom = 2, .dom_ids = mpx_ids_03 },
	{ .name = "MB", .is_mb = true, .min_bw = 10, .max_bw = 100,
	  .bw_gran = 10, .nr_dom = 2, .dom_ids = mpx_ids_03 },
};

/* CDP on; MB with a 3-bit MPAM fraction: steps of 13, from 13 */
static const struct mpam_ext_sch_res mpx_res_cdp[] = {
	{ .name = "L3CODE", .cbm_len = 12, .min_cbm_bits = 1,
	  .nr_dom = 2, .dom_ids = mpx_ids_01 },
	{ .name = "L3DATA", .cbm_len = 12, .min_cbm_bits = 1,
	  .nr_dom = 2, .dom_ids = mpx_ids_01 },
	{ .name = "MB", .is_mb = true, .min_bw = 13, .max_bw = 100,
	  .bw_gran = 13, .nr_dom = 2, .dom_ids = mpx_ids_01 },
};

/* CDP possible but off; empty masks allowed; MB step 0 (none) */
static const struct mpam_ext_sch_res mpx_res_pad[] = {
	{ .name = "L3", .cbm_len = 20, .cdp_pad = true,
	  .nr_dom = 2, .dom_ids = mpx_ids_01 },
	{ .name = "MB", .is_mb = true, .min_bw = 0, .max_bw = 100,
	  .nr_dom = 2, .dom_ids = mpx_ids_01 },
};

enum { MPX_A, MPX_CDP, MPX_PAD };

static const struct {
	const struct mpam_ext_sch_res *res;
	unsigned int nr;
} mpx_fix[] = {
	[MPX_A] = { mpx_res_a, ARRAY_SIZE(mpx_res_a) },
	[MPX_CDP] = { mpx_res_cdp, ARRAY_SIZE(mpx_res_cdp) },
	[MPX_PAD] = { mpx_res_pad, ARRAY_SIZE(mpx_res_pad) },
};

/* Parse @in (@len bytes, or strlen) with fixture @fix into @st */
static int mpx_t_parse(int fix, const char *in, size_t len,
		       struct mpam_ext_sch_val *st, char *err)
{
	return mpam_ext_schemata_parse(in, len ?: strlen(in), mpx_fix[fix].res,
				       mpx_fix[fix].nr, st, err,
				       MPAM_EXT_SCH_ERR_LEN);
}

/* Accepted writes */

/**
 * struct mpx_ok_case - an accepted write.
 * @fix:	fixture
 * @in:		the write
 * @exp:	staged values in staging-area order, %N where not staged
 */
struct mpx_ok_case {
	int fix;
	const char *in;
	s64 exp[MPX_T_VALS];
};

/* Fixture A order: L2 0-3, L3 0 and 3, MB 0 and 3 */
static const struct mpx_ok_case mpx_ok[] = {
	/* full write, several lines */
	{ MPX_A, "L2:0=ff;1=3;2=c0;3=f\nL3:0=1;3=8000\nMB:0=100;3=10\n",
	  { 0xff, 0x3, 0xc0, 0xf, 0x1, 0x8000, 100, 10 } },
	/* partial writes */
	{ MPX_A, "L3:0=ffff;3=f0\n", { N, N, N, N, 0xffff, 0xf0, N, N } },
	{ MPX_A, "MB:3=50\n", { N, N, N, N, N, N, N, 50 } },
	{ MPX_A, "L2:2=c\n", { N, N, 0xc, N, N, N, N, N } },
	/* lines in any order, one resource over two lines */
	{ MPX_A, "MB:0=20\nL3:3=2\nL3:0=1\n", { N, N, N, N, 1, 2, 20, N } },
	/* whitespace around names and values */
	{ MPX_A, "  L3 :0=  ff ;3=1\t\n", { N, N, N, N, 0xff, 0x1, N, N } },
	{ MPX_A, "\tMB\t:0=20\t\n", { N, N, N, N, N, N, 20, N } },
	{ MPX_A, "L3:0=f\r\n", { N, N, N, N, 0xf, N, N, N } },
	/* what the printer gives, padding included */
	{ MPX_A, "L3:0=ffff;3=ffff\n    MB:0=100;3=100\n",
	  { N, N, N, N, 0xffff, 0xffff, 100, 100 } },
	/* one ';' at the end, as resctrl allows */
	{ MPX_A, "L3:0=f;\n", { N, N, N, N, 0xf, N, N, N } },
	/* number forms kstrtoul() takes: 0x, upper case, '+', zeros */
	{ MPX_A, "L3:0=0xFF0;3=+0Xf\n", { N, N, N, N, 0xff0, 0xf, N, N } },
	{ MPX_A, "L3:+003=0000000000000000000000000000000001\n",
	  { N, N, N, N, N, 0x1, N, N } },
	{ MPX_A, "MB:0=+0050\n", { N, N, N, N, N, N, 50, N } },
	/* widest masks */
	{ MPX_A, "L2:0=ff\nL3:3=ffff\n", { 0xff, N, N, N, N, 0xffff, N, N } },
	/* sparse masks where allowed, first run long enough */
	{ MPX_A, "L2:1=33;3=c3\n", { N, 0x33, N, 0xc3, N, N, N, N } },
	/* MB bounds, and rounding up to the step */
	{ MPX_A, "MB:0=10;3=100\n", { N, N, N, N, N, N, 10, 100 } },
	{ MPX_A, "MB:0=55;3=91\n", { N, N, N, N, N, N, 60, 100 } },
	{ MPX_A, "MB:0=11\n", { N, N, N, N, N, N, 20, N } },
	/* CDP names */
	{ MPX_CDP, "L3CODE:0=fff;1=f\nL3DATA:0=3\n",
	  { 0xfff, 0xf, 0x3, N, N, N } },
	{ MPX_CDP, "L3DATA:1=ff0\n", { N, N, N, 0xff0, N, N } },
	/* rounded up to a step of 13 and capped at the maximum */
	{ MPX_CDP, "MB:0=14;1=99\n", { N, N, N, N, 26, 100 } },
	{ MPX_CDP, "MB:0=13;1=100\n", { N, N, N, N, 13, 100 } },
	/* empty mask with min_cbm_bits 0; MB without a step */
	{ MPX_PAD, "L3:0=0;1=fffff\nMB:0=0;1=37\n", { 0, 0xfffff, 0, 37 } },
};

static void mpx_test_accepted(struct kunit *test)
{
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char err[MPAM_EXT_SCH_ERR_LEN];
	unsigned int i, j, n;

	for (i = 0; i < ARRAY_SIZE(mpx_ok); i++) {
		const struct mpx_ok_case *c = &mpx_ok[i];

		n = mpam_ext_schemata_nr_vals(mpx_fix[c->fix].res,
					      mpx_fix[c->fix].nr);
		KUNIT_ASSERT_LE(test, n, MPX_T_VALS);
		memset(st, 0x5a, sizeof(st));
		strscpy(err, "stale", sizeof(err));
		KUNIT_EXPECT_EQ_MSG(test, mpx_t_parse(c->fix, c->in, 0, st, err),
				    0, "case %u %s: %s", i, c->in, err);
		KUNIT_EXPECT_STREQ_MSG(test, err, "", "case %u", i);
		for (j = 0; j < n; j++) {
			KUNIT_EXPECT_EQ_MSG(test, st[j].set, c->exp[j] != N,
					    "case %u %s entry %u", i, c->in, j);
			if (c->exp[j] != N)
				KUNIT_EXPECT_EQ_MSG(test, (s64)st[j].val,
						    c->exp[j],
						    "case %u %s entry %u", i,
						    c->in, j);
		}
	}
}

/* Rejected writes */

/**
 * struct mpx_bad_case - a refused write.
 * @fix:	fixture
 * @in:		the write
 * @len:	its length when it holds a NUL, else 0 for strlen()
 * @msg:	the exact message
 */
struct mpx_bad_case {
	int fix;
	const char *in;
	size_t len;
	const char *msg;
};

#define MPX_NOMAP	"Missing '=' or non-numeric domain"

static const struct mpx_bad_case mpx_bad[] = {
	/* framing */
	{ MPX_A, "", 0, "Missing newline at the end" },
	{ MPX_A, "L3:0=f", 0, "Missing newline at the end" },
	{ MPX_A, "L3:0=f\0\n", 8, "NUL byte in the write" },
	{ MPX_A, "L3:0=f\n\0", 8, "Missing newline at the end" },
	/* lines */
	{ MPX_A, "\n", 0, "Missing ':'" },
	{ MPX_A, "garbage\n", 0, "Missing ':'" },
	{ MPX_A, "L3;0=f\n", 0, "Missing ':'" },
	{ MPX_A, "L3:0=f\n\n", 0, "Missing ':'" },
	{ MPX_A, "L3:0=f\n\nMB:0=50\n", 0, "Missing ':'" },
	{ MPX_A, "L3:\n", 0, "Missing 'L3' value" },
	{ MPX_A, " L3 :\n", 0, "Missing 'L3' value" },
	/* resource names */
	{ MPX_A, "L4:0=f\n", 0, "Unknown or unsupported resource name 'L4'" },
	{ MPX_A, "l3:0=f\n", 0, "Unknown or unsupported resource name 'l3'" },
	{ MPX_A, "L3CODE:0=f\n", 0,
	  "Unknown or unsupported resource name 'L3CODE'" },
	{ MPX_CDP, "L3:0=f\n", 0, "Unknown or unsupported resource name 'L3'" },
	{ MPX_A, ":0=f\n", 0, "Unknown or unsupported resource name ''" },
	{ MPX_A, "L 3:0=f\n", 0, "Unknown or unsupported resource name 'L 3'" },
	/* domain ids */
	{ MPX_A, "L3:0\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:x=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3: 0=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:0 =f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:-0=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:0x3=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:0=f;;3=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:0=f;\t\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:0=f;3\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:18446744073709551616=f\n", 0, MPX_NOMAP },
	{ MPX_A, "L3:1=f\n", 0, "Unknown domain 1" },
	{ MPX_A, "L3:4294967296=f\n", 0, "Unknown domain 4294967296" },
	{ MPX_A, "L3:18446744073709551615=f\n", 0,
	  "Unknown domain 18446744073709551615" },
	{ MPX_A, "L3:3=f;3=f0\n", 0, "Duplicate domain 3" },
	{ MPX_A, "L3:3=f\nL3:03=f\n", 0, "Duplicate domain 3" },
	{ MPX_CDP, "L3DATA:0=f;0=f\n", 0, "Duplicate domain 0" },
	/* cache masks */
	{ MPX_A, "L3:0=\n", 0, "Non-hex character in the mask " },
	{ MPX_A, "L3:0=fg\n", 0, "Non-hex character in the mask fg" },
	{ MPX_A, "L3:0=f f\n", 0, "Non-hex character in the mask f f" },
	{ MPX_A, "L3:0=-1\n", 0, "Non-hex character in the mask -1" },
	{ MPX_A, "L3:0=0x\n", 0, "Non-hex character in the mask 0x" },
	{ MPX_A, "L3:0=f=f\n", 0, "Non-hex character in the mask f=f" },
	{ MPX_A, "L3:0=f:3=f\n", 0, "Non-hex character in the mask f:3=f" },
	{ MPX_A, "L3:0=10000000000000000\n", 0,
	  "Non-hex character in the mask 10000000000000000" },
	{ MPX_A, "L3:0=10000\n", 0, "Mask out of range" },
	{ MPX_A, "L3:0=ffffffff\n", 0, "Mask out of range" },
	{ MPX_A, "L3:0=ffffffffffffffff\n", 0, "Mask out of range" },
	{ MPX_A, "L3:0=0\n", 0, "Mask out of range" },
	{ MPX_A, "L2:0=100\n", 0, "Mask out of range" },
	{ MPX_A, "L2:0=0\n", 0, "Mask out of range" },
	{ MPX_A, "L3:0=5\n", 0, "The mask 5 has non-consecutive 1-bits" },
	{ MPX_A, "L3:0=0x0F0F\n", 0,
	  "The mask f0f has non-consecutive 1-bits" },
	{ MPX_A, "L3:3=8001\n", 0, "The mask 8001 has non-consecutive 1-bits" },
	{ MPX_A, "L2:0=1\n", 0, "Need at least 2 bits in the mask" },
	{ MPX_A, "L2:0=d\n", 0, "Need at least 2 bits in the mask" },
	{ MPX_A, "L2:0=80\n", 0, "Need at least 2 bits in the mask" },
	/* bandwidth */
	{ MPX_A, "MB:0=150\n", 0, "MB value 150 out of range [10,100]" },
	{ MPX_A, "MB:0=9\n", 0, "MB value 9 out of range [10,100]" },
	{ MPX_A, "MB:0=0\n", 0, "MB value 0 out of range [10,100]" },
	{ MPX_A, "MB:0=4294967295\n", 0,
	  "MB value 4294967295 out of range [10,100]" },
	{ MPX_CDP, "MB:0=12\n", 0, "MB value 12 out of range [13,100]" },
	{ MPX_A, "MB:0=4294967296\n", 0, "Invalid MB value 4294967296" },
	{ MPX_A, "MB:0=18446744073709551616\n", 0,
	  "Invalid MB value 18446744073709551616" },
	{ MPX_A, "MB:0=5x\n", 0, "Invalid MB value 5x" },
	{ MPX_A, "MB:0=0x50\n", 0, "Invalid MB value 0x50" },
	{ MPX_A, "MB:0=-10\n", 0, "Invalid MB value -10" },
	{ MPX_A, "MB:0=5 0\n", 0, "Invalid MB value 5 0" },
	{ MPX_A, "MB:0=\n", 0, "Invalid MB value " },
	/* a later line's error refuses the whole write */
	{ MPX_A, "L3:0=f\nMB:0=5\n", 0, "MB value 5 out of range [10,100]" },
	{ MPX_A, "L3:0=f\nMB:0=50\nL2:0=ff\nL4:0=1\n", 0,
	  "Unknown or unsupported resource name 'L4'" },
};

static void mpx_test_rejected(struct kunit *test)
{
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char err[MPAM_EXT_SCH_ERR_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(mpx_bad); i++) {
		const struct mpx_bad_case *c = &mpx_bad[i];

		err[0] = '\0';
		KUNIT_EXPECT_EQ_MSG(test,
				    mpx_t_parse(c->fix, c->in, c->len, st, err),
				    -EINVAL, "case %u %s", i, c->in);
		KUNIT_EXPECT_STREQ_MSG(test, err, c->msg, "case %u %s", i,
				       c->in);
	}
}

/*
 * Fill @buf with the line "<prefix>00...0<last>" of @len bytes and a
 * newline; @prefix is "<resource>:<id>=".
 */
static void mpx_t_line(char *buf, size_t len, const char *prefix, char last)
{
	size_t p = strlen(prefix);

	memcpy(buf, prefix, p);
	memset(buf + p, '0', len - p - 1);
	buf[len - 1] = last;
	buf[len] = '\n';
}

/* Lines and writes at the limits and a byte over them */
static void mpx_test_limits(struct kunit *test)
{
	const size_t line = MPAM_EXT_SCH_MAX_LINE, all = MPAM_EXT_SCH_MAX_WRITE;
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char err[MPAM_EXT_SCH_ERR_LEN];
	char *buf;

	buf = kunit_kzalloc(test, all + 2, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	/* the longest line */
	mpx_t_line(buf, line, "L3:0=", '1');
	KUNIT_EXPECT_EQ(test, mpx_t_parse(MPX_A, buf, line + 1, st, err), 0);
	KUNIT_EXPECT_TRUE(test, st[4].set);
	KUNIT_EXPECT_EQ(test, st[4].val, 1);

	/* a byte more */
	mpx_t_line(buf, line + 1, "L3:0=", '1');
	KUNIT_EXPECT_EQ(test, mpx_t_parse(MPX_A, buf, line + 2, st, err),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, err,
			   "Line of 4097 bytes is over the limit of 4096 bytes");

	/* an overlong line after a good one */
	memcpy(buf, "MB:0=50\n", 8);
	mpx_t_line(buf + 8, line + 1, "L3:0=", '1');
	KUNIT_EXPECT_EQ(test, mpx_t_parse(MPX_A, buf, line + 10, st, err),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, err,
			   "Line of 4097 bytes is over the limit of 4096 bytes");

	/* the longest write: four lines of 4095 bytes and their newlines */
	mpx_t_line(buf, line - 1, "L2:0=", '3');
	mpx_t_line(buf + line, line - 1, "L2:1=", '6');
	mpx_t_line(buf + 2 * line, line - 1, "L3:0=", 'c');
	mpx_t_line(buf + 3 * line, line - 1, "L3:3=", '8');
	KUNIT_ASSERT_EQ(test, 4 * line, all);
	KUNIT_EXPECT_EQ_MSG(test, mpx_t_parse(MPX_A, buf, all, st, err), 0,
			    "%s", err);
	KUNIT_EXPECT_EQ(test, st[0].val, 0x3);
	KUNIT_EXPECT_EQ(test, st[1].val, 0x6);
	KUNIT_EXPECT_EQ(test, st[4].val, 0xc);
	KUNIT_EXPECT_EQ(test, st[5].val, 0x8);
	KUNIT_EXPECT_TRUE(test, st[5].set);

	/* a byte more is refused before any line is read */
	buf[all - 1] = ' ';
	buf[all] = '\n';
	KUNIT_EXPECT_EQ(test, mpx_t_parse(MPX_A, buf, all + 1, st, err),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, err,
			   "Write of 16385 bytes is over the limit of 16384 bytes");
}

/* Only the domains a write names are staged; earlier contents are cleared */
static void mpx_test_staging(struct kunit *test)
{
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char err[MPAM_EXT_SCH_ERR_LEN];
	unsigned int j;

	for (j = 0; j < MPX_T_VALS; j++) {
		st[j].set = true;
		st[j].val = 0xdead;
	}
	KUNIT_ASSERT_EQ(test, mpx_t_parse(MPX_A, "L2:1=f0\nMB:3=30\n", 0, st,
					  err), 0);
	for (j = 0; j < MPX_T_VALS; j++) {
		bool named = j == 1 || j == 7;

		KUNIT_EXPECT_EQ_MSG(test, st[j].set, named, "entry %u", j);
		if (!named)
			KUNIT_EXPECT_EQ_MSG(test, st[j].val, 0, "entry %u", j);
	}
	KUNIT_EXPECT_EQ(test, st[1].val, 0xf0);
	KUNIT_EXPECT_EQ(test, st[7].val, 30);

	/* a second write starts from a clean area */
	KUNIT_ASSERT_EQ(test, mpx_t_parse(MPX_A, "L3:0=3\n", 0, st, err), 0);
	for (j = 0; j < MPX_T_VALS; j++)
		KUNIT_EXPECT_EQ_MSG(test, st[j].set, j == 4, "entry %u", j);
	KUNIT_EXPECT_EQ(test, st[4].val, 3);
}

/* Messages are cut to the buffer; no buffer is fine too */
static void mpx_test_err_buffer(struct kunit *test)
{
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char err[8];

	memset(err, 'x', sizeof(err));
	KUNIT_EXPECT_EQ(test,
			mpam_ext_schemata_parse("L4:0=1\n", 7, mpx_res_a,
						ARRAY_SIZE(mpx_res_a), st, err,
						sizeof(err)), -EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Unknown");
	KUNIT_EXPECT_EQ(test,
			mpam_ext_schemata_parse("L4:0=1\n", 7, mpx_res_a,
						ARRAY_SIZE(mpx_res_a), st, NULL,
						0), -EINVAL);
	KUNIT_EXPECT_EQ(test,
			mpam_ext_schemata_parse("L3:0=1\n", 7, mpx_res_a,
						ARRAY_SIZE(mpx_res_a), st, NULL,
						0), 0);
}

/* Resource descriptions the parser and printer refuse */
static void mpx_test_bad_description(struct kunit *test)
{
	struct mpam_ext_sch_res r[2] = { mpx_res_a[1], mpx_res_a[2] };
	struct mpam_ext_sch_val st[4];
	char err[MPAM_EXT_SCH_ERR_LEN], out[64];
	const u32 cur[4] = { 1, 1, 50, 50 };

	r[0].cbm_len = 0;
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_parse("L3:0=1\n", 7, r, 2, st,
						      err, sizeof(err)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Invalid description of resource 0");
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, sizeof(out), r, 2,
						      cur), -EINVAL);
	r[0].cbm_len = 33;
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_parse("L3:0=1\n", 7, r, 2, st,
						      err, sizeof(err)),
			-EINVAL);
	r[0].cbm_len = 32;
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_parse("L3:0=ffffffff\n", 14, r,
						      2, st, err, sizeof(err)),
			0);
	KUNIT_EXPECT_EQ(test, st[0].val, 0xffffffff);
	r[0].min_cbm_bits = 33;
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_parse("L3:0=1\n", 7, r, 2, st,
						      err, sizeof(err)),
			-EINVAL);
	r[0] = mpx_res_a[1];
	r[1].min_bw = 101;
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_parse("L3:0=1\n", 7, r, 2, st,
						      err, sizeof(err)),
			-EINVAL);
	KUNIT_EXPECT_STREQ(test, err, "Invalid description of resource 1");
	r[1] = mpx_res_a[2];
	r[1].name = "";
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, sizeof(out), r, 2,
						      cur), -EINVAL);
}

/* Printer */

static void mpx_test_print(struct kunit *test)
{
	static const u32 cur_a[] = { 0xff, 0x3, 0xc0, 0xf, 0xffff, 0x8000,
				     100, 10 };
	static const u32 cur_cdp[] = { 0xfff, 0xf, 0x3, 0xff0, 100, 26 };
	static const u32 cur_pad[] = { 0xfffff, 0, 100, 5 };
	static const char l3_mb[] = "L3:0=ffff;3=8000\nMB:0=100;3=10\n";
	static const char cdp[] =
		"L3CODE:0=fff;1=f\nL3DATA:0=3;1=ff0\n    MB:0=100;1=26\n";
	char out[128];

	/* L3 and MB */
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, sizeof(out),
						      &mpx_res_a[1], 2,
						      &cur_a[4]),
			(int)strlen(l3_mb));
	KUNIT_EXPECT_STREQ(test, out, l3_mb);

	/* L2, L3 and MB */
	KUNIT_EXPECT_GT(test, mpam_ext_schemata_print(out, sizeof(out),
						      mpx_res_a, 3, cur_a), 0);
	KUNIT_EXPECT_STREQ(test, out,
			   "L2:0=ff;1=3;2=c0;3=f\nL3:0=ffff;3=8000\nMB:0=100;3=10\n");

	/* CDP on: names padded to L3CODE */
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, sizeof(out),
						      mpx_res_cdp, 3, cur_cdp),
			(int)strlen(cdp));
	KUNIT_EXPECT_STREQ(test, out, cdp);

	/* CDP possible but off: the same width */
	KUNIT_EXPECT_GT(test, mpam_ext_schemata_print(out, sizeof(out),
						      mpx_res_pad, 2, cur_pad),
			0);
	KUNIT_EXPECT_STREQ(test, out, "    L3:0=fffff;1=0\n    MB:0=100;1=5\n");

	/* no resources: an empty file */
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, 1, mpx_res_a, 0,
						      cur_a), 0);
	KUNIT_EXPECT_STREQ(test, out, "");
}

/* The exact size fits, one byte less does not */
static void mpx_test_print_space(struct kunit *test)
{
	static const u32 cur[] = { 0xffff, 0x8000, 100, 10 };
	size_t need = strlen("L3:0=ffff;3=8000\nMB:0=100;3=10\n") + 1;
	char out[64];

	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, need, &mpx_res_a[1],
						      2, cur), (int)need - 1);
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, need - 1,
						      &mpx_res_a[1], 2, cur),
			-ENOSPC);
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, 3, &mpx_res_a[1],
						      2, cur), -ENOSPC);
	KUNIT_EXPECT_EQ(test, mpam_ext_schemata_print(out, 0, &mpx_res_a[1],
						      2, cur), -ENOSPC);
}

/* What the printer gives, the parser takes back unchanged */
static void mpx_test_round_trip(struct kunit *test)
{
	static const u32 cur_cdp[] = { 0x7, 0xff0, 0x1, 0xfff, 13, 100 };
	struct mpam_ext_sch_val st[MPX_T_VALS];
	char out[128], err[MPAM_EXT_SCH_ERR_LEN];
	unsigned int j;
	int n;

	n = mpam_ext_schemata_print(out, sizeof(out), mpx_res_cdp, 3,
				    cur_cdp);
	KUNIT_ASSERT_GT(test, n, 0);
	KUNIT_ASSERT_EQ_MSG(test, mpx_t_parse(MPX_CDP, out, n, st, err), 0,
			    "%s", err);
	for (j = 0; j < ARRAY_SIZE(cur_cdp); j++) {
		KUNIT_EXPECT_TRUE_MSG(test, st[j].set, "entry %u", j);
		KUNIT_EXPECT_EQ_MSG(test, st[j].val, cur_cdp[j], "entry %u", j);
	}
}

static struct kunit_case mpx_schemata_cases[] = {
	KUNIT_CASE(mpx_test_accepted),
	KUNIT_CASE(mpx_test_rejected),
	KUNIT_CASE(mpx_test_limits),
	KUNIT_CASE(mpx_test_staging),
	KUNIT_CASE(mpx_test_err_buffer),
	KUNIT_CASE(mpx_test_bad_description),
	KUNIT_CASE(mpx_test_print),
	KUNIT_CASE(mpx_test_print_space),
	KUNIT_CASE(mpx_test_round_trip),
	{}
};

static struct kunit_suite mpx_schemata_suite = {
	.name = "mpam_ext_schemata",
	.test_cases = mpx_schemata_cases,
};

kunit_test_suite(mpx_schemata_suite);
