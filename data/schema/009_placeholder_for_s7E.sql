-- 009: PLACEHOLDER ONLY, on branch s7F. Migration numbers must run without a gap and 009 belongs to
-- s7E (session 7); s7F's own migration is 010. When merging, drop this file and keep s7E's 009.
-- (The migrations test asks every migration to CREATE or ALTER TABLE something: a view nobody uses,
-- dropped again by 010.)
CREATE VIEW placeholder_009 AS SELECT 1 AS placeholder;
