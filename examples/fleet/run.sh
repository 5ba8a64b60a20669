#!/usr/bin/env bash
# examples/fleet/run.sh -- the weekly capacity review of a fleet, in ClickHouse.
#
# ollama-logreport is the per-host map step: it reads one host's logs into
# a database and exports every table as NDJSON (--export ndjson, host on
# every row). This script loads many hosts' exports into ClickHouse and runs
# the review there, in ClickHouse SQL: per host and GPU (peak VRAM in use,
# loads, failed, out of memory), week over week (loads, failed, OOM,
# nearest-rank p50/p95 load time, requests, 5xx), and requests per day and
# endpoint (count, 4xx, 5xx, p95 latency). It then computes the same numbers
# from the tool's own database of all hosts (sqlite3) and compares them.
#
#     examples/fleet/run.sh                 # the synthetic fleet of the tests
#     examples/fleet/run.sh a.log b.log ... # one host per log (or per --db)
#
# Needs: ollama-logreport (./ollama-logreport or on PATH), Debian's
# clickhouse-server and clickhouse-client (started here on 127.0.0.1:19000,
# data in a temporary directory), sqlite3. Nothing leaves this machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

OLR=${OLR:-./ollama-logreport}
[ -x "$OLR" ] || OLR=$(command -v ollama-logreport)
for c in clickhouse-server clickhouse-client sqlite3; do
  command -v "$c" > /dev/null || { echo "fleet: needs $c (apt-get install clickhouse-server clickhouse-client sqlite3)" >&2; exit 2; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/olr-fleet.XXXXXX")
chpid=
cleanup() { [ -n "$chpid" ] && kill "$chpid" 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT

# 1. the logs: one per host (default: the synthetic fleet of the tests)
if [ $# -eq 0 ]; then
  awk -v out="$work" -f tests/data/fleet/gen.awk tests/data/fleet/spec.txt
  set -- "$work"/gpu-*.log
fi

# 2. the map step: each host on its own, exported as NDJSON
n=0
for log in "$@"; do
  n=$((n + 1))
  "$OLR" -q "$log" --db "$work/host$n.db" --export ndjson "$work/host$n"
done
"$OLR" -q "$@" --db "$work/all.db"          # the tool's own view of all hosts

# 3. ClickHouse on 127.0.0.1:19000, data in $work/ch
mkdir -p "$work/ch"
sed -e "s|/var/lib/clickhouse/|$work/ch/|g" \
    -e "s|/var/log/clickhouse-server/|$work/ch/|g" \
    -e 's|<tcp_port>9000</tcp_port>|<tcp_port>19000</tcp_port>|' \
    -e 's|<http_port>8123</http_port>|<http_port>18123</http_port>|' \
    -e 's|<interserver_http_port>9009</interserver_http_port>|<interserver_http_port>19009</interserver_http_port>|' \
    -e 's|<listen_host>::1</listen_host>||' \
    /etc/clickhouse-server/config.xml > "$work/ch/config.xml"
cp /etc/clickhouse-server/users.xml "$work/ch/users.xml"
clickhouse-server --config-file="$work/ch/config.xml" > "$work/ch/stdout" 2>&1 &
chpid=$!
ch() { clickhouse-client --host 127.0.0.1 --port 19000 "$@"; }
for i in $(seq 1 60); do ch --query 'SELECT 1' > /dev/null 2>&1 && break; sleep 0.5; done
ch --query 'SELECT 1' > /dev/null || { echo "fleet: clickhouse-server did not start" >&2; tail "$work/ch/stdout" >&2; exit 1; }

# 4. the tables the review reads, from every host's export
ch --multiquery --query "
CREATE TABLE loads (host Nullable(String), id Int64, name Nullable(String),
  outcome String, oom Nullable(Int64), load_seconds Nullable(Float64),
  started_at Nullable(String), ended_at Nullable(String)) ENGINE = Memory;
CREATE TABLE vram_updates (host Nullable(String), source_id Int64,
  gpu_id Nullable(String), ts Nullable(String), total_bytes Nullable(Int64),
  free_bytes Nullable(Int64), available_bytes Nullable(Int64)) ENGINE = Memory;
CREATE TABLE requests (host Nullable(String), ts Nullable(String),
  status Nullable(Int64), latency_s Nullable(Float64), path Nullable(String))
  ENGINE = Memory;"
for d in "$work"/host*/; do
  for t in loads vram_updates requests; do
    ch --input_format_skip_unknown_fields=1 \
      --query "INSERT INTO $t FORMAT JSONEachRow" < "$d/$t.ndjson"
  done
done

# 5. the review, in both: ClickHouse over the exports, SQLite over the
#    tool's own database; nearest-rank percentiles in both
ch_review() {
  ch --format TSV --query "
SELECT 'host', ifNull(host, '?'), count(), countIf(outcome = 'failed'),
  countIf(ifNull(oom, 0) = 1) FROM loads GROUP BY host ORDER BY 2"
  ch --format TSV --query "
SELECT 'vram', ifNull(host, '?'), ifNull(gpu_id, ''),
  max(total_bytes - ifNull(free_bytes, available_bytes))
FROM vram_updates WHERE total_bytes IS NOT NULL GROUP BY host, gpu_id ORDER BY 2, 3"
  ch --format TSV --query "
SELECT 'week', toISOYear(d) AS y, toISOWeek(d) AS w, count(),
  countIf(outcome = 'failed'), countIf(ifNull(oom, 0) = 1),
  length(arrayFilter(x -> x >= 0, groupArray(ifNull(if(outcome = 'ok', load_seconds, NULL), -1)))) AS n,
  arraySort(arrayFilter(x -> x >= 0, groupArray(ifNull(if(outcome = 'ok', load_seconds, NULL), -1)))) AS s
FROM (SELECT toDate(substring(assumeNotNull(coalesce(started_at, ended_at)), 1, 10)) AS d,
  outcome, oom, load_seconds FROM loads WHERE coalesce(started_at, ended_at) IS NOT NULL)
GROUP BY y, w ORDER BY y, w" |
  awk -F'\t' -v OFS='\t' '{ s = $8; gsub(/[][]/, "", s); k = split(s, v, ",");
    p50 = k ? v[(i = int(0.5 * k + 0.999999)) < 1 ? 1 : i] : "-";
    p95 = k ? v[(i = int(0.95 * k + 0.999999)) < 1 ? 1 : i] : "-";
    print $1, $2, $3, $4, $5, $6, $7, (k ? sprintf("%.3f", p50) : "-"), (k ? sprintf("%.3f", p95) : "-") }'
  ch --format TSV --query "
SELECT 'requests', substring(assumeNotNull(ts), 1, 10) AS day, ifNull(path, ''), count(),
  countIf(status >= 400 AND status < 500), countIf(status >= 500)
FROM requests WHERE ts IS NOT NULL GROUP BY day, path ORDER BY day, path"
}
sq_review() {
  sqlite3 -separator '	' "$work/all.db" "
SELECT 'host', coalesce(l.host, s.host, '?'), count(*), sum(outcome = 'failed'),
  sum(coalesce(oom, 0) = 1) FROM loads l JOIN sources s ON s.id = l.source_id
  GROUP BY 2 ORDER BY 2;
SELECT 'vram', coalesce(s.host, '?'), coalesce(gpu_id, ''),
  max(total_bytes - coalesce(free_bytes, available_bytes))
  FROM vram_updates v JOIN sources s ON s.id = v.source_id
  WHERE total_bytes IS NOT NULL GROUP BY 2, 3 ORDER BY 2, 3;
SELECT 'requests', substr(ts, 1, 10) AS day, coalesce(path, ''), count(*),
  sum(status >= 400 AND status < 500), sum(status >= 500)
  FROM requests WHERE ts IS NOT NULL GROUP BY day, path ORDER BY day, path;"
  # weeks: ISO year and week from the start date, nearest-rank in awk
  sqlite3 -separator '	' "$work/all.db" "
SELECT date(coalesce(started_at, ended_at)), outcome, coalesce(oom, 0),
  CASE WHEN outcome = 'ok' THEN load_seconds END FROM loads
  WHERE coalesce(started_at, ended_at) IS NOT NULL" |
  while IFS='	' read -r d o m s; do
    printf '%s\t%s\t%s\t%s\n' "$(date -u -d "$d" +%G%t%V | tr '\t' ' ')" "$o" "$m" "$s"
  done | awk -F'\t' -v OFS='\t' '{ split($1, yw, " "); k = yw[1] "\t" yw[2] + 0;
      n[k]++; f[k] += ($2 == "failed"); o[k] += ($3 == 1);
      if ($4 != "") { t[k] = t[k] (t[k] == "" ? "" : " ") $4; c[k]++ } }
    END { for (k in n) { m = c[k] + 0; split(t[k], v, " ");
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] + 0 < v[i] + 0) { x = v[i]; v[i] = v[j]; v[j] = x }
      p50 = m ? sprintf("%.3f", v[(i = int(0.5 * m + 0.999999)) < 1 ? 1 : i]) : "-";
      p95 = m ? sprintf("%.3f", v[(i = int(0.95 * m + 0.999999)) < 1 ? 1 : i]) : "-";
      print "week", k, n[k], f[k], o[k], m, p50, p95 } }' | sort -k2,2n -k3,3n
}
ch_review | sort > "$work/clickhouse.tsv"
sq_review | sort > "$work/sqlite.tsv"
echo "== the review in ClickHouse, over $n hosts' NDJSON exports"
cat "$work/clickhouse.tsv"
if diff -u "$work/sqlite.tsv" "$work/clickhouse.tsv" > "$work/diff"; then
  echo "== the same numbers as ollama-logreport's own database: yes ($(wc -l < "$work/clickhouse.tsv") rows)"
else
  echo "== differs from ollama-logreport's own database:"; cat "$work/diff"; exit 1
fi
