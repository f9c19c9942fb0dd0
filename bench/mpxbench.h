/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the benchmark programs run inside the mpam_ext test VM.
 */
#ifndef MPXBENCH_H
#define MPXBENCH_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void die(const char *what)
{
	fprintf(stderr, "mpxbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

#endif /* MPXBENCH_H */
