package lianshao.security;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import lianshao.ApiTestSupport;

/**
 * Separation of duties for accounts (三员分立): one administrator alone does not give anyone decision power —
 * no sock-puppet supervisor, no re-enabled account, no password of another person — until a second
 * administrator confirms; the maker never confirms; a password an administrator chose is replaced by its owner
 * before anything else; an administrator holds no reviewer's or author's role.
 */
class AccountSeparationTest extends ApiTestSupport {

    static final String PUPPET_PASSWORD = "puppet-password-1";

    @Autowired
    Users users;

    String adminA;
    String adminB;
    String auditor;

    @BeforeEach
    void administrators() {
        adminA = unique("adm-a");
        adminB = unique("adm-b");
        auditor = unique("aud");
        users.ensure(adminA, PASSWORD, "管理员甲", Set.of(Role.ADMIN), null);
        users.ensure(adminB, PASSWORD, "管理员乙", Set.of(Role.ADMIN), null);
        users.ensure(auditor, PASSWORD, "审计员", Set.of(Role.AUDITOR), null);
    }

    ResultActions createUser(String admin, String name, String... roles) throws Exception {
        return mvc.perform(post("/admin/users").with(signedIn(admin)).with(csrf()).param("username", name)
                .param("password", PUPPET_PASSWORD).param("roles", roles)).andExpect(status().is3xxRedirection());
    }

    String pendingChange(String username) {
        return jdbc.sql("SELECT id FROM account_change WHERE username = ? AND status = 'PENDING'").param(username)
                .query(String.class).single();
    }

