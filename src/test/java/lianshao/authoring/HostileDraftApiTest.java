package lianshao.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/**
 * The attack the security test made through the API alone, with no approval: a rule author puts a
 * chain of ordinary-looking calls into a draft (a date's enum, its {@code Class}, a resource URL, a file
 * of the server) and runs the draft's tests or a backtest to read the result. Every endpoint that
 * compiles a draft refuses it before the Drools builder runs, naming the call, and nothing of the file
 * comes back.
 */
class HostileDraftApiTest extends RuleSetApiSupport {

    /** PRC-01 with one more evidence line that would read the process environment, and the bootstrap key with it. */
    private String hostilePrc01() throws Exception {
        String text = fileOf(originalVersion, PRC01);
        String hostile = text.replace(".evidence(\"awardedOn\", $p.awardedOn());",
                ".evidence(\"awardedOn\", $p.awardedOn())\n        .evidence(\"env\", $p.occurredOn().getMonth().getDeclaringClass()"
                        + ".getResource(\"Month.class\").toURI().resolve(\"file:///proc/self/environ\").toURL().openStream().readAllBytes());");
        assertThat(hostile).as("the attack was put into the rule").isNotEqualTo(text);
        return hostile;
    }

    @Test
    void aDraftThatReachesClassThroughAFactValueIsRefusedByEveryEndpointThatCompilesIt() throws Exception {
        int version = draft(AUTHOR, Map.of(PRC01, hostilePrc01()));

        String validation = as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/validate", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors[0].file").value(Matchers.containsString("PRC-01")))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("getMonth")))
                .andReturn().getResponse().getContentAsString();

        String test = as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/test", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andReturn().getResponse().getContentAsString();
        assertThat(test).contains("getMonth");

        String backtest = as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/backtests",
                "{\"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}")
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(backtest).contains("getMonth");

        as(AUTHOR, "POST", "/api/v1/rule-sets/" + version + "/submit", null).andExpect(status().is4xxClientError());

        // nothing of the environment (PATH=..., the bootstrap key's variable) reached any reply
        for (String reply : new String[] {validation, test, backtest}) {
            assertThat(reply).doesNotContain("PATH=").doesNotContain("LIANSHAO_BOOTSTRAP");
        }
    }
}
