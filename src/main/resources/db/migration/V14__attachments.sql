-- Evidence files of a unit's reply (整改证明材料), stored in the database with their SHA-256. The content is
-- kept in parts of at most 1 MB (warning_attachment_part): Connector/J sends a parameter inlined, hex-encoded,
-- so one 10 MB value would need a 20 MB packet, above MariaDB's default max_allowed_packet of 16 MB. The table's character set
-- is stated as the warning table's is: a server whose default differs refuses the foreign key otherwise.
CREATE TABLE warning_attachment (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    warning_id    CHAR(36)      NOT NULL,
    file_name     VARCHAR(255)  NOT NULL,
    media_type    VARCHAR(128)  NOT NULL,
    kind          VARCHAR(16)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploaded_at   DATETIME      NOT NULL,
    CONSTRAINT fk_attachment_warning FOREIGN KEY (warning_id) REFERENCES warning (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_attachment_warning ON warning_attachment (warning_id, uploaded_at);

CREATE TABLE warning_attachment_part (
    attachment_id CHAR(36)      NOT NULL,
    part_no       INT           NOT NULL,
    content       LONGBLOB      NOT NULL,
    PRIMARY KEY (attachment_id, part_no),
    CONSTRAINT fk_attachment_part FOREIGN KEY (attachment_id) REFERENCES warning_attachment (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
