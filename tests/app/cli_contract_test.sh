#!/usr/bin/env bash
# The command-line contract scripts rely on (shared/design.md, "Names other tools rely on").
# Usage: cli_contract_test.sh VISITBOARD_BINARY CASE
set -uo pipefail
bin=$1
case_name=$2
work=$(mktemp -d)
xvfb_pid=""
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
db="$work/team.db"
now="2026-11-23T10:30"

fail() { echo "FAIL: $*" >&2; exit 1; }
# xrun command...: runs a command on this case's own X server. The server is started once per case with
# -displayfd, so it picks a free display itself: `xvfb-run -a` in two processes at once (other ctest
# runs, other builds on the machine) can choose the same display and one of them fails.
xrun() {
  if [ -z "$xvfb_pid" ]; then
    command -v Xvfb >/dev/null || fail "Xvfb missing (packaging/install-deps installs xvfb)"
    Xvfb -displayfd 3 -screen 0 1920x1080x24 -nolisten tcp 3>"$work/display" >/dev/null 2>"$work/xvfb.err" &
    xvfb_pid=$!
    local i
    for i in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
    [ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.err")"
  fi
  DISPLAY=":$(head -n1 "$work/display")" "$@"
}
vb() { "$bin" --db "$db" --now "$now" "$@"; }
# The sqlite3 shell has no busy timeout: a query that meets another connection closing the WAL file
# (the last one to close checkpoints it) failed with "database is locked" under load. Wait instead.
sqlite3() { command sqlite3 -cmd ".timeout 5000" "$@"; }
expect_exit() {  # expect_exit CODE command...
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/err" >&2; fail "'$*' exited $got, expected $want"; }
}
sha() { sqlite3 "$db" "SELECT status||'|'||coalesce(reason,'') FROM visit ORDER BY id" | sha256sum; }

demo() { vb demo --seed 7 2>/dev/null || fail "demo failed"; }
# free_slot: "REVIEWER START" of the earliest free senior-review slot in the next two weeks (weekly
# clinics and one-off slots, minus leave and full ones), START local as apply takes it.
free_slot() {
  python3 - "$db" <<'PY'
import datetime as dt, sqlite3, sys, zoneinfo
con = sqlite3.connect(sys.argv[1]); tz = zoneinfo.ZoneInfo("Europe/London")
now = dt.datetime(2026, 11, 23, 10, 30, tzinfo=tz)
slots = [(dt.datetime.fromisoformat(s.replace("Z", "+00:00")), r, c) for r, s, c in
         con.execute("SELECT reviewer, starts_at, capacity FROM review_slot")]
for r, wd, minute, cap, f, u in con.execute(
        "SELECT reviewer, weekday, start_minute, capacity, from_date, until_date FROM slot_pattern"):
    for k in range(15):
        d = now.date() + dt.timedelta(days=k)
        if d.isoweekday() == wd and str(d) >= f and (u is None or str(d) <= u):
            slots.append((dt.datetime.combine(d, dt.time(minute // 60, minute % 60), tz), r, cap))
for start, r, cap in sorted(slots, key=lambda x: x[0]):
    day = str(start.astimezone(tz).date())
    utc = start.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    away = con.execute("SELECT count(*) FROM reviewer_leave WHERE reviewer=? AND from_date<=? AND until_date>=?",
                       (r, day, day)).fetchone()[0]
    taken = con.execute("SELECT count(*) FROM review_booking WHERE reviewer=? AND slot_start=? AND cancelled_at IS NULL",
                        (r, utc)).fetchone()[0]
    if start > now and not away and taken < cap:
        print(r, start.astimezone(tz).strftime("%Y-%m-%dT%H:%M")); break
PY
}
# An open episode with no review booked from now on.
unbooked_episode() {
  sqlite3 "$db" "SELECT id FROM episode WHERE closed_at IS NULL AND id NOT IN (SELECT episode_id FROM review_booking
    WHERE cancelled_at IS NULL AND slot_start >= '2026-11-23T10:30:00Z') ORDER BY id LIMIT 1"
}

case "$case_name" in
  demo_is_deterministic)
    demo; a=$(vb board --format csv)
    rm -f "$db"; demo; b=$(vb board --format csv)
    [ "$a" = "$b" ] || fail "same seed and --now gave different boards"
    rm -f "$db"; vb demo --seed 8 2>/dev/null; c=$(vb board --format csv)
    [ "$a" != "$c" ] || fail "a different seed gave the same board"
    ;;
  demo_replaces_only_demo_databases)
    demo; demo || fail "an existing demo database was not replaced"
    printf 'precious notes\n' > "$work/notes.db"
    expect_exit 1 "$bin" --db "$work/notes.db" demo
    grep -q 'precious notes' "$work/notes.db" || fail "a non-demo file was changed"
    grep -qi 'notes.db' "$work/err" || fail "the refusal does not name the file"
    ;;
  board_csv_has_contract_columns)
    demo
    vb board --format csv > "$work/board.csv"
    head -1 "$work/board.csv" | grep -qx 'person_id,initials,stage,phase,zone,risk,named_worker,next_review_due,review_status,visit_id,window_start,window_end,type,status,staff,ooh,double_up' || fail "csv header differs: $(head -1 "$work/board.csv")"
    rows=$(($(wc -l < "$work/board.csv") - 1))
    visits=$(sqlite3 "$db" "SELECT count(*) FROM visit WHERE local_date='2026-11-23'")
    [ "$rows" -eq "$visits" ] || fail "csv has $rows visit rows, the database has $visits visits today"
    [ "$rows" -ge 10 ] || fail "fewer than 10 visits today"
    vb board --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["date"]=="2026-11-23"; assert sum(len(p["visits"]) for p in d["people"])=='"$rows"'; assert all("name" not in p for p in d["people"])' || fail "json does not agree with csv"
    vb board --format json --names | python3 -c 'import json,sys; d=json.load(sys.stdin); assert all("name" in p for p in d["people"])' || fail "--names does not add names"
    ;;
  apply_marks_a_visit_with_one_audit_row)
    demo
    visit=$(sqlite3 "$db" "SELECT id FROM visit WHERE local_date='2026-11-23' AND status='planned' AND staff1 IS NOT NULL ORDER BY window_start DESC LIMIT 1")
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') LIMIT 1")
    before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    echo "{\"command\":\"mark_visit\",\"visit\":$visit,\"status\":\"cancelled_by_person\",\"reason\":\"away\",\"by\":\"$staff\"}" | vb apply > "$work/result" || fail "apply failed"
    grep -q '"line":1,"ok":true,"audit_id":' "$work/result" || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT status FROM visit WHERE id=$visit")" = cancelled_by_person ] || fail "status not stored"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq $((before + 1)) ] || fail "not exactly one audit row"
    vb board --format csv | grep -q ",$visit,.*,cancelled_by_person," || fail "the board does not show the new status"
    ;;
  apply_with_a_bad_line_changes_nothing)
    demo
    visit=$(sqlite3 "$db" "SELECT id FROM visit WHERE local_date='2026-11-23' AND status='planned' LIMIT 1")
    staff=$(sqlite3 "$db" "SELECT staff_id FROM staff_role WHERE role='clinician' LIMIT 1")
    before=$(sha); audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    good="{\"command\":\"mark_visit\",\"visit\":$visit,\"status\":\"cancelled_by_team\",\"reason\":\"x\",\"by\":\"$staff\"}"
    printf '%s\n%s\n' "$good" '{"command":"mark_visit","visit":99999999,"status":"done","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q '^line 2: visit 99999999 does not exist' "$work/err" || fail "error does not name line 2 and the visit: $(cat "$work/err")"
    printf '%s\n%s\n' "$good" '{"command":"mark_visit","visit":1,"status":"finished","by":"S01"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "^line 2: field 'status'" "$work/err" || fail "bad status not reported: $(cat "$work/err")"
    printf '%s\nnot json\n' "$good" > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q '^line 2: not valid JSON' "$work/err" || fail "malformed line not reported"
    # A number too large to hold: the same refusal naming the line (it escaped as an exception before).
    printf '%s\n%s\n' "$good" '{"command":"mark_visit","visit":1E999,"status":"done","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "^line 2: not valid JSON (.*number overflow parsing '1E999'" "$work/err" || fail "number overflow not reported by line: $(cat "$work/err")"
    grep -q '^nothing applied' "$work/err" || fail "number overflow: 'nothing applied' missing: $(cat "$work/err")"
    printf '{"command":"launch_rocket"}\n' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "^line 1: unknown command 'launch_rocket'" "$work/err" || fail "unknown command not reported"
    [ "$(sha)" = "$before" ] || fail "a refused batch changed visits"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq "$audits" ] || fail "a refused batch wrote audit rows"
    ;;
  book_then_record_review_via_apply)
    demo
    free_slot > "$work/slot"
    read -r reviewer slot < "$work/slot"
    [ -n "$slot" ] || fail "the demo has no free review slot in the next two weeks"
    episode=$(unbooked_episode)
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    printf '%s\n%s\n' \
      '{"command":"book_review","episode":'"$episode"',"reviewer":"'"$reviewer"'","slot_start":"'"$slot"'","by":"'"$staff"'"}' \
      '{"command":"record_review","episode":'"$episode"',"reviewer":"'"$reviewer"'","held_at":"2026-11-23T10:15","risk":"high","risk_domains":["self_harm_suicide","safeguarding"],"decision":"continue","rationale":"plan holds","person_told":true,"family_told":false,"next_review_due":"2026-11-30T10:00","by":"'"$reviewer"'"}' \
      > "$work/in"
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "apply failed: $(cat "$work/err")"
    [ "$(grep -c '"ok":true,"audit_id":' "$work/result")" -eq 2 ] || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM review_booking WHERE episode_id=$episode AND reviewer='$reviewer' AND cancelled_at IS NULL AND booked_by='$staff' AND booked_at='2026-11-23T10:30:00Z'")" -eq 1 ] || fail "booking not stored"
    review=$(sqlite3 "$db" "SELECT id FROM review WHERE episode_id=$episode AND held_at='2026-11-23T10:15:00Z' AND risk_level='high' AND person_told=1 AND next_review_due='2026-11-30T10:00:00Z'")
    [ -n "$review" ] || fail "review not stored"
    [ "$(sqlite3 "$db" "SELECT group_concat(domain) FROM (SELECT domain FROM review_risk_domain WHERE review_id=$review ORDER BY seq)")" = "self_harm_suicide,safeguarding" ] || fail "risk domains not stored in order"
    [ "$(sqlite3 "$db" "SELECT risk_level FROM episode WHERE id=$episode")" = high ] || fail "episode risk not updated"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq $((audits + 2)) ] || fail "not exactly one audit row per command"
    ;;
  step_down_gate_via_apply)
    demo
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    episode=""
    for e in $(sqlite3 "$db" "SELECT id FROM episode WHERE closed_at IS NULL AND stage='step-down' ORDER BY id"); do
      printf '%s\n' '{"command":"step_down","episode":'"$e"',"note":"agreed","by":"'"$staff"'"}' > "$work/in"
      if ! vb apply < "$work/in" > "$work/out" 2>"$work/err" && grep -q "step-down blocked: no risk reassessment since" "$work/out" "$work/err"; then
        episode=$e
        break
      fi
    done
    [ -n "$episode" ] || fail "no step-down in the demo is refused for want of a reassessment"
    audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    printf '%s\n%s\n' \
      '{"command":"record_reassessment","episode":'"$episode"',"risk":"low","note":"settled; safety plan reviewed","by":"'"$staff"'"}' \
      '{"command":"step_down","episode":'"$episode"',"note":"agreed with the person","by":"'"$staff"'"}' > "$work/in"
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "apply failed: $(cat "$work/err") $(cat "$work/result")"
    [ "$(grep -c '"ok":true,"audit_id":' "$work/result")" -eq 2 ] || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq $((audits + 2)) ] || fail "not exactly one audit row per command"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM plan_change WHERE episode_id=$episode AND kind='step_down'")" -eq 1 ] || fail "plan change not stored"
    printf '%s\n' '{"command":"step_up","episode":'"$episode"',"by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "missing field 'reason'" "$work/out" "$work/err" || fail "step_up without a reason not refused in words"
    ;;
  start_plan_from_template_via_apply)
    demo
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    episode=$(sqlite3 "$db" "SELECT e.id FROM episode e JOIN contact_plan p ON p.episode_id = e.id WHERE e.closed_at IS NULL ORDER BY e.id LIMIT 1")
    [ -n "$episode" ] || fail "no open episode with a plan in the demo"
    rows() { sqlite3 "$db" "SELECT (SELECT count(*) FROM contact_plan)||'|'||(SELECT count(*) FROM contact_phase)||'|'||(SELECT count(*) FROM visit)||'|'||(SELECT count(*) FROM audit_log)"; }
    before=$(rows)
    printf '%s\n' '{"command":"start_plan","episode":'"$episode"',"template":"Short taper","start":"2026-11-24","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "episode $episode already has a plan (.*): step it up or down instead" "$work/out" "$work/err" || fail "replacing a plan not refused in words: $(cat "$work/out" "$work/err")"
    # An episode without a plan (its plan removed by another program): an unknown name lists the known ones.
    sqlite3 "$db" "PRAGMA foreign_keys=ON; DELETE FROM contact_plan WHERE episode_id=$episode" || fail "could not remove the plan"
    before=$(rows)
    printf '%s\n' '{"command":"start_plan","episode":'"$episode"',"template":"Gentle taper","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "unknown template 'Gentle taper'; known: Standard taper, High risk start, Short taper, Evening support" "$work/out" "$work/err" || fail "unknown template not refused with the known names: $(cat "$work/out" "$work/err")"
    [ "$(rows)" = "$before" ] || fail "a refused start wrote rows"
    audits=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    printf '%s\n' '{"command":"start_plan","episode":'"$episode"',"template":"Short taper","start":"2026-11-24","by":"'"$staff"'"}' > "$work/in"
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "apply failed: $(cat "$work/err") $(cat "$work/result")"
    [ "$(grep -c '"ok":true,"audit_id":' "$work/result")" -eq 1 ] || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq $((audits + 1)) ] || fail "not exactly one audit row"
    [ "$(sqlite3 "$db" "SELECT name||'|'||start_date FROM contact_plan WHERE episode_id=$episode")" = "Short taper|2026-11-24" ] || fail "plan not stored"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM contact_phase WHERE plan_id=(SELECT id FROM contact_plan WHERE episode_id=$episode)")" -eq 3 ] || fail "phases not stored"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM visit WHERE episode_id=$episode AND status='planned' AND local_date >= '2026-11-24' AND plan_slot IS NOT NULL")" -gt 0 ] || fail "no planned visits generated"
    ;;
  unknown_reviewer_refused_by_line)
    demo
    free_slot > "$work/slot"
    read -r reviewer slot < "$work/slot"
    episode=$(unbooked_episode)
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    rows() { sqlite3 "$db" "SELECT (SELECT count(*) FROM review_booking)||'|'||(SELECT count(*) FROM review)||'|'||(SELECT count(*) FROM audit_log)"; }
    before=$(rows)
    good='{"command":"book_review","episode":'"$episode"',"reviewer":"'"$reviewer"'","slot_start":"'"$slot"'","by":"'"$staff"'"}'
    printf '%s\n%s\n' "$good" '{"command":"set_risk","episode":'"$episode"',"risk":"high","reason":"x","by":"'"$staff"'"}' > "$work/in"
    printf '%s\n' '{"command":"record_review","episode":'"$episode"',"reviewer":"S99","risk":"low","decision":"continue","rationale":"r","by":"'"$staff"'"}' >> "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "^line 3: reviewer 'S99' does not exist" "$work/err" || fail "error does not name line 3 and the reviewer: $(cat "$work/err")"
    [ "$(rows)" = "$before" ] || fail "a refused batch wrote rows"
    ;;
  review_command_fields_are_strict)
    demo
    before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    check_line() {  # check_line JSON EXPECTED_MESSAGE_START
      printf '%s\n' "$1" > "$work/in"
      expect_exit 1 vb apply < "$work/in"
      grep -qF "line 1: $2" "$work/err" || fail "'$1' gave: $(cat "$work/err")"
    }
    check_line '{"command":"book_review","episode":1,"reviewer":"S02","slot_start":"2026-11-24T10:00","by":"S01","slot":3}' "unknown field 'slot'"
    check_line '{"command":"book_review","episode":1,"reviewer":"S02","by":"S01"}' "missing field 'slot_start'"
    check_line '{"command":"book_review","episode":1,"reviewer":"S02","slot_start":"tomorrow","by":"S01"}' "field 'slot_start': 'tomorrow' is not an ISO-8601 time"
    check_line '{"command":"set_risk","episode":1,"risk":"severe","reason":"x","by":"S01"}' "field 'risk': 'severe' is not one of low, medium, high"
    check_line '{"command":"record_review","episode":1,"reviewer":"S02","risk":"low","risk_domains":"self_neglect","decision":"continue","by":"S01"}' "field 'risk_domains' must be a list of strings"
    check_line '{"command":"record_review","episode":1,"reviewer":"S02","risk":"low","decision":"continue","person_told":"yes","by":"S01"}' "field 'person_told' must be true or false"
    check_line '{"command":"log_decision","episode":1,"decision":"d","rationale":"r","corrects":"7","by":"S01"}' "field 'corrects' must be a whole number"
    check_line '{"command":"acknowledge_escalation","episode":1,"trigger":"carer_concern","note":"n","by":"S01"}' "missing field 'fired_at'"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq "$before" ] || fail "a refused line wrote audit rows"
    ;;
  bad_files_and_values_are_refused)
    printf 'this is not sqlite' > "$work/junk.db"
    expect_exit 1 "$bin" --db "$work/junk.db" board
    grep -q 'junk.db' "$work/err" || fail "corrupt file not named: $(cat "$work/err")"
    [ "$(cat "$work/junk.db")" = "this is not sqlite" ] || fail "the corrupt file was modified"
    expect_exit 1 "$bin" --db "$work/missing.db" board
    [ ! -e "$work/missing.db" ] || fail "board created a database"
    demo
    expect_exit 2 vb board --date 2026-02-30
    expect_exit 2 "$bin" --db "$db" --now "yesterday" board
    expect_exit 2 vb board --format xml
    expect_exit 2 vb frobnicate
    expect_exit 2 vb screenshot "$work/x.png" --screen handover --size 800x600
    grep -q "unknown screen 'handover'" "$work/err" || fail "unknown screen not named"
    ;;
  options_work_before_and_after_the_command)
    demo
    a=$("$bin" --db "$db" --now "$now" board --format csv)
    b=$("$bin" board --format csv --db "$db" --now "$now")
    [ "$a" = "$b" ] || fail "global options after the command gave a different result"
    "$bin" --version | grep -q '^visitboard [0-9]' || fail "--version"
    ;;
  screenshot_writes_exact_size_png)
    demo
    for size in 1920x1080 1280x800; do
      out="$work/today-$size.png"
      xrun "$bin" --db "$db" --now "$now" screenshot "$out" --screen today --size "$size" 2>"$work/err" || { cat "$work/err"; fail "screenshot $size failed"; }
      got=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d"%struct.unpack(">II",d[16:24]))' "$out") || fail "not a PNG"
      [ "$got" = "$size" ] || fail "asked for $size, got $got"
      # Not a blank frame: a real board has many distinct colours.
      python3 - "$out" <<'PY' || fail "screenshot $size looks blank"
