#!/usr/bin/env bash
# `visitboard report` end to end: the csv contract, json agreeing with csv, a real PDF (pages and
# text pdftotext can read), and bad periods refused.
# Usage: report_cli_test.sh VISITBOARD_BINARY CASE
set -uo pipefail
bin=$1
case_name=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/team.db"
now="2026-11-23T10:30"

fail() { echo "FAIL: $*" >&2; exit 1; }
vb() { "$bin" --db "$db" --now "$now" "$@"; }
expect_exit() {  # expect_exit CODE command...
  local want=$1; shift
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  [ "$got" -eq "$want" ] || { cat "$work/err" >&2; fail "'$*' exited $got, expected $want"; }
}
vb demo --seed 7 2>/dev/null || fail "demo failed"

case "$case_name" in
  csv_has_contract_columns)
    expect_exit 0 vb report --from 2026-08-01 --to 2026-10-31 --format csv
    [ "$(head -1 "$work/out")" = "measure,label,period_from,period_to,numerator,denominator,value,target,state" ] ||
      fail "header is '$(head -1 "$work/out")'"
    for id in reviews-on-time missed-visit-follow-up-4h re-presentation-30d re-presentation-90d episodes-closed; do
      grep -q "^$id,.*,2026-08-01,2026-10-31," "$work/out" || fail "no row for $id"
    done
    # Every row has nine fields (labels with commas are quoted) and kebab-case ids.
    python3 - "$work/out" <<'PY' || fail "csv is not tidy"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1])))
assert all(len(r) == 9 for r in rows), [r for r in rows if len(r) != 9]
ids = [r[0] for r in rows[1:]]
assert len(ids) == len(set(ids)), "one row per measure per period"
assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), ids
PY
    ;;
  json_agrees_with_csv)
    vb report --from 2026-09-01 --to 2026-11-23 --format csv > "$work/r.csv" || fail "csv failed"
    vb report --from 2026-09-01 --to 2026-11-23 --format json > "$work/r.json" || fail "json failed"
    python3 - "$work/r.csv" "$work/r.json" <<'PY' || fail "json and csv disagree"
import csv, json, sys
rows = {r["measure"]: r for r in csv.DictReader(open(sys.argv[1]))}
doc = json.load(open(sys.argv[2]))
assert doc["period_from"] == "2026-09-01" and doc["period_to"] == "2026-11-23"
assert [m["measure"] for m in doc["measures"]] == list(rows), "same measures in the same order"
for m in doc["measures"]:
    r = rows[m["measure"]]
    assert abs(float(r["numerator"]) - m["numerator"]) < 1e-3, m["measure"]
    assert abs(float(r["denominator"]) - m["denominator"]) < 1e-3, m["measure"]
    assert abs(float(r["value"]) - m["value"]) < 1e-3, m["measure"]
    assert (r["state"] or None) == m["state"], m["measure"]
PY
    ;;
  pdf_has_pages_and_readable_text)
    vb report --from 2026-08-01 --to 2026-10-31 --format pdf > "$work/r.pdf" || fail "pdf failed"
    [ -s "$work/r.pdf" ] || fail "empty pdf"
    [ "$(head -c 5 "$work/r.pdf")" = "%PDF-" ] || fail "not a PDF"
    pages=$(pdfinfo "$work/r.pdf" | awk '/^Pages:/ {print $2}')
    [ "${pages:-0}" -ge 2 ] || fail "expected at least 2 pages, got '$pages'"
    pdftotext -layout "$work/r.pdf" "$work/r.txt" || fail "pdftotext failed"
    for text in "Compliance and outcomes report" "Demo Crisis & Home Treatment Team" "2026-08-01 to 2026-10-31" \
        "Missed visits followed up within 4 h" "Re-presentation within 30 days" "Where people went at closure" \
        "Definitions and sources" "Off target"; do
      grep -qF "$text" "$work/r.txt" || fail "PDF text lacks '$text'"
    done
    # The PDF's figure for episodes closed is the csv's.
    closed=$(vb report --from 2026-08-01 --to 2026-10-31 --format csv | awk -F, '$1=="episodes-closed" {print $5}')
    grep -E "Episodes closed +$closed\b" "$work/r.txt" >/dev/null || fail "PDF does not show $closed episodes closed"
    ;;
  bad_periods_are_refused)
    expect_exit 2 vb report --from 2026-10-31 --to 2026-08-01
    expect_exit 2 vb report --from 2026-02-30 --to 2026-03-01
    expect_exit 2 vb report --to 2026-03-01
    expect_exit 2 vb report --from 2026-01-01 --to 2026-03-01 --format xlsx
    ;;
  *) fail "unknown case $case_name" ;;
esac
echo "ok: $case_name"
