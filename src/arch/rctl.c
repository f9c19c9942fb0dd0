// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext resctrl control hooks: one CLOSID's cache portion bitmap or
 * bandwidth percentage on one resctrl domain, read from and written to
 * every RIS behind that domain. Formats and rules: docs/model.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/math.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/msc/msc.h>
#include <mpam_ext/arch/rctl.h>

/*
 * Functions only the KUnit suites call from outside this file: static in
 * a production build, declared in kunit/mpx_resctrl_test.h in a test build
 */
#ifdef MPAM_EXT_KUNIT
#include "kunit/mpx_resctrl_test.h"
#define MPX_RC_TESTABLE
#else
#define MPX_RC_TESTABLE	static
#endif

/**
 * mpam_ext_rc_num_closids() - CLOSIDs a resctrl front can hand out.
 * @t:		the picking result
 * @cdp:	code/data prioritisation is on: each CLOSID takes two PARTIDs
 *
 * Return: the smallest PARTID count of the classes backing L2, L3 and MB
 * and of the MSCs (mpam_ext_msc_partid_count(), when MSCs are set up),
 * halved with @cdp; 0 when no resource is picked.
 */
u32 mpam_ext_rc_num_closids(const struct mpam_ext_topo *t, bool cdp)
{
	u32 n = U32_MAX, msc = mpam_ext_msc_partid_count();
	unsigned int i;

	for (i = 0; i < MPAM_EXT_RES_NR; i++)
		if (t->res[i].cls)
			n = min_t(u32, n, t->res[i].cls->props.partid_max + 1U);
	if (n == U32_MAX)
		return 0;
	if (msc)
		n = min(n, msc);
	return cdp ? n / 2 : n;
}

/**
 * mpam_ext_rc_partid() - the PARTID of a CLOSID.
 * @closid:	the CLOSID
 * @type:	which half of the pair under CDP
 *
 * Return: @closid without CDP; 2 * @closid for data and 2 * @closid + 1
 * for code with CDP.
 */
u16 mpam_ext_rc_partid(u32 closid, enum mpam_ext_cdp type)
{
	if (type == MPAM_EXT_CDP_NONE)
		return closid;
	return closid * 2 + (type == MPAM_EXT_CDP_CODE);
}

/**
 * mpam_ext_rc_bw_gran() - the MB granularity resctrl shows.
 * @bwa_wd:	the class's bandwidth fraction width (1..16)
 *
 * Return: the smallest step, in percent, of a fraction of @bwa_wd bits,
 * rounded up: 100 / 2^@bwa_wd, at least 1.
 */
u32 mpam_ext_rc_bw_gran(u8 bwa_wd)
{
	if (!bwa_wd || bwa_wd > 16)
		return 100;
	return DIV_ROUND_UP(100, 1U << bwa_wd);
}

/**
 * mpam_ext_rc_pct_to_mbw() - a resctrl MB percentage as MBW_MAX.
 * @pct:	percent of the bandwidth, 1..100 (clamped)
 * @bwa_wd:	the class's fraction width (1..16)
 *
 * A fraction field of @bwa_wd bits holding f allows (f + 1) / 2^@bwa_wd of
 * the bandwidth. f + 1 is @pct of 2^@bwa_wd rounded to the nearest step
 * (at least one step), and the result is the 16-bit value of struct
 * mpam_ext_config.mbw_max: f in the top @bwa_wd bits, ones below.
 *
 * Return: the MBW_MAX value; 0xffff for 100 %.
 */
MPX_RC_TESTABLE u16 mpam_ext_rc_pct_to_mbw(u32 pct, u8 bwa_wd)
{
	u32 steps, scale;

	if (!bwa_wd || bwa_wd > 16)
		return 0xffff;
	scale = 1U << bwa_wd;
	pct = clamp_t(u32, pct, 1, 100);
	steps = DIV_ROUND_CLOSEST(pct * scale, 100);
	steps = clamp_t(u32, steps, 1, scale);
	return ((steps << (16 - bwa_wd)) - 1) & 0xffff;
}

/**
 * mpam_ext_rc_mbw_to_pct() - MBW_MAX as a resctrl MB percentage.
 * @mbw:	a 16-bit MBW_MAX value (struct mpam_ext_config.mbw_max)
 * @bwa_wd:	the class's fraction width (1..16)
 *
 * Return: (f + 1) / 2^@bwa_wd of the bandwidth in percent, rounded to the
 * nearest, where f is the top @bwa_wd bits of @mbw; the inverse of
 * mpam_ext_rc_pct_to_mbw() for every percentage when steps are finer than
 * 1 % (@bwa_wd of 7 or more).
 */
