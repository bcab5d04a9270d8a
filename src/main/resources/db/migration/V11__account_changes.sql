-- Separation of duties for accounts (三员分立): a change that gives a person decision power is made by one
-- administrator and takes effect only when a second administrator confirms it (security.AccountChanges).
-- Every account change, applied at once or pending, confirmed or rejected, is a row here: the audit of who
-- changed which account, when, and what before -> after. Rows are never deleted.
CREATE TABLE account_change (
    id             CHAR(36)      NOT NULL PRIMARY KEY,
    username       VARCHAR(64)   NOT NULL,
    kind           VARCHAR(32)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    before_state   VARCHAR(2000),
    after_state    VARCHAR(2000),
    password_hash  VARCHAR(128),
    made_by        VARCHAR(64)   NOT NULL,
    made_at        DATETIME      NOT NULL,
    decided_by     VARCHAR(64),
    decided_at     DATETIME,
    reason         VARCHAR(2000),
    district       VARCHAR(64)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_account_change_status ON account_change (status, made_at);
CREATE INDEX ix_account_change_user ON account_change (username, made_at);

-- A password chosen by an administrator is known to them: its owner must replace it at the next sign-in.
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
