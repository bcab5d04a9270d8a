package lianshao.contract;

import static lianshao.contract.ContractFacts.PROCUREMENT_METHODS;
import static lianshao.contract.ContractFacts.REQUIRED_PAYLOAD_FIELDS;
import static lianshao.contract.ContractFacts.refs;
import static lianshao.contract.ExpectedMessages.BLANK;
import static lianshao.contract.ExpectedMessages.BODY_NOT_OBJECT;
import static lianshao.contract.ExpectedMessages.CONTROL;
import static lianshao.contract.ExpectedMessages.DECIMALS;
import static lianshao.contract.ExpectedMessages.INVALID_DATE;
import static lianshao.contract.ExpectedMessages.INVALID_TIMESTAMP;
import static lianshao.contract.ExpectedMessages.NEGATIVE_AMOUNT;
import static lianshao.contract.ExpectedMessages.NEGATIVE_NUMBER;
import static lianshao.contract.ExpectedMessages.NOT_ARRAY;
import static lianshao.contract.ExpectedMessages.NOT_BOOLEAN;
import static lianshao.contract.ExpectedMessages.NOT_INTEGER;
import static lianshao.contract.ExpectedMessages.NOT_NUMBER;
import static lianshao.contract.ExpectedMessages.NOT_OBJECT;
import static lianshao.contract.ExpectedMessages.NOT_STRING;
import static lianshao.contract.ExpectedMessages.REQUIRED;
import static lianshao.contract.ExpectedMessages.TOO_LARGE;
import static lianshao.contract.ExpectedMessages.UNKNOWN;
import static lianshao.contract.ExpectedMessages.atLeast;
import static lianshao.contract.ExpectedMessages.between;
import static lianshao.contract.ExpectedMessages.notBefore;
import static lianshao.contract.ExpectedMessages.oneOf;
import static lianshao.contract.ExpectedMessages.tooLong;
import static lianshao.contract.ExpectedMessages.tooMany;
import static lianshao.contract.ExpectedMessages.unknownOf;
import static lianshao.contract.TestJson.envelope;
import static lianshao.contract.TestJson.json;
import static lianshao.contract.TestJson.remove;
import static lianshao.contract.TestJson.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Envelopes the contract rejects: every error on its exact field, with its exact message. */
class EnvelopeErrorsTest {

    private final ContractValidator validator = new ContractValidator();

    private List<FieldError> validate(JsonNode envelope) {
        return validator.validateEnvelope(envelope);
    }

    private static FieldError error(String field, String message) {
        return new FieldError(field, message);
    }

