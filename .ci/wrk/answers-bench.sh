#!/usr/bin/env bash
# Answer hot path and authenticated no-op, measured with wrk on the packaged app (prod profile, PostgreSQL 15,
# Keycloak 26 bearer tokens of the realm's demo learners), as root:
#   .ci/wrk/answers-bench.sh [project dir ...]   (each holding a packaged target/quarkus-app; default: this one)
# env: BENCH_SECONDS=12, BENCH_CONNECTIONS="16 64", BENCH_PG_OPTS="commit_delay=... commit_siblings=..." (postgres -c
# options for the cluster), BENCH_PG_SQL_2="alter system set commit_delay = 500" (run before the second app, then the
# configuration is reloaded: e.g. the same project twice, without and with PostgreSQL's group commit), BENCH_APP_ENV (VAR=value words for the app). Prints one line per scenario and its ratio
# to the static file and to the no-op of the same run. The lead's .ci/bench supersedes this once merged.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=../run
source "$HERE/../run"
SECONDS_RUN=${BENCH_SECONDS:-12}
CONNS=${BENCH_CONNECTIONS:-16 64}
APPS=("$@"); [[ ${#APPS[@]} -gt 0 ]] || APPS=("$ROOT")
# shellcheck disable=SC2206
start_postgresql ${BENCH_PG_OPTS:-}
if [[ -n ${OWLET_CI_KC_URL:-} ]]; then KC_URL=$OWLET_CI_KC_URL; else start_keycloak; fi
TOKENS=$WORK/tokens.txt
for user in ana@acme.example carl@acme.example gina@globex.example gus@globex.example cora@coalition.example ivan@individual.example; do
  curl -sS --max-time 30 --data-urlencode grant_type=password --data-urlencode client_id=owlet \
    --data-urlencode client_secret=$KC_CLIENT_SECRET --data-urlencode "username=$user" --data-urlencode password=owlet \
    --data-urlencode scope=openid "$KC_URL/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' >>"$TOKENS"
done
log "$(wc -l <"$TOKENS") learners' tokens"
rate() { sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$1"; }
p99() { sed -n 's/^ *99% *\(.*\)$/\1/p' "$1"; }
i=0
for app in "${APPS[@]}"; do
  i=$((i + 1)); APP_DB=bench$i
  if [[ $i == 2 && -n ${BENCH_PG_SQL_2:-} ]]; then
    IFS=';' read -ra sqls <<<"$BENCH_PG_SQL_2"
    for sql in "${sqls[@]}"; do "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$sql" </dev/null; done
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "select pg_reload_conf()" </dev/null >/dev/null
    log "PostgreSQL: $BENCH_PG_SQL_2 (commit_delay now $("$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c 'show commit_delay' </dev/null))"
  fi
  "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "create database $APP_DB" </dev/null
  # shellcheck disable=SC2206
  APP_EXTRA_ENV=(${BENCH_APP_ENV:-})
  ROOT=$app start_app
  while read -r t; do curl -s -o /dev/null -H "Authorization: Bearer $t" -X POST "$APP_URL/learn/ivory-horn-casque/enrol"; done <"$TOKENS"
  wrk -t2 -c16 -d3s -H "Authorization: Bearer $(head -1 "$TOKENS")" "$APP_URL/api/v1/me" >/dev/null   # warm-up
  TOKENS=$TOKENS wrk -t4 -c4 -d3s -s "$HERE/drill-answer.lua" "$APP_URL" >/dev/null
  for c in $CONNS; do
    wrk -t2 -c"$c" -d"${SECONDS_RUN}s" --latency "$APP_URL/css/owlet.css" >"$WORK/static-$c.txt"
    TOKENS=$TOKENS wrk -t2 -c"$c" -d"${SECONDS_RUN}s" --latency -s /dev/stdin "$APP_URL/api/v1/me" >"$WORK/noop-$c.txt" <<LUA
local t = {} for l in io.lines("$TOKENS") do t[#t + 1] = l end
local n = 0
request = function() n = n % #t + 1 return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. t[n] }) end
LUA
    TOKENS=$TOKENS wrk -t"$c" -c"$c" -d"${SECONDS_RUN}s" --latency -s "$HERE/drill-answer.lua" "$APP_URL" >"$WORK/answer-$c.txt"
    s=$(rate "$WORK/static-$c.txt"); n=$(rate "$WORK/noop-$c.txt")
    a=$(sed -n 's/^answer POSTs [0-9]* (\([0-9]*\)\/s).*/\1/p' "$WORK/answer-$c.txt")
    printf '[bench] %s c=%s static %s/s p99 %s | no-op %s/s p99 %s (%.0f%% of static) | drill answers %s/s (%.0f%% of no-op; GET+POST p99 %s) | %s\n' \
      "$(basename "$app")" "$c" "$s" "$(p99 "$WORK/static-$c.txt")" "$n" "$(p99 "$WORK/noop-$c.txt")" \
      "$(echo "100*$n/$s" | bc -l)" "$a" "$(echo "100*$a/$n" | bc -l)" "$(p99 "$WORK/answer-$c.txt")" \
      "$(grep '^answer POSTs' "$WORK/answer-$c.txt")"
  done
  log "bearer WARN lines in the app log: $(grep -c 'not associated with an' "$APP_LOG" || true)"
  log "answers stored: $("$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$APP_DB" -c 'select count(*) from answer' </dev/null)"
  stop_app
done
