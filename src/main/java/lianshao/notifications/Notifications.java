package lianshao.notifications;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

import lianshao.security.CurrentUser;
import lianshao.security.Role;
import lianshao.support.Json;

/** The stored notifications and the people's mail settings; every read is of one person's own. */
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

    /** Mail states: not mailed, waiting (INSTANT, DIGEST), mailed, withheld. */
    static final String NOT_MAILED = "NONE";
    static final String SENT = "SENT";
    /** Not mailed: when it was to be sent, the person could no longer see its warning (role, scope or warning changed). */
    static final String WITHHELD = "WITHHELD";

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

    List<Stored> page(CurrentUser reader, boolean unreadOnly, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = own(reader, unreadOnly, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql("SELECT n.* FROM notification n" + where + " ORDER BY n.created_at DESC, n.id DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, n) -> stored(rs)).list();
    }

    long count(CurrentUser reader, boolean unreadOnly) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT COUNT(*) FROM notification n" + own(reader, unreadOnly, params)).params(params)
                .query(Long.class).single();
    }

    /** Marks one of the reader's own notifications read; false when they have none of that id (that they may see). */
    boolean markRead(CurrentUser reader, String id, LocalDateTime at) {
        if (find(reader, id).isEmpty()) {
            return false;
        }
        jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL")
                .params(at, id, reader.username()).update();
        return true;
    }

    int markAllRead(CurrentUser reader, LocalDateTime at) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = own(reader, true, params);
        params.put("at", at);
        return jdbc.sql("UPDATE notification SET read_at = :at WHERE id IN (SELECT n.id FROM notification n" + where + ")")
                .params(params).update();
    }

    Optional<Stored> find(CurrentUser reader, String id) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = own(reader, false, params);
        params.put("id", id);
        return jdbc.sql("SELECT n.* FROM notification n" + where + " AND n.id = :id").params(params)
                .query((rs, n) -> stored(rs)).optional();
    }

    /**
     * The reader's own notifications about warnings they may still see: their data scope may have narrowed since
     * a notification was made, and then it is no longer shown.
     */
    private static String own(CurrentUser reader, boolean unreadOnly, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE n.username = :username");
        params.put("username", reader.username());
        if (unreadOnly) {
            where.append(" AND n.read_at IS NULL");
        }
        if (reader.has(Role.UNIT)) {
            // a unit liaison sees what was dispatched to its unit, whichever organisation the record was of
            where.append(" AND n.warning_id IN (SELECT w.id FROM warning w WHERE w.unit_org IN (:orgs))");
            params.put("orgs", reader.orgs().isEmpty() ? List.of("") : reader.orgs());
            return where.toString();
        }
        if (reader.district() != null) {
            where.append(" AND n.warning_id IN (SELECT w.id FROM warning w JOIN org o ON o.code = w.org_code"
                    + " WHERE o.district = :district)");
            params.put("district", reader.district());
        }
        if (!reader.orgs().isEmpty()) {
            where.append(" AND n.warning_id IN (SELECT w.id FROM warning w WHERE w.org_code IN (:orgs))");
            params.put("orgs", reader.orgs());
        }
        return where.toString();
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
