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
 * all muted for its rule is still recorded, as a MUTED warning outside the queue. A mute applies within the
 * district of the person who set it (null: the whole city) and is seen and revoked only from within it.
 */
@Repository
public class Mutes {

    private final JdbcClient jdbc;

    Mutes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A mute; {@code district} null: it applies in the whole city. */
    public record Mute(String id, String ruleId, String subjectRef, LocalDate until, String reason, String createdBy,
            LocalDateTime createdAt, String revokedBy, LocalDateTime revokedAt, String district) {
    }

    /** A mute set by a person of this data scope (null: the whole city), applying there only. */
    public String create(String ruleId, String subjectRef, LocalDate until, String reason, String by, String district) {
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO warning_mute (id, rule_id, subject_ref, until_day, reason, created_by, created_at, district)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""").params(id, ruleId, subjectRef, until, reason, by, Times.nowUtc(), district).update();
        return id;
    }

    /** Revokes an active mute of the district (null: any mute, for the whole city's people). */
    public boolean revoke(String id, String by, String district) {
        String scope = district == null ? "" : " AND district = ?";
        List<Object> params = new java.util.ArrayList<>(List.of(by, Times.nowUtc(), id));
        if (district != null) {
            params.add(district);
        }
        return jdbc.sql("UPDATE warning_mute SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL" + scope)
                .params(params).update() == 1;
    }

    /** The mutes of the district (null: all of them). */
    public List<Mute> all(String district) {
        String where = district == null ? "" : " WHERE district = :district";
        var spec = jdbc.sql("SELECT * FROM warning_mute" + where + " ORDER BY created_at DESC");
        if (district != null) {
            spec = spec.param("district", district);
        }
        return spec.query((rs, n) -> new Mute(rs.getString("id"),
                rs.getString("rule_id"), rs.getString("subject_ref"), rs.getDate("until_day").toLocalDate(), rs.getString("reason"),
                rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class), rs.getString("revoked_by"),
                rs.getObject("revoked_at", LocalDateTime.class), rs.getString("district"))).list();
    }

    /**
     * The mute covering every one of the subjects for this rule on the day, if there is one for each, among the
     * mutes that apply to the organisation's district.
     */
    Optional<String> covering(String ruleId, Collection<String> subjects, LocalDate day, String orgCode) {
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        List<String[]> active = jdbc.sql("""
                SELECT id, subject_ref FROM warning_mute
                WHERE rule_id = :rule AND subject_ref IN (:subjects) AND until_day >= :day AND revoked_at IS NULL
                    AND (district IS NULL OR district = (SELECT o.district FROM org o WHERE o.code = :org))""")
                .param("rule", ruleId).param("subjects", subjects).param("day", day).param("org", orgCode)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        boolean all = subjects.stream().allMatch(s -> active.stream().anyMatch(a -> a[1].equals(s)));
        return all ? Optional.of(active.get(0)[0]) : Optional.empty();
    }
}
