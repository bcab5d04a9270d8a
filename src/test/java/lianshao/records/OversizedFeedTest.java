package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * A feed cannot send more than a real record holds: in every domain a too-long array or string is refused
 * with 400 problem+json naming the field (with its index path) and the limit, and nothing is stored; the same
 * for the reference data.
 */
class OversizedFeedTest extends ApiTestSupport {

    private static ArrayNode refs(int count) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            array.add("P-" + i);
        }
        return array;
    }

    private static ArrayNode items(int count, String item) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int i = 0; i < count; i++) {
            array.add(Json.parse(item.formatted(i)));
        }
        return array;
    }

    private static String text(int length) {
        return "长".repeat(length);
    }

    private static ObjectNode with(ObjectNode record, String path, JsonNode value) {
        return TestRecords.set(record, path, value);
    }

    static Stream<Arguments> oversized() {
        String org = "SCH-BIG";
        String bid = "{ \"bidderRef\": \"B%d\", \"price\": 100000.00, \"disqualified\": false }";
        return Stream.of(
                arguments(with(TestRecords.exceptionAdmission(org, "G-1", "APP-1"), "payload.guardianRefs", refs(101)),
                        "payload.guardianRefs", "最多 100 个元素"),
                arguments(with(TestRecords.exceptionAdmission(org, "G-1", "APP-1"), "payload.studentRef",
                        Json.MAPPER.getNodeFactory().stringNode("S".repeat(65))),
                        "payload.studentRef", "长度不能超过 64 个字符"),
                arguments(with(TestRecords.recruitment(org), "payload.panelRefs", refs(101)),
                        "payload.panelRefs", "最多 100 个元素"),
                arguments(with(TestRecords.recruitment(org), "payload.requirements",
                        Json.MAPPER.getNodeFactory().stringNode(text(2001))),
                        "payload.requirements", "长度不能超过 2000 个字符"),
                arguments(with(TestRecords.cleanTender(org), "payload.bids", items(201, bid)),
                        "payload.bids", "最多 200 个元素"),
                arguments(with(TestRecords.cleanTender(org), "payload.bids", items(1,
                        "{ \"bidderRef\": \"B%d" + "X".repeat(70) + "\", \"price\": 100000.00, \"disqualified\": false }")),
                        "payload.bids[0].bidderRef", "长度不能超过 64 个字符"),
                arguments(with(TestRecords.cleanTender(org), "payload.projectName",
                        Json.MAPPER.getNodeFactory().stringNode(text(201))),
                        "payload.projectName", "长度不能超过 200 个字符"),
                arguments(with(TestRecords.smallPurchase(org), "payload.payments",
                        items(501, "{ \"amount\": %d.00, \"on\": \"2026-04-20\", \"payeeRef\": \"SUP-1\" }")),
                        "payload.payments", "最多 500 个元素"),
                arguments(with(TestRecords.smallPurchase(org), "payload.description",
                        Json.MAPPER.getNodeFactory().stringNode(text(2001))),
                        "payload.description", "长度不能超过 2000 个字符"),
                arguments(with(TestRecords.researchExpense(org), "payload.memberRefs", refs(201)),
                        "payload.memberRefs", "最多 200 个元素"),
                arguments(with(TestRecords.researchExpense(org), "payload.payeeRef",
                        Json.MAPPER.getNodeFactory().stringNode("P".repeat(65))),
                        "payload.payeeRef", "长度不能超过 64 个字符"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("oversized")
    void aRecordBeyondABoundIsRefusedNamingTheFieldAndTheLimitAndNothingIsStored(ObjectNode record, String field,
            String message) throws Exception {
        long[] before = storedRows();
        JsonNode problem = json(postJson("/api/v1/records", record.toString())
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andReturn());
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo(message);
        assertThat(storedRows()).as("a refused record stores nothing").isEqualTo(before);
    }

    static Stream<Arguments> oversizedReference() {
        return Stream.of(
                arguments("PUT", "/api/v1/orgs/SCH-BIG-1", "{\"name\":\"" + text(201) + "\",\"type\":\"SCHOOL\",\"district\":\"东城区\"}",
                        "name", "org"),
                arguments("PUT", "/api/v1/parties/" + "P".repeat(65), "{\"kind\":\"PERSON\",\"name\":\"张三\"}",
                        "partyId", "party"),
                arguments("PUT", "/api/v1/parties/P-BIG-1", "{\"kind\":\"PERSON\",\"name\":\"张三\",\"address\":\"" + text(201) + "\"}",
                        "address", "party"),
                arguments("POST", "/api/v1/relations", "{\"fromRef\":\"" + "P".repeat(65) + "\",\"toRef\":\"P-2\",\"kind\":\"SPOUSE\"}",
                        "fromRef", "relation"),
                arguments("POST", "/api/v1/sanctions", "{\"subjectRef\":\"" + "P".repeat(65)
                        + "\",\"kind\":\"CRIMINAL\",\"form\":4,\"start\":\"2026-01-01\"}", "subjectRef", "sanction"),
                arguments("PUT", "/api/v1/calendar/2031", "{\"holidays\":" + dates(367) + "}", "holidays", "calendar"));
    }

    private static String dates(int count) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            out.append(i == 0 ? "" : ",").append('"').append(java.time.LocalDate.of(2031, 1, 1).plusDays(i)).append('"');
        }
        return out.append(']').toString();
    }

    @ParameterizedTest(name = "{4} {2}")
    @MethodSource("oversizedReference")
    void referenceDataBeyondABoundIsRefusedAndNothingIsStored(String method, String path, String body, String field,
            String kind) throws Exception {
        long[] before = referenceRows();
        var request = "PUT".equals(method) ? put(path) : post(path);
        JsonNode problem = json(mvc.perform(withKey(request).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json")).andReturn());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("message").asString()).matches(".*(64|200|366).*");
        assertThat(referenceRows()).as("a refused %s stores nothing", kind).isEqualTo(before);
    }

    private long[] referenceRows() {
        return new long[] {count("org"), count("party"), count("relation"), count("sanction"), count("calendar_day")};
    }
}
