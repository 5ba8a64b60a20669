/*
 * reshape.c - a log as Windows and wrappers deliver it, for run-shapes.sh.
 *
 *   reshape [--prefix ts|pm2|kubectl|supervisor] [--wrap N]
 *           [--utf16le-bom|--utf16be] [--map FILE] LOG > OUT
 *
 * Each line (its CR LF or LF kept) gets a wrapper prefix: "[2024-12-05
 * 01:56:09] [stderr] " (the time is the local time of the last slog time=
 * seen, as a wrapper writing the line would have stamped it), "0|ollama  |
 * " (pm2), "[pod/ollama-0/ollama] " (kubectl logs --prefix) or "2024-12-05
 * 01:56:09,123 " (supervisord); then it is cut into pieces of N code points
 * (a console N wide), each ending like the line; then the whole is written
 * as UTF-16LE with a byte-order mark or UTF-16BE without one. --map writes
 * "LINE<TAB>PHYSICAL" per line of LOG: the physical line it now starts on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int enc;           /* 0 UTF-8, 1 UTF-16LE + BOM, 2 UTF-16BE */

static void
put_unit(unsigned u)
{
	if (enc == 1) {
		putchar((int)(u & 0xff));
		putchar((int)(u >> 8));
	} else {
		putchar((int)(u >> 8));
		putchar((int)(u & 0xff));
	}
}

/* Write s[0..n) in the output encoding (s is UTF-8). */
static void
emit(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;
	unsigned cp;

	if (enc == 0) {
		fwrite(s, 1, n, stdout);
		return;
	}
	while (i < n) {
		if (p[i] < 0x80) {
			cp = p[i];
			k = 1;
		} else if ((p[i] & 0xe0) == 0xc0 && i + 1 < n) {
			cp = (p[i] & 0x1fu) << 6 | (p[i + 1] & 0x3fu);
			k = 2;
		} else if ((p[i] & 0xf0) == 0xe0 && i + 2 < n) {
			cp = (p[i] & 0x0fu) << 12 | (p[i + 1] & 0x3fu) << 6 |
			    (p[i + 2] & 0x3fu);
			k = 3;
		} else if ((p[i] & 0xf8) == 0xf0 && i + 3 < n) {
			cp = (p[i] & 0x07u) << 18 | (p[i + 1] & 0x3fu) << 12 |
			    (p[i + 2] & 0x3fu) << 6 | (p[i + 3] & 0x3fu);
			k = 4;
		} else {
			cp = 0xfffd;
			k = 1;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			put_unit(0xd800 + (cp >> 10));
			put_unit(0xdc00 + (cp & 0x3ff));
		} else
			put_unit(cp);
		i += k;
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: reshape [--prefix ts|pm2|kubectl|supervisor] "
	    "[--wrap N] [--utf16le-bom|--utf16be] [--map FILE] LOG\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *prefix = NULL, *path = NULL, *mapfile = NULL;
	char stamp[32] = "2024-12-05 01:56:09", pre[128], *line = NULL, *t;
	size_t cap = 0, len, i, start, cps, wrap = 0;
	long lineno = 0, phys = 1;
	FILE *fp, *map = NULL;
	ssize_t got;
	int a, crlf;

	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--prefix") == 0 && a + 1 < argc)
			prefix = argv[++a];
		else if (strcmp(argv[a], "--wrap") == 0 && a + 1 < argc)
			wrap = (size_t)atol(argv[++a]);
		else if (strcmp(argv[a], "--utf16le-bom") == 0)
			enc = 1;
		else if (strcmp(argv[a], "--utf16be") == 0)
			enc = 2;
		else if (strcmp(argv[a], "--map") == 0 && a + 1 < argc)
			mapfile = argv[++a];
		else if (argv[a][0] != '-' && path == NULL)
			path = argv[a];
		else
			usage();
	}
	if (path == NULL || (prefix && strcmp(prefix, "ts") &&
	    strcmp(prefix, "pm2") && strcmp(prefix, "kubectl") &&
	    strcmp(prefix, "supervisor")))
		usage();
	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		return 1;
	}
	if (mapfile && (map = fopen(mapfile, "w")) == NULL) {
		perror(mapfile);
		return 1;
	}
	if (enc == 1)
		put_unit(0xfeff);
	while ((got = getline(&line, &cap, fp)) > 0) {
		len = (size_t)got;
		lineno++;
		if (len && line[len - 1] == '\n')
			len--;
		crlf = len && line[len - 1] == '\r';
		if (crlf)
			len--;
		/* the local time of the line's slog time, if it has one */
		line[len] = '\0';
		if ((t = strstr(line, "time=")) != NULL && strlen(t) >= 24 &&
		    t[9] == '-' && t[15] == 'T') {
			memcpy(stamp, t + 5, 19);
			stamp[10] = ' ';
			stamp[19] = '\0';
		}
		pre[0] = '\0';
		if (prefix && strcmp(prefix, "ts") == 0)
			snprintf(pre, sizeof pre, "[%s] [stderr] ", stamp);
		else if (prefix && strcmp(prefix, "pm2") == 0)
			snprintf(pre, sizeof pre, "0|ollama  | ");
		else if (prefix && strcmp(prefix, "kubectl") == 0)
			snprintf(pre, sizeof pre, "[pod/ollama-0/ollama] ");
		else if (prefix)
			snprintf(pre, sizeof pre, "%s,%03ld ", stamp,
			    lineno % 1000);
		if (map)
			fprintf(map, "%ld\t%ld\n", lineno, phys);
		/* the line with its prefix, cut every `wrap` code points */
		{
			size_t plen = strlen(pre), total = plen + len;
			char *all = malloc(total + 1);

			memcpy(all, pre, plen);
			memcpy(all + plen, line, len);
			start = 0;
			do {
				/* a console shows a NUL byte as nothing: it
				 * takes no column */
				for (i = start, cps = 0; i < total &&
				    (wrap == 0 || cps < wrap); ) {
					if (all[i++] != '\0')
						cps++;
					while (i < total &&
					    ((unsigned char)all[i] & 0xc0) == 0x80)
						i++;
				}
				emit(all + start, i - start);
				emit(crlf ? "\r\n" : "\n", crlf ? 2 : 1);
				phys++;
				start = i;
			} while (start < total);
			free(all);
		}
	}
	free(line);
	fclose(fp);
	if (map)
		fclose(map);
	return 0;
}
