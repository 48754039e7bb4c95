#!/usr/bin/env bash
# The demo's start-up: time to the first 200 on /login, and a faster start through the JVM's class data sharing (CDS,
# JDK 17-23) or AOT cache (JDK 24+), as Spring Boot's docs describe (packaging/class-data-sharing, aot-cache): the jar
# extracted once, a training run that exits once the context has refreshed (-Dspring.context.exit=onRefresh) and
# leaves an archive, then every start maps the archived classes instead of loading and verifying them again.
#
#   ./scripts/demo-startup.sh run [demo arguments]     the demo the fastest way (archive, Spring AOT, optimized
#                                                      launch; made on first use, ~2 starts); the plain README
#                                                      command works without any of this
#   ./scripts/demo-startup.sh bench [--runs 5] [--no-build] [--label L]
#                                                      each way of starting --runs times, interleaved (jar, extracted,
#                                                      + archive, + Spring AOT, + optimized launch), the median per
#                                                      way, written to benchmarks/startup-jdk<N>-<date>[-L].md
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./scripts/demo-startup.sh bench      on JDK 25 (AOT cache)
#
# The bench starts the demo with profile bench (in-memory H2, as scripts/bench.sh) so that runs do not share a file
# database; `run` uses the demo's own settings (H2 file under ./data of the working directory: passkeys-demo/).
# The archive lives in passkeys-demo/target/fast-start/jdk<N>/ and is made again when the jar changes.
# Spring AOT: the jar is built with Maven profile fast-start (bean definitions worked out at build time, with the
# demo's default settings; used only with -Dspring.aot.enabled=true), and it has an archive of its own.
# Optimized launch: -XX:TieredStopAtLevel=1, what `mvn spring-boot:run` (the README's demo command) adds by default
# (the plugin's optimizedLaunch): quicker to start, slower under load, so never for the HTTP benchmark.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
say() { echo "demo-startup.sh: $*" >&2; }

mode=${1:-}
[ -n "$mode" ] && shift
. scripts/lib/java.sh # sets java and jdk
jar=$root/passkeys-demo/target/passkeys-demo-0.1.0-SNAPSHOT.jar
fast=$root/passkeys-demo/target/fast-start/jdk$jdk
# The archive is valid only for the class path it was made with, written the same way: always this absolute path.
app=$fast/app/passkeys-demo-0.1.0-SNAPSHOT.jar
if [ "$jdk" -ge 25 ]; then require=-XX:AOTMode=on; else require=-Xshare:on; fi

build() {
  say "building the demo (no tests)"
  mvn -o -q -pl passkeys-demo -am package -DskipTests -Dspotless.check.skip=true -Pfast-start >&2
}

# The extracted jar and its archive, made again when the jar is newer than them.
prepare() {
  if [ -f "$fast/archive-aot" ] && [ "$fast/archive-aot" -nt "$jar" ]; then return; fi
  [ "$(unzip -l "$jar" | grep -c __BeanDefinitions)" -gt 0 ] || { say "$jar has no Spring AOT code: build it with -Pfast-start"; exit 2; }
  say "extracting the jar and training the archives on JDK $jdk (starts that exit once the context is up)"
  rm -rf "$fast"
  mkdir -p "$fast"
  "$java" -Djarmode=tools -jar "$jar" extract --destination "$fast/app" >&2
  train archive app
  train archive-aot app-aot -Dspring.aot.enabled=true
}

# train NAME FILE [flags]: one training run with [flags]; $fast/NAME then holds the flag that uses its archive.
train() {
  local name=$1 file=$2 flag use
  shift 2
  if [ "$jdk" -ge 25 ]; then
    flag=-XX:AOTCacheOutput="$fast/$file.aot" use=-XX:AOTCache="$fast/$file.aot"
  else
    flag=-XX:ArchiveClassesAtExit="$fast/$file.jsa" use=-XX:SharedArchiveFile="$fast/$file.jsa"
  fi
  (cd "$fast/app" && "$java" "$flag" "$@" -Dspring.context.exit=onRefresh -jar "$app" \
    --spring.profiles.active=bench --server.port=0 >"$fast/training-$name.log" 2>&1) || {
    say "training run $name failed:"; tail -20 "$fast/training-$name.log" >&2; exit 1; }
  echo "$use" >"$fast/$name"
}

