#!/usr/bin/env bash
# The HTTP benchmark: our demo against Spring Security 7's built-in passkeys (passkeys-bench-baseline) and a floor
# (passkeys-bench-floor: the same three requests doing nothing but one ES256 check), side by side in one run, and
# writes the figures to benchmarks/http-jdk<N>-<date>[-<label>].md (commit it with the change it measures).
#
#   ./scripts/bench.sh [--warmup 240s] [--measure 60s] [--clients 1,4,16] [--round 10s] [--passkeys 16]
#                      [--heap 512m] [--step-costs 4] [--label smoke] [--no-build] [--jfr DIR]
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./scripts/bench.sh      the apps and the generator on JDK 25
#
# Builds the three apps and the load generator (passkeys-benchmarks) with Maven, no tests. Starts each app in turn,
# pinned to CPU 0 (taskset), with the same heap and flags, in-memory H2 for both passkey apps, and times its start-up
# to the first 200 on /login. The generator runs on CPU 1: it registers --passkeys passkeys per app through the app's
# own endpoints (after a password sign-in), warms each app up for --warmup (the JIT needs 3-4 minutes on one core),
# then at each client count measures complete sign-ins by first-time visitors (login page for the CSRF token,
# options, an ES256 signature, finish) for --measure per app, the apps taking turns in rounds of --round.
# --step-costs N adds each request's server CPU (login page, options, finish), by subtraction, at N clients (3 x
# --measure more per app). --jfr DIR records our demo with Java Flight Recorder (settings=profile) into DIR/ours.jfr,
# written when the app stops (for profiling only: the recorder costs the demo some CPU, so not for the figures).
# Defaults take about 25 minutes. Nothing else should run on the machine meanwhile; two cores are needed.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
say() { echo "bench.sh: $*" >&2; }

warmup=240s measure=60s clients=1,4,16 round=10s passkeys=16 heap=512m step_costs=0 label="" build=true jfr=""
command_line="scripts/bench.sh${*:+ $*}"
while [ $# -gt 0 ]; do
  case "$1" in
    --warmup) warmup=$2; shift 2 ;;
    --measure) measure=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --round) round=$2; shift 2 ;;
    --passkeys) passkeys=$2; shift 2 ;;
    --heap) heap=$2; shift 2 ;;
    --step-costs) step_costs=$2; shift 2 ;;
    --label) label=$2; shift 2 ;;
    --no-build) build=false; shift ;;
    --jfr) jfr=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    *) say "unknown option $1 (see the comment at the top of this script)"; exit 2 ;;
  esac
done

. scripts/lib/java.sh # sets java and jdk
[ "$(nproc)" -ge 2 ] || { say "needs two CPUs (one for the apps, one for the generator)"; exit 2; }
for tool in taskset curl getconf; do
  command -v "$tool" >/dev/null || { say "needs $tool"; exit 2; }
done

# Same for every app. Each signed-in visitor leaves a session: at hundreds of sign-ins a second, Tomcat's default
# 30 minutes would fill the heap in a long run, so sessions expire after a minute (Tomcat sweeps them every ~60 s).
jvm_flags=(-Xms"$heap" -Xmx"$heap")
app_args=(--server.servlet.session.timeout=1m)

if [ "$build" = true ]; then
  say "building the apps and the load generator (no tests)"
  # Each module writes its own classpath file (a relative outputFile is resolved against the module). No format
  # check: the formatter's plugin does not run on every JDK this script takes, and the jars do not need it.
  # clean: without it Maven kept an app's jar whose own sources had not changed, with a starter from before the change
  # being measured inside (seen once: a fix that was not in the jar it was measured with).
  mvn -q -B -ntp -pl passkeys-demo,passkeys-bench-baseline,passkeys-bench-floor,passkeys-benchmarks -am clean package \
    -DskipTests -Dspotless.check.skip=true dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
fi
generator_cp="$root/passkeys-benchmarks/target/classes:$(cat "$root/passkeys-benchmarks/target/bench-classpath.txt")"

work=$(mktemp -d)
pids=()
stop_apps() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop_apps; rm -rf "$work"' EXIT

