package lianshao.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * The search box: within the searcher's district, by name (wildcards literal), by ID number (its hash only, never kept
 * or logged in clear), by warning and record number; refused to feeds, importers and unit liaisons; logged.
 */
class SearchTest extends ApiTestSupport {

    @Autowired
    private Users users;

    private String run;
    private String orgA;
    private String orgB;
    private String inspectorA;

    @BeforeEach
    void twoDistricts() throws Exception {
        run = TestRecords.unique("S").substring(2);
        orgA = TestRecords.unique("SCH-SA");
        orgB = TestRecords.unique("SCH-SB");
        putJson("/api/v1/orgs/" + orgA, "{ \"name\": \"甲区检索学校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"甲区-" + run + "\" }")
                .andExpect(status().isCreated());
        putJson("/api/v1/orgs/" + orgB, "{ \"name\": \"乙区检索学校" + run + "\", \"type\": \"SCHOOL\", \"district\": \"乙区-" + run + "\" }")
                .andExpect(status().isCreated());
        inspectorA = "search-insp-" + run;
        users.ensure(inspectorA, PASSWORD, "甲区纪检员", Set.of(Role.INSPECTOR), "甲区-" + run);
    }

    private void party(String id, String name, String org) throws Exception {
        putJson("/api/v1/parties/" + id, "{ \"kind\": \"PERSON\", \"name\": \"" + name + "\", \"orgCode\": \"" + org + "\" }")
                .andExpect(status().is2xxSuccessful());
    }

    /** A large inquiry of the organisation approved by the party: one warning naming it. Returns the reply. */
    private JsonNode inquiryApprovedBy(String org, String approver) throws Exception {
        ObjectNode record = TestRecords.largeInquiry(org);
        TestRecords.set(record, "payload.approverRef", approver);
        return json(postJson("/api/v1/records", record.toString()).andExpect(status().isCreated()).andReturn());
    }

    private JsonNode search(String user, String q, String kind) throws Exception {
        var request = get("/api/v1/search").param("q", q).with(signedIn(user));
        if (kind != null) {
            request = request.param("kind", kind);
        }
        return json(mvc.perform(request).andExpect(status().isOk()).andReturn());
    }

    private static List<String> ids(JsonNode results, String group) {
        List<String> ids = new ArrayList<>();
        for (JsonNode g : results.get("groups")) {
            if (g.get("kind").asString().equals(group)) {
                g.get("items").forEach(i -> ids.add(i.get("id").asString()));
            }
        }
        return ids;
    }

    @Test
    void aDistrictInspectorFindsOnlyWhatLiesInTheirDistrict() throws Exception {
        String personA = "P-SA-" + run;
        String personB = "P-SB-" + run;
        party(personA, "欧阳检索" + run + "甲", orgA);
        party(personB, "欧阳检索" + run + "乙", orgB);
        JsonNode replyA = inquiryApprovedBy(orgA, personA);
        JsonNode replyB = inquiryApprovedBy(orgB, personB);
        String warningA = replyA.get("warnings").get(0).get("id").asString();
        String warningB = replyB.get("warnings").get(0).get("id").asString();

        JsonNode mine = search(inspectorA, "欧阳检索" + run, null);
        assertThat(ids(mine, "PARTIES")).containsExactly(personA);
        assertThat(ids(mine, "WARNINGS")).containsExactly(warningA);
        assertThat(ids(mine, "RECORDS")).containsExactly(replyA.get("recordId").asString());
        assertThat(ids(search(inspectorA, "检索学校" + run, "orgs"), "ORGS")).containsExactly(orgA);

        JsonNode city = search(INSPECTOR, "欧阳检索" + run, null);
        assertThat(ids(city, "PARTIES")).containsExactlyInAnyOrder(personA, personB);
        assertThat(ids(city, "WARNINGS")).containsExactlyInAnyOrder(warningA, warningB);

        // by number: district B's warning and record are not found from district A, whatever number is typed
        assertThat(ids(search(inspectorA, warningB, null), "WARNINGS")).isEmpty();
        assertThat(ids(search(inspectorA, replyB.get("recordId").asString(), null), "RECORDS")).isEmpty();
        assertThat(ids(search(inspectorA, warningA, null), "WARNINGS")).containsExactly(warningA);
        String shortA = warningA.substring(warningA.length() - 8);
        JsonNode byShort = search(inspectorA, shortA.toUpperCase(), "warnings");
        assertThat(ids(byShort, "WARNINGS")).containsExactly(warningA);
        assertThat(byShort.get("groups").get(0).get("items").get(0).get("number").asString()).isEqualTo(shortA);
        assertThat(byShort.get("groups").get(0).get("label").asString()).isEqualTo("预警");

        // labels name the organisation, not its code
        JsonNode warningHit = mine.get("groups").get(2).get("items").get(0);
        assertThat(warningHit.get("label").asString()).contains("甲区检索学校" + run).contains("采购");
        assertThat(warningHit.get("link").asString()).isEqualTo("/warnings/" + warningA);
    }

