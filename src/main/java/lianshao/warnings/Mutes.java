package lianshao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Ids;
import lianshao.support.Times;

/**
 * Mutes of one rule for one subject until a day: duplicate-noise control. A hit whose subjects are
 * all muted for its rule is still recorded, as a MUTED warning outside the queue.
 */
@Repository
public class Mutes {

    private final JdbcClient jdbc;

    Mutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Mute(String id, String ruleId, String subjectRef, LocalDate until, String reason, String createdBy,
            LocalDateTime createdAt, String revokedBy, LocalDateTime revokedAt) {
    }

    public String create(String ruleId, String subjectRef, LocalDate until, String reason, String by) {
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO warning_mute (id, rule_id, subject_ref, until_day, reason, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(id, ruleId, subjectRef, until, reason, by, Times.nowUtc()).update();
        return id;
    }

    public boolean revoke(String id, String by) {
        return jdbc.sql("UPDATE warning_mute SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(by, Times.nowUtc(), id).update() == 1;
    }

    public List<Mute> all() {
        return jdbc.sql("SELECT * FROM warning_mute ORDER BY created_at DESC").query((rs, n) -> new Mute(rs.getString("id"),
                rs.getString("rule_id"), rs.getString("subject_ref"), rs.getDate("until_day").toLocalDate(), rs.getString("reason"),
                rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class), rs.getString("revoked_by"),
                rs.getObject("revoked_at", LocalDateTime.class))).list();
    }

    /** The mute covering every one of the subjects for this rule on the day, if there is one for each. */
    Optional<String> covering(String ruleId, Collection<String> subjects, LocalDate day) {
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> active = jdbc.sql("""
                SELECT id, subject_ref FROM warning_mute
                WHERE rule_id = :rule AND subject_ref IN (:subjects) AND until_day >= :day AND revoked_at IS NULL""")
                .param("rule", ruleId).param("subjects", subjects).param("day", day)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        boolean all = subjects.stream().allMatch(s -> active.stream().anyMatch(a -> a[1].equals(s)));
        return all ? Optional.of(active.get(0)[0]) : Optional.empty();
    }
}
