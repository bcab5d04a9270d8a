package lianshao.reference;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import lianshao.ApiTestSupport;
import lianshao.security.ApiKeys;
import lianshao.security.Scope;

class ReferenceApiTest extends ApiTestSupport {

    @Autowired
    ApiKeys keys;

    @Test
    void anOrganisationIsCreatedThenUnchangedThenUpdated() throws Exception {
        String code = unique("SCH");
        String body = """
                { "name": "清源市测试中学", "type": "SCHOOL", "district": "东城区", "parentCode": "EDU-DC" }""";
        putJson("/api/v1/orgs/" + code, body).andExpect(status().isCreated())
                .andExpect(jsonPath("$.orgCode").value(code)).andExpect(jsonPath("$.status").value("CREATED"));
        putJson("/api/v1/orgs/" + code, body).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNCHANGED"));
        putJson("/api/v1/orgs/" + code, body.replace("东城区", "西湖区")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPDATED"));
        assertThat(jdbc.sql("SELECT district FROM org WHERE code = ?").param(code).query(String.class).single()).isEqualTo("西湖区");
    }

    @Test
    void badReferenceDataIs400NamingTheFieldAndStoresNothing() throws Exception {
        String code = unique("SCH");
        putJson("/api/v1/orgs/" + code, """
                { "name": "x", "type": "HOSPITAL", "district": "东城区" }""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org WHERE code = ?").param(code).query(Integer.class).single()).isZero();

        putJson("/api/v1/parties/" + unique("P"), """
                { "kind": "PERSON", "name": "张三", "roles": ["LEADER", "KING"] }""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("roles[1]"));
        postJson("/api/v1/relations", """
                { "fromRef": "P-1", "toRef": "P-2", "kind": "SPOUSE", "validFrom": "2026-02-30" }""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("validFrom"));
        putJson("/api/v1/admission-plans/" + code + "/2026/NURSERY", "{ \"quota\": 10 }")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stage"));
        putJson("/api/v1/admission-plans/" + code + "/2026/PRIMARY", "{ \"quota\": -1 }")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("quota"));
        postJson("/api/v1/sanctions", """
                { "subjectRef": "P-1", "kind": "PARTY_DISCIPLINE", "form": 5, "start": "2026-01-01" }""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("form"));
        putJson("/api/v1/calendar/2026", """
                { "holidays": ["2027-01-01"], "workdays": [] }""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("holidays[0]"));
    }

    @Test
    void partiesRelationsPlansSanctionsAndCalendarAreStoredIdempotently() throws Exception {
        String person = unique("P");
        putJson("/api/v1/parties/" + person, """
                { "kind": "PERSON", "name": "李校长", "orgCode": "SCH-X", "position": "校长", "roles": ["PRINCIPAL", "LEADER"],
                  "phone": "13900000000", "bankAccount": "6222000011112222" }""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.partyId").value(person));
        putJson("/api/v1/parties/" + person, """
                { "kind": "PERSON", "name": "李校长", "orgCode": "SCH-X", "position": "校长", "roles": ["LEADER", "PRINCIPAL"],
                  "phone": "13900000000", "bankAccount": "6222000011112222" }""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNCHANGED"));

        String relation = """
                { "fromRef": "%s", "toRef": "%s", "kind": "SIBLING", "validFrom": "2000-01-01" }""".formatted(person, unique("P"));
        String id = json(postJson("/api/v1/relations", relation).andExpect(status().isCreated()).andReturn()).get("id").asString();
        postJson("/api/v1/relations", relation).andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.status").value("UNCHANGED"));

        String org = unique("SCH");
        putJson("/api/v1/admission-plans/" + org + "/2026/JUNIOR", "{ \"quota\": 400 }").andExpect(status().isCreated())
                .andExpect(jsonPath("$.year").value(2026)).andExpect(jsonPath("$.stage").value("JUNIOR"));
        putJson("/api/v1/admission-plans/" + org + "/2026/JUNIOR", "{ \"quota\": 420 }").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPDATED"));

        String sanction = """
                { "subjectRef": "%s", "kind": "FORM_ONE_MEASURE", "form": 1, "start": "2026-01-10", "end": "2026-07-09" }""".formatted(person);
        postJson("/api/v1/sanctions", sanction).andExpect(status().isCreated());
        postJson("/api/v1/sanctions", sanction).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNCHANGED"));

        putJson("/api/v1/calendar/2031", """
                { "holidays": ["2031-10-01", "2031-10-02"], "workdays": ["2031-09-28"] }""").andExpect(status().isCreated());
        putJson("/api/v1/calendar/2031", """
                { "holidays": ["2031-10-02", "2031-10-01"], "workdays": ["2031-09-28"] }""").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UNCHANGED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE cal_year = 2031").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void everyBatchFormAnswersEachItemOnItsOwn() throws Exception {
        String org = unique("SCH");
        postJson("/api/v1/orgs/batch", """
                { "items": [ { "orgCode": "%s", "name": "甲校", "type": "SCHOOL", "district": "南山区" },
                             { "orgCode": "%s", "name": "乙校", "type": "CASTLE", "district": "南山区" } ] }""".formatted(org, unique("SCH")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].status").value("CREATED"))
                .andExpect(jsonPath("$.results[1].status").value("REJECTED"))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("type"));
        postJson("/api/v1/parties/batch", """
                { "items": [ { "partyId": "%s", "kind": "ORGANISATION", "name": "清源建设有限公司", "roles": ["SUPPLIER"], "registeredOn": "2020-05-01" },
                             { "kind": "PERSON", "name": "无编号" } ] }""".formatted(unique("ORG")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("partyId"));
        postJson("/api/v1/relations/batch", """
                { "items": [ { "fromRef": "%s", "toRef": "%s", "kind": "LEGAL_REPRESENTATIVE" },
                             { "fromRef": "A", "toRef": "A", "kind": "SPOUSE" } ] }""".formatted(unique("P"), unique("ORG")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1)).andExpect(jsonPath("$.rejected").value(1));
        postJson("/api/v1/admission-plans/batch", """
                { "items": [ { "orgCode": "%s", "year": 2026, "stage": "PRIMARY", "quota": 200 },
                             { "orgCode": "%s", "year": "twenty", "stage": "PRIMARY", "quota": 200 } ] }""".formatted(org, org))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("year"));
        postJson("/api/v1/sanctions/batch", """
                { "items": [ { "subjectRef": "%s", "kind": "GOVERNMENT_SANCTION", "form": 2, "start": "2026-03-01" } ] }""".formatted(unique("P")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.results[0].status").value("CREATED"));
        postJson("/api/v1/calendar/batch", """
                { "items": [ { "year": 2032, "holidays": ["2032-01-01"] }, { "year": 2033, "holidays": ["2032-05-01"] } ] }""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("holidays[0]"));
        postJson("/api/v1/orgs/batch", "{ \"items\": [] }").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items"));
    }

    @Test
    void referenceDataNeedsTheReferenceScope() throws Exception {
        String recordsOnly = keys.create("test-feed", EnumSet.of(Scope.RECORDS), "records only");
        mvc.perform(put("/api/v1/orgs/" + unique("SCH")).header("X-Api-Key", recordsOnly).contentType(MediaType.APPLICATION_JSON)
                        .content("{ \"name\": \"x\", \"type\": \"SCHOOL\", \"district\": \"东城区\" }"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
