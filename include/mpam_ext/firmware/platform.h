/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Platform description: what mpam_ext knows of a machine before it touches
 * an MSC. Written and read as text (docs/platform-format.md) by one parser
 * and one printer; built from firmware tables on real machines; the
 * simulator builds its register files from it.
 */
#ifndef MPAM_EXT_PLATFORM_H
#define MPAM_EXT_PLATFORM_H

#include <linux/cpumask.h>
#include <linux/types.h>

struct device;

#define MPAM_EXT_MAX_RIS		16
#define MPAM_EXT_NAME_LEN		32

/* Limits of a text description (docs/platform-format.md) */
#define MPAM_EXT_PLATFORM_MAX_TEXT	(1024 * 1024)	/* bytes */
#define MPAM_EXT_PLATFORM_MAX_LINE	16384		/* characters */
#define MPAM_EXT_PLATFORM_MAX_CACHES	4096
#define MPAM_EXT_PLATFORM_MAX_MEMS	1024
#define MPAM_EXT_PLATFORM_MAX_MSCS	1024
/* A message buffer this large holds every message untruncated */
#define MPAM_EXT_PLATFORM_ERR_LEN	256

/* What a RIS's locator points at */
enum mpam_ext_loc_type {
	MPAM_EXT_LOC_CACHE,	/* a cache: level and cache id */
	MPAM_EXT_LOC_MEMORY,	/* a memory node (proximity domain) */
	MPAM_EXT_LOC_UNKNOWN,	/* anything else: only reset, never used */
	/*
	 * What else firmware names. Like MPAM_EXT_LOC_UNKNOWN, such a RIS is
	 * only reset; the locator is kept so that it can be shown and replayed.
	 */
	MPAM_EXT_LOC_MEMCACHE,	/* a memory-side cache: level and id */
	MPAM_EXT_LOC_SMMU,	/* an SMMU: @ref is its IORT reference */
	MPAM_EXT_LOC_ACPI_DEV,	/* an ACPI device: @ref its HID, @id its UID */
	MPAM_EXT_LOC_INTERCONNECT, /* @ref: interconnect descriptor table offset */
};

/* Feature bits of struct mpam_ext_ris_hw.features */
enum mpam_ext_hw_feature {
	MPAM_EXT_HW_CPOR,	/* cache portion bitmap (CPBM) */
	MPAM_EXT_HW_CMAX,	/* cache maximum capacity */
	MPAM_EXT_HW_CMIN,	/* cache minimum capacity */
	MPAM_EXT_HW_CMAX_SOFTLIM,
	MPAM_EXT_HW_CASSOC,	/* cache maximum associativity */
	MPAM_EXT_HW_MBW_MIN,
	MPAM_EXT_HW_MBW_MAX,
	MPAM_EXT_HW_MBW_PBM,	/* bandwidth portion bitmap */
	MPAM_EXT_HW_MBW_PROP,	/* proportional stride */
	MPAM_EXT_HW_MBW_WINWD,	/* writable bandwidth accounting window */
	MPAM_EXT_HW_INTPRI,
	MPAM_EXT_HW_INTPRI_0_IS_LOW,
	MPAM_EXT_HW_DSPRI,
	MPAM_EXT_HW_DSPRI_0_IS_LOW,
	MPAM_EXT_HW_PARTID_NRW,	/* PARTID narrowing (intPARTIDs) */
	MPAM_EXT_HW_CSU,	/* cache storage usage monitors */
	MPAM_EXT_HW_MBWU,	/* memory bandwidth usage monitors */
	MPAM_EXT_HW_MBWU_RWBW,	/* MBWU can filter reads/writes */
	MPAM_EXT_HW_ESR,	/* error status register */
	MPAM_EXT_HW_EXTD_ESR,	/* 64-bit ESR with a RIS field */
	MPAM_EXT_HW_NR_FEATURES
};

/**
 * struct mpam_ext_ris_hw - hardware properties of one RIS.
 * @features:		bitmap of enum mpam_ext_hw_feature
 * @partid_max:		largest PARTID (MPAMF_IDR.PARTID_MAX)
 * @pmg_max:		largest PMG
 * @intpartid_max:	largest intPARTID when PARTID narrowing exists
 * @cpbm_wd:		cache portion bitmap width (bits), 1..32768
 * @cmax_wd:		CMAX/CMIN fraction width (bits)
 * @cassoc_wd:		CASSOC fraction width (bits)
 * @bwa_wd:		MBW_MIN/MBW_MAX fraction width (bits), 1..16
 * @mbw_pbm_bits:	bandwidth portion bitmap width (bits)
 * @intpri_wd:		internal priority width (bits)
 * @dspri_wd:		downstream priority width (bits)
 * @num_csu_mon:	CSU monitors
 * @num_mbwu_mon:	MBWU monitors
 * @mbwu_width:		MBWU counter width: 31, 44 (HAS_LONG) or 63 (LWD)
 *
 * On hardware these are what the probe read from the ID registers; in a
 * description they configure the simulated RIS.
 */
