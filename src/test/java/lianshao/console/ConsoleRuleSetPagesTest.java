package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;
import lianshao.authoring.RuleSetLifecycle;
import lianshao.rules.ActiveRuleSet;
import lianshao.rules.RuleSetRepository;
import lianshao.rules.RuleSetStatus;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The authors' console pages: rule list, version history, version, diff and editor; saving, validating,
 * submitting, maker–checker approval and rollback through the pages. The active version is restored
 * after each test.
 */
class ConsoleRuleSetPagesTest extends ApiTestSupport {

    static final String AUTHOR = "console-author-1";
    static final String OTHER_AUTHOR = "console-author-2";
    static final String ADMIN = "console-rules-admin";
    static final String PRC01 = "procurement/PRC-01-open-tender-avoided.drl";

    static final String UNSAFE = """
            package lianshao.rules.attack;

            import lianshao.facts.*;

            global Hits hits;

            rule "ATK-01 exits"
                @id("ATK-01") @title("攻击") @form(1) @clause("M9") @basis("测试") @departments("纪检组")
            when
                $t : Tender( current )
            then
                System.exit(13);
            end
            """;

    @Autowired
    Users users;
    @Autowired
    ActiveRuleSet active;
    @Autowired
    RuleSetLifecycle lifecycle;
    @Autowired
    RuleSetRepository repository;

    int originalVersion;

    @BeforeEach
    void authors() {
        users.ensure(AUTHOR, PASSWORD, "规则作者甲", Set.of(Role.RULE_AUTHOR), null);
        users.ensure(OTHER_AUTHOR, PASSWORD, "规则作者乙", Set.of(Role.RULE_AUTHOR), null);
        users.ensure(ADMIN, PASSWORD, "管理员己", Set.of(Role.ADMIN), null);
        originalVersion = active.deployment().number();
    }

    @AfterEach
    void restoreTheActiveVersion() throws Exception {
        if (active.deployment().number() != originalVersion) {
            lifecycle.rollback(originalVersion, ADMIN).get();
        }
    }

    /** A draft copied from the active version through the console; returns its number. */
    int draft(String author) throws Exception {
        MvcResult result = mvc.perform(post("/rule-sets/" + originalVersion + "/draft").with(csrf()).with(signedIn(author))
                .param("comment", "控制台测试 / console test")).andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/rule-sets/");
        return Integer.parseInt(location.substring("/rule-sets/".length()));
    }

    ResultActions save(String user, int version, String file, String text) throws Exception {
        return mvc.perform(post("/rule-sets/" + version + "/files").with(csrf()).with(signedIn(user))
                .param("file", file).param("content", text));
    }

    /** Follows a redirect with its flash attributes, as the browser would. */
    ResultActions follow(ResultActions posted, String user) throws Exception {
        MvcResult result = posted.andExpect(status().is3xxRedirection()).andReturn();
        return mvc.perform(get(result.getResponse().getRedirectedUrl()).flashAttrs(result.getFlashMap()).with(signedIn(user)));
    }

