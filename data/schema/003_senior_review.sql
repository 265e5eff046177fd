-- 003_senior_review: review capacity (weekly clinics, leave, bookings), the risk domains of a review,
-- the history of risk levels, concerns, admission thresholds and escalation acknowledgements.
-- Conventions as in 001_initial.sql. Spellings of domains, sources and triggers are those of
-- terminal/core (risk_domain_names(), concern_sources(), escalation.hpp). review.decision stays
-- unchecked here: a STRICT table cannot gain a CHECK without a rebuild, and core validates it.

-- Review::risk_domains; seq keeps their order.
CREATE TABLE review_risk_domain (
  review_id INTEGER NOT NULL REFERENCES review (id) ON DELETE CASCADE,
  domain    TEXT NOT NULL CONSTRAINT domain_known CHECK (domain IN ('self_harm_suicide', 'self_neglect',
              'exploitation', 'harm_to_others', 'safeguarding')),
  seq       INTEGER NOT NULL,
  PRIMARY KEY (review_id, domain)
) STRICT;

-- A weekly clinic: every weekday (1 = Monday .. 7 = Sunday) at start_minute after local midnight,
-- from from_date, until until_date (inclusive) when set. Expanded in the team's zone by core.
CREATE TABLE slot_pattern (
  id           INTEGER PRIMARY KEY,
  reviewer     TEXT NOT NULL REFERENCES staff (id),
  weekday      INTEGER NOT NULL CONSTRAINT weekday_known CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CONSTRAINT start_minute_in_day CHECK (start_minute BETWEEN 0 AND 1439),
  length_min   INTEGER NOT NULL DEFAULT 30 CONSTRAINT length_min_positive CHECK (length_min > 0),
  capacity     INTEGER NOT NULL DEFAULT 1 CONSTRAINT capacity_not_negative CHECK (capacity >= 0),
  from_date    TEXT NOT NULL CONSTRAINT from_date_is_date CHECK (
                 from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
                 date(from_date, '+0 days') IS from_date),
  until_date   TEXT CONSTRAINT until_date_is_date CHECK (
                 until_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
                 date(until_date, '+0 days') IS until_date),
  CONSTRAINT pattern_ends_after_start CHECK (until_date >= from_date)
) STRICT;
CREATE INDEX slot_pattern_by_reviewer ON slot_pattern (reviewer);

-- A reviewer away on these local dates, both inclusive.
CREATE TABLE reviewer_leave (
  id         INTEGER PRIMARY KEY,
  reviewer   TEXT NOT NULL REFERENCES staff (id),
  from_date  TEXT NOT NULL CONSTRAINT from_date_is_date CHECK (
               from_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
               date(from_date, '+0 days') IS from_date),
  until_date TEXT NOT NULL CONSTRAINT until_date_is_date CHECK (
               until_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND
               date(until_date, '+0 days') IS until_date),
  reason     TEXT NOT NULL DEFAULT '',
  CONSTRAINT leave_ends_after_start CHECK (until_date >= from_date)
) STRICT;
CREATE INDEX reviewer_leave_by_reviewer ON reviewer_leave (reviewer);