struct mpam_ext_ris_hw {
	unsigned long features;
	u16 partid_max;
	u8 pmg_max;
	u16 intpartid_max;
	u16 cpbm_wd;
	u8 cmax_wd;
	u8 cassoc_wd;
	u8 bwa_wd;
	u16 mbw_pbm_bits;
	u8 intpri_wd;
	u8 dspri_wd;
	u16 num_csu_mon;
	u16 num_mbwu_mon;
	u8 mbwu_width;
};

/**
 * struct mpam_ext_ris_desc - one resource instance of an MSC.
 * @idx:	RIS index (0..15)
 * @loc:	what the locator names
 * @level:	cache level, for MPAM_EXT_LOC_CACHE and MPAM_EXT_LOC_MEMCACHE
 * @id:		cache id (MPAM_EXT_LOC_CACHE, MPAM_EXT_LOC_MEMCACHE), memory
 *		node (MPAM_EXT_LOC_MEMORY) or ACPI device UID
 *		(MPAM_EXT_LOC_ACPI_DEV)
 * @ref:	IORT reference (MPAM_EXT_LOC_SMMU), descriptor table offset
 *		(MPAM_EXT_LOC_INTERCONNECT), or the ACPI hardware ID's eight
 *		bytes, first character in the low byte (MPAM_EXT_LOC_ACPI_DEV)
 * @hw:		hardware properties
 */
struct mpam_ext_ris_desc {
	u8 idx;
	enum mpam_ext_loc_type loc;
	u8 level;
	u32 id;
	u64 ref;
	struct mpam_ext_ris_hw hw;
};

/*
 * Properties of a whole MSC that no ID register reports (bit numbers in
 * struct mpam_ext_msc_desc props; docs/platform-format.md "props")
 */
enum mpam_ext_msc_prop {
	MPAM_EXT_MSC_ACCESS32,	/* only 32-bit accesses: a 64-bit one is an error */
	MPAM_EXT_MSC_IDR32,	/* MPAMF_IDR.EXT 0: 32-bit IDR, no RIS, no ESR */
	MPAM_EXT_MSC_SW_NRDY,	/* monitor NRDY is software's: never set or cleared by hardware */
	MPAM_EXT_MSC_CSU_WR,	/* CSU monitor values are writable (an offset on the occupancy) */
	MPAM_EXT_MSC_ERR_EDGE,	/* the error interrupt is edge-triggered (ACPI flags) */
	MPAM_EXT_MSC_POWER,	/* powered with its affinity: state lost when they all go offline */
	MPAM_EXT_MSC_NR_PROPS
};

/**
 * struct mpam_ext_msc_desc - one MSC: a register frame and its RIS.
 * @id:		identifier, unique in the platform
 * @base:	physical base address of the register frame
 * @size:	size of the register frame in bytes
 * @nrdy_us:	longest time a monitor may read NRDY, microseconds
 * @err_irq:	error interrupt (GSIV), 0 for none
 * @aidr:	MPAMF_AIDR value (architecture version, 0x10 for v1.0)
 * @iidr:	MPAMF_IIDR value
 * @has_affinity: the MSC is reachable only from the CPUs in @affinity
 * @affinity:	with @has_affinity, the CPUs that can access the MSC
 *		(firmware's processor container); otherwise unused, empty
 * @ris_max:	the hardware's RIS_MAX when it is above every described RIS
 *		index: the indices up to it that are not described are
 *		hidden RIS, which firmware does not describe but the MSC has
 *		(the simulator gives them the properties of the first
 *		described RIS and an UNKNOWN configuration); 0 otherwise
 * @props:	bitmap of enum mpam_ext_msc_prop
 * @nr_ris:	entries used in @ris
 * @ris:	the RIS, in the order given
 */
struct mpam_ext_msc_desc {
	u32 id;
	u64 base;
	u64 size;
	u32 nrdy_us;
	u32 err_irq;
	u8 aidr;
	u32 iidr;
	bool has_affinity;
	struct cpumask affinity;
	u8 ris_max;
	unsigned long props;
	unsigned int nr_ris;
	struct mpam_ext_ris_desc ris[MPAM_EXT_MAX_RIS];
};

