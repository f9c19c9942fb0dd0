/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The model: classes, components, vMSCs and RIS built from a platform
 * description whose RIS properties are the probed ones, and the feature
 * merge that gives each vMSC, component and class its properties. Every
 * property the merge clears or narrows is recorded with the object, the
 * child that caused it, both values and the rule (docs/model.md).
 *
 * The model is built once, after the MSCs are probed, and is read-only
 * until it is freed: readers need no lock. It holds pointers into the
 * platform description it was built from, which must outlive it.
 */
#ifndef MPAM_EXT_MODEL_H
#define MPAM_EXT_MODEL_H

#include <linux/cpumask.h>
#include <linux/types.h>

#include <mpam_ext/firmware/platform.h>

struct seq_file;

/* Class identifiers: a cache class has its level as identifier */
#define MPAM_EXT_CLASS_MEMORY		255
#define MPAM_EXT_CLASS_UNKNOWN		254

/* Most exclusions the exclude= parameter takes */
#define MPAM_EXT_MAX_EXCLUDE		32

/* Kinds of class */
enum mpam_ext_class_type {
	MPAM_EXT_CLASS_CACHE,
	MPAM_EXT_CLASS_MEM,
	MPAM_EXT_CLASS_OTHER,	/* RIS with an unknown locator: only reset */
};

/*
 * The merged properties, in the order the merge applies them and the
 * records and debugfs name them (docs/model.md has the table).
 */
enum mpam_ext_prop {
	MPAM_EXT_PROP_CPOR,		/* cache portions, equal cpbm_wd */
	MPAM_EXT_PROP_MBW_PBM,		/* bandwidth portions, equal widths */
	MPAM_EXT_PROP_CASSOC,		/* associativity, equal cassoc_wd */
	MPAM_EXT_PROP_CMAX,		/* capacity maximum, min cmax_wd */
	MPAM_EXT_PROP_CMIN,		/* capacity minimum, min cmax_wd */
	MPAM_EXT_PROP_CMAX_SOFTLIM,	/* presence */
	MPAM_EXT_PROP_MBW_MAX,		/* bandwidth maximum, min bwa_wd */
	MPAM_EXT_PROP_MBW_MIN,		/* bandwidth minimum, min bwa_wd */
	MPAM_EXT_PROP_MBW_PROP,		/* proportional stride, min bwa_wd */
	MPAM_EXT_PROP_MBW_WINWD,	/* presence */
	MPAM_EXT_PROP_INTPRI,		/* min intpri_wd, same polarity */
	MPAM_EXT_PROP_DSPRI,		/* min dspri_wd, same polarity */
	MPAM_EXT_PROP_CSU,		/* min num_csu_mon */
	MPAM_EXT_PROP_MBWU,		/* min num_mbwu_mon */
	MPAM_EXT_PROP_MBWU_WIDTH,	/* min counter width */
	MPAM_EXT_PROP_MBWU_RWBW,	/* presence */
	MPAM_EXT_PROP_PARTID,		/* min partid_max */
	MPAM_EXT_PROP_PMG,		/* min pmg_max */
	MPAM_EXT_PROP_NR
};

/* Merge rules; names in docs/model.md */
enum mpam_ext_merge_rule {
	MPAM_EXT_RULE_NEEDED_EVERYWHERE,	/* no alias: a child lacks it */
	MPAM_EXT_RULE_WIDTH_MUST_MATCH,		/* widths differ */
	MPAM_EXT_RULE_POLARITY_MUST_MATCH,	/* "0 is low" differs */
	MPAM_EXT_RULE_TAKE_MIN,			/* narrowed to the child's */
	MPAM_EXT_RULE_SHARED_MIN,		/* alias: one value, two features */
	MPAM_EXT_RULE_REFUSED,			/* a RIS the probe refused */
};

/* Where a merge happened */
enum mpam_ext_merge_level {
	MPAM_EXT_MERGE_VMSC,		/* RIS into vMSC, with alias */
	MPAM_EXT_MERGE_COMPONENT,	/* vMSC into component, no alias */
	MPAM_EXT_MERGE_CLASS,		/* vMSC into class, no alias */
};

