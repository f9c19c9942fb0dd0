// SPDX-License-Identifier: GPL-2.0
/*
 * readloop FILE COUNT: cost of reading a file, run inside the mpam_ext
 * test VM (bench/run). Reads FILE from its start COUNT times through one
 * descriptor; prints "ns_per_read N" and the last value read.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "mpxbench.h"

static int readloop(const char *file, long count)
{
	unsigned long long t0, t1;
	char buf[256];
	ssize_t n = 0;
	long i;
	int fd;

	fd = open(file, O_RDONLY);
	if (fd < 0)
		die(file);
	t0 = now_ns();
	for (i = 0; i < count; i++) {
		n = pread(fd, buf, sizeof(buf) - 1, 0);
		if (n < 0)
			die("read");
	}
	t1 = now_ns();
	buf[n] = 0;
	printf("ns_per_read %llu\nvalue %s", (t1 - t0) / count, buf);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 3 || atol(argv[2]) <= 0) {
		fprintf(stderr, "usage: readloop FILE COUNT\n");
		return 2;
	}
	return readloop(argv[1], atol(argv[2]));
}
