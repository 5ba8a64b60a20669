/*
 * redact.c - --redact: identifiers of people and machines replaced by
 * stable placeholders in the output database, before rendering (see
 * redact.h).
 *
 * Every text value of every table goes through one hand-written scanner
 * (no regexes: each matcher is a few lines of byte tests, and the whole
 * corpus database is rewritten in well under a second). What it replaces:
 *
 *   user names   the directory after /home/, /Users/ and X:\Users\ (any
 *                number of \ or / as separators, so C:\\Users\\bob in a
 *                quoted Go value is found too). /home/userexternal/NAME
 *                style group directories descend one level. Not users:
 *                /root (root identifies nobody), /usr/share/ollama, dot
 *                directories (/home/.ollama under Termux), Shared, Public,
 *                Default, Guest, linuxbrew. A Windows/macOS name may hold
 *                spaces ("C:\Users\Jane Doe\...") when the path goes on
 *                after it. Only path shapes are used: the bare word "runner"
 *                is not rewritten because /Users/runner was seen.
 *                                                        -> user1, user2 ...
 *   host names   every value of a column named host (and the comma list
 *                of model_summary.hosts), then that name wherever it stands
 *                as a whole word in any text (case-sensitive, names of 3
 *                characters or more; a following .local/.lan/.home/
 *                .internal/.localdomain is taken along: "shadow" in
 *                /etc/shadow goes too, by design: better one word too
 *                many than a host name left);
 *                and any NAME.local (mDNS) name.             -> host1 ...
 *   IP addresses IPv4 and IPv6 (port kept: ip1:11434). Kept, because they
 *                identify nobody: 127.0.0.0/8, 0.0.0.0/8, 255.x.x.x (masks),
 *                ::, ::1 and the name localhost.           -> ip1, ip2 ...
 *   ssh keys     "ssh-ed25519 AAAA..." and the other OpenSSH key types (the
 *                key type is kept), and a bare OpenSSH key blob.
 *                                                    -> ssh-ed25519 key1
 *   e-mail       local@domain.tld                        -> email1 ...
 *   GPU UUIDs    GPU-8-4-4-4-12 / MIG-... (NVIDIA) and GPU-<16 hex> (ROCm):
 *                a card's UUID is a serial number; the "GPU-" prefix is
 *                kept so the report still groups and labels devices.
 *                                                          -> GPU-gpu1 ...
 *   MAC address  xx:xx:xx:xx:xx:xx                         -> mac1 ...
 *
 * Kept on purpose: model digests (sha256-...: they name public models),
 * PCI bus ids (0000:01:00.0 is a slot position shared by millions of
 * machines), numbers, times, versions (0.13.5), device names (CUDA0).
 *
 * Placeholders are numbered per kind in order of first appearance: host
 * names from the host columns first (tables in creation order, values by
 * first rowid), then everything else as met while rewriting (tables in
 * creation order, rows by rowid, columns left to right). A value already
 * shaped like a placeholder (user3) maps to itself, so running --redact
 * twice changes nothing. The mapping lives only in memory; after the
 * rewrite (with secure_delete on) the database is VACUUMed so the old text
 * is left in no free page.
 */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "redact.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "db.h"
#include "xmalloc.h"

enum kind {
	K_USER, K_HOST, K_IP, K_KEY, K_EMAIL, K_GPU, K_MAC, K_DIR, K_FILE,
	K_TERM, K_N
};

static const char *const kind_prefix[K_N] = {
	"user", "host", "ip", "key", "email", "gpu", "mac", "dir", "file",
	"term"
};

/* One kind's mapping: original text -> placeholder number. */
struct map {
	char     **key;
	size_t    *klen;
	unsigned  *num;
	size_t     n, cap;
	unsigned   last;     /* highest number handed out by counting */
};

struct redactor {
	struct map  m[K_N];
	/* host names to look for in text, longest first */
	const char **hosts;
	size_t      *hlen;
	size_t       nhosts;
	unsigned char hfirst[256];  /* 1 = some host starts with this byte */
	/* --redact-terms: site words, longest first */
	const char *const *terms;
	size_t      nterms;
	unsigned char tfirst[256];  /* lower-cased first bytes */
};

/* ------------------------------------------------------------ classes */

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_alnum(int c) { return is_alpha(c) || is_digit(c); }
static int is_word(int c) { return is_alnum(c) || c == '_'; }
static int is_hostc(int c) { return is_word(c) || c == '-'; }
static int is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int is_b64(int c) { return is_alnum(c) || c == '+' || c == '/'; }
static int is_local(int c)   /* e-mail local part */
{
	return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
	    c == '-';
}

#define AT(s, n, i) ((i) < (n) ? (unsigned char)(s)[i] : 0)
#define PREV(s, i) ((i) > 0 ? (unsigned char)(s)[(i) - 1] : 0)

/* --------------------------------------------------------------- maps */

static int
map_used(const struct map *m, unsigned num)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->num[i] == num)
			return 1;
	return 0;
}

/* "user12" for kind user: 12; else 0. */
static unsigned
placeholder_num(enum kind k, const char *s, size_t len)
{
	size_t pl = strlen(kind_prefix[k]), i;
	unsigned long v = 0;

	if (len <= pl || len > pl + 6 || memcmp(s, kind_prefix[k], pl) != 0 ||
	    s[pl] == '0')
		return 0;
	for (i = pl; i < len; i++) {
		if (!is_digit((unsigned char)s[i]))
			return 0;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return (unsigned)v;
}

/* The placeholder number of s[0..len) of kind k, assigned on first use. */
static unsigned
map_get(struct redactor *r, enum kind k, const char *s, size_t len)
{
	struct map *m = &r->m[k];
	unsigned num;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->klen[i] == len && memcmp(m->key[i], s, len) == 0)
			return m->num[i];
	num = placeholder_num(k, s, len);
	if (num == 0 || map_used(m, num)) {
		do
			num = ++m->last;
		while (map_used(m, num));
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->key = xreallocarray(m->key, m->cap, sizeof *m->key);
		m->klen = xreallocarray(m->klen, m->cap, sizeof *m->klen);
		m->num = xreallocarray(m->num, m->cap, sizeof *m->num);
	}
	m->key[m->n] = xstrndup(s, len);
	m->klen[m->n] = len;
	m->num[m->n] = num;
	m->n++;
	return num;
}

static void
emit(struct redactor *r, struct buf *out, enum kind k, const char *s,
    size_t len)
{
	buf_printf(out, "%s%u", kind_prefix[k], map_get(r, k, s, len));
}

