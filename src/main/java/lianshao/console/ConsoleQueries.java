package lianshao.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.contract.Domain;
import lianshao.facts.Org;
import lianshao.support.DisplayFormat;
import lianshao.support.Times;
import lianshao.warnings.SystemRiskPoint;

/**
 * The read side of the console pages that the warning services do not answer: counts for the
 * dashboard and rule pages, records with their revisions, the organisations and districts. Every
 * query that touches warnings or records takes the user's district (null: the whole city).
 */
@Component
class ConsoleQueries {

    /** The states in which a warning waits for a decision. */
    static final String OPEN = "('NEW', 'ASSIGNED', 'UNDER_REVIEW', 'ESCALATED', 'REOPENED')";

    private final JdbcClient jdbc;
    private final DisplayFormat format;

    ConsoleQueries(JdbcClient jdbc, DisplayFormat format) {
        this.jdbc = jdbc;
        this.format = format;
    }

    private static String scope(String district) {
        return district == null ? "" : " AND w.org_code IN (SELECT o.code FROM org o WHERE o.district = :district)";
    }

    private JdbcClient.StatementSpec sql(String sql, String district) {
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        return district == null ? spec : spec.param("district", district);
    }

    record Count(String key, String label, long count) {
    }

    Map<Integer, Long> openByForm(String district) {
        Map<Integer, Long> byForm = new LinkedHashMap<>();
        for (int form = 1; form <= 4; form++) {
            byForm.put(form, 0L);
        }
        sql("SELECT w.form, COUNT(*) FROM warning w WHERE w.still_hits = TRUE AND w.status IN " + OPEN + scope(district)
                + " GROUP BY w.form", district).query(rs -> {
                    byForm.put(rs.getInt(1), rs.getLong(2));
                });
        return byForm;
    }

    Map<String, Long> openByDomain(String district) {
        Map<String, Long> byDomain = new LinkedHashMap<>();
        for (Domain d : Domain.values()) {
            byDomain.put(d.name(), 0L);
        }
        sql("SELECT w.domain, COUNT(*) FROM warning w WHERE w.still_hits = TRUE AND w.status IN " + OPEN + scope(district)
                + " GROUP BY w.domain", district).query(rs -> {
                    byDomain.put(rs.getString(1), rs.getLong(2));
                });
        return byDomain;
    }

    long overdue(String district) {
        return sql("SELECT COUNT(*) FROM warning w WHERE w.status IN " + OPEN + " AND w.due_at < :now" + scope(district), district)
                .param("now", Times.nowUtc()).query(Long.class).single();
    }

    /**
     * Open SYS-01 warnings: records whose evaluation could not complete (or completed only later) and that no
     * inspector has closed yet.
     */
    long incompleteEvaluations(String district) {
        return sql("SELECT COUNT(*) FROM warning w WHERE w.rule_id = :ruleId AND w.status IN " + OPEN + scope(district), district)
                .param("ruleId", SystemRiskPoint.EVALUATION_INCOMPLETE.id()).query(Long.class).single();
    }

