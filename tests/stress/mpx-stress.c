// SPDX-License-Identifier: GPL-2.0
/*
 * mpx-stress: random operations on a mounted resctrl filesystem, run inside
 * the mpam_ext test VM (tests/stress/stress.sh, scripts/stress).
 *
 *	mpx-stress [-t SECONDS] [-s SEED] [-w WORKERS] [-r ROOT] [-c]
 *
 * Several worker processes, each with its own pseudo-random sequence
 * derived from SEED, make and remove control and monitor groups, write
 * valid and garbage text to every writable file, read every file
 * (mon_data included), fork children that exit, start threads and
 * io_uring workers, move tasks between groups and (with -c) take CPUs
 * offline and back online. The seed is printed first, so a failing run
 * replays with -s.
 *
 * Refusals are expected; what fails the run is an errno that the front
 * never has a reason to return (EFAULT, ENOMEM without fault injection,
 * EIO, ...), a worker that dies from a signal, or a hang (the VM's
 * timeout). Kernel reports (KASAN, lockdep, WARN) fail the VM run itself.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_FILES	4096
#define MAX_PATH	512
/* A control group directory, a group directory (control or monitor) */
#define CTRL_LEN	256
#define GRP_LEN		384
#define MAX_CPUS	64

enum op {
	OP_MKDIR_CTRL, OP_MKDIR_MON, OP_RMDIR, OP_READ, OP_WRITE_VALID,
	OP_WRITE_GARBAGE, OP_FORK, OP_THREAD, OP_IO_URING, OP_MOVE, OP_HOTPLUG,
	OP_RESCAN, OP_NR
};

static const char *const op_name[OP_NR] = {
	"mkdir_ctrl", "mkdir_mon", "rmdir", "read", "write_valid",
	"write_garbage", "fork", "thread", "io_uring", "move", "hotplug",
	"rescan",
};

/* Relative weights of the operations */
static const unsigned int op_weight[OP_NR] = {
	6, 6, 8, 30, 20, 10, 4, 4, 2, 8, 1, 2,
};

static const char *root = "/sys/fs/resctrl";
static int hotplug;
static char files[MAX_FILES][MAX_PATH];
static unsigned int nr_files;
/* Indexes in files[] of the writable ones */
static unsigned int wfiles[MAX_FILES], nr_wfiles;
static unsigned long counts[OP_NR], errs[OP_NR], bad[OP_NR];
static int online_cpus[MAX_CPUS], nr_online;
static uint64_t rng;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static unsigned int rnd_below(unsigned int n)
{
	return n ? (unsigned int)(rnd() % n) : 0;
}

/*
 * Errors a refused or raced operation may give. Anything else is a bug:
 * the front has no reason to fault, run out of memory or fail I/O.
 */
static int errno_expected(int e)
{
	switch (e) {
	case EINVAL: case ENOENT: case EBUSY: case ENOSPC: case EEXIST:
	case ENOTEMPTY: case EPERM: case EACCES: case ESRCH: case ENOTDIR:
	case EISDIR: case E2BIG: case EFBIG: case EAGAIN: case ENODEV:
	case EOPNOTSUPP: case ENAMETOOLONG: case ENXIO:
		return 1;
	}
	return 0;
}

/*
 * note OP RET WHAT: count one operation; RET < 0 is a failure whose reason
 * is in errno (read here, after the call has returned).
 */
static void note(enum op op, int ret, const char *what)
{
	int e = errno;

	counts[op]++;
	if (ret >= 0)
		return;
	errs[op]++;
	if (!errno_expected(e)) {
		bad[op]++;
		printf("stress: pid %d: %s %s: unexpected %s\n", getpid(),
		       op_name[op], what, strerror(e));
	}
}

static void scan_dir(const char *dir, int depth)
{
	char p[MAX_PATH];
	struct dirent *de;
	struct stat st;
	DIR *d;

	if (depth > 6)
		return;
	d = opendir(dir);
	if (!d)
		return;
	while ((de = readdir(d)) && nr_files < MAX_FILES) {
		if (de->d_name[0] == '.')
			continue;
		if (snprintf(p, sizeof(p), "%s/%s", dir, de->d_name) >= (int)sizeof(p))
			continue;
		if (lstat(p, &st))
			continue;
		if (S_ISDIR(st.st_mode))
			scan_dir(p, depth + 1);
		else if (S_ISREG(st.st_mode)) {
			if (st.st_mode & S_IWUSR)
				wfiles[nr_wfiles++] = nr_files;
			strcpy(files[nr_files++], p);
		}
	}
	closedir(d);
}