    static Stream<Arguments> requiredPayloadFields() {
        return REQUIRED_PAYLOAD_FIELDS.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(field -> arguments(e.getKey(), field)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredPayloadFields")
    void missingRequiredPayloadFieldIsReported(Domain domain, String field) {
        assertThat(validate(remove(envelope(domain, "full"), "payload." + field)))
                .containsExactly(error("payload." + field, REQUIRED));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("requiredPayloadFields")
    void explicitNullCountsAsMissing(Domain domain, String field) {
        assertThat(validate(set(envelope(domain, "minimal"), "payload." + field, "null")))
                .containsExactly(error("payload." + field, REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"domain", "source", "externalId", "orgCode", "occurredAt", "payload"})
    void missingEnvelopeFieldIsReported(String field) {
        assertThat(validate(remove(envelope(Domain.valueOf("PROCUREMENT"), "full"), field)))
                .containsExactly(error(field, REQUIRED));
    }

    @Test
    void missingPayloadIsReported() {
        assertThat(validate(remove(envelope(Domain.valueOf("TENDER"), "minimal"), "payload")))
                .containsExactly(error("payload", REQUIRED));
    }

    static Stream<Arguments> requiredItemFields() {
        return Stream.of(
                arguments(Domain.valueOf("TENDER"), "payload.bids[1].price"),
                arguments(Domain.valueOf("TENDER"), "payload.bids[0].disqualified"),
                arguments(Domain.valueOf("TENDER"), "payload.evaluators[0].randomlySelected"),
                arguments(Domain.valueOf("TENDER"), "payload.contractVariations[1].reason"),
                arguments(Domain.valueOf("TENDER"), "payload.subcontracts[0].mainWork"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.payments[1].payeeRef"),
                arguments(Domain.valueOf("ADMISSION"), "payload.fees[1].amount"),
                arguments(Domain.valueOf("ADMISSION"), "payload.bonusItems[0].publicized"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("requiredItemFields")
    void missingRequiredFieldOfAnArrayItemIsReported(Domain domain, String path) {
        assertThat(validate(remove(envelope(domain, "full"), path))).containsExactly(error(path, REQUIRED));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                // envelope
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "\"2026-03-01T09:30:00\"", INVALID_TIMESTAMP),
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "\"2026-03-01\"", INVALID_TIMESTAMP),
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "\"2026-02-30T09:30:00+08:00\"", INVALID_TIMESTAMP),
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "1772328600", INVALID_TIMESTAMP),
                arguments(Domain.valueOf("PROCUREMENT"), "source", "\"   \"", BLANK),
                arguments(Domain.valueOf("PROCUREMENT"), "source", "42", NOT_STRING),
                arguments(Domain.valueOf("PROCUREMENT"), "source", "\"" + "s".repeat(129) + "\"", tooLong(128)),
                arguments(Domain.valueOf("PROCUREMENT"), "externalId", "\"CG-1\\nCG-2\"", CONTROL),
                arguments(Domain.valueOf("PROCUREMENT"), "externalId", "\"\"", BLANK),
                arguments(Domain.valueOf("PROCUREMENT"), "orgCode", "\"" + "o".repeat(65) + "\"", tooLong(64)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload", "[]", NOT_OBJECT),
                arguments(Domain.valueOf("PROCUREMENT"), "payload", "\"{}\"", NOT_OBJECT),
                arguments(Domain.valueOf("PROCUREMENT"), "domain", "\"procurement\"", oneOf(Domain.values().stream().map(Domain::name).toArray(String[]::new))),
                // PROCUREMENT
                arguments(Domain.valueOf("PROCUREMENT"), "payload.method", "\"OPEN\"", oneOf(PROCUREMENT_METHODS)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.method", "\"open_tender\"", oneOf(PROCUREMENT_METHODS)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.method", "1", oneOf(PROCUREMENT_METHODS)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.approverRole", "\"VICE\"",
                        oneOf("PRINCIPAL", "DEPUTY", "DEPARTMENT_HEAD", "OTHER")),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "-1", NEGATIVE_AMOUNT),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "12.345", DECIMALS),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "\"12.50\"", NOT_NUMBER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "true", NOT_NUMBER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.unitPrice", "1.005", DECIMALS),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.originalContractAmount", "-0.01", NEGATIVE_AMOUNT),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.quantity", "-2", NEGATIVE_NUMBER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.quantity", "\"60\"", NOT_NUMBER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "\"2026\"", NOT_INTEGER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "2026.0", NOT_INTEGER),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "1899", between(1900, 2200)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "99999999999", TOO_LARGE),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.invitedCount", "-1", atLeast(0)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.chosenRank", "0", atLeast(1)),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.staffRefs[0]", "\"  \"", BLANK),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.staffRefs[0]", "5", NOT_STRING),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.panelRefs", "\"P-EXP-701\"", NOT_ARRAY),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.payments[1].on", "\"2026-13-01\"", INVALID_DATE),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.payments[0].amount", "149900.001", DECIMALS),
                // RESEARCH_FUND
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.paidOn", "\"2026-02-30\"", INVALID_DATE),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.invoiceDate", "\"2026-6-17\"", INVALID_DATE),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.invoiceDate", "\"20260617\"", INVALID_DATE),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.invoiceDate", "\"+2026-06-17\"", INVALID_DATE),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.invoiceDate", "\"2026-06-17T00:00:00+08:00\"",
                        INVALID_DATE),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.payeeSalaried", "\"false\"", NOT_BOOLEAN),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.expertDays", "-0.5", NEGATIVE_NUMBER),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.description", "\"" + "述".repeat(2001) + "\"",
                        tooLong(2000)),
                arguments(Domain.valueOf("RESEARCH_FUND"), "payload.projectEnd", "\"2024-12-31\"", notBefore("projectStart")),
                // TENDER
                arguments(Domain.valueOf("TENDER"), "payload.bids[0].submittedAt", "\"2026-02-24T15:20:00\"",
                        INVALID_TIMESTAMP),
                arguments(Domain.valueOf("TENDER"), "payload.bids[1].price", "-4700000", NEGATIVE_AMOUNT),
                arguments(Domain.valueOf("TENDER"), "payload.bids[1].price", "\"4700000\"", NOT_NUMBER),
                arguments(Domain.valueOf("TENDER"), "payload.bids[1]", "\"P-ORG-102\"", NOT_OBJECT),
                arguments(Domain.valueOf("TENDER"), "payload.bids", "{}", NOT_ARRAY),
                arguments(Domain.valueOf("TENDER"), "payload.contractVariations[1].amount", "-35000.255", DECIMALS),
                arguments(Domain.valueOf("TENDER"), "payload.evaluators[0].recused", "null", REQUIRED),
                arguments(Domain.valueOf("TENDER"), "payload.publicityEnd", "\"2026-03-01\"", notBefore("publicityStart")),
                arguments(Domain.valueOf("TENDER"), "payload.awardCriterion", "\"CHEAPEST\"",
                        oneOf("LOWEST_PRICE", "COMPREHENSIVE")),
                arguments(Domain.valueOf("TENDER"), "payload.candidates[2]", "null", NOT_STRING),
                // RECRUITMENT
                arguments(Domain.valueOf("RECRUITMENT"), "payload.hired", "\"true\"", NOT_BOOLEAN),
                arguments(Domain.valueOf("RECRUITMENT"), "payload.finalRank", "0", atLeast(1)),
                arguments(Domain.valueOf("RECRUITMENT"), "payload.openings", "1.5", NOT_INTEGER),
                arguments(Domain.valueOf("RECRUITMENT"), "payload.publicityEnd", "\"2026-04-30\"",
                        notBefore("publicityStart")),
                // ADMISSION
                arguments(Domain.valueOf("ADMISSION"), "payload.guardianRefs[0]", "\"\"", BLANK),
                arguments(Domain.valueOf("ADMISSION"), "payload.criteriaUsed[1]", "\"INTERVIEWS\"",
                        oneOf("SCHOOL_EXAM", "TRAINING_INSTITUTION_RESULT", "COMPETITION_CERTIFICATE",
                                "GRADE_CERTIFICATE", "INTERVIEW")),
                arguments(Domain.valueOf("ADMISSION"), "payload.examScore", "-1", NEGATIVE_NUMBER),
                arguments(Domain.valueOf("ADMISSION"), "payload.admissionWindowClose", "\"2026-06-30\"",
                        notBefore("admissionWindowStart")),
                arguments(Domain.valueOf("ADMISSION"), "payload.fees[0].type", "\"BRIBE\"",
                        oneOf("TUITION", "BOARDING", "DONATION", "SELECTION_FEE", "CO_BUILDING_FEE", "OTHER")),
                arguments(Domain.valueOf("ADMISSION"), "payload.bonusItems[0].publicized", "1", NOT_BOOLEAN),
                arguments(Domain.valueOf("ADMISSION"), "payload.studentRef", "\"" + "r".repeat(65) + "\"", tooLong(64)),
                arguments(Domain.valueOf("ADMISSION"), "payload.year", "2201", between(1900, 2200)));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("badValues")
    void badValueIsReportedOnItsField(Domain domain, String path, String value, String message) {
        assertThat(validate(set(envelope(domain, "full"), path, value))).containsExactly(error(path, message));
    }

    @Test
    void negativeAmountWithThreeDecimalsGivesBothErrors() {
        ObjectNode envelope = set(envelope(Domain.valueOf("PROCUREMENT"), "full"), "payload.amount", "-1.005");

        assertThat(validate(envelope)).containsExactly(
                error("payload.amount", NEGATIVE_AMOUNT), error("payload.amount", DECIMALS));
    }

    @Test
    void arrayLongerThanTheCapIsOneErrorOnTheArray() {
        ObjectNode envelope = envelope(Domain.valueOf("ADMISSION"), "full");
        set(envelope, "payload.guardianRefs", refs(1001));

        assertThat(validate(envelope)).containsExactly(error("payload.guardianRefs", tooMany(100)));
    }

    @Test
    void binaryFloatingPointMoneyIsJudgedByItsDecimalText() {
        JsonMapper doublesMapper = JsonMapper.builder().build();
        ObjectNode envelope = (ObjectNode) doublesMapper.readTree(envelope(Domain.valueOf("PROCUREMENT"), "full").toString());

        assertThat(validate(set(envelope, "payload.amount", doublesMapper.readTree("0.1")))).isEmpty();
        assertThat(validate(set(envelope, "payload.amount", doublesMapper.readTree("12.345"))))
                .containsExactly(error("payload.amount", DECIMALS));
        assertThat(validate(set(envelope, "payload.amount", JsonNodeFactory.instance.numberNode(0.1 + 0.2))))
                .containsExactly(error("payload.amount", DECIMALS));
        assertThat(validate(set(envelope, "payload.amount", JsonNodeFactory.instance.numberNode(Double.NaN))))
                .containsExactly(error("payload.amount", NOT_NUMBER));
    }

    @Test
    void unknownPayloadFieldFromAnotherDomainNamesThatDomain() {
        ObjectNode envelope = set(envelope(Domain.valueOf("PROCUREMENT"), "full"), "payload.projectStart", "\"2026-01-01\"");

        assertThat(validate(envelope)).containsExactly(
                error("payload.projectStart", unknownOf("RESEARCH_FUND", "RESEARCH_FUND")));
    }

    @Test
    void unknownPayloadFieldDeclaredByTwoOtherDomainsNamesBoth() {
        ObjectNode envelope = set(envelope(Domain.valueOf("PROCUREMENT"), "full"), "payload.projectCode", "\"P-1\"");

        assertThat(validate(envelope)).containsExactly(
                error("payload.projectCode", unknownOf("TENDER 或 RESEARCH_FUND", "TENDER or RESEARCH_FUND")));
    }

    @Test
    void unknownPayloadFieldOfNoDomainIsPlainUnknown() {
        ObjectNode envelope = set(envelope(Domain.valueOf("TENDER"), "full"), "payload.colour", "\"red\"");

        assertThat(validate(envelope)).containsExactly(error("payload.colour", UNKNOWN));
    }

    @Test
    void unknownFieldInsideAnArrayItemIsPlainUnknown() {
        ObjectNode envelope = set(envelope(Domain.valueOf("TENDER"), "full"), "payload.bids[1].amount", "5");

        assertThat(validate(envelope)).containsExactly(error("payload.bids[1].amount", UNKNOWN));
    }

    @Test
    void unknownEnvelopeFieldIsReported() {
        ObjectNode envelope = set(envelope(Domain.valueOf("TENDER"), "minimal"), "comment", "\"hi\"");

        assertThat(validate(envelope)).containsExactly(error("comment", UNKNOWN));
    }

    @Test
    void payloadOfAnotherDomainIsReportedFieldByField() {
        ObjectNode envelope = envelope(Domain.valueOf("RESEARCH_FUND"), "minimal");
        set(envelope, "domain", "\"PROCUREMENT\"");
        String researchFund = unknownOf("RESEARCH_FUND", "RESEARCH_FUND");

        assertThat(validate(envelope)).containsExactly(
                error("payload.projectCode", unknownOf("TENDER 或 RESEARCH_FUND", "TENDER or RESEARCH_FUND")),
                error("payload.projectStart", researchFund),
                error("payload.projectEnd", researchFund),
                error("payload.piRef", researchFund),
                error("payload.budgetLine", researchFund),
                error("payload.budgetLineAmount", researchFund),
                // amount is a PROCUREMENT field too, and valid
                error("payload.payeeRef", researchFund),
                error("payload.paidOn", researchFund),
                error("payload.paymentMethod", researchFund),
                error("payload.purchaseId", REQUIRED),
                error("payload.fiscalYear", REQUIRED),
                error("payload.budgetProjectCode", REQUIRED),
                error("payload.itemCategory", REQUIRED),
                error("payload.description", REQUIRED),
                error("payload.method", REQUIRED),
                error("payload.supplierRef", REQUIRED),
                error("payload.approverRef", REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"SPORTS\"", "\"tender\"", "7", "null"})
    void payloadFieldsAreNotCheckedWithoutAValidDomain(String domain) {
        ObjectNode envelope = set(envelope(Domain.valueOf("TENDER"), "full"), "domain", domain);
        set(envelope, "payload.bids", "\"not even an array\"");
        set(envelope, "payload.anything", "1");
        String expected = domain.equals("null") ? REQUIRED : oneOf(Domain.values().stream().map(Domain::name).toArray(String[]::new));

        assertThat(validate(envelope)).containsExactly(error("domain", expected));
    }

    @Test
    void payloadMustStillBeAnObjectWithoutAValidDomain() {
        ObjectNode envelope = remove(envelope(Domain.valueOf("TENDER"), "full"), "domain");
        set(envelope, "payload", "[1, 2]");

        assertThat(validate(envelope)).containsExactly(error("payload", NOT_OBJECT), error("domain", REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"envelope\"", "42", "null", "true"})
    void nonObjectBodyIsOneErrorOnTheBody(String body) {
        assertThat(validate(json(body))).containsExactly(error("$", BODY_NOT_OBJECT));
    }

    @Test
    void missingBodyIsOneErrorOnTheBody() {
        assertThat(validate(null)).containsExactly(error("$", BODY_NOT_OBJECT));
    }

    @Test
    void emptyObjectReportsEveryEnvelopeField() {
        assertThat(validate(json("{}"))).extracting(FieldError::field)
                .containsExactly("domain", "source", "externalId", "orgCode", "occurredAt", "payload");
    }

    @Test
    void allErrorsAreReportedOnceInDocumentOrder() {
        ObjectNode envelope = envelope(Domain.valueOf("PROCUREMENT"), "full");
        set(envelope, "source", "\" \"");
        set(envelope, "occurredAt", "\"2026-03-02 10:15\"");
        set(envelope, "payload.amount", "-1.005");
        set(envelope, "payload.method", "\"OPEN\"");
        set(envelope, "payload.payments[0].amount", "\"x\"");
        remove(envelope, "payload.supplierRef");

        assertThat(validate(envelope)).containsExactly(
                error("source", BLANK),
                error("occurredAt", INVALID_TIMESTAMP),
                error("payload.amount", NEGATIVE_AMOUNT),
                error("payload.amount", DECIMALS),
                error("payload.method", oneOf(PROCUREMENT_METHODS)),
                error("payload.payments[0].amount", NOT_NUMBER),
                error("payload.supplierRef", REQUIRED));
    }

    @Test
    void validationDoesNotModifyTheInput() {
        ObjectNode envelope = set(envelope(Domain.valueOf("TENDER"), "full"), "payload.bids[1].price", "-1");
        String before = envelope.toString();

        validate(envelope);

        assertThat(envelope.toString()).isEqualTo(before);
    }
}
