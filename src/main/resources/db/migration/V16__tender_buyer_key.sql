-- Context key TENDER_BUYER (the buyer's orgCode) for tenders stored before it existed: the rules that
-- look across one buyer's tenders (TEN-16 … TEN-19) find the earlier tenders by it. New and revised
-- records get it from RecordKeys; this adds it to the rows already stored, from their ORG key.
INSERT INTO record_key (record_id, key_name, key_value, occurred_at, revision)
SELECT k.record_id, 'TENDER_BUYER', k.key_value, k.occurred_at, k.revision
FROM record_key k JOIN record r ON r.id = k.record_id
WHERE k.key_name = 'ORG' AND r.domain = 'TENDER';
