-- Evidence files of a unit's reply (整改证明材料), stored in the database with their SHA-256. LONGBLOB is
-- MariaDB's (up to 4 GB) and an alias of BLOB in H2; one file is sent in one packet, so the server's
-- max_allowed_packet must exceed lianshao.attachments.max-bytes (docs/security.md). The table's character set
-- is stated as the warning table's is: a server whose default differs refuses the foreign key otherwise.
CREATE TABLE warning_attachment (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    warning_id    CHAR(36)      NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    media_type    VARCHAR(128)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    content       LONGBLOB      NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploaded_at   DATETIME      NOT NULL,
    CONSTRAINT fk_attachment_warning FOREIGN KEY (warning_id) REFERENCES warning (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_attachment_warning ON warning_attachment (warning_id, uploaded_at);
