-- 012_record_rows_kept (session 11): the clinical and audit record's append-only tables refuse
-- DELETE as well as UPDATE. Until now their triggers (001, 003, 006) refused only UPDATE, so a row
-- of evidence could still be deleted by any program holding the file. 011 did the same for
-- key_person_version; the reasoning there holds for every table here:
--
-- - visitboard itself never deletes from them: no command writer does (the deletes it does are of
--   planned visits and their visit_skill rows at step-down/step-up/closure, a shift, a contact
--   plan's phases, staff_pin, staff_role, staff_skill, sign_in_failure, sign_in_lock and, in a new
--   file only, zone), and none of those tables is a parent of these: every foreign key of these
--   tables points at episode, staff, key_person or (decision_log.corrects) decision_log itself, with
--   no ON DELETE action, and episode, staff and key_person rows are never deleted.
-- - restore (store/database_from_dump.cpp) fills a NEW file migrated from nothing, where it empties
--   each table before inserting the backup's rows; these tables are empty there (no migration writes
--   them), and a row trigger fires once per deleted row, so for none. The backup's rows are INSERTed,
--   which these triggers do not look at. The replaced database is renamed, not emptied.
-- - backup reads; old backups are pruned as files.
--
-- No restore marker or bypass: nothing needs one. A future migration that rebuilds one of these
-- tables (create new, copy, DROP old, rename) is not stopped (DROP TABLE's implicit emptying fires
-- no trigger), but it must create these triggers again. No table or column changes, so an 011
-- backup's layout equals 012's.

CREATE TRIGGER decision_log_is_never_deleted BEFORE DELETE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: an entry is never deleted (record a correction instead)');
END;

CREATE TRIGGER audit_log_is_never_deleted BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: an audit row is never deleted');
END;

CREATE TRIGGER risk_change_is_never_deleted BEFORE DELETE ON risk_change
BEGIN
  SELECT RAISE(ABORT, 'risk_change is append-only: a risk change is never deleted (record a new change instead)');
END;

CREATE TRIGGER concern_is_never_deleted BEFORE DELETE ON concern
BEGIN
  SELECT RAISE(ABORT, 'concern is append-only: a reported concern is never deleted');
END;

CREATE TRIGGER escalation_ack_is_never_deleted BEFORE DELETE ON escalation_ack
BEGIN
  SELECT RAISE(ABORT, 'escalation_ack is append-only: an acknowledgement is never deleted');
END;

CREATE TRIGGER risk_reassessment_is_never_deleted BEFORE DELETE ON risk_reassessment
BEGIN
  SELECT RAISE(ABORT, 'risk_reassessment is append-only: a reassessment is never deleted (record a new reassessment instead)');
END;

CREATE TRIGGER transition_record_is_never_deleted BEFORE DELETE ON transition_record
BEGIN
  SELECT RAISE(ABORT, 'transition_record is append-only: a record is never deleted (record the item again)');
END;

CREATE TRIGGER carer_contact_is_never_deleted BEFORE DELETE ON carer_contact
BEGIN
  SELECT RAISE(ABORT, 'carer_contact is append-only: a contact attempt is never deleted');
END;
