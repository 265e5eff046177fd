-- 001_initial: the first schema, one table per struct of terminal/core/model.hpp, plus the audit trail.
-- Conventions: STRICT tables; instants are UTC TEXT exactly as vb::format_utc writes them
-- ("2026-11-23T08:30:00Z"); local dates are 'YYYY-MM-DD'; booleans are INTEGER 0/1; enum words are
-- the spellings of terminal/core/vocabulary.cpp. An absent staff reference is NULL, never ''.
-- The CHECKs repeat one shape per instant column because SQLite has no domains:
--   x GLOB '<digits>-..T..:..:..Z' AND strftime('%Y-%m-%dT%H:%M:%SZ', x, '+0 seconds') IS x
-- The '+0 seconds' modifier normalises (2026-02-30 becomes 03-02, 24:00 the next day) and an
-- impossible value gives NULL, so only a real instant equals itself; IS (not =) makes that NULL fail.
-- Named constraints make SQLite's message say which rule broke ("CHECK constraint failed: stage_known").

CREATE TABLE team (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL,
  time_zone TEXT NOT NULL DEFAULT 'Europe/London' CONSTRAINT time_zone_not_empty CHECK (time_zone <> '')
) STRICT;

-- The huddle's zones; team-editable data, seeded with the default scheme of shared/domain.md.
CREATE TABLE zone (
  name    TEXT PRIMARY KEY CONSTRAINT zone_name_not_empty CHECK (name <> ''),
  rank    INTEGER NOT NULL CONSTRAINT rank_not_negative CHECK (rank >= 0),
  meaning TEXT NOT NULL
) STRICT;

INSERT INTO zone (name, rank, meaning) VALUES
  ('red',   0, 'acute: at least daily face-to-face contact, about 2.5 hours of input a day'),
  ('amber', 1, 'still acute: face-to-face on alternate days, about 1 hour of input a day'),
  ('green', 2, 'crisis resolving: contact less than alternate days, provisional discharge date within five days shared with the teams taking over'),
  ('blue',  3, 'jointly worked with another team'),
  ('black', 4, 'ready for discharge but delayed');

CREATE TABLE staff (
  id         TEXT PRIMARY KEY CONSTRAINT staff_id_not_empty CHECK (id <> ''),
  team_id    INTEGER NOT NULL REFERENCES team (id),
  name       TEXT NOT NULL,
  initials   TEXT NOT NULL,
  discipline TEXT NOT NULL,
  part_time  INTEGER NOT NULL DEFAULT 0 CONSTRAINT part_time_is_boolean CHECK (part_time IN (0, 1)),
  active     INTEGER NOT NULL DEFAULT 1 CONSTRAINT active_is_boolean CHECK (active IN (0, 1))
) STRICT;

-- seq keeps the order of Staff::skills.
CREATE TABLE staff_skill (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  skill    TEXT NOT NULL CONSTRAINT skill_not_empty CHECK (skill <> ''),
  seq      INTEGER NOT NULL,
  PRIMARY KEY (staff_id, skill)
) STRICT;

