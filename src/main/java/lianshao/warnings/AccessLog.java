package lianshao.warnings;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Ids;
import lianshao.support.Times;

/** 查询留痕: who opened which warning, profile or record, when, through the console or the API. */
@Repository
public class AccessLog {

    private final JdbcClient jdbc;

    AccessLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(String id, String username, String kind, String target, String channel, LocalDateTime openedAt) {
    }

    public void opened(String username, String kind, String target, String channel) {
        jdbc.sql("INSERT INTO access_log (id, username, kind, target, channel, opened_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), username, kind, target.length() <= 256 ? target : target.substring(0, 256), channel, Times.nowUtc())
                .update();
    }

    /**
     * The latest entries, of one user or all; {@code district} (the reader's data scope, null: the whole city)
     * keeps the entries of people of that district, who could open only that district's warnings, profiles and
     * records.
     */
    public List<Entry> latest(String username, String district, int limit) {
        List<String> where = new java.util.ArrayList<>();
        if (username != null) {
            where.add("username = :user");
        }
        if (district != null) {
            where.add("username IN (SELECT u.username FROM app_user u WHERE u.scope_district = :district)");
        }
        var spec = jdbc.sql("SELECT * FROM access_log" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY opened_at DESC, id DESC LIMIT :limit").param("limit", limit);
        if (username != null) {
            spec = spec.param("user", username);
        }
        if (district != null) {
            spec = spec.param("district", district);
        }
        return spec.query((rs, n) -> new Entry(rs.getString("id"), rs.getString("username"), rs.getString("kind"),
                rs.getString("target"), rs.getString("channel"), rs.getObject("opened_at", LocalDateTime.class))).list();
    }
}
