/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resctrl "schemata" file: parsing a write into a staging area and
 * printing current values, with the syntax, checks and messages of the
 * kernel's resctrl user interface. Pure code: no locks, no allocation, no
 * hardware access; the caller describes the resources and owns the
 * storage. Syntax and messages: docs/schemata.md.
 */
#ifndef MPAM_EXT_SCHEMATA_H
#define MPAM_EXT_SCHEMATA_H

#include <linux/types.h>

/* Longest write the parser accepts, in bytes */
#define MPAM_EXT_SCH_MAX_WRITE		16384
/* Longest line of a write, in bytes, without its newline */
#define MPAM_EXT_SCH_MAX_LINE		4096
/* Widest cache bitmap, in bits */
#define MPAM_EXT_SCH_MAX_CBM		32
/* Size of an error message buffer that no message of the parser fills */
#define MPAM_EXT_SCH_ERR_LEN		160

/**
 * struct mpam_ext_sch_res - one schemata resource, as the caller offers it.
 * @name:	name on its schemata line: "L2", "L3", "MB", "L3CODE", ...
 * @is_mb:	true for a bandwidth percentage, false for a cache bitmap
 * @cbm_len:	cache: bits in the bitmap, 1 to %MPAM_EXT_SCH_MAX_CBM
 * @min_cbm_bits: cache: fewest bits in the first run of set bits; when
 *		non-zero, an empty mask is refused too
 * @sparse:	cache: masks with more than one run of set bits are allowed
 * @min_bw:	MB: lowest accepted percentage
 * @max_bw:	MB: highest accepted percentage
 * @bw_gran:	MB: percentage step; values are rounded up to a multiple of
 *		it (0 means 1)
 * @cdp_pad:	the resource could use code/data prioritisation but it is
 *		off: the printer counts four more characters for its name
 *		when it works out the name width, so that the layout stays
 *		the same whether CDP is on or off
 * @nr_dom:	number of domains
 * @dom_ids:	their ids, in the order the printer shows them (ascending,
 *		as resctrl shows them); no id twice
 */
struct mpam_ext_sch_res {
	const char *name;
	bool is_mb;
	u32 cbm_len;
	u32 min_cbm_bits;
	bool sparse;
	u32 min_bw, max_bw, bw_gran;
	bool cdp_pad;
	unsigned int nr_dom;
	const u32 *dom_ids;
};

/**
 * struct mpam_ext_sch_val - a staged value of one domain of one resource.
 * @set:	the write gave this domain a new value
 * @val:	the new value: cache bitmap, or MB percentage after rounding
 *
 * Staging areas and current-value arrays are laid out alike: resource 0's
 * domains in @dom_ids order, then resource 1's, and so on, one entry per
 * domain; mpam_ext_schemata_nr_vals() gives the number of entries.
 */
struct mpam_ext_sch_val {
	bool set;
	u32 val;
};

unsigned int mpam_ext_schemata_nr_vals(const struct mpam_ext_sch_res *res,
				       unsigned int nr_res);
int mpam_ext_schemata_parse(const char *buf, size_t len,
			    const struct mpam_ext_sch_res *res,
			    unsigned int nr_res,
			    struct mpam_ext_sch_val *staged,
			    char *err, size_t err_len);
int mpam_ext_schemata_print(char *buf, size_t len,
			    const struct mpam_ext_sch_res *res,
			    unsigned int nr_res, const u32 *cur);

#endif /* MPAM_EXT_SCHEMATA_H */
