#!/usr/bin/env bash
# Load run: one-click check + submit by many parents at once, through the platform's application service, against a
# running exchange on this machine (loopback only). Bounded in parents and seconds. Results:
# platform/target/load/check-submit.txt (throughput, p50/p99, errors, lost).
#
#   scripts/load/check-submit.sh [exchange-url] [parents] [concurrency] [max-seconds]
#   e.g. scripts/load/check-submit.sh http://127.0.0.1:8090 2000 200 120
#
# The exchange must run in the demo profile (its guardian listing is demo-only). Registry latency stays at the
# exchange's defaults (20–80 ms per call); with RAISE_RATE_LIMIT=1 (default) the per-client rate limit (50/s per
# registry) is raised for the run through the exchange's admin API and reset afterwards (DELETE /exchange/admin/faults).
# The platform side runs in a test JVM, with the common pool of 2 that PlatformApplication.main sets on small machines.
# The platform's embedded PostgreSQL is durable (fsync and synchronous_commit on, as a kept server and an external
# one are), so a submission counts only once its commit is on disk; DURABLE=false measures the test servers' setting.
# LOGIN_CONCURRENCY (default 32): parents signing in at once before the warm-up (their households looked up; untimed).
# WARM_UP parents (default 400) check and submit untimed first, so the JIT has settled. A method called once per
# submission reaches C2 only after ≈ 15,000 calls (tiered compilation's thresholds), so a run that measures the steady
# state needs a warm-up of more than 15,000 parents: a city generated with --scale nanchang (116,623 families with a
# child of the season) leaves room for it, e.g. WARM_UP=30000 ... 60000 200 600.
# RATE (default 0: a closed loop, each of the concurrent parents starting again as soon as it is answered): parents due
# per second in an open model — parent i starts at i / RATE s, at most CONCURRENCY at once, and its latencies count
# from when it was due, so time spent waiting for a free parent counts (no coordinated omission).
# The timed step's start is marked by platform/target/load/timed-step.started (for a profiler to attach then).
# LOAD_JVM_ARGS are passed to the JVM that runs the platform side, e.g. LOAD_JVM_ARGS=-XX:StartFlightRecording=filename=/tmp/p.jfr,settings=profile
# LOAD_HEAP (default -Xms2g -Xmx2g -XX:+AlwaysPreTouch): the heap committed and touched at start, as a server runs —
# a growing heap made the kernel zero fresh pages during the timed step (≈ 6 % of the parents' threads' samples).
set -euo pipefail
cd "$(dirname "$0")/../.."
EXCHANGE="${1:-http://127.0.0.1:8090}"
PARENTS="${2:-2000}"
CONCURRENCY="${3:-200}"
MAX_SECONDS="${4:-120}"
case "$EXCHANGE" in
  http://127.0.0.1:*|http://localhost:*) ;;
  *) echo "loopback only: $EXCHANGE" >&2; exit 2 ;;
esac
[ "$PARENTS" -le 150000 ] && [ "$MAX_SECONDS" -le 600 ] || { echo "bounded: at most 150000 parents, 600 s per phase" >&2; exit 2; }

ADMIN_SECRET="${XUEWEI_EXCHANGE_ADMIN_SECRET:-demo-admin-secret}"
admin_token() {
  curl -fsS -u "xuewei-exchange-admin:$ADMIN_SECRET" -d grant_type=client_credentials -d scope=exchange.admin \
    "$EXCHANGE/oauth2/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
if [ "${RAISE_RATE_LIMIT:-1}" = 1 ]; then
  TOKEN="$(admin_token)"
  # a new token for the reset: a long run outlives the first one
  trap 'curl -fsS -X DELETE -H "Authorization: Bearer $(admin_token)" "$EXCHANGE/exchange/admin/faults" >/dev/null || true' EXIT
  for r in hukou property contract rental residence-permit social-insurance civil-affairs student-status preferential birth; do
    curl -fsS -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"latencyMinMs":20,"latencyMaxMs":80,"errorRate":0.0,"rateLimitPerSecond":100000,"outages":[]}' \
      "$EXCHANGE/exchange/admin/faults/$r" >/dev/null
  done
  echo "rate limits raised for the run (latency 20-80 ms kept)"
fi

# -am: the platform side runs the current sources of the modules it depends on (devdb, engine), not what ~/.m2 holds
MVN="${MVN:-./mvnw}"
rm -f platform/target/load/timed-step.started
echo "before: $(uptime)"
"$MVN" -B -q -o -pl platform -am test -Dtest=SubmissionLoadRun -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 -Dxuewei.devdb.durable=${DURABLE:-true} ${LOAD_HEAP:--Xms2g -Xmx2g -XX:+AlwaysPreTouch} ${LOAD_JVM_ARGS:-}" -Dxuewei.load.statements="${STATEMENTS:-false}" -Dxuewei.load.rate="${RATE:-0}" -Dxuewei.load.warm-up="${WARM_UP:-400}" -Dxuewei.load.login-concurrency="${LOGIN_CONCURRENCY:-32}" -Dxuewei.load.run=true -Dxuewei.load.parents="$PARENTS" -Dxuewei.load.concurrency="$CONCURRENCY" \
  -Dxuewei.load.max-seconds="$MAX_SECONDS" \
  -Dxuewei.registry.base-url="$EXCHANGE" -Dxuewei.registry.client-secret="${XUEWEI_PLATFORM_SECRET:-demo-platform-secret}" \
  -Dxuewei.registry.call-timeout=2s -Dxuewei.registry.registry-timeout=5s -Dxuewei.registry.retry-wait=150ms \
  -Dxuewei.registry.open-for=10s
echo "after: $(uptime)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- platform exchange || echo ' (with uncommitted changes)')"
cat platform/target/load/check-submit.txt
