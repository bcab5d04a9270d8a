-- A rule set applied to stored records on a supervisor's request: who, when, the period of the acts and the
-- domains, the rule-set version applied, and progress. At most one runs at a time (checked by the service); a
-- RUNNING row whose progress has not moved for a while (progressed_at) was left by a stopped instance.
CREATE TABLE reapplication (
    id               CHAR(36)      NOT NULL PRIMARY KEY,
    version_no       INT           NOT NULL,
    rule_set_version VARCHAR(64)   NOT NULL,
    from_day         DATE          NOT NULL,
    to_day           DATE          NOT NULL,
    domains          VARCHAR(200)  NOT NULL,
    district         VARCHAR(64),
    status           VARCHAR(16)   NOT NULL,
    total            INT           NOT NULL,
    done             INT           NOT NULL,
    failed           INT           NOT NULL,
    raised           INT           NOT NULL,
    requested_by     VARCHAR(64)   NOT NULL,
    created_at       DATETIME      NOT NULL,
    progressed_at    DATETIME      NOT NULL,
    finished_at      DATETIME,
    error            LONGTEXT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_reapplication_created ON reapplication (created_at);
CREATE INDEX ix_reapplication_status ON reapplication (status);