static void
redactor_free(struct redactor *r)
{
	size_t i;
	int k;

	for (k = 0; k < K_N; k++) {
		for (i = 0; i < r->m[k].n; i++)
			free(r->m[k].key[i]);
		free(r->m[k].key);
		free(r->m[k].klen);
		free(r->m[k].num);
	}
	free(r->hosts);
	free(r->hlen);
	memset(r, 0, sizeof *r);
}

/* Not a host worth hiding: empty, localhost, or an address we keep. */
static int keep_ipv4(const char *s, size_t n);

static int
host_is_public(const char *s, size_t n)
{
	return n == 0 || (n == 9 && strncasecmp(s, "localhost", 9) == 0) ||
	    keep_ipv4(s, n);
}

/* Record a host name seen in a host column (numbered on first sight). */
static void
host_add(struct redactor *r, const char *s, size_t n)
{
	size_t i, j;

	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (host_is_public(s, n))
		return;
	map_get(r, K_HOST, s, n);
	/* the text matcher looks at the map's keys; keep them longest first */
	free(r->hosts);
	free(r->hlen);
	r->nhosts = r->m[K_HOST].n;
	r->hosts = xreallocarray(NULL, r->nhosts, sizeof *r->hosts);
	r->hlen = xreallocarray(NULL, r->nhosts, sizeof *r->hlen);
	memset(r->hfirst, 0, sizeof r->hfirst);
	for (i = 0; i < r->nhosts; i++) {
		const char *h = r->m[K_HOST].key[i];
		size_t hl = r->m[K_HOST].klen[i];

		for (j = i; j > 0 && r->hlen[j - 1] < hl; j--) {
			r->hosts[j] = r->hosts[j - 1];
			r->hlen[j] = r->hlen[j - 1];
		}
		r->hosts[j] = h;
		r->hlen[j] = hl;
		r->hfirst[(unsigned char)h[0]] = 1;
	}
}

/* ----------------------------------------------------------- matchers */
/*
 * Each matcher looks at s[i..n): on a match it appends the replacement to
 * out and returns the number of input bytes it stands for; else 0 and out
 * is untouched.
 */

static const char *const ssh_types[] = {
	"ssh-ed25519", "ssh-rsa", "ssh-dss", "ecdsa-sha2-nistp256",
	"ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
	"sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com"
};

/* Length of the base64 run at s[j..n), '=' padding included. */
static size_t
b64_run(const char *s, size_t n, size_t j)
{
	size_t k = j;

	while (k < n && is_b64((unsigned char)s[k]))
		k++;
	while (k < n && s[k] == '=')
		k++;
	return k - j;
}

static size_t
m_ssh(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t t, j, tl, bl;

	if ((s[i] != 's' && s[i] != 'e') || is_hostc(PREV(s, i)))
		return 0;
	for (t = 0; t < sizeof ssh_types / sizeof *ssh_types; t++) {
		tl = strlen(ssh_types[t]);
		if (n - i > tl && memcmp(s + i, ssh_types[t], tl) == 0)
			break;
	}
	if (t == sizeof ssh_types / sizeof *ssh_types)
		return 0;
	j = i + tl;
	if (s[j] != ' ' && s[j] != '\t')
		return 0;
	while (j < n && (s[j] == ' ' || s[j] == '\t'))
		j++;
	bl = b64_run(s, n, j);
	if (bl < 16 || is_word(AT(s, n, j + bl)))
		return 0;
	buf_append(out, s + i, j - i);
	emit(r, out, K_KEY, s + j, bl);
	return j + bl - i;
}

/* A bare OpenSSH public key blob (base64 of "ssh-ed25519", "ssh-rsa"...). */
static size_t
m_keyblob(struct redactor *r, const char *s, size_t n, size_t i,
    struct buf *out)
{
	static const char *const heads[] = {
		"AAAAC3NzaC1", "AAAAB3NzaC1", "AAAAE2VjZHNh", "AAAAGnNr"
	};
	size_t h, bl;

	if (s[i] != 'A' || is_b64(PREV(s, i)))
		return 0;
	for (h = 0; h < sizeof heads / sizeof *heads; h++)
		if (n - i >= strlen(heads[h]) &&
		    memcmp(s + i, heads[h], strlen(heads[h])) == 0)
			break;
	if (h == sizeof heads / sizeof *heads)
		return 0;
	bl = b64_run(s, n, i);
	if (bl < 40 || is_word(AT(s, n, i + bl)))
		return 0;
	emit(r, out, K_KEY, s + i, bl);
	return bl;
}

/* n hex digits at s[j..]? */
static int
hex_n(const char *s, size_t n, size_t j, size_t cnt)
{
	size_t k;

	if (j + cnt > n)
		return 0;
	for (k = 0; k < cnt; k++)
		if (!is_hex((unsigned char)s[j + k]))
			return 0;
	return 1;
}

static size_t
m_gpu(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t j = i + 4, e;

	if ((s[i] != 'G' && s[i] != 'M') || is_alnum(PREV(s, i)) ||
	    n - i < 20 || (memcmp(s + i, "GPU-", 4) != 0 &&
	    memcmp(s + i, "MIG-", 4) != 0))
		return 0;
	if (hex_n(s, n, j, 8) && AT(s, n, j + 8) == '-' &&
	    hex_n(s, n, j + 9, 4) && AT(s, n, j + 13) == '-' &&
	    hex_n(s, n, j + 14, 4) && AT(s, n, j + 18) == '-' &&
	    hex_n(s, n, j + 19, 4) && AT(s, n, j + 23) == '-' &&
	    hex_n(s, n, j + 24, 12))
		e = j + 36;             /* NVIDIA: GPU-8-4-4-4-12 */
	else if (hex_n(s, n, j, 16))
		e = j + 16;             /* ROCm: GPU-<16 hex> */
	else
		return 0;
	if (is_alnum(AT(s, n, e)))
		return 0;
	buf_append(out, s + i, 4);
	emit(r, out, K_GPU, s + j, e - j);
	return e - i;
}

/* Ends a user-name path component. */
static int
name_end(int c)
{
	return c == 0 || c == '/' || c == '\\' || c == '"' || c == '\'' ||
	    c == '`' || c == '\n' || c == '\r' || c == '\t' || c == ',' ||
	    c == ';' || c == ':' || c == '*' || c == '?' || c == '<' ||
	    c == '>' || c == '|' || c == '=' || c == '(' || c == ')' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == '&';
}

/* End of the user name starting at s[j]: spaces belong to it only when
 * the path goes on after the name ("C:\Users\Jane Doe\x"). */
