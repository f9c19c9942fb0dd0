/* SPDX-License-Identifier: GPL-2.0 */
#include "../mpx_shim.h"
