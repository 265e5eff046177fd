-- 008_working_set_indexes: the kiosk loads a working set (core/working_set.hpp): per-event rows
-- from a horizon on, plus every row of an episode still open at it. These indexes let each of the
-- loader's queries (store/load_scope.cpp) reach those rows without reading the whole table
-- (visit and shift have had their by-date and by-episode indexes since 001).
CREATE INDEX episode_by_closed_at ON episode (closed_at);
CREATE INDEX review_by_held_at ON review (held_at);
CREATE INDEX review_booking_by_slot_start ON review_booking (slot_start);
CREATE INDEX risk_change_by_at ON risk_change (at);
CREATE INDEX concern_by_at ON concern (at);
CREATE INDEX escalation_ack_by_at ON escalation_ack (at);
CREATE INDEX risk_reassessment_by_at ON risk_reassessment (at);
CREATE INDEX plan_change_by_at ON plan_change (at);
CREATE INDEX transition_record_by_at ON transition_record (at);
CREATE INDEX carer_contact_by_at ON carer_contact (at);

-- Commands that delete planned visits (step down, close an episode, start a plan) make SQLite look
-- for visits following each one up (the follow_up_of foreign key): without this index every
-- deleted visit reads the whole visit table.
CREATE INDEX visit_by_follow_up_of ON visit (follow_up_of);
