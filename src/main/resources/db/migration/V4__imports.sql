-- Ledger imports (台账导入): one row per uploaded file, which is also the audit trail of who
-- imported what and when, with its counts; the row-level report in import_row and import_error.

CREATE TABLE import_job (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    kind           VARCHAR(32)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    file_format    VARCHAR(8)    NOT NULL,
    file_size      BIGINT        NOT NULL,
    source         VARCHAR(128)  NOT NULL,
    uploader_type  VARCHAR(8)    NOT NULL,
    uploaded_by    VARCHAR(128)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    rows_total     INT           NOT NULL,
    rows_done      INT           NOT NULL,
    accepted       INT           NOT NULL,
    rejected       INT           NOT NULL,
    created        INT           NOT NULL,
    revised        INT           NOT NULL,
    unchanged      INT           NOT NULL,
    error_count    INT           NOT NULL,
    failure        VARCHAR(1000),
    created_at     DATETIME      NOT NULL,
    finished_at    DATETIME,
    updated_at     DATETIME      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_import_job_created ON import_job (created_at);
CREATE INDEX ix_import_job_uploader ON import_job (uploaded_by, created_at);

-- One row per data row of the main sheet: what became of it.
CREATE TABLE import_row (
    import_id    CHAR(36)      NOT NULL,
    row_no       INT           NOT NULL,
    external_id  VARCHAR(256),
    outcome      VARCHAR(16)   NOT NULL,
    record_id    VARCHAR(256),
    warnings     VARCHAR(2000),
    PRIMARY KEY (import_id, row_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every reason a row (or an item row of a list sheet) was rejected.
CREATE TABLE import_error (
    import_id     CHAR(36)      NOT NULL,
    seq           INT           NOT NULL,
    sheet         VARCHAR(64)   NOT NULL,
    row_no        INT           NOT NULL,
    column_label  VARCHAR(256)  NOT NULL,
    field         VARCHAR(256)  NOT NULL,
    external_id   VARCHAR(256),
    message       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (import_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
