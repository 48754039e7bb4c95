#!/usr/bin/env bash
# The test command: sets up what the tests need on a fresh Debian machine, then runs every module's tests.
#
#   ./scripts/test.sh [extra Maven arguments]      e.g. ./scripts/test.sh -pl passkeys-demo -am
#
# Installs (with apt-get, as root or through sudo) Chromium + chromedriver and Node.js + npm (axe-core) for the browser
# tests, the PostgreSQL and MariaDB servers for the storage tests and redis-server for the Spring Session tests when
# missing, starts a throwaway PostgreSQL (scripts/postgres.sh), MariaDB (scripts/mariadb.sh) and Redis
# (scripts/redis.sh), runs `mvn -B -ntp verify` from the repository root, and stops them on exit (those this script
# started).
set -euo pipefail

cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

say() { echo "test.sh: $*" >&2; }

apt_updated=false
apt_install() {
  local runner=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      runner=(sudo -n env DEBIAN_FRONTEND=noninteractive)
    else
      say "missing packages: $*. Install them as root (apt-get install -y $*) or give this user sudo, then rerun."
      exit 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 || { say "missing packages: $* (and no apt-get to install them)."; exit 1; }
  if [ "$apt_updated" = false ]; then
    say "apt-get update"
    "${runner[@]}" apt-get update -q >&2
    apt_updated=true
  fi
  say "installing $*"
  "${runner[@]}" apt-get install -y -q "$@" >&2
}

packages=()
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  packages+=(chromium chromium-driver)
fi
# npm fetches axe-core for the accessibility checks (passkeys-test-browser/src/build/fetch-axe.sh).
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  packages+=(postgresql)
fi
if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  packages+=(mariadb-server)
fi
if ! command -v redis-server >/dev/null 2>&1; then
  packages+=(redis-server)
fi
if [ ${#packages[@]} -gt 0 ]; then
  apt_install "${packages[@]}"
fi

# Stop PostgreSQL, MariaDB and Redis on exit, unless they were already running (someone else's session may be using them).
on_exit=()
if scripts/postgres.sh status 2>/dev/null; then
  say "PostgreSQL is already running: leaving it running afterwards"
else
  on_exit+=('scripts/postgres.sh stop >&2 || true')
fi
if scripts/mariadb.sh status 2>/dev/null; then
  say "MariaDB is already running: leaving it running afterwards"
else
  on_exit+=('scripts/mariadb.sh stop >&2 || true')
fi
if scripts/redis.sh status 2>/dev/null; then
  say "Redis is already running: leaving it running afterwards"
else
  on_exit+=('scripts/redis.sh stop >&2 || true')
fi
if [ ${#on_exit[@]} -gt 0 ]; then
  trap "$(printf '%s; ' "${on_exit[@]}")" EXIT
fi
postgres_env=$(scripts/postgres.sh)
eval "$postgres_env"
say "PostgreSQL for the tests: ${PASSKEYS_TEST_POSTGRES_URL:?scripts/postgres.sh did not export PASSKEYS_TEST_POSTGRES_URL}"

mariadb_env=$(scripts/mariadb.sh)
eval "$mariadb_env"
say "MariaDB for the tests: ${PASSKEYS_TEST_MARIADB_URL:?scripts/mariadb.sh did not export PASSKEYS_TEST_MARIADB_URL}"

redis_env=$(scripts/redis.sh)
eval "$redis_env"
say "Redis for the tests: ${PASSKEYS_TEST_REDIS_URL:?scripts/redis.sh did not export PASSKEYS_TEST_REDIS_URL}"

mvn -B -ntp verify "$@"
