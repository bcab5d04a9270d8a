package lianshao.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import lianshao.support.Times;

/** The import tables: jobs with their progress (also the audit of who imported what), rows and errors. */
@Repository
class ImportJobs {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One import as stored. Times are UTC. */
    record Job(String id, String kind, String fileName, String fileFormat, long fileSize, String source,
            String uploaderType, String uploadedBy, String status, int rowsTotal, int rowsDone, int accepted, int rejected,
            int created, int revised, int unchanged, int errorCount, String failure, LocalDateTime createdAt,
            LocalDateTime finishedAt, LocalDateTime updatedAt) {
    }

    /** Counters of a running import, written as a whole after each chunk. */
    record Progress(int rowsDone, int accepted, int rejected, int created, int revised, int unchanged, int errorCount) {
    }

    record RowOutcome(int rowNo, String externalId, String outcome, String recordId, String warnings) {
    }

    record RowError(String sheet, int rowNo, String column, String field, String externalId, String message) {
    }

    void create(String id, ImportKind kind, String fileName, String format, long size, String source, String uploaderType,
            String uploadedBy) {
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("""
                INSERT INTO import_job (id, kind, file_name, file_format, file_size, source, uploader_type, uploaded_by, status,
                    rows_total, rows_done, accepted, rejected, created, revised, unchanged, error_count, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?, ?)""")
                .params(id, kind.name(), cut(fileName, 255), format, size, source, uploaderType, cut(uploadedBy, 128), RUNNING,
                        now, now).update();
    }

    void total(String id, int rowsTotal) {
        jdbc.sql("UPDATE import_job SET rows_total = ?, updated_at = ? WHERE id = ?").params(rowsTotal, Times.nowUtc(), id).update();
    }

    void progress(String id, Progress p) {
        jdbc.sql("""
                UPDATE import_job SET rows_done = ?, accepted = ?, rejected = ?, created = ?, revised = ?, unchanged = ?,
                    error_count = ?, updated_at = ? WHERE id = ?""")
                .params(p.rowsDone(), p.accepted(), p.rejected(), p.created(), p.revised(), p.unchanged(), p.errorCount(),
                        Times.nowUtc(), id).update();
    }

    void finish(String id, String status, String failure) {
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("UPDATE import_job SET status = ?, failure = ?, finished_at = ?, updated_at = ? WHERE id = ?")
                .params(status, cut(failure, 1000), now, now, id).update();
    }

    void addRows(String id, List<RowOutcome> rows) {
        if (rows.isEmpty()) {
            return;
        }
        template.batchUpdate("INSERT INTO import_row (import_id, row_no, external_id, outcome, record_id, warnings) VALUES (?, ?, ?, ?, ?, ?)",
                rows, rows.size(), (ps, r) -> {
                    ps.setString(1, id);
                    ps.setInt(2, r.rowNo());
                    ps.setString(3, cut(r.externalId(), 256));
                    ps.setString(4, r.outcome());
                    ps.setString(5, cut(r.recordId(), 256));
                    ps.setString(6, cut(r.warnings(), 2000));
                });
    }

