#!/bin/sh
# run-redact-corpus.sh - --redact over every real log of ../shared/corpus:
# every identifier candidate the logs show is absent from every output
# (database dump, index.html, report.md, the workbook's cells; the charts
# are drawn from the database). Candidates, extracted here without the
# redactor's rules:
#   - path components under a home, scratch, work, project or storage root
#     (the three after the root, and those before it), but the names
#     Ollama and the OS give (the list below);
#   - the journal's host names; node names (lrdn0081 ...);
#   - IPv4 addresses but loopback, 0.x and masks; e-mail addresses.
# Skipped when the corpus is absent.
. "$(dirname "$0")/setup.sh"
# (a sanitizer build: the leak checker's summary of its suppressions is
# not a message of the program's)
LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
export LSAN_OPTIONS

corpus="$OLR_SRCDIR/../shared/corpus"
if [ ! -d "$corpus" ]; then
  echo "SKIP: no corpus at $corpus"
  exit 77
fi
cd "$corpus" || exit 1
"$OLR_BIN" -q --redact *.log -o "$tmp/red" 2> "$tmp/err"; rc=$?
[ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && ok ||
  bad "--redact corpus: exit $rc: $(head -c 300 "$tmp/err")"

# the outputs, as text
{ "$OLR_DBDUMP" "$tmp/red/ollama.db"; cat "$tmp/red/index.html" "$tmp/red/report.md"
  if command -v unzip > /dev/null 2>&1; then unzip -p "$tmp/red/report.xlsx"; fi
} > "$tmp/out.txt"

# names Ollama, the OS and tool chains give, kept on purpose
keep='^(\.ollama|ollama|models|blobs|manifests|lib|lib64|bin|runners|cuda_v1[123]|rocm|cpu|metal|vulkan|llama|llama\.cpp|ggml|build|usr|local|share|opt|tmp|var|etc|logs|log|AppData|Local|Roaming|Programs|Temp|Library|com\.termux|files|go|pkg|mod|src|cmd|server|llm|runner|ml|backend|runtime|\.local|\.config|\.linuxbrew|homebrew|Cellar|hostedtoolcache|amd64|arm64|work|scratch|home|Users|data|shared|apps|venv|results|userexternal|Shared|Public|project|projects|jobs|mnt|gpfs|lustre|storage|nfs|id_ed25519|ollama_llama_server|llama-server|sha256-[0-9a-f]+|[0-9.]+|ollama[0-9]+|.{1,2}|.*\.(go|c|cpp|h|cu|so|dll|dylib|exe)|.*\.so\.[0-9.]+)$'

# path components under a root
comp='[^]/ "'"'"':,;=()[]+'
grep -ahoE "(/[A-Za-z0-9._-]*(home|Users|scratch|work|project|gpfs|lustre|nas|store|data)[A-Za-z0-9._-]*)(/$comp){1,3}|[A-Za-z]:\\\\+Users\\\\+[^\\\\ \"]+" *.log |
  tr '/\\' '\n\n' | grep -vE "$keep" | grep -vE '^[A-Za-z]:$' | sort -u > "$tmp/paths.txt"
# the components before the root (/leonardo/home/...)
grep -ahoE '(/[A-Za-z0-9._-]+)+/(home|scratch|work)/' *.log | tr '/' '\n' |
  grep -vE "$keep" | sort -u >> "$tmp/paths.txt"
# journal hosts, node names
grep -ahoE '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9:]{8} [^ ]+ ' *.log | awk '{ print $4 }' |
  sort -u > "$tmp/hosts.txt"
grep -ahoE '\b(lrdn[0-9]+|nid[0-9]{5,}|gpu-node-[0-9]+)\b' *.log | sort -u >> "$tmp/hosts.txt"
# addresses
grep -ahoE '\b([0-9]{1,3}\.){3}[0-9]{1,3}\b' *.log |
  grep -vE '^(127\.|0\.|255\.)' | sort -u > "$tmp/ips.txt"
grep -ahoE '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}' *.log |
  sort -u > "$tmp/emails.txt"

n=0
while IFS= read -r c; do
  [ -n "$c" ] || continue
  n=$((n + 1))
  # as a path component: after a separator, up to one or the end of a word
  if grep -aqF -e "/$c" -e "\\$c" "$tmp/out.txt" &&
     grep -aoF -e "/$c" -e "\\$c" "$tmp/out.txt" | head -1 > /dev/null &&
     grep -aE "[/\\\\]$(printf '%s' "$c" | sed 's/[].[^$*+?(){}|\\]/\\&/g')([/\\\\\"' :,;)]|$)" \
       "$tmp/out.txt" > "$tmp/hit.txt"; then
    bad "path component '$c' survives: $(head -c 200 "$tmp/hit.txt")"
  else ok; fi
done < "$tmp/paths.txt"
for f in hosts ips emails; do
  while IFS= read -r c; do
    [ -n "$c" ] || continue
    n=$((n + 1))
    if grep -awF "$c" "$tmp/out.txt" > "$tmp/hit.txt"; then
      bad "$f: '$c' survives: $(head -c 200 "$tmp/hit.txt")"
    else ok; fi
  done < "$tmp/$f.txt"
done
# the candidates were found (a broken extraction would pass vacuously)
[ "$n" -ge 40 ] && ok || bad "only $n identifier candidates extracted"
echo "$n identifier candidates checked"
[ -n "${SHOW_CANDIDATES:-}" ] && cat "$tmp/paths.txt" "$tmp/hosts.txt" "$tmp/ips.txt" "$tmp/emails.txt" | tr "\n" " "
finish
