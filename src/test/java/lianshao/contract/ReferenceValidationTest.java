package lianshao.contract;

import static lianshao.contract.ExpectedMessages.BLANK;
import static lianshao.contract.ExpectedMessages.BODY_NOT_OBJECT;
import static lianshao.contract.ExpectedMessages.HOLIDAY_AND_WORKDAY;
import static lianshao.contract.ExpectedMessages.INVALID_DATE;
import static lianshao.contract.ExpectedMessages.NOT_ARRAY;
import static lianshao.contract.ExpectedMessages.NOT_INTEGER;
import static lianshao.contract.ExpectedMessages.NOT_STRING;
import static lianshao.contract.ExpectedMessages.REQUIRED;
import static lianshao.contract.ExpectedMessages.UNKNOWN;
import static lianshao.contract.ExpectedMessages.atLeast;
import static lianshao.contract.ExpectedMessages.between;
import static lianshao.contract.ExpectedMessages.notBefore;
import static lianshao.contract.ExpectedMessages.oneOf;
import static lianshao.contract.ExpectedMessages.sameAs;
import static lianshao.contract.ExpectedMessages.tooMany;
import static lianshao.contract.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies of the reference-data endpoints (contract section 3). */
class ReferenceValidationTest {

    private static final String ORG_TYPES = oneOf("BUREAU", "SCHOOL", "UNIVERSITY", "KINDERGARTEN", "OTHER");
    private static final String PARTY_KINDS = oneOf("PERSON", "ORGANISATION");
    private static final String ROLES = oneOf("LEADER", "PRINCIPAL", "STAFF", "TEACHER", "STUDENT", "GUARDIAN",
            "SUPPLIER", "EXPERT", "RESEARCHER");
    private static final String RELATION_KINDS = oneOf("SPOUSE", "PARENT", "CHILD", "SIBLING", "IN_LAW",
            "OTHER_RELATIVE", "SHAREHOLDER", "OFFICER", "LEGAL_REPRESENTATIVE", "CONTROLLER", "EMPLOYEE");
    private static final String SANCTION_KINDS = oneOf("FORM_ONE_MEASURE", "PARTY_DISCIPLINE", "GOVERNMENT_SANCTION",
            "ORGANISATIONAL", "CRIMINAL");

