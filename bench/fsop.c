// SPDX-License-Identifier: GPL-2.0
/*
 * fsop OP ARGS...: the cost of one file system or module operation, run
 * inside the mpam_ext test VM (bench/run). Each operation is timed around
 * its system calls only (no process start-up) and prints "ns N" with the
 * time of the whole operation, and what it did.
 *
 *   fsop load KO PARAMS       finit_module(KO, PARAMS)
 *   fsop unload NAME          delete_module(NAME)
 *   fsop mount DIR            mount -t resctrl resctrl DIR
 *   fsop umount DIR           umount DIR
 *   fsop mkdir DIR...         mkdir every DIR in turn; prints "count N"
 *   fsop rmdir DIR...         rmdir every DIR in turn
 *   fsop write FILE N TEXT... open, write, close FILE N times, cycling
 *                             through the TEXTs (give two, so that every
 *                             write changes the values); "ns" is per write
 *   fsop read N FILE...       open, read and close every FILE, N times;
 *                             "ns" is per pass, "files" the FILEs read
 *   fsop threads N TASKS      start N threads that only sleep (small stacks)
 *                             and write each one's TID to TASKS; prints
 *                             "moved N" and the ns per move, then "ready",
 *                             and keeps the threads until killed
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "mpxbench.h"

#define FSOP_STACK	8192

static void write_text(const char *file, const char *text, size_t len)
{
	int fd = open(file, O_WRONLY);

	if (fd < 0)
		die(file);
	if (write(fd, text, len) != (ssize_t)len)
		die(file);
	close(fd);
}

static int op_load(const char *ko, const char *params)
{
	unsigned long long t0, t1;
	int fd = open(ko, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		die(ko);
	t0 = now_ns();
	if (syscall(SYS_finit_module, fd, params, 0))
		die("finit_module");
	t1 = now_ns();
	close(fd);
	printf("ns %llu\n", t1 - t0);
	return 0;
}

static int op_unload(const char *name)
{
	unsigned long long t0 = now_ns();

	if (syscall(SYS_delete_module, name, O_NONBLOCK))
		die("delete_module");
	printf("ns %llu\n", now_ns() - t0);
	return 0;
}

static int op_mount(const char *dir, int on)
{
	unsigned long long t0 = now_ns();

	if (on ? mount("resctrl", dir, "resctrl", 0, NULL) : umount(dir))
		die(dir);
	printf("ns %llu\n", now_ns() - t0);
	return 0;
}

static int op_dirs(int argc, char **argv, int make)
{
	unsigned long long t0 = now_ns();
	int i;

	for (i = 0; i < argc; i++)
		if (make ? mkdir(argv[i], 0755) : rmdir(argv[i]))
			die(argv[i]);
	printf("ns %llu\ncount %d\n", now_ns() - t0, argc);
	return 0;
}

static int op_write(const char *file, long n, int nt, char **texts)
{
	unsigned long long t0;
	long i;

	if (n <= 0 || nt <= 0)
		return 2;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		const char *t = texts[i % nt];

		write_text(file, t, strlen(t));
	}
	printf("ns %llu\n", (now_ns() - t0) / n);
	return 0;
}

static int op_read(long n, int argc, char **argv)
{
	unsigned long long t0;
	char buf[4096];
	long i;
	int f, fd;

	if (n <= 0)
		return 2;
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		for (f = 0; f < argc; f++) {
			fd = open(argv[f], O_RDONLY);
			if (fd < 0)
				die(argv[f]);
			/* a monitor may read "Unavailable" (EIO and friends): timed all the same */
			while (read(fd, buf, sizeof(buf)) > 0)
				;
			close(fd);
		}
	}
	printf("ns %llu\nfiles %d\n", (now_ns() - t0) / n, argc);
	return 0;
}

/* A moved thread: sleeps until the process is killed */
static int sleeper(void *arg)
{
	(void)arg;
	for (;;)
		syscall(SYS_ppoll, NULL, 0, NULL, NULL);
	return 0;
}

static int op_threads(long n, const char *tasks)
{
	unsigned long long t0, spent = 0;
	char *stacks, buf[32];
	long i;
	int len, fd;

	if (n <= 0)
		return 2;
	stacks = mmap(NULL, n * FSOP_STACK, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (stacks == MAP_FAILED)
		die("mmap");
	fd = open(tasks, O_WRONLY);
	if (fd < 0)
		die(tasks);
	for (i = 0; i < n; i++) {
		int tid = clone(sleeper, stacks + (i + 1) * FSOP_STACK,
				CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
				CLONE_THREAD | CLONE_SYSVSEM, NULL);

		if (tid < 0) {
			fprintf(stderr, "fsop: thread %ld: %s\n", i, strerror(errno));
			break;
		}
		len = snprintf(buf, sizeof(buf), "%d\n", tid);
		t0 = now_ns();
		if (write(fd, buf, len) != len)
			die(tasks);
		spent += now_ns() - t0;
	}
	close(fd);
	printf("moved %ld\nns %llu\nready\n", i, i ? spent / i : 0);
	fflush(stdout);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	const char *op = argc > 1 ? argv[1] : "";

	if (!strcmp(op, "load") && argc == 4)
		return op_load(argv[2], argv[3]);
	if (!strcmp(op, "unload") && argc == 3)
		return op_unload(argv[2]);
	if ((!strcmp(op, "mount") || !strcmp(op, "umount")) && argc == 3)
		return op_mount(argv[2], op[0] == 'm');
	if ((!strcmp(op, "mkdir") || !strcmp(op, "rmdir")) && argc >= 3)
		return op_dirs(argc - 2, argv + 2, op[0] == 'm');
	if (!strcmp(op, "write") && argc >= 5)
		return op_write(argv[2], atol(argv[3]), argc - 4, argv + 4);
	if (!strcmp(op, "read") && argc >= 4)
		return op_read(atol(argv[2]), argc - 3, argv + 3);
	if (!strcmp(op, "threads") && argc == 4)
		return op_threads(atol(argv[2]), argv[3]);
	fprintf(stderr, "usage: fsop load KO PARAMS | unload NAME | mount DIR | umount DIR |\n"
		"       mkdir DIR... | rmdir DIR... | write FILE N TEXT... |\n"
		"       read N FILE... | threads N TASKS\n");
	return 2;
}
