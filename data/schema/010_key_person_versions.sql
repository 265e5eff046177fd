-- 010_key_person_versions (session 9): a key person's details, consent to share above all, are
-- versioned. Until now a correction overwrote key_person in place and audit_log was the only history,
-- so a change of consent silently changed compliance figures already reported ("carers informed of
-- step-down") and what the board said was true at a past date. Each version holds the details in
-- effect from `effective_at` (a UTC instant) and who recorded it; a judgement for an instant reads
-- the latest version not after it. key_person keeps its columns: they are the latest version (kept
-- equal by the same transaction), so readers of key_person see what they saw before.
--
-- effective_at NULL: carried over from before versioning with no record of when (in effect from the
-- start). recorded_by NULL: not known. recorded_by has no foreign key, like audit_log.by_staff it is
-- taken from: the upgrade must not fail on an audit row naming a staff id since deleted.

CREATE TABLE key_person_version (
  id               INTEGER PRIMARY KEY,
  key_person_id    INTEGER NOT NULL REFERENCES key_person (id),
  effective_at     TEXT CONSTRAINT effective_at_is_utc_instant CHECK (effective_at IS NULL OR (
                     effective_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                     strftime('%Y-%m-%dT%H:%M:%SZ', effective_at, '+0 seconds') IS effective_at)),
  recorded_by      TEXT CONSTRAINT recorded_by_not_empty CHECK (recorded_by IS NULL OR recorded_by <> ''),
  name             TEXT NOT NULL CONSTRAINT name_not_empty CHECK (name <> ''),
  relationship     TEXT NOT NULL CONSTRAINT relationship_not_empty CHECK (relationship <> ''),
  contact          TEXT NOT NULL DEFAULT '',
  consent_to_share INTEGER NOT NULL CONSTRAINT consent_to_share_is_boolean CHECK (consent_to_share IN (0, 1))
) STRICT;
CREATE INDEX key_person_version_by_key_person ON key_person_version (key_person_id, effective_at, id);

-- History is appended, never rewritten.
CREATE TRIGGER key_person_version_is_append_only BEFORE UPDATE ON key_person_version
BEGIN
  SELECT RAISE(ABORT, 'key_person_version is append-only: record a new version instead');
END;

-- Existing rows move into the new shape without loss. The history already kept in audit_log is
-- replayed: the add (when audited) is the first version, from the add's instant, by its author;
-- every update_key_person is a version from its instant with its `after` details. A key person
-- added without an audit row (import, demo) starts with a version of unknown instant: the earliest
-- update's `before` details, or the row itself when never changed.
CREATE TEMP TABLE kp_audit AS
  SELECT a.id AS audit_id, CAST(a.entity_id AS INTEGER) AS key_person_id, a.command, a.at, a.by_staff,
         a.before_json, a.after_json
  FROM audit_log a
  WHERE a.entity = 'key_person' AND a.command IN ('add_key_person', 'update_key_person')
    AND CAST(a.entity_id AS INTEGER) IN (SELECT id FROM key_person);

INSERT INTO key_person_version (key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share)
SELECT key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share FROM (
  -- The first version of a key person whose add was not audited.
  SELECT k.id AS key_person_id, NULL AS effective_at, NULL AS recorded_by,
         COALESCE(json_extract(u.before_json, '$.name'), k.name) AS name,
         COALESCE(json_extract(u.before_json, '$.relationship'), k.relationship) AS relationship,
         COALESCE(json_extract(u.before_json, '$.contact'), k.contact) AS contact,
         COALESCE(json_extract(u.before_json, '$.consent_to_share'), k.consent_to_share) AS consent_to_share,
         0 AS audit_order
  FROM key_person k
  LEFT JOIN kp_audit u ON u.audit_id = (SELECT min(audit_id) FROM kp_audit x
                                        WHERE x.key_person_id = k.id AND x.command = 'update_key_person')
  WHERE NOT EXISTS (SELECT 1 FROM kp_audit x WHERE x.key_person_id = k.id AND x.command = 'add_key_person')
  UNION ALL
  -- The add and every correction, as audited.
  SELECT k.id, a.at, NULLIF(a.by_staff, ''),
         COALESCE(json_extract(a.after_json, '$.name'), k.name),
         COALESCE(json_extract(a.after_json, '$.relationship'), k.relationship),
         COALESCE(json_extract(a.after_json, '$.contact'), k.contact),
         COALESCE(json_extract(a.after_json, '$.consent_to_share'), k.consent_to_share),
         a.audit_id
  FROM key_person k JOIN kp_audit a ON a.key_person_id = k.id
  WHERE a.command = 'update_key_person'
     OR a.audit_id = (SELECT min(audit_id) FROM kp_audit x WHERE x.key_person_id = k.id AND x.command = 'add_key_person')
) ORDER BY key_person_id, audit_order;

-- Should the audited history not end at the row's details (a change made outside visitboard), the
-- row's details are a last version, in effect from this upgrade: the row itself is never lost.
INSERT INTO key_person_version (key_person_id, effective_at, recorded_by, name, relationship, contact, consent_to_share)
SELECT k.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), NULL, k.name, k.relationship, k.contact, k.consent_to_share
FROM key_person k
WHERE NOT EXISTS (
  SELECT 1 FROM key_person_version v
  WHERE v.id = (SELECT max(id) FROM key_person_version w WHERE w.key_person_id = k.id)
    AND v.name IS k.name AND v.relationship IS k.relationship AND v.contact IS k.contact
    AND v.consent_to_share IS k.consent_to_share);

DROP TABLE kp_audit;
