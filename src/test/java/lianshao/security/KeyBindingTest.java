package lianshao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;

/**
 * API keys write only for the organisations they are bound to: a records key of district A cannot post for
 * district B (403 naming the orgCode; a batch rejects the item), nor take B's record over by a revision; a
 * reference key of district A cannot move a school, alter B's organisations, or write parties, relations,
 * plans, sanctions of B, nor the city's calendar. Keys from before bindings are flagged on the admin page.
 */
class KeyBindingTest extends ApiTestSupport {

    @Autowired
    private ApiKeys keys;
    @Autowired
    private Users users;

    private String districtA;
    private String districtB;
    private String orgA;
    private String orgB;
    private String keyA;

    @BeforeEach
    void twoDistrictsAndAKeyOfA() throws Exception {
        String run = TestRecords.unique("K");
        districtA = "甲区-" + run;
        districtB = "乙区-" + run;
        orgA = TestRecords.unique("SCH-KA");
        orgB = TestRecords.unique("SCH-KB");
        putJson("/api/v1/orgs/" + orgA, org(districtA)).andExpect(status().isCreated());
        putJson("/api/v1/orgs/" + orgB, org(districtB)).andExpect(status().isCreated());
        keyA = keys.create(TestRecords.SOURCE, EnumSet.allOf(Scope.class), Binding.of(Set.of(districtA), Set.of()), "district A");
    }

    private static String org(String district) {
        return "{ \"name\": \"学校\", \"type\": \"SCHOOL\", \"district\": \"" + district + "\" }";
    }

    private ResultActions asA(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.header("X-Api-Key", keyA).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aRecordsKeyPostsForItsDistrictOnly() throws Exception {
        long[] before = storedRows();
        asA(post("/api/v1/records"), TestRecords.smallPurchase(orgB).toString()).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(orgB));
        assertThat(storedRows()).containsExactly(before);
        asA(post("/api/v1/records"), TestRecords.smallPurchase(orgA).toString()).andExpect(status().isCreated());

        JsonNode batch = json(asA(post("/api/v1/records/batch"), TestRecords.batch(TestRecords.smallPurchase(orgA),
                TestRecords.smallPurchase(orgB))).andExpect(status().isOk()).andReturn());
        assertThat(batch.get("accepted").asInt()).isEqualTo(1);
        JsonNode refused = batch.get("results").get(1);
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("orgCode");
        assertThat(refused.get("errors").get(0).get("message").asString()).contains(orgB);
    }