MPX_RC_TESTABLE u32 mpam_ext_rc_mbw_to_pct(u16 mbw, u8 bwa_wd)
{
	u32 steps;

	if (!bwa_wd || bwa_wd > 16)
		return 100;
	steps = (mbw >> (16 - bwa_wd)) + 1;
	return DIV_ROUND_CLOSEST(steps * 100, 1U << bwa_wd);
}

/* The domain @dom of @res, or NULL */
static const struct mpam_ext_domain *mpx_rc_dom(const struct mpam_ext_topo *t,
						enum mpam_ext_res res, u32 dom)
{
	const struct mpam_ext_pick *pk;
	int i;

	if (res >= MPAM_EXT_RES_NR)
		return NULL;
	pk = &t->res[res];
	i = pk->cls ? mpam_ext_pick_dom_idx(pk, dom) : -1;
	return i < 0 ? NULL : &pk->dom[i];
}

/* The control field of @res, and the feature it needs */
static enum mpam_ext_cfg_field mpx_rc_field(enum mpam_ext_res res)
{
	return res == MPAM_EXT_RES_MB ? MPAM_EXT_CFG_MBW_MAX : MPAM_EXT_CFG_CPBM;
}

/* Check the resource, domain and CLOSID; find the domain and PARTID */
static int mpx_rc_lookup(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			 u32 dom, u32 closid, enum mpam_ext_cdp type,
			 const struct mpam_ext_domain **d, u16 *partid)
{
	if (res >= MPAM_EXT_RES_NR || !t->res[res].cls)
		return -ENODEV;
	if (closid >= mpam_ext_rc_num_closids(t, type != MPAM_EXT_CDP_NONE))
		return -EINVAL;
	*d = mpx_rc_dom(t, res, dom);
	if (!*d)
		return -ENOENT;
	*partid = mpam_ext_rc_partid(closid, type);
	return 0;
}

/**
 * mpam_ext_comp_next_ris() - walk the RIS in use behind a component.
 * @comp:	the component
 * @fields:	bitmap of enum mpam_ext_cfg_field: only RIS that support one
 *		of them; 0 for every RIS in use
 * @pos:	cursor, 0 to start
 *
 * RIS in use: of a vMSC and a RIS position not excluded by parameter,
 * probed, of an MSC that is set up. Walks vMSCs in order, then their RIS
 * in description order.
 *
 * Return: the next such RIS, or NULL at the end.
 */
struct mpam_ext_ris *mpam_ext_comp_next_ris(const struct mpam_ext_component *comp,
					    unsigned long fields,
					    unsigned int *pos)
{
	for (; *pos < comp->nr_vmsc * MPAM_EXT_MAX_RIS; (*pos)++) {
		const struct mpam_ext_vmsc *v = &comp->vmsc[*pos / MPAM_EXT_MAX_RIS];
		unsigned int j = *pos % MPAM_EXT_MAX_RIS;
		struct mpam_ext_msc *msc;
		struct mpam_ext_ris *ris;

		if (v->excluded || j >= v->nr_ris || (v->ris_excluded & BIT(j)))
			continue;
		msc = mpam_ext_msc_find(v->msc->id);
		ris = msc ? mpam_ext_ris_find(msc, v->ris[j]->idx) : NULL;
		if (ris && ris->probed &&
		    (!fields || (mpam_ext_ris_cfg_fields(ris) & fields))) {
			(*pos)++;
			return ris;
		}
	}
	return NULL;
}

/**
 * mpam_ext_rc_get_config() - one CLOSID's value on one domain.
 * @t:		the picking result
 * @res:	L2, L3 (cache portion bitmap) or MB (percent)
 * @dom:	the domain id
 * @closid:	the CLOSID
 * @type:	CDP half, or MPAM_EXT_CDP_NONE
 * @val:	set to the bitmap or the percentage
 *
 * Reads the driver's record of what it wrote to the first RIS behind the
 * domain (every RIS behind a domain is written alike). Under the mata
 * policy several MB domains can share one memory-side component, and so
 * read the same value. Process context.
 *
 * Return: 0; -ENODEV when @res is not picked or has no RIS in use behind
 * @dom; -ENOENT for a domain @res lacks; -EINVAL for a CLOSID out of
 * range; the MSC driver's error (-EIO for an errored MSC is not one: its
 * record still reads).
 */
