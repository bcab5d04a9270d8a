package lianshao.grading;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * Grading steps G2–G5 end to end: records posted through the HTTP API, judged by the real rules of
 * {@code rules/}, graded with the history kept in the database. Every test works on a school, approvers
 * and payees of its own, with an admission plan so that only the rules named in the test hit.
 */
class GradingEndToEndTest extends ApiTestSupport {

    private String school;

    @BeforeEach
    void schoolWithPlans() throws Exception {
        school = unique("SCH");
        for (String stage : List.of("PRIMARY", "SENIOR")) {
            putJson("/api/v1/admission-plans/" + school + "/2026/" + stage, "{ \"quota\": 300 }")
                    .andExpect(status().isCreated());
        }
    }

    @Test
    void g2TheSameApproverHitByTheSameRuleTwiceWithinTwelveMonthsIsLiftedOneForm() throws Exception {
        String approver = unique("APP");

        JsonNode first = warning(post(outOfCatchment(admission(approver, "2026-03-02"))), "ADM-07");
        assertThat(first.get("form").asInt()).isEqualTo(1);
        assertThat(steps(first)).isEmpty();

        JsonNode second = warning(post(outOfCatchment(admission(approver, "2026-09-01"))), "ADM-07");
        assertThat(second.get("grading").get("baseForm").asInt()).isEqualTo(1);
        assertThat(second.get("form").asInt()).isEqualTo(2);
        assertThat(steps(second)).containsExactly("G2");
        assertThat(reasons(second).get(0)).contains(approver).contains("2 次");

        // another approver's first hit of the same rule is not lifted
        JsonNode other = warning(post(outOfCatchment(admission(unique("APP"), "2026-09-02"))), "ADM-07");
        assertThat(other.get("form").asInt()).isEqualTo(1);
        assertThat(steps(other)).isEmpty();
    }

    @Test
    void g3AHitOnASubjectInsideAnActiveSanctionPeriodIsLiftedOneForm() throws Exception {
        String sanctioned = unique("APP");
        postJson("/api/v1/sanctions", """
                { "subjectRef": "%s", "kind": "GOVERNMENT_SANCTION", "form": 2, "start": "2026-01-01", "end": "2026-12-31" }"""
                .formatted(sanctioned)).andExpect(status().isCreated());
        String sanctionEnded = unique("APP");
        postJson("/api/v1/sanctions", """
                { "subjectRef": "%s", "kind": "FORM_ONE_MEASURE", "form": 1, "start": "2026-01-01", "end": "2026-07-09" }"""
                .formatted(sanctionEnded)).andExpect(status().isCreated());

        JsonNode inside = warning(post(outOfCatchment(admission(sanctioned, "2026-07-10"))), "ADM-07");
        assertThat(inside.get("form").asInt()).isEqualTo(2);
        assertThat(steps(inside)).containsExactly("G3");
        assertThat(reasons(inside).get(0)).contains(sanctioned);

        // the day after the period ended: no lift
        JsonNode after = warning(post(outOfCatchment(admission(sanctionEnded, "2026-07-10"))), "ADM-07");
        assertThat(after.get("form").asInt()).isEqualTo(1);
        assertThat(steps(after)).isEmpty();
    }

    @Test
    void g4OneRecordHittingTwoRulesLiftsAllItsWarningsToTheHighestFormPlusOneCappedAtThree() throws Exception {
        // out of catchment (ADM-07, form 1) and admitted after the window without approval (ADM-06, form 1)
        ObjectNode late = outOfCatchment(admission(unique("APP"), "2026-08-05"));
        payload(late).put("admissionWindowStart", "2026-06-15").put("admissionWindowClose", "2026-07-31");
        JsonNode reply = post(late);
        assertThat(reply.get("warnings")).hasSize(2);
        for (String rule : List.of("ADM-07", "ADM-06")) {
            JsonNode w = warning(reply, rule);
            assertThat(w.get("grading").get("baseForm").asInt()).as(rule).isEqualTo(1);
            assertThat(w.get("form").asInt()).as(rule).isEqualTo(2);
            assertThat(steps(w)).as(rule).containsExactly("G4");
        }

        // below the line (ADM-09, form 2) and a co-building fee of 50,000 (ADM-03, form 3 by G1): both 3, never 4
        ObjectNode senior = admission(unique("APP"), "2026-07-20");
        payload(senior).put("stage", "SENIOR").put("examScore", 600).put("cutoffScore", 608)
                .set("fees", Json.parse("""
                        [ { "type": "CO_BUILDING_FEE", "amount": 50000.00, "paidOn": "2026-07-15", "payerRef": "%s" } ]"""
                        .formatted(unique("G"))));
        reply = post(senior);
        assertThat(reply.get("warnings")).hasSize(2);
        JsonNode belowLine = warning(reply, "ADM-09");
        assertThat(belowLine.get("grading").get("baseForm").asInt()).isEqualTo(2);
        assertThat(belowLine.get("form").asInt()).isEqualTo(3);
        assertThat(steps(belowLine)).containsExactly("G4");
        JsonNode fee = warning(reply, "ADM-03");
        assertThat(fee.get("form").asInt()).isEqualTo(3);
        assertThat(steps(fee)).containsExactly("G1");
    }

