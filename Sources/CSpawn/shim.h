#ifndef THEMATIC_CSPAWN_SHIM_H
#define THEMATIC_CSPAWN_SHIM_H

/* The GNU C library calls Subprocess needs that Swift's Glibc module, built without _GNU_SOURCE, leaves out. */
#include <spawn.h>

/* A pipe made close-on-exec at once, so no program another thread starts can inherit it before fcntl could mark it. */
extern int pipe2(int ends[2], int flags);

/* The folder a spawned program starts in, set in the child only (glibc 2.29). */
extern int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *actions, const char *path);

/* Every descriptor from `from` up closed in the child (glibc 2.34): one this process opened without close-on-exec
   (a file being copied, a lock) must not live on in a program, holding a lock or keeping a binary busy. */
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);

#endif
