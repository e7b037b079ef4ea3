#ifndef THEMATIC_CNCURSESW_SHIM_H
#define THEMATIC_CNCURSESW_SHIM_H

/* The wide-character API (get_wch, wadd_wch, setcchar, cchar_t) is only declared with these. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ncursesw/curses.h>

/* Glibc only declares wcwidth under _XOPEN_SOURCE, which would hide other things Swift needs. */
extern int wcwidth(wchar_t c);

/* Columns the C library gives a scalar in the current LC_CTYPE locale (-1: not printable). */
static inline int thematic_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/* Mutable globals and macros Swift cannot use directly. */
static inline WINDOW *thematic_stdscr(void) { return stdscr; }
static inline int thematic_lines(void) { return LINES; }
static inline int thematic_cols(void) { return COLS; }
static inline int thematic_colors(void) { return COLORS; }
static inline int thematic_color_pairs(void) { return COLOR_PAIRS; }
static inline const char *thematic_codeset(void) { return nl_langinfo(CODESET); }

/* TerminalUI.TextAttributes bits (bold, dim, underline, reverse, italic) as curses attributes. */
static inline attr_t thematic_attributes(unsigned int bits) {
    attr_t attributes = WA_NORMAL;
    if (bits & 1u) attributes |= WA_BOLD;
    if (bits & 2u) attributes |= WA_DIM;
    if (bits & 4u) attributes |= WA_UNDERLINE;
    if (bits & 8u) attributes |= WA_REVERSE;
    if (bits & 16u) attributes |= WA_ITALIC;
    return attributes;
}

/* Signals. SIGTERM, SIGHUP and SIGINT only record themselves (async-signal-safe); the event loop reads the record
   and shuts down cleanly. Crash signals restore the terminal while a screen is active, then re-raise with the
   default action so the process still dies with the right signal (and a core dump where enabled). */
static volatile sig_atomic_t thematic_pending_signal = 0;
static volatile sig_atomic_t thematic_screen_active = 0;

static inline void thematic_note_signal(int signal_number) { thematic_pending_signal = signal_number; }

static inline void thematic_restore_and_reraise(int signal_number) {
    if (thematic_screen_active) {
        thematic_screen_active = 0;
        endwin();
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

static inline void thematic_restore_at_exit(void) {
    if (thematic_screen_active) {
        thematic_screen_active = 0;
        endwin();
    }
}

/* Installs the handlers and the exit hook once; called before newterm so ncurses keeps its hands off them. */
static inline void thematic_install_handlers(void) {
    static int installed = 0;
    if (installed) return;
    installed = 1;
    struct sigaction note;
    memset(&note, 0, sizeof note);
    note.sa_handler = thematic_note_signal;
    sigemptyset(&note.sa_mask);
    sigaction(SIGTERM, &note, NULL);
    sigaction(SIGHUP, &note, NULL);
    sigaction(SIGINT, &note, NULL);
    struct sigaction crash;
    memset(&crash, 0, sizeof crash);
    crash.sa_handler = thematic_restore_and_reraise;
    crash.sa_flags = SA_RESETHAND;
    sigemptyset(&crash.sa_mask);
    int crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP};
    for (unsigned i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) sigaction(crash_signals[i], &crash, NULL);
    atexit(thematic_restore_at_exit);
}

static inline void thematic_set_screen_active(int active) { thematic_screen_active = active; }

/* The signal number that arrived since the last call, or 0. */
static inline int thematic_take_signal(void) {
    int signal_number = thematic_pending_signal;
    thematic_pending_signal = 0;
    return signal_number;
}

#endif
