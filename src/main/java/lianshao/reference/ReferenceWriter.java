package lianshao.reference;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Times;

/**
 * Writes validated reference data. Each write is idempotent (the same body again is UNCHANGED) and
 * announces a change that may alter stored results.
 */
@Service
public class ReferenceWriter {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReferenceWriter(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public WriteOutcome putOrg(String code, JsonNode body) {
        List<Object> values = List.of(text(body, "name"), text(body, "type"), text(body, "district"),
                Optional.ofNullable(text(body, "parentCode")));
        Optional<List<Object>> existing = jdbc.sql("SELECT name, type, district, parent_code FROM org WHERE code = ? FOR UPDATE")
                .param(code).query((rs, n) -> List.<Object>of(rs.getString(1), rs.getString(2), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)))).optional();
        if (existing.isPresent() && existing.get().equals(values)) {
            return WriteOutcome.UNCHANGED;
        }
        LocalDateTime now = Times.nowUtc();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE org SET name = ?, type = ?, district = ?, parent_code = ?, updated_at = ? WHERE code = ?")
                    .params(values.get(0), values.get(1), values.get(2), text(body, "parentCode"), now, code).update();
        } else {
            jdbc.sql("INSERT INTO org (code, name, type, district, parent_code, updated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(code, values.get(0), values.get(1), values.get(2), text(body, "parentCode"), now).update();
        }
        events.publishEvent(ReferenceDataChanged.org(code, "机构 " + code + " 变更 / organisation changed"));
        return existing.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
    }

    @Transactional
    public WriteOutcome putParty(String id, JsonNode body) {
        return putParty(id, body, true);
    }

    /**
     * Creates or changes the party. {@code mayChangeShared} false (a caller bound to districts or organisations):
     * an existing party of no organisation — a company or an outside person that records of every school name — is
     * not changed (403); sending it again unchanged is fine, and so is creating a new one.
     */
    @Transactional
    public WriteOutcome putParty(String id, JsonNode body, boolean mayChangeShared) {
        List<String> roles = new ArrayList<>();
        JsonNode rolesNode = body.get("roles");
        if (rolesNode != null && rolesNode.isArray()) {
            rolesNode.forEach(r -> roles.add(r.asString()));
        }
        String roleText = String.join(",", roles.stream().distinct().sorted().toList());
        Object[] row = {text(body, "kind"), text(body, "name"), text(body, "orgCode"), text(body, "position"), roleText,
                text(body, "phone"), text(body, "address"), text(body, "bankAccount"), text(body, "creditCode"),
                date(body, "registeredOn")};
        Optional<List<Object>> existing = jdbc.sql("""
                        SELECT kind, name, org_code, position, roles, phone, address, bank_account, credit_code, registered_on
                        FROM party WHERE id = ? FOR UPDATE""").param(id)
                .query((rs, n) -> {
                    List<Object> cols = new ArrayList<>();
                    for (int i = 1; i <= 9; i++) {
                        cols.add(rs.getString(i));
                    }
                    Date registered = rs.getDate(10);
                    cols.add(registered == null ? null : registered.toLocalDate());
                    return cols;
                }).optional();
        if (existing.isPresent() && existing.get().equals(java.util.Arrays.asList(row))) {
            return WriteOutcome.UNCHANGED;
        }
        if (existing.isPresent() && existing.get().get(2) == null && !mayChangeShared) {
            throw new ReferenceController.OutsideBinding("partyId", "当事人 " + id + " 不属于任何机构，由全市共用，只有可写全市的调用方能修改 / party "
                    + id + " belongs to no organisation and is shared by the whole city: only callers that write for the whole city change it");
        }
        LocalDateTime now = Times.nowUtc();
        if (existing.isPresent()) {
            jdbc.sql("""
                    UPDATE party SET kind = ?, name = ?, org_code = ?, position = ?, roles = ?, phone = ?, address = ?,
                        bank_account = ?, credit_code = ?, registered_on = ?, updated_at = ? WHERE id = ?""")
                    .params(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], now, id).update();
        } else {
            jdbc.sql("""
                    INSERT INTO party (id, kind, name, org_code, position, roles, phone, address, bank_account,
                        credit_code, registered_on, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], now).update();
        }
        events.publishEvent(ReferenceDataChanged.parties(List.of(id), "当事人 " + id + " 变更 / party changed"));
        // a leader or principal (before or after the change) matters to every record of their organisation
        boolean leaderNow = roleText.contains("LEADER") || roleText.contains("PRINCIPAL");
        boolean leaderBefore = existing.map(cols -> String.valueOf(cols.get(4))).map(r -> r.contains("LEADER") || r.contains("PRINCIPAL"))
                .orElse(false);
        for (String org : new java.util.LinkedHashSet<>(java.util.Arrays.asList(
                leaderNow ? (String) row[2] : null, leaderBefore ? (String) existing.get().get(2) : null))) {
            if (org != null) {
                events.publishEvent(ReferenceDataChanged.org(org, "单位领导 " + id + " 变更 / a leader of the organisation changed"));
            }
        }
        return existing.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
    }

    /** A relation is identified by all its fields: posting it again is UNCHANGED. */
    @Transactional
    public Written addRelation(JsonNode body) {
        String from = text(body, "fromRef");
        String to = text(body, "toRef");
        String kind = text(body, "kind");
        LocalDate validFrom = date(body, "validFrom");
        LocalDate validTo = date(body, "validTo");
        String key = Hashing.sha256Hex(String.join("\u0000", from, to, kind, Objects.toString(validFrom), Objects.toString(validTo)));
        Optional<String> existing = jdbc.sql("SELECT id FROM relation WHERE natural_key = ?").param(key).query(String.class).optional();
        if (existing.isPresent()) {
            return new Written(existing.get(), WriteOutcome.UNCHANGED);
        }
        String id = Ids.newId();
        jdbc.sql("INSERT INTO relation (id, natural_key, from_ref, to_ref, kind, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, key, from, to, kind, validFrom, validTo, Times.nowUtc()).update();
        events.publishEvent(ReferenceDataChanged.parties(List.of(from, to), "新增关系 " + from + " → " + to + " (" + kind + ") / relation declared"));
        return new Written(id, WriteOutcome.CREATED);
    }

    @Transactional
    public WriteOutcome putAdmissionPlan(String orgCode, int year, String stage, JsonNode body) {
        int quota = body.get("quota").asInt();
        Optional<Integer> existing = jdbc.sql("SELECT quota FROM admission_plan WHERE org_code = ? AND plan_year = ? AND stage = ? FOR UPDATE")
                .params(orgCode, year, stage).query(Integer.class).optional();
        if (existing.isPresent() && existing.get() == quota) {
            return WriteOutcome.UNCHANGED;
        }
        LocalDateTime now = Times.nowUtc();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE admission_plan SET quota = ?, updated_at = ? WHERE org_code = ? AND plan_year = ? AND stage = ?")
                    .params(quota, now, orgCode, year, stage).update();
        } else {
            jdbc.sql("INSERT INTO admission_plan (org_code, plan_year, stage, quota, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(orgCode, year, stage, quota, now).update();
        }
        events.publishEvent(ReferenceDataChanged.admissionPlan(orgCode, year, stage, "招生计划变更 / admission plan changed"));
        return existing.isPresent() ? WriteOutcome.UPDATED : WriteOutcome.CREATED;
    }

    @Transactional
    public Written addSanction(JsonNode body) {
        String subject = text(body, "subjectRef");
        String kind = text(body, "kind");
        int form = body.get("form").asInt();
        LocalDate start = date(body, "start");
        LocalDate end = date(body, "end");
        String key = Hashing.sha256Hex(String.join("\u0000", subject, kind, String.valueOf(form), start.toString(), Objects.toString(end)));
        Optional<String> existing = jdbc.sql("SELECT id FROM sanction WHERE natural_key = ?").param(key).query(String.class).optional();
        if (existing.isPresent()) {
            return new Written(existing.get(), WriteOutcome.UNCHANGED);
        }
        String id = Ids.newId();
        jdbc.sql("INSERT INTO sanction (id, natural_key, subject_ref, kind, form, start_on, end_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, key, subject, kind, form, start, end, Times.nowUtc()).update();
        events.publishEvent(ReferenceDataChanged.parties(List.of(subject), "新增处分记录 / sanction recorded"));
        return new Written(id, WriteOutcome.CREATED);
    }

    /** Replaces the holidays and make-up working days of one year. */
    @Transactional
    public WriteOutcome putCalendar(int year, JsonNode body) {
        Map<LocalDate, String> wanted = new java.util.TreeMap<>();
        days(body, "holidays").forEach(d -> wanted.put(d, ReferenceQueries.HOLIDAY));
        days(body, "workdays").forEach(d -> wanted.put(d, ReferenceQueries.WORKDAY));
        Map<LocalDate, String> existing = new java.util.TreeMap<>();
        jdbc.sql("SELECT cal_date, kind FROM calendar_day WHERE cal_year = ?").param(year)
                .query(rs -> {
                    existing.put(rs.getDate(1).toLocalDate(), rs.getString(2));
                });
        if (existing.equals(wanted)) {
            return WriteOutcome.UNCHANGED;
        }
        jdbc.sql("DELETE FROM calendar_day WHERE cal_year = ?").param(year).update();
        wanted.forEach((day, kind) -> jdbc.sql("INSERT INTO calendar_day (cal_date, cal_year, kind) VALUES (?, ?, ?)")
                .params(day, year, kind).update());
        events.publishEvent(ReferenceDataChanged.calendarYear(year, year + " 年工作日历变更 / calendar changed"));
        return existing.isEmpty() ? WriteOutcome.CREATED : WriteOutcome.UPDATED;
    }

    public record Written(String id, WriteOutcome outcome) {
    }

    private static List<LocalDate> days(JsonNode body, String field) {
        List<LocalDate> days = new ArrayList<>();
        JsonNode node = body.get(field);
        if (node != null && node.isArray()) {
            node.forEach(d -> days.add(LocalDate.parse(d.asString())));
        }
        return days;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static LocalDate date(JsonNode body, String field) {
        String text = text(body, field);
        return text == null ? null : LocalDate.parse(text);
    }
}