static void rescan(void)
{
	nr_files = 0;
	nr_wfiles = 0;
	scan_dir(root, 0);
}

/* A random control group directory: root or one of s0..s5 */
static void pick_ctrl(char *buf, size_t len)
{
	unsigned int n = rnd_below(8);

	if (n >= 6)
		snprintf(buf, len, "%s", root);
	else
		snprintf(buf, len, "%s/s%u", root, n);
}

/* A random group directory: a control group or one of its monitor groups */
static void pick_group(char *buf, size_t len)
{
	char c[CTRL_LEN];

	pick_ctrl(c, sizeof(c));
	if (rnd_below(2))
		snprintf(buf, len, "%s", c);
	else
		snprintf(buf, len, "%s/mon_groups/m%u", c, rnd_below(4));
}

static int write_text(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, buf, len);
	if (n < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	close(fd);
	return 0;
}

static void op_mkdir(enum op op)
{
	char p[MAX_PATH], c[CTRL_LEN];
	static const char *const odd[] = {
		"a\nb", "x/y", ".", "..", "", "mon_groups", "info",
	};

	if (op == OP_MKDIR_CTRL) {
		if (rnd_below(20) == 0)
			snprintf(p, sizeof(p), "%s/%s", root, odd[rnd_below(7)]);
		else
			snprintf(p, sizeof(p), "%s/s%u", root, rnd_below(6));
	} else {
		pick_ctrl(c, sizeof(c));
		snprintf(p, sizeof(p), "%s/mon_groups/m%u", c, rnd_below(4));
	}
	note(op, mkdir(p, 0755), p);
}

static void op_rmdir(void)
{
	char p[GRP_LEN];

	pick_group(p, sizeof(p));
	if (!strcmp(p, root))
		snprintf(p, sizeof(p), "%s/s0", root);
	note(OP_RMDIR, rmdir(p), p);
}

static void op_read(void)
{
	char buf[8192];
	const char *f;
	ssize_t n;
	int fd;

	if (!nr_files)
		return;
	f = files[rnd_below(nr_files)];
	fd = open(f, O_RDONLY);
	if (fd < 0) {
		note(OP_READ, -1, f);
		return;
	}
	do {
		n = read(fd, buf, sizeof(buf));
	} while (n > 0);
	note(OP_READ, n < 0 ? -1 : 0, f);
	close(fd);
}

static const char *base_name(const char *p)
{
	const char *s = strrchr(p, '/');

	return s ? s + 1 : p;
}

/* A plausible value for a file, by its name */
static size_t valid_text(const char *f, char *buf, size_t len)
{
	const char *b = base_name(f);
	unsigned int k, s;

	if (!strcmp(b, "schemata")) {
		switch (rnd_below(4)) {
		case 0:
			k = 1 + rnd_below(8);
			s = rnd_below(8);
			return snprintf(buf, len, "L3:%u=%x\n", rnd_below(2) ? 1 : 26,
					((1u << k) - 1) << s);
		case 1:
			return snprintf(buf, len, "MB:%u=%u\n", rnd_below(2) ? 1 : 26,
					10 * (1 + rnd_below(10)));
		case 2:
			k = 1 + rnd_below(4);
			return snprintf(buf, len, "L2:%u=%x\n", rnd_below(8), (1u << k) - 1);
		default:
			return snprintf(buf, len, "L3:1=%x;26=%x\nMB:1=%u\n",
					0xf << rnd_below(4), 0xf0, 10 * (1 + rnd_below(10)));
		}
	}
	if (!strcmp(b, "tasks"))
		return snprintf(buf, len, "%d\n", rnd_below(3) ? getpid() : (int)rnd_below(400));
	if (!strcmp(b, "cpus_list"))
		return snprintf(buf, len, "%u-%u\n", rnd_below(2), 1 + rnd_below(7));
	if (!strcmp(b, "cpus"))
		return snprintf(buf, len, "%x\n", (unsigned int)rnd_below(256));
	if (strstr(b, "assignments"))
		return snprintf(buf, len, "%s:%s=%s\n",
				rnd_below(2) ? "mbm_total_bytes" : "mbm_l2_total_bytes",
				rnd_below(3) ? "1" : "*", rnd_below(2) ? "e" : "_");
	if (!strcmp(b, "mbm_assign_on_mkdir") || !strcmp(b, "mbm_assign_mode"))
		return snprintf(buf, len, "%u\n", rnd_below(2));
	return snprintf(buf, len, "%u\n", rnd_below(100));
}

