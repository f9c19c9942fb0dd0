// SPDX-License-Identifier: GPL-2.0
/*
 * mpam_ext resctrl front: the contents of the files about monitoring,
 * printed into the reader's seq_file and parsed from writes, over the
 * hooks. Formats: docs/monitoring.md.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <mpam_ext/compat.h>
#include <mpam_ext/resctrl.h>
#include <mpam_ext/resctrl/monfmt.h>

/* @ev is offered, assignable and of @res */
static bool mpx_mf_cntr_ev(enum mpam_ext_event ev, enum mpam_ext_res res)
{
	const struct mpam_ext_resctrl_event *e = mpam_ext_arch_get_event(ev);

	return e->offered && e->assignable && e->res == res;
}

/* @id is a domain of @e */
static bool mpx_mf_has_dom(const struct mpam_ext_resctrl_event *e, u32 id)
{
	unsigned int i;

	for (i = 0; i < e->nr_dom; i++)
		if (e->dom[i].id == id)
			return true;
	return false;
}

/**
 * mpam_ext_monfmt_features() - show info/<res>_MON/mon_features.
 * @m:		the seq_file
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 *
 * One offered event of @res per line, in the order of enum
 * mpam_ext_event, e.g. "llc_occupancy\nmbm_total_bytes\n"; nothing when
 * @res has none.
 */
void mpam_ext_monfmt_features(struct seq_file *m, enum mpam_ext_res res)
{
	const struct mpam_ext_resctrl_event *e;
	enum mpam_ext_event ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		e = mpam_ext_arch_get_event(ev);
		if (e->offered && e->res == res)
			seq_printf(m, "%s\n", e->name);
	}
}

/**
 * mpam_ext_monfmt_cntrs() - show num_mbm_cntrs or available_mbm_cntrs.
 * @m:		the seq_file
 * @mc:		the monitoring context
 * @ev:		an assignable event
 * @available:	the free counters (available_mbm_cntrs), else all
 *
 * "<domain>=<count>" for each domain of @ev, by increasing id, separated
 * by ';', ending with a newline: "1=4;26=4\n". Domains sharing a component
 * show the same numbers.
 *
 * Return: 0; -EOPNOTSUPP for an event without counters or not offered.
 */
int mpam_ext_monfmt_cntrs(struct seq_file *m, struct mpam_ext_mon_ctx *mc,
			  enum mpam_ext_event ev, bool available)
{
	const struct mpam_ext_resctrl_event *e;
	unsigned int i;
	u32 id, n;

	if (ev >= MPAM_EXT_EV_NR)
		return -EOPNOTSUPP;
	e = mpam_ext_arch_get_event(ev);
	if (!e->offered || !e->assignable)
		return -EOPNOTSUPP;
	for (i = 0; i < e->nr_dom; i++) {
		id = e->dom[i].id;
		n = available ? mpam_ext_arch_cntr_avail(mc, ev, id) :
				mpam_ext_arch_cntr_num(mc, ev, id);
		seq_printf(m, "%s%u=%u", i ? ";" : "", id, n);
	}
	seq_putc(m, '\n');
	return 0;
}

/**
 * mpam_ext_monfmt_assignments() - show a group's mbm_<res>_assignments.
 * @m:		the seq_file
 * @mc:		the monitoring context
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 *
 * One line per offered assignable event of @res: "<event>:" then
 * "<domain>=<state>" for each domain separated by ';', where the state is
 * 'e' (a counter is assigned) or '_' (none): "mbm_total_bytes:1=e;26=_\n".
 */
