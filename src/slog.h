/*
 * slog.h - scanner for Go log/slog TextHandler lines.
 *
 *   time=2024-05-07T12:29:32.104-04:00 level=INFO source=server.go:380
 *   msg="starting llama server" cmd="a \"b\" c" "model layers"=37 k=v
 *
 * Keys and values are separated by single spaces; a key or value is quoted
 * (Go strconv.Quote) when it is empty or holds a space, '=', '"', a control
 * character or a non-printable rune. Escapes inside quotes: \" \\ \n \t \r
 * \a \b \f \v \xHH \uHHHH \UHHHHHHHH \OOO. A backslash outside quotes is
 * literal (Windows paths: model=C:\Users\x). No regex is used.
 */
#ifndef OLR_SLOG_H
#define OLR_SLOG_H

#include <stddef.h>

struct slog_attr {
	const char *key;   /* unescaped; NUL-terminated */
	size_t      key_len;
	const char *val;   /* unescaped; NUL-terminated */
	size_t      val_len;
	int         quoted; /* 1 if the value was written in quotes */
};

/* One scanned line. time/level/source/msg are also present in attrs. */
struct slog_rec {
	const char *time;   size_t time_len;   /* NULL if absent */
	const char *level;  size_t level_len;
	const char *source; size_t source_len;
	const char *msg;    size_t msg_len;
	struct slog_attr *attrs;               /* every key=value, in order */
	size_t            nattrs;
};

struct slog_scanner;

/* Returns a new scanner; free with slog_scanner_free(). Never NULL. */
struct slog_scanner *slog_scanner_new(void);
void slog_scanner_free(struct slog_scanner *sc);

/*
 * Scan one line (no trailing newline). Returns 1 and fills *rec when the
 * line is a slog line (it starts with "time=" and has a "level=" and
 * "msg=" key), 0 otherwise. A value whose closing quote is missing is
 * taken to the end of the line. The strings in *rec are owned by the
 * scanner and stay valid until the next slog_scan() on it.
 */
int slog_scan(struct slog_scanner *sc, const char *line, size_t len,
    struct slog_rec *rec);

/* The value of key in rec (exact, case-sensitive), or NULL; *len set. */
const char *slog_get(const struct slog_rec *rec, const char *key,
    size_t *len);

#endif
