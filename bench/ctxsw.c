// SPDX-License-Identifier: GPL-2.0
/*
 * ctxsw ROUNDS CPU [TASKS-FILE]: context-switch cost, run inside the
 * mpam_ext test VM (bench/run). Two processes pinned to CPU pass a byte
 * back and forth over two pipes ROUNDS times: two context switches per
 * round. With TASKS-FILE, the child first writes its pid there, to run in
 * another resctrl group than its parent. Prints "ns_per_switch N".
 * With MPX_CTXSW_GO=FILE in the environment, the parent prints "ready" once
 * the child runs and waits for FILE to exist before it starts the clock,
 * so that other work (moving other tasks) can come between the moves of
 * the pair and the measurement.
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

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		die("sched_setaffinity");
}

static void write_pid(const char *file)
{
	char buf[32];
	int fd, n;

	fd = open(file, O_WRONLY);
	if (fd < 0)
		die(file);
	n = snprintf(buf, sizeof(buf), "%d\n", getpid());
	if (write(fd, buf, n) != n)
		die(file);
	close(fd);
}

static int ctxsw(long rounds, int cpu, const char *tasks)
{
	int ab[2], ba[2], ready[2];
	unsigned long long t0, t1;
	const char *go = getenv("MPX_CTXSW_GO");
	char c = 0;
	pid_t pid;
	long i;

	pin(cpu);
	if (pipe(ab) || pipe(ba) || pipe(ready))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		if (tasks)
			write_pid(tasks);
		if (write(ready[1], &c, 1) != 1)
			die("ready");
		for (i = 0; i < rounds; i++) {
			if (read(ab[0], &c, 1) != 1 || write(ba[1], &c, 1) != 1)
				die("child pipe");
		}
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1)
		die("ready");
	if (go) {
		struct timespec ms = { .tv_nsec = 10000000 };

		printf("ready\n");
		fflush(stdout);
		while (access(go, F_OK))
			nanosleep(&ms, NULL);
	}
	t0 = now_ns();
	for (i = 0; i < rounds; i++) {
		if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1)
			die("parent pipe");
	}
	t1 = now_ns();
	waitpid(pid, NULL, 0);
	printf("ns_per_switch %llu\n", (t1 - t0) / (2ULL * rounds));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: ctxsw ROUNDS CPU [TASKS-FILE]\n");
		return 2;
	}
	return ctxsw(atol(argv[1]), atoi(argv[2]), argc > 3 ? argv[3] : NULL);
}
