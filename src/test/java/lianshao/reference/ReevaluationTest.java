package lianshao.reference;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.records.BackgroundEvaluation;

/** Reference data that arrives after a record re-evaluates it through the durable queue. */
class ReevaluationTest extends ApiTestSupport {

    @Autowired
    BackgroundEvaluation background;

    @Test
    void aRecordPostedBeforeItsPartiesAndRelationIsReevaluatedWhenTheyArrive() throws Exception {
        String school = unique("SCH");
        String guardian = unique("G");
        String principal = unique("PRIN");
        String approver = unique("APP");
        putJson("/api/v1/admission-plans/" + school + "/2026/PRIMARY", "{ \"quota\": 120 }").andExpect(status().isCreated());
        String recordId = json(postJson("/api/v1/records", TestRecords.exceptionAdmission(school, guardian, approver).toString())
                .andExpect(status().isCreated()).andExpect(jsonPath("$.warnings").isEmpty()).andReturn())
                .get("recordId").asString();

        // the organisation is registered before its records (postJson does so); its details change now
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"测试小学\", \"type\": \"SCHOOL\", \"district\": \"东城区\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/parties/" + principal, """
                { "kind": "PERSON", "name": "王校长", "orgCode": "%s", "roles": ["PRINCIPAL"] }""".formatted(school))
                .andExpect(status().isCreated());
        postJson("/api/v1/relations", """
                { "fromRef": "%s", "toRef": "%s", "kind": "SPOUSE" }""".formatted(principal, guardian))
                .andExpect(status().isCreated());

        // queued durably with the reference change, evaluated by the background worker
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reevaluation_queue WHERE record_id = ?").param(recordId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(background.drainQueue()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reevaluation_queue WHERE record_id = ?").param(recordId)
                .query(Integer.class).single()).isZero();

        getAsInspector("/api/v1/records/" + recordId).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EVALUATED"))
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("ADM-08"))
                .andExpect(jsonPath("$.warnings[0].subjectRefs").value(org.hamcrest.Matchers.containsInAnyOrder(principal, approver)));

        // evaluating again changes nothing: still one warning for (ADM-08, record)
        postJson("/api/v1/relations", """
                { "fromRef": "%s", "toRef": "%s", "kind": "OTHER_RELATIVE" }""".formatted(approver, unique("X")));
        background.drainQueue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ?").param(recordId).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aSanctionRecordedLaterRegradesTheWarning() throws Exception {
        String approver = unique("APP");
        var record = TestRecords.largeInquiry(unique("SCH"));
        TestRecords.set(record, "payload.approverRef", approver);
        String recordId = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[0].form").value(2)).andReturn()).get("recordId").asString();

        postJson("/api/v1/sanctions", """
                { "subjectRef": "%s", "kind": "PARTY_DISCIPLINE", "form": 2, "start": "2026-01-01", "end": "2026-12-31" }"""
                .formatted(approver)).andExpect(status().isCreated());
        background.drainQueue();

        getAsInspector("/api/v1/records/" + recordId)
                .andExpect(jsonPath("$.warnings[0].form").value(3))
                .andExpect(jsonPath("$.warnings[0].grading.steps[0].step").value("G3"));
    }

    @Test
    void aPersonBecomingPrincipalReevaluatesTheRecordsOfTheirSchool() throws Exception {
        String school = unique("SCH");
        String guardian = unique("G");
        String person = unique("P");
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"测试小学\", \"type\": \"SCHOOL\", \"district\": \"南山区\" }");
        putJson("/api/v1/admission-plans/" + school + "/2026/PRIMARY", "{ \"quota\": 100 }");
        putJson("/api/v1/parties/" + person, """
                { "kind": "PERSON", "name": "赵老师", "orgCode": "%s", "roles": ["TEACHER"] }""".formatted(school));
        postJson("/api/v1/relations", """
                { "fromRef": "%s", "toRef": "%s", "kind": "SIBLING" }""".formatted(person, guardian));
        String recordId = json(postJson("/api/v1/records", TestRecords.exceptionAdmission(school, guardian, unique("APP")).toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();
        background.drainQueue();
        assertThat(rulesOf(recordId)).doesNotContain("ADM-08");

        putJson("/api/v1/parties/" + person, """
                { "kind": "PERSON", "name": "赵老师", "orgCode": "%s", "roles": ["TEACHER", "PRINCIPAL"] }""".formatted(school))
                .andExpect(status().isOk());
        background.drainQueue();
        assertThat(rulesOf(recordId)).contains("ADM-08");
    }

    @Test
    void aRecordArrivingLateReevaluatesTheLaterRecordsItsTotalTouches() throws Exception {
        String org = unique("SCH");
        String budget = unique("BP");
        var march = TestRecords.smallPurchase(org);
        TestRecords.set(march, "payload.budgetProjectCode", budget);
        TestRecords.set(march, "payload.amount", lianshao.support.Json.parse("900000.00"));
        TestRecords.set(march, "occurredAt", "2026-03-01T09:00:00+08:00");
        var april = TestRecords.smallPurchase(org);
        TestRecords.set(april, "payload.budgetProjectCode", budget);
        TestRecords.set(april, "payload.amount", lianshao.support.Json.parse("800000.00"));
        TestRecords.set(april, "occurredAt", "2026-04-01T09:00:00+08:00");
        postJson("/api/v1/records", march.toString());
        String aprilId = json(postJson("/api/v1/records", april.toString()).andReturn()).get("recordId").asString();
        assertThat(rulesOf(aprilId)).doesNotContain("PRC-02");

        // a February purchase of the same line arrives last: April's running total is now 2,200,000
        var february = TestRecords.smallPurchase(org);
        TestRecords.set(february, "payload.budgetProjectCode", budget);
        TestRecords.set(february, "payload.amount", lianshao.support.Json.parse("500000.00"));
        TestRecords.set(february, "occurredAt", "2026-02-01T09:00:00+08:00");
        postJson("/api/v1/records", february.toString()).andExpect(status().isCreated());
        background.drainQueue();
        assertThat(rulesOf(aprilId)).contains("PRC-02");
    }

    private java.util.List<String> rulesOf(String recordId) {
        return jdbc.sql("SELECT rule_id FROM warning WHERE record_id = ? AND still_hits = TRUE").param(recordId)
                .query(String.class).list();
    }
}