    @Test
    void aRecordsKeyCannotTakeAnotherDistrictsRecordOverByARevision() throws Exception {
        var ofB = TestRecords.smallPurchase(orgB);
        postJson("/api/v1/records", ofB.toString()).andExpect(status().isCreated());
        TestRecords.set(ofB, "orgCode", orgA);
        asA(post("/api/v1/records"), ofB.toString()).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT org_code FROM record WHERE source = ? AND external_id = ?")
                .params(TestRecords.SOURCE, ofB.get("externalId").asString()).query(String.class).single()).isEqualTo(orgB);
    }

    @Test
    void aReferenceKeyWritesOrganisationsOfItsDistrictOnlyAndMovesNone() throws Exception {
        asA(put("/api/v1/orgs/" + orgA), org(districtB)).andExpect(status().isForbidden())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(orgA));
        asA(put("/api/v1/orgs/" + orgB), org(districtA)).andExpect(status().isForbidden());
        asA(put("/api/v1/orgs/" + orgB), "{ \"name\": \"改名\", \"type\": \"SCHOOL\", \"district\": \"" + districtB + "\" }")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT district FROM org WHERE code = ?").param(orgA).query(String.class).single()).isEqualTo(districtA);
        String fresh = TestRecords.unique("SCH-KN");
        asA(put("/api/v1/orgs/" + fresh), org(districtA)).andExpect(status().isCreated());
        asA(put("/api/v1/orgs/" + TestRecords.unique("SCH-KN")), org(districtB)).andExpect(status().isForbidden());

        JsonNode batch = json(asA(post("/api/v1/orgs/batch"), "{ \"items\": [ { \"orgCode\": \"" + TestRecords.unique("SCH-KN")
                + "\", \"name\": \"新校\", \"type\": \"SCHOOL\", \"district\": \"" + districtA + "\" }, { \"orgCode\": \"" + orgB
                + "\", \"name\": \"新名\", \"type\": \"SCHOOL\", \"district\": \"" + districtB + "\" } ] }")
                .andExpect(status().isOk()).andReturn());
        assertThat(batch.get("accepted").asInt()).isEqualTo(1);
        assertThat(batch.get("results").get(1).get("status").asString()).isEqualTo("REJECTED");

        // a key of one school does not move it either
        String schoolKey = keys.create(TestRecords.SOURCE, EnumSet.of(Scope.REFERENCE), Binding.of(Set.of(), Set.of(orgA)), "school A");
        mvc.perform(put("/api/v1/orgs/" + orgA).header("X-Api-Key", schoolKey).contentType(MediaType.APPLICATION_JSON)
                .content(org(districtB))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/orgs/" + orgA).header("X-Api-Key", schoolKey).contentType(MediaType.APPLICATION_JSON)
                .content("{ \"name\": \"甲校新名\", \"type\": \"SCHOOL\", \"district\": \"" + districtA + "\" }")).andExpect(status().isOk());
    }

    @Test
    void aReferenceKeyWritesPartiesRelationsPlansAndSanctionsOfItsDistrictOnly() throws Exception {
        String partyB = TestRecords.unique("P-B");
        putJson("/api/v1/parties/" + partyB, person(orgB)).andExpect(status().isCreated());
        asA(put("/api/v1/parties/" + TestRecords.unique("P-N")), person(orgB)).andExpect(status().isForbidden());
        asA(put("/api/v1/parties/" + partyB), person(orgA)).andExpect(status().isForbidden());
        String partyA = TestRecords.unique("P-A");
        asA(put("/api/v1/parties/" + partyA), person(orgA)).andExpect(status().isCreated());

        asA(post("/api/v1/relations"), "{ \"fromRef\": \"" + partyA + "\", \"toRef\": \"" + partyB + "\", \"kind\": \"SPOUSE\" }")
                .andExpect(status().isForbidden());
        asA(post("/api/v1/sanctions"), "{ \"subjectRef\": \"" + partyB + "\", \"kind\": \"PARTY_DISCIPLINE\", \"form\": 2, \"start\": \"2026-01-01\" }")
                .andExpect(status().isForbidden());
        asA(put("/api/v1/admission-plans/" + orgB + "/2026/PRIMARY"), "{ \"quota\": 100 }").andExpect(status().isForbidden());
        asA(put("/api/v1/admission-plans/" + orgA + "/2026/PRIMARY"), "{ \"quota\": 100 }").andExpect(status().isCreated());
        asA(put("/api/v1/calendar/2031"), "{ \"holidays\": [\"2031-01-01\"], \"workdays\": [] }").andExpect(status().isForbidden());
    }

    @Test
    void aBoundKeyRegistersAPartyOfNoOrganisationButDoesNotRewriteAnExistingOne() throws Exception {
        // a supplier registered by the city, named by records of every school
        String supplier = TestRecords.unique("C-SHARED");
        String company = "{ \"kind\": \"ORGANISATION\", \"name\": \"共用供应商\", \"roles\": [\"SUPPLIER\"], \"bankAccount\": \"6222000011112222\" }";
        putJson("/api/v1/parties/" + supplier, company).andExpect(status().isCreated());
        // district A's key sends it again unchanged (fine) but may not redirect its bank account
        asA(put("/api/v1/parties/" + supplier), company).andExpect(status().isOk());
        asA(put("/api/v1/parties/" + supplier), company.replace("6222000011112222", "6222999999999999"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(supplier)));
        // nor move it into its own school
        asA(put("/api/v1/parties/" + supplier), company.replace("\"roles\"", "\"orgCode\": \"" + orgA + "\", \"roles\""))
                .andExpect(status().isForbidden());
        JsonNode batch = json(asA(post("/api/v1/parties/batch"), "{ \"items\": [ " + company.replace("{ \"kind\"",
                "{ \"partyId\": \"" + supplier + "\", \"kind\"").replace("共用供应商", "改名") + " ] }").andExpect(status().isOk()).andReturn());
        assertThat(batch.get("rejected").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT bank_account FROM party WHERE id = ?").param(supplier).query(String.class).single())
                .isEqualTo("6222000011112222");
        assertThat(jdbc.sql("SELECT name FROM party WHERE id = ?").param(supplier).query(String.class).single()).isEqualTo("共用供应商");

        // it registers a new one, and states a relation between its own staff and the supplier, not between shared parties
        String newSupplier = TestRecords.unique("C-NEW");
        asA(put("/api/v1/parties/" + newSupplier), company).andExpect(status().isCreated());
        String controller = TestRecords.unique("P-OUT");
        putJson("/api/v1/parties/" + controller, "{ \"kind\": \"PERSON\", \"name\": \"外部人员\", \"roles\": [] }")
                .andExpect(status().isCreated());
        asA(post("/api/v1/relations"), "{ \"fromRef\": \"" + controller + "\", \"toRef\": \"" + supplier + "\", \"kind\": \"CONTROLLER\" }")
                .andExpect(status().isForbidden());
        String staff = TestRecords.unique("P-A");
        asA(put("/api/v1/parties/" + staff), person(orgA)).andExpect(status().isCreated());
        asA(post("/api/v1/relations"), "{ \"fromRef\": \"" + staff + "\", \"toRef\": \"" + controller + "\", \"kind\": \"SPOUSE\" }")
                .andExpect(status().isCreated());
        // the city's key changes the shared supplier as before
        putJson("/api/v1/parties/" + supplier, company.replace("6222000011112222", "6222000033334444")).andExpect(status().isOk());
    }

    private static String person(String org) {
        return "{ \"kind\": \"PERSON\", \"name\": \"某人\", \"orgCode\": \"" + org + "\", \"roles\": [\"STAFF\"] }";
    }

    @Test
    void keysFromBeforeBindingsAreFlaggedAndNewKeysAreAlwaysBound() throws Exception {
        users.ensure("test-admin", PASSWORD, "测试管理员", Set.of(Role.ADMIN), null);
        String legacy = keys.create("legacy-feed", EnumSet.of(Scope.RECORDS), "from before bindings");
        String legacyId = keys.authenticate(legacy).orElseThrow().keyId();
        jdbc.sql("UPDATE api_key SET legacy_binding = TRUE WHERE id = ?").param(legacyId).update();
        String page = mvc.perform(get("/admin/api-keys").with(signedIn("test-admin"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("legacy-binding").contains(districtA);

        long before = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
        mvc.perform(post("/admin/api-keys").with(signedIn("test-admin")).with(csrf()).param("source", "unbound-feed")
                .param("scopes", "RECORDS")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single()).isEqualTo(before);
        mvc.perform(post("/admin/api-keys").with(signedIn("test-admin")).with(csrf()).param("source", "bound-feed")
                .param("scopes", "RECORDS").param("districts", districtA)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT bound_districts FROM api_key WHERE source = 'bound-feed'").query(String.class).list())
                .contains(districtA);
    }

    @Test
    void aDistrictsAdministratorManagesKeysAndPeopleOfThatDistrictOnly() throws Exception {
        String adminA = TestRecords.unique("adm-a");
        users.ensure(adminA, PASSWORD, "甲区管理员", Set.of(Role.ADMIN), districtA);
        String keyB = keys.create("feed-b", EnumSet.of(Scope.RECORDS), Binding.of(Set.of(districtB), Set.of()), "district B");
        String keyBId = keys.authenticate(keyB).orElseThrow().keyId();

        String page = mvc.perform(get("/admin/api-keys").with(signedIn(adminA))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains(districtA).doesNotContain(districtB);
        mvc.perform(post("/admin/api-keys/" + keyBId + "/revoke").with(signedIn(adminA)).with(csrf())).andExpect(status().isNotFound());
        assertThat(keys.authenticate(keyB)).isPresent();

        long before = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single();
        mvc.perform(post("/admin/api-keys").with(signedIn(adminA)).with(csrf()).param("source", "city-feed").param("scopes", "RECORDS")
                .param("wholeCity", "true")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/api-keys").with(signedIn(adminA)).with(csrf()).param("source", "b-feed").param("scopes", "RECORDS")
                .param("districts", districtB)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/api-keys").with(signedIn(adminA)).with(csrf()).param("source", "b-feed").param("scopes", "RECORDS")
                .param("orgs", orgB)).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Long.class).single()).isEqualTo(before);

        String newUser = TestRecords.unique("u-b");
        mvc.perform(post("/admin/users").with(signedIn(adminA)).with(csrf()).param("username", newUser).param("password", "a-long-password")
                .param("roles", "INSPECTOR").param("district", districtB)).andExpect(status().is3xxRedirection());
        assertThat(users.exists(newUser)).isFalse();
    }
}
