package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

/** 廉政档案: one timeline of a person's sanctions, the warnings naming them as subject or counterparty, and their outcomes. */
class IntegrityProfileTest extends ApiTestSupport {

    @Test
    void theProfileTellsSanctionsWarningsAsSubjectAndCounterpartyAndOutcomesOnOneTimeline() throws Exception {
        String org = TestRecords.unique("SCH-TL");
        registerOrg(org, TEST_DISTRICT);
        String person = TestRecords.unique("P-TL");
        putJson("/api/v1/parties/" + person, "{ \"kind\": \"PERSON\", \"name\": \"时间线测试人\", \"orgCode\": \"" + org + "\" }")
                .andExpect(status().is2xxSuccessful());
        postJson("/api/v1/sanctions", "{ \"subjectRef\": \"" + person + "\", \"kind\": \"GOVERNMENT_SANCTION\", \"form\": 2,"
                + " \"start\": \"2025-01-10\", \"end\": \"2025-07-10\" }").andExpect(status().is2xxSuccessful());

        ObjectNode approved = TestRecords.largeInquiry(org);
        TestRecords.set(approved, "payload.approverRef", person);
        JsonNode asSubject = json(postJson("/api/v1/records", approved.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0);
        ObjectNode supplied = TestRecords.largeInquiry(org);
        TestRecords.set(supplied, "payload.supplierRef", person);
        JsonNode asCounterparty = json(postJson("/api/v1/records", supplied.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0);
        assertThat(asCounterparty.get("subjectRefs").toString()).doesNotContain(person);

        mvc.perform(post("/api/v1/warnings/" + asSubject.get("id").asString() + "/actions").with(signedIn(INSPECTOR))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{ \"action\": \"DISMISS\", \"reason\": \"DATA_ERROR\", \"comment\": \"台账录入错误\" }"))
                .andExpect(status().isOk());

        String page = mvc.perform(get("/profiles/" + person).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String timeline = page.substring(page.indexOf("id=\"profile-timeline\""), page.indexOf("</section>", page.indexOf("id=\"profile-timeline\"")));
        assertThat(timeline).contains("data-kind=\"SANCTION\"", "政务处分", "2025-01-10 – 2025-07-10")
                .contains("data-kind=\"SUBJECT\"", "/warnings/" + asSubject.get("id").asString())
                .contains("data-kind=\"COUNTERPARTY\"", "/warnings/" + asCounterparty.get("id").asString())
                .contains("data-kind=\"OUTCOME\"", "排除（数据错误）");
        // newest first: the acts of 2026 before the sanction of 2025
        assertThat(timeline.indexOf("data-kind=\"COUNTERPARTY\"")).isLessThan(timeline.indexOf("data-kind=\"SANCTION\""));
        assertThat(page).contains("id=\"profile-counterparty\"");
    }
}
