/*
 * main.c - ollama-logreport: Ollama server logs in, evidence out.
 *
 * The pipeline, stage by stage, each stage one module:
 *
 *   identify    identity.c  what is known of an input already: the same
 *                           file, a log that grew (only its new bytes are
 *                           read on), an export that overlaps a source
 *                           (its known records skipped, the rest go on)
 *   read        input.c     file, gzip or stdin, refusing binary data;
 *               readahead.c on a thread of its own, hashed as it goes
 *   decode text transcode.c UTF-16 (BOM or by content) and BOMs to UTF-8
 *   split       lines.c     bytes into lines (CRLF, NUL, UTF-8 repaired)
 *   rejoin      rejoin.c    hard-wrapped lines rejoined, wrapper prefixes
 *                           removed (shape.c learns both from a sample)
 *               influx.c    or, for an InfluxDB CSV export (csv.c), its
 *                           points replayed in time order as lines
 *   decode      envelope.c  journal / docker / compose prefixes removed
 *               slog.c      Go slog key=value scanned
 *   classify    classify.c  first matching catalogue entry (pattern.c)
 *   normalize   event.c     typed values, UTC time (own or inherited)
 *   store       store.c     one row per line in its category table
 *   reconstruct reconstruct.c  model loads rebuilt from the stored rows
 *               (loadseq.c is the state machine), for the sources this
 *               run added or grew
 *               names.c     one name per model: its Ollama tag (from the
 *                           log, or an Ollama models directory read by
 *                           manifests.c), else general.name
 *   analyze     analyze.c   estimate vs actual, memory release, alerts,
 *                           per-model summary
 *   render      render.c    from the database alone: the report model
 *                           (report.c, capacity.c) computed once, charts
 *                           drawn once (chart.c), then report.md (md.c),
 *                           the workbook (xlsx.c) and the page (html.c)
 *   export      export.c    --export ndjson: every table as NDJSON
 *
 * Only this file prints diagnostics and decides the exit status:
 * 0 every input processed, 1 some input could not be read, 2 usage.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analyze.h"
#include "db.h"
#include "dbschema.h"
#include "envelope.h"
#include "export.h"
#include "identity.h"
#include "err.h"
#include "event.h"
#include "influx.h"
#include "input.h"
#include "lines.h"
#include "manifests.h"
#include "names.h"
#include "parse.h"
#include "pattern.h"
#include "readahead.h"
#include "reconstruct.h"
#include "redact.h"
#include "rejoin.h"
#include "render.h"
#include "store.h"
#include "transcode.h"
#include "units.h"
#include "xmalloc.h"


enum input_format { INPUT_AUTO = 0, INPUT_LOG, INPUT_INFLUX };

struct olr_opts {
	const char  *output_dir;
	const char  *db_path;
	const char  *host;
	const char  *patterns;
	const char  *models_dir;   /* --models DIR, or NULL */
	const char  *export_dir;   /* --export ndjson DIR, or NULL */
	const char  *forget;       /* --forget SOURCE (path or id), or NULL */
	const char  *redact_terms; /* --redact-terms FILE, or NULL */
	int          busy_seconds; /* --busy-timeout, default 30 */
	int          jobs;         /* -j: parser threads, default the cores */
	int          quiet;
	int          verbose;
	int          redact;       /* --redact */
	int          rebuild;      /* --rebuild: loads and analyses anew */
	int          analyze_given; /* an analysis option was given */
	struct analyze_opts analyze;
	int          formats;      /* enum render_format mask */
	enum input_format input_format;
	const char  *influx_field; /* --influx-field, or NULL */
	const char  *title;
	char         since[32], until[32];   /* UTC, "" = none */
	char       **inputs;
	int          ninputs;
};

/* The stages' state, shared by every source of one run. */
struct pipeline {
	const struct olr_opts   *opts;
	struct store            *store;
	struct pat_set          *patterns;
	struct parse_pool       *pool;       /* decode, classify, normalize */
	int                      progress;   /* stderr is a terminal */
	double                   read_cpu;   /* of the reader threads */
	int64_t                 *changed;    /* sources new in this run */
	size_t                   nchanged, capchanged;
};

/* What is known about the source being read. */
struct source {
	const char             *path;
	int64_t                 id;
	uint64_t                skip;      /* known bytes not parsed again */
	struct identity_head    head;      /* of its first 64 KiB */
	struct olr_clock        clock;
	struct store_line_stats stats;
	char                   *host;
	int64_t                 first_ms, last_ms;
	int                     has_range;
	/* an export that starts inside a known source (identity.h) */
	enum { OV_UNDECIDED, OV_SKIPPING, OV_GOING_ON, OV_NONE } ov_state;
	struct identity_overlap ov;
	int                     ov_confirmed;  /* a shared record was found */
	int                     ov_tries;      /* records tried */
	int                     no_overlap;    /* never continues another */
	int64_t                 known;         /* records already known */
	long                    line_shift;    /* added to line numbers */
	int64_t                 part_first_line;
};

/* The stages a log's bytes go through before ingest_line(). */
struct log_reader {
	struct transcoder   *tc;   /* raw bytes -> UTF-8 */
	struct lines_reader *lr;   /* UTF-8 -> physical lines */
	struct rejoiner     *rj;   /* physical lines -> records */
};

static const char *progname = "ollama-logreport";

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: %s [OPTIONS] FILE... -o DIR\n"
"       %s [OPTIONS] --db FILE -o DIR      (render a kept database)\n"
"Read Ollama server logs (plain, journalctl, docker, Windows/macOS server.log,\n"
"gzip, InfluxDB CSV exports; '-' for standard input) into an SQLite database\n"
"of model loads, GPU and system memory, layer offload, load times and\n"
"failures.\n"
"\n"
"  -o, --output DIR     write results into DIR (created if missing):\n"
"                       ollama.db, charts/*.png, report.xlsx, report.md,\n"
"                       index.html\n"
"      --db FILE        database file (default DIR/ollama.db)\n"
"      --format LIST    outputs to write, of html,md,xlsx,png,db (default\n"
"                       all); md = report.md, for a GitHub issue\n"
"      --title TEXT     report title\n"
"      --since WHEN     report only from WHEN (ISO-8601, or 7d, 12h, 30m ago)\n"
"      --until WHEN     report only until WHEN\n"
"      --host NAME      host name for inputs without a journal prefix\n"
"      --input-format FMT  read inputs as log or influx-csv (default: by\n"
"                          content; InfluxDB 1.x/2.x/3.x CSV exports)\n"
"      --influx-field NAME the field holding the log line in an InfluxDB\n"
"                          export (default message, else value)\n"
"      --patterns FILE  extra catalogue entries (override built-in ones)\n"
"      --models DIR     an Ollama models directory (~/.ollama/models): name\n"
"                       model blobs by the tags of its manifests\n"
"      --export ndjson DIR  every table as DIR/<table>.ndjson (host on\n"
"                       every row), for a fleet store such as ClickHouse\n"
"      --vram-alert PCT    alert when VRAM in use exceeds PCT%% (default 90)\n"
"      --sysmem-alert PCT  alert when system memory in use exceeds PCT%%\n"
"                          (default 85)\n"
"      --forget SOURCE  delete a source (its path as stored, or its id) and\n"
"                       every row that came from it, then rebuild the\n"
"                       analyses\n"
"      --busy-timeout SECONDS  wait this long for a database another run\n"
"                       holds locked (default 30)\n"
"  -j, --jobs N         parse on N threads (default: the processors, at\n"
"                       most 16); the database is the same for any N\n"
"      --rebuild        rebuild every load and analysis of the database\n"
"                       (a run otherwise rebuilds the loads of the logs it\n"
"                       adds, and a render-only run none)\n"
"      --redact         replace user names, host names, IP addresses, ssh keys,\n"
"                       e-mail addresses and GPU UUIDs by stable placeholders\n"
"                       (user1, host1, ip1, ...) in every output, database\n"
"                       included\n"
"      --redact-terms FILE  also replace the words of FILE (one a line: a\n"
"                       site's, project's or account's names), any case;\n"
"                       implies --redact\n"
"  -q, --quiet          print nothing but errors\n"
"  -v, --verbose        print per-source details\n"
"  -h, --help           show this help\n"
"  -V, --version        show the version\n"
"\n"
"Exit status: 0 all inputs processed, 1 some input could not be read,\n"
"2 usage error. See ollama-logreport(1) for the database schema.\n",
	    progname, progname);
}

