-- Lianshao core schema. Runs unchanged on H2 (MySQL mode) and MySQL/MariaDB.
-- Ids are application-generated, time-ordered UUIDv7 strings (no hot auto-increment keys).
-- Timestamps are stored at whole-second precision.

CREATE TABLE feed (
    source      VARCHAR(128) NOT NULL PRIMARY KEY,
    name        VARCHAR(256) NOT NULL,
    created_at  DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE api_key (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    source      VARCHAR(128) NOT NULL,
    key_hash    CHAR(64)     NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    scopes      VARCHAR(128) NOT NULL,
    label       VARCHAR(256),
    created_at  DATETIME     NOT NULL,
    revoked_at  DATETIME,
    CONSTRAINT uk_api_key_hash UNIQUE (key_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE app_user (
    username        VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash   VARCHAR(128) NOT NULL,
    display_name    VARCHAR(128) NOT NULL,
    roles           VARCHAR(256) NOT NULL,
    scope_district  VARCHAR(64),
    enabled         BOOLEAN      NOT NULL,
    created_at      DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE org (
    code         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name         VARCHAR(256) NOT NULL,
    type         VARCHAR(32)  NOT NULL,
    district     VARCHAR(256) NOT NULL,
    parent_code  VARCHAR(256),
    updated_at   DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE party (
    id            VARCHAR(256) NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)  NOT NULL,
    name          VARCHAR(256) NOT NULL,
    org_code      VARCHAR(256),
    position      VARCHAR(256),
    roles         VARCHAR(256) NOT NULL,
    phone         VARCHAR(256),
    address       VARCHAR(4000),
    bank_account  VARCHAR(256),
    credit_code   VARCHAR(256),
    registered_on DATE,
    updated_at    DATETIME     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_party_org ON party (org_code);
CREATE INDEX ix_party_account ON party (bank_account);

CREATE TABLE relation (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    natural_key CHAR(64)     NOT NULL,
    from_ref    VARCHAR(256) NOT NULL,
    to_ref      VARCHAR(256) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    valid_from  DATE,
    valid_to    DATE,
    created_at  DATETIME     NOT NULL,
    CONSTRAINT uk_relation UNIQUE (natural_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_relation_from ON relation (from_ref);
CREATE INDEX ix_relation_to ON relation (to_ref);

CREATE TABLE admission_plan (
    org_code  VARCHAR(64) NOT NULL,
    plan_year INT         NOT NULL,
    stage     VARCHAR(32) NOT NULL,
    quota     INT         NOT NULL,
    updated_at DATETIME   NOT NULL,
    PRIMARY KEY (org_code, plan_year, stage)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sanction (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    natural_key CHAR(64)     NOT NULL,
    subject_ref VARCHAR(256) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    form        INT          NOT NULL,
    start_on    DATE         NOT NULL,
    end_on      DATE,
    created_at  DATETIME     NOT NULL,
    CONSTRAINT uk_sanction UNIQUE (natural_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sanction_subject ON sanction (subject_ref);

CREATE TABLE calendar_day (
    cal_date  DATE        NOT NULL PRIMARY KEY,
    cal_year  INT         NOT NULL,
    kind      VARCHAR(16) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_calendar_year ON calendar_day (cal_year);

-- One row per record identity (source, external_id); its revisions hold the content.
CREATE TABLE record (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    source           VARCHAR(128) NOT NULL,
    external_id      VARCHAR(128) NOT NULL,
    domain           VARCHAR(32)  NOT NULL,
    org_code         VARCHAR(64)  NOT NULL,
    occurred_at      DATETIME     NOT NULL,
    revision         INT          NOT NULL,
    content_hash     CHAR(64)     NOT NULL,
    status           VARCHAR(24)  NOT NULL,
    rule_set_version VARCHAR(64),
    evaluated_at     DATETIME,
    attempts         INT          NOT NULL,
    next_attempt_at  DATETIME,
    last_error       LONGTEXT,
    received_at      DATETIME     NOT NULL,
    updated_at       DATETIME     NOT NULL,
    CONSTRAINT uk_record_identity UNIQUE (source, external_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_record_status ON record (status, next_attempt_at);
CREATE INDEX ix_record_org_time ON record (org_code, occurred_at);

CREATE TABLE record_revision (
    record_id    CHAR(36)  NOT NULL,
    revision     INT       NOT NULL,
    content_hash CHAR(64)  NOT NULL,
    envelope     LONGTEXT  NOT NULL,
    received_at  DATETIME  NOT NULL,
    PRIMARY KEY (record_id, revision)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Lookup keys of the latest revision: what the context loader and re-evaluation search by
-- (the same budget line, project, supplier, identity, party...).
CREATE TABLE record_key (
    record_id    CHAR(36)     NOT NULL,
    key_name     VARCHAR(32)  NOT NULL,
    key_value    VARCHAR(512) NOT NULL,
    occurred_at  DATETIME     NOT NULL,
    PRIMARY KEY (record_id, key_name, key_value)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_record_key_lookup ON record_key (key_name, key_value, occurred_at);

-- What each evaluation found: provenance per record and revision.
CREATE TABLE evaluation (
    id               CHAR(36)    NOT NULL PRIMARY KEY,
    record_id        CHAR(36)    NOT NULL,
    revision         INT         NOT NULL,
    rule_set_version VARCHAR(64) NOT NULL,
    outcome          VARCHAR(24) NOT NULL,
    rules_hit        VARCHAR(1024) NOT NULL,
    firings          INT         NOT NULL,
    duration_micros  BIGINT      NOT NULL,
    error            LONGTEXT,
    evaluated_at     DATETIME    NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_evaluation_record ON evaluation (record_id);

CREATE TABLE warning (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    rule_id          VARCHAR(32)   NOT NULL,
    record_id        CHAR(36)      NOT NULL,
    record_revision  INT           NOT NULL,
    domain           VARCHAR(32)   NOT NULL,
    org_code         VARCHAR(64)   NOT NULL,
    occurred_at      DATETIME      NOT NULL,
    title            VARCHAR(256)  NOT NULL,
    title_en         VARCHAR(256),
    message          LONGTEXT      NOT NULL,
    clause           VARCHAR(128)  NOT NULL,
    basis            VARCHAR(1024) NOT NULL,
    departments      VARCHAR(512)  NOT NULL,
    base_form        INT           NOT NULL,
    form             INT           NOT NULL,
    grading          LONGTEXT      NOT NULL,
    evidence         LONGTEXT      NOT NULL,
    subject_refs     LONGTEXT      NOT NULL,
    status           VARCHAR(24)   NOT NULL,
    still_hits       BOOLEAN       NOT NULL,
    rule_set_version VARCHAR(64)   NOT NULL,
    raised_at        DATETIME      NOT NULL,
    updated_at       DATETIME      NOT NULL,
    version          INT           NOT NULL,
    CONSTRAINT uk_warning_rule_record UNIQUE (rule_id, record_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_warning_raised ON warning (raised_at);
CREATE INDEX ix_warning_org ON warning (org_code, raised_at);
CREATE INDEX ix_warning_record ON warning (record_id);

-- Subjects of a warning, with the personal benefit attributed to each (grading steps G2, G3, G5).
CREATE TABLE warning_subject (
    warning_id     CHAR(36)      NOT NULL,
    subject_ref    VARCHAR(256)  NOT NULL,
    rule_id        VARCHAR(32)   NOT NULL,
    record_id      CHAR(36)      NOT NULL,
    occurred_at    DATETIME      NOT NULL,
    benefit_amount DECIMAL(18,2) NOT NULL,
    PRIMARY KEY (warning_id, subject_ref)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_warning_subject_lookup ON warning_subject (subject_ref, occurred_at);

-- Append-only audit trail of a warning.
CREATE TABLE warning_action (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    warning_id   CHAR(36)     NOT NULL,
    action       VARCHAR(32)  NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    acted_at     DATETIME     NOT NULL,
    from_status  VARCHAR(24),
    to_status    VARCHAR(24),
    comment      LONGTEXT,
    details      LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_warning_action_warning ON warning_action (warning_id, acted_at);

-- Durable queue of records to re-evaluate after reference data changed.
CREATE TABLE reevaluation_queue (
    record_id     CHAR(36)     NOT NULL PRIMARY KEY,
    reason        VARCHAR(512) NOT NULL,
    enqueued_at   DATETIME     NOT NULL,
    claimed_until DATETIME,
    attempts      INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