/**
 * struct mpam_ext_merge_rec - one property the merge cleared or narrowed.
 * @level:	where: the object is a vMSC, a component or a class
 * @class_id:	the class of the object
 * @comp_id:	the component (vMSC and component level)
 * @msc_id:	the MSC of the child vMSC, or of the object vMSC
 * @ris:	RIS indexes behind the child: the child RIS for the vMSC
 *		level, the RIS of the child vMSC otherwise (bit n = RIS n)
 * @prop:	the property
 * @rule:	the rule that changed it
 * @cleared:	the feature is gone (else: its value was narrowed)
 * @before:	the object's value before this child was merged
 * @child:	the child's value (0 when it lacks the feature)
 * @after:	the object's value after (0 when cleared)
 */
struct mpam_ext_merge_rec {
	enum mpam_ext_merge_level level;
	u8 class_id;
	u32 comp_id;
	u32 msc_id;
	u16 ris;
	enum mpam_ext_prop prop;
	enum mpam_ext_merge_rule rule;
	bool cleared;
	u32 before;
	u32 child;
	u32 after;
};

struct mpam_ext_component;
struct mpam_ext_class;

/**
 * struct mpam_ext_vmsc - the RIS of one MSC that fall in one component.
 * @comp:	its component
 * @msc:	the MSC's description
 * @nr_ris:	entries in @ris
 * @ris:	its RIS, excluded ones included, in description order
 * @ris_excluded: bit n set: @ris[n] is excluded by parameter
 * @ris_refused: bit n set: the probe refused @ris[n] (not usable) and
 *		no parameter excludes it
 * @excluded:	every RIS is excluded: the vMSC takes no part in merges
 * @refused:	a RIS is refused: the part of its component it serves is
 *		uncontrolled, so merges without alias lose every feature
 * @cpus:	CPUs it serves: its locator's CPUs (and the MSC's affinity)
 * @props:	its RIS merged with alias (excluded and refused RIS left out)
 */
struct mpam_ext_vmsc {
	struct mpam_ext_component *comp;
	const struct mpam_ext_msc_desc *msc;
	unsigned int nr_ris;
	const struct mpam_ext_ris_desc *ris[MPAM_EXT_MAX_RIS];
	u16 ris_excluded;
	u16 ris_refused;
	bool excluded;
	bool refused;
	struct cpumask cpus;
	struct mpam_ext_ris_hw props;
};

/**
 * struct mpam_ext_component - everything that controls one physical thing.
 * @cls:	its class
 * @id:		cache id or memory node id (0 in the unknown class)
 * @excluded:	every vMSC is excluded by parameter
 * @cpus:	CPUs it serves: OR of its vMSCs' CPUs, excluded ones included
 * @nr_vmsc:	entries in @vmsc
 * @vmsc:	its vMSCs, in the order of their MSCs in the description
 * @props:	its vMSCs merged without alias (excluded ones left out)
 */
struct mpam_ext_component {
	struct mpam_ext_class *cls;
	u32 id;
	bool excluded;
	struct cpumask cpus;
	unsigned int nr_vmsc;
	struct mpam_ext_vmsc *vmsc;
	struct mpam_ext_ris_hw props;
};

/**
 * struct mpam_ext_class - all components of one kind and level.
 * @id:		level for caches, MPAM_EXT_CLASS_MEMORY, MPAM_EXT_CLASS_UNKNOWN
 * @type:	cache, memory or other
 * @level:	cache level (0 for the others)
 * @name:	"L2", "L3", "MEM" or "UNKNOWN"
 * @cpus:	OR of the CPUs of its components that are not excluded
 * @excluded_cpus: CPUs of its excluded components that no other component
 *		covers
 * @nr_comp:	entries in @comp
 * @comp:	its components, in order of first appearance
 * @props:	every vMSC that is not excluded, merged without alias; zero
 *		when every vMSC is excluded
 * @nr_rec:	entries in @rec
 * @rec:	what the merges of this class (vMSC, component and class
 *		level) cleared or narrowed, in the order it happened
 */
