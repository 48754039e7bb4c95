#!/usr/bin/env bash
# A throwaway Redis server on 127.0.0.1 for the tests that keep HTTP sessions in Redis (Spring Session).
#
#   eval "$(scripts/redis.sh)"   start it (or find it running) and export PASSKEYS_TEST_REDIS_URL
#   scripts/redis.sh status      say whether it runs
#   scripts/redis.sh stop        stop it
#
# Settings: PASSKEYS_REDIS_DIR (default /tmp/passkeys-redis) and PASSKEYS_REDIS_PORT (default 56379). Only the export
# line goes to stdout; progress goes to stderr. Uses Debian's redis-server and, as root, installs it with apt-get when
# missing. Nothing is saved to disk (no RDB, no AOF): this is for tests only.
set -euo pipefail

REDIS_DIR=${PASSKEYS_REDIS_DIR:-/tmp/passkeys-redis}
REDIS_PORT=${PASSKEYS_REDIS_PORT:-56379}
PID_FILE="$REDIS_DIR/redis.pid"
LOG_FILE="$REDIS_DIR/redis.log"

say() { echo "redis.sh: $*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

install_redis() {
  is_root || die "redis-server not found; install it (e.g. sudo apt-get install -y redis-server) and rerun."
  command -v apt-get >/dev/null 2>&1 || die "redis-server not found and apt-get is not available."
  say "installing redis-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q redis-server >&2 || { apt-get update -q >&2 && apt-get install -y -q redis-server >&2; }
}

is_running() {
  [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null \
    && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1
}

start() {
  if ! command -v redis-server >/dev/null 2>&1; then
    install_redis
  fi
  mkdir -p "$REDIS_DIR"
  if is_running; then
    say "already running on 127.0.0.1:$REDIS_PORT"
  else
    say "starting on 127.0.0.1:$REDIS_PORT (log: $LOG_FILE)"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --daemonize yes --pidfile "$PID_FILE" \
      --logfile "$LOG_FILE" --dir "$REDIS_DIR" --save "" --appendonly no --protected-mode yes >&2 \
      || die "the server did not start; see $LOG_FILE"
    local tries=0
    until redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; do
      tries=$((tries + 1))
      [ "$tries" -lt 60 ] || die "the server is not answering; see $LOG_FILE"
      sleep 0.5
    done
  fi
  say "ready"
  echo "export PASSKEYS_TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
}

stop() {
  if is_running; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >&2 || kill "$(cat "$PID_FILE")"
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then say "running on port $REDIS_PORT"; else say "not running"; exit 3; fi ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
