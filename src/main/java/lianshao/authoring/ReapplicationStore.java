package lianshao.authoring;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Times;

/** The rows of the runs applying a rule set to stored records. */
@Repository
class ReapplicationStore {

    private final JdbcClient jdbc;

    ReapplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, int version, String ruleSetVersion, LocalDate from, LocalDate to, List<String> domains, String district,
            int total, String actor) {
        jdbc.sql("""
                INSERT INTO reapplication (id, version_no, rule_set_version, from_day, to_day, domains, district, status, total, done,
                    failed, raised, requested_by, created_at, progressed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, 0, 0, 0, ?, ?, ?)""")
                .params(id, version, ruleSetVersion, from, to, String.join(",", domains), district, total, actor, Times.nowUtc(),
                        Times.nowUtc())
                .update();
    }

    /**
     * Ends the runs still marked RUNNING whose progress has not moved since {@code before}: the instance running them
     * stopped. Returns them as they were.
     */
    List<ReapplicationView> abandonStale(LocalDateTime before) {
        List<ReapplicationView> stale = jdbc.sql("SELECT * FROM reapplication WHERE status = 'RUNNING' AND progressed_at < ?")
                .param(before).query((rs, n) -> view(rs)).list();
        for (ReapplicationView run : stale) {
            jdbc.sql("UPDATE reapplication SET status = 'FAILED', error = ?, finished_at = ? WHERE id = ? AND status = 'RUNNING'")
                    .params("运行中断（进度长时间未更新）/ interrupted (no progress for too long)", Times.nowUtc(), run.id()).update();
        }
        return stale;
    }

    boolean anyRunning() {
        return jdbc.sql("SELECT COUNT(*) FROM reapplication WHERE status = 'RUNNING'").query(Long.class).single() > 0;
    }

    void progress(String id, int done, int failed, int raised) {
        jdbc.sql("UPDATE reapplication SET done = ?, failed = ?, raised = ?, progressed_at = ? WHERE id = ?")
                .params(done, failed, raised, Times.nowUtc(), id).update();
    }

    void finish(String id, String status, int done, int failed, int raised, String error) {
        jdbc.sql("UPDATE reapplication SET status = ?, done = ?, failed = ?, raised = ?, error = ?, finished_at = ? WHERE id = ?")
                .params(status, done, failed, raised, error, Times.nowUtc(), id).update();
    }

    /**
     * The run if the reader's district (null: the whole city) covers it: a reader of a district sees the runs limited to
     * that district, a reader of the whole city every run.
     */
    Optional<ReapplicationView> find(String id, String district) {
        return jdbc.sql("SELECT * FROM reapplication WHERE id = :id AND (:district IS NULL OR district = :district)")
                .param("id", id).param("district", district).query((rs, n) -> view(rs)).optional();
    }

    /** The latest runs the reader's district covers, newest first. */
    List<ReapplicationView> latest(String district, int limit) {
        return jdbc.sql("SELECT * FROM reapplication WHERE (:district IS NULL OR district = :district)"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("district", district).param("limit", limit).query((rs, n) -> view(rs)).list();
    }

    private static ReapplicationView view(ResultSet rs) throws SQLException {
        LocalDateTime finished = rs.getObject("finished_at", LocalDateTime.class);
        return new ReapplicationView(rs.getString("id"), rs.getInt("version_no"), rs.getString("rule_set_version"),
                rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class),
                List.of(rs.getString("domains").split(",")), rs.getString("district"), rs.getString("status"), rs.getInt("total"),
                rs.getInt("done"), rs.getInt("failed"), rs.getInt("raised"), rs.getString("requested_by"),
                Times.offset(rs.getObject("created_at", LocalDateTime.class)), finished == null ? null : Times.offset(finished),
                rs.getString("error"));
    }
}
