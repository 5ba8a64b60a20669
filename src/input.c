/*
 * input.c - opening and reading inputs (see input.h).
 *
 * zlib's gz* functions read gzip and plain files alike, so a rotated
 * "server.log.1.gz" and a plain log take the same path. The first block is
 * checked for binary content: NUL bytes do not count (logs of a crashed
 * process end in NUL runs), other control bytes and known magic numbers do;
 * UTF-16 text (transcode.h) is text.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "transcode.h"
#include "xmalloc.h"

struct input {
	char     *path;
	int       fd;
	gzFile    gz;
	int       is_gzip;
	int       checked;
	uint64_t  file_size;
};

struct input *
input_open(const char *path, struct olr_err *err)
{
	struct input *in;
	struct stat st;
	unsigned char magic[2];
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = dup(STDIN_FILENO);
		if (fd < 0) {
			olr_err_set(err, OLR_E_IO, "-", 0,
			    "cannot read standard input: %s", strerror(errno));
			return NULL;
		}
	} else {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			olr_err_set(err, OLR_E_IO, path, 0, "cannot open: %s",
			    strerror(errno));
			return NULL;
		}
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		olr_err_set(err, OLR_E_IO, path, 0,
		    "is a directory, not a log file");
		return NULL;
	}
	in = xcalloc(1, sizeof *in);
	in->path = xstrdup(path);
	in->fd = fd;
	if (S_ISREG(st.st_mode)) {
		in->file_size = (uint64_t)st.st_size;
		if (pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1f &&
		    magic[1] == 0x8b)
			in->is_gzip = 1;
	}
	in->gz = gzdopen(fd, "rb");
	if (in->gz == NULL) {
		olr_err_set(err, OLR_E_IO, path, 0, "cannot open: %s",
		    strerror(errno ? errno : ENOMEM));
		close(fd);
		free(in->path);
		free(in);
		return NULL;
	}
	gzbuffer(in->gz, 256 * 1024);
	return in;
}

/* zlib prefixes its messages with the file name, "<fd:3>" for gzdopen. */
static const char *
zmsg(const char *msg)
{
	const char *p;

	if (msg != NULL && msg[0] == '<' && (p = strstr(msg, ">: ")) != NULL)
		return p + 3;
	return msg ? msg : "unknown error";
}

static const struct {
	const char *magic;
	size_t      len;
	const char *what;
} binary_magic[] = {
	{ "\x7f" "ELF", 4, "an ELF executable" },
	{ "\x89PNG", 4, "a PNG image" },
	{ "PK\x03\x04", 4, "a ZIP archive" },
	{ "SQLite format 3", 16, "an SQLite database" },
	{ "\xff\xd8\xff", 3, "a JPEG image" },
	{ "%PDF-", 5, "a PDF document" },
	{ "\x28\xb5\x2f\xfd", 4, "a zstd archive" },
	{ "\xfd" "7zXZ", 5, "an xz archive" },
};

int
input_looks_binary(const unsigned char *p, size_t n)
{
	size_t i, text = 0, ctrl = 0, bom;

	for (i = 0; i < sizeof binary_magic / sizeof binary_magic[0]; i++) {
		if (n >= binary_magic[i].len &&
		    memcmp(p, binary_magic[i].magic, binary_magic[i].len) == 0)
			return 1;
	}
	/* UTF-16 text: its zero bytes and code units are not control */
	if (transcode_detect(p, n, &bom) == TRANSCODE_UTF16LE ||
	    transcode_detect(p, n, &bom) == TRANSCODE_UTF16BE)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = p[i];
		if (c == 0)
			continue;
		text++;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\v' && c != 0x1b && c != '\b') ||
		    c == 0x7f)
			ctrl++;
	}
	return text > 0 && ctrl * 20 > text;   /* more than 5% control bytes */
}

ssize_t
input_read(struct input *in, char *buf, size_t size, struct olr_err *err)
{
	int n, zerr;
	const char *msg;

	if (size > (size_t)0x40000000)
		size = 0x40000000;
	n = gzread(in->gz, buf, (unsigned)size);
	if (n < 0) {
		msg = gzerror(in->gz, &zerr);
		if (zerr == Z_ERRNO)
			olr_err_set(err, OLR_E_IO, in->path, 0,
			    "read error: %s", strerror(errno));
		else
			olr_err_set(err, OLR_E_FORMAT, in->path, 0,
			    "corrupt gzip data: %s", zmsg(msg));
		return -1;
	}
	if (n == 0) {
		msg = gzerror(in->gz, &zerr);
		if (zerr != Z_OK && zerr != Z_STREAM_END) {
			olr_err_set(err, OLR_E_FORMAT, in->path, 0,
			    "truncated gzip data: %s", zmsg(msg));
			return -1;
		}
	}
	if (!in->checked && n > 0) {
		in->checked = 1;
		if (input_looks_binary((const unsigned char *)buf, (size_t)n)) {
			olr_err_set(err, OLR_E_FORMAT, in->path, 0,
			    "binary data, not a log file");
			return -1;
		}
	}
	return n;
}

uint64_t
input_file_size(const struct input *in)
{
	return in->file_size;
}

uint64_t
input_file_offset(const struct input *in)
{
	off_t off = gzoffset(in->gz);

	return off < 0 ? 0 : (uint64_t)off;
}

int
input_is_gzip(const struct input *in)
{
	return in->is_gzip;
}

const char *
input_path(const struct input *in)
{
	return in->path;
}

void
input_close(struct input *in)
{
	if (in == NULL)
		return;
	if (in->gz != NULL)
		gzclose(in->gz);    /* closes fd */
	free(in->path);
	free(in);
}
