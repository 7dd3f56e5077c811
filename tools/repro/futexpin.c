// futexpin: reproducer for the Popcorn Linux futex-pin self-deadlock (docs/kernel-bugs.md,
// docs/kmeans-1.md). Runs on a two-node Popcorn cluster, started on node 0 (the origin).
//
// Usage: futexpin MODE [ROUNDS]
//   origin    (default) a thread migrates to node 1 and writes the futex page; then main calls a
//             SHARED FUTEX_WAIT on it at the origin.      Expected (as built): main hangs in D.
//   claim     as origin, but main passes a constant mismatching value (2; the thread stores 1) instead of
//             reading the word first, so main does not touch the page before the syscall: the origin PTE
//             is still INVALID at the pin, which must claim a read copy itself (kmeans-1's path).
//                                                         Expected (as built): main hangs in D.
//   readcopy  as origin, but the thread at node 1 only READS the page (origin keeps an RO copy, no
//             claim needed).                              Expected (as built): main hangs in D.
//   forwarded the thread at node 1 writes the page, then calls the shared FUTEX_WAIT itself; it is
//             forwarded and run at the origin by its home task. Expected (as built): no answer.
//   private   control: origin mode with FUTEX_PRIVATE_FLAG. Expected: EAGAIN at once, exit 0.
//   join      kmeans-like race, ROUNDS times (default 20): main pthread_join()s a thread that is at
//             node 1 writing its own TLS (same page as the joined tid). Expected: a hang in some
//             round (probabilistic).
// Every FUTEX_WAIT passes a value that does NOT match the word, plus a 1 s timeout: a healthy kernel
// returns at once (EAGAIN); the buggy one never gets to the compare (it deadlocks in get_futex_key).
// Messages go to stderr (unbuffered); the thread prints nothing while at node 1 (no fd there).
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "migrate.h"

#define PAGE 4096
#define REMOTE_NID 1

struct futex_page { volatile uint32_t word; volatile uint32_t counter; };   // page 0: the futex
struct control { volatile int stage, nid_remote, nid_back, stop; volatile long ret, err; };  // page 1

static struct futex_page *fp;
static struct control *ctl;
static int mode_shared = 1;
static __thread volatile long tls_counter;      // lives next to the thread's TCB (same page as tid)

static void say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
}

// FUTEX_WAIT on w with value notval and a 1 s relative timeout; returns -errno or 0.
static long futex_wait_value(volatile uint32_t *w, int shared, uint32_t notval)
{
	struct timespec ts = { .tv_sec = 1, .tv_nsec = 0 };
	long r = syscall(SYS_futex, w, FUTEX_WAIT | (shared ? 0 : FUTEX_PRIVATE_FLAG), notval, &ts, NULL, 0);
	return r < 0 ? -errno : r;
}

// FUTEX_WAIT with a mismatching value read from the word (a user-space read of the futex page).
static long futex_wait_mismatch(volatile uint32_t *w, int shared)
{
	return futex_wait_value(w, shared, *w + 1);
}

static void wait_stage(int s)
{
	while (ctl->stage < s) usleep(1000);        // reads the control page only, never the futex page
}

// Thread for origin / readcopy / private: go to node 1, take the futex page there, then keep
// writing it (origin, private) so that the pinned page is also wanted by node 1, as in kmeans-1.
static void *remote_toucher(void *arg)
{
	const char *mode = arg;
	migrate(REMOTE_NID, NULL, NULL);
	ctl->nid_remote = popcorn_current_nid();
	if (strcmp(mode, "readcopy") == 0)
		(void)fp->word;                         // read copy: origin stays owner with an RO PTE
	else
		fp->word = 1;                           // write: node 1 sole owner, origin PTE INVALID
	ctl->stage = 1;
	if (strcmp(mode, "readcopy") == 0) {
		while (!ctl->stop) usleep(1000);
	} else {
		while (!ctl->stop) fp->counter++;       // after the pin: write upgrade, VM_FAULT_RETRY storm
	}
	migrate(0, NULL, NULL);
	ctl->nid_back = popcorn_current_nid();
	ctl->stage = 3;
	return NULL;
}

