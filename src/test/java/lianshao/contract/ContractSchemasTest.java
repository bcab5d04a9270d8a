package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The read-only view of the schemas says what the validator enforces. */
class ContractSchemasTest {

    @ParameterizedTest
    @MethodSource("lianshao.contract.ContractFacts#v1Domains")
    void payloadsListEveryContractFieldWithItsRequiredness(Domain domain) {
        List<FieldDescription> fields = ContractSchemas.payload(domain);
        assertThat(fields).hasSize(ContractFacts.CONTRACT_FIELD_COUNT.get(domain));
        assertThat(fields.stream().filter(FieldDescription::required).map(FieldDescription::name))
                .containsExactlyInAnyOrderElementsOf(ContractFacts.REQUIRED_PAYLOAD_FIELDS.get(domain));
        assertThat(fields).allSatisfy(field -> assertThat(field.key()).isEqualTo(domain.name() + "." + field.name()));
    }

    @Test
    void moneyIsADecimalOfTwoPlacesThatOnlyContractVariationsMayMakeNegative() {
        FieldDescription amount = field(ContractSchemas.payload(Domain.valueOf("PROCUREMENT")), "amount");
        assertThat(amount.required()).isTrue();
        assertThat(amount.kind()).isEqualTo(ValueKind.NUMBER);
        assertThat(amount.value().money()).isTrue();
        assertThat(amount.value().maxDecimals()).isEqualTo(2);
        assertThat(amount.value().minimum()).isZero();

        FieldDescription variations = field(ContractSchemas.payload(Domain.valueOf("TENDER")), "contractVariations");
        FieldDescription change = field(variations.itemFields(), "amount");
        assertThat(change.key()).isEqualTo("TENDER.contractVariations[].amount");
        assertThat(change.value().money()).isTrue();
        assertThat(change.value().minimum()).isNull();

        FieldDescription quantity = field(ContractSchemas.payload(Domain.valueOf("PROCUREMENT")), "quantity");
        assertThat(quantity.value().money()).isFalse();
        assertThat(quantity.value().minimum()).isZero();
    }

    @Test
    void enumerationsKeepTheContractOrder() {
        assertThat(field(ContractSchemas.payload(Domain.valueOf("PROCUREMENT")), "method").enumValues())
                .containsExactly(ContractFacts.PROCUREMENT_METHODS);
        assertThat(field(ContractSchemas.envelope(), "domain").enumValues()).startsWith(ContractFacts.DOMAINS)
                .containsExactlyElementsOf(Domain.values().stream().map(Domain::name).toList());
        FieldDescription criteria = field(ContractSchemas.payload(Domain.valueOf("ADMISSION")), "criteriaUsed");
        assertThat(criteria.kind()).isEqualTo(ValueKind.ARRAY);
        assertThat(criteria.enumValues()).startsWith("SCHOOL_EXAM").endsWith("INTERVIEW");
    }

    @Test
    void arrayItemsExposeTheirFields() {
        FieldDescription bids = field(ContractSchemas.payload(Domain.valueOf("TENDER")), "bids");
        assertThat(bids.required()).isTrue();
        assertThat(bids.value().maxItems()).isEqualTo(FieldTypes.MAX_BIDS);
        FieldDescription fingerprint = field(bids.itemFields(), "fileFingerprint");
        assertThat(fingerprint.key()).isEqualTo("TENDER.bids[].fileFingerprint");
        assertThat(fingerprint.required()).isFalse();
        assertThat(fingerprint.kind()).isEqualTo(ValueKind.TEXT);
        assertThat(field(bids.itemFields(), "submittedAt").kind()).isEqualTo(ValueKind.TIMESTAMP);

        FieldDescription refs = field(ContractSchemas.payload(Domain.valueOf("ADMISSION")), "guardianRefs");
        assertThat(refs.itemFields()).isEmpty();
        assertThat(refs.value().items().kind()).isEqualTo(ValueKind.TEXT);
        assertThat(refs.value().items().nonBlank()).isTrue();
    }

    @Test
    void referenceBodiesLeaveTheIdentifiersToThePath() {
        assertThat(names(ContractSchemas.reference(ReferenceKind.ORG))).containsExactly("name", "type", "district",
                "parentCode");
        assertThat(names(ContractSchemas.identifiers(ReferenceKind.ORG))).containsExactly("orgCode");
        assertThat(names(ContractSchemas.identifiers(ReferenceKind.PARTY))).containsExactly("partyId");
        assertThat(names(ContractSchemas.identifiers(ReferenceKind.ADMISSION_PLAN)))
                .containsExactly("orgCode", "year", "stage");
        assertThat(names(ContractSchemas.identifiers(ReferenceKind.CALENDAR))).containsExactly("year");
        assertThat(ContractSchemas.identifiers(ReferenceKind.RELATION)).isEmpty();
        assertThat(ContractSchemas.identifiers(ReferenceKind.SANCTION)).isEmpty();
        assertThat(field(ContractSchemas.identifiers(ReferenceKind.ADMISSION_PLAN), "stage").enumValues())
                .containsExactlyElementsOf(field(ContractSchemas.payload(Domain.valueOf("ADMISSION")), "stage").enumValues());
        FieldDescription form = field(ContractSchemas.reference(ReferenceKind.SANCTION), "form");
        assertThat(form.kind()).isEqualTo(ValueKind.INTEGER);
        assertThat(form.value().minimum()).isEqualTo(1);
        assertThat(form.value().maximum()).isEqualTo(4);
    }

    @Test
    void batchesHoldOneToMaxBatchElements() {
        FieldDescription records = field(ContractSchemas.recordBatch(), "records");
        FieldDescription items = field(ContractSchemas.referenceBatch(), "items");
        for (FieldDescription batch : List.of(records, items)) {
            assertThat(batch.required()).isTrue();
            assertThat(batch.value().minItems()).isEqualTo(1);
            assertThat(batch.value().maxItems()).isEqualTo(ContractValidator.MAX_BATCH);
        }
    }

    @Test
    void theEnvelopePayloadIsLeftToTheDomain() {
        FieldDescription payload = field(ContractSchemas.envelope(), "payload");
        assertThat(payload.kind()).isEqualTo(ValueKind.OBJECT);
        assertThat(payload.value().fields()).isNull();
        assertThat(payload.itemFields()).isEmpty();
    }

    @Test
    void theViewIsReadOnly() {
        assertThatThrownBy(() -> ContractSchemas.payload(Domain.valueOf("TENDER")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ContractSchemas.allFields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> field(ContractSchemas.payload(Domain.valueOf("TENDER")), "bids").itemFields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> field(ContractSchemas.payload(Domain.valueOf("TENDER")), "category").enumValues().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static FieldDescription field(List<FieldDescription> fields, String name) {
        Map<String, FieldDescription> byName = fields.stream()
                .collect(Collectors.toMap(FieldDescription::name, Function.identity()));
        assertThat(byName).containsKey(name);
        return byName.get(name);
    }

    private static List<String> names(List<FieldDescription> fields) {
        return fields.stream().map(FieldDescription::name).toList();
    }
}