void mpam_ext_monfmt_assignments(struct seq_file *m,
				 struct mpam_ext_mon_ctx *mc,
				 enum mpam_ext_res res, u32 closid, u32 rmid)
{
	const struct mpam_ext_resctrl_event *e;
	enum mpam_ext_event ev;
	unsigned int i;
	u32 id;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++) {
		if (!mpx_mf_cntr_ev(ev, res))
			continue;
		e = mpam_ext_arch_get_event(ev);
		seq_printf(m, "%s:", e->name);
		for (i = 0; i < e->nr_dom; i++) {
			id = e->dom[i].id;
			seq_printf(m, "%s%u=%c", i ? ";" : "", id,
				   mpam_ext_arch_cntr_is_assigned(mc, ev, id, closid,
								  rmid) ? 'e' : '_');
		}
		seq_putc(m, '\n');
	}
}

/* Append a line to the error buffer */
static __printf(3, 4) void mpx_mf_err(char *err, size_t err_len,
				      const char *fmt, ...)
{
	size_t n;
	va_list args;

	if (!err || !err_len)
		return;
	n = strnlen(err, err_len);
	if (n >= err_len - 1)
		return;
	va_start(args, fmt);
	vscnprintf(err + n, err_len - n, fmt, args);
	va_end(args);
}

/* The assignable event of @res named @name, or MPAM_EXT_EV_NR */
static enum mpam_ext_event mpx_mf_ev_by_name(enum mpam_ext_res res,
					     const char *name)
{
	enum mpam_ext_event ev;

	for (ev = 0; ev < MPAM_EXT_EV_NR; ev++)
		if (mpx_mf_cntr_ev(ev, res) &&
		    !strcmp(mpam_ext_arch_get_event(ev)->name, name))
			return ev;
	return MPAM_EXT_EV_NR;
}

/* Apply state @flag for @ev on domain @dom */
static int mpx_mf_apply_one(struct mpam_ext_mon_ctx *mc,
			    enum mpam_ext_event ev, u32 dom, char flag,
			    u32 closid, u32 rmid, char *err, size_t err_len)
{
	const char *name = mpam_ext_arch_get_event(ev)->name;
	int ret;

	if (flag == '_')
		return mpam_ext_arch_cntr_unassign(mc, ev, dom, closid, rmid);
	ret = mpam_ext_arch_cntr_assign(mc, ev, dom, closid, rmid);
	if (ret == -ENOSPC && !mpam_ext_arch_cntr_num(mc, ev, dom))
		mpx_mf_err(err, err_len,
			   "Failed to allocate counter for %s in domain %u: the domain has no counters\n",
			   name, dom);
	else if (ret)
		mpx_mf_err(err, err_len,
			   "Failed to allocate counter for %s in domain %u\n",
			   name, dom);
	return ret;
}

/* A state is one character, 'e' or '_' */
static bool mpx_mf_flag_ok(const char *s)
{
	return s && (s[0] == 'e' || s[0] == '_') && !s[1];
}

/* Apply @state for @ev on every domain; the last error is returned */
static int mpx_mf_apply_all(struct mpam_ext_mon_ctx *mc,
			    enum mpam_ext_event ev, const char *state,
			    u32 closid, u32 rmid, char *err, size_t err_len)
{
	const struct mpam_ext_resctrl_event *e = mpam_ext_arch_get_event(ev);
	unsigned int i;
	int ret = 0, r;

	if (!mpx_mf_flag_ok(state))
		return -EINVAL;
	for (i = 0; i < e->nr_dom; i++) {
		r = mpx_mf_apply_one(mc, ev, e->dom[i].id, state[0], closid,
				     rmid, err, err_len);
		if (r)
			ret = r;
	}
	return ret;
}