port_base=18081
targets=()
# start NAME KIND JAR [extra app arguments]: starts it on CPU 0, waits for /login, records pid and start-up time.
start() {
  local name=$1 kind=$2 jar=$3 port=$((port_base + ${#pids[@]}))
  shift 3
  local flags=("${jvm_flags[@]}")
  if [ -n "$jfr" ] && [ "$name" = ours ]; then
    flags+=(-XX:StartFlightRecording=filename="$jfr/ours.jfr",settings=profile,dumponexit=true)
  fi
  if curl -s -o /dev/null "http://localhost:$port/"; then say "port $port is taken"; exit 1; fi
  local started
  started=$(date +%s%N)
  taskset -c 0 "$java" "${flags[@]}" -jar "$jar" --server.port="$port" "${app_args[@]}" "$@" \
    >"$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then say "$name did not start:"; tail -20 "$work/$name.log" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - started) / 1000000000 )) -gt 180 ]; then say "$name: no 200 on /login in 180 s"; exit 1; fi
    sleep 0.05
  done
  local startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  say "$name up in ${startup_ms} ms (pid $pid, port $port)"
  targets+=(--target "name=$name,kind=$kind,origin=http://localhost:$port,pid=$pid,startup=$((startup_ms / 1000)).$(printf %03d $((startup_ms % 1000))) s")
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# One after the other, so that no start-up shares CPU 0 with another. The first target is the one the report
# compares the others with.
start spring-security spring-security "$root/passkeys-bench-baseline/target/passkeys-bench-baseline-0.1.0-SNAPSHOT.jar"
start ours passkeys4j "$root/passkeys-demo/target/passkeys-demo-0.1.0-SNAPSHOT.jar" --spring.profiles.active=bench
start floor passkeys4j "$root/passkeys-bench-floor/target/passkeys-bench-floor-0.1.0-SNAPSHOT.jar"

say "load generator on CPU 1: warm-up $warmup per app, then $measure per app at $clients clients"
began=$(date +%s)
taskset -c 1 "$java" -Xmx512m -cp "$generator_cp" io.github.passkeys4j.benchmarks.http.HttpBench \
  "${targets[@]}" --clients "$clients" --warmup "$warmup" --measure "$measure" --round "$round" \
  --passkeys "$passkeys" --step-costs "$step_costs" --clk-tck "$(getconf CLK_TCK)" >"$work/report.md"
elapsed=$(( $(date +%s) - began ))
for log in "$work"/*.log; do # a quiet app log is part of a clean run
  say "$(basename "$log" .log): $(grep -c -E ' (WARN|ERROR) ' "$log" || true) WARN/ERROR log lines"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$commit" != unknown ] && [ -n "$(git status --porcelain 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//')
date=$(date -u +%Y-%m-%d)
results=$root/benchmarks/http-jdk$jdk-$date${label:+-$label}.md
mkdir -p "$root/benchmarks"
{
  echo "# HTTP benchmark: passkey sign-ins, ours against Spring Security's, JDK $jdk${label:+ ($label)}"
  echo
  if [ "$label" = smoke ]; then
    echo "**Smoke run**: short durations to prove the harness works, on a machine busy with other work. These are"
    echo "not the real figures (they need the default warm-up and a quiet machine)."
    echo
  fi
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $commit"
  echo "- machine: ${cpu:-unknown}, $(nproc) cores; load average before $load_before, after $load_after"
  echo "- JDK: $("$java" -version 2>&1 | sed -n 2p)"
  echo "- apps on CPU 0, one after another at start, then all three running; generator on CPU 1"
  echo "- app JVM flags: ${jvm_flags[*]} (one CPU: the JVM's own choice of GC); arguments: ${app_args[*]}"
  echo "- command: \`${JAVA_HOME:+JAVA_HOME=$JAVA_HOME }$command_line\` (the generator ran ${elapsed} s)"
  echo "- settings: warm-up $warmup per app at 4 clients; $measure per app and client count, in rounds of $round"
  echo "  (1 s lead-in each, apps in rotating order); $passkeys passkeys per app, one user each"
  echo "- spring-security: passkeys-bench-baseline (Spring Security's \`webAuthn()\`, form login, its JDBC"
  echo "  repositories, H2 in memory); ours: passkeys-demo, profile bench (H2 in memory); floor: passkeys-bench-floor"
  echo
  cat "$work/report.md"
} >"$results"
say "figures written to $results"
cat "$results"