/**
 * struct mpam_ext_cache_desc - one cache of the CPU topology.
 * @level:	cache level (1..7)
 * @id:		cache id (PPTT cache id, unique per level)
 * @cpus:	CPUs that share this cache
 */
struct mpam_ext_cache_desc {
	u8 level;
	u32 id;
	struct cpumask cpus;
};

/**
 * struct mpam_ext_mem_desc - one memory node.
 * @id:		node (proximity domain) id
 * @cpus:	CPUs local to this node; may be empty
 */
struct mpam_ext_mem_desc {
	u32 id;
	struct cpumask cpus;
};

/**
 * struct mpam_ext_platform - a whole platform description.
 * @name:	short name ("tiny", "kunpeng-mini", or "firmware")
 * @nr_caches:	entries in @caches
 * @caches:	caches, in the order given
 * @nr_mems:	entries in @mems
 * @mems:	memory nodes, in the order given
 * @nr_mscs:	entries in @mscs
 * @mscs:	MSCs, in the order given
 *
 * Allocated as one object (the arrays included) by the parser and by
 * mpam_ext_platform_alloc(); free with mpam_ext_platform_free().
 */
struct mpam_ext_platform {
	char name[MPAM_EXT_NAME_LEN];
	unsigned int nr_caches;
	struct mpam_ext_cache_desc *caches;
	unsigned int nr_mems;
	struct mpam_ext_mem_desc *mems;
	unsigned int nr_mscs;
	struct mpam_ext_msc_desc *mscs;
};

/**
 * mpam_ext_platform_alloc() - allocate an empty platform description.
 * @nr_caches:	room for this many caches
 * @nr_mems:	room for this many memory nodes
 * @nr_mscs:	room for this many MSCs
 *
 * For code that builds a description itself (firmware discovery, tests):
 * the platform and its three arrays are one zeroed allocation, and the
 * counts are set to the numbers asked for. An array asked for with 0
 * entries is NULL.
 *
 * Return: the platform, or NULL when out of memory or when a count is over
 * its MPAM_EXT_PLATFORM_MAX_* limit. Free with mpam_ext_platform_free().
 */
struct mpam_ext_platform *mpam_ext_platform_alloc(unsigned int nr_caches,
						  unsigned int nr_mems,
						  unsigned int nr_mscs);

/**
 * mpam_ext_platform_parse() - parse a platform description.
 * @text:	the description (need not be NUL-terminated)
 * @len:	its length in bytes
 * @valid_cpus:	CPUs that may be named (cpu_possible_mask in the module)
 * @err:	buffer for a message "line N: problem" on failure, or NULL
 * @err_len:	size of @err (MPAM_EXT_PLATFORM_ERR_LEN is enough)
 *
 * The text format is described in docs/platform-format.md. A problem on a
 * line is reported with the line's number; @err is set to "" on success.
 * This function and the other mpam_ext_platform_* helpers except
 * mpam_ext_platform_load_firmware() use no kernel service beyond memory
 * allocation, string and cpumask helpers.
 *
 * Return: a new platform, or an ERR_PTR() (-EINVAL for a bad description,
 * -ENOMEM); nothing is left allocated on failure.
 */
struct mpam_ext_platform *mpam_ext_platform_parse(const char *text, size_t len,
						  const struct cpumask *valid_cpus,
						  char *err, size_t err_len);

/**
 * mpam_ext_platform_print() - print a platform description.
 * @p:		the platform
 *
 * Return: a kmalloc'ed NUL-terminated canonical text, which
 * mpam_ext_platform_parse() turns back into an equal platform; NULL when
 * out of memory. Free with kfree().
 */
char *mpam_ext_platform_print(const struct mpam_ext_platform *p);

/**
 * mpam_ext_platform_check() - hold a built description to the parser's rules.
 * @p:		the platform, built by code (firmware discovery)
 * @valid_cpus:	CPUs that may be named
 * @err:	buffer for the parser's message on failure, or NULL
 * @err_len:	size of @err
 *
 * Prints @p and parses the text back, so that what a builder can get wrong
 * across entries (caches of one level sharing CPUs, memory nodes sharing
 * CPUs, overlapping frames) is refused by the same rules as a description
 * file.
 *
 * Return: 0; -EINVAL with @err set to the parser's "line N: problem";
 * -ENOMEM.
 */
