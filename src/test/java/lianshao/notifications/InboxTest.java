package lianshao.notifications;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.security.Users;
import lianshao.warnings.WarningReview;

class InboxTest extends ApiTestSupport {

    static final String WEST = "测试西区";

    @Autowired
    Users users;
    @Autowired
    CurrentUsers currentUsers;
    @Autowired
    WarningReview review;
    @Autowired
    PlatformTransactionManager transactions;

    String person(String prefix, String district, Role... roles) {
        String name = unique(prefix);
        users.ensure(name, PASSWORD, "测试" + prefix, Set.of(roles), district);
        return name;
    }

    /** A fresh warning (PRC-01, form 2) of a school in 测试西区. */
    String newWarning() throws Exception {
        String org = unique("SCH");
        putJson("/api/v1/orgs/" + org, "{ \"name\": \"测试学校\", \"type\": \"SCHOOL\", \"district\": \"" + WEST + "\" }");
        return json(postJson("/api/v1/records", TestRecords.largeInquiry(org).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
    }

    String title(String warningId) {
        return jdbc.sql("SELECT title FROM warning WHERE id = ?").param(warningId).query(String.class).single();
    }

    ResultActions act(String user, String id, String body) throws Exception {
        return mvc.perform(post("/api/v1/warnings/" + id + "/actions").with(signedIn(user))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long notifications(String username, String warningId, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE username = ? AND warning_id = ? AND kind = ?")
                .params(username, warningId, kind).query(Long.class).single();
    }

    @Test
    void assigningAWarningPutsItInTheAssigneesInboxNotTheActors() throws Exception {
        String assigner = person("assigner", null, Role.INSPECTOR);
        String assignee = person("assignee", WEST, Role.INSPECTOR);
        String id = newWarning();
        act(assigner, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + assignee + "\"}").andExpect(status().isOk());

        mvc.perform(get("/api/v1/inbox").with(signedIn(assignee))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.unread").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("ASSIGNED"))
                .andExpect(jsonPath("$.items[0].kindLabel").value("分派给我"))
                .andExpect(jsonPath("$.items[0].warningId").value(id))
                .andExpect(jsonPath("$.items[0].text").value("预警「" + title(id) + "」已分派给您处理"))
                .andExpect(jsonPath("$.items[0].textEn").value(Matchers.startsWith("Warning \"")))
                .andExpect(jsonPath("$.items[0].readAt").doesNotExist());
        mvc.perform(get("/api/v1/inbox/count").with(signedIn(assignee))).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/v1/inbox/count").with(signedIn(assigner))).andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void anActionThatIsRolledBackNotifiesNoOne() throws Exception {
        String assignee = person("rolled", WEST, Role.INSPECTOR);
        String id = newWarning();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            review.act(id, new WarningReview.ActionRequest("ASSIGN", assignee, null, null, null),
                    currentUsers.find(INSPECTOR).orElseThrow());
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT status FROM warning WHERE id = ?").param(id).query(String.class).single()).isEqualTo("NEW");
        assertThat(notifications(assignee, id, "ASSIGNED")).isZero();

        // the same action committed does notify
        review.act(id, new WarningReview.ActionRequest("ASSIGN", assignee, null, null, null), currentUsers.find(INSPECTOR).orElseThrow());
        assertThat(notifications(assignee, id, "ASSIGNED")).isEqualTo(1);
    }

    @Test
    void aProposalReachesTheSupervisorsWhoseScopeCoversTheWarningAndNoOneElse() throws Exception {
        String cityWide = person("sup-city", null, Role.SUPERVISOR);
        String west = person("sup-west", WEST, Role.SUPERVISOR);
        String east = person("sup-east", "测试东区", Role.SUPERVISOR);
        String boundElsewhere = unique("sup-bound");
        users.ensure(boundElsewhere, PASSWORD, "绑定他校的组长", Set.of(Role.SUPERVISOR), WEST, Set.of("OTHER-SCHOOL"));
        String proposer = person("proposer", null, Role.INSPECTOR, Role.SUPERVISOR);
        String id = newWarning();
        // form 3 needs a second person: it becomes a proposal
        act(proposer, id, "{\"action\": \"CONFIRM\", \"form\": 3, \"comment\": \"属实\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.proposal.action").value("CONFIRM"));

        assertThat(notifications(cityWide, id, "AWAITING_APPROVAL")).isEqualTo(1);
        assertThat(notifications(west, id, "AWAITING_APPROVAL")).isEqualTo(1);
        // a supervisor of another district may not see the warning: nothing is sent to them
        assertThat(notifications(east, id, "AWAITING_APPROVAL")).isZero();
        mvc.perform(get("/api/v1/inbox").with(signedIn(east))).andExpect(jsonPath("$.total").value(0));
        assertThat(notifications(boundElsewhere, id, "AWAITING_APPROVAL")).isZero();
        // the proposer is a supervisor too, but not told of their own proposal
        assertThat(notifications(proposer, id, "AWAITING_APPROVAL")).isZero();
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotifications() throws Exception {
        String a = person("reader-a", null, Role.INSPECTOR);
        String b = person("reader-b", null, Role.INSPECTOR);
        String id = newWarning();
        act(a, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + b + "\"}").andExpect(status().isOk());
        String notification = jdbc.sql("SELECT id FROM notification WHERE username = ?").param(b).query(String.class).single();

        mvc.perform(get("/api/v1/inbox").with(signedIn(a))).andExpect(jsonPath("$.total").value(0));
        mvc.perform(post("/api/v1/inbox/" + notification + "/read").with(signedIn(a))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/inbox/read-all").with(signedIn(a))).andExpect(jsonPath("$.marked").value(0));
        mvc.perform(get("/api/v1/inbox/count").with(signedIn(b))).andExpect(jsonPath("$.unread").value(1));

        mvc.perform(post("/api/v1/inbox/" + notification + "/read").with(signedIn(b))).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(notification)).andExpect(jsonPath("$.readAt").exists());
        mvc.perform(get("/api/v1/inbox/count").with(signedIn(b))).andExpect(jsonPath("$.unread").value(0));
    }

    @Test
    void aNotificationAboutAWarningThatLeftTheReadersScopeIsNoLongerShown() throws Exception {
        String assigner = person("moved-a", null, Role.INSPECTOR);
        String reader = person("moved-b", WEST, Role.INSPECTOR);
        String id = newWarning();
        act(assigner, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + reader + "\"}").andExpect(status().isOk());
        String notification = jdbc.sql("SELECT id FROM notification WHERE username = ?").param(reader).query(String.class).single();
        mvc.perform(get("/api/v1/inbox/count").with(signedIn(reader))).andExpect(jsonPath("$.unread").value(1));

        jdbc.sql("UPDATE app_user SET scope_district = '测试东区' WHERE username = ?").param(reader).update();
        mvc.perform(get("/api/v1/inbox").with(signedIn(reader))).andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(post("/api/v1/inbox/" + notification + "/read").with(signedIn(reader))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/inbox/read-all").with(signedIn(reader))).andExpect(jsonPath("$.marked").value(0));
    }

    @Test
    void theInboxIsPagedAndReadAllMarksEveryOwnNotification() throws Exception {
        String assigner = person("pager-a", null, Role.INSPECTOR);
        String assignee = person("pager-b", null, Role.INSPECTOR);
        for (int i = 0; i < 3; i++) {
            act(assigner, newWarning(), "{\"action\": \"ASSIGN\", \"assignee\": \"" + assignee + "\"}").andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/inbox?page=1&size=2").with(signedIn(assignee))).andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(1)).andExpect(jsonPath("$.page").value(1));
        mvc.perform(get("/api/v1/inbox?size=0&page=-1").with(signedIn(assignee))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("page", "size")));
        mvc.perform(post("/api/v1/inbox/read-all").with(signedIn(assignee))).andExpect(jsonPath("$.marked").value(3));
        mvc.perform(get("/api/v1/inbox?unread=true").with(signedIn(assignee))).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void mailSettingsAreTheCallersOwnAndCheckedField() throws Exception {
        String me = person("mailer", null, Role.AUDITOR);
        mvc.perform(get("/api/v1/inbox/settings").with(signedIn(me))).andExpect(jsonPath("$.mailMode").value("NONE"))
                .andExpect(jsonPath("$.email").doesNotExist());
        mvc.perform(put("/api/v1/inbox/settings").with(signedIn(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"not an address\", \"mailMode\": \"SOMETIMES\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("email", "mailMode")));
        mvc.perform(put("/api/v1/inbox/settings").with(signedIn(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mailMode\": \"DIGEST\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(put("/api/v1/inbox/settings").with(signedIn(me)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"wang@jw.example.test\", \"mailMode\": \"DIGEST\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.mailMode").value("DIGEST"));
        assertThat(jdbc.sql("SELECT email FROM app_user WHERE username = ?").param(me).query(String.class).single())
                .isEqualTo("wang@jw.example.test");
    }

    @Test
    void importersAndFeedsHaveNoInbox() throws Exception {
        String importer = person("importer", null, Role.IMPORTER);
        mvc.perform(get("/api/v1/inbox").with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(withKey(get("/api/v1/inbox/count"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox").with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(get("/imports").with(signedIn(importer))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"nav-inbox\""))));
    }

    @Test
    void theConsoleShowsTheInboxAndTheUnreadCountInTheHeader() throws Exception {
        String assigner = person("console-a", null, Role.INSPECTOR);
        String assignee = person("console-b", null, Role.INSPECTOR);
        String id = newWarning();
        act(assigner, id, "{\"action\": \"ASSIGN\", \"assignee\": \"" + assignee + "\"}").andExpect(status().isOk());

        mvc.perform(get("/warnings").with(signedIn(assignee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"nav-inbox\"")))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"inbox-count\"[^>]*>1</span>.*")));
        mvc.perform(get("/inbox").with(signedIn(assignee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("预警「" + title(id) + "」已分派给您处理")))
                .andExpect(content().string(Matchers.containsString("/warnings/" + id)));
        mvc.perform(get("/inbox?lang=en").with(signedIn(assignee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Assigned to me")));
        String notification = jdbc.sql("SELECT id FROM notification WHERE username = ?").param(assignee).query(String.class).single();
        mvc.perform(post("/inbox/" + notification + "/read").with(signedIn(assignee))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/warnings").with(signedIn(assignee)))
                .andExpect(content().string(Matchers.matchesPattern("(?s).*id=\"inbox-count\"[^>]*>0</span>.*")));
    }
}
