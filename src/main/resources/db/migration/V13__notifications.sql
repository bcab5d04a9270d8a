-- Notifications (lianshao.notifications): an in-app inbox per person, reminders of deadlines sent once,
-- e-mail (instant or a daily digest) and a signed webhook for other systems.

-- Where and how a person wants their notifications by e-mail: NONE, INSTANT (each one) or DIGEST (one a day).
ALTER TABLE app_user ADD COLUMN email VARCHAR(256);
ALTER TABLE app_user ADD COLUMN mail_mode VARCHAR(16) NOT NULL DEFAULT 'NONE';

-- One notification of one person. The text is a message key and its arguments (JSON array), rendered in the
-- reader's language. mail_state: NONE (not mailed), INSTANT or DIGEST (waiting to be mailed), SENT.
CREATE TABLE notification (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    username    VARCHAR(64)   NOT NULL,
    kind        VARCHAR(32)   NOT NULL,
    warning_id  CHAR(36),
    text_key    VARCHAR(128)  NOT NULL,
    text_args   VARCHAR(4000) NOT NULL,
    created_at  DATETIME      NOT NULL,
    read_at     DATETIME,
    mail_state  VARCHAR(16)   NOT NULL,
    mailed_at   DATETIME
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_notification_user ON notification (username, created_at);
CREATE INDEX ix_notification_unread ON notification (username, read_at);
CREATE INDEX ix_notification_mail ON notification (mail_state, username);

-- A reminder (due soon, overdue) is sent once per warning, deadline column and deadline value: a new
-- deadline (an extension, a return with a new date) is reminded of again.
CREATE TABLE notification_reminder (
    warning_id  CHAR(36)     NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    deadline    VARCHAR(64)  NOT NULL,
    due_at      DATETIME     NOT NULL,
    created_at  DATETIME     NOT NULL,
    PRIMARY KEY (warning_id, kind, deadline, due_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- One digest a person a day (Beijing date), claimed by the instance that sends it.
CREATE TABLE notification_digest (
    username    VARCHAR(64)  NOT NULL,
    digest_day  DATE         NOT NULL,
    sent_at     DATETIME     NOT NULL,
    PRIMARY KEY (username, digest_day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Webhook events waiting to be posted, posted, or given up after the last retry. The payload holds ids and
-- kinds only, no personal data.
CREATE TABLE webhook_delivery (
    id              CHAR(36)      NOT NULL PRIMARY KEY,
    payload         VARCHAR(4000) NOT NULL,
    created_at      DATETIME      NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at DATETIME,
    delivered_at    DATETIME,
    last_error      VARCHAR(512)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE INDEX ix_webhook_due ON webhook_delivery (next_attempt_at);
