package lianshao.records;

import static lianshao.TestRecords.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

class RecordApiTest extends ApiTestSupport {

    private static final String ORG = "SCH-REC";

    @Test
    void aFirstPostIsStoredEvaluatedAndAnswered201() throws Exception {
        MvcResult result = postJson("/api/v1/records", TestRecords.smallPurchase(ORG).toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.status").value("EVALUATED"))
                .andExpect(jsonPath("$.ruleSetVersion").value(org.hamcrest.Matchers.startsWith("rs-")))
                .andExpect(jsonPath("$.warnings").isEmpty())
                .andReturn();
        String id = json(result).get("recordId").asString();
        assertThat(jdbc.sql("SELECT status FROM record WHERE id = ?").param(id).query(String.class).single()).isEqualTo("EVALUATED");
    }

    @Test
    void aRiskyRecordIsAnsweredWithItsGradedWarning() throws Exception {
        postJson("/api/v1/records", TestRecords.largeInquiry(ORG).toString())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("PRC-01"))
                .andExpect(jsonPath("$.warnings[0].title").value("应公开招标未公开招标"))
                .andExpect(jsonPath("$.warnings[0].form").value(2))
                .andExpect(jsonPath("$.warnings[0].formName").value("第二种形态"))
                .andExpect(jsonPath("$.warnings[0].domain").value("PROCUREMENT"))
                .andExpect(jsonPath("$.warnings[0].orgCode").value(ORG))
                .andExpect(jsonPath("$.warnings[0].subjectRefs[0]").value(org.hamcrest.Matchers.startsWith("APP-")))
                .andExpect(jsonPath("$.warnings[0].grading.baseForm").value(2))
                .andExpect(jsonPath("$.warnings[0].grading.steps").isEmpty())
                .andExpect(jsonPath("$.warnings[0].clause").value("M8,M9,M3"))
                .andExpect(jsonPath("$.warnings[0].basis").value(org.hamcrest.Matchers.containsString("政府采购法 第二十七条")))
                .andExpect(jsonPath("$.warnings[0].departments[0]").value("计财处"))
                .andExpect(jsonPath("$.warnings[0].evidence.facts.amount").value(2500000))
                .andExpect(jsonPath("$.warnings[0].status").value("NEW"))
                .andExpect(jsonPath("$.warnings[0].ruleSetVersion").value(org.hamcrest.Matchers.startsWith("rs-")))
                .andExpect(jsonPath("$.warnings[0].message").value(org.hamcrest.Matchers.containsString("金额 ¥2,500,000.00，达到公开招标数额标准 ¥2,000,000.00，但采用询价方式")));
    }

    @Test
    void repostingTheSameContentChangesNothingAndAnswersTheOriginalResult() throws Exception {
        ObjectNode record = TestRecords.largeInquiry(ORG);
        JsonNode first = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
        long[] before = storedRows();
        // the same content with its fields in another order and an amount written differently
        ObjectNode again = (ObjectNode) Json.parse(record.toString());
        set(again, "payload.amount", Json.parse("2500000.0"));
        JsonNode second = json(postJson("/api/v1/records", again.toString()).andExpect(status().isOk()).andReturn());
        assertThat(second.get("recordId").asString()).isEqualTo(first.get("recordId").asString());
        assertThat(second.get("revision").asInt()).isEqualTo(1);
        assertThat(second.get("warnings").get(0).get("id").asString()).isEqualTo(first.get("warnings").get(0).get("id").asString());
        assertThat(storedRows()).containsExactly(before);
    }

    @Test
    void otherContentForTheSameIdentityIsANewRevisionReevaluatedWithoutDuplicates() throws Exception {
        ObjectNode record = TestRecords.largeInquiry(ORG);
        JsonNode first = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
        String recordId = first.get("recordId").asString();
        String warningId = first.get("warnings").get(0).get("id").asString();

        set(record, "payload.amount", Json.parse("3100000.00"));
        postJson("/api/v1/records", record.toString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.recordId").value(recordId))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.warnings.length()").value(1))
                .andExpect(jsonPath("$.warnings[0].id").value(warningId))
                .andExpect(jsonPath("$.warnings[0].recordRevision").value(2))
                .andExpect(jsonPath("$.warnings[0].evidence.facts.amount").value(3100000));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning WHERE record_id = ?").param(recordId).query(Integer.class).single()).isEqualTo(1);

