-- 005_roles_and_pins: who may do what (roles, several per person), sign-in PINs as Argon2id hashes,
-- and wrong tries counted in the file so that a restart does not reset them. Conventions as in
-- 001_initial.sql. Role spellings are those of terminal/core/roles.cpp.

CREATE TABLE staff_role (
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role     TEXT NOT NULL CONSTRAINT role_known CHECK (role IN ('viewer', 'clinician', 'coordinator',
             'senior_reviewer', 'manager', 'admin')),
  PRIMARY KEY (staff_id, role)
) STRICT;

-- A PIN is never stored, only libsodium's crypto_pwhash_str of it (Argon2id, its own salt and limits).
CREATE TABLE staff_pin (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  pin_hash TEXT NOT NULL CONSTRAINT pin_hash_is_argon2id CHECK (pin_hash GLOB '$argon2id$*'),
  set_at   TEXT NOT NULL CONSTRAINT set_at_is_utc_instant CHECK (
             set_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
             strftime('%Y-%m-%dT%H:%M:%SZ', set_at, '+0 seconds') IS set_at)
) STRICT;

-- Wrong PINs since the person's last successful sign-in or the last clear (both delete them).
CREATE TABLE sign_in_failure (
  id       INTEGER PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  at       TEXT NOT NULL CONSTRAINT at_is_utc_instant CHECK (
             at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
             strftime('%Y-%m-%dT%H:%M:%SZ', at, '+0 seconds') IS at)
) STRICT;
CREATE INDEX sign_in_failure_by_staff ON sign_in_failure (staff_id, at);

-- An account locked after ten wrong PINs within the window; only a clear (coordinator or admin) removes it.
CREATE TABLE sign_in_lock (
  staff_id  TEXT PRIMARY KEY REFERENCES staff (id) ON DELETE CASCADE,
  locked_at TEXT NOT NULL CONSTRAINT locked_at_is_utc_instant CHECK (
              locked_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND
              strftime('%Y-%m-%dT%H:%M:%SZ', locked_at, '+0 seconds') IS locked_at)
) STRICT;

-- Staff already in the file keep doing what they did before roles existed: everyone views, active
-- staff record, senior reviewers and medical staff review. Coordinators, managers and admins are
-- granted afterwards (`visitboard roles set`).
INSERT INTO staff_role (staff_id, role) SELECT id, 'viewer' FROM staff;
INSERT INTO staff_role (staff_id, role) SELECT id, 'clinician' FROM staff WHERE active = 1;
INSERT INTO staff_role (staff_id, role)
  SELECT id, 'senior_reviewer' FROM staff
  WHERE active = 1 AND (discipline IN ('consultant', 'specialty_doctor') OR
                        id IN (SELECT staff_id FROM staff_skill WHERE skill = 'senior_reviewer'));