/* One line "<event>:<id>=<state>;..." */
static int mpx_mf_line(struct mpam_ext_mon_ctx *mc, enum mpam_ext_res res,
		       u32 closid, u32 rmid, char *line, char *err,
		       size_t err_len)
{
	const char *event = strsep(&line, ":");
	enum mpam_ext_event ev = mpx_mf_ev_by_name(res, event);
	char *entry, *id;
	unsigned long dom;
	int ret;

	if (ev == MPAM_EXT_EV_NR) {
		mpx_mf_err(err, err_len, "Invalid event %s\n", event);
		return -ENOENT;
	}
	while (line && line[0]) {
		entry = strim(strsep(&line, ";"));
		id = strsep(&entry, "=");
		if (id && id[0] == '*') {
			ret = mpx_mf_apply_all(mc, ev, entry, closid, rmid, err,
					       err_len);
			if (ret)
				mpx_mf_err(err, err_len,
					   "Assign operation '%s:*=%s' failed\n",
					   event, entry ? entry : "");
			return ret;
		}
		if (!id || kstrtoul(id, 10, &dom)) {
			mpx_mf_err(err, err_len, "Missing domain id\n");
			return -EINVAL;
		}
		if (dom > U32_MAX ||
		    !mpx_mf_has_dom(mpam_ext_arch_get_event(ev), dom)) {
			mpx_mf_err(err, err_len, "Invalid domain id %lu\n", dom);
			return -EINVAL;
		}
		ret = mpx_mf_flag_ok(entry) ?
		      mpx_mf_apply_one(mc, ev, dom, entry[0], closid, rmid, err,
				       err_len) : -EINVAL;
		if (ret) {
			mpx_mf_err(err, err_len,
				   "Assign operation '%s:%lu=%s' failed\n",
				   event, dom, entry ? entry : "");
			return ret;
		}
	}
	return 0;
}

/**
 * mpam_ext_monfmt_assign_write() - apply a write to mbm_<res>_assignments.
 * @mc:		the monitoring context
 * @res:	MPAM_EXT_RES_L3 or MPAM_EXT_RES_L2
 * @closid:	the group's CLOSID
 * @rmid:	the group's RMID
 * @buf:	what was written; must end with a newline
 * @len:	its length
 * @err:	buffer for the messages for info/last_cmd_status (emptied
 *		first; each message ends with a newline), or NULL
 * @err_len:	its size (MPAM_EXT_MONFMT_ERR_LEN holds every message)
 *
 * resctrl's syntax: lines "<event>:<id>=<state>;<id>=<state>...", where
 * <event> is an offered assignable event of @res, <id> a domain id or '*'
 * for every domain (the rest of the line after a '*' entry is ignored)
 * and <state> 'e' (assign a counter) or '_' (unassign). Entries are
 * applied in order; the first failure ends the write, and what came
 * before it stays applied. With '*', every domain is tried and the last
 * failure is returned.
 *
 * Return: 0; -EINVAL for a missing trailing newline (no message), a bad
 * domain id or state; -ENOENT for an unknown event; -ENOSPC when a
 * domain has no counter left; -ENOMEM; or the error of
 * mpam_ext_arch_cntr_assign().
 */
int mpam_ext_monfmt_assign_write(struct mpam_ext_mon_ctx *mc,
				 enum mpam_ext_res res, u32 closid, u32 rmid,
				 const char *buf, size_t len, char *err,
				 size_t err_len)
{
	char *copy, *rest, *line;
	int ret = 0;

	if (err && err_len)
		err[0] = '\0';
	if (!len || buf[len - 1] != '\n')
		return -EINVAL;
	copy = kmemdup_nul(buf, len - 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	rest = copy;
	while ((line = strsep(&rest, "\n"))) {
		ret = mpx_mf_line(mc, res, closid, rmid, line, err, err_len);
		if (ret)
			break;
	}
	kfree(copy);
	return ret;
}

/**
 * mpam_ext_monfmt_value() - show a mon_data event file.
 * @m:		the seq_file
 * @ret:	what mpam_ext_arch_rmid_read() returned
 * @val:	the value it read, when @ret is 0
 *
 * The value in decimal; "Unassigned" for -ENOENT, "Error" for -EIO and
 * "Unavailable" for any other error; each with a newline.
 */
void mpam_ext_monfmt_value(struct seq_file *m, int ret, u64 val)
{
	if (!ret)
		seq_printf(m, "%llu\n", val);
	else
		seq_printf(m, "%s\n", ret == -ENOENT ? "Unassigned" :
			   ret == -EIO ? "Error" : "Unavailable");
}
