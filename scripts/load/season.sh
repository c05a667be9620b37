#!/usr/bin/env bash
# Full-city season from the database to published results: for every district with applications and both grades,
# freeze (unverified excluded with a reason), commit, draw, publish — through the admission services, in one JVM,
# against an existing platform database that holds the season's applications (e.g. a demo database after the living
# demo filled it, with the platform stopped; the ID-number key defaults to the demo's). Results: platform/target/load/season.txt.
#
#   scripts/load/season.sh jdbc:postgresql://127.0.0.1:5433/xuewei [season]
#
# SEASON_THREADS (default 2): district x grade pairs run in parallel; SEASON_DISTRICTS: only these (comma-separated);
# SEASON_ARGLINE: JVM options of the test JVM (e.g. -XX:StartFlightRecording=filename=season.jfr).
set -euo pipefail
cd "$(dirname "$0")/../.."
URL="${1:?jdbc url of the platform database}"
SEASON="${2:-2027}"
case "$URL" in
  jdbc:postgresql://127.0.0.1:*|jdbc:postgresql://localhost:*) ;;
  *) echo "loopback only: $URL" >&2; exit 2 ;;
esac
MVN="${MVN:-./mvnw}"
"$MVN" -B -q -o -pl platform test -Dtest=SeasonRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Dxuewei.season.run=true -Dxuewei.season.year="$SEASON" -Dxuewei.season.threads="${SEASON_THREADS:-2}" \
  -Dxuewei.season.districts="${SEASON_DISTRICTS:-}" ${SEASON_ARGLINE:+"-DargLine=$SEASON_ARGLINE"} \
  -Dxuewei.identity.personal-data.key="${XUEWEI_IDENTITY_PERSONALDATA_KEY:-3U5qT+otzgcrrddL2CQrDNlB52D1rJ1z9dFTzZp20IU=}" \
  -Dxuewei.db.url="$URL" -Dxuewei.db.user="${XUEWEI_DB_USER:-postgres}" -Dxuewei.db.password="${XUEWEI_DB_PASSWORD:-}"
cat platform/target/load/season.txt
