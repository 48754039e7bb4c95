#!/usr/bin/env bash
# A throwaway MariaDB server on 127.0.0.1 for the JDBC storage tests.
#
#   eval "$(scripts/mariadb.sh)"   start it (or find it running) and export PASSKEYS_TEST_MARIADB_URL & co.
#   scripts/mariadb.sh status      say whether it runs
#   scripts/mariadb.sh stop        stop it; its data stays in $PASSKEYS_MARIADB_DIR (delete that for a fresh start)
#
# Settings: PASSKEYS_MARIADB_DIR (default /tmp/passkeys-mariadb) and PASSKEYS_MARIADB_PORT (default 53306). The
# database, user and password are all "passkeys". Only the export lines go to stdout; progress goes to stderr. Uses
# Debian's MariaDB (mariadbd, mariadb-install-db) and, as root, installs it with apt-get when missing; as root the
# server runs as the package's 'mysql' user, otherwise as the user running this script, whose socket login is the
# server's administrator. The database keeps the server's default collation, utf8mb4_general_ci (case-insensitive),
# as Debian's configuration has it.
# Durability is relaxed (no flush per commit): this is for tests only.
set -euo pipefail

DIR=${PASSKEYS_MARIADB_DIR:-/tmp/passkeys-mariadb}
PORT=${PASSKEYS_MARIADB_PORT:-53306}
DATA_DIR="$DIR/data"
SOCKET="$DIR/mariadb.sock"
PID_FILE="$DIR/mariadb.pid"
LOG_FILE="$DIR/mariadb.log"
DB_NAME=passkeys
DB_USER=passkeys
DB_PASSWORD=passkeys

say() { echo "mariadb.sh: $*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

find_server() { command -v mariadbd 2>/dev/null || { [ -x /usr/sbin/mariadbd ] && echo /usr/sbin/mariadbd; } || true; }

install_mariadb() {
  is_root || die "MariaDB not found; install it (e.g. sudo apt-get install -y mariadb-server) and rerun."
  command -v apt-get >/dev/null 2>&1 || die "MariaDB not found and apt-get is not available."
  say "installing MariaDB with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q mariadb-server >&2 || { apt-get update -q >&2 && apt-get install -y -q mariadb-server >&2; }
}

SERVER=$(find_server)
if [ -z "$SERVER" ] && [ "${1:-start}" = start ]; then
  install_mariadb
  SERVER=$(find_server)
  [ -n "$SERVER" ] || die "MariaDB was installed but no mariadbd was found."
fi

# As root the server must not run as root: it runs as the package's 'mysql' user, which owns the data.
owner_args() { if is_root; then echo "--user=mysql"; fi; }

# The server's own administrator is whoever runs this script: root, or this user when not root (a socket login).
ADMIN=$(if is_root; then echo root; else id -un; fi)
admin() { mariadb-admin --no-defaults --socket="$SOCKET" -u "$ADMIN" "$@"; }
admin_sql() { mariadb --no-defaults --socket="$SOCKET" -u "$ADMIN" "$@"; }

is_running() { [ -S "$SOCKET" ] && admin ping >/dev/null 2>&1; }

start() {
  mkdir -p "$DIR"
  if is_root; then
    id mysql >/dev/null 2>&1 || die "running as root, but there is no 'mysql' OS user to run the server as."
    chown mysql: "$DIR"
  fi
  chmod 700 "$DIR"
  if [ ! -d "$DATA_DIR/mysql" ]; then
    rm -rf "$DATA_DIR"
    say "creating a database directory in $DATA_DIR"
    # shellcheck disable=SC2046
    mariadb-install-db --no-defaults $(owner_args) --datadir="$DATA_DIR" --skip-test-db \
      --auth-root-authentication-method=socket --auth-root-socket-user="$ADMIN" >"$DIR/install.log" 2>&1 \
      || { cat "$DIR/install.log" >&2; die "mariadb-install-db failed"; }
  fi
  if is_running; then
    say "already running (socket $SOCKET)"
  else
    say "starting on 127.0.0.1:$PORT (log: $LOG_FILE)"
    # shellcheck disable=SC2046
    setsid "$SERVER" --no-defaults $(owner_args) --datadir="$DATA_DIR" --port="$PORT" --bind-address=127.0.0.1 \
      --socket="$SOCKET" --pid-file="$PID_FILE" --log-error="$LOG_FILE" --skip-name-resolve --skip-log-bin \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci --innodb-flush-log-at-trx-commit=0 \
      --innodb-doublewrite=0 --innodb-buffer-pool-size=256M --max-connections=300 </dev/null >/dev/null 2>&1 &
  fi
  local tries=0
  until is_running; do
    tries=$((tries + 1))
    [ "$tries" -lt 120 ] || { tail -n 20 "$LOG_FILE" >&2 || true; die "the server did not start; see $LOG_FILE"; }
    sleep 0.5
  done
  # The server's default collation, case-insensitive as Debian's and most servers' are: the schema must not rely on it.
  admin_sql -e "
    CREATE DATABASE IF NOT EXISTS $DB_NAME;
    CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
    GRANT ALL PRIVILEGES ON $DB_NAME.* TO '$DB_USER'@'127.0.0.1';" >&2
  say "ready: database $DB_NAME, user $DB_USER, password $DB_PASSWORD"
  echo "export PASSKEYS_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:$PORT/$DB_NAME"
  echo "export PASSKEYS_TEST_MARIADB_USER=$DB_USER"
  echo "export PASSKEYS_TEST_MARIADB_PASSWORD=$DB_PASSWORD"
}

stop() {
  if is_running; then
    admin shutdown >&2
  else
    say "not running"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) if is_running; then say "running on 127.0.0.1:$PORT"; else say "not running"; exit 3; fi ;;
  *) die "usage: $0 [start|stop|status]" ;;
esac
