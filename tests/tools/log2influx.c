/*
 * log2influx.c - turn an Ollama log into an InfluxDB CSV export of it, the
 * way Telegraf's tail input would have stored it, for tests. The exports
 * are derived test data, not real InfluxDB output.
 *
 *   log2influx [OPTIONS] LOG > export.csv
 *
 *   --shape v2      2.x annotated CSV (default): four tables in two blocks
 *                   (one per column set), rows grouped by table, not in
 *                   log order; a container_id table that is not a log line
 *   --shape raw     the same without annotation rows
 *   --shape v1      1.x `influx -format csv`, epoch nanoseconds, rows
 *                   grouped by series (GROUP BY stream)
 *   --shape v1-rfc  the same with RFC 3339 times
 *   --shape v1-ms   the same with epoch milliseconds (influx -precision ms;
 *                   use with --equal-times: InfluxDB keeps one point per
 *                   series and time)
 *   --field NAME    the field key of the line (default message)
 *   --tables N      spread the lines over N series (default 3; 1 = log
 *                   order)
 *   --equal-times   no nanosecond offsets: lines without a time of their
 *                   own share the time of the line before
 *
 * Each line becomes one point. Its time is the line's own slog time=,
 * else the time of the last line that had one, plus a nanosecond offset that grows until the next time, so that
 * times are unique (InfluxDB merges points of equal time). Lines before the
 * first time get the nanoseconds just before it. The line is the field
 * value byte for byte (a CR of CR LF kept, as tail ships it).
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "envelope.h"
#include "lines.h"
#include "slog.h"
#include "units.h"

struct rec {
	const char *text;
	size_t      len;
	int64_t     ns;
	int         series;
};

static const char *streams[] = { "stderr", "stdout", "tty", "journal" };

/* A CSV field as Go's encoding/csv writes it. */
static void
put_field(const char *s, size_t n)
{
	size_t i;
	int quote = n > 0 && (s[0] == ' ' || s[0] == '\t');

	for (i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote) {
		fwrite(s, 1, n, stdout);
		return;
	}
	putchar('"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			putchar('"');
		putchar(s[i]);
	}
	putchar('"');
}

/* RFC 3339 UTC with the fraction's trailing zeros cut (Go RFC3339Nano). */
static void
put_rfc3339(int64_t ns)
{
	int64_t secs = ns / 1000000000, frac = ns % 1000000000, days;
	int64_t y, m, d, sod;
	char f[16];
	int k;

	if (frac < 0) {
		frac += 1000000000;
		secs--;
	}
	days = secs / 86400;
	sod = secs % 86400;
	if (sod < 0) {
		sod += 86400;
		days--;
	}
	/* civil_from_days (H. Hinnant) */
	days += 719468;
	{
		int64_t era = (days >= 0 ? days : days - 146096) / 146097;
		int64_t doe = days - era * 146097;
		int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) /
		    365;
		int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		int64_t mp = (5 * doy + 2) / 153;
		d = doy - (153 * mp + 2) / 5 + 1;
		m = mp < 10 ? mp + 3 : mp - 9;
		y = yoe + era * 400 + (m <= 2);
	}
	printf("%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", (long long)y,
	    (long long)m, (long long)d, (long long)(sod / 3600),
	    (long long)(sod / 60 % 60), (long long)(sod % 60));
	if (frac) {
		snprintf(f, sizeof f, "%09lld", (long long)frac);
		for (k = 8; k > 0 && f[k] == '0'; k--)
			f[k] = '\0';
		printf(".%s", f);
	}
	putchar('Z');
}

/* rfc: 0 epoch ns, 1 RFC 3339, 2 epoch ms */
static void
put_time(int64_t ns, int rfc)
{
	if (rfc == 1)
		put_rfc3339(ns);
	else if (rfc == 2)
		printf("%lld", (long long)(ns / 1000000 - (ns % 1000000 < 0)));
	else
		printf("%lld", (long long)ns);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *data = NULL;
	size_t cap = 0, n;

	if (fp == NULL)
		return NULL;
	*len = 0;
	for (;;) {
		if (*len + 65536 > cap) {
			cap = cap ? cap * 2 : 1 << 20;
			data = realloc(data, cap);
			if (data == NULL)
				exit(1);
		}
		n = fread(data + *len, 1, cap - *len, fp);
		if (n == 0)
			break;
		*len += n;
	}
	fclose(fp);
	return data;
}

/* Each line's own slog time= (INT64_MIN = none). */
static void
stamp_all(struct rec *r, size_t n)
{
	struct lines_reader *lr = lines_reader_new();
	struct envelope_decoder *dec = envelope_decoder_new();
	struct slog_scanner *sc = slog_scanner_new();
	struct line_view lv;
	struct envelope env;
	struct slog_rec rec;
	struct olr_time t;
	size_t i;

	for (i = 0; i < n; i++) {
		r[i].ns = INT64_MIN;
		lines_feed(lr, r[i].text, r[i].len);
		lines_feed(lr, "\n", 1);
		while (lines_next(lr, &lv)) {
			envelope_decode(dec, lv.text, lv.len, &env);
			if (slog_scan(sc, env.payload, env.payload_len, &rec) &&
			    rec.time != NULL && units_parse_time(rec.time,
			    rec.time_len, &t) == 0)
				r[i].ns = t.epoch_ms * 1000000;
		}
	}
	lines_reader_free(lr);
	envelope_decoder_free(dec);
	slog_scanner_free(sc);
}

