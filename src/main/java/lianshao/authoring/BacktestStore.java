package lianshao.authoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Times;

/** The backtest tables: one row of progress per backtest and its differences. */
@Repository
class BacktestStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    BacktestStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * A running backtest; its {@code skipped} records count as done from the start. {@code judgedRules}: the ids of the
     * rules judged, comma-separated, null for every rule ({@code judgedAllReason} says why).
     */
    void insert(String id, int version, Integer baselineNo, String baseline, String candidate, LocalDate from, LocalDate to,
            int total, int skipped, String judgedRules, String judgedAllReason, String actor) {
        jdbc.sql("""
                INSERT INTO backtest (id, version_no, baseline_no, baseline_version, candidate_version, from_day, to_day, status,
                    total, done, failed, skipped, judged_rules, judged_all_reason, requested_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(id, version, baselineNo, baseline, candidate, from, to, total, skipped, skipped, judgedRules, judgedAllReason,
                        actor, Times.nowUtc()).update();
    }

    void progress(String id, int done, int failed) {
        jdbc.sql("UPDATE backtest SET done = ?, failed = ? WHERE id = ?").params(done, failed, id).update();
    }

    /** Ends a running backtest; false when it was no longer running (cancelled meanwhile). */
    boolean finish(String id, String status, int done, int failed, String error) {
        return jdbc.sql("UPDATE backtest SET status = ?, done = ?, failed = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(status, done, failed, error, Times.nowUtc(), id).update() == 1;
    }

    boolean cancel(String id) {
        return jdbc.sql("UPDATE backtest SET status = 'CANCELLED', finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(Times.nowUtc(), id).update() == 1;
    }

    String status(String id) {
        return jdbc.sql("SELECT status FROM backtest WHERE id = ?").param(id).query(String.class).optional().orElse(null);
    }

    void addItems(String id, List<BacktestItem> items) {
        template.batchUpdate("""
                INSERT INTO backtest_item (backtest_id, record_id, rule_id, change_kind, external_id, domain, org_code, occurred_at,
                    form_before, form_after, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                items.stream().map(i -> new Object[] {id, i.recordId(), i.ruleId(), i.change(), i.externalId(), i.domain(),
                        i.orgCode(), Times.toUtc(i.occurredAt()), i.formBefore(), i.formAfter(), i.message()}).toList());
    }

    /** Differences of records of organisations in the district only (none of an unregistered one); null: all. */
    private static String scope(String district) {
        return district == null ? "" : " AND org_code IN (SELECT o.code FROM org o WHERE o.district = ?)";
    }

    private static List<Object> params(String id, String district) {
        List<Object> params = new java.util.ArrayList<>(List.of(id));
        if (district != null) {
            params.add(district);
        }
        return params;
    }

    Optional<BacktestView> find(String id, int version, String district) {
        return jdbc.sql("SELECT * FROM backtest WHERE id = ? AND version_no = ?").params(id, version)
                .query((rs, n) -> view(rs, id, district)).optional();
    }

    List<BacktestItem> items(String id, String change, int limit, int offset, String district) {
        String where = scope(district) + (change == null ? "" : " AND change_kind = ?");
        List<Object> params = params(id, district);
        if (change != null) {
            params.add(change);
        }
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM backtest_item WHERE backtest_id = ?" + where
                        + " ORDER BY occurred_at, record_id, rule_id LIMIT ? OFFSET ?")
                .params(params).query((rs, n) -> new BacktestItem(rs.getString("record_id"), rs.getString("external_id"),
                        rs.getString("rule_id"), rs.getString("change_kind"), rs.getString("domain"), rs.getString("org_code"),
                        Times.offset(rs.getObject("occurred_at", LocalDateTime.class)), (Integer) rs.getObject("form_before", Integer.class),
                        rs.getObject("form_after", Integer.class), rs.getString("message"))).list();
    }

    private BacktestView view(ResultSet rs, String id, String district) throws SQLException {
        int baselineNo = rs.getInt("baseline_no");
        Integer baseline = rs.wasNull() ? null : baselineNo;
        LocalDateTime finished = rs.getObject("finished_at", LocalDateTime.class);
        String judged = rs.getString("judged_rules");
        return new BacktestView(id, rs.getInt("version_no"), baseline, rs.getString("baseline_version"),
                rs.getString("candidate_version"), rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class),
                rs.getString("status"), rs.getInt("total"), rs.getInt("done"), rs.getInt("failed"), rs.getInt("skipped"),
                judged == null ? null : judged.isEmpty() ? List.of() : List.of(judged.split(",")), rs.getString("judged_all_reason"),
                rs.getString("requested_by"),
                Times.offset(rs.getObject("created_at", LocalDateTime.class)), finished == null ? null : Times.offset(finished),
                rs.getString("error"), changes(id, district), counts(id, "rule_id", district), counts(id, "org_code", district));
    }

    private Map<String, Long> changes(String id, String district) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT change_kind, COUNT(*) FROM backtest_item WHERE backtest_id = ?" + scope(district) + " GROUP BY change_kind")
                .params(params(id, district))
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Counts by the column (rule or org) and change. */
    private Map<String, Map<String, Long>> counts(String id, String column, String district) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        jdbc.sql("SELECT " + column + ", change_kind, COUNT(*) FROM backtest_item WHERE backtest_id = ?" + scope(district)
                        + " GROUP BY " + column + ", change_kind").params(params(id, district))
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }
}
