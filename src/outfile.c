/*
 * outfile.c - output files replaced whole (see outfile.h).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void
outfile_tmpname(const char *path, struct buf *out)
{
	const char *slash = strrchr(path, '/');

	buf_reset(out);
	if (slash != NULL) {
		buf_append(out, path, (size_t)(slash - path) + 1);
		path = slash + 1;
	}
	buf_printf(out, ".%s.tmp", path);
}

void
outfile_fail(const char *path, int e, struct olr_err *err)
{
	const char *kept = access(path, F_OK) == 0 ?
	    "the previous file was kept" : "no file was written";

	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		olr_err_set(err, OLR_E_IO, path, 0, "%s (%s)",
		    e == EFBIG ? "file too large" : "no space left on device",
		    kept);
	else
		olr_err_set(err, OLR_E_IO, path, 0, "cannot write: %s (%s)",
		    strerror(e), kept);
}

/* fsync a closed file by name */
static int
sync_path(const char *path)
{
	int fd = open(path, O_RDONLY), rc, e;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	e = errno;
	close(fd);
	errno = e;
	/* some file systems cannot fsync (EINVAL): the rename still holds */
	return rc != 0 && errno != EINVAL && errno != EROFS ? -1 : 0;
}

int
outfile_commit(const char *tmp, const char *path, struct olr_err *err)
{
	if (sync_path(tmp) != 0 || rename(tmp, path) != 0) {
		int e = errno;

		remove(tmp);
		outfile_fail(path, e, err);
		return -1;
	}
	return 0;
}

int
outfile_write(const char *path, const void *data, size_t len,
    struct olr_err *err)
{
	struct buf tmp = BUF_INIT;
	FILE *fp;
	int e, rc = -1;

	outfile_tmpname(path, &tmp);
	if ((fp = fopen(tmp.data, "wb")) == NULL) {
		outfile_fail(path, errno, err);
		goto out;
	}
	errno = 0;
	if ((len && fwrite(data, 1, len, fp) != len) || fflush(fp) != 0 ||
	    fsync(fileno(fp)) != 0) {
		e = errno ? errno : EIO;
		/* fsync may be refused by the file system, harmlessly */
		if (!(e == EINVAL || e == EROFS) || ferror(fp)) {
			fclose(fp);
			remove(tmp.data);
			outfile_fail(path, e, err);
			goto out;
		}
	}
	if (fclose(fp) != 0) {
		e = errno;
		remove(tmp.data);
		outfile_fail(path, e, err);
		goto out;
	}
	if (rename(tmp.data, path) != 0) {
		e = errno;
		remove(tmp.data);
		outfile_fail(path, e, err);
		goto out;
	}
	rc = 0;
out:
	buf_free(&tmp);
	return rc;
}