    String changeStatus(String id) {
        return jdbc.sql("SELECT status FROM account_change WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void oneAdministratorsNewSupervisorDoesNotExistUntilASecondAdministratorConfirms() throws Exception {
        String puppet = unique("puppet");
        createUser(adminA, puppet, "SUPERVISOR");
        assertThat(users.exists(puppet)).isFalse();
        // the sock puppet cannot sign in, so cannot approve anything
        mvc.perform(get("/api/v1/warnings").with(basic(puppet, PUPPET_PASSWORD))).andExpect(status().isUnauthorized());
        String change = pendingChange(puppet);

        // the maker does not confirm their own change, nor does an auditor
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminA)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(auditor)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(users.exists(puppet)).isFalse();
        assertThat(changeStatus(change)).isEqualTo("PENDING");

        // the auditor sees the pending change, who made it, and what it would give
        String log = mvc.perform(get("/access-log").with(signedIn(auditor))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(log).contains(puppet).contains(adminA).contains("roles=SUPERVISOR").contains("PENDING");

        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(users.exists(puppet)).isTrue();
        assertThat(jdbc.sql("SELECT made_by, decided_by, status FROM account_change WHERE id = ?").param(change)
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).single())
                .isEqualTo(adminA + "/" + adminB + "/APPLIED");
        // confirmed once only
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().isConflict());
    }

    @Test
    void anAdministratorsPasswordMustBeReplacedByItsOwnerBeforeAnythingElse() throws Exception {
        String person = unique("insp");
        createUser(adminA, person, "INSPECTOR");
        mvc.perform(post("/admin/account-changes/" + pendingChange(person) + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/api/v1/warnings").with(basic(person, PUPPET_PASSWORD))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value(Matchers.containsString("须先更改密码")));
        mvc.perform(get("/warnings").with(signedIn(person))).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/password").with(signedIn(person))).andExpect(status().isOk());

        // a wrong current password or a too short new one changes nothing
        mvc.perform(post("/password").with(signedIn(person)).with(csrf()).param("current", "wrong-password-x")
                .param("password", "my-own-secret-1").param("repeat", "my-own-secret-1")).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/api/v1/warnings").with(basic(person, PUPPET_PASSWORD))).andExpect(status().isForbidden());

        mvc.perform(post("/password").with(signedIn(person)).with(csrf()).param("current", PUPPET_PASSWORD)
                .param("password", "my-own-secret-1").param("repeat", "my-own-secret-1")).andExpect(redirectedUrl("/password"));
        mvc.perform(get("/api/v1/warnings").with(basic(person, "my-own-secret-1"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/warnings").with(basic(person, PUPPET_PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void aPasswordResetWaitsForASecondAdministratorAndThenMustBeChanged() throws Exception {
        String supervisor = unique("sup");
        users.ensure(supervisor, PASSWORD, "组长", Set.of(Role.SUPERVISOR), null);
        mvc.perform(post("/admin/users/" + supervisor + "/password").with(signedIn(adminA)).with(csrf())
                .param("password", "chosen-by-admin-1")).andExpect(status().is3xxRedirection());
        // not in effect: the administrator cannot sign in as the supervisor
        mvc.perform(get("/api/v1/warnings").with(basic(supervisor, "chosen-by-admin-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/warnings").with(basic(supervisor, PASSWORD))).andExpect(status().isOk());
        String change = pendingChange(supervisor);
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminA)).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/warnings").with(basic(supervisor, "chosen-by-admin-1"))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value(Matchers.containsString("须先更改密码")));
    }

    @Test
    void aPendingChangeCanBeRejectedWithAReason() throws Exception {
        String author = unique("author");
        createUser(adminA, author, "RULE_AUTHOR");
        String change = pendingChange(author);
        mvc.perform(post("/admin/account-changes/" + change + "/reject").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(changeStatus(change)).isEqualTo("PENDING");
        mvc.perform(post("/admin/account-changes/" + change + "/reject").with(signedIn(adminB)).with(csrf())
                .param("reason", "无调令 / no posting order")).andExpect(status().is3xxRedirection());
        assertThat(changeStatus(change)).isEqualTo("REJECTED");
        assertThat(users.exists(author)).isFalse();
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().isConflict());
        assertThat(users.exists(author)).isFalse();
    }

    @Test
    void disablingAppliesAtOnceAndReEnablingWaitsForASecondAdministrator() throws Exception {
        String inspector = unique("insp");
        users.ensure(inspector, PASSWORD, "纪检员", Set.of(Role.INSPECTOR), null);
        mvc.perform(post("/admin/users/" + inspector + "/enabled").with(signedIn(adminA)).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(enabled(inspector)).isFalse();
        mvc.perform(post("/admin/users/" + inspector + "/enabled").with(signedIn(adminA)).with(csrf()).param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(enabled(inspector)).isFalse();
        mvc.perform(post("/admin/account-changes/" + pendingChange(inspector) + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(enabled(inspector)).isTrue();
        assertThat(jdbc.sql("SELECT kind FROM account_change WHERE username = ? ORDER BY made_at, kind").param(inspector)
                .query(String.class).list()).containsExactlyInAnyOrder("DISABLE", "ENABLE");
    }

    @Test
    void addingARoleOrChangingTheScopeWaitsWhileRemovingARoleAppliesAtOnce() throws Exception {
        registerOrg(unique("SCH-W"), "测试西区");
        String person = unique("insp");
        users.ensure(person, PASSWORD, "纪检员", Set.of(Role.INSPECTOR, Role.AUDITOR), "测试西区");
        // removing a role: at once
        mvc.perform(post("/admin/users/" + person + "/roles").with(signedIn(adminA)).with(csrf()).param("roles", "INSPECTOR")
                .param("district", "测试西区")).andExpect(status().is3xxRedirection());
        assertThat(roles(person)).isEqualTo("INSPECTOR");
        // adding SUPERVISOR: pending, no power yet
        mvc.perform(post("/admin/users/" + person + "/roles").with(signedIn(adminA)).with(csrf()).param("roles", "INSPECTOR", "SUPERVISOR")
                .param("district", "测试西区")).andExpect(status().is3xxRedirection());
        assertThat(roles(person)).isEqualTo("INSPECTOR");
        String change = pendingChange(person);
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminA)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(roles(person)).isEqualTo("INSPECTOR,SUPERVISOR");
        // widening the scope to the whole city: pending too
        mvc.perform(post("/admin/users/" + person + "/roles").with(signedIn(adminA)).with(csrf()).param("roles", "INSPECTOR", "SUPERVISOR")
                .param("district", "")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT scope_district FROM app_user WHERE username = ?").param(person).query(String.class).single())
                .isEqualTo("测试西区");
        assertThat(jdbc.sql("SELECT after_state FROM account_change WHERE id = ?").param(pendingChange(person)).query(String.class)
                .single()).contains("district=;");
    }

    private String roles(String username) {
        return jdbc.sql("SELECT roles FROM app_user WHERE username = ?").param(username).query(String.class).single();
    }

    @Test
    void nobodyConfirmsAChangeOfTheirOwnAccount() throws Exception {
        String adminC = unique("adm-c");
        users.ensure(adminC, PASSWORD, "管理员丙", Set.of(Role.ADMIN), null);
        mvc.perform(post("/admin/users/" + adminB + "/password").with(signedIn(adminA)).with(csrf())
                .param("password", "chosen-by-admin-2")).andExpect(status().is3xxRedirection());
        String change = pendingChange(adminB);
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/account-changes/" + change + "/confirm").with(signedIn(adminC)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(changeStatus(change)).isEqualTo("APPLIED");
    }

    @Test
    void accountsWithoutDecisionPowerAreCreatedAtOnceButMustChangeTheirPassword() throws Exception {
        String importer = unique("imp");
        createUser(adminA, importer, "IMPORTER");
        assertThat(users.exists(importer)).isTrue();
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = ?").param(importer).query(Boolean.class)
                .single()).isTrue();
        assertThat(jdbc.sql("SELECT status FROM account_change WHERE username = ?").param(importer).query(String.class).single())
                .isEqualTo("APPLIED");
    }

    @Test
    void aUnitLiaisonNeedsASecondAdministratorHoldsNoOtherRoleAndIsBoundToExactlyOneOrganisation() throws Exception {
        String school = unique("SCH");
        String other = unique("SCH");
        for (String code : new String[] {school, other}) {
            jdbc.sql("INSERT INTO org (code, name, type, district, parent_code, updated_at) VALUES (?, ?, 'SCHOOL', '清源区', NULL, ?)")
                    .params(code, "学校 " + code, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0)).update();
        }
        // with another role, with no organisation, with two: refused, nothing recorded
        String[][] refused = {{"UNIT", "INSPECTOR"}, {"UNIT"}, {"UNIT"}};
        String[] orgs = {school, "", school + "," + other};
        for (int i = 0; i < refused.length; i++) {
            String name = unique("unit-bad");
            mvc.perform(post("/admin/users").with(signedIn(adminA)).with(csrf()).param("username", name)
                    .param("password", PUPPET_PASSWORD).param("roles", refused[i]).param("orgs", orgs[i]))
                    .andExpect(status().is3xxRedirection());
            assertThat(users.exists(name)).isFalse();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM account_change WHERE username = ?").param(name).query(Long.class).single())
                    .isZero();
        }
        String liaison = unique("unit");
        mvc.perform(post("/admin/users").with(signedIn(adminA)).with(csrf()).param("username", liaison)
                .param("password", PUPPET_PASSWORD).param("roles", "UNIT").param("orgs", school))
                .andExpect(status().is3xxRedirection());
        assertThat(users.exists(liaison)).isFalse();
        mvc.perform(post("/admin/account-changes/" + pendingChange(liaison) + "/confirm").with(signedIn(adminB)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(users.exists(liaison)).isTrue();
        assertThat(jdbc.sql("SELECT scope_orgs FROM app_user WHERE username = ?").param(liaison).query(String.class).single())
                .isEqualTo(school);
    }

    @Test
    void anAdministratorHoldsNoReviewersOrAuthorsRole() throws Exception {
        for (String role : new String[] {"SUPERVISOR", "INSPECTOR", "RULE_AUTHOR"}) {
            String name = unique("mixed");
            createUser(adminA, name, "ADMIN", role);
            assertThat(users.exists(name)).isFalse();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM account_change WHERE username = ?").param(name).query(Long.class).single())
                    .isZero();
        }
    }

    @Test
    void theAdminPageListsPendingChangesWithTheirActions() throws Exception {
        String puppet = unique("puppet");
        createUser(adminA, puppet, "SUPERVISOR");
        String page = mvc.perform(get("/admin/users").with(signedIn(adminB))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("account-changes").contains(puppet).contains("/admin/account-changes/" + pendingChange(puppet) + "/confirm");
    }

    private boolean enabled(String username) {
        return jdbc.sql("SELECT enabled FROM app_user WHERE username = ?").param(username).query(Boolean.class).single();
    }
}