struct mpam_ext_class {
	u8 id;
	enum mpam_ext_class_type type;
	u8 level;
	char name[8];
	struct cpumask cpus;
	struct cpumask excluded_cpus;
	unsigned int nr_comp;
	struct mpam_ext_component *comp;
	struct mpam_ext_ris_hw props;
	unsigned int nr_rec;
	struct mpam_ext_merge_rec *rec;
};

/**
 * struct mpam_ext_exclude - one item of the exclude= parameter.
 * @msc_id:	the MSC
 * @all:	every RIS of the MSC (written "<msc>")
 * @ris:	the RIS index (written "<msc>.<ris>"), when !@all
 * @matched:	set by mpam_ext_model_build(): the item named something in
 *		the platform
 */
struct mpam_ext_exclude {
	u32 msc_id;
	bool all;
	u8 ris;
	bool matched;
};

/**
 * struct mpam_ext_model_input - what the model is built from.
 * @plat:	the platform; RIS properties are the probed ones
 * @usable:	tells whether a RIS was probed and its MSC is in use; NULL
 *		takes every RIS as usable
 * @usable_arg:	passed to @usable
 * @nr_exclude:	entries in @exclude
 * @exclude:	RIS and MSCs to leave out of every merge; @matched is set
 * @cpus:	CPUs a class must cover to be picked besides the platform's
 *		own (the kernel's possible CPUs); NULL for none
 * @nr_nodes:	the kernel's count of possible NUMA nodes when the platform
 *		is the machine's own; 0 takes the description's memory nodes
 *		(a simulated platform is not the machine QEMU emulates)
 */
struct mpam_ext_model_input {
	const struct mpam_ext_platform *plat;
	bool (*usable)(const struct mpam_ext_msc_desc *msc,
		       const struct mpam_ext_ris_desc *ris, void *arg);
	void *usable_arg;
	unsigned int nr_exclude;
	struct mpam_ext_exclude *exclude;
	const struct cpumask *cpus;
	unsigned int nr_nodes;
};

/**
 * struct mpam_ext_model - the whole model.
 * @plat:	the platform it was built from
 * @all_cpus:	every CPU the platform's caches and memory nodes name,
 *		and the input's @cpus: what a picked class covers
 * @nr_nodes:	the input's @nr_nodes
 * @nr_unused:	RIS the probe refused (not usable); they keep their place
 *		in the tree (struct mpam_ext_vmsc @ris_refused)
 * @nr_classes:	entries in @classes
 * @classes:	caches by level, then memory, then unknown
 */
struct mpam_ext_model {
	const struct mpam_ext_platform *plat;
	struct cpumask all_cpus;
	unsigned int nr_nodes;
	unsigned int nr_unused;
	unsigned int nr_classes;
	struct mpam_ext_class *classes;
};

struct mpam_ext_model *mpam_ext_model_build(const struct mpam_ext_model_input *in);
void mpam_ext_model_free(struct mpam_ext_model *m);

struct mpam_ext_class *mpam_ext_model_class(const struct mpam_ext_model *m,
					    u8 id);
struct mpam_ext_component *mpam_ext_class_component(const struct mpam_ext_class *c,
						    u32 id);

int mpam_ext_merge_rec_summary(const struct mpam_ext_class *c, char *buf,
			       size_t len);
int mpam_ext_merge_rec_why(const struct mpam_ext_class *c,
			   enum mpam_ext_prop prop, char *buf, size_t len);

void mpam_ext_model_show_class(struct seq_file *s,
			       const struct mpam_ext_class *c);
void mpam_ext_model_show_merge(struct seq_file *s,
			       const struct mpam_ext_class *c);
void mpam_ext_model_show_components(struct seq_file *s,
				    const struct mpam_ext_class *c);
void mpam_ext_model_show_vmscs(struct seq_file *s,
			       const struct mpam_ext_class *c);

#endif /* MPAM_EXT_MODEL_H */