-- An episode booked into a reviewer's slot (a slot is known by reviewer + start; it may come from a
-- review_slot row or a slot_pattern). Cancelling keeps the row. Capacity is checked by core.
CREATE TABLE review_booking (
  id            INTEGER PRIMARY KEY,
  episode_id    INTEGER NOT NULL REFERENCES episode (id),
  reviewer      TEXT NOT NULL REFERENCES staff (id),
  slot_start    TEXT NOT NULL CONSTRAINT slot_start_is_utc_instant CHECK (
                  slot_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                  strftime('%Y-%m-%dT%H:%M:%SZ', slot_start, '+0 seconds') IS slot_start),
  booked_by     TEXT NOT NULL REFERENCES staff (id),
  booked_at     TEXT NOT NULL CONSTRAINT booked_at_is_utc_instant CHECK (
                  booked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                  strftime('%Y-%m-%dT%H:%M:%SZ', booked_at, '+0 seconds') IS booked_at),
  cancelled_at  TEXT CONSTRAINT cancelled_at_is_utc_instant CHECK (
                  cancelled_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                  strftime('%Y-%m-%dT%H:%M:%SZ', cancelled_at, '+0 seconds') IS cancelled_at),
  cancel_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX review_booking_by_slot ON review_booking (reviewer, slot_start);
CREATE INDEX review_booking_by_episode ON review_booking (episode_id);
-- An episode is in a slot at most once while the booking stands.
CREATE UNIQUE INDEX review_booking_once_per_slot ON review_booking (episode_id, reviewer, slot_start)
  WHERE cancelled_at IS NULL;

-- Append-only: every change of an episode's risk level, so "raised to high" has a time.
CREATE TABLE risk_change (
  id         INTEGER PRIMARY KEY,
  episode_id INTEGER NOT NULL REFERENCES episode (id),
  at         TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
               at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
               strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  from_level TEXT NOT NULL CONSTRAINT from_level_known CHECK (from_level IN ('low', 'medium', 'high')),
  to_level   TEXT NOT NULL CONSTRAINT to_level_known CHECK (to_level IN ('low', 'medium', 'high')),
  by_staff   TEXT NOT NULL REFERENCES staff (id),
  reason     TEXT NOT NULL DEFAULT '',
  CONSTRAINT level_changes CHECK (from_level <> to_level)
) STRICT;
CREATE INDEX risk_change_by_episode ON risk_change (episode_id);
CREATE TRIGGER risk_change_is_append_only BEFORE UPDATE ON risk_change
BEGIN
  SELECT RAISE(ABORT, 'risk_change is append-only');
END;

-- Append-only: a concern reported about a person (by a carer, another service, the person).
CREATE TABLE concern (
  id          INTEGER PRIMARY KEY,
  episode_id  INTEGER NOT NULL REFERENCES episode (id),
  at          TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
                at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  source      TEXT NOT NULL CONSTRAINT source_known CHECK (source IN ('carer', 'person', 'gp', 'police',
                'other_service', 'staff')),
  note        TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL REFERENCES staff (id)
) STRICT;
CREATE INDEX concern_by_episode ON concern (episode_id);
CREATE TRIGGER concern_is_append_only BEFORE UPDATE ON concern
BEGIN
  SELECT RAISE(ABORT, 'concern is append-only');
END;

-- The documented thresholds for admission of one episode; no row means every trigger is on.
CREATE TABLE risk_thresholds (
  episode_id          INTEGER PRIMARY KEY REFERENCES episode (id),
  narrative           TEXT NOT NULL DEFAULT '',
  high_risk_over_24h  INTEGER NOT NULL DEFAULT 1 CONSTRAINT high_risk_over_24h_is_boolean CHECK (high_risk_over_24h IN (0, 1)),
  two_missed_in_a_row INTEGER NOT NULL DEFAULT 1 CONSTRAINT two_missed_in_a_row_is_boolean CHECK (two_missed_in_a_row IN (0, 1)),
  carer_concern       INTEGER NOT NULL DEFAULT 1 CONSTRAINT carer_concern_is_boolean CHECK (carer_concern IN (0, 1))
) STRICT;

-- Append-only: an escalation (episode + trigger + when it fired) acknowledged by a person. The
-- UNIQUE index also serves lookups by episode.
CREATE TABLE escalation_ack (
  id              INTEGER PRIMARY KEY,
  episode_id      INTEGER NOT NULL REFERENCES episode (id),
  trigger         TEXT NOT NULL CONSTRAINT trigger_known CHECK (trigger IN ('high_risk_over_24h',
                    'two_missed_in_a_row', 'carer_concern')),
  fired_at        TEXT NOT NULL CONSTRAINT fired_at_is_utc_instant CHECK (
                    fired_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                    strftime('%Y-%m-%dT%H:%M:%SZ', fired_at, '+0 seconds') IS fired_at),
  acknowledged_by TEXT NOT NULL REFERENCES staff (id),
  at              TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
                    at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
                    strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at),
  note            TEXT NOT NULL DEFAULT '',
  UNIQUE (episode_id, trigger, fired_at)
) STRICT;
CREATE TRIGGER escalation_ack_is_append_only BEFORE UPDATE ON escalation_ack
BEGIN
  SELECT RAISE(ABORT, 'escalation_ack is append-only');
END;
