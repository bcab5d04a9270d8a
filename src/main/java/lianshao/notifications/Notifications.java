package lianshao.notifications;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

import lianshao.support.Json;

/** The stored notifications and the people's mail settings; every query is for one person's own. */
@Repository
class Notifications {

    private static final TypeReference<List<String>> ARGS = new TypeReference<>() {
    };

    /** A stored notification; {@code args} the arguments of its text. */
    record Stored(String id, String username, NotificationKind kind, String warningId, String textKey, List<String> args,
            LocalDateTime createdAt, LocalDateTime readAt) {
    }

    /** A person's mail settings. */
    record MailSettings(String email, MailMode mode) {

        boolean mails() {
            return email != null && mode != MailMode.NONE;
        }
    }

    /** Mail states: not mailed, waiting (INSTANT, DIGEST), mailed. */
    static final String NOT_MAILED = "NONE";
    static final String SENT = "SENT";

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String username, NotificationKind kind, String warningId, List<String> args, LocalDateTime at,
            String mailState) {
        jdbc.sql("""
                INSERT INTO notification (id, username, kind, warning_id, text_key, text_args, created_at, mail_state)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, username, kind.name(), warningId, kind.textKey(), Json.write(args), at, mailState).update();
    }

    List<Stored> page(String username, boolean unreadOnly, int page, int size) {
        return jdbc.sql("SELECT * FROM notification WHERE username = ?" + (unreadOnly ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(username, size, (long) page * size).query((rs, n) -> stored(rs)).list();
    }

    long count(String username, boolean unreadOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = ?" + (unreadOnly ? " AND read_at IS NULL" : ""))
                .param(username).query(Long.class).single();
    }

    /** Marks one of the person's own notifications read; false when they have none of that id. */
    boolean markRead(String username, String id, LocalDateTime at) {
        int own = jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = ? AND username = ?").params(id, username)
                .query(Integer.class).single();
        if (own == 0) {
            return false;
        }
        jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL").params(at, id, username)
                .update();
        return true;
    }

    int markAllRead(String username, LocalDateTime at) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE username = ? AND read_at IS NULL").params(at, username).update();
    }

    java.util.Optional<Stored> find(String username, String id) {
        return jdbc.sql("SELECT * FROM notification WHERE id = ? AND username = ?").params(id, username)
                .query((rs, n) -> stored(rs)).optional();
    }

    MailSettings mailSettings(String username) {
        return jdbc.sql("SELECT email, mail_mode FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new MailSettings(rs.getString(1), MailMode.valueOf(rs.getString(2)))).optional()
                .orElse(new MailSettings(null, MailMode.NONE));
    }

    void saveMailSettings(String username, MailSettings settings) {
        jdbc.sql("UPDATE app_user SET email = ?, mail_mode = ? WHERE username = ?")
                .params(settings.email(), settings.mode().name(), username).update();
    }

    /** Notifications waiting to be mailed in this state, oldest first. */
    List<Stored> waiting(String mailState, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE mail_state = ? ORDER BY created_at, id LIMIT ?").params(mailState, limit)
                .query((rs, n) -> stored(rs)).list();
    }

    List<Stored> waiting(String mailState, String username) {
        return jdbc.sql("SELECT * FROM notification WHERE mail_state = ? AND username = ? ORDER BY created_at, id")
                .params(mailState, username).query((rs, n) -> stored(rs)).list();
    }

    List<String> waitingUsers(String mailState) {
        return jdbc.sql("SELECT DISTINCT username FROM notification WHERE mail_state = ? ORDER BY username").param(mailState)
                .query(String.class).list();
    }

    /** Moves a notification from one mail state to another; false when another instance moved it first. */
    boolean moveMail(String id, String from, String to, LocalDateTime at) {
        return jdbc.sql("UPDATE notification SET mail_state = ?, mailed_at = ? WHERE id = ? AND mail_state = ?")
                .params(to, SENT.equals(to) ? at : null, id, from).update() == 1;
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getString("id"), rs.getString("username"), NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("warning_id"), rs.getString("text_key"), Json.MAPPER.readValue(rs.getString("text_args"), ARGS),
                rs.getObject("created_at", LocalDateTime.class), rs.getObject("read_at", LocalDateTime.class));
    }
}
