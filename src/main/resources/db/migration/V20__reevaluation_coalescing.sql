-- The re-evaluation queue coalesces: a record queued again before it is taken stays one entry.
-- due_at: the entry is taken from then on (a late arrival waits a moment, so the records that follow it
-- and touch the same later records share one re-evaluation); generation: raised each time the entry is
-- queued again, so a worker that took an older generation leaves the entry for another round; held_by:
-- the import job that holds the entry until it ends (each later record is then evaluated once per import).
ALTER TABLE reevaluation_queue ADD COLUMN due_at DATETIME;
ALTER TABLE reevaluation_queue ADD COLUMN generation INT NOT NULL DEFAULT 0;
ALTER TABLE reevaluation_queue ADD COLUMN held_by VARCHAR(64);
UPDATE reevaluation_queue SET due_at = enqueued_at;
CREATE INDEX ix_reevaluation_queue_due ON reevaluation_queue (due_at);
CREATE INDEX ix_reevaluation_queue_held ON reevaluation_queue (held_by);
