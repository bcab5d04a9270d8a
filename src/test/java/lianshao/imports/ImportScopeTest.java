package lianshao.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/**
 * An import writes only for the organisations of its uploader's binding, and each school's numbering is its
 * own: two schools' ledgers with the same record numbers never overwrite each other, and importing a ledger
 * again changes nothing.
 */
class ImportScopeTest extends ImportTestSupport {

    @Autowired
    private Users users;

    private String schoolIn(String district) throws Exception {
        String code = TestRecords.unique("SCH-IS");
        putJson("/api/v1/orgs/" + code, "{ \"name\": \"学校\", \"type\": \"SCHOOL\", \"district\": \"" + district + "\" }")
                .andExpect(status().isCreated());
        return code;
    }

    private byte[] ledger(List<String[]> rows) throws Exception {
        LedgerFile file = LedgerFile.from(ImportKind.valueOf("PROCUREMENT"));
        for (String[] row : rows) {
            file.row(ImportDomainsTest.procurement(row[0], row[1], new BigDecimal("1200.00"), "INQUIRY"));
        }
        return file.bytes();
    }

    /** Uploads as the signed-in person and waits for the end, reading the progress as them. */
    private JsonNode importAs(String user, byte[] bytes) throws Exception {
        return importAs(user, bytes, "procurement");
    }

    private JsonNode importAs(String user, byte[] bytes, String kind) throws Exception {
        String id = json(upload("l.xlsx", bytes, kind, signedIn(user)).andExpect(status().isAccepted()).andReturn())
                .get("id").asString();
        for (int i = 0; i < 2400; i++) {
            JsonNode status = json(mvc.perform(get("/api/v1/imports/" + id).with(signedIn(user))).andExpect(status().isOk()).andReturn());
            if (!status.get("status").asString().equals("RUNNING")) {
                return status;
            }
            Thread.sleep(50);
        }
        return fail("import " + id + " still running");
    }

    private List<String> orgsOfNumber(String externalId) {
        return jdbc.sql("SELECT org_code FROM record WHERE external_id = ? ORDER BY org_code").param(externalId).query(String.class).list();
    }

    @Test
    void twoSchoolsLedgersWithTheSameNumbersNeverCollideAndImportAgainUnchanged() throws Exception {
        String one = school();
        String two = school();
        String number = TestRecords.unique("CG-2026");
        byte[] first = ledger(List.<String[]>of(new String[] {number, one}));
        JsonNode a = importAs(IMPORTER, first);
        assertThat(a.get("created").asInt()).as(a.toString()).isEqualTo(1);
        JsonNode b = importAs(IMPORTER, ledger(List.<String[]>of(new String[] {number, two})));
        assertThat(b.get("created").asInt()).as("the second school's row is a record of its own: " + b).isEqualTo(1);
        assertThat(orgsOfNumber(number)).containsExactlyInAnyOrder(one, two);

        assertCounts(importAs(IMPORTER, first), 1, 0, 1);
        assertThat(orgsOfNumber(number)).hasSize(2);

        // one ledger holding both schools' rows with the same number: two records, not a duplicate
        String shared = TestRecords.unique("CG-2026");
        JsonNode both = importAs(IMPORTER, ledger(List.of(new String[] {shared, one}, new String[] {shared, two})));
        assertThat(both.get("created").asInt()).as(both.toString()).isEqualTo(2);
        assertThat(orgsOfNumber(shared)).containsExactlyInAnyOrder(one, two);
    }

    @Test
    void aDistrictImporterImportsForItsDistrictOnly() throws Exception {
        String run = TestRecords.unique("D");
        String mine = schoolIn("甲区-" + run);
        String other = schoolIn("乙区-" + run);
        String importer = "imp-" + run;
        users.ensure(importer, PASSWORD, "甲区录入员", Set.of(Role.IMPORTER), "甲区-" + run);
        String ok = TestRecords.unique("CG");
        String refused = TestRecords.unique("CG");
        JsonNode status = importAs(importer, ledger(List.of(new String[] {ok, mine}, new String[] {refused, other})));
        assertCounts(status, 1, 1, 0);
        assertThat(errors(status).toString()).contains(other);
        assertThat(orgsOfNumber(refused)).isEmpty();
        assertThat(orgsOfNumber(ok)).containsExactly(mine);
    }

    @Test
    void aBoundImporterRegistersButDoesNotRewriteAPartyOfNoOrganisation() throws Exception {
        String mine = school();
        String importer = TestRecords.unique("imp-school");
        users.ensure(importer, PASSWORD, "学校录入员", Set.of(Role.IMPORTER), null, Set.of(mine));
        String supplier = TestRecords.unique("ORG-SUP");
        putJson("/api/v1/parties/" + supplier, "{ \"kind\": \"ORGANISATION\", \"name\": \"共用供应商\", \"roles\": [\"SUPPLIER\"], "
                + "\"bankAccount\": \"6222000011112222\" }").andExpect(status().isCreated());
        String fresh = TestRecords.unique("ORG-SUP");
        LedgerFile parties = LedgerFile.from(ImportKind.PARTIES);
        parties.row(ImportTestSupport.m("partyId", supplier, "kind", "ORGANISATION 单位或企业", "name", "共用供应商", "roles", "SUPPLIER",
                "bankAccount", "6222999999999999"));
        parties.row(ImportTestSupport.m("partyId", fresh, "kind", "ORGANISATION 单位或企业", "name", "新供应商", "roles", "SUPPLIER"));
        JsonNode status = importAs(importer, parties.bytes(), "parties");
        assertCounts(status, 1, 1, 0);
        assertThat(errors(status).toString()).contains(supplier);
        assertThat(jdbc.sql("SELECT bank_account FROM party WHERE id = ?").param(supplier).query(String.class).single())
                .isEqualTo("6222000011112222");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM party WHERE id = ?").param(fresh).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anImporterOfOneSchoolImportsForThatSchoolOnly() throws Exception {
        String mine = school();
        String other = school();
        String importer = TestRecords.unique("imp-school");
        users.ensure(importer, PASSWORD, "学校录入员", Set.of(Role.IMPORTER), null, Set.of(mine));
        String ok = TestRecords.unique("CG");
        String refused = TestRecords.unique("CG");
        JsonNode status = importAs(importer, ledger(List.of(new String[] {ok, mine}, new String[] {refused, other})));
        assertCounts(status, 1, 1, 0);
        assertThat(orgsOfNumber(refused)).isEmpty();
    }
}
