-- 011_key_person_version_kept (session 10): a key person's versions (010) can no longer be deleted,
-- and every key person's latest version is its row's details again, whatever the clock said at 010.
--
-- Deleting. 010's trigger refused UPDATE only, because restore (store/database_from_dump.cpp) empties
-- every table before loading a backup's rows. That emptying never meets a version: restore builds a
-- NEW file, migrated from nothing, where key_person_version is empty (no key person exists yet to have
-- one), and a row trigger fires once per deleted row, so for none. A backup's versions are then
-- INSERTed, which this trigger does not look at. So DELETE is refused outright, with no restore
-- marker or bypass that other code could leave switched on. A key person cannot be deleted while a
-- version refers to it either (foreign key without cascade; removal is the soft end of 009).
--
-- The latest version. 010 dated a key person's catch-all last version (the row changed outside
-- visitboard after its last audited change) by the machine's clock at the upgrade. That date stays:
-- it is the first instant visitboard knew those details. The only earlier date the data offers, the
-- last audit row's, is when the PREVIOUS details were recorded; the change came at an unknown time
-- after it, so dating the row's details from it would back-date them over a period in which the
-- record says otherwise, and change figures already reported for that period (what 010 set out to
-- stop). key_person has no time of its own, and carer_contact rows do not say which details were
-- used. But a clock behind at the upgrade (a kiosk booted before its clock was set), or an audited
-- change given a later `at`, could put that catch-all BEFORE the last audited version; the
-- audited version would then be in effect for ever while the row says something else. Such a key
-- person gets one more version, the row's details, from the later of now and its latest version
-- (the same instant wins by its higher id). Key people with no version at all (never in a real
-- database after 010) keep meaning "their own details, always" and are left alone.

INSERT INTO key_person_version (key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share)
SELECT k.id, max(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), COALESCE(v.effective_at, '')), NULL,
       k.name, k.relationship, k.contact, k.consent_to_share
FROM key_person k
JOIN key_person_version v ON v.id = (SELECT w.id FROM key_person_version w WHERE w.key_person_id = k.id
                                     ORDER BY w.effective_at IS NOT NULL DESC, w.effective_at DESC, w.id DESC LIMIT 1)
WHERE NOT (v.name IS k.name AND v.relationship IS k.relationship AND v.contact IS k.contact
           AND v.consent_to_share IS k.consent_to_share)
ORDER BY k.id;

-- History is kept, never taken away.
CREATE TRIGGER key_person_version_is_never_deleted BEFORE DELETE ON key_person_version
BEGIN
  SELECT RAISE(ABORT, 'key_person_version is append-only: a version is never deleted (remove the key person instead)');
END;
