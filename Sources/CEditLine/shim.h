/* libedit (histedit API) for Swift. el_set, el_get and history are variadic C functions,
 * which Swift cannot call; each use gets a non-variadic wrapper here. Mutable C globals
 * (stdin, stdout, stderr) get accessors, since Swift 6 refuses to touch them directly. */
#ifndef HANDOFF_CEDITLINE_SHIM_H
#define HANDOFF_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef char *(*cel_prompt_fn)(EditLine *);
typedef unsigned char (*cel_cmd_fn)(EditLine *, int);
typedef int (*cel_getc_fn)(EditLine *, wchar_t *);

static inline FILE *cel_stdin(void) { return stdin; }
static inline FILE *cel_stdout(void) { return stdout; }
static inline FILE *cel_stderr(void) { return stderr; }

static inline int cel_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }
static inline void *cel_get_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
static inline int cel_set_prompt_esc(EditLine *el, cel_prompt_fn fn, char esc) { return el_set(el, EL_PROMPT_ESC, fn, esc); }
static inline int cel_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
static inline int cel_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
static inline int cel_set_getcfn(EditLine *el, cel_getc_fn fn) { return el_set(el, EL_GETCFN, fn); }
static inline int cel_set_hist(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }
static inline int cel_addfn(EditLine *el, const char *name, const char *help, cel_cmd_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int cel_bind(EditLine *el, const char *key, const char *fn) { return el_set(el, EL_BIND, key, fn, NULL); }

static inline int cel_hist_setsize(History *h, int n) { HistEvent ev; return history(h, &ev, H_SETSIZE, n); }
static inline int cel_hist_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int cel_hist_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int cel_hist_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int cel_hist_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }

/* The terminal's width in columns, or 0 when `fd` is not a terminal (ioctl is variadic too). */
static inline int cel_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 0;
}

/* Inserts one wide character at the cursor. */
static inline int cel_insert_wide(EditLine *el, wchar_t character) {
    wchar_t text[2] = { character, 0 };
    return el_winsertstr(el, text);
}
/* The cursor is at the end of the line (nothing after it). */
static inline int cel_cursor_at_end(EditLine *el) {
    const LineInfoW *info = el_wline(el);
    return info == NULL || info->cursor >= info->lastchar;
}
/* Characters before and after the cursor. */
static inline int cel_chars_before_cursor(EditLine *el) {
    const LineInfoW *info = el_wline(el);
    return info == NULL ? 0 : (int)(info->cursor - info->buffer);
}
static inline int cel_chars_after_cursor(EditLine *el) {
    const LineInfoW *info = el_wline(el);
    return info == NULL ? 0 : (int)(info->lastchar - info->cursor);
}

#endif
