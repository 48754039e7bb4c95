#!/usr/bin/env bash
# A/B of demo builds: two or more jars of passkeys-demo side by side in one run of the HTTP benchmark's generator,
# pinned and interleaved as scripts/bench.sh does, so a change is measured against the build before it on the same
# machine at the same time. Writes benchmarks/ab-jdk<N>-<date>[-<label>].md.
#
#   ./scripts/bench-ab.sh [--warmup 120s] [--measure 30s] [--clients 4,16] [--label spent] NAME=JAR[::ARGS] ...
#   e.g. cp passkeys-demo/target/passkeys-demo-0.1.0-SNAPSHOT.jar /tmp/before.jar; (change, then)
#        mvn -q -pl passkeys-demo -am package -DskipTests; cp passkeys-demo/target/*-SNAPSHOT.jar /tmp/after.jar
#        ./scripts/bench-ab.sh before=/tmp/before.jar after=/tmp/after.jar
#   ARGS after "::" are extra arguments for that jar's app, e.g. to measure a setting against the same build:
#        ./scripts/bench-ab.sh plain=/tmp/a.jar "virtual=/tmp/a.jar::--spring.threads.virtual.enabled=true"
#
# Every jar runs on CPU 0 with the bench profile (in-memory H2) and bench.sh's heap and flags; the generator on CPU 1.
# Needs the generator built (scripts/bench.sh builds it; --no-build runs reuse it). Nothing else should run meanwhile.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
say() { echo "bench-ab.sh: $*" >&2; }

warmup=120s measure=30s clients=4,16 round=10s heap=512m label=""
command_line="scripts/bench-ab.sh${*:+ $*}"
jars=()
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup=$2; shift 2 ;;
    --measure) measure=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --*) say "unknown option $1 (see the comment at the top of this script)"; exit 2 ;;
    *=*) jars+=("$1"); shift ;;
    *) say "not NAME=JAR: $1"; exit 2 ;;
  esac
done
[ ${#jars[@]} -ge 2 ] || { say "give at least two NAME=JAR"; exit 2; }

. scripts/lib/java.sh # sets java and jdk
[ "$(nproc)" -ge 2 ] || { say "needs two CPUs"; exit 2; }
classpath_file=$root/passkeys-benchmarks/target/bench-classpath.txt
[ -f "$classpath_file" ] || { say "build the generator first: scripts/bench.sh builds it"; exit 2; }
generator_cp="$root/passkeys-benchmarks/target/classes:$(cat "$classpath_file")"

work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"' EXIT
port=18181
targets=()
for spec in "${jars[@]}"; do
  name=${spec%%=*} jar=${spec#*=} extra=()
  case "$jar" in *::*) read -r -a extra <<<"${jar#*::}"; jar=${jar%%::*} ;; esac
  [ -f "$jar" ] || { say "no such jar: $jar"; exit 2; }
  if curl -s -o /dev/null "http://localhost:$port/"; then say "port $port is taken"; exit 1; fi
  taskset -c 0 "$java" -Xms"$heap" -Xmx"$heap" -jar "$jar" --server.port="$port" \
    --server.servlet.session.timeout=1m --spring.profiles.active=bench ${extra[@]+"${extra[@]}"} >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { say "$name did not start:"; tail -20 "$work/$name.log" >&2; exit 1; }
    sleep 0.1
  done
  say "$name up (pid $pid, port $port)"
  targets+=(--target "name=$name,kind=passkeys4j,origin=http://localhost:$port,pid=$pid")
  port=$((port + 1))
done

taskset -c 1 "$java" -Xmx512m -cp "$generator_cp" io.github.passkeys4j.benchmarks.http.HttpBench "${targets[@]}" \
  --clients "$clients" --warmup "$warmup" --measure "$measure" --round "$round" --passkeys 16 \
  --clk-tck "$(getconf CLK_TCK)" >"$work/report.md"

results=$root/benchmarks/ab-jdk$jdk-$(date -u +%Y-%m-%d)${label:+-$label}.md
{
  echo "# A/B of demo builds, JDK $jdk${label:+ ($label)}"
  echo
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "- machine: $(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//'), $(nproc) cores"
  echo "- JDK: $("$java" -version 2>&1 | sed -n 2p); every jar on CPU 0 (-Xms$heap -Xmx$heap, profile bench), generator on CPU 1"
  echo "- command: \`${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }$command_line\`"
  echo
  cat "$work/report.md"
} >"$results"
say "figures written to $results"
cat "$results"