import sys, zlib, struct
data = open(sys.argv[1], "rb").read()
pos, idat = 8, b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    if kind == b"IDAT": idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
raw = zlib.decompress(idat)
assert len(set(raw[i:i + 4] for i in range(0, min(len(raw), 4_000_000), 4))) > 50
PY
    done
    xrun "$bin" --db "$db" --now "$now" screenshot "$work/staff.png" --screen staff --size 1280x800 2>/dev/null || fail "staff screen"
    xrun "$bin" --db "$db" --now "$now" screenshot "$work/lock.png" --screen lock --size 1280x800 2>"$work/err" || fail "lock screen: $(cat "$work/err")"
    grep -q "blur unavailable" "$work/err" && fail "the privacy blur shader did not load: $(cat "$work/err")"
    ;;
  pin_set_reads_stdin_and_only_a_coordinator_clears_a_lock)
    demo
    [ "$(sqlite3 "$db" "SELECT count(*) FROM staff_pin")" -gt 0 ] || fail "demo staff have no PINs"
    echo 4826 | vb pin set S07 2>"$work/err" || fail "pin set failed: $(cat "$work/err")"
    hash=$(sqlite3 "$db" "SELECT pin_hash FROM staff_pin WHERE staff_id='S07'")
    case "$hash" in '$argon2id$'*) ;; *) fail "not an Argon2id hash: $hash" ;; esac
    sqlite3 "$db" "SELECT after_json FROM audit_log" | grep -q 4826 && fail "the PIN reached the audit log"
    echo 12 | expect_exit 1 vb pin set S07
    grep -q "4 to 8 digits" "$work/err" || fail "short PIN not explained: $(cat "$work/err")"
    sqlite3 "$db" "INSERT INTO sign_in_lock (staff_id, locked_at) VALUES ('S07', '2026-11-23T10:00:00Z')"
    vb pin status S07 | grep -q LOCKED || fail "status does not say locked"
    expect_exit 1 vb pin clear S07 --by S08
    grep -q "without the shift coordinator or admin role" "$work/err" || fail "clinician clear not refused in words: $(cat "$work/err")"
    vb pin clear S07 --by S02 > "$work/result" || fail "coordinator could not clear"
    grep -q '"ok":true' "$work/result" || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command='clear_lockout' AND by_staff='S02' AND entity_id='S07'")" -eq 1 ] || fail "clear not audited"
    expect_exit 2 vb pin clear S07
    vb roles S08 viewer || fail "roles set failed"
    [ "$(vb roles S08)" = "S08: viewer" ] || fail "roles not replaced: $(vb roles S08)"
    expect_exit 1 vb roles S08 viewer,nurse
    ;;
  allocate_tonight_via_apply)
    demo
    visit=$(sqlite3 "$db" "SELECT id FROM visit WHERE local_date = '2026-11-23' AND out_of_hours = 1 AND staff1 IS NULL AND status = 'planned' LIMIT 1")
    [ -n "$visit" ] || fail "the demo has no unallocated visit tonight"
    before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    printf '{"command":"allocate_visit","visit":%s,"staff1":"S99","by":"S01"}\n' "$visit" > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -qF "line 1: staff 'S99' does not exist" "$work/err" || fail "unknown staff: $(cat "$work/err")"
    # Someone on the early (ends 16:00) cannot take an evening visit.
    early=$(sqlite3 "$db" "SELECT staff_id FROM shift WHERE local_date = '2026-11-23' AND kind = 'early' ORDER BY staff_id LIMIT 1")
    printf '{"command":"allocate_visit","visit":%s,"staff1":"%s","by":"S01"}\n' "$visit" "$early" > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -qF "is not on shift for the whole of visit $visit" "$work/err" || fail "off shift: $(cat "$work/err")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" -eq "$before" ] || fail "a refused line wrote audit rows"
    ok=""
    for who in $(sqlite3 "$db" "SELECT staff_id FROM shift WHERE local_date = '2026-11-23' AND kind = 'late' ORDER BY staff_id"); do
      printf '{"command":"allocate_visit","visit":%s,"staff1":"%s","by":"S01"}\n' "$visit" "$who" > "$work/in"
      if vb apply < "$work/in" > "$work/out" 2>"$work/err"; then ok=$who; break; fi
    done
    [ -n "$ok" ] || fail "nobody on the late shift could take visit $visit"
    grep -q '"ok":true' "$work/out" || fail "no result line"
    [ "$(sqlite3 "$db" "SELECT staff1 FROM visit WHERE id = $visit")" = "$ok" ] || fail "visit not allocated"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command = 'allocate_visit' AND entity_id = '$visit'")" -eq 1 ] || fail "audit row"
    xrun "$bin" --db "$db" --now "$now" screenshot "$work/ooh.png" --screen ooh --size 1280x800 2>"$work/err" || { cat "$work/err"; fail "ooh screen"; }
    ;;
  staff_access_via_apply_and_no_pin_in_apply)
    demo
    printf '%s\n' '{"command":"grant_role","staff":"S07","role":"coordinator","by":"S01"}' > "$work/in"
    vb apply < "$work/in" > "$work/out" 2>"$work/err" || fail "grant_role failed: $(cat "$work/err")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM staff_role WHERE staff_id='S07' AND role='coordinator'")" -eq 1 ] || fail "role not granted"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command='grant_role' AND by_staff='S01' AND entity_id='S07'")" -eq 1 ] || fail "grant not audited"
    printf '%s\n' '{"command":"revoke_role","staff":"S01","role":"admin","by":"S01"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "last admin" "$work/err" || fail "last admin not refused in words: $(cat "$work/err")"
    before=$(sqlite3 "$db" "SELECT count(*) FROM audit_log")
    printf '%s\n' '{"command":"set_pin","staff":"S07","pin":"73915","by":"S01"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "set_pin is not accepted by apply" "$work/err" || fail "set_pin not refused: $(cat "$work/err")"
    if grep -q 73915 "$work/err" "$work/out"; then fail "the PIN was echoed"; fi
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log")" = "$before" ] || fail "a refused set_pin wrote rows"
    if sqlite3 "$db" "SELECT before_json || after_json FROM audit_log" | grep -q 73915; then fail "the PIN is in audit_log"; fi
    ;;
  screenshot_opens_the_bundle_and_closure_sheet)
    demo
    episode=$(sqlite3 "$db" "SELECT id FROM episode WHERE closed_at IS NULL AND stage = 'handover' ORDER BY id LIMIT 1")
    for section in bundle carer close carer-other key-person flags flags-clear keyboard-name keyboard-accents keyboard-phone \
        key-person-edit key-person-remove key-person-remove-confirm carer-history; do
      xrun "$bin" --db "$db" --now "$now" screenshot "$work/$section.png" --screen plans --size 1280x800 \
        --episode "$episode" --closure "$section" 2>"$work/err" || { cat "$work/err"; fail "closure sheet $section"; }
    done
    expect_exit 2 xrun "$bin" --db "$db" --now "$now" screenshot "$work/x.png" --screen plans --closure everything
    grep -q "must be bundle, carer, carer-other, key-person, flags, flags-clear, close, keyboard-name" "$work/err" || fail "bad --closure not explained: $(cat "$work/err")"
    expect_exit 1 xrun "$bin" --db "$db" --now "$now" screenshot "$work/x.png" --screen plans --episode 999999
    grep -q "episode 999999 does not exist" "$work/err" || fail "unknown --episode not named: $(cat "$work/err")"
    ;;
  add_visit_via_apply_and_screenshot)
    # Session 7: a visit added by hand through apply: one row, one audit row, out of hours by the rule;
    # a bad line changes nothing; the kiosk's Add visit sheet renders.
    demo
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    episode=$(sqlite3 "$db" "SELECT e.id FROM episode e JOIN contact_plan p ON p.episode_id = e.id WHERE e.closed_at IS NULL ORDER BY e.id LIMIT 1")
    rows() { sqlite3 "$db" "SELECT (SELECT count(*) FROM visit)||'|'||(SELECT count(*) FROM audit_log)"; }
    before=$(rows)
    printf '%s\n' '{"command":"add_visit","episode":'"$episode"',"date":"2026-11-24","start":"19:00","end":"18:00","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "line 1: the window ends (18:00) before it starts (19:00) on Tue 24 Nov" "$work/err" || fail "end before start not refused in words: $(cat "$work/err")"
    [ "$(rows)" = "$before" ] || fail "a refused add_visit wrote rows"
    printf '%s\n' '{"command":"add_visit","episode":'"$episode"',"date":"2026-11-24","start":"17:00","end":"19:00","type":"home","duration_min":45,"double_up":true,"note":"Carer called","by":"'"$staff"'"}' > "$work/in"
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "apply failed: $(cat "$work/err") $(cat "$work/result")"
    [ "$(grep -c '"ok":true,"audit_id":' "$work/result")" -eq 1 ] || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command='add_visit'")" -eq 1 ] || fail "not exactly one audit row"
    [ "$(sqlite3 "$db" "SELECT window_start||'|'||window_end||'|'||out_of_hours||'|'||double_up||'|'||coalesce(plan_slot,'none')||'|'||hand_edited FROM visit WHERE episode_id=$episode AND reason='Carer called'")" = "2026-11-24T17:00:00Z|2026-11-24T19:00:00Z|1|1|none|1" ] || fail "visit not stored as added: $(sqlite3 "$db" "SELECT * FROM visit WHERE reason='Carer called'")"
    vb board --date 2026-11-24 --format csv > "$work/board.csv" || fail "board failed"
    grep -q "2026-11-24T17:00:00+00:00" "$work/board.csv" || fail "the added visit is not on the board: $(head -3 "$work/board.csv")"
    for chosen in empty chosen; do
      xrun "$bin" --db "$db" --now "$now" screenshot "$work/add-$chosen.png" --screen plans --size 1280x800 \
        --episode "$episode" --add-visit "$chosen" 2>"$work/err" || { cat "$work/err"; fail "add visit sheet $chosen"; }
    done
    expect_exit 2 xrun "$bin" --db "$db" --now "$now" screenshot "$work/x.png" --screen plans --episode "$episode" --add-visit maybe
    grep -q "must be empty, chosen or night" "$work/err" || fail "bad --add-visit not explained: $(cat "$work/err")"
    # Session 8: a night visit crossing midnight only when the line says so; the sheet from Today.
    printf '%s\n' '{"command":"add_visit","episode":'"$episode"',"date":"2026-11-24","start":"23:30","end":"00:30","note":"Night","by":"'"$staff"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "if it ends the next day, say so (ends_next_day)" "$work/err" || fail "a night end without ends_next_day not refused: $(cat "$work/err")"
    printf '%s\n' '{"command":"add_visit","episode":'"$episode"',"date":"2026-11-24","start":"23:30","end":"00:30","ends_next_day":true,"note":"Night","by":"'"$staff"'"}' > "$work/in"
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "night apply failed: $(cat "$work/err") $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT local_date||'|'||window_start||'|'||window_end||'|'||out_of_hours FROM visit WHERE episode_id=$episode AND reason='Night'")" = "2026-11-24|2026-11-24T23:30:00Z|2026-11-25T00:30:00Z|1" ] || fail "night visit not stored: $(sqlite3 "$db" "SELECT * FROM visit WHERE reason='Night'")"
    for chosen in empty night; do
      xrun "$bin" --db "$db" --now "$now" screenshot "$work/today-add-$chosen.png" --screen today --size 1280x800 \
        --episode "$episode" --add-visit "$chosen" 2>"$work/err" || { cat "$work/err"; fail "today add visit sheet $chosen"; }
    done
    expect_exit 2 xrun "$bin" --db "$db" --now "$now" screenshot "$work/x.png" --screen today --add-visit empty
    grep -q "needs --episode" "$work/err" || fail "today --add-visit without --episode not explained: $(cat "$work/err")"
    ;;
  consent_change_leaves_a_past_report_unchanged)
    # Session 9: consent is versioned. Turning every key person's consent round through apply (one
    # transaction, one audit row and one new version each) leaves a past period's report byte-identical;
    # a change dated before the details in effect, or by someone without the clinician role, is refused
    # by line and writes nothing.
    demo
    staff=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    viewer=$(sqlite3 "$db" "SELECT id FROM staff WHERE active=1 AND id NOT IN (SELECT staff_id FROM staff_role WHERE role='clinician') ORDER BY id LIMIT 1")
    vb report --from 2026-10-01 --to 2026-11-14 --format csv > "$work/before.csv" || fail "report failed"
    vb report --from 2026-10-01 --to 2026-11-14 --format json > "$work/before.json" || fail "report failed"
    sqlite3 "$db" "SELECT id, consent_to_share FROM key_person WHERE ended_at IS NULL ORDER BY id" |
      awk -F'|' -v by="$staff" '{ printf "{\"command\":\"update_key_person\",\"key_person\":%s,\"consent_to_share\":%s,\"by\":\"%s\",\"at\":\"2026-11-23T10:40\"}\n", $1, ($2 == 1 ? "false" : "true"), by }' > "$work/in"
    lines=$(wc -l < "$work/in")
    [ "$lines" -gt 5 ] || fail "too few key people in the demo: $lines"
    versions=$(sqlite3 "$db" "SELECT count(*) FROM key_person_version")
    vb apply < "$work/in" > "$work/result" 2>"$work/err" || fail "apply failed: $(cat "$work/err")"
    [ "$(grep -c '"ok":true' "$work/result")" -eq "$lines" ] || fail "unexpected result: $(cat "$work/result")"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM key_person_version")" -eq $((versions + lines)) ] || fail "not one new version per change"
    [ "$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE command='update_key_person'")" -eq "$lines" ] || fail "not one audit row per change"
    vb report --from 2026-10-01 --to 2026-11-14 --format csv | cmp -s - "$work/before.csv" || fail "the past report's csv changed"
    vb report --from 2026-10-01 --to 2026-11-14 --format json | cmp -s - "$work/before.json" || fail "the past report's json changed"
    key=$(head -n1 "$work/in" | sed 's/.*"key_person":\([0-9]*\).*/\1/')
    before=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM key_person_version)||'|'||(SELECT count(*) FROM audit_log)")
    printf '%s\n' '{"command":"update_key_person","key_person":'"$key"',"contact":"07700 900999","by":"'"$staff"'","at":"2026-11-23T10:35"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "line 1: at: key person $key (.*) has details in effect from 2026-11-23T10:40; a change cannot take effect before that (2026-11-23T10:35)" "$work/err" || fail "a change before the version in effect not refused in words: $(cat "$work/err")"
    printf '%s\n' '{"command":"update_key_person","key_person":'"$key"',"contact":"07700 900999","by":"'"$viewer"'"}' > "$work/in"
    expect_exit 1 vb apply < "$work/in"
    grep -q "line 1: .*without the clinician role: cannot change a family member's or carer's details" "$work/err" || fail "role not checked: $(cat "$work/err")"
    [ "$(sqlite3 "$db" "SELECT (SELECT count(*) FROM key_person_version)||'|'||(SELECT count(*) FROM audit_log)")" = "$before" ] || fail "a refused change wrote rows"
    ;;
  font_texture_one_byte_draws_the_same_frames)
    # Session 10 (s10B, issue 7): the font atlas is held as one byte a texel (GL_R8, swizzled to
    # 1, 1, 1, red) instead of the backend's RGBA; every pixel must come out as with the RGBA texture.
    demo
    for shot in "today 1920x1080" "today 1280x800" "staff 1280x800" "lock 1280x800" "compliance 1920x1080" "admin 1280x800"; do
      set -- $shot
      xrun "$bin" --db "$db" --now "$now" screenshot "$work/r8.png" --screen "$1" --size "$2" 2>"$work/err" || fail "screenshot $shot: $(cat "$work/err")"
      grep -q "font texture" "$work/err" && fail "the font texture was not narrowed: $(cat "$work/err")"
      VISITBOARD_FONT_TEXTURE=rgba xrun "$bin" --db "$db" --now "$now" screenshot "$work/rgba.png" --screen "$1" --size "$2" 2>/dev/null || fail "rgba screenshot $shot"
      cmp -s "$work/r8.png" "$work/rgba.png" || fail "$shot differs between the one-byte and the RGBA font texture"
    done
    xrun "$bin" --db "$db" --now "$now" screenshot "$work/r8.png" --screen today --privacy --size 1280x800 2>/dev/null || fail "privacy screenshot"
    VISITBOARD_FONT_TEXTURE=rgba xrun "$bin" --db "$db" --now "$now" screenshot "$work/rgba.png" --screen today --privacy --size 1280x800 2>/dev/null || fail "rgba privacy screenshot"
    cmp -s "$work/r8.png" "$work/rgba.png" || fail "the privacy view differs between the one-byte and the RGBA font texture"
    ;;
  idle_kiosk_gives_back_the_drivers_frame_memory)
    # Session 12 (s12B, issue 7): once a frame is on the glass and the board goes idle, the GL driver's
    # blocks for that frame (llvmpipe keeps a scene's binned commands until it reuses the scene, 3-5 MiB
    # for a full 1080p board) go back. Same kiosk, same data, with and without (VISITBOARD_FRAME_MEMORY=keep).
    demo
    # anon_when_idle [ENV=VALUE]: the idle kiosk's resident anonymous memory, KiB (its threads done).
    anon_when_idle() {
      DISPLAY=":$(head -n1 "$work/display")" env "$@" "$bin" --db "$db" --now "$now" run --no-backups >/dev/null 2>"$work/run.err" &
      local pid=$! last=-1 same=0 i ticks
      for i in $(seq 120); do  # up to 60 s: idle once no CPU tick is used for 2 s (after 4 s at least)
        sleep 0.5
        [ -r "/proc/$pid/stat" ] || fail "the kiosk stopped: $(cat "$work/run.err")"
        ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
        if [ "$ticks" = "$last" ]; then same=$((same + 1)); else same=0; fi
        last=$ticks
        [ "$i" -ge 8 ] && [ "$same" -ge 4 ] && break
      done
      awk '/^Anonymous:/ {print $2}' "/proc/$pid/smaps_rollup"
      kill -TERM "$pid"; wait "$pid"
    }
    xrun true  # this case's X server, started here: the figures are read in subshells
    kept=$(anon_when_idle VISITBOARD_FRAME_MEMORY=keep)
    given=$(anon_when_idle VISITBOARD_FRAME_MEMORY=)
    [ -n "$kept" ] && [ -n "$given" ] || fail "no memory figures ($kept / $given)"
    # The team's locked Today at 1920x1080: about 3 MiB less once idle here (4-5 MiB later, with more
    # frames drawn); at least 2 MiB leaves room for noise. Without the release both are the same.
    [ $((given + 2048)) -lt "$kept" ] || fail "idle anonymous memory ${given} KiB with the frame's blocks given back, ${kept} KiB kept: expected at least 2 MiB less"
    ;;
  solid_fills_leave_the_pixels_unchanged)
    # The compliance tiles' and the PIN pad's fills drawn by shaders/solid_fill.* (no font texture:
    # issue 7's frame target) give the very pixels ImGui's own shader gives: day and night, wall and
    # desk, a list open, the pad over the blurred board.
    demo
    shot() {  # shot NAME NOW SIZE SCREEN [more screenshot options]: both ways, compared byte for byte
      local name=$1 at=$2 size=$3 screen=$4; shift 4
      xrun "$bin" --db "$db" --now "$at" screenshot "$work/$name-solid.png" --screen "$screen" --size "$size" "$@" \
        2>"$work/err" || fail "screenshot $name: $(cat "$work/err")"
      grep -q "solid fill" "$work/err" && fail "the solid fill shader did not load: $(cat "$work/err")"
      VISITBOARD_SOLID_FILL=off xrun "$bin" --db "$db" --now "$at" screenshot "$work/$name-imgui.png" --screen "$screen" \
        --size "$size" "$@" 2>"$work/err" || fail "screenshot $name without solid fills: $(cat "$work/err")"
      grep -q "solid fills unavailable (turned off" "$work/err" || fail "VISITBOARD_SOLID_FILL=off was not taken: $(cat "$work/err")"
      cmp -s "$work/$name-solid.png" "$work/$name-imgui.png" || fail "$name: the solid fills changed pixels"
    }
    shot wall "$now" 1920x1080 compliance
    shot desk "$now" 1280x800 compliance
    shot night 2026-11-23T23:30:00 1280x800 compliance
    shot list "$now" 1280x800 compliance --measure missed-visit-follow-up-4h
    shot pad "$now" 1920x1080 lock
    shot pad-desk "$now" 1280x800 lock
    shot pad-night 2026-11-23T23:30:00 1280x800 lock
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
