-- The closed loop (处置闭环): after confirmation a warning of the first or second form is dispatched to the
-- responsible unit (交办) with a deadline in working days, the unit replies with a rectification report, the
-- inspector returns it or accepts it (销号); a warning of the third or fourth form is handed over (移交) with a
-- numbered referral letter, then its receipt and outcome are recorded. due_from: when the time allowed for the
-- current stage began (raising, dispatch or return), so that priority can rise at a third, two thirds and all
-- of it.

ALTER TABLE warning ADD COLUMN due_from DATETIME;
UPDATE warning SET due_from = raised_at;

ALTER TABLE warning ADD COLUMN unit_org VARCHAR(64);
ALTER TABLE warning ADD COLUMN responsible_person VARCHAR(200);
ALTER TABLE warning ADD COLUMN dispatched_at DATETIME;
ALTER TABLE warning ADD COLUMN extension_reason VARCHAR(2000);
ALTER TABLE warning ADD COLUMN extension_days INT;
ALTER TABLE warning ADD COLUMN extension_by VARCHAR(64);
ALTER TABLE warning ADD COLUMN explanation LONGTEXT;
ALTER TABLE warning ADD COLUMN report_text LONGTEXT;
ALTER TABLE warning ADD COLUMN replied_at DATETIME;
ALTER TABLE warning ADD COLUMN replied_by VARCHAR(64);
ALTER TABLE warning ADD COLUMN return_reason VARCHAR(4000);
ALTER TABLE warning ADD COLUMN return_count INT NOT NULL DEFAULT 0;
ALTER TABLE warning ADD COLUMN rectified_at DATETIME;
ALTER TABLE warning ADD COLUMN referral_no VARCHAR(32);
ALTER TABLE warning ADD COLUMN handover_target VARCHAR(32);
ALTER TABLE warning ADD COLUMN handed_over_at DATETIME;
ALTER TABLE warning ADD COLUMN receipt_text VARCHAR(4000);
ALTER TABLE warning ADD COLUMN receipt_at DATETIME;
ALTER TABLE warning ADD COLUMN outcome_form INT;
ALTER TABLE warning ADD COLUMN outcome_text LONGTEXT;
ALTER TABLE warning ADD COLUMN concluded_at DATETIME;
-- A warning raised again by the same rule on the same subject or unit within the re-check period after an
-- earlier one was rectified (整改不到位): the earlier warning.
ALTER TABLE warning ADD COLUMN recurrence_of CHAR(36);

CREATE UNIQUE INDEX ux_warning_referral ON warning (referral_no);
CREATE INDEX ix_warning_unit ON warning (unit_org, status);
CREATE INDEX ix_warning_rectified ON warning (rule_id, status, rectified_at);

-- Referral numbers 廉移〔YYYY〕NNNN号: one counter per year, taken under the row's lock.
CREATE TABLE referral_counter (
    ref_year  INT NOT NULL PRIMARY KEY,
    last_no   INT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
