-- 004_visit_skill: the skills a visit needs (Visit::required_skills), for allocating visits to
-- staff on shift. Spellings are those of staff_skill (prescriber, senior_reviewer, driver,
-- lone_working, trained, ...); seq keeps their order. Conventions as in 001_initial.sql.
CREATE TABLE visit_skill (
  visit_id INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
  skill    TEXT NOT NULL CONSTRAINT skill_not_empty CHECK (skill <> ''),
  seq      INTEGER NOT NULL,
  PRIMARY KEY (visit_id, skill)
) STRICT;
