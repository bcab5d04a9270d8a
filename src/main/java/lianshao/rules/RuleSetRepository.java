package lianshao.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import lianshao.support.Times;

/**
 * The stored rule-set versions, their files and the row naming the active one. Changing the active
 * version (and the statuses that go with it) is one transaction.
 */
@Repository
public class RuleSetRepository {

    private static final String COLUMNS = """
            version_no, content_hash, parent_no, author, comment_text, status, created_at, submitted_by, submitted_at,
            approved_by, approved_at, activated_at, status_reason""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RuleSetRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM rule_set_version").query(Long.class).single() == 0;
    }

    public Optional<ActiveVersionRow> active() {
        return jdbc.sql("SELECT version_no, generation FROM rule_set_active WHERE id = 1")
                .query((rs, n) -> new ActiveVersionRow(rs.getInt(1), rs.getLong(2))).optional();
    }

    public Optional<RuleSetVersion> find(int number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_version WHERE version_no = ?").param(number)
                .query(RuleSetRepository::map).optional();
    }

    /** Newest first. */
    public List<RuleSetVersion> list(int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM rule_set_version ORDER BY version_no DESC LIMIT ? OFFSET ?")
                .params(limit, offset).query(RuleSetRepository::map).list();
    }

    public SortedMap<String, String> files(int number) {
        SortedMap<String, String> files = new TreeMap<>();
        jdbc.sql("SELECT file_path, content FROM rule_set_file WHERE version_no = ?").param(number)
                .query((ResultSet rs) -> {
                    files.put(rs.getString(1), rs.getString(2));
                });
        return files;
    }

    /**
     * Stores a new version with the next number; returns it. Numbers are unique by primary key: of two
     * authors creating at the same moment one gets a duplicate key and retries.
     */
    @Transactional
    public int create(Map<String, String> files, String contentHash, Integer parent, String author, String comment,
            RuleSetStatus status) {
        int number = jdbc.sql("SELECT COALESCE(MAX(version_no), 0) + 1 FROM rule_set_version").query(Integer.class).single();
        insert(number, files, contentHash, parent, author, comment, status);
        return number;
    }

    /** The comment of a version imported from the repository's rules folder. */
    public static final String FOLDER_IMPORT = "导入 rules/ 目录 / imported from the rules folder";

    /** True for a version imported from the rules folder at start-up (not authored through the API). */
    public boolean importedFromFolder(int number) {
        return find(number).map(v -> "system".equals(v.author()) && FOLDER_IMPORT.equals(v.comment())).orElse(false);
    }

    /** Imports the first version and makes it active, unless some instance did so already. */
    @Transactional
    public boolean importFirst(Map<String, String> files, String contentHash, String author) {
        if (!isEmpty()) {
            return false;
        }
        insert(1, files, contentHash, null, author, FOLDER_IMPORT, RuleSetStatus.ACTIVE);
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("UPDATE rule_set_version SET approved_by = ?, approved_at = ?, activated_at = ? WHERE version_no = 1")
                .params(author, now, now).update();
        jdbc.sql("INSERT INTO rule_set_active (id, version_no, generation, changed_by, changed_at) VALUES (1, 1, 1, ?, ?)")
                .params(author, now).update();
        return true;
    }

    private void insert(int number, Map<String, String> files, String contentHash, Integer parent, String author,
            String comment, RuleSetStatus status) {
        jdbc.sql("""
                INSERT INTO rule_set_version (version_no, content_hash, parent_no, author, comment_text, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(number, contentHash, parent, author, comment, status.name(), Times.nowUtc()).update();
        List<Object[]> rows = files.entrySet().stream().map(e -> new Object[] {number, e.getKey(), e.getValue()}).toList();
        template.batchUpdate("INSERT INTO rule_set_file (version_no, file_path, content) VALUES (?, ?, ?)", rows);
    }

    /**
     * Replaces (or adds) one file of a DRAFT and its content hash in one transaction; false when the
     * version is no longer a draft.
     */
    @Transactional
    public boolean updateDraftFile(int number, String path, String content) {
        Integer locked = jdbc.sql("SELECT version_no FROM rule_set_version WHERE version_no = ? AND status = 'DRAFT' FOR UPDATE")
                .param(number).query(Integer.class).optional().orElse(null);
        if (locked == null) {
            return false;
        }
        if (jdbc.sql("UPDATE rule_set_file SET content = ? WHERE version_no = ? AND file_path = ?")
                .params(content, number, path).update() == 0) {
            jdbc.sql("INSERT INTO rule_set_file (version_no, file_path, content) VALUES (?, ?, ?)")
                    .params(number, path, content).update();
        }
        String hash = RuleSource.fromFiles(files(number)).version();
        jdbc.sql("UPDATE rule_set_version SET content_hash = ? WHERE version_no = ?").params(hash, number).update();
        return true;
    }

    /** Moves a version from one status to another; false when it was not in the expected status. */
    public boolean changeStatus(int number, RuleSetStatus from, RuleSetStatus to, String reason) {
        return jdbc.sql("UPDATE rule_set_version SET status = ?, status_reason = ? WHERE version_no = ? AND status = ?")
                .params(to.name(), reason, number, from.name()).update() == 1;
    }

    public boolean markSubmitted(int number, String actor) {
        return jdbc.sql("""
                UPDATE rule_set_version SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?, status_reason = NULL
                WHERE version_no = ? AND status = 'DRAFT'""").params(actor, Times.nowUtc(), number).update() == 1;
    }

    public boolean markApproved(int number, String actor) {
        return jdbc.sql("""
                UPDATE rule_set_version SET status = 'APPROVED', approved_by = ?, approved_at = ?
                WHERE version_no = ? AND status = 'SUBMITTED'""").params(actor, Times.nowUtc(), number).update() == 1;
    }

    /**
     * Makes the version active in one transaction: the version that was active is RETIRED, this one
     * ACTIVE, the active row names it with the next generation. Returns that generation.
     */
    @Transactional
    public long activate(int number, String actor) {
        LocalDateTime now = Times.nowUtc();
        jdbc.sql("SELECT generation FROM rule_set_active WHERE id = 1 FOR UPDATE").query(Long.class).single();
        jdbc.sql("UPDATE rule_set_version SET status = 'RETIRED' WHERE status = 'ACTIVE' AND version_no <> ?")
                .param(number).update();
        jdbc.sql("UPDATE rule_set_version SET status = 'ACTIVE', activated_at = ?, status_reason = NULL WHERE version_no = ?")
                .params(now, number).update();
        jdbc.sql("UPDATE rule_set_active SET version_no = ?, generation = generation + 1, changed_by = ?, changed_at = ? WHERE id = 1")
                .params(number, actor, now).update();
        return jdbc.sql("SELECT generation FROM rule_set_active WHERE id = 1").query(Long.class).single();
    }

    private static RuleSetVersion map(ResultSet rs, int row) throws SQLException {
        int parentNumber = rs.getInt("parent_no");
        Integer parent = rs.wasNull() ? null : parentNumber;
        return new RuleSetVersion(rs.getInt("version_no"), rs.getString("content_hash"), parent,
                rs.getString("author"), rs.getString("comment_text"), RuleSetStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", LocalDateTime.class), rs.getString("submitted_by"),
                rs.getObject("submitted_at", LocalDateTime.class), rs.getString("approved_by"),
                rs.getObject("approved_at", LocalDateTime.class), rs.getObject("activated_at", LocalDateTime.class),
                rs.getString("status_reason"));
    }
}
