visitboard archive
format: 1
schema: 1
created: 2026-11-23T12:00:00Z
team: Fixture Team
key: 67b146d829237a7f
tables: 16
rows: audit_log 1
rows: contact_phase 0
rows: contact_plan 0
rows: decision_log 0
rows: episode 1
rows: meta 1
rows: person 1
rows: review 0
rows: review_slot 0
rows: shift 0
rows: sqlite_sequence 1
rows: staff 2
rows: staff_skill 2
rows: team 1
rows: visit 2
rows: zone 5
payloa