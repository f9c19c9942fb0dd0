/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What src/model/model.c offers its KUnit suites only: building blocks and
 * inspection that no other unit of the module calls.
 */
#ifndef MPAM_EXT_MODEL_TEST_H
#define MPAM_EXT_MODEL_TEST_H

#include <mpam_ext/model/model.h>

unsigned int mpam_ext_merge(struct mpam_ext_ris_hw *parent,
			    const struct mpam_ext_ris_hw *child, bool alias,
			    struct mpam_ext_merge_rec *rec);

void mpam_ext_merge_union(struct mpam_ext_ris_hw *parent,
			  const struct mpam_ext_ris_hw *child, bool first);

u32 mpam_ext_prop_value(const struct mpam_ext_ris_hw *hw,
			enum mpam_ext_prop prop);

const char *mpam_ext_prop_name(enum mpam_ext_prop prop);

const char *mpam_ext_prop_label(enum mpam_ext_prop prop);

const char *mpam_ext_rule_name(enum mpam_ext_merge_rule rule);

int mpam_ext_merge_rec_print(const struct mpam_ext_merge_rec *r, char *buf,
			     size_t len);

#endif /* MPAM_EXT_MODEL_TEST_H */