static size_t
name_span(const char *s, size_t n, size_t j)
{
	size_t k = j, first_space = 0;

	while (k < n && !name_end((unsigned char)s[k])) {
		if (s[k] == ' ' && first_space == 0)
			first_space = k;
		k++;
	}
	if (first_space != 0 && (k >= n || (s[k] != '/' && s[k] != '\\') ||
	    k - j > 64))
		k = first_space;
	while (k > j && s[k - 1] == ' ')
		k--;
	return k;
}

static int
word_in(const char *s, size_t len, const char *const *list, size_t nlist)
{
	size_t i;

	for (i = 0; i < nlist; i++)
		if (strlen(list[i]) == len && strncasecmp(s, list[i], len) == 0)
			return 1;
	return 0;
}

static const char *const not_users[] = {
	"Shared", "Public", "Default", "Default User", "All Users", "Guest",
	"linuxbrew"
};
static const char *const group_dirs[] = {
	"userexternal", "userinternal", "users", "staff", "students", "people"
};

/*
 * Path components. Under a home, scratch, work or project root (any
 * absolute path with such a component, /home/NAME, /Users/NAME and
 * X:\Users\NAME) every component is a name the site or the user chose, so
 * each is replaced (the user's by userN, the others by dirN) except the
 * ones Ollama, the OS or the tool chain name, kept so the report still
 * reads: .ollama, models, blobs, manifests, lib, runners, cuda_v12,
 * sha256 digests, versions, source files (.go, .c), libraries (.so, .dll)
 * and the root words themselves. Nothing has to be known about the site's
 * layout: /leonardo_work/ACCOUNT/..., /scratch/CLUSTER/USER/...,
 * /gpfs/FS/scratch/USER, /data/leuven/377/USER all lose every name.
 */
static const char *const path_keep[] = {
	".ollama", "ollama", "models", "blobs", "manifests", "lib", "lib64",
	"bin", "sbin", "runners", "cuda_v11", "cuda_v12", "cuda_v13",
	"cuda_jetpack5", "cuda_jetpack6", "rocm", "rocm_v6", "rocm_v7", "cpu",
	"cpu_avx", "cpu_avx2", "metal", "vulkan", "mlx", "llama", "llama.cpp",
	"ggml", "build", "usr", "local", "share", "opt", "tmp", "var", "etc",
	"logs", "log", "registry.ollama.ai", "library", ".cache", "cache",
	"AppData", "Local", "Roaming", "Programs", "Temp", "Library",
	"Application Support", "com.termux", "files", "go", "pkg", "mod", "src",
	"cmd", "server", "llm", "runner", "ml", "backend", "discover", "gpu",
	"sched", "api", "envconfig", "kvcache", "model", "convert", "runtime",
	"llama-server", "ollama_llama_server", "ollama.exe", "ollama app.exe",
	"server.log", "app.log", "id_ed25519", "id_ed25519.pub", ".local",
	".config", ".linuxbrew", "homebrew", "Cellar", "hostedtoolcache",
	"amd64", "arm64", "x86_64", "aarch64", "github.com", "golang.org",
	"gitlab.com", "vendor", "include", "python3", "site-packages",
	"dist-packages", "venv", ".venv", "nvidia", "cuda", "cublas",
	"Ollama.app", "Contents", "Resources", "MacOS", "Frameworks", "Program "
	"Files", "Windows", "System32", "docker", "containers", "overlay2",
	"snap", "flatpak", "conda", "miniconda3", "anaconda3", "envs",
	"Downloads", "Documents", "Desktop", "workspace", "workspaces",
	"project", "projects", "jobs", "job", "results", "output", "outputs",
	"data", "home", "Users", "user", "users", "scratch", "work", "gpfs",
	"lustre", "storage", "nfs", "mnt", "media", "net", "groups", "group",
	"shared", "hpc", "cluster", "fs", "store", "apps", "software",
	"modules", "spack", "easybuild",
};

/* First components that make a path one under a root of people's files
 * (exact, any case) */
static const char *const root_words[] = {
	"home", "Users", "scratch", "work", "projects", "project", "gpfs",
	"lustre", "data", "storage", "nfs", "mnt", "media", "net", "groups",
	"group", "shared", "hpc", "cluster", "fs", "p", "store", "beegfs",
	"cephfs", "ceph", "netapp", "vast", "panfs", "wekafs",
};
/* ... or containing one of these (leonardo_work, calico-nas, scratch1) */
static const char *const root_parts[] = {
	"scratch", "work", "home", "project", "gpfs", "lustre", "nas",
	"store", "beegfs", "ceph",
};

static int
has_part(const char *s, size_t len, const char *part)
{
	size_t pl = strlen(part), k;

	for (k = 0; k + pl <= len; k++)
		if (strncasecmp(s + k, part, pl) == 0)
			return 1;
	return 0;
}

static int
is_root_word(const char *s, size_t len)
{
	size_t t;

	if (word_in(s, len, root_words, sizeof root_words / sizeof *root_words))
		return 1;
	if (word_in(s, len, path_keep, sizeof path_keep / sizeof *path_keep))
		return 0;    /* homebrew, workspace: named by tools */
	for (t = 0; t < sizeof root_parts / sizeof *root_parts; t++)
		if (has_part(s, len, root_parts[t]))
			return 1;
	return 0;
}

static int
ends_with(const char *s, size_t len, const char *suf)
{
	size_t sl = strlen(suf);

	return len > sl && strncasecmp(s + len - sl, suf, sl) == 0;
}

/* A component Ollama, the OS or the tool chain names: kept. */
static int
keep_component(const char *s, size_t len)
{
	static const char *const exts[] = {
		".go", ".c", ".cc", ".cpp", ".h", ".hpp", ".cu", ".cuh", ".m",
		".metal", ".s", ".so", ".dll", ".dylib", ".exe",
	};
	size_t k, t;

	if (len <= 2)
		return 1;         /* a, go, x: identify nobody */
	if (word_in(s, len, path_keep, sizeof path_keep / sizeof *path_keep))
		return 1;
	/* digests: sha256-<hex>, sha256:<hex> */
	if (len > 7 && strncasecmp(s, "sha256", 6) == 0 &&
	    (s[6] == '-' || s[6] == ':')) {
		for (k = 7; k < len && is_hex((unsigned char)s[k]); k++)
			;
		if (k == len)
			return 1;
	}
	/* versions: 0.13.5, v0.13.5, 1.24.1 */
	k = (s[0] == 'v' || s[0] == 'V') ? 1 : 0;
	if (k < len && is_digit((unsigned char)s[k])) {
		for (; k < len && (is_digit((unsigned char)s[k]) ||
		    s[k] == '.' || s[k] == '-' || s[k] == '_' || s[k] == '+' ||
		    s[k] == 'r' || s[k] == 'c'); k++)
			;
		if (k == len)
			return 1;
	}
	/* Go's temporary directories: ollama1054076821 */
	if (len > 6 && strncasecmp(s, "ollama", 6) == 0) {
		for (k = 6; k < len && is_digit((unsigned char)s[k]); k++)
			;
		if (k == len)
			return 1;
	}
	/* libraries and sources: libcudart.so.12, server.go */
	for (t = 0; t < sizeof exts / sizeof *exts; t++)
		if (ends_with(s, len, exts[t]))
			return 1;
	for (k = 0; k + 4 <= len; k++)
		if (strncmp(s + k, ".so.", 4) == 0)
			return 1;
	return 0;
}

