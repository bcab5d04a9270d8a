package lianshao.contract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of the contract schemas that {@link ContractValidator} enforces, for documentation (the
 * OpenAPI description) and tooling: every field with its key, whether it is required, what its value must be
 * and what it means (in Chinese, from {@code field-descriptions.properties}). Everything here is immutable
 * and built once.
 *
 * <p>Keys: {@code ENVELOPE.<field>} for the record envelope, {@code <DOMAIN>.<field>} for a payload,
 * {@code <DOMAIN>.<arrayField>[].<field>} for the fields of its array items, {@code <REFERENCE_KIND>.<field>}
 * for a reference-data body and its identifiers, {@code RECORD_BATCH.records} and {@code REFERENCE_BATCH.items}
 * for the batch bodies.
 */
public final class ContractSchemas {

    public static final String ENVELOPE = "ENVELOPE";
    public static final String RECORD_BATCH = "RECORD_BATCH";
    public static final String REFERENCE_BATCH = "REFERENCE_BATCH";

    private static final List<FieldDescription> ENVELOPE_FIELDS;
    private static final Map<Domain, List<FieldDescription>> PAYLOADS = new LinkedHashMap<>();
    private static final Map<ReferenceKind, List<FieldDescription>> REFERENCES = new EnumMap<>(ReferenceKind.class);
    private static final Map<ReferenceKind, List<FieldDescription>> IDENTIFIERS = new EnumMap<>(ReferenceKind.class);
    private static final List<FieldDescription> RECORD_BATCH_FIELDS;
    private static final List<FieldDescription> REFERENCE_BATCH_FIELDS;
    private static final Map<String, FieldDescription> BY_KEY;

    static {
        SchemaDescriber describer = new SchemaDescriber(FieldDescriptionTexts.load());
        ENVELOPE_FIELDS = describer.fields(ENVELOPE, EnvelopeSchemas.of(Optional.empty()));
        for (Domain domain : Domain.values()) {
            PAYLOADS.put(domain, describer.fields(domain.name(), PayloadSchemas.of(domain)));
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            REFERENCES.put(kind, describer.fields(kind.name(), ReferenceSchemas.of(kind)));
            IDENTIFIERS.put(kind, describer.fields(kind.name(), ReferenceSchemas.identifiers(kind)));
        }
        RECORD_BATCH_FIELDS = describer.fields(RECORD_BATCH, BatchSchemas.of(BatchSchemas.RECORDS));
        REFERENCE_BATCH_FIELDS = describer.fields(REFERENCE_BATCH, BatchSchemas.of(BatchSchemas.ITEMS));
        Map<String, FieldDescription> byKey = new HashMap<>();
        allFields().forEach(field -> byKey.putIfAbsent(field.key(), field));
        BY_KEY = Map.copyOf(byKey);
    }

    private ContractSchemas() {
    }

    /**
     * The fields of a record envelope (section 1). Its {@code payload} is an object whose fields depend on
     * {@code domain}: see {@link #payload(Domain)}.
     */
    public static List<FieldDescription> envelope() {
        return ENVELOPE_FIELDS;
    }

    /** The payload fields of one domain (section 2), in contract order. */
    public static List<FieldDescription> payload(Domain domain) {
        return PAYLOADS.get(domain);
    }

    /** The request-body fields of one reference-data resource (section 3), path variables excluded. */
    public static List<FieldDescription> reference(ReferenceKind kind) {
        return REFERENCES.get(kind);
    }

    /**
     * The identifiers of one reference-data resource: the path variables of its single form, which each item
     * of its batch form carries as fields beside the body fields. Empty for relations and sanctions.
     */
    public static List<FieldDescription> identifiers(ReferenceKind kind) {
        return IDENTIFIERS.get(kind);
    }

    /** The body of {@code POST /api/v1/records/batch}: {@code records}, an array of envelopes. */
    public static List<FieldDescription> recordBatch() {
        return RECORD_BATCH_FIELDS;
    }

    /** The body of a reference-data batch: {@code items}, an array of bodies with their identifiers. */
    public static List<FieldDescription> referenceBatch() {
        return REFERENCE_BATCH_FIELDS;
    }

    /** The field with this key ({@code PROCUREMENT.method}, {@code TENDER.bids[].price}, {@code ORG.name}). */
    public static Optional<FieldDescription> field(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /**
     * A payload field of a domain by its path within the payload: {@code method}, or {@code bids[].price} for a
     * field of the items of an array.
     */
    public static Optional<FieldDescription> field(Domain domain, String path) {
        return field(domain.name() + "." + path);
    }

    /** Every field of every schema above, the fields of array items included, depth-first in contract order. */
    public static List<FieldDescription> allFields() {
        List<FieldDescription> all = new ArrayList<>();
        addAll(all, ENVELOPE_FIELDS);
        PAYLOADS.values().forEach(fields -> addAll(all, fields));
        for (ReferenceKind kind : ReferenceKind.values()) {
            addAll(all, IDENTIFIERS.get(kind));
            addAll(all, REFERENCES.get(kind));
        }
        addAll(all, RECORD_BATCH_FIELDS);
        addAll(all, REFERENCE_BATCH_FIELDS);
        return List.copyOf(all);
    }

    private static void addAll(List<FieldDescription> all, List<FieldDescription> fields) {
        for (FieldDescription field : fields) {
            all.add(field);
            addAll(all, field.itemFields());
        }
    }
}
