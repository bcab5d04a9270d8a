-- Sign-in throttling per account AND client address (security.LoginAttempts). The lock-out of V2
-- (app_user.failed_attempts, locked_until) counted every client together, so anyone could lock a
-- named account; those columns are no longer written.

-- Failed sign-ins of one client (remote address) for one account name; a success clears the row.
CREATE TABLE sign_in_failure (
    username         VARCHAR(64)  NOT NULL,
    client           VARCHAR(64)  NOT NULL,
    failures         INT          NOT NULL,
    last_failure_at  DATETIME     NOT NULL,
    blocked_until    DATETIME,
    PRIMARY KEY (username, client)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_sign_in_failure_at ON sign_in_failure (last_failure_at);

-- Clients that have signed in to an account: not slowed when the account is attacked from elsewhere.
CREATE TABLE sign_in_known_client (
    username         VARCHAR(64)  NOT NULL,
    client           VARCHAR(64)  NOT NULL,
    last_success_at  DATETIME     NOT NULL,
    PRIMARY KEY (username, client)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Failures of one account name over all clients in the current window, and when the next attempt of
-- a client that never signed in to it may be checked while the account is over its ceiling.
CREATE TABLE sign_in_account (
    username         VARCHAR(64)  NOT NULL PRIMARY KEY,
    window_start     DATETIME     NOT NULL,
    failures         INT          NOT NULL,
    next_unknown_at  DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
