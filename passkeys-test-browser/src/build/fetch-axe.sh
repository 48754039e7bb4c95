#!/usr/bin/env bash
# Puts axe-core's axe.min.js (from the npm registry: its webjar does not resolve) where the browser tests load it:
#
#   fetch-axe.sh VERSION INTEGRITY OUT_FILE
#
# `npm pack axe-core@VERSION` (npm's cache first), then the tarball's SHA-512 must equal INTEGRITY (the registry's
# dist.integrity, pinned in the pom), else the build fails. Nothing is fetched when OUT_FILE is already there from the
# same tarball (OUT_FILE.integrity says which).
set -euo pipefail
version=$1 integrity=$2 out=$3
fail() { echo "fetch-axe.sh: $*" >&2; exit 1; }

if [ -s "$out" ] && [ "$(cat "$out.integrity" 2>/dev/null)" = "$integrity" ]; then exit 0; fi
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 \
  || fail "the browser tests need axe-core from the npm registry: install Node.js and npm (apt-get install -y nodejs npm; ./scripts/test.sh does it when missing)."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm pack "axe-core@$version" --pack-destination "$work" --prefer-offline --silent >/dev/null \
  || fail "npm pack axe-core@$version failed (no network and not in npm's cache?)"
tarball="$work/axe-core-$version.tgz"
actual=$(node -e 'const c=require("crypto"),f=require("fs");
  process.stdout.write("sha512-"+c.createHash("sha512").update(f.readFileSync(process.argv[1])).digest("base64"))' "$tarball")
[ "$actual" = "$integrity" ] || fail "axe-core-$version.tgz has integrity $actual, expected $integrity: not the pinned file"
tar -xzf "$tarball" -C "$work" package/axe.min.js package/LICENSE
mkdir -p "$(dirname "$out")"
cp "$work/package/LICENSE" "$(dirname "$out")/axe-LICENSE.txt"
cp "$work/package/axe.min.js" "$out.tmp" && mv "$out.tmp" "$out"
printf '%s' "$integrity" > "$out.integrity"
echo "fetch-axe.sh: axe-core $version checked ($integrity) -> $out" >&2
