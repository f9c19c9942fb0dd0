// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext schemata parser and printer: a write to a group's schemata file
 * becomes per-domain staged values, or one resctrl-style message and
 * -EINVAL; current values become the text a read of the file gives.
 * The input is never modified and never read past its length.
 * Syntax and messages: docs/schemata.md.
 */
#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/math64.h>
#include <linux/overflow.h>
#include <linux/string.h>

#include <mpam_ext/resctrl/schemata.h>

/* A stretch of the write; not NUL-terminated */
struct mpx_sch_span {
	const char *p;
	size_t n;
};

static __printf(3, 4) int mpx_sch_fail(char *err, size_t err_len,
				   const char *fmt, ...)
{
	va_list args;

	if (err && err_len) {
		va_start(args, fmt);
		vsnprintf(err, err_len, fmt, args);
		va_end(args);
	}
	return -EINVAL;
}

/* Drop whitespace (isspace()) at both ends, as resctrl's strim() does */
static struct mpx_sch_span mpx_sch_trim(struct mpx_sch_span s)
{
	while (s.n && isspace(s.p[0])) {
		s.p++;
		s.n--;
	}
	while (s.n && isspace(s.p[s.n - 1]))
		s.n--;
	return s;
}

/*
 * Read an unsigned number with the rules of kstrtoull(): an optional '+',
 * for base 16 an optional "0x" or "0X", then one or more digits of the
 * base and nothing else. False for anything else or a value over 64 bits.
 */
static bool mpx_sch_parse_u64(struct mpx_sch_span s, unsigned int base, u64 *out)
{
	size_t i = 0;
	u64 v = 0;

	if (i < s.n && s.p[i] == '+')
		i++;
	if (base == 16 && s.n - i >= 2 && s.p[i] == '0' &&
	    tolower(s.p[i + 1]) == 'x')
		i += 2;
	if (i == s.n)
		return false;
	for (; i < s.n; i++) {
		char c = tolower(s.p[i]);
		unsigned int digit;

		if (isdigit(c))
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else
			return false;
		if (digit >= base)
			return false;
		if (check_mul_overflow(v, (u64)base, &v) ||
		    check_add_overflow(v, (u64)digit, &v))
			return false;
	}
	*out = v;
	return true;
}

/* A cache bitmap; the checks and their order are resctrl's */
static int mpx_sch_parse_cbm(struct mpx_sch_span s, const struct mpam_ext_sch_res *r,
			     u32 *out, char *err, size_t err_len)
{
	u64 all = GENMASK_ULL(r->cbm_len - 1, 0);
	u64 v, run = 0;
	bool one_run = true;

	if (!mpx_sch_parse_u64(s, 16, &v))
		return mpx_sch_fail(err, err_len,
				"Non-hex character in the mask %.*s",
				(int)s.n, s.p);
	if ((r->min_cbm_bits && !v) || v > all)
		return mpx_sch_fail(err, err_len, "Mask out of range");
	if (v) {
		/* v shifted down to its lowest set bit: 1s then the rest */
		u64 w = v >> __ffs64(v);

		one_run = !(w & (w + 1));
		run = __ffs64(~w);
	}
	if (!r->sparse && !one_run)
		return mpx_sch_fail(err, err_len,
				"The mask %llx has non-consecutive 1-bits", v);
	/* As in resctrl, only the lowest run counts, sparse or not */
	if (run < r->min_cbm_bits)
		return mpx_sch_fail(err, err_len, "Need at least %u bits in the mask",
				r->min_cbm_bits);
	*out = v;
	return 0;
}

/*
 * A bandwidth percentage: checked against [min_bw, max_bw], then rounded up
 * to a multiple of bw_gran as resctrl does, and capped at max_bw so that an
 * accepted value never ends above the maximum (resctrl has no cap: with a
 * step that does not divide max_bw it can stage more than max_bw).
 */
static int mpx_sch_parse_mb(struct mpx_sch_span s, const struct mpam_ext_sch_res *r,
			    u32 *out, char *err, size_t err_len)
{
	u32 gran = r->bw_gran ?: 1;
	u64 v;

	if (!mpx_sch_parse_u64(s, 10, &v) || v > U32_MAX)
		return mpx_sch_fail(err, err_len, "Invalid MB value %.*s",
				(int)s.n, s.p);
	if (v < r->min_bw || v > r->max_bw)
		return mpx_sch_fail(err, err_len, "MB value %llu out of range [%u,%u]",
				v, r->min_bw, r->max_bw);
	v = DIV_ROUND_UP_ULL(v, gran) * gran;
	*out = min_t(u64, v, r->max_bw);
	return 0;
}

