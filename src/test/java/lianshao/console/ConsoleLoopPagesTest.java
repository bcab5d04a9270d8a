package lianshao.console;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The closed loop's console pages and who may open them: a unit liaison lands on its tasks and sees nothing else,
 * another unit's task is not found, inspectors do not open the unit's pages, the supervisor's lists are the
 * supervisor's, and the warning page offers the loop's forms only when the review guard allows them.
 */
class ConsoleLoopPagesTest extends ApiTestSupport {

    static final String DISTRICT = "控制台闭环区";
    static final String SUPERVISOR = "loop-console-supervisor";

    @Autowired
    Users users;

    String school;
    String otherSchool;
    String unitUser;
    String otherUnitUser;

    @BeforeEach
    void people() throws Exception {
        users.ensure(SUPERVISOR, PASSWORD, "组长己", Set.of(Role.SUPERVISOR, Role.INSPECTOR), null);
        school = unique("SCH");
        otherSchool = unique("SCH");
        putJson("/api/v1/orgs/" + school, "{ \"name\": \"闭环一中\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        putJson("/api/v1/orgs/" + otherSchool, "{ \"name\": \"闭环二中\", \"type\": \"SCHOOL\", \"district\": \"" + DISTRICT + "\" }")
                .andExpect(status().is2xxSuccessful());
        unitUser = unique("unit").toLowerCase();
        otherUnitUser = unique("unit").toLowerCase();
        users.ensure(unitUser, PASSWORD, "一中联络人", Set.of(Role.UNIT), DISTRICT, Set.of(school));
        users.ensure(otherUnitUser, PASSWORD, "二中联络人", Set.of(Role.UNIT), DISTRICT, Set.of(otherSchool));
    }

    /** A form-2 warning of the school, confirmed and dispatched to it through the console's forms. */
    String dispatched() throws Exception {
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET form = 2, highest_form = 2 WHERE id = ?").param(id).update();
        action(id, "action", "CONFIRM", "form", "2");
        mvc.perform(get("/warnings/" + id).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"action-DISPATCH\"")))
                .andExpect(content().string(containsString("闭环一中")))
                .andExpect(content().string(not(containsString("id=\"action-HAND_OVER\""))))
                .andExpect(content().string(not(containsString("id=\"action-ACCEPT\""))));
        action(id, "action", "DISPATCH", "unitOrg", school, "responsiblePerson", "王校长", "workingDays", "10");
        assertThat(stateOf(id)).isEqualTo("RECTIFYING");
        return id;
    }

    void action(String id, String... params) throws Exception {
        var request = post("/warnings/" + id + "/actions").with(signedIn(INSPECTOR)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(flash().attributeCount(1))
                .andExpect(flash().attributeExists("message"));
    }

    String stateOf(String id) {
        return jdbc.sql("SELECT status FROM warning WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void aUnitLiaisonLandsOnItsTasksAndSeesNothingElse() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", unitUser).param("password", PASSWORD))
                .andExpect(redirectedUrl("/tasks"));
        String id = dispatched();
        mvc.perform(get("/tasks").with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/tasks/" + id)))
                .andExpect(content().string(containsString("整改中")))
                .andExpect(content().string(containsString("id=\"nav-tasks\"")))
                .andExpect(content().string(containsString("<a class=\"brand\" href=\"/tasks\">")))
                .andExpect(content().string(not(containsString("id=\"nav-warnings\""))))
                .andExpect(content().string(not(containsString("/swagger-ui.html"))));
        mvc.perform(get("/tasks/" + id).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-reply\"")))
                .andExpect(content().string(containsString("id=\"task-request-extension\"")))
                .andExpect(content().string(containsString("王校长")));
        for (String page : new String[] {"/", "/warnings", "/warnings/" + id, "/supervision", "/statistics"}) {
            mvc.perform(get(page).with(signedIn(unitUser))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/warnings/" + id + "/actions").with(signedIn(unitUser)).with(csrf()).param("action", "ACCEPT"))
                .andExpect(status().isForbidden());
        assertThat(stateOf(id)).isEqualTo("RECTIFYING");
    }

    @Test
    void anotherUnitsTaskIsNotFoundOnReadAndWriteAndInspectorsDoNotOpenTasks() throws Exception {
        String id = dispatched();
        mvc.perform(get("/tasks").with(signedIn(otherUnitUser))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/tasks/" + id))));
        mvc.perform(get("/tasks/" + id).with(signedIn(otherUnitUser))).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + id + "/reply").with(signedIn(otherUnitUser)).with(csrf())
                .param("explanation", "不是我们的").param("report", "冒名答复")).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + id + "/extension").with(signedIn(otherUnitUser)).with(csrf())
                .param("reason", "冒名").param("workingDays", "5")).andExpect(status().isNotFound());
        assertThat(stateOf(id)).isEqualTo("RECTIFYING");

        mvc.perform(get("/tasks").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + id).with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(post("/tasks/" + id + "/reply").with(signedIn(INSPECTOR)).with(csrf())
                .param("explanation", "代答").param("report", "代答")).andExpect(status().isForbidden());
        mvc.perform(get("/tasks").with(signedIn(SUPERVISOR))).andExpect(status().isForbidden());
        assertThat(stateOf(id)).isEqualTo("RECTIFYING");
    }

    @Test
    void theUnitRepliesTheInspectorReturnsAndAcceptsAndThePanelTellsTheStory() throws Exception {
        String id = dispatched();
        mvc.perform(post("/tasks/" + id + "/reply").with(signedIn(unitUser)).with(csrf()).param("explanation", " "))
                .andExpect(redirectedUrl("/tasks/" + id)).andExpect(flash().attributeExists("error"));
        assertThat(stateOf(id)).isEqualTo("RECTIFYING");
        mvc.perform(post("/tasks/" + id + "/reply").with(signedIn(unitUser)).with(csrf())
                .param("explanation", "已组织自查").param("report", "已重新组织公开招标"))
                .andExpect(redirectedUrl("/tasks/" + id)).andExpect(flash().attributeExists("message"));
        assertThat(stateOf(id)).isEqualTo("REPORTED");
        mvc.perform(get("/warnings/" + id).with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"disposal-unit\">闭环一中<")))
                .andExpect(content().string(containsString("已重新组织公开招标")))
                .andExpect(content().string(containsString("id=\"action-RETURN\"")))
                .andExpect(content().string(containsString("id=\"action-ACCEPT\"")))
                .andExpect(content().string(not(containsString("id=\"action-DISPATCH\""))));
        action(id, "action", "RETURN", "reason", "报告缺少佐证", "workingDays", "5");
        assertThat(stateOf(id)).isEqualTo("RETURNED");
        mvc.perform(get("/warnings/" + id).with(signedIn(INSPECTOR)))
                .andExpect(content().string(containsString("data-priority=\"NORMAL\">正常<")))
                .andExpect(content().string(containsString("id=\"disposal-return\">报告缺少佐证<")));
        mvc.perform(get("/tasks/" + id).with(signedIn(unitUser))).andExpect(status().isOk())
                .andExpect(content().string(containsString("报告缺少佐证")));
        mvc.perform(post("/tasks/" + id + "/reply").with(signedIn(unitUser)).with(csrf())
                .param("explanation", "补充说明").param("report", "补充了招标文件"));
        action(id, "action", "ACCEPT");
        assertThat(stateOf(id)).isEqualTo("RECTIFIED");
        mvc.perform(get("/tasks").with(signedIn(unitUser))).andExpect(content().string(containsString("已整改销号")));
    }

    @Test
    void theSupervisionListsAreTheSupervisorsAndTakingTheNextItemAssignsIt() throws Exception {
        mvc.perform(get("/supervision").with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        mvc.perform(get("/supervision").with(signedIn(SUPERVISOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"supervision-handovers\"")))
                .andExpect(content().string(containsString("id=\"supervision-overdue\"")))
                .andExpect(content().string(containsString("id=\"nav-supervision\"")));
        mvc.perform(get("/warnings").with(signedIn(INSPECTOR))).andExpect(content().string(containsString("id=\"take-next\"")));
        postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andExpect(status().isCreated());
        String taken = mvc.perform(post("/warnings/next").with(signedIn(INSPECTOR)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(taken).startsWith("/warnings/");
        String id = taken.substring("/warnings/".length());
        assertThat(jdbc.sql("SELECT assignee FROM warning WHERE id = ?").param(id).query(String.class).single()).isEqualTo(INSPECTOR);
        assertThat(stateOf(id)).isEqualTo("ASSIGNED");
        mvc.perform(post("/warnings/next").with(signedIn(unitUser)).with(csrf())).andExpect(status().isForbidden());
    }
}
