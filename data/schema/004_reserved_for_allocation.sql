-- 004: reserved for issue 5b (allocation), which owns this number. Migrations must run without a gap,
-- so this branch (issue 7, migration 005) carries an empty placeholder: DELETE THIS FILE when the
-- real 004 lands (the build names both files if they meet).
-- Nothing to CREATE here: this file only keeps the numbers contiguous.
SELECT 1;
