package lianshao.authoring;

import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/** The append-only audit trail of the rule-set lifecycle: who did what to which version, and when. */
@Repository
public class RuleSetAudit {

    public record Entry(String id, Integer version, String action, String actor, OffsetDateTime actedAt, String details) {
    }

    private final JdbcClient jdbc;

    RuleSetAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Integer version, String action, String actor, Object details) {
        jdbc.sql("INSERT INTO rule_set_audit (id, version_no, action, actor, acted_at, details) VALUES (?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), version, action, actor, Times.nowUtc(), details == null ? null : Json.write(details))
                .update();
    }

    public List<Entry> of(int version) {
        return jdbc.sql("SELECT id, version_no, action, actor, acted_at, details FROM rule_set_audit WHERE version_no = ? ORDER BY acted_at, id")
                .param(version).query((rs, n) -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Times.offset(rs.getObject(5, LocalDateTime.class)), rs.getString(6))).list();
    }
}