    /** Stores errors numbered from {@code firstSeq}. */
    void addErrors(String id, int firstSeq, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Object[]> args = new ArrayList<>();
        int seq = firstSeq;
        for (RowError e : errors) {
            args.add(new Object[] {id, seq++, cut(e.sheet(), 64), e.rowNo(), cut(e.column(), 256), cut(e.field(), 256),
                    cut(e.externalId(), 256), cut(e.message(), 1000)});
        }
        template.batchUpdate("""
                INSERT INTO import_error (import_id, seq, sheet, row_no, column_label, field, external_id, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", args);
    }

    Optional<Job> find(String id) {
        return jdbc.sql("SELECT * FROM import_job WHERE id = ?").param(id).query(ImportJobs::job).optional();
    }

    /** Newest first; {@code uploadedBy} null for everyone's. */
    List<Job> list(String uploaderType, String uploadedBy, int page, int size) {
        if (uploadedBy == null) {
            return jdbc.sql("SELECT * FROM import_job ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                    .params(size, page * size).query(ImportJobs::job).list();
        }
        return jdbc.sql("SELECT * FROM import_job WHERE uploader_type = ? AND uploaded_by = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(uploaderType, uploadedBy, size, page * size).query(ImportJobs::job).list();
    }

    /** Newest first, the imports of people whose data scope is the district. */
    List<Job> listInDistrict(String district, int page, int size) {
        return jdbc.sql("""
                SELECT j.* FROM import_job j JOIN app_user u ON u.username = j.uploaded_by
                WHERE j.uploader_type = 'USER' AND u.scope_district = ? ORDER BY j.created_at DESC, j.id DESC LIMIT ? OFFSET ?""")
                .params(district, size, page * size).query(ImportJobs::job).list();
    }

    long countInDistrict(String district) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM import_job j JOIN app_user u ON u.username = j.uploaded_by
                WHERE j.uploader_type = 'USER' AND u.scope_district = ?""").param(district).query(Long.class).single();
    }

    /** A person's data scope (null: the whole city, or no such person). */
    String districtOfUser(String username) {
        return jdbc.sql("SELECT scope_district FROM app_user WHERE username = ?").param(username).query(String.class).optional()
                .orElse(null);
    }

    long count(String uploaderType, String uploadedBy) {
        if (uploadedBy == null) {
            return jdbc.sql("SELECT COUNT(*) FROM import_job").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM import_job WHERE uploader_type = ? AND uploaded_by = ?")
                .params(uploaderType, uploadedBy).query(Long.class).single();
    }

    List<RowError> errors(String id, int limit) {
        return jdbc.sql("SELECT * FROM import_error WHERE import_id = ? ORDER BY seq LIMIT ?").params(id, limit)
                .query(ImportJobs::error).list();
    }

    void eachError(String id, Consumer<RowError> consumer) {
        template.query("SELECT * FROM import_error WHERE import_id = ? ORDER BY seq", rs -> {
            consumer.accept(error(rs, 0));
        }, id);
    }

    void eachRow(String id, Consumer<RowOutcome> consumer) {
        template.query("SELECT * FROM import_row WHERE import_id = ? ORDER BY row_no", rs -> {
            consumer.accept(new RowOutcome(rs.getInt("row_no"), rs.getString("external_id"), rs.getString("outcome"),
                    rs.getString("record_id"), rs.getString("warnings")));
        }, id);
    }

    /** Imports left RUNNING by a stopped instance (no progress for a while) end FAILED. */
    int failAbandoned(LocalDateTime notUpdatedSince, String reason) {
        LocalDateTime now = Times.nowUtc();
        return jdbc.sql("UPDATE import_job SET status = ?, failure = ?, finished_at = ?, updated_at = ? WHERE status = ? AND updated_at < ?")
                .params(FAILED, reason, now, now, RUNNING, notUpdatedSince).update();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("kind"), rs.getString("file_name"), rs.getString("file_format"),
                rs.getLong("file_size"), rs.getString("source"), rs.getString("uploader_type"), rs.getString("uploaded_by"),
                rs.getString("status"), rs.getInt("rows_total"), rs.getInt("rows_done"), rs.getInt("accepted"),
                rs.getInt("rejected"), rs.getInt("created"), rs.getInt("revised"), rs.getInt("unchanged"),
                rs.getInt("error_count"), rs.getString("failure"), time(rs, "created_at"), time(rs, "finished_at"),
                time(rs, "updated_at"));
    }

    private static RowError error(ResultSet rs, int n) throws SQLException {
        return new RowError(rs.getString("sheet"), rs.getInt("row_no"), rs.getString("column_label"), rs.getString("field"),
                rs.getString("external_id"), rs.getString("message"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }

    static String cut(String text, int max) {
        if (text == null || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
