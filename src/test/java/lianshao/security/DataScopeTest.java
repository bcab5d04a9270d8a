package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;
import lianshao.support.Ids;

/**
 * Every list and read of the review side applies the person's district: a person of district A neither
 * sees nor changes what lies in district B (404 outside), and sees their own. Mutes, backtest differences,
 * the access log; and the API refuses records of unregistered organisations.
 */
class DataScopeTest extends ApiTestSupport {

    @Autowired
    private Users users;

    private String districtA;
    private String districtB;
    private String orgA;
    private String orgB;
    private String inspectorA;
    private String auditorA;
    private String run;

    @BeforeEach
    void twoDistricts() throws Exception {
        run = TestRecords.unique("D");
        districtA = "甲区-" + run;
        districtB = "乙区-" + run;
        orgA = TestRecords.unique("SCH-A");
        orgB = TestRecords.unique("SCH-B");
        putJson("/api/v1/orgs/" + orgA, "{ \"name\": \"甲区学校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"" + districtA + "\" }")
                .andExpect(status().isCreated());
        putJson("/api/v1/orgs/" + orgB, "{ \"name\": \"乙区学校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"" + districtB + "\" }")
                .andExpect(status().isCreated());
        inspectorA = "insp-" + run;
        auditorA = "aud-" + run;
        users.ensure(inspectorA, PASSWORD, "甲区纪检员", Set.of(Role.INSPECTOR), districtA);
        users.ensure(auditorA, PASSWORD, "甲区审计员", Set.of(Role.AUDITOR), districtA);
    }