# start WAY PORT: starts the demo one way, prints the milliseconds to the first 200 on /login, stops it.
start() {
  local way=$1 port=$2 started pid ms
  local args=(--spring.profiles.active=bench --server.port="$port")
  started=$(date +%s%N)
  case "$way" in
    jar) "$java" -jar "$jar" "${args[@]}" >"$work/$way.log" 2>&1 & pid=$! ;;
    extracted) "$java" -jar "$app" "${args[@]}" >"$work/$way.log" 2>&1 & pid=$! ;;
    # $require: refuse to start rather than silently start without the archive (a class path that differs).
    archive) "$java" "$(cat "$fast/archive")" "$require" -jar "$app" "${args[@]}" >"$work/$way.log" 2>&1 & pid=$! ;;
    aot) "$java" "$(cat "$fast/archive-aot")" "$require" -Dspring.aot.enabled=true -jar "$app" "${args[@]}" \
      >"$work/$way.log" 2>&1 & pid=$! ;;
    launch) "$java" "$(cat "$fast/archive-aot")" "$require" -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 \
      -jar "$app" "${args[@]}" >"$work/$way.log" 2>&1 & pid=$! ;;
  esac
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/login")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then say "$way did not start:"; tail -20 "$work/$way.log" >&2; exit 1; fi
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - started) / 1000000 ))
  # CPU time the JVM used until then (all its threads: utime + stime), which other work on the machine barely changes.
  local ticks
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $(( ticks * 1000 / $(getconf CLK_TCK) ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

case "$mode" in
  run)
    [ "$(unzip -l "$jar" 2>/dev/null | grep -c __BeanDefinitions)" -gt 0 ] || build
    prepare
    cd "$root/passkeys-demo"
    # Spring AOT fixed the beans for the default settings: another profile (postgres, session-*) starts without it.
    case " $* " in
      *profiles.active*) exec "$java" "$(cat "$fast/archive")" -XX:TieredStopAtLevel=1 -jar "$app" "$@" ;;
      *) exec "$java" "$(cat "$fast/archive-aot")" -Dspring.aot.enabled=true -XX:TieredStopAtLevel=1 -jar "$app" "$@" ;;
    esac
    ;;
  bench)
    runs=5 do_build=true label=
    while [ $# -gt 0 ]; do
      case "$1" in
        --runs) runs=$2; shift 2 ;;
        --no-build) do_build=false; shift ;;
        --label) label=-$2; shift 2 ;;
        *) say "unknown option $1"; exit 2 ;;
      esac
    done
    [ "$do_build" = true ] && build
    prepare
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    port=18300
    while curl -s -o /dev/null "http://localhost:$port/"; do port=$((port + 1)); done
    ways=(jar extracted archive aot launch)
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    declare -A times cpus
    for ((i = 1; i <= runs; i++)); do
      for way in "${ways[@]}"; do
        read -r ms cpu < <(start "$way" "$port")
        say "run $i, $way: $ms ms to the first 200, $cpu ms of CPU"
        times[$way]="${times[$way]:-} $ms"
        cpus[$way]="${cpus[$way]:-} $cpu"
      done
    done
    load_after=$(cut -d' ' -f1-3 /proc/loadavg)
    out=$root/benchmarks/startup-jdk$jdk-$(date -u +%F)$label.md
    {
      echo "# Demo start-up, JDK $jdk"
      echo
      echo "- date: $(date -u '+%F %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)')"
      echo "- machine: $(nproc) CPUs, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); load average before $load_before, after $load_after"
      echo "- java: $("$java" -version 2>&1 | head -1)"
      echo "- command: scripts/demo-startup.sh bench --runs $runs (profile bench: in-memory H2); time from the java command to the first 200 on /login"
      echo
      echo "| way | to first 200, median (ms) | CPU used by then, median (ms) | runs: to first 200 (ms) | runs: CPU (ms) |"
      echo "|---|---|---|---|---|"
      for way in "${ways[@]}"; do
        echo "| $way | $(echo "${times[$way]}" | tr ' ' '\n' | sed '/^$/d' | median)" \
          "| $(echo "${cpus[$way]}" | tr ' ' '\n' | sed '/^$/d' | median) |${times[$way]} |${cpus[$way]} |"
      done
      echo
      echo "jar: java -jar; extracted: java -jar on the extracted form (java -Djarmode=tools -jar … extract);"
      echo "archive: the extracted form with $(cat "$fast/archive" | sed 's|=.*|=…|') from one training run;"
      echo "aot: the same with Spring's ahead-of-time code (-Dspring.aot.enabled=true; built with -Pfast-start) and its own archive;"
      echo "launch: aot with -XX:TieredStopAtLevel=1, as \`mvn spring-boot:run\` starts the demo (its optimized launch)."
    } >"$out"
    cat "$out"
    say "wrote $out"
    ;;
  *) say "usage: demo-startup.sh run [demo arguments] | bench [--runs 5] [--no-build] [--label L]"; exit 2 ;;
esac
