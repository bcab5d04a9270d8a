package lianshao.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Validates request bodies against version 1 of the HTTP contract (records, domain payloads, reference data).
 * Every method returns all errors found, in document order where practical; an empty list means valid.
 * Stateless and thread-safe.
 */
public final class ContractValidator {

    public static final int MAX_BATCH = 1000;

    private static final UnaryOperator<String> PLAIN_UNKNOWN_FIELD = name -> Messages.UNKNOWN_FIELD;

    /** A record envelope including its payload; payload fields are checked only when {@code domain} is valid. */
    public List<FieldError> validateEnvelope(JsonNode envelope) {
        if (!isObject(envelope)) {
            return bodyNotObject();
        }
        JsonNode domain = envelope.get("domain");
        Optional<Domain> parsed = domain != null && domain.isString()
                ? Domain.parse(domain.stringValue())
                : Optional.empty();
        return walk(envelope, EnvelopeSchemas.of(parsed));
    }

    /** The body of a section-3 PUT/POST; path variables are not part of the body. */
    public List<FieldError> validateReference(ReferenceKind kind, JsonNode body) {
        Objects.requireNonNull(kind, "kind");
        if (!isObject(body)) {
            return bodyNotObject();
        }
        return walk(body, ReferenceSchemas.of(kind));
    }

    /**
     * The shape of a batch body: an object whose only field is a non-empty array {@code arrayField}
     * ({@code records} or {@code items}) of at most {@link #MAX_BATCH} elements. The elements themselves are
     * validated one by one by the caller, so that one bad element never blocks the others.
     */
    public List<FieldError> validateBatchShape(JsonNode body, String arrayField) {
        Objects.requireNonNull(arrayField, "arrayField");
        if (!isObject(body)) {
            return bodyNotObject();
        }
        return walk(body, BatchSchemas.of(arrayField));
    }

    private static List<FieldError> walk(JsonNode object, ObjectSchema schema) {
        List<FieldError> errors = new ArrayList<>();
        SchemaWalker.walk(object, schema, FieldPaths.ROOT, PLAIN_UNKNOWN_FIELD, errors);
        return List.copyOf(errors);
    }

    private static boolean isObject(JsonNode body) {
        return body != null && body.isObject();
    }

    private static List<FieldError> bodyNotObject() {
        return List.of(new FieldError(FieldPaths.BODY, Messages.BODY_NOT_OBJECT));
    }
}
