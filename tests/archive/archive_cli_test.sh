#!/usr/bin/env bash
# backup / restore / import / export through the real binary (shared/design.md, "Names other tools
# rely on"). Usage: archive_cli_test.sh VISITBOARD_BINARY CASE
set -uo pipefail
bin=$1
case_name=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/team.db"
now="2026-11-23T10:30"
mkdir -p "$work/keys"
cp "$here/data/test.key" "$work/keys/archive.key" && chmod 600 "$work/keys/archive.key"
export VISITBOARD_KEY_FILE="$work/keys/archive.key"
export HOME="$work/home"

fail() { echo "FAIL: $*" >&2; exit 1; }
vb() { "$bin" --db "$db" --now "$now" "$@"; }
expect_exit() {  # expect_exit CODE command...
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/err" >&2; fail "'$*' exited $got, expected $want"; }
}
demo() { vb demo --seed 7 2>/dev/null || fail "demo failed"; }
# Every table, row for row (audit_log and sqlite_sequence compared separately).
contents() {
  for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type='table' AND name NOT IN ('audit_log','sqlite_sequence') ORDER BY name"); do
    echo "== $t"; sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1, 2"
  done
}

case "$case_name" in
  backup_and_restore_round_trip)
    demo
    vb backup "$work/team.vba" || fail "backup failed"
    head -1 "$work/team.vba" | grep -qx 'visitboard archive' || fail "no archive header"
    [ "$(stat -c %a "$work/team.vba")" = 600 ] || fail "the archive is readable by others"
    "$bin" --db "$work/copy.db" --now "$now" restore "$work/team.vba" || fail "restore into a new file failed"
    [ "$(contents "$db")" = "$(contents "$work/copy.db")" ] || fail "restored tables differ"
    [ "$(sqlite3 "$work/copy.db" "SELECT command FROM audit_log ORDER BY id DESC LIMIT 1")" = restore ] || fail "no restore audit row"
    # Over an existing database: replaced, the old one kept.
    sqlite3 "$db" "UPDATE visit SET reason='after backup' WHERE id=(SELECT min(id) FROM visit)"
    vb restore "$work/team.vba" || fail "restore over an existing database failed"
    [ -f "$db.previous" ] || fail "the previous database was not kept"
    [ "$(sqlite3 "$db.previous" "SELECT count(*) FROM visit WHERE reason='after backup'")" = 1 ] || fail ".previous is not the old file"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM visit WHERE reason='after backup'")" = 0 ] || fail "the database was not replaced"
    ;;
  restore_refuses_a_damaged_archive_and_changes_nothing)
    demo
    vb backup "$work/team.vba" 2>/dev/null || fail "backup failed"
    sum=$(sha256sum < "$db")
    head -c 3000 "$work/team.vba" > "$work/short.vba"
    expect_exit 1 vb restore "$work/short.vba"
    grep -q 'short.vba.*truncated' "$work/err" || fail "truncation not named: $(cat "$work/err")"
    python3 -c 'import sys; b=bytearray(open(sys.argv[1],"rb").read()); b[-100]^=1; open(sys.argv[2],"wb").write(b)' "$work/team.vba" "$work/flip.vba"
    expect_exit 1 vb restore "$work/flip.vba"
    grep -q 'damaged or was altered' "$work/err" || fail "bit flip not reported: $(cat "$work/err")"
    sed '0,/^format: 1$/s//format: 7/' "$work/team.vba" > "$work/newer.vba"
    expect_exit 1 vb restore "$work/newer.vba"
    grep -q 'archive format 7, newer than this build' "$work/err" || fail "newer format not reported: $(cat "$work/err")"
    expect_exit 1 vb restore "$work/missing.vba"
    [ "$(sha256sum < "$db")" = "$sum" ] || fail "a refused restore changed the database"
    [ ! -e "$db.previous" ] && [ ! -e "$db.restoring" ] || fail "a refused restore left files behind"
    ;;
  restore_refuses_the_wrong_key)
    demo
    vb backup "$work/team.vba" 2>/dev/null || fail "backup failed"
    printf '%064d\n' 7 > "$work/keys/other.key"; chmod 600 "$work/keys/other.key"
    expect_exit 1 vb restore "$work/team.vba" --key "$work/keys/other.key"
    grep -q 'sealed with a different key' "$work/err" || fail "wrong key not reported: $(cat "$work/err")"
    chmod 644 "$work/keys/other.key"
    expect_exit 1 vb restore "$work/team.vba" --key "$work/keys/other.key"
    grep -q 'can be read by other users' "$work/err" || fail "a readable key was accepted"
    ;;
  restore_killed_midway_changes_nothing_and_the_next_restore_clears_it_in_words)
    demo
    vb backup "$work/team.vba" 2>/dev/null || fail "backup failed"
    sqlite3 "$db" "UPDATE visit SET reason='after backup' WHERE id=(SELECT min(id) FROM visit)"
    sum=$(sha256sum < "$db")
    # True while restore process $1 has its side file open and has written 100 kB into it (WAL included).
    writing() {
      ls -l "/proc/$1/fd" 2>/dev/null | grep -q -- "-> $db.restoring\$" &&
        [ "$(cat "$db.restoring" "$db.restoring-wal" 2>/dev/null | wc -c)" -ge 100000 ]
    }
    wait_writing() { while kill -0 "$1" 2>/dev/null && ! writing "$1"; do sleep 0.01; done; }
    # Killed with SIGKILL while it writes the side file (a few tries, in case one finishes first).
    killed=0
    for try in $(seq 1 10); do
      "$bin" --db "$db" --now "$now" restore "$work/team.vba" >/dev/null 2>&1 &
      pid=$!
      wait_writing "$pid"
      writing "$pid" && kill -9 "$pid" && killed=1
      wait "$pid" 2>/dev/null
      [ "$killed" = 1 ] && break
      mv "$db.previous" "$db" && rm -f "$db-wal" "$db-shm"  # it finished first: put the database back
    done
    [ "$killed" = 1 ] || fail "no restore could be killed mid-way in 10 tries"
    [ "$(sha256sum < "$db")" = "$sum" ] || fail "a restore killed mid-way changed the database"
    [ ! -e "$db.previous" ] || fail "a restore killed mid-way moved the database aside"
    [ -s "$db.restoring" ] || fail "the killed restore left no side file (nothing to test)"
    # The next restore: stopped while it writes, a third one is refused and takes nothing from it.
    "$bin" --db "$db" --now "$now" restore "$work/team.vba" >/dev/null 2>"$work/first.err" &
    pid=$!
    wait_writing "$pid"
    writing "$pid" && kill -STOP "$pid" || fail "could not catch the next restore while it writes"
    expect_exit 1 vb restore "$work/team.vba"
    grep -q "another restore into '$db' is running" "$work/err" || fail "the concurrent restore was not refused in words: $(cat "$work/err")"
    kill -CONT "$pid"
    wait "$pid" || fail "the restore that was running failed: $(cat "$work/first.err")"
    # It removed what the killed one left and said so; the database is the backup's; nothing is left over.
    grep -q "removed '$db.restoring' (.* MB, last written .*), left by an earlier restore that did not finish" "$work/first.err" ||
      fail "the leftover was not reported: $(cat "$work/first.err")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM visit WHERE reason='after backup'")" = 0 ] || fail "the database was not restored"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command='restore'")" = 1 ] || fail "not one restore audit row"
    ! ls "$work" | grep -q 'restoring' || fail "files left behind: $(ls "$work" | tr '\n' ' ')"
    ;;
  backup_creates_a_private_key_on_first_use)
    demo
    unset VISITBOARD_KEY_FILE
    vb backup "$work/team.vba" 2>/dev/null || fail "backup with a new default key failed"
    key="$HOME/.config/visitboard/archive.key"
    [ -f "$key" ] || fail "no key at $key"
    [ "$(stat -c %a "$key")" = 600 ] || fail "key mode is $(stat -c %a "$key")"
    "$bin" --db "$work/copy.db" restore "$work/team.vba" 2>/dev/null || fail "restore with the default key failed"
    ! grep -rq "$(cat "$key")" "$work"/*.db 2>/dev/null || fail "the key is stored in the database"
    ;;
  import_reports_every_problem_and_writes_nothing)
    demo
    before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    expect_exit 1 vb import rota "$here/data/imports/bad/rota_bad_values.csv"
    sed "s|^|$here/data/imports/bad/|" "$here/data/imports/bad/rota_bad_values.expected" > "$work/want"
    grep -v 'nothing imported' "$work/err" > "$work/got"
    diff "$work/want" "$work/got" || fail "problems differ from rota_bad_values.expected"
    expect_exit 2 vb import payroll "$here/data/imports/good/staff.csv"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" = "$before" ] || fail "a refused import wrote"
    ;;
  import_is_idempotent_and_dry_run_writes_nothing)
    demo
    sum=$(sha256sum < "$db")
    vb import staff "$here/data/imports/good/staff.csv" --dry-run > "$work/out" 2>/dev/null || fail "dry run failed"
    grep -q '^would add staff X01' "$work/out" || fail "dry run does not say what it would do"
    [ "$(sha256sum < "$db")" = "$sum" ] || fail "--dry-run changed the database"
    for kind in staff caseload rota; do vb import $kind "$here/data/imports/good/$kind.csv" >/dev/null 2>&1 || fail "import $kind failed"; done
    [ "$(sqlite3 "$db" "SELECT count(*) FROM person WHERE local_id LIKE 'EX-%'")" = 2 ] || fail "caseload people not imported"
    audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command LIKE 'import_%'")
    [ "$audits" -ge 10 ] || fail "only $audits import audit rows"
    for kind in staff caseload rota; do vb import $kind "$here/data/imports/good/$kind.csv" >/dev/null 2>"$work/err" || fail "re-import $kind failed"; grep -q ' 0 added, 0 changed' "$work/err" || fail "re-import $kind changed something: $(cat "$work/err")"; done
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command LIKE 'import_%'")" = "$audits" ] || fail "a re-import wrote audit rows"
    ;;
  export_csv_and_fhir_json)
    demo
    vb export visits --format csv --from 2026-11-23 --to 2026-11-23 > "$work/visits.csv" || fail "csv export failed"
    head -1 "$work/visits.csv" | grep -qx 'visit_id,episode_id,person_local_id,local_date,window_start,window_end,type,status,staff1,staff2,out_of_hours,double_up,outcome_at,reason,duration_min,follow_up_of' || fail "visit columns differ"
    [ $(($(wc -l < "$work/visits.csv") - 1)) = "$(sqlite3 "$db" "SELECT count(*) FROM visit WHERE local_date='2026-11-23'")" ] || fail "csv row count"
    vb export --format json --from 2026-11-23 --to 2026-11-23 | python3 -c 'import json,sys; b=json.load(sys.stdin); assert b["resourceType"]=="Bundle"; kinds={e["resource"]["resourceType"] for e in b["entry"]}; assert {"Appointment","EpisodeOfCare"} <= kinds, kinds' || fail "json is not a FHIR bundle"
    expect_exit 2 vb export --format csv
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