// Thread for forwarded: the shared FUTEX_WAIT is issued at node 1 and executed at the origin.
static void *remote_waiter(void *arg)
{
	(void)arg;
	migrate(REMOTE_NID, NULL, NULL);
	ctl->nid_remote = popcorn_current_nid();
	fp->word = 1;
	ctl->stage = 1;
	ctl->ret = futex_wait_mismatch(&fp->word, 1);   // forwarded as FUTEX_REQUEST op 0x0
	ctl->stage = 2;
	migrate(0, NULL, NULL);
	ctl->nid_back = popcorn_current_nid();
	ctl->stage = 3;
	return NULL;
}

// Thread for join: stay at node 1 writing TLS (the page of this thread's struct pthread / tid).
static void *tls_writer(void *arg)
{
	long i, n = (long)arg;
	migrate(REMOTE_NID, NULL, NULL);
	for (i = 0; i < n; i++) tls_counter++;
	migrate(0, NULL, NULL);
	return NULL;
}

static pthread_t start_detached(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&t, &a, fn, arg)) { say("futexpin: pthread_create failed\n"); exit(2); }
	return t;
}

static int run_origin_like(const char *mode)
{
	long r;
	start_detached(remote_toucher, (void *)mode);
	wait_stage(1);
	say("futexpin %s: thread at node %d has %s the futex page %p; calling FUTEX_WAIT (%s) at the origin\n",
	    mode, ctl->nid_remote, strcmp(mode, "readcopy") ? "written" : "read", (void *)fp,
	    mode_shared ? "shared" : "private");
	if (strcmp(mode, "claim") == 0)
		r = futex_wait_value(&fp->word, 1, 2);  // the thread stored 1; main never reads the page
	else
		r = futex_wait_mismatch(&fp->word, mode_shared);
	say("futexpin %s: FUTEX_WAIT returned %ld (%s): %s\n", mode, r, r ? strerror((int)-r) : "0",
	    mode_shared ? "NOT reproduced (fixed kernel?)" : "control OK");
	ctl->stop = 1;
	wait_stage(3);
	say("futexpin %s: thread back at node %d, exit %d\n", mode, ctl->nid_back, mode_shared ? 1 : 0);
	return mode_shared ? 1 : 0;
}

static int run_forwarded(void)
{
	int i;
	start_detached(remote_waiter, NULL);
	wait_stage(1);
	say("futexpin forwarded: thread at node %d wrote %p and calls FUTEX_WAIT (shared) there\n",
	    ctl->nid_remote, (void *)fp);
	for (i = 0; i < 100 && ctl->stage < 2; i++) usleep(100000);
	if (ctl->stage < 2) {
		say("futexpin forwarded: no answer after 10 s: REPRODUCED (home task stuck at the origin)\n");
		for (;;) pause();                       // do not join: that would be a second instance
	}
	say("futexpin forwarded: forwarded FUTEX_WAIT returned %ld: NOT reproduced\n", ctl->ret);
	wait_stage(3);
	return 1;
}

static int run_join(int rounds)
{
	int i;
	for (i = 0; i < rounds; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, tls_writer, (void *)20000000L)) { say("pthread_create failed\n"); return 2; }
		usleep(200000);                         // let it reach node 1 and pull its TCB page there
		say("futexpin join: round %d: joining %p\n", i, (void *)t);
		pthread_join(t, NULL);
	}
	say("futexpin join: %d rounds, no hang (the race was not hit)\n", rounds);
	return 1;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "origin";
	char *mem;

	mem = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) { say("futexpin: mmap: %s\n", strerror(errno)); return 2; }
	memset(mem, 0, 2 * PAGE);                   // first touch at the origin, before any migration
	fp = (struct futex_page *)mem;
	ctl = (struct control *)(mem + PAGE);

	if (!strcmp(mode, "origin") || !strcmp(mode, "readcopy") || !strcmp(mode, "claim"))
		return run_origin_like(mode);
	if (!strcmp(mode, "private")) {
		mode_shared = 0;
		return run_origin_like(mode);
	}
	if (!strcmp(mode, "forwarded"))
		return run_forwarded();
	if (!strcmp(mode, "join"))
		return run_join(argc > 2 ? atoi(argv[2]) : 20);
	say("usage: futexpin origin|claim|readcopy|forwarded|private|join [ROUNDS]\n");
	return 2;
}