static void op_write(enum op op)
{
	char buf[1024];
	const char *f;
	size_t len, i;

	if (!nr_files)
		return;
	/* valid text mostly to writable files, garbage to any */
	if (nr_wfiles && (op == OP_WRITE_VALID || rnd_below(2)))
		f = files[wfiles[rnd_below(nr_wfiles)]];
	else
		f = files[rnd_below(nr_files)];
	if (op == OP_WRITE_VALID) {
		len = valid_text(f, buf, sizeof(buf));
	} else {
		len = rnd_below(sizeof(buf));
		for (i = 0; i < len; i++)
			buf[i] = rnd_below(4) ? "0123456789abcdef:;=,-\n L3MB"[rnd_below(28)]
					      : (char)rnd();
	}
	note(op, write_text(f, buf, len), f);
}

static void *thread_fn(void *arg)
{
	(void)arg;
	usleep(1000 * rnd_below(20));
	return NULL;
}

static void op_thread(void)
{
	pthread_t t;
	int e = pthread_create(&t, NULL, thread_fn, NULL);

	if (e) {
		errno = e;
		note(OP_THREAD, -1, "pthread_create");
		return;
	}
	note(OP_THREAD, 0, "");
	pthread_join(t, NULL);
}

/* A child that may move itself, then exits */
static void op_fork(void)
{
	char p[GRP_LEN], t[MAX_PATH], b[32];
	pid_t pid = fork();
	int st;

	if (pid < 0) {
		note(OP_FORK, -1, "fork");
		return;
	}
	if (!pid) {
		pick_group(p, sizeof(p));
		snprintf(t, sizeof(t), "%s/tasks", p);
		snprintf(b, sizeof(b), "%d\n", getpid());
		write_text(t, b, strlen(b));
		usleep(1000 * (rnd() % 10));
		_exit(0);
	}
	waitpid(pid, &st, 0);
	note(OP_FORK, 0, "");
}

/*
 * An io_uring NOP forced to the async path, so that the kernel starts an
 * io-wq worker (made by copy_process(), not kernel_clone()).
 */
