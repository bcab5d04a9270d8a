package lianshao.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

/** Bodies built to hurt: each is answered 4xx quickly and stores nothing. */
class HostileBodiesTest extends ApiTestSupport {

    private void rejected(byte[] body, int expected) throws Exception {
        long[] before = storedRows();
        mvc.perform(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void aBodyOverTheSizeLimitIs413() throws Exception {
        ObjectNode record = TestRecords.smallPurchase("SCH-HOSTILE");
        TestRecords.set(record, "payload.description", "长".repeat(4_000_000)); // 12 MB of UTF-8, limit 10 MB
        rejected(record.toString().getBytes(StandardCharsets.UTF_8), 413);
    }

    @Test
    void aBodyOverTheLimitWithoutContentLengthIs413() throws Exception {
        byte[] body = ("{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        long[] before = storedRows();
        mvc.perform(withKey(post("/api/v1/records/batch")).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(r -> {
                            r.removeHeader("Content-Length");
                            return r;
                        }))
                .andExpect(status().is(413));
        assertThat(storedRows()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIs400() throws Exception {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        rejected(("{\"domain\":\"PROCUREMENT\",\"payload\":" + deep + "}").getBytes(StandardCharsets.UTF_8), 400);
        String deepObjects = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
        rejected(deepObjects.getBytes(StandardCharsets.UTF_8), 400);
    }

    @Test
    void nestingWithinTheParserLimitButNotInTheContractIs400() throws Exception {
        ObjectNode record = TestRecords.smallPurchase("SCH-HOSTILE");
        TestRecords.set(record, "payload.description", Json.parse("[".repeat(20) + "]".repeat(20)));
        rejected(record.toString().getBytes(StandardCharsets.UTF_8), 400);
    }

    @Test
    void veryLongStringsAre400NamingTheField() throws Exception {
        ObjectNode record = TestRecords.smallPurchase("SCH-HOSTILE");
        TestRecords.set(record, "payload.description", "描".repeat(500_000));
        TestRecords.set(record, "externalId", "x".repeat(100_000));
        long[] before = storedRows();
        mvc.perform(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON).content(record.toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("payload.description", "externalId")));
        assertThat(storedRows()).isEqualTo(before);
        // a string past the parser's own limit (1,000,000 characters) is malformed JSON, still 400
        TestRecords.set(record, "payload.description", "a".repeat(1_100_000));
        rejected(record.toString().getBytes(StandardCharsets.UTF_8), 400);
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        ObjectNode record = TestRecords.smallPurchase("SCH-HOSTILE");
        TestRecords.set(record, "payload.description", "PLACEHOLDER");
        byte[] text = record.toString().getBytes(StandardCharsets.UTF_8);
        String s = new String(text, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("PLACEHOLDER");
        for (byte[] bad : new byte[][] {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xE6, (byte) 0x9D}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(text, 0, at);
            out.write(bad);
            out.write(text, at + "PLACEHOLDER".length(), text.length - at - "PLACEHOLDER".length());
            rejected(out.toByteArray(), 400);
        }
    }

    @Test
    @Timeout(10)
    void absurdNumbersAre400AndCheap() throws Exception {
        for (String number : new String[] {"1e999999999", "1.5e-999999999", "NaN", "Infinity", "-Infinity",
                "99999999999999999999999999999999999999999.5", "0x10", "1_000", "+5", ".5", "01"}) {
            String body = TestRecords.smallPurchase("SCH-HOSTILE").toString().replace("300000.00", number);
            rejected(body.getBytes(StandardCharsets.UTF_8), 400);
        }
    }

    @Test
    void nothingButJunkIs400() throws Exception {
        for (String junk : new String[] {"", " ", "null", "[]", "\"text\"", "{", "}", "{\"a\":1}{\"b\":2}", "\uFEFF{}",
                "{\"domain\":\"PROCUREMENT\"", "\u0000\u0000"}) {
            int expected = 400;
            rejected(junk.getBytes(StandardCharsets.UTF_8), expected);
        }
    }

    // ---- a key twice, an unpaired surrogate: on every JSON body of the API -------------------------

    /** A record body with {@code extra} text inserted right after the opening brace of payload. */
    private static String recordWith(String payloadStart) {
        String body = TestRecords.smallPurchase("SCH-HOSTILE").toString();
        return body.replaceFirst("\"payload\":\\{", java.util.regex.Matcher.quoteReplacement("\"payload\":{" + payloadStart));
    }

    private void refusedNaming(MockHttpServletRequestBuilder request, String body, String field) throws Exception {
        long[] before = storedRows();
        long orgs = count("org");
        mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(storedRows()).isEqualTo(before);
        assertThat(count("org")).isEqualTo(orgs);
    }

    @Test
    void aKeyGivenTwiceIs400NamingIt() throws Exception {
        String body = TestRecords.smallPurchase("SCH-HOSTILE").toString();
        refusedNaming(withKey(post("/api/v1/records")), body.replaceFirst("\\{", "{\"externalId\": \"OTHER-1\", "), "externalId");
        refusedNaming(withKey(post("/api/v1/records")), recordWith("\"amount\": 1, "), "payload.amount");
        refusedNaming(withKey(post("/api/v1/records/batch")), "{\"records\": [" + recordWith("\"amount\": 1, ") + "]}",
                "records[0].payload.amount");
        refusedNaming(withKey(put("/api/v1/orgs/SCH-DUP")),
                "{\"name\": \"甲\", \"type\": \"SCHOOL\", \"district\": \"东城区\", \"name\": \"乙\"}", "name");
        // bodies bound by Spring MVC: review actions, mutes
        refusedNaming(post("/api/v1/warnings/no-such-warning/actions").with(signedIn(INSPECTOR)),
                "{\"action\": \"START_REVIEW\", \"action\": \"CLOSE\"}", "action");
        refusedNaming(post("/api/v1/mutes").with(signedIn(INSPECTOR)),
                "{\"ruleId\": \"R1\", \"subjectRef\": \"P-1\", \"ruleId\": \"R2\"}", "ruleId");
    }

    @Test
    void anUnpairedSurrogateIs400NamingWhereItIs() throws Exception {
        ObjectNode record = TestRecords.smallPurchase("SCH-HOSTILE");
        TestRecords.set(record, "payload.description", "PLACEHOLDER");
        String body = record.toString();
        for (String lone : new String[] {"\\ud800", "\\udc00", "abc\\ud83d", "\\ud83dx", "\\ude00\\ud83d"}) {
            refusedNaming(withKey(post("/api/v1/records")), body.replace("PLACEHOLDER", lone), "payload.description");
        }
        // in a key: the object holding it is named
        refusedNaming(withKey(post("/api/v1/records")), recordWith("\"\\ud800\": 1, "), "payload");
        refusedNaming(withKey(put("/api/v1/orgs/SCH-LONE")),
                "{\"name\": \"甲\\udbff\", \"type\": \"SCHOOL\", \"district\": \"东城区\"}", "name");
        refusedNaming(post("/api/v1/warnings/no-such-warning/actions").with(signedIn(INSPECTOR)),
                "{\"action\": \"COMMENT\", \"comment\": \"\\ud800\"}", "comment");
        refusedNaming(post("/api/v1/warnings/bulk").with(signedIn(INSPECTOR)),
                "{\"ids\": [\"a\", \"\\udfff\"], \"action\": \"CLOSE\"}", "ids[1]");
        // a proper pair (an emoji) is text like any other
        registerOrg("SCH-HOSTILE", TEST_DISTRICT);
        mvc.perform(withKey(post("/api/v1/records")).contentType(MediaType.APPLICATION_JSON)
                        .content(body.replace("PLACEHOLDER", "\\ud83d\\ude00")))
                .andExpect(status().isCreated());
    }
}
