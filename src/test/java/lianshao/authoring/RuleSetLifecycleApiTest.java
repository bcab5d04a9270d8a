package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;
import lianshao.support.Json;

/** Drafts, validation, tests, submit, maker–checker approval, rollback and the audit trail over HTTP. */
class RuleSetLifecycleApiTest extends RuleSetApiSupport {

    private static final String UNSAFE = """
            package lianshao.rules.attack;

            import lianshao.facts.*;

            global Hits hits;

            rule "ATK-01 exits"
                @id("ATK-01") @title("攻击") @form(1) @clause("M9") @basis("测试") @departments("纪检组")
            when
                $t : Tender( current )
            then
                System.exit(13);
            end
            """;

    @Test
    void everyoneSignedInReadsTheVersionsAndTheActiveOneCarriesTheRepositoryFiles() throws Exception {
        JsonNode list = json(getAsInspector("/api/v1/rule-sets").andExpect(status().isOk()).andReturn());
        int activeNumber = list.path("active").path("version").asInt();
        assertThat(list.path("active").path("contentHash").asString()).isEqualTo(active.get().version()).startsWith("rs-");

        JsonNode version = json(getAsInspector("/api/v1/rule-sets/" + activeNumber).andExpect(status().isOk()).andReturn());
        assertThat(version.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(version.path("active").asBoolean()).isTrue();
        assertThat(version.path("files").has(PRC01)).isTrue();
        assertThat(version.path("files").has("procurement/PRC-01-open-tender-avoided.test.json")).isTrue();
        assertThat(version.path("files").has("thresholds.properties")).isTrue();

        getAsInspector("/api/v1/rule-sets/999999").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnsafeDraftFailsValidationWithFileLineAndReasonAndCannotBeSubmitted() throws Exception {
        int version = draft(AUTHOR, Map.of("attack/ATK-01.drl", UNSAFE));

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/validate", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].file").value("attack/ATK-01.drl"))
                .andExpect(jsonPath("$.errors[0].line").value(12))
                .andExpect(jsonPath("$.errors[0].column").value(5))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("System")));

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].file").value("attack/ATK-01.drl"));
        as(AUTHOR, "GET", "/api/v1/rule-sets/" + version, null).andExpect(jsonPath("$.status").value("DRAFT"));
    }

    @Test
    void aDraftWhoseTestsFailCannotBeSubmittedAndTheTestReportSaysWhichCaseAndWhy() throws Exception {
        String test = fileOf(originalVersion, "procurement/PRC-01-open-tender-avoided.test.json");
        int version = draft(AUTHOR, Map.of("procurement/PRC-01-open-tender-avoided.test.json",
                test.replace("\"name\": \"one yuan under the threshold stays silent\"", "\"name\": \"wrongly expects silence\"")
                        .replace("\"amount\": 2500000.00, \"method\": \"INQUIRY\", \"supplierRef\": \"SUP-1\", \"approverRef\": \"P-APP\", \"awardedOn\": \"2026-03-28\" } },\n      \"expect\": { \"fires\": true",
                                "\"amount\": 2500000.00, \"method\": \"INQUIRY\", \"supplierRef\": \"SUP-1\", \"approverRef\": \"P-APP\", \"awardedOn\": \"2026-03-28\" } },\n      \"expect\": { \"fires\": false")));

        JsonNode report = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/test", null).andExpect(status().isOk()).andReturn());
        assertThat(report.path("passed").asBoolean()).isFalse();
        List<JsonNode> failed = new ArrayList<>();
        report.path("cases").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                failed.add(c);
            }
        });
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("rule").asString()).isEqualTo("PRC-01");
        assertThat(failed.get(0).path("failures").get(0).asString()).contains("PRC-01 fired");
        assertThat(failed.get(0).path("fired").get(0).path("message").asString()).contains("¥2,500,000.00");

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.failedCases[0].rule").value("PRC-01"));
    }

    @Test
    void aDraftsTestCaseIsJudgedOnWhatProductionLoadsNotOnEverythingItsContextWrites() throws Exception {
        int version = draft(AUTHOR, Map.of("tender/TEN-02-project-split.test.json", RuleTestRunnerTest.tenderSplitTests()));

        JsonNode report = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/test", null).andExpect(status().isOk()).andReturn());

        assertThat(report.path("passed").asBoolean()).isFalse();
        List<JsonNode> failed = new ArrayList<>();
        report.path("cases").forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                failed.add(c);
            }
        });
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("name").asString()).contains("production does not load them");
        assertThat(failed.get(0).path("failures").get(0).asString()).isEqualTo("TEN-02 did not fire");
    }

    @Test
    void adHocRecordsShowWhichRulesFiredAndWhy() throws Exception {
        String body = "{\"records\": [" + TestRecords.largeInquiry("SCH-ADHOC") + ", {\"record\": "
                + TestRecords.smallPurchase("SCH-ADHOC") + ", \"context\": {}}, {\"domain\": \"NOPE\"}]}";

        JsonNode report = json(as(AUTHOR, "POST", "/api/v1/rule-sets/" + originalVersion + "/test", body)
                .andExpect(status().isOk()).andReturn());

        assertThat(report.path("records").get(0).path("fired").get(0).path("rule").asString()).isEqualTo("PRC-01");
        assertThat(report.path("records").get(0).path("fired").get(0).path("evidence").path("threshold").decimalValue())
                .isEqualByComparingTo("2000000");
        assertThat(report.path("records").get(1).path("fired")).isEmpty();
        assertThat(report.path("records").get(2).path("error").asString()).contains("not valid");
        assertThat(report.path("cases").size()).isGreaterThan(10);
    }

    @Test
    void makerChecker_theSubmitterCannotApproveAnotherAuthorCanAndThePreviousVersionRetires() throws Exception {
        String drl = fileOf(originalVersion, PRC01);
        int version = draft(AUTHOR, Map.of(PRC01, drl.replace("hits.raise(\"采购项目「\"", "hits.raise(\"[新版] 采购项目「\"")));
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED")).andExpect(jsonPath("$.submittedBy").value(AUTHOR));

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/approve?activeVersion=" + originalVersion, null).andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("双人复核")));
        getAsInspector("/api/v1/rule-sets/" + version).andExpect(jsonPath("$.status").value("SUBMITTED"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/rule-sets/" + version + "/approve?activeVersion=" + originalVersion)
                .with(basic(INSPECTOR, PASSWORD)))
                .andExpect(status().isForbidden());

        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/approve?wait=true&activeVersion=" + originalVersion, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.activated").value(true))
                .andExpect(jsonPath("$.ruleSet.status").value("ACTIVE"))
                .andExpect(jsonPath("$.ruleSet.approvedBy").value(OTHER_AUTHOR));
        assertThat(active.deployment().number()).isEqualTo(version);
        getAsInspector("/api/v1/rule-sets/" + originalVersion).andExpect(jsonPath("$.status").value("RETIRED"));
        assertThat(jdbc.sql("SELECT version_no FROM rule_set_active WHERE id = 1").query(Integer.class).single()).isEqualTo(version);

        String recordId = json(postJson("/api/v1/records", TestRecords.largeInquiry("SCH-MC").toString())
                .andExpect(status().isCreated()).andReturn()).path("recordId").asString();
        assertThat(jdbc.sql("SELECT message FROM warning WHERE record_id = ?").param(recordId).query(String.class).single())
                .startsWith("[新版]");

        as(ADMIN, "POST", "/api/v1/rule-sets/rollback?wait=true", "{\"version\": " + originalVersion + "}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.activated").value(true))
                .andExpect(jsonPath("$.ruleSet.status").value("ACTIVE"));
        assertThat(active.deployment().number()).isEqualTo(originalVersion);
        getAsInspector("/api/v1/rule-sets/" + version).andExpect(jsonPath("$.status").value("RETIRED"));

        JsonNode audit = json(getAsInspector("/api/v1/rule-sets/" + version).andReturn()).path("audit");
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.path("action").asString() + ":" + a.path("actor").asString()));
        assertThat(actions).containsSubsequence("CREATE:" + AUTHOR, "SUBMIT:" + AUTHOR, "APPROVE_REFUSED:" + AUTHOR,
                "APPROVE:" + OTHER_AUTHOR, "ACTIVATE:" + OTHER_AUTHOR);
        JsonNode originalAudit = json(getAsInspector("/api/v1/rule-sets/" + originalVersion).andReturn()).path("audit");
        List<String> rollbacks = new ArrayList<>();
        originalAudit.forEach(a -> rollbacks.add(a.path("action").asString() + ":" + a.path("actor").asString()));
        assertThat(rollbacks).contains("ROLLBACK:" + ADMIN, "ROLLBACK_ACTIVATE:" + ADMIN);
    }

    @Test
    void onlyAVersionThatWasActiveBeforeCanBeRolledBackTo() throws Exception {
        int version = draft(AUTHOR, Map.of("notes/ZZZ-00-empty.test.json", "{\"rule\": \"PRC-01\", \"cases\": []}"));

        as(ADMIN, "POST", "/api/v1/rule-sets/" + version + "/rollback", null).andExpect(status().isConflict());
        as(ADMIN, "POST", "/api/v1/rule-sets/" + originalVersion + "/rollback", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("已是当前版本")));
    }

    @Test
    void badDraftsAreRefusedWithTheirFields() throws Exception {
        as(AUTHOR, "POST", "/api/v1/rule-sets", "{\"comment\": \"x\", \"files\": {\"../etc/passwd.drl\": \"x\", \"a.txt\": \"y\"}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("files.../etc/passwd.drl", "files.a.txt")));
        as(AUTHOR, "POST", "/api/v1/rule-sets", "{\"files\": {\"missing/file.drl\": null}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItems("comment", "files.missing/file.drl")));
        getAsInspector("/api/v1/rule-sets").andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/rule-sets")
                .with(basic(INSPECTOR, PASSWORD))
                .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden());
        as(ADMIN, "POST", "/api/v1/rule-sets", "{}").andExpect(status().isForbidden());
    }

    int draftFrom(int parent, String path, String text) throws Exception {
        var body = Json.MAPPER.createObjectNode();
        body.put("parent", parent);
        body.put("comment", "基于第 " + parent + " 版 / based on " + parent);
        body.putObject("files").put(path, text);
        return json(as(AUTHOR, "POST", "/api/v1/rule-sets", body.toString()).andExpect(status().isCreated()).andReturn())
                .get("version").asInt();
    }

    @Test
    void aDraftIsBasedOnlyOnAnApprovedVersionNeverOnADraftASubmittedOrARejectedOne() throws Exception {
        String thresholds = fileOf(originalVersion, "thresholds.properties");
        int draft = draftFrom(originalVersion, "thresholds.properties", thresholds + "\n# a\n");
        int rejected = draftFrom(originalVersion, "thresholds.properties", thresholds + "\n# b\n");
        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + rejected + "/reject", "{\"reason\": \"不需要\"}").andExpect(status().isOk());
        int submitted = draftFrom(originalVersion, "thresholds.properties", thresholds + "\n# c\n");
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + submitted + "/submit", null).andExpect(status().isOk());
        for (int base : new int[] {draft, rejected, submitted}) {
            String body = "{\"parent\": " + base + ", \"comment\": \"x\", \"files\": {\"thresholds.properties\": \"x=1\"}}";
            as(AUTHOR, "POST", "/api/v1/rule-sets", body).andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("已批准")));
        }
        long versions = jdbc.sql("SELECT COUNT(*) FROM rule_set_version").query(Long.class).single();
        draftFrom(originalVersion, "thresholds.properties", thresholds + "\n# d\n");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM rule_set_version").query(Long.class).single()).isEqualTo(versions + 1);
    }

    @Test
    void theApproverApprovesTheDifferenceAgainstTheActiveVersionAndIsRefusedWhenItChangedMeanwhile() throws Exception {
        String drl = fileOf(originalVersion, PRC01);
        String thresholds = fileOf(originalVersion, "thresholds.properties");
        int first = draftFrom(originalVersion, PRC01, drl.replace("hits.raise(\"采购项目「\"", "hits.raise(\"[甲] 采购项目「\""));
        int second = draftFrom(originalVersion, "thresholds.properties", thresholds + "\n# reviewed\n");
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + first + "/submit", null).andExpect(status().isOk());
        as(AUTHOR, "POST", "/api/v1/rule-sets/" + second + "/submit", null).andExpect(status().isOk());

        as(OTHER_AUTHOR, "GET", "/api/v1/rule-sets/" + second, null).andExpect(jsonPath("$.activeVersion").value(originalVersion))
                .andExpect(jsonPath("$.baseOutdated").value(false))
                .andExpect(jsonPath("$.changesAgainstActive.length()").value(1))
                .andExpect(jsonPath("$.changesAgainstActive['thresholds.properties']").value("CHANGED"));
        // the approval names the active version it was compared with
        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + first + "/approve", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("activeVersion"));
        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + first + "/approve?wait=true&activeVersion=" + originalVersion, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.activated").value(true));

        // the second draft's base is no longer active: the difference against the active version now also undoes the first
        as(OTHER_AUTHOR, "GET", "/api/v1/rule-sets/" + second, null).andExpect(jsonPath("$.activeVersion").value(first))
                .andExpect(jsonPath("$.baseOutdated").value(true))
                .andExpect(jsonPath("$.changesAgainstActive['" + PRC01 + "']").value("CHANGED"))
                .andExpect(jsonPath("$.changesAgainstActive['thresholds.properties']").value("CHANGED"));
        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + second + "/approve?wait=true&activeVersion=" + originalVersion, null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("变为 " + first)));
        as(OTHER_AUTHOR, "GET", "/api/v1/rule-sets/" + second, null).andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.audit[-1].action").value("APPROVE_REFUSED"));
        assertThat(active.deployment().number()).isEqualTo(first);
        // having looked at the difference against the version active now, the approver approves it
        as(OTHER_AUTHOR, "POST", "/api/v1/rule-sets/" + second + "/approve?wait=true&activeVersion=" + first, null)
                .andExpect(status().isOk()).andExpect(jsonPath("$.activated").value(true));
        JsonNode approval = null;
        for (JsonNode entry : json(as(OTHER_AUTHOR, "GET", "/api/v1/rule-sets/" + second, null).andReturn()).path("audit")) {
            if (entry.path("action").asString().equals("APPROVE")) {
                approval = Json.parse(entry.path("details").asString());
            }
        }
        assertThat(approval).isNotNull();
        assertThat(approval.path("activeVersion").asInt()).isEqualTo(first);
        assertThat(approval.path("baseIsActive").asBoolean()).isFalse();
    }
}
