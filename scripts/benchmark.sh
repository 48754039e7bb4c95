#!/usr/bin/env bash
# The benchmark command: measures the server's side of the core's ceremonies with JMH and writes the figures to
# benchmarks/results.txt (commit it with the change it measures).
#
#   ./scripts/benchmark.sh [JMH arguments]      e.g. ./scripts/benchmark.sh -r 5s -p users=10000 finishRegistration
#
# Builds passkeys-core and passkeys-benchmarks (no tests), then runs every benchmark twice, for throughput (ops/s)
# and for average time (us/op), each in one forked JVM with the warmup and measured iterations its annotations give
# (3-8 warmups of 2 s, 5 measured iterations of 1-2 s): about 4 minutes in all. JMH arguments apply to every
# benchmark and override those settings (-f, -wi, -w, -i, -r, -p users=N, …) or pick benchmarks by regular
# expression; -bm, -tu, -rf and -rff are this script's. BENCHMARK_RESULTS=path writes the figures elsewhere.
# JMH's progress goes to the terminal.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
results=${BENCHMARK_RESULTS:-$root/benchmarks/results.txt}
classpath_file=$root/passkeys-benchmarks/target/benchmark-classpath.txt

say() { echo "benchmark.sh: $*" >&2; }

for arg in "$@"; do
  case "$arg" in
    -bm|-tu|-rf|-rff|-o) say "$arg is set by this script (it runs thrpt in ops/s, then avgt in us/op)"; exit 2 ;;
  esac
done

say "building passkeys-core and passkeys-benchmarks"
# The classpath file is written by each module of the reactor in turn; passkeys-benchmarks, built last, wins.
mvn -q -B -ntp -pl passkeys-benchmarks -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
classpath="$root/passkeys-benchmarks/target/classes:$(cat "$classpath_file")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jmh() { # mode, time unit, result file, then the caller's arguments
  local mode=$1 unit=$2 file=$3
  shift 3
  java -cp "$classpath" org.openjdk.jmh.Main -bm "$mode" -tu "$unit" -rf text -rff "$file" "$@" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
started=$(date +%s)
say "throughput (ops/s)"
jmh thrpt s "$work/thrpt.txt" "$@"
say "average time (us/op)"
jmh avgt us "$work/avgt.txt" "$@"
elapsed=$(( $(date +%s) - started ))
load_after=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
cpu=$(grep -m1 '^model name' /proc/cpuinfo 2>/dev/null | sed 's/^model name[[:space:]]*:[[:space:]]*//' || true)

mkdir -p "$(dirname "$results")"
{
  echo "# Passkeys for Java: benchmarks of passkeys-core (JMH), written by scripts/benchmark.sh"
  echo "# date:     $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# commit:   $commit"
  echo "# cpu:      ${cpu:-unknown}, $(nproc) cores; load average before: $load_before, after: $load_after"
  java -version 2>&1 | sed 's/^/# java:     /'
  echo "# command:  scripts/benchmark.sh${*:+ $*} (benchmarks took ${elapsed}s)"
  echo "# settings: 1 fork each; warmup and measured iterations per benchmark (passkeys-benchmarks), unless overridden"
  echo "# The server's work only: the browser's responses are made in setup. rpId example.com, in-memory storage,"
  echo "# 'users' accounts with one passkey each. Error: 99.9% confidence interval (noisy on shared machines)."
  echo
  echo "## Throughput (higher is better)"
  cat "$work/thrpt.txt"
  echo
  echo "## Average time per operation (lower is better)"
  cat "$work/avgt.txt"
} > "$results"
say "figures written to $results (${elapsed}s of benchmarks)"
cat "$results"