    /** Warnings in the queue (not muted) by rule, most first. */
    List<Count> topRules(String district, int limit) {
        return sql("SELECT w.rule_id, MAX(w.title), MAX(w.title_en), COUNT(*) c FROM warning w WHERE w.status <> 'MUTED'"
                + scope(district) + " GROUP BY w.rule_id ORDER BY c DESC, w.rule_id LIMIT :limit", district)
                .param("limit", limit)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(1) + " "
                        + (ConsoleText.english() && rs.getString(3) != null ? rs.getString(3) : rs.getString(2)), rs.getLong(4)))
                .list();
    }

    /** Warnings in the queue (not muted) by organisation, most first. */
    List<Count> topOrgs(String district, int limit) {
        return sql("SELECT w.org_code, MAX(o.name), COUNT(*) c FROM warning w LEFT JOIN org o ON o.code = w.org_code"
                + " WHERE w.status <> 'MUTED'" + scope(district) + " GROUP BY w.org_code ORDER BY c DESC, w.org_code LIMIT :limit",
                district).param("limit", limit)
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2), rs.getLong(3)))
                .list();
    }

    record Week(LocalDate start, long raised, long decided) {
    }

    /**
     * Warnings raised and decided (confirmed or dismissed) per week, Monday to Sunday in the office's zone, the last
     * {@code weeks} weeks up to today there.
     */
    List<Week> weekly(String district, int weeks) {
        LocalDate first = format.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
        LocalDateTime fromUtc = Times.toUtc(first.atStartOfDay(format.zone()).toOffsetDateTime());
        TreeMap<LocalDate, long[]> counts = new TreeMap<>();
        for (int i = 0; i < weeks; i++) {
            counts.put(first.plusWeeks(i), new long[2]);
        }
        sql("SELECT w.raised_at FROM warning w WHERE w.status <> 'MUTED' AND w.raised_at >= :from" + scope(district), district)
                .param("from", fromUtc).query(rs -> {
                    bucket(counts, rs.getObject(1, LocalDateTime.class))[0]++;
                });
        sql("SELECT a.acted_at FROM warning_action a JOIN warning w ON w.id = a.warning_id WHERE a.to_status IN ('CONFIRMED', 'DISMISSED')"
                + " AND a.from_status <> a.to_status AND a.acted_at >= :from" + scope(district), district)
                .param("from", fromUtc).query(rs -> {
                    bucket(counts, rs.getObject(1, LocalDateTime.class))[1]++;
                });
        List<Week> result = new ArrayList<>();
        counts.forEach((start, c) -> result.add(new Week(start, c[0], c[1])));
        return result;
    }

    private long[] bucket(TreeMap<LocalDate, long[]> counts, LocalDateTime utc) {
        Map.Entry<LocalDate, long[]> week = counts.floorEntry(format.local(utc).toLocalDate());
        return week == null ? new long[2] : week.getValue();
    }

    /** A stored record: its identity and latest state. */
    record RecordRow(String id, String source, String externalId, String domain, String orgCode, LocalDateTime occurredAt,
            int revision, String status) {
    }

    record Revision(int revision, String contentHash, String envelope, LocalDateTime receivedAt) {
    }

    /** The records among the ids that lie in the district, oldest first. */
    List<RecordRow> records(Collection<String> ids, String district) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String where = district == null ? "" : " AND r.org_code IN (SELECT o.code FROM org o WHERE o.district = :district)";
        return sql("SELECT * FROM record r WHERE r.id IN (:ids)" + where + " ORDER BY r.occurred_at, r.id", district)
                .param("ids", ids)
                .query((rs, n) -> new RecordRow(rs.getString("id"), rs.getString("source"), rs.getString("external_id"),
                        rs.getString("domain"), rs.getString("org_code"), rs.getObject("occurred_at", LocalDateTime.class),
                        rs.getInt("revision"), rs.getString("status")))
                .list();
    }

    Optional<RecordRow> record(String id) {
        return records(List.of(id), null).stream().findFirst();
    }

    /** Every revision of the record, newest first. */
    List<Revision> revisions(String recordId) {
        return jdbc.sql("SELECT revision, content_hash, envelope, received_at FROM record_revision WHERE record_id = ? ORDER BY revision DESC")
                .param(recordId)
                .query((rs, n) -> new Revision(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class)))
                .list();
    }

    /** Per rule: hits and what the reviewers decided. */
    record RuleStats(String ruleId, long hits, long muted, long open, long confirmed, long dismissed, long decided, long matching,
            Map<String, Long> suggestedToDecided) {

        /** Confirmed among the decided ones (confirmed or dismissed), in percent; null before any decision. */
        public Integer precision() {
            return confirmed + dismissed == 0 ? null : (int) Math.round(100.0 * confirmed / (confirmed + dismissed));
        }

        /** How often the decided form was the suggested one, in percent; null before any confirmation. */
        public Integer formMatch() {
            return decided == 0 ? null : (int) Math.round(100.0 * matching / decided);
        }
    }

    Map<String, RuleStats> ruleStats(String district) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> pairs = new TreeMap<>();
        sql("SELECT w.rule_id, w.status, w.form, w.decided_form, w.dismiss_reason FROM warning w WHERE 1 = 1" + scope(district), district)
                .query(rs -> {
                    String rule = rs.getString(1);
                    String status = rs.getString(2);
                    int form = rs.getInt(3);
                    Integer decided = (Integer) rs.getObject(4);
                    long[] c = counts.computeIfAbsent(rule, k -> new long[7]);
                    c[0]++;
                    if ("MUTED".equals(status)) {
                        c[1]++;
                    }
                    if (OPEN.contains("'" + status + "'")) {
                        c[2]++;
                    }
                    if (decided != null) {
                        c[3]++;
                        c[5]++;
                        if (decided == form) {
                            c[6]++;
                        }
                        pairs.computeIfAbsent(rule, k -> new TreeMap<>()).merge(form + "→" + decided, 1L, Long::sum);
                    }
                    if (rs.getString(5) != null) {
                        c[4]++;
                    }
                });
        Map<String, RuleStats> stats = new LinkedHashMap<>();
        counts.forEach((rule, c) -> stats.put(rule, new RuleStats(rule, c[0], c[1], c[2], c[3], c[4], c[5], c[6],
                pairs.getOrDefault(rule, Map.of()))));
        return stats;
    }

    /** The district of a registered organisation, or null. */
    String districtOf(String orgCode) {
        return jdbc.sql("SELECT district FROM org WHERE code = ?").param(orgCode).query(String.class).optional().orElse(null);
    }

    List<String> districts() {
        return jdbc.sql("SELECT DISTINCT district FROM org ORDER BY district").query(String.class).list();
    }

    List<Org> orgs(String district) {
        String where = district == null ? "" : " WHERE district = :district";
        return sql("SELECT * FROM org" + where + " ORDER BY code", district)
                .query((rs, n) -> new Org(rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("district"),
                        rs.getString("parent_code")))
                .list();
    }
}
