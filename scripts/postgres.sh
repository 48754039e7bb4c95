#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for the JDBC storage tests.
#
#   eval "$(scripts/postgres.sh)"   start it (or find it running) and export PASSKEYS_TEST_POSTGRES_URL & co.
#   scripts/postgres.sh status      say whether it runs
#   scripts/postgres.sh stop        stop it; its data stays in $PASSKEYS_PG_DIR (delete that for a fresh start)
#   scripts/postgres.sh crash       stop it at once (pg_ctl -m immediate: connections cut, no shutdown checkpoint), as
#                                   the database-outage test does mid-run; 'start' brings it back
#
# Settings: PASSKEYS_PG_DIR (default /tmp/passkeys-pg; when run as root it must be reachable by the postgres user)
# and PASSKEYS_PG_PORT (default 55432). The database, user and password are all "passkeys". Only the export lines go
# to stdout; progress goes to stderr. Uses the Debian/Ubuntu binaries in /usr/lib/postgresql/<version>/bin and, as
# root, installs them with apt-get when missing. Durability is switched off (fsync=off): this is for tests only.
set -euo pipefail

PG_DIR=${PASSKEYS_PG_DIR:-/tmp/passkeys-pg}
PG_PORT=${PASSKEYS_PG_PORT:-55432}
DATA_DIR="$PG_DIR/data"
LOG_FILE="$PG_DIR/postgres.log"
DB_NAME=passkeys
DB_USER=passkeys
DB_PASSWORD=passkeys

say() { echo "postgres.sh: $*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# The newest PostgreSQL bin directory that has initdb, or nothing.
find_bin_dir() {
  local dir found=""
  while read -r dir; do
    if [ -x "$dir/initdb" ]; then found=$dir; fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V)
  if [ -z "$found" ] && command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    found=$(pg_config --bindir)
  fi
  echo "$found"
}

install_postgresql() {
  is_root || die "PostgreSQL binaries not found; install them (e.g. sudo apt-get install -y postgresql) and rerun."
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL binaries not found and apt-get is not available."
  say "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >&2 || { apt-get update -q >&2 && apt-get install -y -q postgresql >&2; }
}

BIN=$(find_bin_dir)
if [ -z "$BIN" ] && [ "${1:-start}" = start ]; then
  install_postgresql
  BIN=$(find_bin_dir)
  [ -n "$BIN" ] || die "PostgreSQL was installed but no initdb was found under /usr/lib/postgresql/*/bin."
fi

# initdb and the server refuse to run as root, so as root they run as the postgres OS user.
as_owner() {
  if is_root; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' OS user to run the server as."
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_running() { [ -n "$BIN" ] && [ -f "$DATA_DIR/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA_DIR" status >/dev/null 2>&1; }

psql_admin() {
  as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

start() {
  mkdir -p "$PG_DIR"
  if is_root; then chown postgres: "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  if [ ! -f "$DATA_DIR/PG_VERSION" ]; then
    rm -rf "$DATA_DIR"
    say "creating a cluster in $DATA_DIR"
    as_owner "$BIN/initdb" -D "$DATA_DIR" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
  fi
  if is_running; then
    local running_port
    running_port=$(sed -n 4p "$DATA_DIR/postmaster.pid")
    [ "$running_port" = "$PG_PORT" ] \
      || die "already running on port $running_port, not $PG_PORT; run '$0 stop' first."
    say "already running on 127.0.0.1:$PG_PORT"
  else
    say "starting on 127.0.0.1:$PG_PORT (log: $LOG_FILE)"
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 start -o \
      "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      >&2 || { tail -n 20 "$LOG_FILE" >&2 || true; die "the server did not start"; }
  fi
  local tries=0
  until as_owner "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || die "the server is not accepting connections; see $LOG_FILE"
    sleep 0.5
  done
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != 1 ]; then
    psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
  fi
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
  fi
  say "ready: database $DB_NAME, user $DB_USER, password $DB_PASSWORD"
  echo "export PASSKEYS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
  echo "export PASSKEYS_TEST_POSTGRES_USER=$DB_USER"
  echo "export PASSKEYS_TEST_POSTGRES_PASSWORD=$DB_PASSWORD"
}

stop() {
  if is_running; then
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -m fast -w stop >&2
  else
    say "not running"
  fi
}

crash() {
  if is_running; then
    as_owner "$BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >&2
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  crash) crash ;;
  status) if is_running; then say "running on port $(sed -n 4p "$DATA_DIR/postmaster.pid")"; else say "not running"; exit 3; fi ;;
  *) die "usage: $0 [start|stop|crash|status]" ;;
esac