    private final ContractValidator validator = new ContractValidator();

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    static Stream<Arguments> validBodies() {
        return Stream.of(
                arguments(ReferenceKind.ORG,
                        "{\"name\":\"第一中学\",\"type\":\"SCHOOL\",\"district\":\"DIST-01\",\"parentCode\":\"BUR-01\"}"),
                arguments(ReferenceKind.ORG, "{\"name\":\"市教育局\",\"type\":\"BUREAU\",\"district\":\"DIST-00\"}"),
                arguments(ReferenceKind.PARTY, """
                        {"kind":"ORGANISATION","name":"某科技有限公司","orgCode":null,"position":"供应商",
                         "roles":["SUPPLIER"],"phone":"010-12345678","address":"某市某区某路 1 号",
                         "bankAccount":"6222000011112222","creditCode":"91110000MA01234567",
                         "registeredOn":"2019-04-30"}"""),
                arguments(ReferenceKind.PARTY, """
                        {"kind":"PERSON","name":"张三","orgCode":"SCH-0101","position":"总务主任",
                         "roles":["STAFF","TEACHER","GUARDIAN"]}"""),
                arguments(ReferenceKind.PARTY, "{\"kind\":\"PERSON\",\"name\":\"李四\"}"),
                arguments(ReferenceKind.RELATION, """
                        {"fromRef":"P-1","toRef":"P-ORG-9","kind":"SHAREHOLDER",
                         "validFrom":"2020-01-01","validTo":"2023-06-30"}"""),
                arguments(ReferenceKind.RELATION, """
                        {"fromRef":"P-1","toRef":"P-2","kind":"SPOUSE","validFrom":"2020-01-01","validTo":"2020-01-01"}"""),
                arguments(ReferenceKind.RELATION, "{\"fromRef\":\"P-1\",\"toRef\":\"P-2\",\"kind\":\"SIBLING\"}"),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":450}"),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":0}"),
                arguments(ReferenceKind.SANCTION, """
                        {"subjectRef":"P-1","kind":"PARTY_DISCIPLINE","form":2,"start":"2025-01-01","end":"2026-01-01"}"""),
                arguments(ReferenceKind.SANCTION,
                        "{\"subjectRef\":\"P-1\",\"kind\":\"CRIMINAL\",\"form\":4,\"start\":\"2025-01-01\"}"),
                arguments(ReferenceKind.SANCTION,
                        "{\"subjectRef\":\"P-1\",\"kind\":\"FORM_ONE_MEASURE\",\"form\":1,\"start\":\"2025-01-01\"}"),
                arguments(ReferenceKind.CALENDAR, """
                        {"holidays":["2026-10-01","2026-10-02","2026-10-05"],"workdays":["2026-09-27","2026-10-10"]}"""),
                arguments(ReferenceKind.CALENDAR, "{\"holidays\":[],\"workdays\":[]}"),
                arguments(ReferenceKind.CALENDAR, "{}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validBodies")
    void acceptsValidBody(ReferenceKind kind, String body) {
        assertThat(validator.validateReference(kind, json(body))).isEmpty();
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                // ORG
                arguments(ReferenceKind.ORG, "{}",
                        List.of(error("name", REQUIRED), error("type", REQUIRED), error("district", REQUIRED))),
                arguments(ReferenceKind.ORG, "{\"name\":\"x\",\"type\":\"COLLEGE\",\"district\":\"D\"}",
                        List.of(error("type", ORG_TYPES))),
                arguments(ReferenceKind.ORG, "{\"name\":\"x\",\"type\":\"SCHOOL\",\"district\":\"D\",\"code\":\"S-1\"}",
                        List.of(error("code", UNKNOWN))),
                arguments(ReferenceKind.ORG, "{\"name\":\" \",\"type\":\"SCHOOL\",\"district\":\"D\",\"parentCode\":1}",
                        List.of(error("name", BLANK), error("parentCode", NOT_STRING))),
                // PARTY
                arguments(ReferenceKind.PARTY, "{\"kind\":\"COMPANY\",\"name\":\"\"}",
                        List.of(error("kind", PARTY_KINDS), error("name", BLANK))),
                arguments(ReferenceKind.PARTY, "{\"kind\":\"PERSON\",\"name\":\"王五\",\"roles\":[\"TEACHER\",\"JANITOR\"]}",
                        List.of(error("roles[1]", ROLES))),
                arguments(ReferenceKind.PARTY, "{\"kind\":\"PERSON\",\"name\":\"王五\",\"roles\":\"TEACHER\"}",
                        List.of(error("roles", NOT_ARRAY))),
                arguments(ReferenceKind.PARTY,
                        "{\"kind\":\"ORGANISATION\",\"name\":\"某公司\",\"registeredOn\":\"2026-02-30\"}",
                        List.of(error("registeredOn", INVALID_DATE))),
                arguments(ReferenceKind.PARTY, "{\"name\":\"王五\",\"partyId\":\"P-1\"}",
                        List.of(error("partyId", UNKNOWN), error("kind", REQUIRED))),
                // RELATION
                arguments(ReferenceKind.RELATION, "{\"fromRef\":\"P-1\",\"toRef\":\"P-1\",\"kind\":\"SPOUSE\"}",
                        List.of(error("toRef", sameAs("fromRef")))),
                arguments(ReferenceKind.RELATION, """
                        {"fromRef":"P-1","toRef":"P-2","kind":"SPOUSE","validFrom":"2020-01-02","validTo":"2020-01-01"}""",
                        List.of(error("validTo", notBefore("validFrom")))),
                arguments(ReferenceKind.RELATION, "{\"fromRef\":\"P-1\",\"toRef\":\"P-2\",\"kind\":\"FRIEND\"}",
                        List.of(error("kind", RELATION_KINDS))),
                arguments(ReferenceKind.RELATION, "{\"fromRef\":\"P-1\",\"kind\":\"SPOUSE\",\"validFrom\":\"2020\"}",
                        List.of(error("validFrom", INVALID_DATE), error("toRef", REQUIRED))),
                // ADMISSION_PLAN
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":-1}", List.of(error("quota", atLeast(0)))),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":\"450\"}", List.of(error("quota", NOT_INTEGER))),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":450.5}", List.of(error("quota", NOT_INTEGER))),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":null}", List.of(error("quota", REQUIRED))),
                arguments(ReferenceKind.ADMISSION_PLAN, "{\"quota\":1,\"year\":2026}", List.of(error("year", UNKNOWN))),
                // SANCTION
                arguments(ReferenceKind.SANCTION,
                        "{\"subjectRef\":\"P-1\",\"kind\":\"CRIMINAL\",\"form\":5,\"start\":\"2025-01-01\"}",
                        List.of(error("form", between(1, 4)))),
                arguments(ReferenceKind.SANCTION,
                        "{\"subjectRef\":\"P-1\",\"kind\":\"CRIMINAL\",\"form\":0,\"start\":\"2025-01-01\"}",
                        List.of(error("form", between(1, 4)))),
                arguments(ReferenceKind.SANCTION, """
                        {"subjectRef":"P-1","kind":"ORGANISATIONAL","form":3,"start":"2025-01-01","end":"2024-12-31"}""",
                        List.of(error("end", notBefore("start")))),
                arguments(ReferenceKind.SANCTION, "{\"subjectRef\":\"P-1\",\"kind\":\"WARNING\",\"form\":1}",
                        List.of(error("kind", SANCTION_KINDS), error("start", REQUIRED))),
                // CALENDAR
                arguments(ReferenceKind.CALENDAR, "{\"holidays\":[\"2026-10-01\",\"2026-10-32\"]}",
                        List.of(error("holidays[1]", INVALID_DATE))),
                arguments(ReferenceKind.CALENDAR,
                        "{\"holidays\":[\"2026-10-01\",\"2026-10-02\"],\"workdays\":[\"2026-10-10\",\"2026-10-02\"]}",
                        List.of(error("workdays[1]", HOLIDAY_AND_WORKDAY))),
                arguments(ReferenceKind.CALENDAR, "{\"holidays\":\"2026-10-01\"}", List.of(error("holidays", NOT_ARRAY))),
                arguments(ReferenceKind.CALENDAR, "{\"year\":2026,\"workdays\":[null]}",
                        List.of(error("year", UNKNOWN), error("workdays[0]", INVALID_DATE))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidBodies")
    void reportsEveryErrorOnItsField(ReferenceKind kind, String body, List<FieldError> expected) {
        assertThat(validator.validateReference(kind, json(body))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(ReferenceKind.class)
    void nonObjectBodyIsOneErrorOnTheBody(ReferenceKind kind) {
        assertThat(validator.validateReference(kind, json("[]"))).containsExactly(error("$", BODY_NOT_OBJECT));
        assertThat(validator.validateReference(kind, null)).containsExactly(error("$", BODY_NOT_OBJECT));
    }

    @Test
    void calendarArraysAreCapped() {
        StringBuilder holidays = new StringBuilder("[");
        for (int day = 0; day < 367; day++) {
            holidays.append(day == 0 ? "" : ",").append('"').append(LocalDate.of(2026, 1, 1).plusDays(day))
                    .append('"');
        }
        String body = "{\"holidays\":" + holidays + "]}";

        assertThat(validator.validateReference(ReferenceKind.CALENDAR, json(body)))
                .containsExactly(error("holidays", tooMany(366)));
    }

    @Test
    void kindIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> validator.validateReference(null, json("{}")));
    }
}
