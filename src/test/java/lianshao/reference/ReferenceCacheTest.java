package lianshao.reference;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.facts.Org;
import lianshao.facts.Party;

/**
 * The in-memory copy of organisations, leaders, plans and the calendar follows every change: the one made through this
 * instance and, through the stored version, one made by another instance (a second cache over the same database
 * stands for it).
 */
@Tag("database")
class ReferenceCacheTest extends ApiTestSupport {

    @Autowired
    ReferenceCache cache;

    @Autowired
    ReferenceQueries queries;

    @Test
    void aChangeOfReferenceDataIsSeenByTheNextReadOfEveryInstancesCopy() throws Exception {
        ReferenceCache otherInstance = new ReferenceCache(jdbc, queries);
        String code = unique("SCH");
        String leader = unique("P");
        putJson("/api/v1/orgs/" + code, """
                { "name": "清源市缓存中学", "type": "SCHOOL", "district": "东城区", "parentCode": "EDU-DC" }""")
                .andExpect(status().isCreated());
        ReferenceCache.Snapshot before = otherInstance.current();
        assertThat(before.orgs(List.of(code))).extracting(Org::district).containsExactly("东城区");
        assertThat(before.leadersOf(List.of(code))).isEmpty();

        putJson("/api/v1/orgs/" + code, """
                { "name": "清源市缓存中学", "type": "SCHOOL", "district": "西湖区", "parentCode": "EDU-DC" }""")
                .andExpect(status().isOk());
        putJson("/api/v1/parties/" + leader, """
                { "kind": "PERSON", "name": "缓存校长", "orgCode": "%s", "position": "校长", "roles": ["PRINCIPAL"] }"""
                .formatted(code)).andExpect(status().isCreated());
        putJson("/api/v1/admission-plans/" + code + "/2026/JUNIOR", "{ \"quota\": 321 }").andExpect(status().isCreated());
        // a holiday of 2032 this run has not stored yet, so that the calendar changes
        LocalDate holiday = LocalDate.of(2032, 1, 1).plusDays(Math.floorMod(code.hashCode(), 300));
        putJson("/api/v1/calendar/2032", """
                { "holidays": ["%s"], "workdays": [] }""".formatted(holiday)).andExpect(status().is2xxSuccessful());

        for (ReferenceCache instance : List.of(cache, otherInstance)) {
            ReferenceCache.Snapshot now = instance.current();
            assertThat(now).isNotSameAs(before);
            assertThat(now.orgs(List.of(code))).extracting(Org::district).containsExactly("西湖区");
            assertThat(now.leadersOf(List.of(code))).extracting(Party::id).containsExactly(leader);
            assertThat(now.admissionPlan(code, 2026, "JUNIOR")).hasValueSatisfying(p -> assertThat(p.quota()).isEqualTo(321));
            assertThat(now.calendar(List.of(2032)).holidays()).containsExactly(holiday);
            assertThat(now.calendar(List.of(2031, 2033)).holidays()).doesNotContain(holiday);
        }
    }

    @Test
    void anUnchangedVersionKeepsTheCopyAndAnOrganisationMissingFromItIsLookedUp() {
        ReferenceCache.Snapshot first = cache.current();
        assertThat(cache.current()).isSameAs(first);

        String code = unique("SCH");
        registerOrg(code, "东城区"); // written without the reference API: no new version
        assertThat(cache.current()).isSameAs(first);
        assertThat(first.orgs(List.of(code))).extracting(Org::code).containsExactly(code);
    }
}