/*
 * A component replaced: a log's file name keeps its extensions
 * (server-lab7.log.1.gz -> file1.log.1.gz), a directory is dirN.
 */
static void
emit_component(struct redactor *r, struct buf *out, const char *s,
    size_t len)
{
	static const char *const log_ext[] = {
		".log", ".txt", ".gz", ".csv", ".json", ".ndjson", ".out",
		".err", ".zst", ".xz", ".bz2",
	};
	size_t k, t, stem = 0;

	for (k = 1; k < len && !stem; k++) {
		if (s[k] != '.')
			continue;
		for (t = 0; t < sizeof log_ext / sizeof *log_ext; t++) {
			size_t el = strlen(log_ext[t]);

			if (len - k >= el && strncasecmp(s + k, log_ext[t],
			    el) == 0 && (len - k == el || s[k + el] == '.')) {
				stem = k;
				break;
			}
		}
	}
	if (stem == 0) {
		emit(r, out, K_DIR, s, len);
		return;
	}
	if (stem <= 2 || keep_component(s, stem))
		buf_append(out, s, stem);
	else
		emit(r, out, K_FILE, s, stem);
	buf_append(out, s + stem, len - stem);
}

static int
is_sep(int c)
{
	return c == '/' || c == '\\';
}

/* End of a component after the user's: a space ends it too. */
static size_t
comp_span(const char *s, size_t n, size_t j)
{
	size_t k = j;

	while (k < n && !name_end((unsigned char)s[k]) && s[k] != ' ')
		k++;
	return k;
}

/*
 * The components from s[j] on (j at a separator or at a component), as
 * long as the path goes on: appended to out, each replaced unless kept.
 * user_next: the next component is a user's (after home, Users). Returns
 * where the path ends.
 */
static size_t
path_rest(struct redactor *r, const char *s, size_t n, size_t j,
    int user_next, struct buf *out)
{
	size_t a, e;
	int user_slot;

	for (;;) {
		a = j;
		while (j < n && is_sep((unsigned char)s[j]))
			j++;
		user_slot = user_next && j < n && s[j] != '.';
		e = user_slot ? name_span(s, n, j) : comp_span(s, n, j);
		buf_append(out, s + a, j - a);
		if (e == j)         /* separators with nothing after them */
			return j;
		if (user_slot && !word_in(s + j, e - j, not_users,
		    sizeof not_users / sizeof *not_users) &&
		    !(word_in(s + j, e - j, group_dirs, sizeof group_dirs /
		    sizeof *group_dirs) && is_sep(AT(s, n, e)))) {
			emit(r, out, K_USER, s + j, e - j);
			user_next = 0;
		} else {
			if (user_slot)
				e = comp_span(s, n, j);
			/* group directories (userexternal) keep the user
			 * slot; home and Users open it */
			user_next = (user_next && word_in(s + j, e - j,
			    group_dirs, sizeof group_dirs /
			    sizeof *group_dirs)) ||
			    (e - j == 4 && strncasecmp(s + j, "home", 4) == 0) ||
			    (e - j == 5 && strncasecmp(s + j, "Users", 5) == 0);
			/* a root named by the site (leonardo_work,
			 * calico-nas) names the site: replaced */
			if (keep_component(s + j, e - j) || word_in(s + j,
			    e - j, root_words, sizeof root_words /
			    sizeof *root_words) || word_in(s + j, e - j,
			    group_dirs, sizeof group_dirs / sizeof *group_dirs)
			    || word_in(s + j, e - j, not_users,
			    sizeof not_users / sizeof *not_users))
				buf_append(out, s + j, e - j);
			else
				emit_component(r, out, s + j, e - j);
		}
		j = e;
		if (j >= n || !is_sep((unsigned char)s[j]))
			return j;
	}
}

/* The user name at s[j..) and the path after it: prefix s[i..j) first. */
static size_t
user_at(struct redactor *r, const char *s, size_t n, size_t i, size_t j,
    struct buf *out)
{
	size_t e;

	if (j >= n || s[j] == '.' || s[j] == ' ')
		return 0;
	e = name_span(s, n, j);
	if (e == j || word_in(s + j, e - j, not_users,
	    sizeof not_users / sizeof *not_users))
		return 0;
	if (word_in(s + j, e - j, group_dirs,
	    sizeof group_dirs / sizeof *group_dirs) && AT(s, n, e) == '/') {
		size_t k = user_at(r, s, n, i, e + 1, out);

		if (k > 0)
			return k;
	}
	buf_append(out, s + i, j - i);
	emit(r, out, K_USER, s + j, e - j);
	if (e < n && is_sep((unsigned char)s[e]))
		e = path_rest(r, s, n, e, 0, out);
	return e - i;
}

static size_t
m_home(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	if (s[i] != '/')
		return 0;
	if (n - i > 6 && memcmp(s + i, "/home/", 6) == 0)
		return user_at(r, s, n, i, i + 6, out);
	if (n - i > 7 && memcmp(s + i, "/Users/", 7) == 0)
		return user_at(r, s, n, i, i + 7, out);
	return 0;
}

/*
 * An absolute path with a root of people's files in it (/scratch/...,
 * /leonardo_work/..., /mnt/nas/...): every component replaced unless
 * kept, those before the root too (/leonardo/home/...: a cluster's name).
 */
static size_t
m_abs(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t j, e, a;
	int p = PREV(s, i), rooted = 0;

	if (s[i] != '/' || is_word(p) || p == '.' || p == '-' || p == '/' ||
	    p == '\\' || p == '~' || i + 1 >= n || is_sep(AT(s, n, i + 1)))
		return 0;
	/* is there a root word among the components? */
	for (j = i; j < n && s[j] == '/'; j = e) {
		a = j + 1;
		e = comp_span(s, n, a);
		if (e == a)
			break;
		if (is_root_word(s + a, e - a)) {
			rooted = 1;
			break;
		}
	}
	if (!rooted)
		return 0;
	return path_rest(r, s, n, i, 0, out) - i;
}

