package lianshao.contract;

import static lianshao.contract.ExpectedMessages.BODY_NOT_OBJECT;
import static lianshao.contract.ExpectedMessages.EMPTY_ARRAY;
import static lianshao.contract.ExpectedMessages.NOT_ARRAY;
import static lianshao.contract.ExpectedMessages.REQUIRED;
import static lianshao.contract.ExpectedMessages.UNKNOWN;
import static lianshao.contract.ExpectedMessages.tooMany;
import static lianshao.contract.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The shape of batch bodies: {@code {"records": [...]}} and {@code {"items": [...]}}. */
class BatchShapeTest {

    private final ContractValidator validator = new ContractValidator();

    private static JsonNode batch(String arrayField, int size) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < size; i++) {
            array.addObject().put("externalId", "X-" + i);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set(arrayField, array);
        return body;
    }

    @Test
    void maxBatchIsOneThousand() {
        assertThat(ContractValidator.MAX_BATCH).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1000})
    void acceptsOneToMaxBatchRecords(int size) {
        assertThat(validator.validateBatchShape(batch("records", size), "records")).isEmpty();
    }

    @Test
    void acceptsItemsForReferenceBatches() {
        assertThat(validator.validateBatchShape(batch("items", 3), "items")).isEmpty();
    }

    @Test
    void elementsAreNotValidatedHere() {
        assertThat(validator.validateBatchShape(json("{\"records\":[1, \"x\", null, {}]}"), "records")).isEmpty();
    }

    @Test
    void rejectsAnEmptyBatch() {
        assertThat(validator.validateBatchShape(batch("records", 0), "records"))
                .containsExactly(new FieldError("records", EMPTY_ARRAY));
    }

    @Test
    void rejectsMoreThanMaxBatchRecords() {
        assertThat(validator.validateBatchShape(batch("records", 1001), "records"))
                .containsExactly(new FieldError("records", tooMany(1000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "\"records\"", "7", "true"})
    void rejectsANonArray(String records) {
        JsonNode body = json("{\"items\":" + records + "}");

        assertThat(validator.validateBatchShape(body, "items")).containsExactly(new FieldError("items", NOT_ARRAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"records\":null}"})
    void rejectsAMissingArray(String body) {
        assertThat(validator.validateBatchShape(json(body), "records"))
                .containsExactly(new FieldError("records", REQUIRED));
    }

    @Test
    void theArrayMustHaveTheNameOfItsEndpoint() {
        assertThat(validator.validateBatchShape(batch("items", 1), "records"))
                .containsExactly(new FieldError("items", UNKNOWN), new FieldError("records", REQUIRED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{}]", "\"records\"", "null"})
    void rejectsANonObjectBody(String body) {
        assertThat(validator.validateBatchShape(json(body), "records"))
                .containsExactly(new FieldError("$", BODY_NOT_OBJECT));
    }
}