/*
 * The part of a line after the ':': "<id>=<value>" items separated by ';'.
 * It is not empty; a ';' at its very end is allowed, as resctrl allows it.
 */
static int mpx_sch_parse_doms(struct mpx_sch_span tok, const struct mpam_ext_sch_res *r,
			      struct mpam_ext_sch_val *staged,
			      char *err, size_t err_len)
{
	while (tok.n) {
		const char *semi = memchr(tok.p, ';', tok.n);
		struct mpx_sch_span item = { tok.p, semi ? semi - tok.p : tok.n };
		const char *eq = memchr(item.p, '=', item.n);
		struct mpx_sch_span val;
		unsigned int d;
		u64 id;
		u32 v;
		int ret;

		if (!eq ||
		    !mpx_sch_parse_u64((struct mpx_sch_span){ item.p, eq - item.p },
				   10, &id))
			return mpx_sch_fail(err, err_len,
					"Missing '=' or non-numeric domain");
		val.p = eq + 1;
		val.n = item.p + item.n - val.p;
		val = mpx_sch_trim(val);

		for (d = 0; d < r->nr_dom; d++)
			if (r->dom_ids[d] == id)
				break;
		if (d == r->nr_dom)
			return mpx_sch_fail(err, err_len, "Unknown domain %llu", id);
		if (staged[d].set)
			return mpx_sch_fail(err, err_len, "Duplicate domain %u",
					r->dom_ids[d]);

		if (r->is_mb)
			ret = mpx_sch_parse_mb(val, r, &v, err, err_len);
		else
			ret = mpx_sch_parse_cbm(val, r, &v, err, err_len);
		if (ret)
			return ret;
		staged[d].val = v;
		staged[d].set = true;

		if (!semi)
			break;
		tok.p = semi + 1;
		tok.n -= item.n + 1;
	}
	return 0;
}

/* One line, without its newline: "<resource>:<domains>" */
static int mpx_sch_parse_line(struct mpx_sch_span line,
			      const struct mpam_ext_sch_res *res,
			      unsigned int nr_res, struct mpam_ext_sch_val *staged,
			      char *err, size_t err_len)
{
	const char *colon;
	struct mpx_sch_span name, tok;
	unsigned int i, first = 0;

	if (line.n > MPAM_EXT_SCH_MAX_LINE)
		return mpx_sch_fail(err, err_len,
				"Line of %zu bytes is over the limit of %u bytes",
				line.n, MPAM_EXT_SCH_MAX_LINE);
	colon = memchr(line.p, ':', line.n);
	if (!colon)
		return mpx_sch_fail(err, err_len, "Missing ':'");
	name.p = line.p;
	name.n = colon - line.p;
	name = mpx_sch_trim(name);
	tok.p = colon + 1;
	tok.n = line.p + line.n - tok.p;
	if (!tok.n)
		return mpx_sch_fail(err, err_len, "Missing '%.*s' value",
				(int)name.n, name.p);

	for (i = 0; i < nr_res; first += res[i].nr_dom, i++) {
		if (strlen(res[i].name) == name.n &&
		    !memcmp(res[i].name, name.p, name.n))
			return mpx_sch_parse_doms(tok, &res[i], staged + first,
					      err, err_len);
	}
	return mpx_sch_fail(err, err_len,
			"Unknown or unsupported resource name '%.*s'",
			(int)name.n, name.p);
}

static bool mpx_sch_res_ok(const struct mpam_ext_sch_res *r)
{
	if (!r->name || !r->name[0] || (r->nr_dom && !r->dom_ids))
		return false;
	if (r->is_mb)
		return r->min_bw <= r->max_bw;
	return r->cbm_len >= 1 && r->cbm_len <= MPAM_EXT_SCH_MAX_CBM &&
	       r->min_cbm_bits <= r->cbm_len;
}

/**
 * mpam_ext_schemata_nr_vals() - entries in a staging or current-value array.
 * @res:	the resources
 * @nr_res:	how many
 *
 * Return: the sum of their domain counts.
 */
unsigned int mpam_ext_schemata_nr_vals(const struct mpam_ext_sch_res *res,
				       unsigned int nr_res)
{
	unsigned int i, n = 0;

	for (i = 0; i < nr_res; i++)
		n += res[i].nr_dom;
	return n;
}

