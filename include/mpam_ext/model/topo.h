/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Topology and resource picking: which class backs the resctrl resources
 * L2, L3 and MB, which monitors back which resctrl events, and on which
 * domains; under the "mainline" policy (the decisions the kernel's own
 * MPAM driver makes) or the "mata" policy (memory-side bandwidth controls
 * and monitors whose components span whole L3s), with the module's
 * override parameters on top. Every decision is recorded with its reason.
 * Rules and formats: docs/model.md.
 *
 * A struct mpam_ext_topo is computed once from a model and is read-only
 * afterwards: readers need no lock.
 */
#ifndef MPAM_EXT_TOPO_H
#define MPAM_EXT_TOPO_H

#include <linux/types.h>

#include <mpam_ext/model/model.h>
#include <mpam_ext/resctrl.h>

struct seq_file;

/* Most memory-side components the mb_map= parameter maps */
#define MPAM_EXT_MAX_MAP		64
/* Most L3 domains one mb_map= entry names */
#define MPAM_EXT_MAX_MAP_L3		64
/* Size of a parameter error message, enough for every message */
#define MPAM_EXT_PARAM_ERR_LEN		256
/* Size of a decision's reason */
#define MPAM_EXT_WHY_LEN		256

enum mpam_ext_policy {
	MPAM_EXT_POLICY_MAINLINE,
	MPAM_EXT_POLICY_MATA,
};

enum mpam_ext_switch {
	MPAM_EXT_AUTO,
	MPAM_EXT_ON,
	MPAM_EXT_OFF,
};

/* mb_class= values besides a class id */
#define MPAM_EXT_MB_CLASS_AUTO		-1
#define MPAM_EXT_MB_CLASS_NONE		-2

/**
 * struct mpam_ext_map_entry - one entry of mb_map=.
 * @comp:	the memory-side component
 * @nr_l3:	entries in @l3
 * @l3:		the L3 domains (cache ids) it backs
 * @matched:	the component exists in the class that backs MB
 */
struct mpam_ext_map_entry {
	u32 comp;
	unsigned int nr_l3;
	u32 l3[MPAM_EXT_MAX_MAP_L3];
	bool matched;
};

/**
 * struct mpam_ext_topo_params - the topology override parameters, parsed.
 * @policy:	policy=
 * @mb_class:	mb_class=: a class id, MPAM_EXT_MB_CLASS_AUTO or _NONE
 * @l2_mon:	l2_mon=
 * @nr_map:	entries in @map (mb_map=)
 * @map:	the memory-side component -> L3 domains map
 * @nr_exclude:	entries in @exclude (exclude=)
 * @exclude:	RIS and MSCs to leave out
 */
struct mpam_ext_topo_params {
	enum mpam_ext_policy policy;
	int mb_class;
	enum mpam_ext_switch l2_mon;
	unsigned int nr_map;
	struct mpam_ext_map_entry map[MPAM_EXT_MAX_MAP];
	unsigned int nr_exclude;
	struct mpam_ext_exclude exclude[MPAM_EXT_MAX_EXCLUDE];
};

/**
 * struct mpam_ext_domain - one resctrl domain and what backs it.
 * @id:		the domain id resctrl shows (a cache id)
 * @comp:	the component whose controls or monitors serve it; several
 *		domains share one component when it spans several L3s
 */
struct mpam_ext_domain {
	u32 id;
	struct mpam_ext_component *comp;
};

/**
 * struct mpam_ext_pick - what backs one resource or event.
 * @cls:	the class, NULL when the resource or event is not offered
 * @nr_dom:	entries in @dom
 * @dom:	its domains, by increasing id
 */
struct mpam_ext_pick {
	struct mpam_ext_class *cls;
	unsigned int nr_dom;
	struct mpam_ext_domain *dom;
};

/**
 * struct mpam_ext_decision - one recorded decision.
 * @what:	the subject: "L2", "MB", "mbm_total_bytes", "exclude", ...
 * @class_id:	the class it is about, or -1
 * @result:	"picked", "refused", "skipped", "excluded", "unused" or
 *		"absent"
 * @why:	the reason, one line
 */
struct mpam_ext_decision {
	const char *what;
	int class_id;
	const char *result;
	char why[MPAM_EXT_WHY_LEN];
};

/**
 * struct mpam_ext_topo - the picking result.
 * @params:	the parameters it was made with
 * @res:	per enum mpam_ext_res
 * @ev:		per enum mpam_ext_event
 * @nr_dec:	entries in @dec
 * @dec:	every decision, in the order made
 */
struct mpam_ext_topo {
	struct mpam_ext_topo_params params;
	struct mpam_ext_pick res[MPAM_EXT_RES_NR];
	struct mpam_ext_pick ev[MPAM_EXT_EV_NR];
	unsigned int nr_dec;
	struct mpam_ext_decision *dec;
};

int mpam_ext_topo_parse_params(struct mpam_ext_topo_params *p,
			       const char *policy, const char *mb_class,
			       const char *mb_map, const char *l2_mon,
			       const char *exclude, char *err, size_t err_len);
struct mpam_ext_topo *mpam_ext_topo_pick(struct mpam_ext_model *m,
					 const struct mpam_ext_topo_params *p);
void mpam_ext_topo_free(struct mpam_ext_topo *t);
const char *mpam_ext_res_name(enum mpam_ext_res res);
const char *mpam_ext_event_name(enum mpam_ext_event ev);
int mpam_ext_decision_print(const struct mpam_ext_decision *d, char *buf,
			    size_t len);
void mpam_ext_topo_show(struct seq_file *s, const struct mpam_ext_topo *t);
int mpam_ext_pick_dom_idx(const struct mpam_ext_pick *pk, u32 id);

#endif /* MPAM_EXT_TOPO_H */
