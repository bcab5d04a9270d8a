-- The re-evaluation queue coalesces: a record queued again before it is taken stays one entry.
-- due_at: the entry is taken from then on (a late arrival waits a moment, so the records that follow it and
-- touch the same later records share one re-evaluation); generation: raised each time the entry is queued
-- again, so a worker that took an older generation leaves the entry for another round.
ALTER TABLE reevaluation_queue ADD COLUMN due_at DATETIME;
ALTER TABLE reevaluation_queue ADD COLUMN generation INT NOT NULL DEFAULT 0;
UPDATE reevaluation_queue SET due_at = enqueued_at;
CREATE INDEX ix_reevaluation_queue_due ON reevaluation_queue (due_at);

-- What an import job holds back until it ends: per context key of its records, the earliest act. When the job
-- ends, the records of those keys that occurred after it are queued once, however the file was ordered.
CREATE TABLE reevaluation_hold (
    held_by    VARCHAR(64)  NOT NULL,
    key_name   VARCHAR(32)  NOT NULL,
    key_value  VARCHAR(512) NOT NULL,
    earliest   DATETIME     NOT NULL,
    held_at    DATETIME     NOT NULL,
    PRIMARY KEY (held_by, key_name, key_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_reevaluation_hold_at ON reevaluation_hold (held_at);
