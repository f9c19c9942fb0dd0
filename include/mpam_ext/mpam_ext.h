/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mpam_ext: Arm MPAM for kernels without it. Shared definitions.
 */
#ifndef MPAM_EXT_H
#define MPAM_EXT_H

#define MPAM_EXT_VERSION "0.1.0"

#endif /* MPAM_EXT_H */
