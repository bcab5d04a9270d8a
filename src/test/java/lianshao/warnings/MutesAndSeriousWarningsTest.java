package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.Json;

/**
 * A mute is one person's standing decision; it must not hide a warning no single person may dismiss.
 * Here four eyes start at the second form, so PRC-01's hits (form 2) count as serious.
 */
@TestPropertySource(properties = "lianshao.warnings.four-eyes-from-form=2")
class MutesAndSeriousWarningsTest extends ApiTestSupport {

    void mute(String ruleId, String subject) throws Exception {
        mvc.perform(post("/api/v1/mutes").with(signedIn(INSPECTOR)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ruleId\": \"" + ruleId + "\", \"subjectRef\": \"" + subject
                                + "\", \"until\": \"2099-12-31\", \"reason\": \"已立项专项检查\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void aSeriousHitIsRaisedIntoTheQueueDespiteAMuteOfItsRuleAndSubject() throws Exception {
        String org = unique("SCH");
        var record = TestRecords.largeInquiry(org);
        mute("PRC-01", record.get("payload").get("approverRef").asString());
        String id = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.history[0].action").value("RAISED"))
                .andExpect(jsonPath("$.history[0].details.muteNotApplied").isNotEmpty());
        getAsInspector("/api/v1/warnings?orgCode=" + org).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void aMutedWarningThatReEvaluationMakesSeriousComesBackIntoTheQueue() throws Exception {
        String org = unique("SCH");
        var record = TestRecords.largeInquiry(org);
        String id = json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn())
                .get("warnings").get(0).get("id").asString();
        // muted while it was a first-form hit (before four eyes applied to it)
        jdbc.sql("UPDATE warning SET status = 'MUTED', form = 1 WHERE id = ?").param(id).update();
        TestRecords.set(record, "payload.amount", Json.parse("2600000.00"));
        postJson("/api/v1/records", record.toString()).andExpect(status().is2xxSuccessful());
        getAsInspector("/api/v1/warnings/" + id).andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.history[-1].action").value("UNMUTED"));
    }
}