/**
 * mpam_ext_schemata_parse() - parse a write to a schemata file.
 * @buf:	the bytes written; need not be NUL-terminated
 * @len:	their number
 * @res:	the resources the file offers
 * @nr_res:	how many
 * @staged:	staging area, mpam_ext_schemata_nr_vals() entries; cleared
 *		first, then each domain the write names gets @set and @val
 * @err:	where the message of a refusal goes, without a newline; ""
 *		on success; may be NULL
 * @err_len:	its size; %MPAM_EXT_SCH_ERR_LEN is enough for every message
 *		that does not quote the write, longer ones are cut
 *
 * The write is lines "<resource>:<id>=<value>[;<id>=<value>...]" and must
 * end in a newline, as resctrl requires. The write is taken whole or not
 * at all: on an error the staging area holds a partial result the caller
 * must discard.
 *
 * Return: 0, or -EINVAL with a message in @err.
 */
int mpam_ext_schemata_parse(const char *buf, size_t len,
			    const struct mpam_ext_sch_res *res,
			    unsigned int nr_res,
			    struct mpam_ext_sch_val *staged,
			    char *err, size_t err_len)
{
	size_t start = 0, body;
	unsigned int i, nr_vals;
	int ret;

	if (err && err_len)
		err[0] = '\0';
	for (i = 0; i < nr_res; i++)
		if (!mpx_sch_res_ok(&res[i]))
			return mpx_sch_fail(err, err_len,
					"Invalid description of resource %u", i);
	nr_vals = mpam_ext_schemata_nr_vals(res, nr_res);
	if (nr_vals)
		memset(staged, 0, nr_vals * sizeof(*staged));

	if (len > MPAM_EXT_SCH_MAX_WRITE)
		return mpx_sch_fail(err, err_len,
				"Write of %zu bytes is over the limit of %u bytes",
				len, MPAM_EXT_SCH_MAX_WRITE);
	if (!len || buf[len - 1] != '\n')
		return mpx_sch_fail(err, err_len, "Missing newline at the end");
	if (memchr(buf, '\0', len))
		return mpx_sch_fail(err, err_len, "NUL byte in the write");

	/* Lines are what lies between newlines, the final one dropped */
	body = len - 1;
	for (;;) {
		const char *nl = memchr(buf + start, '\n', body - start);
		struct mpx_sch_span line = { buf + start,
					 nl ? nl - (buf + start) : body - start };

		ret = mpx_sch_parse_line(line, res, nr_res, staged, err, err_len);
		if (ret)
			return ret;
		if (!nl)
			return 0;
		start += line.n + 1;
	}
}

static __printf(4, 5) int mpx_sch_put(char *buf, size_t len, size_t *pos,
				  const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf + *pos, len - *pos, fmt, args);
	va_end(args);
	if (n < 0 || n >= len - *pos)
		return -ENOSPC;
	*pos += n;
	return 0;
}

/**
 * mpam_ext_schemata_print() - the text of a schemata file.
 * @buf:	where it goes, NUL-terminated
 * @len:	its size
 * @res:	the resources, in the order of their lines
 * @nr_res:	how many
 * @cur:	current values, one per domain, laid out as a staging area
 *
 * One line per resource: its name right-aligned to the widest name (see
 * &struct mpam_ext_sch_res.cdp_pad), ':', then "<id>=<value>" for each
 * domain in @dom_ids order separated by ';', then a newline. Cache masks
 * are lower-case hex without "0x", bandwidths decimal.
 *
 * Return: the length of the text, -ENOSPC when it does not fit in @buf
 * (which then holds a cut text), or -EINVAL for an invalid description.
 */
int mpam_ext_schemata_print(char *buf, size_t len,
			    const struct mpam_ext_sch_res *res,
			    unsigned int nr_res, const u32 *cur)
{
	unsigned int i, d, width = 0;
	size_t pos = 0;
	int ret;

	for (i = 0; i < nr_res; i++) {
		if (!mpx_sch_res_ok(&res[i]))
			return -EINVAL;
		width = max_t(unsigned int, width,
			      strlen(res[i].name) + (res[i].cdp_pad ? 4 : 0));
	}
	if (!len)
		return -ENOSPC;
	len = min_t(size_t, len, INT_MAX);
	buf[0] = '\0';

	for (i = 0; i < nr_res; i++) {
		const struct mpam_ext_sch_res *r = &res[i];

		ret = mpx_sch_put(buf, len, &pos, "%*s:", (int)width, r->name);
		for (d = 0; !ret && d < r->nr_dom; d++, cur++) {
			const char *sep = d ? ";" : "";

			if (r->is_mb)
				ret = mpx_sch_put(buf, len, &pos, "%s%u=%u", sep,
						  r->dom_ids[d], *cur);
			else
				ret = mpx_sch_put(buf, len, &pos, "%s%u=%x", sep,
						  r->dom_ids[d], *cur);
		}
		if (!ret)
			ret = mpx_sch_put(buf, len, &pos, "\n");
		if (ret)
			return ret;
	}
	return pos;
}