int
main(int argc, char **argv)
{
	const char *shape = "v2", *field = "message", *path = NULL;
	int ntables = 3, equal = 0, i, s, v1, annotated, rfc;
	char *data;
	size_t len, n = 0, cap = 0, k, first;
	struct rec *r = NULL;
	int64_t prev, firstns;
	const char *p, *end;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--shape") == 0 && i + 1 < argc)
			shape = argv[++i];
		else if (strcmp(argv[i], "--field") == 0 && i + 1 < argc)
			field = argv[++i];
		else if (strcmp(argv[i], "--tables") == 0 && i + 1 < argc)
			ntables = atoi(argv[++i]);
		else if (strcmp(argv[i], "--equal-times") == 0)
			equal = 1;
		else if (path == NULL && argv[i][0] != '-')
			path = argv[i];
		else
			path = NULL, i = argc;
	}
	v1 = strncmp(shape, "v1", 2) == 0;
	rfc = strcmp(shape, "v1") == 0 ? 0 : strcmp(shape, "v1-ms") == 0 ? 2 :
	    1;
	annotated = strcmp(shape, "v2") == 0;
	if (path == NULL || ntables < 1 || ntables > 4 || (!v1 && !annotated &&
	    strcmp(shape, "raw") != 0) || (data = slurp(path, &len)) == NULL) {
		fprintf(stderr, "usage: log2influx [--shape v2|raw|v1|v1-rfc|v1-ms] "
		    "[--field NAME] [--tables N] [--equal-times] LOG\n");
		return 2;
	}
	for (p = data, end = data + len; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			r = realloc(r, cap * sizeof *r);
			if (r == NULL)
				return 1;
		}
		r[n].text = p;
		r[n].len = l;
		/* runs of 7 lines go round the series */
		r[n].series = (int)(n / 7 % (size_t)ntables);
		n++;
		p += l + 1;
	}
	stamp_all(r, n);
	/* times: unique and growing after each stamp */
	for (first = 0; first < n && r[first].ns == INT64_MIN; first++)
		;
	firstns = first < n ? r[first].ns : (int64_t)1700000000000000000;
	for (k = 0; k < first; k++)
		r[k].ns = equal ? firstns : firstns - (int64_t)(first - k);
	prev = firstns;
	for (k = first; k < n; k++) {
		if (r[k].ns == INT64_MIN)
			r[k].ns = equal ? prev : prev + 1;
		else if (!equal && r[k].ns <= prev &&
		    r[k].ns / 1000000 == prev / 1000000)
			r[k].ns = prev + 1;   /* same millisecond */
		prev = r[k].ns;
	}

	if (v1) {
		printf("name,tags,time,host,%s,path\n", field);
		for (s = 0; s < ntables; s++)
			for (k = 0; k < n; k++) {
				if (r[k].series != s)
					continue;
				printf("tail,stream=%s,", streams[s]);
				put_time(r[k].ns, rfc);
				printf(",testhost,");
				put_field(r[k].text, r[k].len);
				printf(",/var/log/ollama.log\n");
			}
		goto out;
	}
	/* block 1: series 0 and 1 and a container_id table; block 2: the
	 * others, with one more column (source) */
	for (i = 0; i < 2; i++) {
		int lo = i == 0 ? 0 : 2, hi = i == 0 ? 2 : 4, t;
		if (lo >= ntables && i == 1)
			break;
		if (i == 1)
			putchar('\n');
		if (annotated) {
			printf("#group,false,false,true,true,false,false,true,"
			    "true,true,true,true%s\n", i ? ",true" : "");
			printf("#datatype,string,long,dateTime:RFC3339,"
			    "dateTime:RFC3339,dateTime:RFC3339,string,string,"
			    "string,string,string,string%s\n", i ? ",string" :
			    "");
			printf("#default,_result,,,,,,,,,,%s\n", i ? "," : "");
		}
		printf(",result,table,_start,_stop,_time,_value,_field,"
		    "_measurement,host,path,stream%s\n", i ? ",source" : "");
		for (s = lo, t = i == 0 ? 0 : 3; s < hi && s < ntables;
		    s++, t++) {
			for (k = 0; k < n; k++) {
				if (r[k].series != s)
					continue;
				printf(",%s,%d,2020-01-01T00:00:00Z,"
				    "2030-01-01T00:00:00Z,", annotated ? "" :
				    "_result", t);
				put_rfc3339(r[k].ns);
				putchar(',');
				put_field(r[k].text, r[k].len);
				printf(",%s,tail,testhost,/var/log/ollama.log,"
				    "%s%s\n", field, streams[s], i ?
				    ",ollama" : "");
			}
			/* a field that is not the line, in its own table */
			if (i == 0 && s == 0 && ntables > 1) {
				t++;
				for (k = 0; k < n && k < 3; k++) {
					printf(",%s,%d,2020-01-01T00:00:00Z,"
					    "2030-01-01T00:00:00Z,", annotated ?
					    "" : "_result", t);
					put_rfc3339(r[k].ns);
					printf(",371ee5d3e587,container_id,"
					    "tail,testhost,/var/log/ollama.log,"
					    "%s\n", streams[s]);
				}
			}
		}
	}
out:
	free(r);
	free(data);
	return fflush(stdout) == 0 ? 0 : 1;
}
