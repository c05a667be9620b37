#!/usr/bin/env bash
# Copies of a platform database for repeated season runs (a season run publishes, so it can run once per copy).
#
#   scripts/load/season-db.sh snapshot PORT   # the platform's schemas of database xuewei (consistent even while the
#                                             # platform runs: pg_dump's snapshot) -> database season_base
#   scripts/load/season-db.sh clone PORT      # database season_run := a fresh copy of season_base (template copy)
#
# Then: scripts/load/season.sh jdbc:postgresql://127.0.0.1:PORT/season_run
set -euo pipefail
CMD="${1:?snapshot or clone}"
PORT="${2:?port of the PostgreSQL server (loopback)}"
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U "${XUEWEI_DB_USER:-postgres}" -v ON_ERROR_STOP=1 -q)
case "$CMD" in
  snapshot)
    "${PSQL[@]}" -d postgres -c "drop database if exists season_base" -c "create database season_base"
    schemas=$("${PSQL[@]}" -d xuewei -Atc "select string_agg('-n ' || nspname, ' ') from pg_namespace
      where nspname not in ('exchange', 'public', 'information_schema') and nspname not like 'pg\_%'")
    # shellcheck disable=SC2086
    pg_dump -h 127.0.0.1 -p "$PORT" -U "${XUEWEI_DB_USER:-postgres}" -d xuewei $schemas \
      | "${PSQL[@]}" -d season_base > /dev/null
    "${PSQL[@]}" -d season_base -Atc "select 'season_base: ' || count(*) || ' applications' from application.application"
    ;;
  clone)
    "${PSQL[@]}" -d postgres -c "drop database if exists season_run" -c "create database season_run template season_base"
    "${PSQL[@]}" -d season_run -c "analyze" ;;
  *) echo "snapshot or clone" >&2; exit 2 ;;
esac