        // a third revision under the threshold: the warning no longer hits, and says so in its history
        set(record, "payload.amount", Json.parse("100000.00"));
        postJson("/api/v1/records", record.toString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.warnings").isEmpty());
        getAsInspector("/api/v1/warnings/" + warningId).andExpect(status().isOk())
                .andExpect(jsonPath("$.stillHits").value(false))
                .andExpect(jsonPath("$.history[0].action").value("RAISED"))
                .andExpect(jsonPath("$.history[1].action").value("NO_LONGER_HITS"));

        getAsInspector("/api/v1/records/" + recordId).andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.revisions.length()").value(3))
                .andExpect(jsonPath("$.revisions[0].record.payload.amount").value(2500000))
                .andExpect(jsonPath("$.record.payload.amount").value(100000))
                .andExpect(jsonPath("$.warnings.length()").value(1));
    }

    @Test
    void aFeedReadsItsOwnRecordsAndAnUnknownIdIs404() throws Exception {
        String id = json(postJson("/api/v1/records", TestRecords.cleanTender(ORG).toString()).andReturn()).get("recordId").asString();
        mvc.perform(withKey(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/records/" + id)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.domain").value("TENDER"))
                .andExpect(jsonPath("$.status").value("EVALUATED"));
        getAsInspector("/api/v1/records/no-such-record").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aKeyPostingForAnotherSourceIs403AndStoresNothing() throws Exception {
        long[] before = storedRows();
        ObjectNode record = TestRecords.smallPurchase(ORG);
        set(record, "source", "someone-else");
        postJson("/api/v1/records", record.toString()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(storedRows()).containsExactly(before);
    }

    @Test
    void noKeyOrAWrongKeyIs401() throws Exception {
        String body = TestRecords.smallPurchase(ORG).toString();
        mvc.perform(post("/api/v1/records").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/records").header("X-Api-Key", "not-a-key").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void aUserCannotPostRecordsAndAFeedCannotReadWarnings() throws Exception {
        mvc.perform(post("/api/v1/records").with(basic(INSPECTOR, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(TestRecords.smallPurchase(ORG).toString()))
                .andExpect(status().isForbidden());
        mvc.perform(withKey(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/warnings")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        long[] before = storedRows();
        String huge = "{\"domain\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}";
        postJson("/api/v1/records", huge).andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(storedRows()).containsExactly(before);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("malformed JSON", "/api/v1/records", r -> "{\"domain\": \"PROCUREMENT\", ", "$"),
                bad("missing payload", "/api/v1/records", r -> set(r, "payload", (String) null).toString(), "payload"),
                bad("unknown domain", "/api/v1/records", r -> set(r, "domain", "CATERING").toString(), "domain"),
                bad("wrong enum value", "/api/v1/records", r -> set(r, "payload.method", "BY_PHONE").toString(), "payload.method"),
                bad("negative amount", "/api/v1/records", r -> set(r, "payload.amount", Json.parse("-1.00")).toString(), "payload.amount"),
                bad("amount with 3 decimals", "/api/v1/records", r -> set(r, "payload.amount", Json.parse("100.125")).toString(), "payload.amount"),
                bad("date 2026-02-30", "/api/v1/records", r -> set(r, "payload.awardedOn", "2026-02-30").toString(), "payload.awardedOn"),
                bad("string where a number is expected", "/api/v1/records", r -> set(r, "payload.amount", "500000").toString(), "payload.amount"),
                bad("batch of 1,001", "/api/v1/records/batch", r -> {
                    List<ObjectNode> many = new ArrayList<>();
                    for (int i = 0; i < 1001; i++) {
                        many.add(TestRecords.smallPurchase(ORG));
                    }
                    return TestRecords.batch(many.toArray(ObjectNode[]::new));
                }, "records"),
                bad("empty batch", "/api/v1/records/batch", r -> "{\"records\": []}", "records"));
    }

    private static Arguments bad(String name, String path, Function<ObjectNode, String> body, String field) {
        return Arguments.of(name, path, body, field);
    }

    @ParameterizedTest(name = "{0} → 400 naming {3}")
    @MethodSource("badInputs")
    void badInputIsAnswered400NamingTheFieldAndStoresNothing(String name, String path, Function<ObjectNode, String> body,
            String field) throws Exception {
        long[] before = storedRows();
        postJson(path, body.apply(TestRecords.smallPurchase(ORG)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        assertThat(storedRows()).as(name).containsExactly(before);
    }

    @Test
    void aBatchAnswersEachRecordOnItsOwnInInputOrder() throws Exception {
        ObjectNode existing = TestRecords.smallPurchase(ORG);
        postJson("/api/v1/records", existing.toString()).andExpect(status().isCreated());
        ObjectNode revised = TestRecords.smallPurchase(ORG);
        postJson("/api/v1/records", revised.toString()).andExpect(status().isCreated());
        set(revised, "payload.description", "教室多媒体设备（增补）");
        ObjectNode invalid = set(TestRecords.smallPurchase(ORG), "payload.amount", Json.parse("-5"));
        ObjectNode risky = TestRecords.largeInquiry(ORG);

        postJson("/api/v1/records/batch", TestRecords.batch(TestRecords.cleanTender(ORG), existing, invalid, revised, risky,
                TestRecords.recruitment(ORG), TestRecords.researchExpense(ORG),
                TestRecords.exceptionAdmission(ORG, "G-NONE", "P-NONE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(7))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].index").value(0))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[1].status").value("UNCHANGED"))
                .andExpect(jsonPath("$.results[2].status").value("REJECTED"))
                .andExpect(jsonPath("$.results[2].errors[0].field").value("payload.amount"))
                .andExpect(jsonPath("$.results[2].recordId").doesNotExist())
                .andExpect(jsonPath("$.results[3].status").value("REVISED"))
                .andExpect(jsonPath("$.results[3].revision").value(2))
                .andExpect(jsonPath("$.results[4].status").value("CREATED"))
                .andExpect(jsonPath("$.results[4].warnings[0].ruleId").value("PRC-01"))
                .andExpect(jsonPath("$.results[5].status").value("CREATED"))
                .andExpect(jsonPath("$.results[6].status").value("CREATED"))
                .andExpect(jsonPath("$.results[7].status").value("CREATED"))
                .andExpect(jsonPath("$.results[7].externalId").value(org.hamcrest.Matchers.startsWith("EXT-")));
    }

    @Test
    void copiesOfOneIdentityInABatchAreAppliedInInputOrderEvenWhenOneRepeatsWhatIsStored() throws Exception {
        ObjectNode original = TestRecords.largeInquiry(ORG);
        String recordId = json(postJson("/api/v1/records", original.toString()).andExpect(status().isCreated()).andReturn())
                .get("recordId").asString();
        ObjectNode changed = (ObjectNode) Json.parse(original.toString());
        set(changed, "payload.amount", Json.parse("3100000.00"));

        // the second copy repeats the stored content, but comes after a revision: it revises the record back
        postJson("/api/v1/records/batch", TestRecords.batch(changed, original))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("REVISED"))
                .andExpect(jsonPath("$.results[1].status").value("REVISED"))
                .andExpect(jsonPath("$.results[1].revision").value(3));
        getAsInspector("/api/v1/records/" + recordId).andExpect(status().isOk())
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.status").value("EVALUATED"));
        // alone, the same content again is a repost: nothing stored, the record as it is
        long[] before = storedRows();
        postJson("/api/v1/records", original.toString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.recordId").value(recordId))
                .andExpect(jsonPath("$.revision").value(3))
                .andExpect(jsonPath("$.status").value("EVALUATED"));
        assertThat(storedRows()).containsExactly(before);
    }
}
