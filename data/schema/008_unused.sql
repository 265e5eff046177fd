-- 008: intentionally empty. This number was reserved for a change that needed no schema after all
-- (PINs and roles on the kiosk use the tables of 005). Migrations are applied in number order with no
-- gaps, so the number stays, and creates nothing.
SELECT 1;
