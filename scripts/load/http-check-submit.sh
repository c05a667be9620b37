#!/usr/bin/env bash
# Load run over HTTP with real OIDC sessions: parents sign in through the city identity provider (authorization code +
# PKCE, the demo's one-time code; not timed), then C at once each GET their children, the one-click check and submit
# (Idempotency-Key, consent, CSRF) through the platform's /api/v1, as the mobile page does; every application answered
# is read back afterwards (lost = not readable). Against a running `./xuewei demo` on this machine (loopback only),
# best with the living demo off (XUEWEI_APPLICATION_DEMO_ENABLED=false) and on a fresh data directory: a family that
# already applied is skipped, and the parents come from the exchange's demo guardian listing by family number.
#
#   scripts/load/http-check-submit.sh [platform-url] [exchange-url] [parents] [concurrency] [max-seconds] [options...]
#   e.g. scripts/load/http-check-submit.sh http://127.0.0.1:8080 http://127.0.0.1:8090 2000 200 120
#        scripts/load/http-check-submit.sh http://127.0.0.1:8080 http://127.0.0.1:8090 200 20 120 --offset 2000
#
# Bounded: at most 20000 parents, 1000 at once, 600 s per phase (logins, timed step, read-back). Further options
# go to the driver (scripts/load/HttpLoad.java, see its header): --offset N (skip the first N families, e.g. for a
# second run on the same data), --warm-up 40, --reads 0 (afterwards each parent lists its children and reads its
# application that many times, no registry asked: the platform's CPU per request on its HTTP path),
# --login-concurrency 32, --timeout 30, --raise-rate-limit true (the exchange's per-registry rate limit to 100000/s
# for the run, latency kept at its setting — 20–80 ms by default — and restored afterwards). Report:
# target/load/http-check-submit.txt (load average before/after, commit, throughput, p50/p99/max per request and per
# parent, refusals by reason, errors, lost, and the CPU per submission of the platform's and the exchange's JVM, the
# driver and the machine, from /proc). Exit status 1 on any error or lost application, 2 on bad arguments.
set -euo pipefail
cd "$(dirname "$0")/../.."
PLATFORM="${1:-http://127.0.0.1:8080}"
EXCHANGE="${2:-http://127.0.0.1:8090}"
PARENTS="${3:-200}"
CONCURRENCY="${4:-20}"
MAX_SECONDS="${5:-120}"
shift $(($# < 5 ? $# : 5))
COMMIT="$(git rev-parse --short HEAD)$([ -z "$(git status --porcelain -- platform exchange)" ] || echo ' (with uncommitted changes)')"
exec java -Xmx1g scripts/load/HttpLoad.java --platform "$PLATFORM" --exchange "$EXCHANGE" --parents "$PARENTS" \
  --concurrency "$CONCURRENCY" --seconds "$MAX_SECONDS" --commit "$COMMIT" \
  --admin-secret "${XUEWEI_EXCHANGE_ADMIN_SECRET:-demo-admin-secret}" \
  --platform-secret "${XUEWEI_PLATFORM_SECRET:-demo-platform-secret}" "$@"