    @Test
    void everyPageRendersForAnAuthor() throws Exception {
        int version = draft(AUTHOR);
        mvc.perform(get("/rules").with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-rule=\"PRC-01\"")))
                .andExpect(content().string(containsString("class=\"mark mark-V\"")))
                .andExpect(content().string(containsString("/rule-sets/" + originalVersion + "/edit?file=" + PRC01)))
                .andExpect(content().string(containsString("id=\"nav-rule-sets\"")));
        mvc.perform(get("/rule-sets").with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-version=\"" + version + "\"")))
                .andExpect(content().string(containsString("当前生效")));
        mvc.perform(get("/rule-sets/" + version).with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString(PRC01)))
                .andExpect(content().string(containsString("id=\"audit-trail\"")))
                .andExpect(content().string(containsString("CREATE")));
        mvc.perform(get("/rule-sets/" + version + "/diff").with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-changes\"")));
        mvc.perform(get("/rule-sets/" + version + "/edit").param("file", PRC01).with(signedIn(AUTHOR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"drl-content\"")))
                .andExpect(content().string(containsString("/webjars/codemirror/5.65.18/lib/codemirror.js")))
                .andExpect(content().string(containsString("id=\"validate\"")))
                .andExpect(content().string(containsString("id=\"backtest\"")));
        mvc.perform(get("/rule-sets/" + version + "/edit").param("file", PRC01).param("lang", "en").with(signedIn(OTHER_AUTHOR)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Read only")))
                .andExpect(content().string(not(containsString("id=\"save\""))));
        mvc.perform(get("/webjars/codemirror/5.65.18/lib/codemirror.js").with(signedIn(AUTHOR))).andExpect(status().isOk());
        mvc.perform(get("/rule-sets").with(signedIn(ADMIN))).andExpect(status().isOk());
    }

    @Test
    void otherRolesAreRefused() throws Exception {
        for (String page : new String[] {"/rules", "/rule-sets", "/rule-sets/" + originalVersion,
                "/rule-sets/" + originalVersion + "/edit?file=" + PRC01}) {
            mvc.perform(get(page).with(signedIn(INSPECTOR))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/rule-sets/" + originalVersion + "/draft").with(csrf()).with(signedIn(INSPECTOR)).param("comment", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/rules/quality").with(signedIn(INSPECTOR))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"nav-rule-sets\""))));
        // an administrator approves and rolls back but does not write drafts
        mvc.perform(post("/rule-sets/" + originalVersion + "/draft").with(csrf()).with(signedIn(ADMIN)).param("comment", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void savingAFileChangesTheDraftAndTheDiffShowsTheAddedLine() throws Exception {
        int version = draft(AUTHOR);
        String text = repository.files(version).get(PRC01) + "// 控制台保存的新行\n";
        follow(save(AUTHOR, version, PRC01, text), AUTHOR).andExpect(status().isOk())
                .andExpect(content().string(containsString("已保存 " + PRC01)));
        assertThat(repository.files(version).get(PRC01)).endsWith("// 控制台保存的新行\n");
        assertThat(repository.find(version).orElseThrow().contentHash()).isNotEqualTo(active.get().version());

        mvc.perform(get("/rule-sets/" + version + "/diff").param("against", String.valueOf(originalVersion)).with(signedIn(AUTHOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-file=\"" + PRC01 + "\"")))
                .andExpect(content().string(containsString("<tr class=\"added\">")))
                .andExpect(content().string(containsString("<pre>// 控制台保存的新行</pre>")));

        // only the author changes a draft; the service says why
        follow(save(OTHER_AUTHOR, version, PRC01, "x"), OTHER_AUTHOR)
                .andExpect(content().string(containsString("只有草稿的作者可以修改它")));
        assertThat(repository.files(version).get(PRC01)).endsWith("// 控制台保存的新行\n");
        mvc.perform(post("/rule-sets/" + version + "/files").param("file", PRC01).param("content", "x").with(signedIn(AUTHOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void validationShowsTheBrokenRuleWithItsLineAndMarksIt() throws Exception {
        int version = draft(AUTHOR);
        save(AUTHOR, version, "attack/ATK-01.drl", UNSAFE).andExpect(status().is3xxRedirection());
        follow(mvc.perform(post("/rule-sets/" + version + "/validate").with(csrf()).with(signedIn(AUTHOR))
                .param("file", "attack/ATK-01.drl")), AUTHOR)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problems\"")))
                .andExpect(content().string(containsString("attack/ATK-01.drl:12:5")))
                .andExpect(content().string(containsString("System")))
                .andExpect(content().string(containsString("<script type=\"application/json\" id=\"editor-markers\">[{\"line\":12,\"column\":5")));
        follow(mvc.perform(post("/rule-sets/" + version + "/submit").with(csrf()).with(signedIn(AUTHOR))
                .param("file", "attack/ATK-01.drl")), AUTHOR)
                .andExpect(content().string(containsString("未能提交")))
                .andExpect(content().string(containsString("attack/ATK-01.drl:12")));
        assertThat(repository.find(version).orElseThrow().status()).isEqualTo(RuleSetStatus.DRAFT);
    }

    @Test
    void theMakerCannotApproveAnotherAuthorDeploysAndAnOldVersionRollsBack() throws Exception {
        int version = draft(AUTHOR);
        String text = repository.files(version).get(PRC01) + "// 批准测试\n";
        save(AUTHOR, version, PRC01, text).andExpect(status().is3xxRedirection());
        follow(mvc.perform(post("/rule-sets/" + version + "/submit").with(csrf()).with(signedIn(AUTHOR)).param("file", PRC01)), AUTHOR)
                .andExpect(content().string(containsString("已提交")));
        assertThat(repository.find(version).orElseThrow().status()).isEqualTo(RuleSetStatus.SUBMITTED);

        follow(mvc.perform(post("/rule-sets/" + version + "/approve").with(csrf()).with(signedIn(AUTHOR))
                .param("activeVersion", String.valueOf(originalVersion))), AUTHOR)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("未能批准：双人复核：版本的作者或提交人不能批准自己的版本")));
        assertThat(repository.find(version).orElseThrow().status()).isEqualTo(RuleSetStatus.SUBMITTED);
        assertThat(active.deployment().number()).isEqualTo(originalVersion);

        follow(mvc.perform(post("/rule-sets/" + version + "/approve").with(csrf()).with(signedIn(OTHER_AUTHOR))
                .param("activeVersion", String.valueOf(originalVersion))), OTHER_AUTHOR)
                .andExpect(content().string(containsString("版本 " + version + " 已批准并生效")));
        assertThat(active.deployment().number()).isEqualTo(version);
        assertThat(repository.find(originalVersion).orElseThrow().status()).isEqualTo(RuleSetStatus.RETIRED);

        follow(mvc.perform(post("/rule-sets/" + originalVersion + "/rollback").with(csrf()).with(signedIn(ADMIN))), ADMIN)
                .andExpect(content().string(containsString("已回滚")));
        assertThat(active.deployment().number()).isEqualTo(originalVersion);
        mvc.perform(get("/rule-sets/" + version).with(signedIn(ADMIN))).andExpect(status().isOk())
                .andExpect(content().string(containsString("APPROVE")))
                .andExpect(content().string(containsString("APPROVE_REFUSED")));
    }

    @Test
    void theApproverSeesTheDifferenceAgainstTheActiveVersionAndABaseThatIsNoLongerActive() throws Exception {
        int first = draft(AUTHOR);
        int second = draft(AUTHOR);
        save(AUTHOR, first, PRC01, repository.files(first).get(PRC01) + "// 甲\n").andExpect(status().is3xxRedirection());
        save(AUTHOR, second, "thresholds.properties", repository.files(second).get("thresholds.properties") + "\n# 乙\n")
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/rule-sets/" + first + "/submit").with(csrf()).with(signedIn(AUTHOR)).param("file", PRC01));
        mvc.perform(post("/rule-sets/" + second + "/submit").with(csrf()).with(signedIn(AUTHOR)).param("file", PRC01));
        // a draft is no base for another draft: no button, and the post is refused
        mvc.perform(get("/rule-sets/" + first).with(signedIn(AUTHOR)))
                .andExpect(content().string(not(containsString("id=\"action-draft\""))))
                .andExpect(content().string(containsString("name=\"activeVersion\" value=\"" + originalVersion + "\"")))
                .andExpect(content().string(not(containsString("id=\"base-outdated\""))));
        follow(mvc.perform(post("/rule-sets/" + first + "/draft").with(csrf()).with(signedIn(AUTHOR)).param("comment", "x")), AUTHOR)
                .andExpect(content().string(containsString("草稿只能基于已批准")));

        follow(mvc.perform(post("/rule-sets/" + first + "/approve").with(csrf()).with(signedIn(OTHER_AUTHOR))
                .param("activeVersion", String.valueOf(originalVersion))), OTHER_AUTHOR)
                .andExpect(content().string(containsString("已批准并生效")));
        assertThat(active.deployment().number()).isEqualTo(first);

        // the other draft's base is no longer the active version: said plainly, and the diff is against the active one
        mvc.perform(get("/rule-sets/" + second).with(signedIn(OTHER_AUTHOR)))
                .andExpect(content().string(containsString("id=\"base-outdated\"")))
                .andExpect(content().string(containsString("name=\"activeVersion\" value=\"" + first + "\"")));
        mvc.perform(get("/rule-sets/" + second + "/diff").with(signedIn(OTHER_AUTHOR)))
                .andExpect(content().string(containsString("id=\"against-active\"")))
                .andExpect(content().string(containsString("id=\"base-outdated\"")))
                .andExpect(content().string(containsString("data-file=\"" + PRC01 + "\"")))
                .andExpect(content().string(containsString("data-file=\"thresholds.properties\"")));
        // an approval of what was seen against the old active version is refused
        follow(mvc.perform(post("/rule-sets/" + second + "/approve").with(csrf()).with(signedIn(OTHER_AUTHOR))
                .param("activeVersion", String.valueOf(originalVersion))), OTHER_AUTHOR)
                .andExpect(content().string(containsString("生效版本已由 " + originalVersion + " 变为 " + first)));
        assertThat(repository.find(second).orElseThrow().status()).isEqualTo(RuleSetStatus.SUBMITTED);
    }
}
