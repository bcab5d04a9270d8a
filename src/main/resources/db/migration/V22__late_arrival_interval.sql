-- An entry queued only because earlier records arrived late waits until its record's last evaluation is
-- late-arrival-interval old (lianshao.evaluation.late-arrival-interval): under a steady stream of late arrivals a
-- record is judged again at most once per interval. A change of reference data clears the mark: due at once.
ALTER TABLE reevaluation_queue ADD COLUMN late_only BOOLEAN NOT NULL DEFAULT FALSE;