    /** Posts a large inquiry (PRC-01) of the organisation; returns its warning. */
    private JsonNode warningOf(String org) throws Exception {
        JsonNode reply = json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString())
                .andExpect(status().isCreated()).andReturn());
        return reply.get("warnings").get(0);
    }

    private String mute(String user, String subject, int expected) throws Exception {
        String body = "{ \"ruleId\": \"PRC-01\", \"subjectRef\": \"" + subject + "\", \"until\": \"" + LocalDate.now().plusDays(30)
                + "\", \"reason\": \"重复提示 / duplicate noise\" }";
        var result = mvc.perform(post("/api/v1/mutes").with(signedIn(user)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn();
        return expected == 201 ? json(result).get("id").asString() : null;
    }

    private List<String> muteIds(String user) throws Exception {
        List<String> ids = new ArrayList<>();
        json(mvc.perform(get("/api/v1/mutes").with(signedIn(user))).andExpect(status().isOk()).andReturn())
                .forEach(m -> ids.add(m.get("id").asString()));
        return ids;
    }

    @Test
    void aDistrictInspectorMutesListsAndRevokesOnlyWithinTheirDistrict() throws Exception {
        String subjectA = warningOf(orgA).get("subjectRefs").get(0).asString();
        String subjectB = warningOf(orgB).get("subjectRefs").get(0).asString();

        mute(inspectorA, subjectB, 404);
        String cityMuteOfB = mute(INSPECTOR, subjectB, 201);
        String muteOfA = mute(inspectorA, subjectA, 201);

        assertThat(muteIds(inspectorA)).contains(muteOfA).doesNotContain(cityMuteOfB);
        assertThat(muteIds(INSPECTOR)).contains(muteOfA, cityMuteOfB);
        mvc.perform(delete("/api/v1/mutes/" + cityMuteOfB).with(signedIn(inspectorA))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_mute WHERE id = ? AND revoked_at IS NULL").param(cityMuteOfB)
                .query(Long.class).single()).as("still active").isEqualTo(1);
        mvc.perform(delete("/api/v1/mutes/" + muteOfA).with(signedIn(inspectorA))).andExpect(status().isOk());
    }

    @Test
    void aDistrictsMuteOfASharedSubjectSilencesItInThatDistrictOnly() throws Exception {
        // one approver named in both districts: district A mutes PRC-01 for them; district B's next hit still raises
        String approver = TestRecords.unique("APP-SHARED");
        // the acts lie more than 12 months apart, so no repetition (G2) raises a hit to form 3, which no mute covers
        var first = TestRecords.largeInquiry(orgA);
        TestRecords.set(first, "occurredAt", Json.parse("\"2024-01-10T09:00:00+08:00\""));
        TestRecords.set(first, "payload.approverRef", approver);
        JsonNode raised = json(postJson("/api/v1/records", first.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0);
        assertThat(raised.get("subjectRefs").toString()).contains(approver);
        mute(inspectorA, approver, 201);

        assertThat(nextStatus(orgA, approver, "2025-03-03T09:00:00+08:00")).isEqualTo("MUTED");
        assertThat(nextStatus(orgB, approver, "2026-04-01T09:00:00+08:00")).as("a district-A mute does not silence district B")
                .isEqualTo("NEW");
    }

    private String nextStatus(String org, String approver, String occurredAt) throws Exception {
        var next = TestRecords.largeInquiry(org);
        TestRecords.set(next, "occurredAt", Json.parse("\"" + occurredAt + "\""));
        TestRecords.set(next, "payload.approverRef", approver);
        String recordId = json(postJson("/api/v1/records", next.toString()).andExpect(status().isCreated()).andReturn())
                .get("recordId").asString();
        return jdbc.sql("SELECT status FROM warning WHERE record_id = ? AND rule_id = 'PRC-01'").param(recordId)
                .query(String.class).single();
    }

    @Test
    void backtestDifferencesAndTheirCountsLieWithinTheReadersDistrict() throws Exception {
        String id = Ids.newId();
        jdbc.sql("""
                INSERT INTO backtest (id, version_no, baseline_no, baseline_version, candidate_version, from_day, to_day, status,
                    total, done, failed, requested_by, created_at) VALUES (?, 1, 1, 'rs-a', 'rs-b', ?, ?, 'DONE', 2, 2, 0, 'x', ?)""")
                .params(id, LocalDate.of(2029, 1, 1), LocalDate.of(2029, 1, 31), java.time.LocalDateTime.of(2029, 2, 1, 0, 0)).update();
        for (String org : List.of(orgA, orgB)) {
            jdbc.sql("""
                    INSERT INTO backtest_item (backtest_id, record_id, rule_id, change_kind, external_id, domain, org_code, occurred_at,
                        form_before, form_after, message) VALUES (?, ?, 'PRC-01', 'APPEAR', ?, 'PROCUREMENT', ?, ?, NULL, 2, 'm')""")
                    .params(id, Ids.newId(), "EXT-" + org, org, java.time.LocalDateTime.of(2029, 1, 5, 1, 0)).update();
        }
        String path = "/api/v1/rule-sets/1/backtests/" + id;

        String items = mvc.perform(get(path + "/items").with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(items).contains(orgA).doesNotContain(orgB);
        String csv = mvc.perform(get(path + "/items.csv").with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(csv).contains(orgA).doesNotContain(orgB);
        JsonNode view = json(mvc.perform(get(path).with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn());
        assertThat(view.get("changes").get("APPEAR").asLong()).isEqualTo(1);
        assertThat(view.toString()).doesNotContain(orgB);

        String all = mvc.perform(get(path + "/items").with(signedIn(INSPECTOR))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(all).contains(orgA, orgB);
    }

    @Test
    void aDistrictAuditorReadsTheAccessOfTheirDistrictsPeopleOnly() throws Exception {
        String warningA = warningOf(orgA).get("id").asString();
        String warningB = warningOf(orgB).get("id").asString();
        mvc.perform(get("/api/v1/warnings/" + warningA).with(signedIn(inspectorA))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/warnings/" + warningB).with(signedIn(inspectorA))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/warnings/" + warningB).with(signedIn(INSPECTOR))).andExpect(status().isOk());

        String log = mvc.perform(get("/api/v1/access-log?limit=1000").with(signedIn(auditorA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(log).contains(warningA).doesNotContain(warningB);
        String page = mvc.perform(get("/access-log").with(signedIn(auditorA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(warningA).doesNotContain(warningB);
    }

    @Test
    void theConsolesCountsAndListsLieWithinTheDistrict() throws Exception {
        warningOf(orgA);
        warningOf(orgB);
        String quality = mvc.perform(get("/rules/quality").with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        java.util.regex.Matcher hits = java.util.regex.Pattern.compile("data-rule=\"PRC-01\".*?class=\"hits\">(\\d+)<",
                java.util.regex.Pattern.DOTALL).matcher(quality);
        assertThat(hits.find()).isTrue();
        assertThat(hits.group(1)).as("district A has one PRC-01 hit").isEqualTo("1");
        String overview = mvc.perform(get("/").with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(overview).contains("甲区学校" + run).doesNotContain("乙区学校" + run);
        String queue = mvc.perform(get("/warnings").with(signedIn(inspectorA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(queue).doesNotContain(orgB);
    }

    @Test
    void aRecordOfAnUnregisteredOrganisationIs400AndABatchReportsTheItem() throws Exception {
        String unknown = TestRecords.unique("SCH-NONE");
        long[] before = storedRows();
        postUnregistered("/api/v1/records", TestRecords.smallPurchase(unknown).toString()).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("orgCode").contains(unknown));
        assertThat(storedRows()).containsExactly(before);

        JsonNode batch = json(postUnregistered("/api/v1/records/batch",
                TestRecords.batch(TestRecords.smallPurchase(orgA), TestRecords.smallPurchase(unknown))).andExpect(status().isOk())
                .andReturn());
        assertThat(batch.get("accepted").asInt()).isEqualTo(1);
        assertThat(batch.get("results").get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(batch.get("results").get(1).get("errors").get(0).get("field").asString()).isEqualTo("orgCode");
    }
}
