// SPDX-License-Identifier: GPL-2.0
/*
 * io-workers: make the kernel create io_uring threads for this process, as
 * create_io_thread() does, then wait to be killed. One ring with SQPOLL
 * gets its submission thread (iou-sqp-<pid>); on a second ring a read of
 * an empty pipe, forced asynchronous, blocks in an io-wq worker
 * (iou-wrk-<pid>). Prints "ready <pid>" once both are asked for.
 */
#include <errno.h>
#include <linux/io_uring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void die(const char *what)
{
	fprintf(stderr, "io-workers: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int ring_setup(unsigned int entries, struct io_uring_params *p)
{
	int fd = syscall(__NR_io_uring_setup, entries, p);

	if (fd < 0)
		die("io_uring_setup");
	return fd;
}

int main(void)
{
	struct io_uring_params sqp, p;
	struct io_uring_sqe *sqes;
	unsigned int *tail, *mask, *array;
	static char buf[16];
	int sq_fd, fd, pipefd[2];
	char *sq;

	memset(&sqp, 0, sizeof(sqp));
	sqp.flags = IORING_SETUP_SQPOLL;
	sqp.sq_thread_idle = 600000;
	sq_fd = ring_setup(4, &sqp);

	if (pipe(pipefd))
		die("pipe");
	memset(&p, 0, sizeof(p));
	fd = ring_setup(4, &p);
	sq = mmap(NULL, p.sq_off.array + p.sq_entries * sizeof(unsigned int),
		  PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd,
		  IORING_OFF_SQ_RING);
	if (sq == MAP_FAILED)
		die("mmap sq ring");
	sqes = mmap(NULL, p.sq_entries * sizeof(*sqes), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
	if (sqes == MAP_FAILED)
		die("mmap sqes");
	tail = (unsigned int *)(sq + p.sq_off.tail);
	mask = (unsigned int *)(sq + p.sq_off.ring_mask);
	array = (unsigned int *)(sq + p.sq_off.array);

	memset(&sqes[0], 0, sizeof(sqes[0]));
	sqes[0].opcode = IORING_OP_READ;
	sqes[0].flags = IOSQE_ASYNC;
	sqes[0].fd = pipefd[0];
	sqes[0].addr = (unsigned long)buf;
	sqes[0].len = sizeof(buf);
	array[*tail & *mask] = 0;
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
	if (syscall(__NR_io_uring_enter, fd, 1, 0, 0, NULL, 0) != 1)
		die("io_uring_enter");

	printf("ready %d\n", getpid());
	fflush(stdout);
	for (;;)
		pause();
	close(sq_fd);
	return 0;
}
