-- 006_step_down: tapers as first-class objects (issue 3). Conventions as in 001_initial.sql.
-- contact_phase gains the weekly frequency (n a week on chosen weekdays), the preferred part of the
-- day of each visit and the shortest acceptable visit; visit gains the plan slot it was generated for
-- and whether a person edited it since, so regeneration can keep history and never fill a slot twice.

-- weekdays: '1,4' (1 = Monday .. 7 = Sunday); windows: 'morning,evening' (one per visit of the day, or one for all).
ALTER TABLE contact_phase ADD COLUMN per_week INTEGER NOT NULL DEFAULT 0
  CONSTRAINT per_week_in_range CHECK (per_week BETWEEN 0 AND 7);
ALTER TABLE contact_phase ADD COLUMN weekdays TEXT NOT NULL DEFAULT ''
  CONSTRAINT weekdays_are_day_numbers CHECK (weekdays NOT GLOB '*[^1-7,]*');
ALTER TABLE contact_phase ADD COLUMN windows TEXT NOT NULL DEFAULT ''
  CONSTRAINT windows_are_day_parts CHECK (windows NOT GLOB '*[^a-z,]*');
ALTER TABLE contact_phase ADD COLUMN min_visit_min INTEGER NOT NULL DEFAULT 0
  CONSTRAINT min_visit_min_not_negative CHECK (min_visit_min >= 0);

-- plan_slot NULL: added by hand or imported (regeneration keeps it and counts it against its part of the day).
ALTER TABLE visit ADD COLUMN plan_slot INTEGER CONSTRAINT plan_slot_not_negative CHECK (plan_slot >= 0);
ALTER TABLE visit ADD COLUMN hand_edited INTEGER NOT NULL DEFAULT 0
  CONSTRAINT hand_edited_is_boolean CHECK (hand_edited IN (0, 1));

-- A documented risk reassessment outside a senior review; append-only like the decision log.
CREATE TABLE risk_reassessment (
  id         INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode (id),
  at         TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
               at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  by_staff   TEXT NOT NULL REFERENCES staff (id),
  risk_level TEXT NOT NULL CONSTRAINT risk_level_known CHECK (risk_level IN ('low', 'medium', 'high')),
  note       TEXT NOT NULL CONSTRAINT note_not_empty CHECK (note <> '')
) STRICT;
CREATE INDEX risk_reassessment_by_episode ON risk_reassessment (episode_id);
CREATE TRIGGER risk_reassessment_is_append_only BEFORE UPDATE ON risk_reassessment
BEGIN
  SELECT RAISE(ABORT, 'risk_reassessment is append-only: record a new reassessment instead');
END;

-- Every commanded step up or step down, with the phases it moved between: the plan's history.
CREATE TABLE plan_change (
  id         INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode (id),
  at         TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
               at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  by_staff   TEXT NOT NULL REFERENCES staff (id),
  kind       TEXT NOT NULL CONSTRAINT kind_known CHECK (kind IN ('step_down', 'step_up')),
  from_phase TEXT NOT NULL DEFAULT '',
  to_phase   TEXT NOT NULL DEFAULT '',
  reason     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX plan_change_by_episode ON plan_change (episode_id);

-- The transition bundle: one row each time an item is done or a care flag is noted, with who and
-- when; append-only (the latest row of an item counts; each safety_plan_updated row is a version).
-- Item spellings are those of terminal/core/transition_bundle.cpp.
CREATE TABLE transition_record (
  id         INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode (id),
  item       TEXT NOT NULL CONSTRAINT item_known CHECK (item IN ('risk_reassessed', 'safety_plan_updated',
               'escalation_routes_shared', 'co_produced_plan', 'receiving_service', 'handover_summary_sent',
               'joint_meeting', 'fluctuating_presentation', 'substance_misuse', 'lives_alone', 'ward_discharge_14d')),
  at         TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
               at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  by_staff   TEXT NOT NULL REFERENCES staff (id),
  detail     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX transition_record_by_episode ON transition_record (episode_id);
CREATE TRIGGER transition_record_is_append_only BEFORE UPDATE ON transition_record
BEGIN
  SELECT RAISE(ABORT, 'transition_record is append-only: record the item again');
END;

-- Families and carers: key people per person (consent to share), and every contact attempt with what
-- was shared ('rationale,practical_guidance,escalation_routes,step_down'); the log is append-only.
CREATE TABLE key_person (
  id               INTEGER PRIMARY KEY,
  person_id        INTEGER NOT NULL REFERENCES person (id),
  name             TEXT NOT NULL CONSTRAINT name_not_empty CHECK (name <> ''),
  relationship     TEXT NOT NULL CONSTRAINT relationship_not_empty CHECK (relationship <> ''),
  contact          TEXT NOT NULL DEFAULT '',
  consent_to_share INTEGER NOT NULL DEFAULT 0 CONSTRAINT consent_to_share_is_boolean CHECK (consent_to_share IN (0, 1))
) STRICT;
CREATE INDEX key_person_by_person ON key_person (person_id);

CREATE TABLE carer_contact (
  id            INTEGER PRIMARY KEY,
  key_person_id INTEGER NOT NULL REFERENCES key_person (id),
  episode_id    INTEGER NOT NULL REFERENCES episode (id),
  at            TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
                  at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                  strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  by_staff      TEXT NOT NULL REFERENCES staff (id),
  outcome       TEXT NOT NULL CONSTRAINT outcome_known CHECK (outcome IN ('reached', 'no_answer', 'message_left')),
  shared        TEXT NOT NULL DEFAULT '' CONSTRAINT shared_are_topics CHECK (shared NOT GLOB '*[^a-z_,]*'),
  note          TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX carer_contact_by_episode ON carer_contact (episode_id);
CREATE TRIGGER carer_contact_is_append_only BEFORE UPDATE ON carer_contact
BEGIN
  SELECT RAISE(ABORT, 'carer_contact is append-only: log a new contact instead');
END;
