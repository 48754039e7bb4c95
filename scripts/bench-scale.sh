#!/usr/bin/env bash
# Sign-in at scale: latency and throughput with up to a million stored passkeys on PostgreSQL, the plans of the SQL a
# sign-in runs, storage per row, and heap per entry of the in-memory stores. Writes benchmarks/scale-<date>[-label].md
# (commit it with the change it measures). Not part of the test run.
#
#   ./scripts/bench-scale.sh [--passkeys 1000000] [--per-account 2] [--accounts 100] [--signins 2000] [--threads 2]
#                            [--pending 100000] [--warmup 60] [--label smoke] [--no-build]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./scripts/bench-scale.sh      on JDK 25
#
# Starts its own PostgreSQL with scripts/postgres.sh (PASSKEYS_PG_DIR, default /tmp/passkeys-pg-scale, and
# PASSKEYS_PG_PORT, default 55439; stopped at the end unless it was running before), drops and re-creates our tables
# from schema-postgresql.sql, and registers --accounts accounts with --per-account passkeys each through the real
# registration path (software authenticators holding real ES256 keys). Then, at 1,000 / 100,000 / 1,000,000 stored
# passkeys (those below --passkeys, and --passkeys itself), it bulk-loads the rest (INSERT ... SELECT generate_series,
# --per-account passkeys per bulk account, all with one real COSE key), runs VACUUM ANALYZE, and measures in-process
# (after --warmup seconds of sign-ins for the JIT before the first size, and --signins / 4 before each),
# the real core over our JDBC stores and a HikariCP pool (no HTTP): a username-less sign-in's finish (--signins, one
# thread, each finish timed; then --threads threads on responses signed beforehand), options (writes nothing), and
# username-first options (lists an account's passkeys) for the measured accounts and for random bulk accounts. At the
# largest size it runs EXPLAIN (ANALYZE, BUFFERS) on every statement one finish and one username-first options really
# run (captured from the JDBC driver, so a change to the stores' SQL shows), then sizes the tables per row with
# --pending pending ceremonies (2,000 made by the real path, copied by SQL) and as many used-challenge rows. Last, a
# second JVM (-XX:+UseSerialGC) measures heap per entry of the in-memory stores over 100,000 entries.
# About 5 minutes at the defaults on a 2-core machine, most of it the million-row load.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
say() { echo "bench-scale.sh: $*" >&2; }

passkeys=1000000 per_account=2 accounts=100 signins=2000 threads=2 pending=100000 warmup=60 label="" build=true
command_line="scripts/bench-scale.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case "$1" in
    --passkeys) passkeys=$2; shift 2 ;;
    --per-account) per_account=$2; shift 2 ;;
    --accounts) accounts=$2; shift 2 ;;
    --signins) signins=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --pending) pending=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    *) say "unknown option $1 (see the comment at the top of this script)"; exit 2 ;;
  esac
done

. scripts/lib/java.sh # sets java and jdk

if [ "$build" = true ]; then
  say "building passkeys-benchmarks and what it needs (no tests)"
  mvn -q -B -ntp -pl passkeys-benchmarks -am package -DskipTests -Dspotless.check.skip=true \
    dependency:build-classpath -Dmdep.outputFile=target/scale-classpath.txt >&2
fi
classpath="$root/passkeys-benchmarks/target/classes:$(cat "$root/passkeys-benchmarks/target/scale-classpath.txt")"

export PASSKEYS_PG_DIR=${PASSKEYS_PG_DIR:-/tmp/passkeys-pg-scale} PASSKEYS_PG_PORT=${PASSKEYS_PG_PORT:-55439}
was_running=false
if scripts/postgres.sh status 2>/dev/null; then was_running=true; fi
eval "$(scripts/postgres.sh)"
work=$(mktemp -d)
cleanup() {
  rm -rf "$work"
  if [ "$was_running" = false ]; then scripts/postgres.sh stop || true; fi
}
trap cleanup EXIT

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
began=$(date +%s)
say "measuring up to $passkeys passkeys on $PASSKEYS_TEST_POSTGRES_URL"
"$java" -Xmx1g -cp "$classpath" io.github.passkeys4j.benchmarks.scale.ScaleBench \
  --url "$PASSKEYS_TEST_POSTGRES_URL" --user "$PASSKEYS_TEST_POSTGRES_USER" \
  --password "$PASSKEYS_TEST_POSTGRES_PASSWORD" --passkeys "$passkeys" --per-account "$per_account" \
  --accounts "$accounts" --signins "$signins" --threads "$threads" --pending "$pending" --warmup "$warmup" >"$work/scale.md"
say "heap per entry of the in-memory stores"
"$java" -XX:+UseSerialGC -Xmx2g -cp "$classpath" io.github.passkeys4j.benchmarks.scale.HeapFootprint 100000 \
  >"$work/heap.md"
elapsed=$(( $(date +%s) - began ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//')
memory=$(awk '/^MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
results=$root/benchmarks/scale-$(date -u +%Y-%m-%d)${label:+-$label}.md
{
  echo "# Sign-in at scale on PostgreSQL"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $commit"
  echo "- machine: $cpu, $(nproc) cores, $memory RAM; load average before $load_before, after $load_after"
  echo "- JDK: $("$java" -version 2>&1 | head -2 | tail -1)"
  echo "- command: \`$command_line\` (took ${elapsed} s)"
  echo
  echo "In-process: the real core over our JDBC stores (HikariCP, PostgreSQL on the same machine, over TCP on"
  echo "loopback), no HTTP. A finish includes the ES256 verification and every SQL round trip; the responses are"
  echo "signed by software authenticators holding the measured passkeys' keys, outside the timing. The generator,"
  echo "the library and PostgreSQL share the machine's cores, so the throughput is the whole system's on them."
  echo "Other jobs on the machine show in the load average: compare the p50s across sizes (one run); p99s, maxima"
  echo "and throughput swing with that load. The finishes use the real passkeys, whose rows stay in PostgreSQL's"
  echo "buffer cache once used; username-first options for random accounts read rows from all over the tables"
  echo "(\`read=\` in their plans: from the OS page cache when the tables fit in RAM)."
  echo
  cat "$work/scale.md"
  echo
  echo "### Heap per entry of the in-memory stores"
  echo
  echo "The used heap after full GCs (-XX:+UseSerialGC), before and after the entries, divided by their number;"
  echo "everything the store (and the relying party around it) keeps for them."
  echo
  cat "$work/heap.md"
} >"$results"
say "figures written to $results"
cat "$results"
