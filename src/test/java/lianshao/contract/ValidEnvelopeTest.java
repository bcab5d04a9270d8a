package lianshao.contract;

import static lianshao.contract.ContractFacts.CONTRACT_FIELD_COUNT;
import static lianshao.contract.ContractFacts.REQUIRED_PAYLOAD_FIELDS;
import static lianshao.contract.ContractFacts.refs;
import static lianshao.contract.TestJson.envelope;
import static lianshao.contract.TestJson.remove;
import static lianshao.contract.TestJson.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Envelopes the contract allows, from complete to minimal, and values at the edge of what is allowed. */
class ValidEnvelopeTest {

    private final ContractValidator validator = new ContractValidator();

    private List<FieldError> validate(JsonNode envelope) {
        return validator.validateEnvelope(envelope);
    }

    @ParameterizedTest
    @MethodSource("lianshao.contract.ContractFacts#v1Domains")
    void fullEnvelopeWithEveryOptionalFieldIsValid(Domain domain) {
        ObjectNode full = envelope(domain, "full");

        assertThat(full.get("payload").size()).isEqualTo(CONTRACT_FIELD_COUNT.get(domain));
        assertThat(validate(full)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("lianshao.contract.ContractFacts#v1Domains")
    void minimalEnvelopeWithOnlyRequiredFieldsIsValid(Domain domain) {
        ObjectNode minimal = envelope(domain, "minimal");

        assertThat(minimal.get("payload").propertyNames())
                .containsExactlyInAnyOrderElementsOf(REQUIRED_PAYLOAD_FIELDS.get(domain));
        assertThat(validate(minimal)).isEmpty();
    }

    static Stream<Arguments> optionalPayloadFields() {
        List<Arguments> cases = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            for (String field : envelope(domain, "full").get("payload").propertyNames()) {
                if (!REQUIRED_PAYLOAD_FIELDS.get(domain).contains(field)) {
                    cases.add(arguments(domain, field));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("optionalPayloadFields")
    void optionalPayloadFieldMayBeAbsentOrNull(Domain domain, String field) {
        assertThat(validate(remove(envelope(domain, "full"), "payload." + field))).isEmpty();
        assertThat(validate(set(envelope(domain, "full"), "payload." + field, "null"))).isEmpty();
    }

    static Stream<Arguments> acceptedValues() {
        return Stream.of(
                arguments(Domain.valueOf("TENDER"), "payload.contractVariations[0].amount", "-120000.5"),
                arguments(Domain.valueOf("TENDER"), "payload.bids[0].submittedAt", "\"2026-02-24T07:20:00Z\""),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "0"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "12.5"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "12.50"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.amount", "1.2E+3"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.quantity", "2.125"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "1900"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.fiscalYear", "2200"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.specText", "\"\""),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.staffRefs", "[]"),
                arguments(Domain.valueOf("PROCUREMENT"), "payload.description", "\"" + "述".repeat(2000) + "\""),
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "\"2026-03-02T02:15:00Z\""),
                arguments(Domain.valueOf("PROCUREMENT"), "occurredAt", "\"2026-03-02T10:15:00.250+08:00\""),
                arguments(Domain.valueOf("PROCUREMENT"), "source", "\"" + "s".repeat(128) + "\""),
                arguments(Domain.valueOf("PROCUREMENT"), "orgCode", "\"" + "o".repeat(64) + "\""),
                arguments(Domain.valueOf("ADMISSION"), "payload.examScore", "87.125"),
                arguments(Domain.valueOf("ADMISSION"), "payload.admittedOn", "\"2028-02-29\""),
                arguments(Domain.valueOf("ADMISSION"), "payload.admissionWindowClose", "\"2026-07-01\""),
                arguments(Domain.valueOf("ADMISSION"), "payload.studentRef", "\"" + "r".repeat(64) + "\""),
                arguments(Domain.valueOf("RECRUITMENT"), "payload.openings", "0"),
                arguments(Domain.valueOf("TENDER"), "payload.bids", "[]"));
    }

    @ParameterizedTest(name = "{1} = {2}")
    @MethodSource("acceptedValues")
    void acceptsBoundaryValues(Domain domain, String path, String value) {
        assertThat(validate(set(envelope(domain, "full"), path, value))).isEmpty();
    }

    @Test
    void acceptsAnArrayOfExactlyTheMaximumSize() {
        ObjectNode envelope = envelope(Domain.valueOf("ADMISSION"), "full");
        set(envelope, "payload.guardianRefs", refs(100));

        assertThat(validate(envelope)).isEmpty();
    }
}