int mpam_ext_platform_check(const struct mpam_ext_platform *p,
			    const struct cpumask *valid_cpus, char *err,
			    size_t err_len);

/**
 * mpam_ext_platform_free() - free a platform from the parser.
 * @p:		the platform, or NULL
 */
void mpam_ext_platform_free(struct mpam_ext_platform *p);

/**
 * mpam_ext_platform_equal() - compare two platforms field by field.
 * @a:		one platform
 * @b:		the other
 *
 * Array entries past the counts are not compared. Two NULL platforms are
 * equal; NULL and a platform are not.
 *
 * Return: true when every field of both is the same.
 */
bool mpam_ext_platform_equal(const struct mpam_ext_platform *a,
			     const struct mpam_ext_platform *b);

/**
 * mpam_ext_platform_load_firmware() - load a platform description file.
 * @name:	platform name; the file is "mpam_ext/<name>.platform" in the
 *		firmware search path (/lib/firmware/mpam_ext/<name>.platform)
 * @dev:	device to load the file for, or NULL
 * @out:	set to the new platform on success, NULL on failure
 * @err:	buffer for the reason of a failure, or NULL
 * @err_len:	size of @err
 *
 * The description is parsed against cpu_possible_mask. A failure is also
 * logged as one line naming the file and, for a bad description, the
 * line of the problem. Names that are empty, too long, or hold anything
 * but letters, digits, '.', '_' and '-' (so no '/' and no "..") are refused.
 *
 * Return: 0, -EINVAL for a bad name or description, -ENOMEM, or the error
 * of the firmware loader (-ENOENT: no such file).
 */
int mpam_ext_platform_load_firmware(const char *name, struct device *dev,
				    struct mpam_ext_platform **out,
				    char *err, size_t err_len);

/**
 * mpam_ext_platform_apply_hw() - give a discovered platform register properties.
 * @p:		a platform from firmware discovery (ACPI or devicetree)
 * @hw:		a description whose MSCs and RIS, matched by MSC identifier
 *		and RIS index, give the AIDR, IIDR, hidden RIS (@ris_max),
 *		the MSC properties firmware does not carry (all of @props
 *		but the interrupt's trigger) and RIS hardware properties;
 *		or NULL
 *
 * For simulation: an MSC or RIS that @hw lacks (or every one, without @hw)
 * gets a minimal MPAM v1.0 MSC with 64 PARTIDs, 2 PMGs and no controls or
 * monitors. Nothing else of @hw is used.
 */
void mpam_ext_platform_apply_hw(struct mpam_ext_platform *p,
				const struct mpam_ext_platform *hw);

/**
 * mpam_ext_platform_sort_topology() - put caches and memory nodes in order.
 * @p:		the platform
 *
 * Caches by level, then id; memory nodes by id: the one order every
 * firmware discovery gives them in.
 */
void mpam_ext_platform_sort_topology(struct mpam_ext_platform *p);

/**
 * mpam_ext_platform_sim_hw_given() - whether sim_hw= names a description.
 *
 * Return: true when the module parameter sim_hw= is set.
 */
bool mpam_ext_platform_sim_hw_given(void);

/**
 * mpam_ext_platform_sim_hw() - register properties for a simulated platform.
 * @p:		a platform from firmware discovery, in simulation
 * @dev:	device for the firmware loader
 *
 * Loads the description sim_hw= names, if any, and applies it to @p with
 * mpam_ext_platform_apply_hw(); without sim_hw= every MSC is a minimal one.
 * A failure to load is logged as one line.
 *
 * Return: 0, or the error of mpam_ext_platform_load_firmware().
 */
int mpam_ext_platform_sim_hw(struct mpam_ext_platform *p, struct device *dev);

/* Room for the names of every feature, comma-separated, and the NUL */
#define MPAM_EXT_HW_FEATURES_LEN	256

/**
 * mpam_ext_hw_features_print() - the names of a set of hardware features.
 * @buf:	buffer for the text
 * @size:	its size; MPAM_EXT_HW_FEATURES_LEN holds every feature
 * @mask:	bitmap of enum mpam_ext_hw_feature
 * @sep:	what goes between two names ("," in descriptions and debugfs)
 * @none:	the text for an empty @mask ("none", "-", or "")
 *
 * Names are those of the description format (docs/platform-format.md),
 * in feature order.
 *
 * Return: the length of the text.
 */
size_t mpam_ext_hw_features_print(char *buf, size_t size, unsigned long mask,
				  const char *sep, const char *none);

#endif /* MPAM_EXT_PLATFORM_H */
