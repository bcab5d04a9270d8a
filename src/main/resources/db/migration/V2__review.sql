-- Review workflow: assignment, decided form, four-eyes proposals, due dates, mutes, access log,
-- sign-in lockout.

ALTER TABLE warning ADD COLUMN assignee VARCHAR(64);
ALTER TABLE warning ADD COLUMN decided_form INT;
ALTER TABLE warning ADD COLUMN proposed_form INT;
ALTER TABLE warning ADD COLUMN proposed_by VARCHAR(64);
ALTER TABLE warning ADD COLUMN dismiss_reason VARCHAR(32);
ALTER TABLE warning ADD COLUMN due_at DATETIME;
CREATE INDEX ix_warning_status_due ON warning (status, due_at);
CREATE INDEX ix_warning_assignee ON warning (assignee);

-- An inspector mutes one rule for one subject until a date: hits are still recorded (as MUTED
-- warnings) but raise no new warning in the queue.
CREATE TABLE warning_mute (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    rule_id      VARCHAR(32)  NOT NULL,
    subject_ref  VARCHAR(256) NOT NULL,
    until_day    DATE         NOT NULL,
    reason       VARCHAR(1024) NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   DATETIME     NOT NULL,
    revoked_by   VARCHAR(64),
    revoked_at   DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_warning_mute_lookup ON warning_mute (rule_id, subject_ref);

-- 查询留痕: every opening of a warning, profile or record by a user.
CREATE TABLE access_log (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    username    VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    target      VARCHAR(256) NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    opened_at   DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_access_log_at ON access_log (opened_at);
CREATE INDEX ix_access_log_user ON access_log (username, opened_at);

ALTER TABLE app_user ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE app_user ADD COLUMN locked_until DATETIME;
