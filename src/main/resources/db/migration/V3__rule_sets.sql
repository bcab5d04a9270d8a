-- Rule sets versioned in the database. Runs unchanged on H2 (MySQL mode) and MySQL/MariaDB.
-- A version is immutable content (its files) with a lifecycle status:
--   DRAFT -> SUBMITTED -> APPROVED -> ACTIVE -> RETIRED (and back to ACTIVE by a rollback)
--   DRAFT/SUBMITTED -> REJECTED
-- content_hash is the rule-set version stamped on warnings (rs-...): a hash of the DRL files and thresholds.

CREATE TABLE rule_set_version (
    version_no     INT           NOT NULL PRIMARY KEY,
    content_hash   VARCHAR(64)   NOT NULL,
    parent_no      INT,
    author         VARCHAR(64)   NOT NULL,
    comment_text   VARCHAR(2000),
    status         VARCHAR(16)   NOT NULL,
    created_at     DATETIME      NOT NULL,
    submitted_by   VARCHAR(64),
    submitted_at   DATETIME,
    approved_by    VARCHAR(64),
    approved_at    DATETIME,
    activated_at   DATETIME,
    status_reason  LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_rule_set_version_status ON rule_set_version (status);

-- The files of a version: DRL files, thresholds.properties and the rule test files (*.test.json).
CREATE TABLE rule_set_file (
    version_no  INT           NOT NULL,
    file_path   VARCHAR(255)  NOT NULL,
    content     LONGTEXT      NOT NULL,
    PRIMARY KEY (version_no, file_path)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The one row naming the active version. generation grows with every change, so every instance can
-- tell a newer activation from the one it runs (a rollback makes an older version number active again).
CREATE TABLE rule_set_active (
    id          INT          NOT NULL PRIMARY KEY,
    version_no  INT          NOT NULL,
    generation  BIGINT       NOT NULL,
    changed_by  VARCHAR(64)  NOT NULL,
    changed_at  DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Append-only audit trail of the rule-set lifecycle.
CREATE TABLE rule_set_audit (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    version_no  INT,
    action      VARCHAR(32)   NOT NULL,
    actor       VARCHAR(128)  NOT NULL,
    acted_at    DATETIME      NOT NULL,
    details     LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_rule_set_audit_version ON rule_set_audit (version_no, acted_at);

-- Backtests: a version run over stored records of a date range, compared with the active version.
CREATE TABLE backtest (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    version_no        INT          NOT NULL,
    baseline_no       INT,
    baseline_version  VARCHAR(64)  NOT NULL,
    candidate_version VARCHAR(64)  NOT NULL,
    from_day          DATE         NOT NULL,
    to_day            DATE         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    total             INT          NOT NULL,
    done              INT          NOT NULL,
    failed            INT          NOT NULL,
    requested_by      VARCHAR(64)  NOT NULL,
    created_at        DATETIME     NOT NULL,
    finished_at       DATETIME,
    error             LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_backtest_version ON backtest (version_no, created_at);

-- One difference per (record, rule): a warning that would APPEAR, DISAPPEAR or change its form (CHANGE).
CREATE TABLE backtest_item (
    backtest_id   CHAR(36)      NOT NULL,
    record_id     CHAR(36)      NOT NULL,
    rule_id       VARCHAR(32)   NOT NULL,
    change_kind   VARCHAR(16)   NOT NULL,
    external_id   VARCHAR(128)  NOT NULL,
    domain        VARCHAR(32)   NOT NULL,
    org_code      VARCHAR(64)   NOT NULL,
    occurred_at   DATETIME      NOT NULL,
    form_before   INT,
    form_after    INT,
    message       LONGTEXT,
    PRIMARY KEY (backtest_id, record_id, rule_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_backtest_item_kind ON backtest_item (backtest_id, change_kind);