static size_t
m_winhome(struct redactor *r, const char *s, size_t n, size_t i,
    struct buf *out)
{
	size_t j = i + 2;

	if (!is_alpha((unsigned char)s[i]) || is_alnum(PREV(s, i)) ||
	    AT(s, n, i + 1) != ':')
		return 0;
	if (j >= n || (s[j] != '\\' && s[j] != '/'))
		return 0;
	while (j < n && (s[j] == '\\' || s[j] == '/'))
		j++;
	if (n - j < 6 || strncasecmp(s + j, "users", 5) != 0 ||
	    (s[j + 5] != '\\' && s[j + 5] != '/'))
		return 0;
	j += 5;
	while (j < n && (s[j] == '\\' || s[j] == '/'))
		j++;
	return user_at(r, s, n, i, j, out);
}

static size_t
m_email(struct redactor *r, const char *s, size_t n, size_t i,
    struct buf *out)
{
	size_t k = i, d, last, labels = 0, t;

	if (!is_alnum((unsigned char)s[i]) || is_local(PREV(s, i)) ||
	    PREV(s, i) == '@')
		return 0;
	while (k < n && is_local((unsigned char)s[k]))
		k++;
	if (k >= n || s[k] != '@')
		return 0;
	d = k + 1;
	last = d;
	for (;;) {
		size_t ls = d;

		while (d < n && (is_alnum((unsigned char)s[d]) || s[d] == '-'))
			d++;
		if (d == ls)
			return 0;
		labels++;
		last = ls;
		if (d + 1 < n && s[d] == '.' && is_alnum((unsigned char)s[d + 1]))
			d++;
		else
			break;
	}
	if (labels < 2 || d - last < 2 || is_word(AT(s, n, d)))
		return 0;
	for (t = last; t < d; t++)
		if (!is_alpha((unsigned char)s[t]))
			return 0;
	emit(r, out, K_EMAIL, s + i, d - i);
	return d - i;
}

static const char *const local_suffixes[] = {
	".localdomain", ".local", ".lan", ".home", ".internal"
};

/* Length of a local-network suffix at s[j..), else 0. */
static size_t
local_suffix(const char *s, size_t n, size_t j)
{
	size_t t, l;

	for (t = 0; t < sizeof local_suffixes / sizeof *local_suffixes; t++) {
		l = strlen(local_suffixes[t]);
		if (n - j >= l && strncasecmp(s + j, local_suffixes[t], l) == 0 &&
		    !is_hostc(AT(s, n, j + l)) &&
		    !(AT(s, n, j + l) == '.' && is_alnum(AT(s, n, j + l + 1))))
			return l;
	}
	return 0;
}

/* A host name from the host columns, as a whole word. */
static size_t
m_host(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t h, l;
	int p = PREV(s, i);

	if (!r->hfirst[(unsigned char)s[i]] || is_hostc(p) || p == '.')
		return 0;
	for (h = 0; h < r->nhosts; h++) {
		l = r->hlen[h];
		/* a one- or two-letter name would hit every such word:
		 * it is replaced in the host columns only */
		if (l < 3 || n - i < l || memcmp(s + i, r->hosts[h], l) != 0 ||
		    is_hostc(AT(s, n, i + l)))
			continue;
		emit(r, out, K_HOST, r->hosts[h], l);
		if (i + l < n && s[i + l] == '.')
			l += local_suffix(s, n, i + l);
		return l;
	}
	return 0;
}

/* NAME.local or NAME.SUB.local (mDNS, site-local DNS), whole. */
static size_t
m_mdns(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t k = i;
	int p = PREV(s, i);

	if (!is_alnum((unsigned char)s[i]) || is_hostc(p) || p == '.')
		return 0;
	while (k < n && (is_alnum((unsigned char)s[k]) || s[k] == '-' ||
	    s[k] == '.'))
		k++;
	while (k > i && s[k - 1] == '.')        /* end of a sentence */
		k--;
	if (k - i < 7 || strncasecmp(s + k - 6, ".local", 6) != 0 ||
	    is_word(AT(s, n, k)))
		return 0;
	emit(r, out, K_HOST, s + i, k - i);
	return k - i;
}

/* Dotted quad at s[i..) (octets <= 255): its length, else 0. */
static size_t
ipv4_len(const char *s, size_t n, size_t i)
{
	size_t k = i;
	int o;

	for (o = 0; o < 4; o++) {
		size_t st = k;
		unsigned v = 0;

		if (o > 0) {
			if (AT(s, n, k) != '.')
				return 0;
			st = ++k;
		}
		while (k < n && is_digit((unsigned char)s[k]) && k - st < 3)
			v = v * 10 + (unsigned)(s[k++] - '0');
		if (k == st || v > 255 || is_digit(AT(s, n, k)))
			return 0;
	}
	return k - i;
}

static int
keep_ipv4(const char *s, size_t n)
{
	if (n == 0 || ipv4_len(s, n, 0) != n)
		return 0;
	return (n > 4 && memcmp(s, "127.", 4) == 0) ||
	    (n > 2 && memcmp(s, "0.", 2) == 0) ||
	    (n > 4 && memcmp(s, "255.", 4) == 0);
}

static size_t
m_ipv4(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t l;
	int p = PREV(s, i);

	if (!is_digit((unsigned char)s[i]) || is_word(p) || p == '.')
		return 0;
	if ((l = ipv4_len(s, n, i)) == 0 || is_word(AT(s, n, i + l)) ||
	    (AT(s, n, i + l) == '.' && is_digit(AT(s, n, i + l + 1))))
		return 0;
	if (keep_ipv4(s + i, l))
		buf_append(out, s + i, l);
	else
		emit(r, out, K_IP, s + i, l);
	return l;
}

/* Is s[0..len) an IPv6 address (RFC 4291 text forms)? */
static int
ipv6_valid(const char *s, size_t len)
{
	size_t k = 0, groups = 0;
	int dbl = 0;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		dbl = 1;
		k = 2;
		if (k == len)
			return 1;
	} else if (len == 0 || s[0] == ':')
		return 0;
	for (;;) {
		size_t st = k;

		while (k < len && is_hex((unsigned char)s[k]))
			k++;
		if (k < len && s[k] == '.') {   /* trailing dotted quad */
			if (ipv4_len(s, len, st) != len - st)
				return 0;
			groups += 2;
			break;
		}
		if (k == st || k - st > 4)
			return 0;
		groups++;
		if (k == len)
			break;
		if (s[k] != ':')
			return 0;
		k++;
		if (k < len && s[k] == ':') {
			if (dbl)
				return 0;
			dbl = 1;
			k++;
			if (k == len)
				break;
		} else if (k == len)
			return 0;
	}
	return dbl ? groups <= 7 : groups == 8;
}

