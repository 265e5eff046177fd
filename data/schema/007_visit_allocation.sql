-- 007_visit_allocation: when, and by whom, each visit's current allocation was made (issue 6: the
-- out-of-hours measure "visits allocated before the shift starts"). Conventions as in 001_initial.sql.
-- allocated_at is set by allocate_visit / allocate_visits when a visit goes from nobody to someone,
-- kept when it moves between staff, and cleared (with allocated_by) by unallocate_visit. NULL on an
-- allocated visit: allocated before this migration with no audit row to tell when (imported, generated).
ALTER TABLE visit ADD COLUMN allocated_at TEXT CONSTRAINT allocated_at_is_utc_instant CHECK (
  allocated_at IS NULL OR (
    allocated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
    strftime('%Y-%m-%dT%H:%M:%SZ', allocated_at, '+0 seconds') IS allocated_at));
ALTER TABLE visit ADD COLUMN allocated_by TEXT CONSTRAINT allocated_by_not_empty CHECK (allocated_by <> '');

-- Backfill from the audit log: for each visit allocated now, the last allocation that took it from
-- nobody to someone (the start of its current allocation).
UPDATE visit
SET allocated_at = a.at, allocated_by = a.by_staff
FROM (
  SELECT CAST(entity_id AS INTEGER) AS visit_id, at, by_staff,
         row_number() OVER (PARTITION BY entity_id ORDER BY at DESC, id DESC) AS latest
  FROM audit_log
  WHERE entity = 'visit' AND command IN ('allocate_visit', 'allocate_visits')
    AND json_extract(before_json, '$.staff1') IS NULL
    AND json_extract(after_json, '$.staff1') IS NOT NULL
) AS a
WHERE a.latest = 1 AND a.visit_id = visit.id AND visit.staff1 IS NOT NULL;