    @Test
    void anIdNumberIsMatchedOnItsHashAndNeverKeptInClear() throws Exception {
        String idNumber = idNumberEndingInX();
        String hash = sha256(idNumber);
        ObjectNode admissionA = TestRecords.exceptionAdmission(orgA, TestRecords.unique("G"), TestRecords.unique("APP"));
        TestRecords.set(admissionA, "payload.identityHash", hash);
        ObjectNode admissionB = TestRecords.exceptionAdmission(orgB, TestRecords.unique("G"), TestRecords.unique("APP"));
        TestRecords.set(admissionB, "payload.identityHash", hash);
        String recordA = json(postJson("/api/v1/records", admissionA.toString()).andExpect(status().isCreated()).andReturn())
                .get("recordId").asString();
        String recordB = json(postJson("/api/v1/records", admissionB.toString()).andExpect(status().isCreated()).andReturn())
                .get("recordId").asString();

        // typed with a lower-case check character: the same identity
        String typed = idNumber.substring(0, 17) + "x";
        JsonNode mine = search(inspectorA, typed, null);
        assertThat(ids(mine, "RECORDS")).containsExactly(recordA);
        assertThat(mine.path("query").isMissingNode() || mine.get("query").isNull()).as("the ID number is not echoed").isTrue();
        assertThat(mine.get("idNumberHashPrefix").asString()).isEqualTo(hash.substring(0, 8));
        assertThat(mine.toString()).doesNotContain(idNumber.substring(0, 17));
        assertThat(ids(search(INSPECTOR, idNumber, "records"), "RECORDS")).containsExactlyInAnyOrder(recordA, recordB);

        String logged = jdbc.sql("SELECT target FROM access_log WHERE username = ? AND kind = 'SEARCH' ORDER BY opened_at DESC, id DESC LIMIT 1")
                .param(inspectorA).query(String.class).single();
        assertThat(logged).contains(hash.substring(0, 8)).doesNotContain(idNumber.substring(0, 17)).doesNotContain(idNumber.substring(6, 14));
        String seventeen = idNumber.substring(0, 17);
        for (String[] column : new String[][] {{"access_log", "target"}, {"record_revision", "envelope"}, {"record_key", "key_value"},
                {"warning", "evidence"}, {"warning", "message"}}) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + column[0] + " WHERE " + column[1] + " LIKE ?").param("%" + seventeen + "%")
                    .query(Long.class).single()).as(column[0] + "." + column[1] + " holds no ID number in clear").isZero();
        }

        // a mistyped ID number is refused, not searched as text, and not logged
        long searches = jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ?").param(inspectorA).query(Long.class).single();
        char wrong = idNumber.charAt(17) == 'X' ? '0' : 'X';
        JsonNode problem = json(mvc.perform(get("/api/v1/search").param("q", seventeen + wrong).with(signedIn(inspectorA)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ?").param(inspectorA).query(Long.class).single())
                .isEqualTo(searches);
    }

    @Test
    void likeWildcardsAreTakenLiterally() throws Exception {
        String percent = "P-PCT-" + run;
        String plain = "P-PLN-" + run;
        String underscore = "P-USC-" + run;
        party(percent, "折扣%" + run, orgA);
        party(plain, "折扣之" + run, orgA);
        party(underscore, "折扣_" + run, orgA);

        assertThat(ids(search(INSPECTOR, "%" + run, "parties"), "PARTIES")).containsExactly(percent);
        assertThat(ids(search(INSPECTOR, "_" + run, "parties"), "PARTIES")).containsExactly(underscore);
        assertThat(ids(search(INSPECTOR, "%%", "parties"), "PARTIES")).doesNotContain(plain, underscore);
        assertThat(ids(search(INSPECTOR, "折扣", "parties"), "PARTIES")).contains(percent, plain, underscore);
    }

    @Test
    void everySearchIsLogged() throws Exception {
        search(inspectorA, "无此名称" + run, null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_log WHERE username = ? AND kind = 'SEARCH' AND target = ? AND channel = 'API'")
                .params(inspectorA, "无此名称" + run).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void feedsImportersAndUnitLiaisonsAreRefusedAndBadInputIsNamed() throws Exception {
        String unit = "search-unit-" + run;
        String importer = "search-imp-" + run;
        users.ensure(unit, PASSWORD, "学校联络人", Set.of(Role.UNIT), "甲区-" + run, Set.of(orgA));
        users.ensure(importer, PASSWORD, "导入员", Set.of(Role.IMPORTER), null);
        mvc.perform(get("/api/v1/search").param("q", "检索学校").with(signedIn(unit))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/search").param("q", "检索学校").with(signedIn(importer))).andExpect(status().isForbidden());
        mvc.perform(withKey(get("/api/v1/search")).param("q", "检索学校")).andExpect(status().isForbidden());
        mvc.perform(get("/search").param("q", "检索学校").with(signedIn(unit))).andExpect(status().isForbidden());
        mvc.perform(post("/search").param("q", "检索学校").with(csrf()).with(signedIn(importer))).andExpect(status().isForbidden());

        JsonNode shortQuery = json(mvc.perform(get("/api/v1/search").param("q", " 张 ").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(shortQuery.get("errors").get(0).get("field").asString()).isEqualTo("q");
        JsonNode badKind = json(mvc.perform(get("/api/v1/search").param("q", "张三").param("kind", "everything").with(signedIn(INSPECTOR)))
                .andExpect(status().isBadRequest()).andReturn());
        assertThat(badKind.get("errors").get(0).get("field").asString()).isEqualTo("kind");
    }

    @Test
    void theConsolePageShowsNamesWithLinksAndKeepsIdNumbersOut() throws Exception {
        String person = "P-SC-" + run;
        party(person, "司马检索" + run, orgA);
        String warning = inquiryApprovedBy(orgA, person).get("warnings").get(0).get("id").asString();

        String page = mvc.perform(post("/search").param("q", "司马检索" + run).with(csrf()).with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("检索", "人员与对象", "司马检索" + run, "/profiles/" + person, "/warnings/" + warning,
                "甲区检索学校" + run);
        String header = mvc.perform(get("/warnings").with(signedIn(inspectorA))).andReturn().getResponse().getContentAsString();
        assertThat(header).contains("id=\"header-search\"");

        String idNumber = idNumberEndingInX();
        String byId = mvc.perform(post("/search").param("q", idNumber).with(csrf()).with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(byId).contains(sha256(idNumber).substring(0, 8)).doesNotContain(idNumber.substring(0, 17));
        String tooShort = mvc.perform(get("/search").param("q", "司").with(signedIn(inspectorA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(tooShort).contains("至少 2 个字符");
    }

    /** A random, valid 18-character ID number whose check character is X (so case matters to the hash). */
    private static String idNumberEndingInX() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        Random random = new Random();
        while (true) {
            StringBuilder digits = new StringBuilder("110105");
            digits.append(1950 + random.nextInt(60)).append(String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28)));
            digits.append(String.format("%03d", random.nextInt(1000)));
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (digits.charAt(i) - '0') * weights[i];
            }
            if ("10X98765432".charAt(sum % 11) == 'X') {
                return digits + "X";
            }
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
