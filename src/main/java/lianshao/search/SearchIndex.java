package lianshao.search;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queries of a search, each within a data scope ({@code district} null: the whole city). A warning or record lies
 * in a district when its organisation does. A party is reachable as its integrity profile is: from the whole city
 * always; from a district when its organisation lies there or a warning of the district names it. Names are matched
 * with {@code LOWER(..) LIKE :pattern ESCAPE '!'}, the pattern built by {@link SearchQuery#containsPattern()}.
 */
@Repository
class SearchIndex {

    private static final String IN_DISTRICT = "IN (SELECT o.code FROM org o WHERE o.district = :district)";
    private static final String PARTY_NAMED = "SELECT p.id FROM party p WHERE LOWER(p.name) LIKE :pattern ESCAPE '!'";
    private static final String BY_IDENTITY = "SELECT k.record_id FROM record_key k WHERE k.key_name = 'IDENTITY' AND k.key_value IN (:hashes)";

    private final JdbcClient jdbc;

    SearchIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PartyRow(String id, String kind, String name, String orgCode) {
    }

    record OrgRow(String code, String name, String type, String district) {
    }

    record WarningRow(String id, String title, String titleEn, String ruleId, String domain, int form, String status,
            String orgCode, LocalDateTime raisedAt) {
    }

    record RecordRow(String id, String externalId, String domain, String orgCode, LocalDateTime occurredAt) {
    }

    List<PartyRow> partiesByText(SearchQuery q, String district, int limit) {
        return parties("(LOWER(p.name) LIKE :pattern ESCAPE '!' OR p.id = :text)", textParams(q), district, limit);
    }

    List<PartyRow> partiesByRef(Collection<String> refs, String district, int limit) {
        return refs.isEmpty() ? List.of() : parties("p.id IN (:refs)", Map.of("refs", refs), district, limit);
    }

    private List<PartyRow> parties(String condition, Map<String, Object> params, String district, int limit) {
        String scope = district == null ? "" : " AND (p.org_code " + IN_DISTRICT + " OR EXISTS (SELECT 1 FROM warning_subject s"
                + " JOIN warning w ON w.id = s.warning_id WHERE s.subject_ref = p.id AND w.org_code " + IN_DISTRICT + "))";
        return spec("SELECT p.id, p.kind, p.name, p.org_code FROM party p WHERE " + condition + scope
                + " ORDER BY p.name, p.id LIMIT :limit", params, district, limit)
                .query((rs, n) -> new PartyRow(rs.getString("id"), rs.getString("kind"), rs.getString("name"), rs.getString("org_code")))
                .list();
    }

    /** Of the references, those no party is registered for but a warning in scope names (students often are such). */
    List<String> unregisteredNamed(Collection<String> refs, String district, int limit) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return spec("SELECT DISTINCT s.subject_ref FROM warning_subject s JOIN warning w ON w.id = s.warning_id"
                + " WHERE s.subject_ref IN (:refs) AND s.subject_ref NOT IN (SELECT p.id FROM party p WHERE p.id IN (:refs))"
                + (district == null ? "" : " AND w.org_code " + IN_DISTRICT) + " ORDER BY s.subject_ref LIMIT :limit",
                Map.of("refs", refs), district, limit).query(String.class).list();
    }

    List<OrgRow> orgsByText(SearchQuery q, String district, int limit) {
        return spec("SELECT o.code, o.name, o.type, o.district FROM org o WHERE (LOWER(o.name) LIKE :pattern ESCAPE '!' OR o.code = :text)"
                + (district == null ? "" : " AND o.district = :district") + " ORDER BY o.name, o.code LIMIT :limit",
                textParams(q), district, limit)
                .query((rs, n) -> new OrgRow(rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("district")))
                .list();
    }

    List<WarningRow> warningsByText(SearchQuery q, String district, int limit) {
        Map<String, Object> params = textParams(q);
        String shortNumber = "";
        if (q.shortWarningNumber() != null) {
            shortNumber = " OR w.id LIKE :suffix ESCAPE '!'";
            params.put("suffix", "%" + SearchQuery.escaped(q.shortWarningNumber()));
        }
        return warnings("(w.id = :text OR w.referral_no = :text" + shortNumber
                + " OR w.record_id IN (SELECT r.id FROM record r WHERE r.id = :text OR r.external_id = :text)"
                + " OR LOWER(w.title) LIKE :pattern ESCAPE '!' OR LOWER(w.title_en) LIKE :pattern ESCAPE '!'"
                + " OR w.id IN (SELECT s.warning_id FROM warning_subject s WHERE s.subject_ref = :text OR s.subject_ref IN ("
                + PARTY_NAMED + ")))", params, district, limit);
    }

    List<WarningRow> warningsByIdentity(SearchQuery q, String district, int limit) {
        return warnings("w.record_id IN (" + BY_IDENTITY + ")", identityParams(q), district, limit);
    }

    private List<WarningRow> warnings(String condition, Map<String, Object> params, String district, int limit) {
        return spec("SELECT w.id, w.title, w.title_en, w.rule_id, w.domain, w.form, w.status, w.org_code, w.raised_at FROM warning w"
                + " WHERE " + condition + (district == null ? "" : " AND w.org_code " + IN_DISTRICT)
                + " ORDER BY w.raised_at DESC, w.id DESC LIMIT :limit", params, district, limit)
                .query((rs, n) -> new WarningRow(rs.getString("id"), rs.getString("title"), rs.getString("title_en"),
                        rs.getString("rule_id"), rs.getString("domain"), rs.getInt("form"), rs.getString("status"),
                        rs.getString("org_code"), rs.getObject("raised_at", LocalDateTime.class)))
                .list();
    }

    List<RecordRow> recordsByText(SearchQuery q, String district, int limit) {
        return records("(r.id = :text OR r.external_id = :text OR r.id IN (SELECT k.record_id FROM record_key k"
                + " WHERE k.key_name = 'PARTY' AND (k.key_value = :text OR k.key_value IN (" + PARTY_NAMED + "))))",
                textParams(q), district, limit);
    }

    List<RecordRow> recordsByIdentity(SearchQuery q, String district, int limit) {
        return records("r.id IN (" + BY_IDENTITY + ")", identityParams(q), district, limit);
    }

    private List<RecordRow> records(String condition, Map<String, Object> params, String district, int limit) {
        return spec("SELECT r.id, r.external_id, r.domain, r.org_code, r.occurred_at FROM record r WHERE " + condition
                + (district == null ? "" : " AND r.org_code " + IN_DISTRICT)
                + " ORDER BY r.occurred_at DESC, r.id DESC LIMIT :limit", params, district, limit)
                .query((rs, n) -> new RecordRow(rs.getString("id"), rs.getString("external_id"), rs.getString("domain"),
                        rs.getString("org_code"), rs.getObject("occurred_at", LocalDateTime.class)))
                .list();
    }

    /** The student of each admission record among the ids (from its latest revision), for an ID-number search. */
    List<String> studentsOf(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT rr.envelope FROM record_revision rr JOIN record r ON r.id = rr.record_id AND r.revision = rr.revision"
                        + " WHERE r.id IN (:ids) AND r.domain = 'ADMISSION'")
                .param("ids", recordIds).query(String.class).list().stream()
                .map(envelope -> lianshao.support.Json.parse(envelope).path("payload").path("studentRef"))
                .filter(ref -> ref.isString() && !ref.asString().isBlank()).map(ref -> ref.asString()).distinct().toList();
    }

    /** The first warning of each record (oldest first), which the console opens for it. */
    Map<String, String> firstWarningOf(Collection<String> recordIds) {
        Map<String, String> first = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return first;
        }
        jdbc.sql("SELECT w.record_id, w.id FROM warning w WHERE w.record_id IN (:ids) ORDER BY w.raised_at, w.id")
                .param("ids", recordIds).query(rs -> {
                    first.putIfAbsent(rs.getString("record_id"), rs.getString("id"));
                });
        return first;
    }

    private JdbcClient.StatementSpec spec(String sql, Map<String, Object> params, String district, int limit) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("limit", limit);
        if (district != null) {
            all.put("district", district);
        }
        return jdbc.sql(sql).params(all);
    }

    private static Map<String, Object> textParams(SearchQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", q.text());
        params.put("pattern", q.containsPattern());
        return params;
    }

    /** The hash as the search computed it (lower-case) and upper-case, as a feed may have sent it. */
    private static Map<String, Object> identityParams(SearchQuery q) {
        return Map.of("hashes", List.of(q.identityHash(), q.identityHash().toUpperCase(java.util.Locale.ROOT)));
    }
}