    @Test
    void g1CombinationNamedByTheRulesBonusPointsForTheApproversRelativeAreFormThree() throws Exception {
        String approver = unique("APP");
        ObjectNode bonus = admission(approver, "2026-07-20");
        String guardian = payload(bonus).get("guardianRefs").get(0).asString();
        postJson("/api/v1/relations", """
                { "fromRef": "%s", "toRef": "%s", "kind": "SIBLING" }""".formatted(approver, guardian))
                .andExpect(status().isCreated());
        payload(bonus).put("stage", "SENIOR").put("admissionType", "BONUS_POINTS").put("examScore", 600).put("cutoffScore", 590)
                .set("bonusItems", Json.parse("[ { \"type\": \"市级优秀学生干部\", \"points\": 5, \"publicized\": false } ]"));

        JsonNode reply = post(bonus);
        assertThat(reply.get("warnings")).hasSize(2);
        for (String rule : List.of("ADM-05", "ADM-08")) {
            JsonNode w = warning(reply, rule);
            assertThat(w.get("grading").get("baseForm").asInt()).as(rule).isEqualTo(2);
            assertThat(w.get("form").asInt()).as(rule).isEqualTo(3);
            assertThat(steps(w)).as(rule).containsExactly("G1");
        }
    }

    @Test
    void g5CumulativePersonalBenefitReachingThirtyThousandGivesFormFourOnTheRecordThatCrossesIt() throws Exception {
        String payee = unique("P");
        putJson("/api/v1/parties/" + payee, """
                { "kind": "PERSON", "name": "招生办副主任", "orgCode": "%s", "roles": ["STAFF"] }""".formatted(school))
                .andExpect(status().isCreated());

        JsonNode first = warning(post(selectionFeeTo(payee, "12000.00", "2026-06-20")), "ADM-03");
        JsonNode second = warning(post(selectionFeeTo(payee, "12000.00", "2026-07-01")), "ADM-03");
        JsonNode third = warning(post(selectionFeeTo(payee, "8000.00", "2026-07-12")), "ADM-03");

        for (JsonNode below : List.of(first, second)) {
            assertThat(below.get("form").asInt()).isLessThan(4);
            assertThat(steps(below)).doesNotContain("G5");
            assertThat(below.get("subjectRefs").toString()).contains(payee);
        }
        assertThat(third.get("form").asInt()).isEqualTo(4);
        assertThat(steps(third)).contains("G5");
        List<String> reasons = reasons(third);
        assertThat(reasons.get(reasons.size() - 1)).contains(payee).contains("¥32,000.00");
    }

    // ---- records -------------------------------------------------------------------------------

    /** A regular, publicized primary admission to the test school, in its district: clean. */
    private ObjectNode admission(String approver, String admittedOn) {
        return TestRecords.regularAdmission(school, approver, admittedOn);
    }

    /** Resident in another district, no policy basis: ADM-07. */
    private static ObjectNode outOfCatchment(ObjectNode admission) {
        payload(admission).put("residenceDistrict", "南山区");
        return admission;
    }

    /** A selection fee paid by the guardian to a person (ADM-03 with that person's benefit), approved by an approver of its own. */
    private ObjectNode selectionFeeTo(String payee, String amount, String admittedOn) {
        ObjectNode record = admission(unique("APP"), admittedOn);
        String guardian = payload(record).get("guardianRefs").get(0).asString();
        payload(record).set("fees", Json.parse("""
                [ { "type": "SELECTION_FEE", "amount": %s, "paidOn": "%s", "payerRef": "%s", "payeeRef": "%s" } ]"""
                .formatted(amount, admittedOn, guardian, payee)));
        return record;
    }

    private static ObjectNode payload(ObjectNode record) {
        return (ObjectNode) record.get("payload");
    }

    private JsonNode post(ObjectNode record) throws Exception {
        return json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
    }

    // ---- warnings ------------------------------------------------------------------------------

    private static JsonNode warning(JsonNode reply, String ruleId) {
        List<JsonNode> found = new ArrayList<>();
        reply.get("warnings").forEach(w -> {
            if (w.get("ruleId").asString().equals(ruleId)) {
                found.add(w);
            }
        });
        assertThat(found).as("warnings of " + ruleId + " in " + reply.get("warnings")).hasSize(1);
        return found.get(0);
    }

    private static List<String> steps(JsonNode warning) {
        List<String> steps = new ArrayList<>();
        warning.get("grading").get("steps").forEach(s -> steps.add(s.get("step").asString()));
        return steps;
    }

    private static List<String> reasons(JsonNode warning) {
        List<String> reasons = new ArrayList<>();
        warning.get("grading").get("steps").forEach(s -> reasons.add(s.get("reason").asString()));
        return reasons;
    }
}
