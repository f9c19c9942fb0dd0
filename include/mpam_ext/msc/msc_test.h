/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What src/msc/msc.c offers its KUnit suites only: building blocks and
 * inspection that no other unit of the module calls.
 */
#ifndef MPAM_EXT_MSC_TEST_H
#define MPAM_EXT_MSC_TEST_H

#include <mpam_ext/msc/msc.h>

struct mpam_ext_msc *mpam_ext_msc_create(const struct mpam_ext_msc_desc *desc,
					 bool sim, struct device *dev);

int mpam_ext_msc_probe(struct mpam_ext_msc *msc);

void mpam_ext_msc_destroy(struct mpam_ext_msc *msc);

struct mpam_ext_ris *mpam_ext_ris_next(struct mpam_ext_msc *msc,
				       struct mpam_ext_ris *prev);

u64 mpam_ext_msc_last_esr(struct mpam_ext_msc *msc);

void mpam_ext_msc_error_sync(struct mpam_ext_msc *msc);

void mpam_ext_msc_counts(struct mpam_ext_msc *msc, u64 *reads, u64 *writes);

const char *mpam_ext_errcode_name(unsigned int code);

u32 mpam_ext_ris_nr_partids(const struct mpam_ext_ris *ris);

void mpam_ext_ris_default_config(const struct mpam_ext_ris *ris,
				 struct mpam_ext_config *cfg);

void mpam_ext_msc_forget_selection(struct mpam_ext_msc *msc);

int mpam_ext_msc_mon_read_atomic(struct mpam_ext_ris *ris,
				 enum mpam_ext_mon_type type, u16 mon,
				 u64 *val);

#endif /* MPAM_EXT_MSC_TEST_H */