-- nhs_number is NULL while not yet known; when present: ten digits with a valid modulus-11 check digit.
CREATE TABLE person (
  id            INTEGER PRIMARY KEY,
  team_id       INTEGER NOT NULL REFERENCES team (id),
  local_id      TEXT NOT NULL UNIQUE CONSTRAINT local_id_not_empty CHECK (local_id <> ''),
  nhs_number    TEXT UNIQUE CONSTRAINT nhs_number_valid CHECK (
                  length(nhs_number) = 10 AND nhs_number NOT GLOB '*[^0-9]*' AND
                  (11 - (substr(nhs_number, 1, 1) * 10 + substr(nhs_number, 2, 1) * 9 +
                         substr(nhs_number, 3, 1) * 8 + substr(nhs_number, 4, 1) * 7 +
                         substr(nhs_number, 5, 1) * 6 + substr(nhs_number, 6, 1) * 5 +
                         substr(nhs_number, 7, 1) * 4 + substr(nhs_number, 8, 1) * 3 +
                         substr(nhs_number, 9, 1) * 2) % 11) % 11
                  = CAST(substr(nhs_number, 10, 1) AS INTEGER)),
  given_name    TEXT NOT NULL,
  family_name   TEXT NOT NULL,
  date_of_birth TEXT NOT NULL CONSTRAINT date_of_birth_is_date CHECK (
                  date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
                  date(date_of_birth, '+0 days') IS date_of_birth),
  home_x_km     REAL NOT NULL DEFAULT 0,
  home_y_km     REAL NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE episode (
  id                      INTEGER PRIMARY KEY,
  person_id               INTEGER NOT NULL REFERENCES person (id),
  team_id                 INTEGER NOT NULL REFERENCES team (id),
  referral_at             TEXT NOT NULL CONSTRAINT referral_at_is_utc_instant CHECK (
                            referral_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                            strftime('%Y-%m-%dT%H:%M:%SZ', referral_at, '+0 seconds') IS referral_at),
  accepted_at             TEXT NOT NULL CONSTRAINT accepted_at_is_utc_instant CHECK (
                            accepted_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                            strftime('%Y-%m-%dT%H:%M:%SZ', accepted_at, '+0 seconds') IS accepted_at),
  referral_priority       INTEGER NOT NULL DEFAULT 3 CONSTRAINT referral_priority_known CHECK (referral_priority IN (1, 2, 3, 4)),
  stage                   TEXT NOT NULL DEFAULT 'intensive'
                            CONSTRAINT stage_known CHECK (stage IN ('intensive', 'step-down', 'handover', 'closed')),
  zone                    TEXT REFERENCES zone (name) ON UPDATE CASCADE,
  risk_level              TEXT NOT NULL DEFAULT 'medium' CONSTRAINT risk_level_known CHECK (risk_level IN ('low', 'medium', 'high')),
  named_worker            TEXT REFERENCES staff (id),
  suicide_risk_identified INTEGER NOT NULL DEFAULT 0 CONSTRAINT suicide_risk_identified_is_boolean CHECK (suicide_risk_identified IN (0, 1)),
  closed_at               TEXT CONSTRAINT closed_at_is_utc_instant CHECK (
                            closed_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                            strftime('%Y-%m-%dT%H:%M:%SZ', closed_at, '+0 seconds') IS closed_at),
  closure_reason          TEXT NOT NULL DEFAULT '',
  closure_destination     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX episode_by_person ON episode (person_id);

CREATE TABLE contact_plan (
  id         INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode (id),
  name       TEXT NOT NULL,
  start_date TEXT NOT NULL CONSTRAINT start_date_is_date CHECK (
               start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
               date(start_date, '+0 days') IS start_date)
) STRICT;
CREATE INDEX contact_plan_by_episode ON contact_plan (episode_id);

CREATE TABLE contact_phase (
  id             INTEGER PRIMARY KEY,
  plan_id        INTEGER NOT NULL REFERENCES contact_plan (id) ON DELETE CASCADE,
  sequence       INTEGER NOT NULL,
  label          TEXT NOT NULL,
  visits_per_day INTEGER NOT NULL DEFAULT 0 CONSTRAINT visits_per_day_not_negative CHECK (visits_per_day >= 0),
  every_n_days   INTEGER NOT NULL DEFAULT 0 CONSTRAINT every_n_days_not_negative CHECK (every_n_days >= 0),
  length_days    INTEGER NOT NULL DEFAULT 0 CONSTRAINT length_days_not_negative CHECK (length_days >= 0),
  focus          TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, sequence)
) STRICT;

CREATE TABLE visit (
  id           INTEGER PRIMARY KEY,
  episode_id   INTEGER NOT NULL REFERENCES episode (id),
  local_date   TEXT NOT NULL CONSTRAINT local_date_is_date CHECK (
                 local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
                 date(local_date, '+0 days') IS local_date),
  window_start TEXT NOT NULL CONSTRAINT window_start_is_utc_instant CHECK (
                 window_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                 strftime('%Y-%m-%dT%H:%M:%SZ', window_start, '+0 seconds') IS window_start),
  window_end   TEXT NOT NULL CONSTRAINT window_end_is_utc_instant CHECK (
                 window_end GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                 strftime('%Y-%m-%dT%H:%M:%SZ', window_end, '+0 seconds') IS window_end),
  type         TEXT NOT NULL DEFAULT 'home' CONSTRAINT type_known CHECK (type IN ('home', 'phone', 'video', 'clinic')),
  status       TEXT NOT NULL DEFAULT 'planned' CONSTRAINT status_known CHECK (status IN ('planned', 'done', 'no_access',
                 'cancelled_by_person', 'cancelled_by_team', 'rescheduled')),
  staff1       TEXT REFERENCES staff (id),
  staff2       TEXT REFERENCES staff (id),
  out_of_hours INTEGER NOT NULL DEFAULT 0 CONSTRAINT out_of_hours_is_boolean CHECK (out_of_hours IN (0, 1)),
  double_up    INTEGER NOT NULL DEFAULT 0 CONSTRAINT double_up_is_boolean CHECK (double_up IN (0, 1)),
  outcome_at   TEXT CONSTRAINT outcome_at_is_utc_instant CHECK (
                 outcome_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                 strftime('%Y-%m-%dT%H:%M:%SZ', outcome_at, '+0 seconds') IS outcome_at),
  reason       TEXT NOT NULL DEFAULT '',
  duration_min INTEGER NOT NULL DEFAULT 0 CONSTRAINT duration_min_not_negative CHECK (duration_min >= 0),
  follow_up_of INTEGER REFERENCES visit (id),
  CONSTRAINT window_ends_after_start CHECK (window_end >= window_start)
) STRICT;
CREATE INDEX visit_by_date ON visit (local_date);
CREATE INDEX visit_by_episode ON visit (episode_id);

CREATE TABLE shift (
  id         INTEGER PRIMARY KEY,
  staff_id   TEXT NOT NULL REFERENCES staff (id),
  team_id    INTEGER NOT NULL REFERENCES team (id),
  kind       TEXT NOT NULL CONSTRAINT kind_known CHECK (kind IN ('early', 'late', 'twilight', 'night')),
  local_date TEXT NOT NULL CONSTRAINT local_date_is_date CHECK (
               local_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
               date(local_date, '+0 days') IS local_date),
  starts_at  TEXT NOT NULL CONSTRAINT starts_at_is_utc_instant CHECK (
               starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', starts_at, '+0 seconds') IS starts_at),
  ends_at    TEXT NOT NULL CONSTRAINT ends_at_is_utc_instant CHECK (
               ends_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', ends_at, '+0 seconds') IS ends_at),
  CONSTRAINT shift_ends_after_start CHECK (ends_at > starts_at)
) STRICT;
CREATE INDEX shift_by_date ON shift (local_date);

CREATE TABLE review_slot (
  id         INTEGER PRIMARY KEY,
  reviewer   TEXT NOT NULL REFERENCES staff (id),
  starts_at  TEXT NOT NULL CONSTRAINT starts_at_is_utc_instant CHECK (
               starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', starts_at, '+0 seconds') IS starts_at),
  length_min INTEGER NOT NULL DEFAULT 30 CONSTRAINT length_min_positive CHECK (length_min > 0),
  capacity   INTEGER NOT NULL DEFAULT 1 CONSTRAINT capacity_not_negative CHECK (capacity >= 0)
) STRICT;
CREATE INDEX review_slot_by_start ON review_slot (starts_at);

CREATE TABLE review (
  id              INTEGER PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES episode (id),
  slot_id         INTEGER REFERENCES review_slot (id),
  reviewer        TEXT NOT NULL REFERENCES staff (id),
  held_at         TEXT NOT NULL CONSTRAINT held_at_is_utc_instant CHECK (
                    held_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                    strftime('%Y-%m-%dT%H:%M:%SZ', held_at, '+0 seconds') IS held_at),
  risk_level      TEXT NOT NULL DEFAULT 'medium' CONSTRAINT risk_level_known CHECK (risk_level IN ('low', 'medium', 'high')),
  decision        TEXT NOT NULL,
  rationale       TEXT NOT NULL DEFAULT '',
  person_told     INTEGER NOT NULL DEFAULT 0 CONSTRAINT person_told_is_boolean CHECK (person_told IN (0, 1)),
  family_told     INTEGER NOT NULL DEFAULT 0 CONSTRAINT family_told_is_boolean CHECK (family_told IN (0, 1)),
  next_review_due TEXT CONSTRAINT next_review_due_is_utc_instant CHECK (
                    next_review_due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                    strftime('%Y-%m-%dT%H:%M:%SZ', next_review_due, '+0 seconds') IS next_review_due)
) STRICT;
CREATE INDEX review_by_episode ON review (episode_id);

-- Append-only: a mistake is put right by a new entry whose `corrects` names the old one.
CREATE TABLE decision_log (
  id                 INTEGER PRIMARY KEY,
  episode_id         INTEGER NOT NULL REFERENCES episode (id),
  at                 TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
                       at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                       strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  decided_by         TEXT NOT NULL REFERENCES staff (id),
  decision           TEXT NOT NULL,
  options_considered TEXT NOT NULL DEFAULT '',
  rationale          TEXT NOT NULL DEFAULT '',
  informed           TEXT NOT NULL DEFAULT '',
  corrects           INTEGER REFERENCES decision_log (id)
) STRICT;
CREATE INDEX decision_log_by_episode ON decision_log (episode_id);
CREATE TRIGGER decision_log_is_append_only BEFORE UPDATE ON decision_log
BEGIN
  SELECT RAISE(ABORT, 'decision_log is append-only: record a correction instead');
END;

-- Who changed what: one row per applied command, written in the command's transaction.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
                at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  by_staff    TEXT NOT NULL,
  command     TEXT NOT NULL CONSTRAINT command_not_empty CHECK (command <> ''),
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  before_json TEXT CONSTRAINT before_json_is_json CHECK (json_valid(before_json)),
  after_json  TEXT CONSTRAINT after_json_is_json CHECK (json_valid(after_json))
) STRICT;
CREATE INDEX audit_log_by_at ON audit_log (at);
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- Facts about the database itself; key 'demo' = '1' marks a generated demo database.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;
