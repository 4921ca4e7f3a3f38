#ifndef XIANJIE_CLIBZMQ_SHIM_H
#define XIANJIE_CLIBZMQ_SHIM_H
#include <zmq.h>
#include <sys/eventfd.h>
#include <errno.h>
#include <sys/prctl.h>

/// errno is a macro in C; Swift sees it through this function.
static inline int xj_errno(void) { return errno; }

/// Names the calling thread (first 15 bytes; shows in top -H, gdb, perf).
/// prctl is variadic, which Swift cannot call directly.
static inline int xj_set_thread_name(const char *name) {
    return prctl(PR_SET_NAME, (unsigned long)name, 0UL, 0UL, 0UL);
}
#endif
