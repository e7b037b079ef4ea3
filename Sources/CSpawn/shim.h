#ifndef THEMATIC_CSPAWN_SHIM_H
#define THEMATIC_CSPAWN_SHIM_H

/* The two GNU C library calls Subprocess needs that Swift's Glibc module, built without _GNU_SOURCE, leaves out. */
#include <spawn.h>

/* A pipe made close-on-exec at once, so no program another thread starts can inherit it before fcntl could mark it. */
extern int pipe2(int ends[2], int flags);

/* The folder a spawned program starts in, set in the child only (glibc 2.29). */
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);

#endif
