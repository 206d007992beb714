#!/usr/bin/env bash
# Starts the hub the way README.md does (`npm start`, embedded default) from this checkout, in a
# fresh data directory on free ports, waits for /readyz, runs the README's first commands against it
# (readyz, a token, whoami, a resource search) and stops it. Exits non-zero, with the hub's log tail,
# when any step fails: a broken `npm start` must not land while `npm test` is green.
set -euo pipefail
cd "$(dirname "$0")/.."

free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

data_dir=$(mktemp -d "${TMPDIR:-/tmp}/hub-smoke-XXXXXX")
# As root the embedded PostgreSQL runs as the `postgres` user, who must be able to enter the directory.
chmod 755 "$data_dir"
log="$data_dir.log"
export HUB_DATA_DIR="$data_dir" PORT="${SMOKE_PORT:-$(free_port)}" EMBEDDED_PG_PORT="${SMOKE_PG_PORT:-$(free_port)}"
base="http://127.0.0.1:$PORT"
hub_pid=""

stop_hub() {
  if [[ -n "$hub_pid" ]] && kill -0 "$hub_pid" 2>/dev/null; then
    kill -TERM -- "-$hub_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$hub_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$hub_pid" 2>/dev/null || true
  fi
}
fail() {
  echo "smoke: FAILED: $*" >&2
  echo "---- hub log (last 60 lines) ----" >&2
  tail -n 60 "$log" >&2 || true
  stop_hub
  exit 1
}
trap 'stop_hub; rm -rf "$data_dir" "$log"' EXIT

echo "smoke: npm start on $base (embedded PostgreSQL on $EMBEDDED_PG_PORT, data in $data_dir)"
# A process group of its own, so stopping it also stops npm's child and the database it started.
setsid npm start >"$log" 2>&1 </dev/null &
hub_pid=$!

ready=""
for _ in $(seq 1 "${SMOKE_TIMEOUT_S:-180}"); do
  kill -0 "$hub_pid" 2>/dev/null || fail "npm start exited before /readyz answered"
  if curl -sf "$base/readyz" >/dev/null 2>&1; then ready=yes; break; fi
  sleep 1
done
[[ -n "$ready" ]] || fail "/readyz did not answer 200 within ${SMOKE_TIMEOUT_S:-180} s"

# The README's first commands.
readyz=$(curl -sf "$base/readyz") || fail "GET /readyz"
grep -q '"status":"ok"' <<<"$readyz" || fail "GET /readyz answered $readyz"
echo "smoke: readyz $readyz"

token=$(npm run -s token -- clerk) || fail "npm run token -- clerk"
[[ -n "$token" ]] || fail "npm run token -- clerk printed nothing"

whoami=$(curl -sf -H "authorization: Bearer $token" "$base/v1/whoami") || fail "GET /v1/whoami with the token"
grep -q '"roles":\["clerk"\]' <<<"$whoami" || fail "GET /v1/whoami answered $whoami"
echo "smoke: whoami $whoami"

# 公积金: the demo catalog's housing-fund resource.
search=$(curl -sf -H "authorization: Bearer $token" "$base/v1/resources?q=%E5%85%AC%E7%A7%AF%E9%87%91") ||
  fail "GET /v1/resources?q=公积金"
grep -q '"code":"203002/00001"' <<<"$search" || fail "resource search found no demo resource: ${search:0:300}"
echo "smoke: resource search found 203002/00001"

stop_hub
wait "$hub_pid" 2>/dev/null || true
hub_pid=""
echo "smoke: npm start works as the README says"