int mpam_ext_rc_get_config(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 *val)
{
	enum mpam_ext_cfg_field field = mpx_rc_field(res);
	const struct mpam_ext_domain *d;
	struct mpam_ext_config cfg;
	struct mpam_ext_ris *ris;
	unsigned int pos = 0;
	u16 partid;
	int ret;

	ret = mpx_rc_lookup(t, res, dom, closid, type, &d, &partid);
	if (ret)
		return ret;
	/* The first RIS answers: every RIS of a domain is written alike */
	ris = mpam_ext_comp_next_ris(d->comp, BIT(field), &pos);
	if (!ris)
		return -ENODEV;
	ret = mpam_ext_msc_get_config(ris, partid, &cfg);
	if (ret)
		return ret;
	if (res == MPAM_EXT_RES_MB)
		*val = mpam_ext_rc_mbw_to_pct(cfg.mbw_max,
					      t->res[res].cls->props.bwa_wd);
	else
		bitmap_to_arr32(val, cfg.cpbm, t->res[res].cls->props.cpbm_wd);
	return 0;
}

/**
 * mpam_ext_rc_update_one() - set one CLOSID's value on one domain.
 * @t:		the picking result
 * @res:	L2, L3 or MB
 * @dom:	the domain id
 * @closid:	the CLOSID
 * @type:	CDP half, or MPAM_EXT_CDP_NONE
 * @val:	a cache portion bitmap, non-empty and within the class's
 *		width (at most 32 bits), or a percentage 1..100
 *
 * Writes every RIS in use behind the domain (each MSC of a memory-side
 * component spanning several L3s, each aliasing RIS of a vMSC that has the
 * control); the MSC driver writes only registers whose value changes.
 * Under the mata policy this changes every MB domain sharing the
 * component. Process context.
 *
 * Return: 0; -EINVAL for a bad value or CLOSID; -ENOENT, -ENODEV as for
 * mpam_ext_rc_get_config(); -EIO when an MSC behind the domain is errored
 * (the RIS before it keep the new value).
 */
int mpam_ext_rc_update_one(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			   u32 dom, u32 closid, enum mpam_ext_cdp type, u32 val)
{
	enum mpam_ext_cfg_field field = mpx_rc_field(res);
	const struct mpam_ext_ris_hw *props;
	const struct mpam_ext_domain *d;
	struct mpam_ext_config cfg = {};
	struct mpam_ext_ris *ris;
	unsigned int pos = 0;
	u16 partid;
	int ret;

	ret = mpx_rc_lookup(t, res, dom, closid, type, &d, &partid);
	if (ret)
		return ret;
	props = &t->res[res].cls->props;
	cfg.set = BIT(field);
	if (res == MPAM_EXT_RES_MB) {
		if (!val || val > 100)
			return -EINVAL;
		cfg.mbw_max = mpam_ext_rc_pct_to_mbw(val, props->bwa_wd);
	} else {
		if (!val || props->cpbm_wd > 32 ||
		    (props->cpbm_wd < 32 && val >> props->cpbm_wd))
			return -EINVAL;
		bitmap_from_arr32(cfg.cpbm, &val, 32);
	}
	ret = -ENODEV;
	while ((ris = mpam_ext_comp_next_ris(d->comp, BIT(field), &pos))) {
		ret = mpam_ext_msc_apply(ris, partid, &cfg);
		if (ret)
			break;
	}
	return ret;
}

/**
 * mpam_ext_rc_check_shared() - refuse different values for domains that
 * share a component.
 * @t:		the picking result
 * @res:	the resource
 * @set:	per domain of @res, in the order of @t->res[@res].dom: a value
 *		is staged
 * @vals:	the staged values, same order
 * @err:	buffer for the reason, or NULL
 * @err_len:	its size
 *
 * Under the mata policy several MB domains (L3s) share one memory-side
 * component and so one value: a write that stages two different values
 * for such domains cannot be carried out as asked.
 *
 * Return: 0, or -EINVAL with @err naming the two domains and the
 * component, e.g. "MB: domains 1 and 26 share memory-side component 0:
 * their values must match".
 */
int mpam_ext_rc_check_shared(const struct mpam_ext_topo *t, enum mpam_ext_res res,
			     const bool *set, const u32 *vals, char *err,
			     size_t err_len)
{
	const struct mpam_ext_pick *pk;
	unsigned int i, j;

	if (res >= MPAM_EXT_RES_NR)
		return -EINVAL;
	pk = &t->res[res];
	for (i = 0; pk->cls && i < pk->nr_dom; i++) {
		for (j = i + 1; set[i] && j < pk->nr_dom; j++) {
			if (!set[j] || pk->dom[i].comp != pk->dom[j].comp ||
			    vals[i] == vals[j])
				continue;
			if (err)
				snprintf(err, err_len,
					 "%s: domains %u and %u share %s component %u: their values must match",
					 mpam_ext_res_name(res), pk->dom[i].id,
					 pk->dom[j].id,
					 pk->cls->type == MPAM_EXT_CLASS_MEM ?
					 "memory-side" : pk->cls->name,
					 pk->dom[i].comp->id);
			return -EINVAL;
		}
	}
	return 0;
}