static int
is_mac(const char *s, size_t len)
{
	size_t k;

	if (len != 17)
		return 0;
	for (k = 0; k < 17; k++)
		if (k % 3 == 2 ? s[k] != ':' : !is_hex((unsigned char)s[k]))
			return 0;
	return 1;
}

static size_t
m_ipv6(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t k = i, colons = 0;
	int p = PREV(s, i);

	if ((!is_hex((unsigned char)s[i]) && s[i] != ':') || is_word(p) ||
	    p == ':' || p == '.')
		return 0;
	while (k < n && (is_hex((unsigned char)s[k]) || s[k] == ':' ||
	    s[k] == '.')) {
		colons += s[k] == ':';
		k++;
	}
	if (colons < 2)
		return 0;
	while (k > i && s[k - 1] == '.')        /* end of a sentence */
		k--;
	if (k - i > 2 && s[k - 1] == ':' && s[k - 2] != ':')   /* "addr: " */
		k--;
	if (is_word(AT(s, n, k)))
		return 0;
	if (is_mac(s + i, k - i)) {
		emit(r, out, K_MAC, s + i, k - i);
		return k - i;
	}
	if (!ipv6_valid(s + i, k - i))
		return 0;
	if ((k - i == 2 && memcmp(s + i, "::", 2) == 0) ||
	    (k - i == 3 && memcmp(s + i, "::1", 3) == 0))
		buf_append(out, s + i, k - i);
	else
		emit(r, out, K_IP, s + i, k - i);
	return k - i;
}

/* A term of --redact-terms (or a site name from the environment), as a
 * whole word, any case. */
static size_t
m_term(struct redactor *r, const char *s, size_t n, size_t i, struct buf *out)
{
	size_t t, l;
	unsigned char c = (unsigned char)s[i];

	if (r->nterms == 0 || !r->tfirst[c >= 'A' && c <= 'Z' ? c + 32 : c] ||
	    is_alnum(PREV(s, i)))
		return 0;
	for (t = 0; t < r->nterms; t++) {
		l = strlen(r->terms[t]);
		if (n - i < l || strncasecmp(s + i, r->terms[t], l) != 0 ||
		    is_alnum(AT(s, n, i + l)))
			continue;
		emit(r, out, K_TERM, r->terms[t], l);
		return l;
	}
	return 0;
}

/*
 * A cluster node's name: lrdn0081, nid001234, node17, gpu-node-17,
 * cn0123, compute-4-12 (the prefixes schedulers and sites use, then
 * digits), as a whole word.
 */
static size_t
m_node(struct redactor *r, const char *s, size_t n, size_t i,
    struct buf *out)
{
	static const struct { const char *p; size_t digits; } pre[] = {
		{ "gpu-node-", 1 }, { "cpu-node-", 1 }, { "compute-node-", 1 },
		{ "hpc-node-", 1 }, { "gpunode", 1 }, { "cpunode", 1 },
		{ "compute-", 1 }, { "node-", 1 }, { "node", 2 }, { "lrdn", 3 },
		{ "nid", 5 }, { "cn", 3 }, { "gn", 3 },
	};
	size_t t, k, d, pl;
	int p = PREV(s, i);

	if (!is_alpha((unsigned char)s[i]) || is_hostc(p) || p == '.' ||
	    p == '/')
		return 0;
	for (t = 0; t < sizeof pre / sizeof *pre; t++) {
		pl = strlen(pre[t].p);
		if (n - i <= pl || strncasecmp(s + i, pre[t].p, pl) != 0)
			continue;
		k = i + pl;
		for (d = k; d < n && is_digit((unsigned char)s[d]); d++)
			;
		if (d - k < pre[t].digits)
			continue;
		/* compute-4-12, lrdn0081-ib */
		while (d + 1 < n && s[d] == '-' && is_alnum((unsigned char)
		    s[d + 1])) {
			for (d++; d < n && is_alnum((unsigned char)s[d]); d++)
				;
		}
		if (is_hostc(AT(s, n, d)))
			continue;
		emit(r, out, K_HOST, s + i, d - i);
		return d - i;
	}
	return 0;
}

typedef size_t (*matcher)(struct redactor *, const char *, size_t, size_t,
    struct buf *);

/* First match wins: paths before hosts (a user may share a host's name),
 * hosts before addresses (--host 10.0.0.5 stays a host). */
static const matcher matchers[] = {
	m_ssh, m_keyblob, m_gpu, m_home, m_abs, m_winhome, m_email, m_host,
	m_term, m_mdns, m_node, m_ipv6, m_ipv4
};

/*
 * Redact s[0..n) into out (reset first), using tmp as scratch. Returns 1
 * when the text changed.
 */
static int
redact_text(struct redactor *r, const char *s, size_t n, struct buf *out,
    struct buf *tmp)
{
	size_t i = 0, lit = 0, m, k;
	int changed = 0;

	buf_reset(out);
	while (i < n) {
		k = 0;
		for (m = 0; m < sizeof matchers / sizeof *matchers && k == 0; m++)
			k = matchers[m](r, s, n, i, tmp);
		if (k == 0) {
			i++;
			continue;
		}
		if (!changed) {
			buf_reserve(out, n + 16);
			changed = 1;
		}
		buf_append(out, s + lit, i - lit);
		buf_append(out, tmp->data, tmp->len);
		buf_reset(tmp);
		i += k;
		lit = i;
	}
	if (!changed)
		return 0;
	buf_append(out, s + lit, n - lit);
	/* a kept address (127.0.0.1) is a match that changes nothing */
	return out->len != n || memcmp(out->data, s, n) != 0;
}

/* ----------------------------------------------------------- database */

struct table {
	char   *name;
	char  **cols;       /* text columns, left to right */
	int    *is_host;    /* 1: a column named host (whole value = host) */
	size_t  ncols;
};

static void
tables_free(struct table *t, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < t[i].ncols; j++)
			free(t[i].cols[j]);
		free(t[i].cols);
		free(t[i].is_host);
		free(t[i].name);
	}
	free(t);
}

/* Does type contain word (ASCII, any case)? */
static int
type_has(const char *type, const char *word)
{
	size_t wl = strlen(word);

	for (; *type; type++)
		if (strncasecmp(type, word, wl) == 0)
			return 1;
	return 0;
}

