#!/usr/bin/env bash
# Outbox drain: how fast the notification dispatcher delivers a backlog. Fills the outbox of an embedded PostgreSQL
# with MESSAGES messages (half inbox, half SMS through the log-file gateway, two per parent as submissions make them)
# and times the dispatcher draining it after WARM_UP untimed (platform/src/test/.../OutboxDrainRun.java). Results:
# platform/target/load/outbox-drain.txt (messages/s; CPU per message of the dispatching thread, the JVM, PostgreSQL).
#
#   scripts/load/outbox-drain.sh [messages]        e.g. MVN=./mvnw scripts/load/outbox-drain.sh 20000
#
# The database is durable (fsync and synchronous_commit on, as a kept server is); DURABLE=false measures the test
# servers' setting. No server is left running: the database lives as long as the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
MESSAGES="${1:-20000}"
[ "$MESSAGES" -le 200000 ] || { echo "bounded: at most 200000 messages" >&2; exit 2; }
MVN="${MVN:-./mvnw}"
rm -f platform/target/load/outbox-drain-sms.log
"$MVN" -B -q -o -pl platform -am test -Dtest=OutboxDrainRun -Dsurefire.failIfNoSpecifiedTests=false \
  -DargLine="-Dxuewei.devdb.durable=${DURABLE:-true} ${LOAD_JVM_ARGS:-}" -Dxuewei.outbox-drain.run=true \
  -Dxuewei.outbox-drain.messages="$MESSAGES" -Dxuewei.outbox-drain.warm-up="${WARM_UP:-10000}" \
  -Dxuewei.notification.dispatch-every=PT1H -Dxuewei.notification.sms-log=target/load/outbox-drain-sms.log
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- platform || echo ' (with uncommitted changes)')"
cat platform/target/load/outbox-drain.txt