/*
 * s as it may be printed: control characters (newline, ESC, the C1
 * controls) escaped as \n, \t, \r, \e, \xHH, so a file name cannot
 * break a message into two lines or drive the terminal. Four results
 * live at a time (rotating static buffers).
 */
static const char *
shown(const char *s)
{
	static char bufs[4][4200];
	static int next;
	char *out = bufs[next++ & 3], *o = out;
	const unsigned char *p = (const unsigned char *)s;

	for (; *p && o < out + sizeof bufs[0] - 5; p++) {
		if (*p == '\n' || *p == '\t' || *p == '\r' || *p == 0x1b) {
			*o++ = '\\';
			*o++ = *p == '\n' ? 'n' : *p == '\t' ? 't' :
			    *p == '\r' ? 'r' : 'e';
		} else if (*p < 0x20 || *p == 0x7f) {
			o += sprintf(o, "\\x%02x", *p);
		} else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			o += sprintf(o, "\\u%04x", p[1]);   /* C1 control */
			p++;
		} else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

static int busy_seconds = 30;   /* --busy-timeout, for the message */

/*
 * Who holds the database file open, when that can be known (Linux /proc):
 * "another ollama-logreport run (pid N)", "pid N (NAME)", else "another
 * process".
 */
static void
lock_holder(const char *path, char *out, size_t size)
{
	char want[4096], link[512], got[4096], comm[64];
	struct dirent *pe, *fe;
	DIR *proc, *fds;
	FILE *fp;
	ssize_t n;
	long pid = 0;

	snprintf(out, size, "another process");
	if (realpath(path, want) == NULL || (proc = opendir("/proc")) == NULL)
		return;
	while (pid == 0 && (pe = readdir(proc)) != NULL) {
		if (strspn(pe->d_name, "0123456789") != strlen(pe->d_name) ||
		    atol(pe->d_name) == (long)getpid())
			continue;
		snprintf(link, sizeof link, "/proc/%s/fd", pe->d_name);
		if ((fds = opendir(link)) == NULL)
			continue;
		while ((fe = readdir(fds)) != NULL) {
			snprintf(link, sizeof link, "/proc/%s/fd/%s",
			    pe->d_name, fe->d_name);
			n = readlink(link, got, sizeof got - 1);
			if (n <= 0)
				continue;
			got[n] = '\0';
			if (strcmp(got, want) == 0) {
				pid = atol(pe->d_name);
				break;
			}
		}
		closedir(fds);
	}
	closedir(proc);
	if (pid == 0)
		return;
	comm[0] = '\0';
	snprintf(link, sizeof link, "/proc/%ld/comm", pid);
	if ((fp = fopen(link, "r")) != NULL) {
		if (fgets(comm, sizeof comm, fp) == NULL)
			comm[0] = '\0';
		comm[strcspn(comm, "\n")] = '\0';
		fclose(fp);
	}
	if (strncmp(comm, "ollama-logrepor", 15) == 0)
		snprintf(out, size, "another ollama-logreport run (pid %ld)",
		    pid);
	else if (comm[0])
		snprintf(out, size, "pid %ld (%s)", pid, comm);
	else
		snprintf(out, size, "pid %ld", pid);
}

static void
report_err(const struct olr_err *err)
{
	char buf[2200], who[160];

	olr_err_format(err, buf, sizeof buf);
	if (err->code == OLR_E_DB && (strstr(err->msg, "database is locked") ||
	    strstr(err->msg, "database table is locked"))) {
		lock_holder(err->path, who, sizeof who);
		snprintf(buf, sizeof buf, "%s: database is locked by %s; gave "
		    "up after %d s (--busy-timeout SECONDS to wait longer)",
		    err->path, who, busy_seconds);
	}
	fprintf(stderr, "%s: %s\n", progname, shown(buf));
}

/* UTC "now" of the run: SOURCE_DATE_EPOCH when set (reproducible). */
static int64_t
report_now(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");

	return sde && *sde ? (int64_t)strtoll(sde, NULL, 10) :
	    (int64_t)time(NULL);
}

static int
parse_pct(const char *s, double *out)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || *end != '\0' || !(v >= 0 && v <= 100))
		return -1;
	*out = v;
	return 0;
}

/* Returns 0, or 2 after printing a usage error. */
/* A whole number from min to max, all of s; 0, or -1 when it is not. */
static int
parse_count(const char *s, long min, long max, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end != '\0' || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* -j's default: the processors online, at most 16 (the writer, one
 * thread, bounds ingest long before that) */
static int
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 16 ? 16 : (int)n;
}

