-- 005: reserved for issue 7 (PINs and roles), which owns this number. Migrations must run without a gap,
-- so this branch (issue 3, migration 006) carries an empty placeholder: DELETE THIS FILE when the
-- real 005 lands (the build names both files if they meet).
-- Nothing to CREATE here: this file only keeps the numbers contiguous.
SELECT 1;
