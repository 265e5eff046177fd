-- 002_import_keys: the record and rostering systems' own ids for rows that imports created, so
-- re-importing the same file matches the same rows (idempotent imports) instead of adding copies.
-- source is the import ('caseload', 'rota'); entity_id is the id of the row in `entity`.
CREATE TABLE import_key (
  source      TEXT NOT NULL CONSTRAINT source_known CHECK (source IN ('caseload', 'rota')),
  external_id TEXT NOT NULL CONSTRAINT external_id_not_empty CHECK (external_id <> ''),
  entity      TEXT NOT NULL CONSTRAINT entity_known CHECK (entity IN ('episode', 'shift')),
  entity_id   INTEGER NOT NULL,
  PRIMARY KEY (source, external_id),
  UNIQUE (entity, entity_id)
) STRICT;
