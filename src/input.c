/*
 * input.c - opening and reading inputs (see input.h).
 *
 * zlib's gz* functions read plain files and standard input (gzip or not);
 * a gzip file is inflated here, with inflate() itself, so damage in the
 * middle of it keeps every byte before the damage and is named with its
 * offset in the file (gzread() drops the output of the call that meets
 * it, and says not where). Members are read one after the other, as gzip
 * -d does. The first block is
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
	/* a gzip file, inflated here */
	z_stream  zs;
	int       zs_open;
	unsigned char *zin;
	uint64_t  zread;       /* compressed bytes read from the file */
	int       zeof;        /* no more compressed bytes */
	int       zend;        /* the last member ended (trailing bytes:
	                          ignored, as gzip does) */
	int       zstarted;    /* bytes of the current member were fed */
	char      zerr[160];   /* damage met after the bytes handed out */
	enum olr_errcode zcode;
};

#define ZIN_SIZE (256 * 1024)

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
	if (in->is_gzip) {
		if (inflateInit2(&in->zs, 15 + 16) != Z_OK) {
			olr_err_set(err, OLR_E_IO, path, 0, "cannot open: %s",
			    "zlib initialisation failed");
			close(fd);
			free(in->path);
			free(in);
			return NULL;
		}
		in->zs_open = 1;
		in->zin = xmalloc(ZIN_SIZE);
		return in;
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

/* The compressed bytes of a gzip file into buf: n > 0, 0 at the end, -1. */
static ssize_t
inflate_read(struct input *in, char *buf, size_t size, struct olr_err *err)
{
	z_stream *z = &in->zs;
	ssize_t r;
	int rc;

	if (in->zerr[0]) {          /* the damage, after the bytes before it */
		olr_err_set(err, in->zcode, in->path, 0, "%s", in->zerr);
		return -1;
	}
	for (;;) {
		if (in->zend)
			return 0;
		if (z->avail_in == 0 && !in->zeof) {
			do
				r = read(in->fd, in->zin, ZIN_SIZE);
			while (r < 0 && errno == EINTR);
			if (r < 0) {
				olr_err_set(err, OLR_E_IO, in->path, 0,
				    "read error: %s", strerror(errno));
				return -1;
			}
			if (r == 0)
				in->zeof = 1;
			in->zread += (uint64_t)r;
			z->next_in = in->zin;
			z->avail_in = (uInt)r;
		}
		if (z->avail_in == 0 && in->zeof) {
			if (!in->zstarted)
				return 0;
			olr_err_set(err, OLR_E_FORMAT, in->path, 0,
			    "truncated gzip data: unexpected end of file");
			return -1;
		}
		in->zstarted = 1;
		z->next_out = (unsigned char *)buf;
		z->avail_out = (uInt)size;
		rc = inflate(z, Z_NO_FLUSH);
		r = (ssize_t)(size - z->avail_out);
		if (rc == Z_STREAM_END) {
			/* another member follows, or trailing bytes: gzip -d
			 * reads the one and ignores the other */
			if (z->avail_in == 0 && !in->zeof) {
				ssize_t k;

				do
					k = read(in->fd, in->zin, ZIN_SIZE);
				while (k < 0 && errno == EINTR);
				if (k > 0) {
					in->zread += (uint64_t)k;
					z->next_in = in->zin;
					z->avail_in = (uInt)k;
				} else
					in->zeof = 1;
			}
			if (z->avail_in >= 2 && z->next_in[0] == 0x1f &&
			    z->next_in[1] == 0x8b) {
				inflateReset(z);
				in->zstarted = 0;
			} else
				in->zend = 1;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			/* the offset in the file of the byte inflate stopped
			 * at */
			snprintf(in->zerr, sizeof in->zerr, "corrupt gzip data "
			    "at byte %llu of the file: %s", (unsigned long long)
			    (in->zread - z->avail_in), rc == Z_MEM_ERROR ?
			    "out of memory" : z->msg ? z->msg : "data error");
			in->zcode = OLR_E_FORMAT;
			if (r > 0)
				return r;
			olr_err_set(err, in->zcode, in->path, 0, "%s",
			    in->zerr);
			return -1;
		}
		if (r > 0)
			return r;
	}
}

ssize_t
input_read(struct input *in, char *buf, size_t size, struct olr_err *err)
{
	int n, zerr;
	const char *msg;

	if (size > (size_t)0x40000000)
		size = 0x40000000;
	if (in->zs_open) {
		ssize_t r = inflate_read(in, buf, size, err);

		if (r > 0 && !in->checked) {
			in->checked = 1;
			if (input_looks_binary((const unsigned char *)buf,
			    (size_t)r)) {
				olr_err_set(err, OLR_E_FORMAT, in->path, 0,
				    "binary data, not a log file");
				return -1;
			}
		}
		return r;
	}
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
	off_t off;

	if (in->zs_open)
		return in->zread - in->zs.avail_in;
	off = gzoffset(in->gz);

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
	if (in->zs_open) {
		inflateEnd(&in->zs);
		close(in->fd);
	}
	free(in->zin);
	free(in->path);
	free(in);
}
