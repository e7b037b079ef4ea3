#ifndef THEMATIC_CNCURSESW_SHIM_H
#define THEMATIC_CNCURSESW_SHIM_H

/* The wide-character API (get_wch, wadd_wch, setcchar, cchar_t) is only declared with these. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#endif
