-- One number that every change of reference data raises in its own transaction (ReferenceVersion): an instance
-- keeps organisations, leaders, admission plans and the calendar in memory and reads them again only when the
-- number it read them at is no longer the one stored.
CREATE TABLE reference_version (
    id      INT    NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO reference_version (id, version) VALUES (1, 0);