/* Declared type that can hold text: TEXT, VARCHAR, CLOB, none. */
static int
text_affinity(const char *type)
{
	return type == NULL || *type == '\0' || type_has(type, "TEXT") ||
	    type_has(type, "CHAR") || type_has(type, "CLOB");
}

/* The user tables in creation order, with their text columns. */
static int
list_tables(sqlite3 *db, struct table **out, size_t *nout,
    struct olr_err *err)
{
	sqlite3_stmt *st = NULL, *ci = NULL;
	struct table *t = NULL;
	size_t n = 0;
	int rc;

	if (db_prepare(db, "SELECT name FROM main.sqlite_master WHERE "
	    "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "ORDER BY rowid", &st, err) != 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct table *x;

		t = xreallocarray(t, n + 1, sizeof *t);
		x = &t[n++];
		memset(x, 0, sizeof *x);
		x->name = xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	if (db_prepare(db, "SELECT name, type FROM pragma_table_info(?1) "
	    "ORDER BY cid", &ci, err) != 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(ci, 1, t[i].name, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(ci)) == SQLITE_ROW) {
			const char *cn = (const char *)sqlite3_column_text(ci, 0);
			const char *ty = (const char *)sqlite3_column_text(ci, 1);

			if (!text_affinity(ty))
				continue;
			t[i].cols = xreallocarray(t[i].cols, t[i].ncols + 1,
			    sizeof *t[i].cols);
			t[i].is_host = xreallocarray(t[i].is_host,
			    t[i].ncols + 1, sizeof *t[i].is_host);
			t[i].is_host[t[i].ncols] = strcasecmp(cn, "host") == 0 ?
			    1 : strcasecmp(cn, "hosts") == 0 ? 2 : 0;
			t[i].cols[t[i].ncols++] = xstrdup(cn);
		}
		sqlite3_reset(ci);
		if (rc != SQLITE_DONE)
			goto fail;
	}
	sqlite3_finalize(ci);
	*out = t;
	*nout = n;
	return 0;
fail:
	db_fail(db, err, "redact: reading the schema");
out:
	sqlite3_finalize(ci);
	tables_free(t, n);
	return -1;
}

/* Host names from the host columns, numbered by (table, first rowid). */
static int
collect_hosts(sqlite3 *db, struct redactor *r, const struct table *t,
    size_t nt, struct olr_err *err)
{
	size_t i, j;

	for (i = 0; i < nt; i++) {
		for (j = 0; j < t[i].ncols; j++) {
			sqlite3_stmt *st;
			char *sql;
			int rc;

			if (!t[i].is_host[j])
				continue;
			sql = sqlite3_mprintf("SELECT \"%w\", min(rowid) AS r "
			    "FROM \"%w\" WHERE \"%w\" IS NOT NULL GROUP BY 1 "
			    "ORDER BY r", t[i].cols[j], t[i].name, t[i].cols[j]);
			if (sql == NULL)
				xmalloc_die(0);
			rc = db_prepare(db, sql, &st, err);
			sqlite3_free(sql);
			if (rc != 0)
				return -1;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				const char *v = (const char *)
				    sqlite3_column_text(st, 0);
				size_t len = (size_t)sqlite3_column_bytes(st, 0);
				size_t a = 0, b;

				if (t[i].is_host[j] == 1) {
					host_add(r, v, len);
					continue;
				}
				for (b = 0; b <= len; b++)  /* "a,b" lists */
					if (b == len || v[b] == ',') {
						host_add(r, v + a, b - a);
						a = b + 1;
					}
			}
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return db_fail(db, err, "redact: host names");
		}
	}
	return 0;
}

/*
 * Host names the environment names (a server config line, a job script's
 * echo): HOSTNAME=x, SLURMD_NODENAME=x, SLURM_JOB_NODELIST=x[1-4],
 * COMPUTERNAME=x, PBS_O_HOST=x ... (= or :), then replaced wherever they
 * stand, as the journal's host is.
 */
static const char *const env_host_keys[] = {
	"HOSTNAME", "HOST", "NODENAME", "COMPUTERNAME", "SLURMD_NODENAME",
	"SLURM_NODELIST", "SLURM_JOB_NODELIST", "SLURM_STEP_NODELIST",
	"SLURM_SUBMIT_HOST", "SLURM_CLUSTER_NAME", "SLURM_TOPOLOGY_ADDR",
	"PBS_O_HOST", "PBS_NODEFILE", "LSB_HOSTS", "LSB_MCPU_HOSTS",
};

static void
env_hosts_in(struct redactor *r, const char *v, size_t len)
{
	size_t i, k, e, kl, t;

	for (i = 0; i < len; i++) {
		if (v[i] < 'A' || v[i] > 'Z' || (i > 0 && (is_word(
		    (unsigned char)v[i - 1]))))
			continue;
		for (t = 0; t < sizeof env_host_keys / sizeof *env_host_keys;
		    t++) {
			kl = strlen(env_host_keys[t]);
			if (len - i <= kl + 1 || memcmp(v + i,
			    env_host_keys[t], kl) != 0 || (v[i + kl] != '=' &&
			    v[i + kl] != ':'))
				continue;
			k = i + kl + 1;
			if (k < len && (v[k] == '"' || v[k] == '\''))
				k++;
			for (e = k; e < len && (is_hostc((unsigned char)v[e]) ||
			    v[e] == '.'); e++)
				;
			while (e > k && v[e - 1] == '.')
				e--;
			/* a URL (OLLAMA_HOST:http://...) is no host name */
			if (e > k && !(e < len && v[e] == ':' && e + 1 < len &&
			    v[e + 1] == '/'))
				host_add(r, v + k, e - k);
			break;
		}
	}
}

static int
env_hosts(sqlite3 *db, struct redactor *r, const struct table *t, size_t nt,
    struct olr_err *err)
{
	size_t i, j;

	for (i = 0; i < nt; i++) {
		for (j = 0; j < t[i].ncols; j++) {
			sqlite3_stmt *st;
			char *sql;
			int rc;

			if (t[i].is_host[j])
				continue;
			sql = sqlite3_mprintf("SELECT \"%w\" FROM \"%w\" WHERE "
			    "instr(\"%w\", 'HOST') OR instr(\"%w\", 'NODE') "
			    "ORDER BY rowid", t[i].cols[j], t[i].name,
			    t[i].cols[j], t[i].cols[j]);
			if (sql == NULL)
				xmalloc_die(0);
			rc = db_prepare(db, sql, &st, err);
			sqlite3_free(sql);
			if (rc != 0)
				return -1;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW)
				env_hosts_in(r, (const char *)
				    sqlite3_column_text(st, 0), (size_t)
				    sqlite3_column_bytes(st, 0));
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return db_fail(db, err, "redact: host names");
		}
	}
	return 0;
}

