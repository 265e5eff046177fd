-- 009_key_person_end (session 7): a key person can be removed from a person's list. Removal is a soft
-- end, not a delete: carer_contact rows refer to the key person, and a health record keeps who was
-- told what and when; the row stays, with when, who and why it ended. Corrections of the details
-- (name, relationship, contact, consent) overwrite them, with before and after in audit_log.

ALTER TABLE key_person ADD COLUMN ended_at TEXT CONSTRAINT ended_at_is_utc_instant CHECK (ended_at IS NULL OR (
  ended_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
  strftime('%Y-%m-%dT%H:%M:%SZ', ended_at, '+0 seconds') IS ended_at));
ALTER TABLE key_person ADD COLUMN ended_by TEXT REFERENCES staff (id);
ALTER TABLE key_person ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE key_person ADD COLUMN end_note TEXT NOT NULL DEFAULT '';

-- An ended key person stays as it ended: no edit, no second removal (add them again instead).
CREATE TRIGGER key_person_end_is_final BEFORE UPDATE ON key_person WHEN OLD.ended_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'key_person has been removed: add the key person again instead of changing the removed entry');
END;