static int
parse_args(int argc, char **argv, struct olr_opts *o)
{
	static const struct option longopts[] = {
		{ "output",   required_argument, NULL, 'o' },
		{ "db",       required_argument, NULL, 'D' },
		{ "host",     required_argument, NULL, 'H' },
		{ "patterns", required_argument, NULL, 'P' },
		{ "models",   required_argument, NULL, 'M' },
		{ "export",   required_argument, NULL, 'E' },
		{ "vram-alert", required_argument, NULL, 'A' },
		{ "format",   required_argument, NULL, 'F' },
		{ "title",    required_argument, NULL, 'T' },
		{ "since",    required_argument, NULL, 's' },
		{ "until",    required_argument, NULL, 'u' },
		{ "sysmem-alert", required_argument, NULL, 'S' },
		{ "input-format", required_argument, NULL, 'I' },
		{ "influx-field", required_argument, NULL, 'X' },
		{ "redact",   no_argument,       NULL, 'R' },
		{ "rebuild",  no_argument,       NULL, 'B' },
		{ "forget",   required_argument, NULL, 'G' },
		{ "redact-terms", required_argument, NULL, 'J' },
		{ "busy-timeout", required_argument, NULL, 'W' },
		{ "jobs",     required_argument, NULL, 'j' },
		{ "quiet",    no_argument,       NULL, 'q' },
		{ "verbose",  no_argument,       NULL, 'v' },
		{ "help",     no_argument,       NULL, 'h' },
		{ "version",  no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(o, 0, sizeof *o);
	o->analyze.vram_alert_pct = ANALYZE_VRAM_ALERT_PCT;
	o->analyze.sysmem_alert_pct = ANALYZE_SYSMEM_ALERT_PCT;
	o->formats = RENDER_ALL;
	o->busy_seconds = 30;
	o->jobs = default_jobs();
	while ((c = getopt_long(argc, argv, "o:j:qvhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->output_dir = optarg; break;
		case 'D': o->db_path = optarg; break;
		case 'H': o->host = optarg; break;
		case 'P': o->patterns = optarg; break;
		case 'M': o->models_dir = optarg; break;
		case 'E':
			if (strcmp(optarg, "ndjson") != 0 || optind >= argc ||
			    argv[optind][0] == '-') {
				fprintf(stderr, "%s: --export: expected "
				    "'--export ndjson DIR'\n", progname);
				return 2;
			}
			o->export_dir = argv[optind++];
			break;
		case 'T': o->title = optarg; break;
		case 'X': o->influx_field = optarg; break;
		case 'I':
			if (strcmp(optarg, "log") == 0)
				o->input_format = INPUT_LOG;
			else if (strcmp(optarg, "influx-csv") == 0)
				o->input_format = INPUT_INFLUX;
			else {
				fprintf(stderr, "%s: --input-format: '%s': "
				    "expected log or influx-csv\n", progname,
				    shown(optarg));
				return 2;
			}
			break;
		case 's':
		case 'u':
			if (render_parse_when(optarg, report_now(), c == 's' ?
			    o->since : o->until, sizeof o->since) != 0) {
				fprintf(stderr, "%s: --%s: '%s' is not a time "
				    "(ISO-8601, or 7d, 12h, 30m)\n", progname,
				    c == 's' ? "since" : "until", shown(optarg));
				return 2;
			}
			break;
		case 'F':
			if ((o->formats = render_parse_formats(optarg)) < 0) {
				fprintf(stderr, "%s: --format: '%s': expected a "
				    "list of html, xlsx, png, db\n", progname,
				    shown(optarg));
				return 2;
			}
			break;
		case 'A':
		case 'S':
			o->analyze_given = 1;
			if (parse_pct(optarg, c == 'A' ?
			    &o->analyze.vram_alert_pct :
			    &o->analyze.sysmem_alert_pct) != 0) {
				fprintf(stderr, "%s: --%s: '%s' is not a "
				    "percentage between 0 and 100\n", progname,
				    c == 'A' ? "vram-alert" : "sysmem-alert",
				    shown(optarg));
				return 2;
			}
			break;
		case 'R': o->redact = 1; break;
		case 'B': o->rebuild = 1; break;
		case 'G': o->forget = optarg; break;
		case 'J': o->redact_terms = optarg; o->redact = 1; break;
		case 'j':
			if (parse_count(optarg, 1, 64, &o->jobs) != 0) {
				fprintf(stderr, "%s: --jobs: '%s' is not a "
				    "number of threads (1 to 64)\n", progname,
				    shown(optarg));
				return 2;
			}
			break;
		case 'W': {
			if (parse_count(optarg, 0, 86400, &o->busy_seconds) !=
			    0) {
				fprintf(stderr, "%s: --busy-timeout: '%s' is not"
				    " a number of seconds (0 to 86400)\n",
				    progname, shown(optarg));
				return 2;
			}
			busy_seconds = o->busy_seconds;
			break;
		}
		case 'q': o->quiet = 1; o->verbose = 0; break;
		case 'v': o->verbose = 1; o->quiet = 0; break;
		case 'h': usage(stdout); exit(0);
		case 'V': printf("%s %s\n", progname, PACKAGE_VERSION); exit(0);
		default:
			fprintf(stderr, "Try '%s --help'.\n", progname);
			return 2;
		}
	}
	o->inputs = argv + optind;
	o->ninputs = argc - optind;
	if (o->output_dir == NULL && o->db_path == NULL) {
		fprintf(stderr, "%s: no output: give -o DIR (or --db FILE)\n"
		    "Try '%s --help'.\n", progname, progname);
		return 2;
	}
	if (o->ninputs == 0 && o->db_path == NULL) {
		fprintf(stderr, "%s: no input files (give log files, or --db "
		    "FILE to render a kept database)\nTry '%s --help'.\n",
		    progname, progname);
		return 2;
	}
	if (o->since[0] && o->until[0] && strcmp(o->since, o->until) > 0) {
		fprintf(stderr, "%s: --since %s is later than --until %s\n"
		    "Try '%s --help'.\n", progname, o->since, o->until,
		    progname);
		return 2;
	}
	if (o->ninputs == 0 && o->output_dir == NULL &&
	    o->export_dir == NULL && o->forget == NULL) {
		fprintf(stderr, "%s: nothing to do: give -o DIR to render the "
		    "database\nTry '%s --help'.\n", progname, progname);
		return 2;
	}
	return 0;
}

/* mkdir -p */
static int
make_dir(const char *path, struct olr_err *err)
{
	char *p = xstrdup(path), *s;
	struct stat st;

	for (s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char save = *s;
			*s = '\0';
			if (mkdir(p, 0777) != 0 && errno != EEXIST) {
				olr_err_set(err, OLR_E_IO, p, 0,
				    "cannot create directory: %s",
				    strerror(errno));
				free(p);
				return -1;
			}
			*s = save;
			if (save == '\0')
				break;
		}
	}
	if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
		olr_err_set(err, OLR_E_IO, p, 0, "not a directory");
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

/*
 * The time of an InfluxDB point as the envelope time of its line, in the
 * zone of the log so far: a line without a time of its own then has its
 * point's time, as it inherits the last time in a log, and the zone in
 * which later zoneless times (Go log) are read is unchanged.
 */
static void
point_time(const struct influx_line *pt, const struct olr_clock *clk,
    struct envelope *env)
{
	int64_t ms = pt->time_ns / 1000000;

	if (pt->time_ns < 0 && pt->time_ns % 1000000 != 0)
		ms--;
	env->has_ts = 1;
	env->ts.epoch_ms = ms;
	env->ts.has_offset = clk->has_zone;
	env->ts.offset_min = clk->has_zone ? clk->zone_min : 0;
}

/*
 * An export that starts inside a known source of the same host (identity.h):
 * its first record with a time in a known zone finds the source whose time
 * span holds it; one of its next stored records with a time, found stored
 * in that source too, confirms it and lines the two up. What the input
 * stored until then is removed (it is known), its records up to the
 * source's last line are skipped, and the first record after it makes the
 * input the continuation of that source (line numbers go on). Not
 * confirmed within OVERLAP_TRIES records, or past the source's time: the
 * input is a source of its own, as it was read. Returns 1 when the record
 * is known (skipped), 0 when it is to be stored, -1 on a database error.
 */
#define OVERLAP_TRIES 32

static int
overlap_step(struct pipeline *p, struct source *src, long lineno,
    const struct envelope *env,
    const struct olr_event *ev, const char *host, size_t host_len,
    const struct pat_entry *e, struct olr_err *err)
{
	sqlite3 *db = store_db(p->store);
	/* a time of its own, in a known zone (a zoneless journal or Go log
	 * time before the log has shown its zone is not) */
	int own = ev->stamp.has_ts && !ev->stamp.inherited &&
	    (ev->stamp.has_offset || src->clock.has_zone), c;
	long line;

	if (src->ov_state == OV_UNDECIDED) {
		if (src->no_overlap || host == NULL) {
			src->ov_state = OV_NONE;
			return 0;
		}
		if (!own)	/* decided by the first record with a time */
			return 0;
		c = identity_overlap_find(db, host, host_len,
		    ev->stamp.epoch_ms, &src->ov, err);
		if (c < 0)
			return -1;
		if (c == 0 || src->ov.source_id == src->id) {
			src->ov_state = OV_NONE;
			return 0;
		}
		src->ov_state = OV_SKIPPING;
	}
	if (src->ov_confirmed) {
		if (lineno + src->line_shift <= src->ov.lines) {
			src->stats.lines_total--;
			src->known++;
			return 1;
		}
		/* past the known part: the rest continues that source */
		if (store_source_adopt(p->store, src->id, src->ov.source_id,
		    src->path, err) != 0)
			return -1;
		src->id = src->ov.source_id;
		src->part_first_line = lineno + src->line_shift;
		src->ov_state = OV_GOING_ON;
		return 0;
	}
	/* past the known source's time, or too many tries: its own */
	if ((own && ev->stamp.epoch_ms > src->ov.last_ms) ||
	    src->ov_tries >= OVERLAP_TRIES) {
		src->ov_state = OV_NONE;
		return 0;
	}
	/* a stored record with its time (its own, or inherited from a line
	 * of this input: the two inputs give it the same) confirms */
	if (e == NULL || e->is_noise || !ev->stamp.has_ts)
		return 0;
	src->ov_tries++;
	c = identity_overlap_confirm(db, src->ov.source_id, e->table,
	    ev->stamp.ts, env->payload, env->payload_len, &line, err);
	if (c <= 0)
		return c;
	/* the two line up: this record is line `line` of the source; what
	 * this input stored so far is known */
	if (store_source_purge(p->store, src->id, err) != 0)
		return -1;
	src->ov_confirmed = 1;
	src->line_shift = line - lineno;
	src->known = lineno;
	memset(&src->stats, 0, sizeof src->stats);
	return 1;
}

/* A source whose loads and analyses are to be made again (once). */
static void
changed_add(struct pipeline *p, int64_t id)
{
	size_t i;

	for (i = 0; i < p->nchanged; i++)
		if (p->changed[i] == id)
			return;
	if (p->nchanged == p->capchanged) {
		p->capchanged = p->capchanged ? 2 * p->capchanged : 16;
		p->changed = xreallocarray(p->changed, p->capchanged,
		    sizeof *p->changed);
	}
	p->changed[p->nchanged++] = id;
}

/*
 * A parsed record (decoded, classified, normalized: parse.c) -> store, in
 * the order of the log: its time (own, or inherited from the lines before
 * it), the source's time range and host, whether an export's record is
 * known already. pt is the InfluxDB point the line came from, or NULL for
 * a log: it gives a time to a line that has none of its own, and a host.
 */
static int
ingest_parsed(struct pipeline *p, struct source *src,
    const struct parsed_rec *pr, const struct influx_line *pt,
    struct olr_err *err)
{
	struct envelope env = pr->env;
	struct olr_event ev;
	const struct pat_entry *e = pr->entry;
	const char *host;
	size_t host_len;

	src->stats.lines_total++;
	if (pr->blank) {
		if (src->ov_state == OV_SKIPPING) {
			src->stats.lines_total--;
			src->known++;
			return 0;
		}
		src->stats.lines_blank++;
		return 0;
	}
	if (pt != NULL && !env.has_ts && !pr->has_rtime)
		point_time(pt, &src->clock, &env);
	memset(&ev, 0, sizeof ev);
	event_stamp_time(&src->clock, pr->rtime_ok ? &pr->rtime : NULL, &env,
	    &ev.stamp);
	/* a time without zone (Go log) before any zone is known is no
	 * evidence of the range: it was read as UTC */
	if (ev.stamp.has_ts && !ev.stamp.inherited && (ev.stamp.has_offset ||
	    src->clock.has_zone)) {
		if (!src->has_range || ev.stamp.epoch_ms < src->first_ms)
			src->first_ms = ev.stamp.epoch_ms;
		if (!src->has_range || ev.stamp.epoch_ms > src->last_ms)
			src->last_ms = ev.stamp.epoch_ms;
		src->has_range = 1;
	}
	host = env.host;
	host_len = env.host_len;
	if (host == NULL && pt != NULL && pt->host != NULL) {
		host = pt->host;
		host_len = pt->host_len;
	}
	/* docker compose: the container names the host, unless --host does
	 * (every host's compose file may call it ollama-1) */
	if (host == NULL && env.container != NULL && p->opts->host == NULL) {
		host = env.container;
		host_len = env.container_len;
	}
	if (host != NULL && src->host == NULL)
		src->host = xstrndup(host, host_len);

	if (src->ov_state != OV_GOING_ON && src->ov_state != OV_NONE) {
		int k = overlap_step(p, src, pr->lineno, &env, &ev, host,
		    host_len, e, err);

		if (k != 0)
			return k < 0 ? -1 : 0;	/* known, or an error */
	}
	if (e == NULL) {
		src->stats.lines_unknown++;
		return store_insert_unknown(p->store, src->id, pr->lineno +
		    src->line_shift,
		    ev.stamp.has_ts ? ev.stamp.ts : NULL, env.payload,
		    env.payload_len, err);
	}
	if (e->is_noise) {
		src->stats.lines_noise++;
		return 0;
	}
	ev.entry = e;
	ev.values = pr->values;
	ev.source_id = src->id;
	ev.line = pr->lineno + src->line_shift;
	if (host != NULL) {
		ev.host = host;
		ev.host_len = host_len;
	} else if (p->opts->host != NULL) {
		ev.host = p->opts->host;
		ev.host_len = strlen(p->opts->host);
	}
	if (pr->level != NULL) {
		ev.level = pr->level;
		ev.level_len = pr->level_len;
	}
	ev.raw = env.payload;
	ev.raw_len = env.payload_len;
	src->stats.lines_classified++;
	return store_insert_event(p->store, &ev, err);
}

static double
clock_seconds(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double
now_seconds(void)
{
	return clock_seconds(CLOCK_MONOTONIC);
}

static void
show_progress(const struct input *in, const struct readahead *ra,
    const struct source *src)
{
	uint64_t size = input_file_size(in);

	if (size > 0)
		fprintf(stderr, "\r%s: %3d%%, %lld lines", shown(src->path),
		    (int)(100.0 * (double)readahead_offset(ra) / (double)size),
		    (long long)src->stats.lines_total);
	else
		fprintf(stderr, "\r%s: %lld lines", shown(src->path),
		    (long long)src->stats.lines_total);
	fflush(stderr);
}

/*
 * The progress line of the stages after ingest: on a terminal, once a
 * stage has run for OLR_PROGRESS_DELAY seconds (1 by default), the step it
 * is at.
 */
struct progress_line {
	int         on;        /* stderr is a terminal, not --quiet */
	double      delay;
	const char *stage;     /* the stage seen last */
	double      since;     /* when it began */
	int         shown;
};

static void
progress_step(void *arg, const char *stage, const char *what)
{
	struct progress_line *pl = arg;
	double now = now_seconds();

	if (!pl->on)
		return;
	if (pl->stage == NULL || strcmp(pl->stage, stage) != 0) {
		pl->stage = stage;
		pl->since = now;
	}
	if (now - pl->since < pl->delay)
		return;
	fprintf(stderr, "\r%s: %s\033[K", stage, what);
	fflush(stderr);
	pl->shown = 1;
}

/* A stage ended: take its progress line away. */
static void
progress_clear(struct progress_line *pl)
{
	if (pl->shown)
		fprintf(stderr, "\r\033[K");
	pl->shown = 0;
	pl->stage = NULL;
}

/*
 * A parsed batch's records, in order, to the store (none: NULL); an
 * export's record with its CSV line.
 */
static int
ingest_batch(struct pipeline *p, struct source *src,
    const struct parse_batch *b, struct olr_err *err)
{
	size_t i, n = b != NULL ? parse_batch_count(b) : 0;
	const struct parsed_rec *pr;

	for (i = 0; i < n; i++) {
		pr = parse_batch_rec(b, i);
		if (pr->point != NULL && store_insert_csv_record(p->store,
		    src->id, pr->point->lineno, pr->point->csv_line,
		    pr->point->time_ns, err) != 0)
			return -1;
		if (ingest_parsed(p, src, pr, pr->point, err) != 0)
			return -1;
	}
	return 0;
}

/* A record to the parsers; a batch they hand back, to the store. */
static int
ingest_record(struct pipeline *p, struct source *src,
    const struct line_view *lv, const struct influx_line *pt,
    struct olr_err *err)
{
	if (!parse_pool_add(p->pool, lv, pt))
		return 0;
	return ingest_batch(p, src, parse_pool_give(p->pool), err);
}

/* At the end of an input: every batch still out, to the store. */
static int
ingest_rest(struct pipeline *p, struct source *src, struct olr_err *err)
{
	const struct parse_batch *b;

	if (ingest_batch(p, src, parse_pool_give(p->pool), err) != 0)
		return -1;
	while ((b = parse_pool_take(p->pool)) != NULL)
		if (ingest_batch(p, src, b, err) != 0)
			return -1;
	return 0;
}

/* The records the rejoiner has ready (at the end of a log: last). */
static int
ingest_records(struct pipeline *p, struct source *src, struct rejoiner *rj,
    int last, struct olr_err *err)
{
	struct line_view rec;

	while (rejoin_next(rj, &rec))
		if (ingest_record(p, src, &rec, NULL, err) != 0)
			return -1;
	return last ? ingest_rest(p, src, err) : 0;
}

/*
 * Read a log, from its first block (n bytes at chunk, or n = 0 at the end,
 * or -1 with *err): raw bytes -> UTF-8 text (tc) -> physical lines (lr) ->
 * records (rj) -> ingest_line(). Returns 0 when read whole, 1 when only
 * in part (reported), 2 when nothing could be read (reported), -1 on a
 * database error (reported).
 */
static int
read_log(struct pipeline *p, struct source *src, const struct input *in,
    struct readahead *ra, struct log_reader *lg, const char *chunk,
    ssize_t n, struct olr_err *err)
{
	struct line_view lv;
	struct olr_err derr;
	const char *text;
	size_t len;
	double next_tick = now_seconds() + 1.0;
	int shown = 0, status = 0;

	for (;; n = readahead_next(ra, &chunk, err)) {
		if (n > 0)
			identity_head_feed(&src->head, chunk, (size_t)n);
		/* the known part of a log that grew is not parsed again */
		if (n > 0 && src->skip > 0) {
			size_t k = src->skip < (uint64_t)n ? (size_t)src->skip :
			    (size_t)n;

			src->skip -= k;
			chunk += k;
			n -= (ssize_t)k;
			if (n == 0)
				continue;
		}
		if (n > 0)
			transcode_feed(lg->tc, chunk, (size_t)n, &text, &len);
		else
			transcode_finish(lg->tc, &text, &len);
		if (len > 0)
			lines_feed(lg->lr, text, len);
		if (n <= 0)
			lines_finish(lg->lr);
		while (lines_next(lg->lr, &lv)) {
			rejoin_push(lg->rj, &lv);
			if (ingest_records(p, src, lg->rj, 0, &derr) != 0)
				goto db_error;
		}
		if (n <= 0) {
			rejoin_finish(lg->rj);
			if (ingest_records(p, src, lg->rj, 1, &derr) != 0)
				goto db_error;
		}
		if (n == 0)
			break;
		if (n < 0) {
			if (src->stats.lines_total == 0 &&
			    err->code == OLR_E_FORMAT) {
				report_err(err);
				status = 2;
				goto out;
			}
			snprintf(err->msg + strlen(err->msg), sizeof err->msg -
			    strlen(err->msg), " (after line %lld; the lines "
			    "before it were read)",
			    (long long)src->stats.lines_total);
			report_err(err);
			status = 1;
			break;
		}
		if (p->progress && now_seconds() >= next_tick) {
			show_progress(in, ra, src);
			shown = 1;
			next_tick = now_seconds() + 0.5;
		}
	}
	goto out;
db_error:
	parse_pool_drop(p->pool);
	*err = derr;
	report_err(err);
	status = -1;
out:
	if (shown)
		fprintf(stderr, "\r\033[K");
	return status;
}

/*
 * Read an InfluxDB CSV export: spill every point, then replay its lines in
 * time order through ingest_line(). Returns as read_log().
 */
static int
read_influx(struct pipeline *p, struct source *src, struct readahead *ra,
    struct influx_reader *ir, const char *chunk, ssize_t n,
    struct olr_err *err)
{
	struct influx_line pt;
	struct line_view lv;
	int rc, status = 0;

	for (;; n = readahead_next(ra, &chunk, err)) {
		if (n > 0)
			rc = influx_feed(ir, chunk, (size_t)n, err);
		else if (n == 0)
			rc = influx_finish(ir, err);
		else
			rc = -1;
		if (rc != 0 && influx_points(ir) == 0) {
			report_err(err);
			return err->code == OLR_E_DB ? -1 : 2;
		}
		if (rc != 0) {
			snprintf(err->msg + strlen(err->msg), sizeof err->msg -
			    strlen(err->msg), " (the %ld points before it "
			    "were read)", influx_points(ir));
			report_err(err);
			if (err->code == OLR_E_DB)
				return -1;
			status = 1;
			break;
		}
		if (n == 0)
			break;
	}
	/* the points, in the order they were shipped */
	while ((rc = influx_next(ir, &pt, err)) > 0) {
		lv.text = pt.text;
		lv.len = pt.len;
		lv.lineno = lv.last_lineno = pt.lineno;
		lv.prefix_ts = NULL;
		if (ingest_record(p, src, &lv, &pt, err) != 0)
			break;
	}
	if (rc == 0 && ingest_rest(p, src, err) != 0)
		rc = -1;
	if (rc != 0) {
		parse_pool_drop(p->pool);
		report_err(err);
		return -1;
	}
	return status;
}

/* What decoding and rejoining did, for line_stats. */
static void
log_shape_stats(const struct log_reader *lg, struct store_line_stats *st)
{
	const struct file_shape *fs = rejoin_shape(lg->rj);
	const struct rejoin_stats *rs = rejoin_get_stats(lg->rj);

	st->encoding = transcode_encoding_name(transcode_encoding(lg->tc));
	st->wrap_width = fs->wrap_width;
	st->lines_rejoined = (int64_t)rs->lines_rejoined;
	st->prefix_shape = fs->prefix_len ? fs->prefix : NULL;
	st->lines_prefixed = (int64_t)(rs->lines_prefixed + rs->powershell);
}

/*
 * Read one input into the database. Returns 0 when the input was read
 * whole (or was a duplicate), 1 when it could not be read (or only in
 * part), -1 on a database error that ends the run.
 */
/*
 * A log that grew goes on where its source ended: its host, and the last
 * time seen, which the first new lines without a time inherit.
 */
static int
source_resume(sqlite3 *db, struct source *src, struct olr_err *err)
{
	sqlite3_stmt *st;
	struct olr_time t;
	const char *ts;

	if (db_prepare(db, "SELECT host, last_ts, first_ts FROM sources WHERE"
	    " id = ?", &st, err) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, src->id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (sqlite3_column_text(st, 0) != NULL)
			src->host = xstrdup((const char *)
			    sqlite3_column_text(st, 0));
		ts = (const char *)sqlite3_column_text(st, 1);
		if (ts != NULL && units_parse_time(ts, strlen(ts), &t) == 0) {
			event_clock_resume(&src->clock, &t);
			src->first_ms = src->last_ms = t.epoch_ms;
			src->has_range = 1;
		}
		ts = (const char *)sqlite3_column_text(st, 2);
		if (ts != NULL && units_parse_time(ts, strlen(ts), &t) == 0)
			src->first_ms = t.epoch_ms;
	}
	sqlite3_finalize(st);
	return 0;
}

static int
ingest_source(struct pipeline *p, const char *path)
{
	struct olr_err err;
	struct input *in;
	struct log_reader lg = { NULL, NULL, NULL };
	struct influx_reader *ir = NULL;
	struct readahead *ra = NULL;
	struct source src;
	struct store_source_info info;
	const struct lines_stats *ls;
	char hex[65], head_hex[65], first[32], last[32], now[32];
	const char *chunk = NULL;
	ssize_t n;
	int64_t dup;
	uint64_t raw_bytes;
	struct identity idn;
	int status = 0, influx;
	double t0 = now_seconds();

	olr_err_clear(&err);
	memset(&src, 0, sizeof src);
	src.path = path;
	identity_head_init(&src.head);
	/* what is known of it already, from its bytes, before parsing */
	if (identity_lookup(store_db(p->store), path, &idn, &err) != 0) {
		report_err(&err);
		return -1;
	}
	if (idn.kind == IDENTITY_KNOWN) {
		if (!p->opts->quiet)
			printf("%s: already in the database (source %lld), "
			    "skipped: 0 records new, %lld already known\n",
			    shown(path),
			    (long long)idn.source_id,
			    (long long)idn.known_records);
		return 0;
	}
	in = input_open(path, &err);
	if (in == NULL) {
		report_err(&err);
		return 1;
	}
	if ((ra = readahead_start(in)) == NULL) {
		olr_err_set(&err, OLR_E_IO, path, 0, "cannot start the thread "
		    "that reads it");
		report_err(&err);
		input_close(in);
		return 1;
	}
	/* the first block tells a log from an InfluxDB CSV export */
	n = readahead_next(ra, &chunk, &err);
	influx = n > 0 && (p->opts->input_format == INPUT_INFLUX ||
	    (p->opts->input_format == INPUT_AUTO &&
	    influx_detect(chunk, (size_t)n)));
	if (influx) {		/* an export never continues a log */
		memset(&idn, 0, sizeof idn);
		src.no_overlap = 1;
	}
	if (idn.kind == IDENTITY_GROWN)
		src.ov_state = OV_NONE;
	if (idn.kind == IDENTITY_GROWN) {
		/* a log that grew: its new lines go on its source */
		src.id = idn.source_id;
		src.skip = idn.known_bytes;
		if (store_source_continue(p->store, src.id, &err) != 0 ||
		    source_resume(store_db(p->store), &src, &err) != 0) {
			report_err(&err);
			status = -1;
			goto out;
		}
	} else if (store_source_begin(p->store, path, influx ? "influx-csv" :
	    "log", &src.id, &err) != 0) {
		report_err(&err);
		status = -1;
		goto out;
	}
	if (influx) {
		if ((ir = influx_reader_new(path, p->opts->influx_field,
		    &err)) == NULL) {
			report_err(&err);
			status = -1;
			goto out;
		}
		status = read_influx(p, &src, ra, ir, chunk, n, &err);
		ls = influx_get_stats(ir);
	} else {
		lg.tc = transcoder_new();
		lg.lr = lines_reader_new();
		lg.rj = rejoiner_new();
		if (idn.kind == IDENTITY_GROWN)
			lines_set_next_lineno(lg.lr, (long)idn.known_lines + 1);
		status = read_log(p, &src, in, ra, &lg, chunk, n, &err);
		ls = lines_get_stats(lg.lr);
	}
	if (status == 2) {               /* nothing of it was read */
		store_source_abort(p->store);
		status = 1;
		goto out;
	}
	if (status == 0 && src.ov_state == OV_SKIPPING && src.ov_confirmed) {
		/* an export all of whose records are known */
		store_source_abort(p->store);
		if (!p->opts->quiet)
			printf("%s: inside source %lld: 0 records new, %lld "
			    "already known\n", shown(path),
			    (long long)src.ov.source_id, (long long)src.known);
		goto out;
	}
	if (status < 0)
		goto out;
	readahead_sha256_hex(ra, hex);
	identity_head_hex(&src.head, head_hex);
	memset(&info, 0, sizeof info);
	info.sha256 = hex;
	info.head_sha256 = head_hex;
	info.host = src.host ? src.host : p->opts->host;
	/* the bytes of the file, before any decoding */
	raw_bytes = lg.tc ? transcode_get_stats(lg.tc)->raw_bytes : ls->bytes;
	raw_bytes += idn.known_bytes;
	info.size_bytes = (int64_t)raw_bytes;
	info.line_count = src.stats.lines_total;
	if (src.has_range) {
		units_format_utc(src.first_ms, first, sizeof first);
		units_format_utc(src.last_ms, last, sizeof last);
		info.first_ts = first;
		info.last_ts = last;
	}
	info.status = status ? "truncated" : "ok";
	info.part_first_line = src.part_first_line;
	info.records_known = src.known;
	units_format_utc(report_now() * 1000, now, sizeof now);
	info.ingested_at = now;
	info.stats = src.stats;
	info.stats.nul_bytes = (int64_t)ls->nul_bytes;
	info.stats.invalid_utf8 = (int64_t)ls->invalid_utf8;
	info.stats.crlf_lines = (int64_t)ls->crlf_lines;
	if (lg.tc != NULL)
		log_shape_stats(&lg, &info.stats);
	if (raw_bytes == 0 && status == 0 && idn.kind != IDENTITY_GROWN) {
		fprintf(stderr, "%s: %s: empty file, nothing to read\n",
		    progname, shown(path));
		store_source_abort(p->store);
		status = 1;
		goto out;
	}
	if (store_source_end(p->store, src.id, &info, &dup, &err) != 0) {
		report_err(&err);
		status = -1;
		goto out;
	}
	if (!dup)
		changed_add(p, src.id);
	if (dup) {
		if (!p->opts->quiet)
			printf("%s: already in the database (source %lld), "
			    "skipped\n", shown(path), (long long)dup);
	} else if (!p->opts->quiet) {
		if (idn.kind == IDENTITY_GROWN)
			printf("%s: grew: %lld records new, %lld already known "
			    "(source %lld); ", shown(path),
			    (long long)src.stats.lines_total,
			    (long long)idn.known_records,
			    (long long)src.id);
		else if (src.ov_state == OV_GOING_ON)
			printf("%s: overlaps source %lld: %lld records new, "
			    "%lld already known; ", shown(path), (long long)src.id,
			    (long long)src.stats.lines_total,
			    (long long)src.known);
		printf("%s: %lld lines: %lld classified, %lld noise, "
		    "%lld unknown, %lld blank", idn.kind == IDENTITY_GROWN ||
		    src.ov_state == OV_GOING_ON ? "new part" : shown(path),
		    (long long)src.stats.lines_total,
		    (long long)src.stats.lines_classified,
		    (long long)src.stats.lines_noise,
		    (long long)src.stats.lines_unknown,
		    (long long)src.stats.lines_blank);
		if (ir != NULL)
			printf(" (InfluxDB CSV, %ld points)",
			    influx_points(ir));
		if (ls->nul_bytes)
			printf(", %llu NUL bytes removed",
			    (unsigned long long)ls->nul_bytes);
		if (ls->invalid_utf8)
			printf(", %llu lines with invalid UTF-8 repaired",
			    (unsigned long long)ls->invalid_utf8);
		if (info.stats.encoding != NULL &&
		    strncmp(info.stats.encoding, "utf-16", 6) == 0)
			printf(", decoded from %s", info.stats.encoding);
		if (info.stats.lines_rejoined)
			printf(", %lld wrapped lines rejoined (width %d)",
			    (long long)info.stats.lines_rejoined,
			    (int)info.stats.wrap_width);
		if (info.stats.lines_prefixed)
			printf(", %lld wrapper prefixes removed",
			    (long long)info.stats.lines_prefixed);
		if (p->opts->verbose)
			printf(" (%.2f s)", now_seconds() - t0);
		printf("\n");
	}
out:
	if (ra != NULL)
		p->read_cpu += readahead_cpu_seconds(ra);
	readahead_stop(ra);
	free(src.host);
	transcoder_free(lg.tc);
	lines_reader_free(lg.lr);
	rejoiner_free(lg.rj);
	influx_reader_free(ir);
	input_close(in);
	return status;
}

/*
 * The page size of a new database: 64 KiB pages rebuild the loads of a
 * large input a third faster (1.9 s instead of 3.1 s for 196 MiB of logs),
 * but every table and index takes a page at least, so the database of a
 * few small logs, the one attached to a bug report, would be 3.6 MB
 * instead of 0.5 MB. From 16 MiB of input on disk the database is 20 MB
 * or more and the 3 MB no longer matter.
 */
static int
page_size_for(const struct olr_opts *o)
{
	struct stat st;
	uint64_t total = 0;
	int i;

	for (i = 0; i < o->ninputs; i++) {
		if (strcmp(o->inputs[i], "-") == 0)
			continue;
		if (stat(o->inputs[i], &st) == 0 && S_ISREG(st.st_mode))
			total += (uint64_t)st.st_size;
	}
	return total >= 16u * 1024 * 1024 ? 65536 : 4096;
}

static int
add_manifest_tag(void *arg, const char *digest, const char *tag,
    struct olr_err *err)
{
	return names_add_tag(arg, digest, tag, "manifest", err);
}

/*
 * --models DIR: the tags of an Ollama models directory into model_tags.
 * Returns 0, or 1 after reporting why it could not be read whole.
 */
static int
read_models_dir(sqlite3 *db, const struct olr_opts *opts)
{
	struct manifests_stats ms;
	struct olr_err err;

	olr_err_clear(&err);
	if (db_exec(db, "BEGIN", &err) != 0 ||
	    manifests_read(opts->models_dir, add_manifest_tag, db, &ms,
	    &err) != 0) {
		report_err(&err);
		db_exec(db, "ROLLBACK", &err);
		return 1;
	}
	if (db_exec(db, "COMMIT", &err) != 0) {
		report_err(&err);
		return 1;
	}
	if (!opts->quiet)
		printf("%s: %ld model tags%s", shown(opts->models_dir), ms.tags,
		    ms.skipped ? "" : "\n");
	if (!opts->quiet && ms.skipped)
		printf(", %ld files that are no manifest skipped\n",
		    ms.skipped);
	return 0;
}

/*
 * --redact-terms FILE: its words, one a line (blank lines and lines
 * starting with # skipped, spaces around a word removed). NULL with err
 * when the file cannot be read.
 */
static char **
read_terms(const char *path, size_t *n, struct olr_err *err)
{
	FILE *fp = fopen(path, "r");
	char line[1024], **terms = NULL;
	size_t a, e;

	*n = 0;
	if (fp == NULL) {
		olr_err_set(err, OLR_E_IO, path, 0, "cannot open: %s",
		    strerror(errno));
		return NULL;
	}
	while (fgets(line, sizeof line, fp) != NULL) {
		a = strspn(line, " \t");
		e = strlen(line);
		while (e > a && strchr(" \t\r\n", line[e - 1]) != NULL)
			e--;
		if (e == a || line[a] == '#')
			continue;
		terms = xreallocarray(terms, *n + 1, sizeof *terms);
		terms[(*n)++] = xstrndup(line + a, e - a);
	}
	fclose(fp);
	if (terms == NULL)
		terms = xmalloc(sizeof *terms);   /* an empty list */
	return terms;
}

/* The loads a kept database holds (a run that rebuilds none). */
static int
count_loads(sqlite3 *db, long *n, struct olr_err *err)
{
	sqlite3_stmt *st;

	*n = 0;
	if (db_prepare(db, "SELECT count(*) FROM loads", &st, err) != 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static void
pipeline_free(struct pipeline *p)
{
	store_close(p->store);
	parse_pool_free(p->pool);
	pat_set_free(p->patterns);
	free(p->changed);
}

/* render -> the formats asked for, into opts->output_dir */
static int
render_stage(sqlite3 *db, const struct olr_opts *opts,
    const struct olr_progress *progress, struct olr_err *err)
{
	struct render_opts ro;
	struct buf notes = BUF_INIT;
	int rc, empty;

	memset(&ro, 0, sizeof ro);
	ro.now_epoch = report_now();
	ro.title = opts->title ? opts->title : "Ollama log report";
	ro.version = PACKAGE_VERSION;
	ro.redacted = opts->redact;
	ro.since = opts->since[0] ? opts->since : NULL;
	ro.until = opts->until[0] ? opts->until : NULL;
	ro.progress = progress;
	if (render_apply_window(db, &ro, err) != 0 ||
	    render_window_empty(db, &ro, &empty, err) != 0)
		return -1;
	if (empty)
		fprintf(stderr, "%s: nothing was logged in the time window%s%s%s%s;"
		    " the reports say so\n", progname, ro.since ? " from " : "",
		    ro.since ? ro.since : "", ro.until ? " until " : "",
		    ro.until ? ro.until : "");
	rc = render_all(db, &ro, opts->formats, opts->output_dir, &notes, err);
	if (rc == 0 && !opts->quiet && notes.len)
		fputs(notes.data, stdout);
	buf_free(&notes);
	return rc;
}

int
main(int argc, char **argv)
{
	struct olr_opts opts;
	struct pipeline p;
	struct progress_line pl;
	struct olr_progress progress = { progress_step, &pl };
	const char *env;
	struct olr_err err;
	struct stat st;
	char *db_path = NULL;
	const struct dbschema_result *sr;
	int migrated;
	long nloads = 0;
	int64_t *renamed = NULL;
	size_t nrenamed = 0, k;
	int i, rc, status = 0, temp_db = 0, analyze, forgot = 0, full;
	double t_start = now_seconds(), t_ingest, t_loads, t_analyzed;
	double cpu_ingest, cpu_write;

#ifdef __GLIBC__
	/* one heap for every thread: what one frees (ingest's reader, parser
	 * and writer) is what the next allocates (the workbook's thread),
	 * not kept aside in an arena of its own (peak RSS of the default run
	 * at 1 GB of logs: 70 -> 63 MiB) */
	mallopt(M_ARENA_MAX, 1);
#endif
	if ((rc = parse_args(argc, argv, &opts)) != 0)
		return rc;
	memset(&p, 0, sizeof p);
	olr_err_clear(&err);
	p.opts = &opts;
	p.progress = !opts.quiet && isatty(STDERR_FILENO);
	memset(&pl, 0, sizeof pl);
	pl.on = p.progress;
	pl.delay = 1.0;
	if ((env = getenv("OLR_PROGRESS_DELAY")) != NULL)
		pl.delay = atof(env);

	if (opts.output_dir != NULL && make_dir(opts.output_dir, &err) != 0)
		goto fatal;
	if (opts.db_path != NULL)
		db_path = xstrdup(opts.db_path);
	else {
		/* without "db" in --format the database is scratch */
		temp_db = !(opts.formats & RENDER_DB);
		db_path = xmalloc(strlen(opts.output_dir) + 32);
		sprintf(db_path, "%s/%s", opts.output_dir, temp_db ?
		    ".ollama.db.tmp" : "ollama.db");
		if (temp_db)
			remove(db_path);
	}
	if (opts.ninputs == 0 && stat(db_path, &st) != 0) {
		olr_err_set(&err, OLR_E_IO, db_path, 0, "no such database: "
		    "nothing to render");
		goto fatal;
	}

	p.patterns = pat_set_new();
	if (pat_set_load_builtin(p.patterns, &err) != 0)
		goto fatal;
	if (opts.patterns != NULL &&
	    pat_set_load_file(p.patterns, opts.patterns, &err) != 0)
		goto fatal;
	pat_set_finish(p.patterns);
	if ((p.store = store_open(db_path, page_size_for(&opts),
	    opts.busy_seconds * 1000, &err)) == NULL ||
	    store_prepare(p.store, p.patterns, &err) != 0)
		goto fatal;
	sr = store_schema(p.store);
	/* a migrated database has its loads and analyses rebuilt: the
	 * columns it gained are filled (an index alone needs nothing) */
	migrated = !sr->fresh && (sr->from_version != sr->to_version ||
	    sr->tables || sr->columns);
	if (migrated)
		opts.rebuild = 1;
	if (!opts.quiet && (migrated || (!sr->fresh && sr->indexes)))
		printf("%s: database migrated from schema version %d to %d (%d "
		    "tables, %d columns, %d indexes added%s)\n", shown(db_path),
		    sr->from_version, sr->to_version, sr->tables, sr->columns,
		    sr->indexes, migrated ? "; loads and analyses rebuilt" :
		    "");
	if (opts.forget != NULL) {
		struct dbschema_forgot fg;

		if (dbschema_forget(store_db(p.store), opts.forget, &fg,
		    &err) != 0)
			goto fatal;
		if (fg.sources == 0) {
			olr_err_set(&err, OLR_E_USAGE, db_path, 0, "--forget: "
			    "no source '%s' in the database (give its path as "
			    "stored in sources.path, or its id)", opts.forget);
			status = 1;
			report_err(&err);
			goto done;
		}
		forgot = 1;
		if (!opts.quiet)
			printf("%s: source %lld (%s) forgotten: %lld rows "
			    "deleted\n", shown(db_path), (long long)fg.id,
			    shown(fg.path),
			    (long long)fg.rows);
	}
	p.pool = parse_pool_new(p.patterns, opts.jobs);

	/* read -> decode -> classify -> normalize -> store, per input */
	for (i = 0; i < opts.ninputs; i++) {
		rc = ingest_source(&p, opts.inputs[i]);
		if (rc < 0) {
			status = 1;
			goto done;
		}
		if (rc > 0)
			status = 1;
	}
	/*
	 * reconstruct -> analyze: the loads of the logs this run added (all
	 * of them in a new database, or with --rebuild); the others are kept.
	 * A render-only run rebuilds nothing.
	 */
	t_ingest = now_seconds();
	cpu_ingest = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
	cpu_write = store_writer_cpu(p.store);
	if (opts.rebuild || p.nchanged > 0) {
		rc = reconstruct_loads(store_db(p.store), opts.rebuild ? NULL :
		    p.changed, p.nchanged, &nloads, &progress, &err);
		progress_clear(&pl);
		if (rc != 0) {
			report_err(&err);
			status = 1;
			goto done;
		}
	} else if (count_loads(store_db(p.store), &nloads, &err) != 0) {
		report_err(&err);
		status = 1;
		goto done;
	}
	analyze = opts.rebuild || p.nchanged > 0 || opts.analyze_given ||
	    opts.models_dir != NULL || forgot;
	if (opts.models_dir != NULL &&
	    read_models_dir(store_db(p.store), &opts) != 0)
		status = 1;
	/* the analyses of the sources whose loads were rebuilt or renamed;
	 * of all with --rebuild, new thresholds or a source forgotten */
	full = opts.rebuild || opts.analyze_given || forgot;
	if (analyze && names_resolve(store_db(p.store), full ? NULL : &renamed,
	    &nrenamed, &err) != 0) {
		free(renamed);
		report_err(&err);
		status = 1;
		goto done;
	}
	for (k = 0; k < nrenamed; k++)
		changed_add(&p, renamed[k]);
	free(renamed);
	t_loads = now_seconds();
	rc = analyze ? analyze_run(store_db(p.store), &opts.analyze, full ?
	    NULL : p.changed, p.nchanged, &progress, &err) : 0;
	progress_clear(&pl);
	if (rc != 0) {
		report_err(&err);
		status = 1;
		goto done;
	}
	if (opts.redact) {
		char **terms = NULL;
		size_t nterms = 0, k;

		if (opts.redact_terms != NULL && (terms = read_terms(
		    opts.redact_terms, &nterms, &err)) == NULL) {
			report_err(&err);
			status = 1;
			goto done;
		}
		rc = redact_database_terms(store_db(p.store),
		    (const char *const *)terms, nterms, &err);
		for (k = 0; k < nterms; k++)
			free(terms[k]);
		free(terms);
		if (rc != 0) {
			report_err(&err);
			status = 1;
			goto done;
		}
	}
	t_analyzed = now_seconds();
	if (!opts.quiet)
		printf("%ld model loads in %s\n", nloads, temp_db ? "the "
		    "database" : shown(db_path));
	if (opts.export_dir != NULL) {
		struct export_stats es;

		if (make_dir(opts.export_dir, &err) != 0 ||
		    export_ndjson(store_db(p.store), opts.export_dir, &es,
		    &err) != 0) {
			report_err(&err);
			status = 1;
			goto done;
		}
		if (!opts.quiet)
			printf("%s: %d tables, %lld rows as NDJSON\n",
			    shown(opts.export_dir), es.tables, (long long)es.rows);
	}
	/* render, from the database alone */
	if (opts.output_dir != NULL && (opts.formats & ~RENDER_DB)) {
#ifdef __GLIBC__
		/* what ingest's threads freed back to the system before the
		 * renders allocate theirs (peak RSS at 1 GB of logs) */
		malloc_trim(0);
#endif
		rc = render_stage(store_db(p.store), &opts, &progress, &err);
		progress_clear(&pl);
	} else
		rc = 0;
	if (rc != 0) {
		report_err(&err);
		status = err.code == OLR_E_USAGE ? 2 : 1;
		goto done;
	}
	if (opts.verbose)
		printf("times: ingest %.2f s, load sequences %.2f s, analyses "
		    "%.2f s, reports %.2f s\n", t_ingest - t_start,
		    t_loads - t_ingest, t_analyzed - t_loads,
		    now_seconds() - t_analyzed);
	if (opts.verbose && opts.ninputs > 0) {
		int n = parse_pool_threads(p.pool);

		printf("ingest CPU: read %.2f s, decode to store %.2f s ",
		    p.read_cpu, cpu_ingest + parse_pool_cpu_seconds(p.pool));
		if (n > 1)
			printf("(of it on %d parser threads: %.2f s)", n,
			    parse_pool_cpu_seconds(p.pool));
		else
			printf("(one thread)");
		printf(", write %.2f s\n", cpu_write);
	}
done:
	pipeline_free(&p);
	if (temp_db)
		remove(db_path);
	free(db_path);
	return status;
fatal:
	report_err(&err);
	pipeline_free(&p);
	free(db_path);
	return err.code == OLR_E_USAGE ? 2 : 1;
}
