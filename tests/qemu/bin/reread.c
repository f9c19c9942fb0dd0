// SPDX-License-Identifier: GPL-2.0
/*
 * reread PATH: read PATH from its start over and over until killed, each
 * time with a fresh open(2), one pread(2) of up to 64 KiB and close(2), so
 * that a file which comes and goes (a debugfs file of a module being
 * loaded) is read whenever it exists and never held open for long. On
 * SIGTERM prints "reads N" (the reads that returned data) and exits 0.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static volatile sig_atomic_t stop;

static void on_term(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	static char buf[65536];
	unsigned long reads = 0;
	struct sigaction sa = { .sa_handler = on_term };

	if (argc != 2) {
		fprintf(stderr, "usage: reread PATH\n");
		return 2;
	}
	sigaction(SIGTERM, &sa, NULL);
	while (!stop) {
		int fd = open(argv[1], O_RDONLY);

		if (fd < 0)
			continue;
		if (pread(fd, buf, sizeof(buf), 0) > 0)
			reads++;
		close(fd);
	}
	printf("reads %lu\n", reads);
	return 0;
}
