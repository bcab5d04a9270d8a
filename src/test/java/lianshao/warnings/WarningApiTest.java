package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

class WarningApiTest extends ApiTestSupport {

    @Test
    void warningsAreFilteredAndPaged() throws Exception {
        String org = unique("SCH");
        for (int i = 0; i < 3; i++) {
            postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andExpect(status().isCreated());
        }
        postJson("/api/v1/records", TestRecords.smallPurchase(org).toString()).andExpect(status().isCreated());

        getAsInspector("/api/v1/warnings?orgCode=" + org).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].orgCode").value(org));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&ruleId=PRC-01&domain=PROCUREMENT&form=2&status=NEW&from=2026-01-01")
                .andExpect(jsonPath("$.total").value(3));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&form=4").andExpect(jsonPath("$.total").value(0));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&ruleId=TEN-04").andExpect(jsonPath("$.total").value(0));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&to=2020-01-01").andExpect(jsonPath("$.total").value(0));
        getAsInspector("/api/v1/warnings?orgCode=" + org + "&size=2&page=1")
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
    }

    @Test
    void badFiltersAre400() throws Exception {
        getAsInspector("/api/v1/warnings?form=7").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("form"));
        getAsInspector("/api/v1/warnings?domain=CATERING").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"));
        getAsInspector("/api/v1/warnings?size=5000").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        getAsInspector("/api/v1/warnings?from=yesterday").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aWarningShowsItsExplanationAndHistory() throws Exception {
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(unique("SCH")).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        getAsInspector("/api/v1/warnings/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.ruleId").value("PRC-01"))
                .andExpect(jsonPath("$.formName").value("第二种形态"))
                .andExpect(jsonPath("$.level").value("MEDIUM"))
                .andExpect(jsonPath("$.grading.suggestedForm").value(2))
                .andExpect(jsonPath("$.evidence.facts.threshold").value(2000000))
                .andExpect(jsonPath("$.history.length()").value(1))
                .andExpect(jsonPath("$.history[0].action").value("RAISED"))
                .andExpect(jsonPath("$.history[0].actor").value("system"))
                .andExpect(jsonPath("$.history[0].toStatus").value("NEW"));
        getAsInspector("/api/v1/warnings/no-such-warning").andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void readingWarningsNeedsASignedInUser() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/warnings"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
