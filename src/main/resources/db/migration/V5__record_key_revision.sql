-- The revision a lookup key row belongs to (keys are replaced with each revision). The evaluation
-- context keeps the facts of earlier records by id and revision, and the key rows alone then tell it
-- which of those facts are current, without reading the records.
ALTER TABLE record_key ADD COLUMN revision INT NOT NULL DEFAULT 1;
UPDATE record_key SET revision = (SELECT r.revision FROM record r WHERE r.id = record_key.record_id);
