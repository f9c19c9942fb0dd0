/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware discovery from ACPI: the MPAM table (Arm DEN 0065) and the PPTT
 * turned into a platform description. The format and the rules are in
 * docs/acpi.md.
 */
#ifndef MPAM_EXT_ACPI_H
#define MPAM_EXT_ACPI_H

#include <linux/cpumask.h>
#include <linux/types.h>

#include <mpam_ext/firmware/platform.h>

struct device;

/* Sizes of the DEN 0065 structures, in bytes */
#define MPAM_EXT_ACPI_HDR_LEN		36	/* ACPI table header */
#define MPAM_EXT_ACPI_MSC_LEN		72	/* MSC node body */
#define MPAM_EXT_ACPI_RES_LEN		24	/* resource node */
#define MPAM_EXT_ACPI_DEP_LEN		8	/* functional dependency */

/* A message buffer this large holds every message untruncated */
#define MPAM_EXT_ACPI_ERR_LEN		256

/**
 * struct mpam_ext_acpi_env - what the MPAM table parser needs from the system.
 * @valid_cpus:	CPUs the platform may name (cpu_possible_mask in the module)
 * @uid_to_cpu:	the logical CPU of an ACPI processor UID, or a negative
 *		number when no CPU of this system has that UID
 * @pxm_cpus:	fill @cpus with the CPUs local to proximity domain @pxm;
 *		return 0, or a negative number when @pxm is no memory node of
 *		this system
 * @note:	called with a message for a node that is skipped on purpose
 *		(a PCC or disabled MSC, an unusable interrupt); may be NULL
 * @arg:	passed to the three callbacks
 */
struct mpam_ext_acpi_env {
	const struct cpumask *valid_cpus;
	int (*uid_to_cpu)(void *arg, u32 uid);
	int (*pxm_cpus)(void *arg, u32 pxm, struct cpumask *cpus);
	void (*note)(void *arg, const char *msg);
	void *arg;
};

/**
 * mpam_ext_acpi_parse() - build a platform description from ACPI tables.
 * @mpam:	the MPAM table, header included
 * @mpam_len:	bytes available at @mpam (the header's length must fit)
 * @pptt:	the PPTT, or NULL when there is none
 * @pptt_len:	bytes available at @pptt
 * @env:	the system's CPUs and memory nodes
 * @err:	buffer for the message of a failure, or NULL
 * @err_len:	size of @err (MPAM_EXT_ACPI_ERR_LEN is enough)
 *
 * Pure: reads only the two buffers, within their lengths, and calls only
 * @env's callbacks, allocation, string and cpumask helpers, so it also
 * builds in user space. The platform is named "firmware"; its MSCs carry
 * the table's identifiers, frames, error interrupts and NRDY times, their
 * RIS the locators, and no hardware properties (those come from the
 * registers, or from a description file in simulation). A problem stops
 * the parse with one message, of the form "MSC node N (offset 0x..):
 * field: problem" for a problem in an MSC node; nothing is left allocated.
 *
 * Return: the platform, or an ERR_PTR(): -EINVAL for a table that cannot
 * be used (@err says why), -ENOMEM.
 */
struct mpam_ext_platform *mpam_ext_acpi_parse(const u8 *mpam, size_t mpam_len,
					      const u8 *pptt, size_t pptt_len,
					      const struct mpam_ext_acpi_env *env,
					      char *err, size_t err_len);

/* The shared helper, under the name the ACPI code and its tests use */
static inline void mpam_ext_acpi_apply_hw(struct mpam_ext_platform *p,
					  const struct mpam_ext_platform *hw)
{
	mpam_ext_platform_apply_hw(p, hw);
}

/**
 * mpam_ext_acpi_discover() - the platform the ACPI tables describe.
 * @dev:	device for the firmware loader and messages
 * @sim:	simulation (sim=acpi): the module parameters acpi_table= and
 *		sim_hw= apply, and a missing MPAM table is an error
 * @out:	set to the platform, or NULL when hardware mode finds no
 *		MPAM table
 *
 * Reads the MPAM table (from the firmware loader with acpi_table=<file>,
 * else from ACPI) and the firmware's PPTT, and parses them. Each problem is
 * logged as one line.
 *
 * Return: 0, or a negative error number.
 */
int mpam_ext_acpi_discover(struct device *dev, bool sim,
			   struct mpam_ext_platform **out);

#endif /* MPAM_EXT_ACPI_H */