static void op_io_uring(void)
{
	struct io_uring_params par;
	struct io_uring_sqe *sqes;
	void *sq, *cq;
	size_t sq_sz, cq_sz;
	unsigned int *tail, *arr, mask;
	int fd;

	memset(&par, 0, sizeof(par));
	fd = syscall(__NR_io_uring_setup, 4, &par);
	if (fd < 0) {
		/* a kernel without io_uring is not a failure of the front */
		note(OP_IO_URING, errno == ENOSYS ? 0 : -1, "setup");
		return;
	}
	sq_sz = par.sq_off.array + par.sq_entries * sizeof(unsigned int);
	cq_sz = par.cq_off.cqes + par.cq_entries * sizeof(struct io_uring_cqe);
	sq = mmap(NULL, sq_sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd,
		  IORING_OFF_SQ_RING);
	cq = mmap(NULL, cq_sz, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd,
		  IORING_OFF_CQ_RING);
	sqes = mmap(NULL, par.sq_entries * sizeof(*sqes), PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
	if (sq == MAP_FAILED || cq == MAP_FAILED || sqes == MAP_FAILED) {
		note(OP_IO_URING, -1, "mmap");
		close(fd);
		return;
	}
	tail = (unsigned int *)((char *)sq + par.sq_off.tail);
	mask = *(unsigned int *)((char *)sq + par.sq_off.ring_mask);
	arr = (unsigned int *)((char *)sq + par.sq_off.array);
	memset(&sqes[0], 0, sizeof(sqes[0]));
	sqes[0].opcode = IORING_OP_NOP;
	sqes[0].flags = IOSQE_ASYNC;
	arr[*tail & mask] = 0;
	__atomic_store_n(tail, *tail + 1, __ATOMIC_RELEASE);
	note(OP_IO_URING, syscall(__NR_io_uring_enter, fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) < 0 ?
	     -1 : 0, "enter");
	munmap(sqes, par.sq_entries * sizeof(*sqes));
	munmap(cq, cq_sz);
	munmap(sq, sq_sz);
	close(fd);
}

static void op_move(void)
{
	char p[GRP_LEN], t[MAX_PATH], b[32];

	pick_group(p, sizeof(p));
	snprintf(t, sizeof(t), "%s/tasks", p);
	snprintf(b, sizeof(b), "%d\n", getpid());
	note(OP_MOVE, write_text(t, b, strlen(b)), t);
}

static void op_hotplug(void)
{
	char p[MAX_PATH];
	int cpu;

	if (!hotplug || nr_online < 2)
		return;
	cpu = online_cpus[1 + rnd_below(nr_online - 1)];
	snprintf(p, sizeof(p), "/sys/devices/system/cpu/cpu%d/online", cpu);
	/* offline, then back online: the run never ends with fewer CPUs */
	note(OP_HOTPLUG, write_text(p, "0\n", 2), p);
	usleep(1000 * rnd_below(50));
	if (write_text(p, "1\n", 2) < 0) {
		usleep(100000);
		note(OP_HOTPLUG, write_text(p, "1\n", 2), p);
	}
}

static void read_online(void)
{
	FILE *f = fopen("/sys/devices/system/cpu/online", "r");
	int a, b;
	char sep;

	nr_online = 0;
	if (!f)
		return;
	while (fscanf(f, "%d", &a) == 1) {
		b = a;
		if (fscanf(f, "%c", &sep) == 1 && sep == '-') {
			if (fscanf(f, "%d", &b) != 1)
				break;
			if (fscanf(f, "%c", &sep) != 1)
				sep = '\n';
		}
		for (; a <= b && nr_online < MAX_CPUS; a++)
			online_cpus[nr_online++] = a;
		if (sep != ',')
			break;
	}
	fclose(f);
}

static enum op pick_op(void)
{
	unsigned int total = 0, r, i;

	for (i = 0; i < OP_NR; i++)
		total += op_weight[i];
	r = rnd_below(total);
	for (i = 0; i < OP_NR; i++) {
		if (r < op_weight[i])
			return i;
		r -= op_weight[i];
	}
	return OP_READ;
}

static int worker(unsigned int id, unsigned long long seed, time_t end)
{
	unsigned long total_bad = 0;
	enum op op;
	int i;

	rng = seed * 0x9e3779b97f4a7c15ULL + id + 1;
	if (!rng)
		rng = 1;
	rescan();
	while (time(NULL) < end) {
		op = pick_op();
		switch (op) {
		case OP_MKDIR_CTRL:
		case OP_MKDIR_MON:
			op_mkdir(op);
			break;
		case OP_RMDIR:
			op_rmdir();
			break;
		case OP_READ:
			op_read();
			break;
		case OP_WRITE_VALID:
		case OP_WRITE_GARBAGE:
			op_write(op);
			break;
		case OP_FORK:
			op_fork();
			break;
		case OP_THREAD:
			op_thread();
			break;
		case OP_IO_URING:
			op_io_uring();
			break;
		case OP_MOVE:
			op_move();
			break;
		case OP_HOTPLUG:
			if (id == 0)
				op_hotplug();
			break;
		default:
			rescan();
			counts[OP_RESCAN]++;
			break;
		}
	}
	printf("stress: worker %u:", id);
	for (i = 0; i < OP_NR; i++) {
		printf(" %s=%lu/%lu", op_name[i], counts[i], errs[i]);
		total_bad += bad[i];
	}
	printf(" unexpected=%lu\n", total_bad);
	fflush(stdout);
	return total_bad ? 1 : 0;
}

int main(int argc, char **argv)
{
	unsigned long long seed = 0;
	unsigned int workers = 3, i, failed = 0;
	int seconds = 30, c, st;
	pid_t pid;
	time_t end;

	while ((c = getopt(argc, argv, "t:s:w:r:c")) != -1) {
		switch (c) {
		case 't':
			seconds = atoi(optarg);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'w':
			workers = atoi(optarg);
			break;
		case 'r':
			root = optarg;
			break;
		case 'c':
			hotplug = 1;
			break;
		default:
			fprintf(stderr, "usage: %s [-t SECONDS] [-s SEED] [-w WORKERS] [-r ROOT] [-c]\n",
				argv[0]);
			return 2;
		}
	}
	if (!seed)
		seed = (unsigned long long)time(NULL);
	read_online();
	printf("stress: seed=%llu seconds=%d workers=%u hotplug=%d root=%s\n",
	       seed, seconds, workers, hotplug, root);
	fflush(stdout);
	end = time(NULL) + seconds;
	for (i = 0; i < workers; i++) {
		pid = fork();
		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (!pid)
			_exit(worker(i, seed, end));
	}
	while ((pid = wait(&st)) > 0) {
		if (WIFSIGNALED(st)) {
			printf("stress: worker pid %d killed by signal %d\n", pid, WTERMSIG(st));
			failed++;
		} else if (WEXITSTATUS(st)) {
			failed++;
		}
	}
	printf("stress: %s (seed=%llu)\n", failed ? "FAILED" : "done", seed);
	return failed ? 1 : 0;
}