/* Rewrite the text columns of one table, row by row in rowid order. */
static int
redact_table(sqlite3 *db, struct redactor *r, const struct table *t,
    struct olr_err *err)
{
	struct buf sql = BUF_INIT, out = BUF_INIT, tmp = BUF_INIT;
	sqlite3_stmt *sel = NULL, *upd = NULL;
	size_t j;
	int rc, ret = -1;

	buf_puts(&sql, "SELECT rowid");
	for (j = 0; j < t->ncols; j++) {
		char *q = sqlite3_mprintf(", \"%w\"", t->cols[j]);

		buf_puts(&sql, q);
		sqlite3_free(q);
	}
	{
		char *q = sqlite3_mprintf(" FROM \"%w\" ORDER BY rowid",
		    t->name);

		buf_puts(&sql, q);
		sqlite3_free(q);
	}
	if (db_prepare(db, buf_str(&sql), &sel, err) != 0)
		goto out;
	buf_reset(&sql);
	{
		char *q = sqlite3_mprintf("UPDATE \"%w\" SET ", t->name);

		buf_puts(&sql, q);
		sqlite3_free(q);
	}
	for (j = 0; j < t->ncols; j++) {
		char *q = sqlite3_mprintf("%s\"%w\" = ?%d", j ? ", " : "",
		    t->cols[j], (int)j + 1);

		buf_puts(&sql, q);
		sqlite3_free(q);
	}
	buf_printf(&sql, " WHERE rowid = ?%d", (int)t->ncols + 1);
	if (db_prepare(db, buf_str(&sql), &upd, err) != 0)
		goto out;

	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		int any = 0;

		for (j = 0; j < t->ncols; j++) {
			int c = (int)j + 1;
			const char *v;
			size_t len;
			unsigned num;

			if (sqlite3_column_type(sel, c) != SQLITE_TEXT) {
				sqlite3_bind_value(upd, c,
				    sqlite3_column_value(sel, c));
				continue;
			}
			v = (const char *)sqlite3_column_text(sel, c);
			len = (size_t)sqlite3_column_bytes(sel, c);
			if (t->is_host[j] == 1 && len > 0 &&
			    !host_is_public(v, len)) {
				/* the whole value is a host: no scanning */
				num = map_get(r, K_HOST, v, len);
				buf_reset(&out);
				buf_printf(&out, "host%u", num);
				any |= out.len != len ||
				    memcmp(out.data, v, len) != 0;
			} else if (redact_text(r, v, len, &out, &tmp))
				any = 1;
			else {
				sqlite3_bind_value(upd, c,
				    sqlite3_column_value(sel, c));
				continue;
			}
			if (sqlite3_bind_text(upd, c, out.data, (int)out.len,
			    SQLITE_TRANSIENT) != SQLITE_OK) {
				db_fail(db, err, "redact: bind");
				goto out;
			}
		}
		if (!any) {
			sqlite3_clear_bindings(upd);
			continue;
		}
		sqlite3_bind_int64(upd, (int)t->ncols + 1,
		    sqlite3_column_int64(sel, 0));
		if (sqlite3_step(upd) != SQLITE_DONE) {
			olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db,
			    "main"), 0, "redact: table %s: %s", t->name,
			    sqlite3_errmsg(db));
			goto out;
		}
		sqlite3_reset(upd);
		sqlite3_clear_bindings(upd);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, err, "redact: reading rows");
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(sel);
	sqlite3_finalize(upd);
	buf_free(&sql);
	buf_free(&out);
	buf_free(&tmp);
	return ret;
}

/* PRAGMA secure_delete's current value (0/1), or -1. */
static int
secure_delete_get(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA main.secure_delete", -1, &st,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int
redact_database(sqlite3 *db, struct olr_err *err)
{
	return redact_database_terms(db, NULL, 0, err);
}

static int
longest_first(const void *a, const void *b)
{
	size_t la = strlen(*(const char *const *)a);
	size_t lb = strlen(*(const char *const *)b);

	return la < lb ? 1 : la > lb ? -1 : strcmp(*(const char *const *)a,
	    *(const char *const *)b);
}

int
redact_database_terms(sqlite3 *db, const char *const *terms, size_t nterms,
    struct olr_err *err)
{
	struct redactor r;
	const char **sorted = NULL;
	struct table *t = NULL;
	size_t nt = 0, i;
	int secure, ret = -1;

	if (!sqlite3_get_autocommit(db)) {
		olr_err_set(err, OLR_E_DB, sqlite3_db_filename(db, "main"), 0,
		    "redact: the database is inside a transaction");
		return -1;
	}
	memset(&r, 0, sizeof r);
	if (nterms > 0) {
		size_t k;

		sorted = xreallocarray(NULL, nterms, sizeof *sorted);
		for (k = 0; k < nterms; k++) {
			unsigned char c = (unsigned char)terms[k][0];

			sorted[r.nterms] = terms[k];
			if (c != '\0') {
				r.tfirst[c >= 'A' && c <= 'Z' ? c + 32 : c] = 1;
				r.nterms++;
			}
		}
		qsort(sorted, r.nterms, sizeof *sorted, longest_first);
		r.terms = sorted;
	}
	secure = secure_delete_get(db);
	/* freed cells and pages are zeroed as the rows are rewritten */
	if (db_exec(db, "PRAGMA main.secure_delete = ON; BEGIN", err) != 0)
		goto out;
	if (list_tables(db, &t, &nt, err) != 0 ||
	    collect_hosts(db, &r, t, nt, err) != 0 ||
	    env_hosts(db, &r, t, nt, err) != 0)
		goto rollback;
	for (i = 0; i < nt; i++)
		if (t[i].ncols > 0 && redact_table(db, &r, &t[i], err) != 0)
			goto rollback;
	if (db_exec(db, "COMMIT", err) != 0)
		goto rollback;
	/* rebuild the file: no page keeps the old text */
	if (db_exec(db, "VACUUM", err) != 0)
		goto out;
	ret = 0;
	goto out;
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
out:
	if (secure == 0)
		sqlite3_exec(db, "PRAGMA main.secure_delete = OFF", NULL, NULL,
		    NULL);
	tables_free(t, nt);
	redactor_free(&r);
	free(sorted);
	return ret;
}
