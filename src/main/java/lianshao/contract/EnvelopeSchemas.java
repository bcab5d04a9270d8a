package lianshao.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The record envelope (contract section 1). There is one schema per domain, whose {@code payload} carries that
 * domain's payload schema, and one for an absent or unknown domain, whose payload need only be an object.
 */
final class EnvelopeSchemas {

    private static final FieldType DOMAIN = EnumType.of(Domain.values().stream().map(Domain::name)
            .toArray(String[]::new));
    private static final FieldType FEED_IDENTIFIER = new TextType(128, true, true);
    private static final FieldType ORG_CODE = new TextType(64, true, true);

    private static final ObjectSchema WITHOUT_DOMAIN = envelope(ObjectType.anyObject());
    private static final Map<Domain, ObjectSchema> BY_DOMAIN = new HashMap<>();

    static {
        for (Domain domain : Domain.values()) {
            BY_DOMAIN.put(domain, envelope(
                    new ObjectType(PayloadSchemas.of(domain), PayloadSchemas.unknownFieldMessage(domain))));
        }
    }

    private EnvelopeSchemas() {
    }

    static ObjectSchema of(Optional<Domain> domain) {
        return domain.map(BY_DOMAIN::get).orElse(WITHOUT_DOMAIN);
    }

    private static ObjectSchema envelope(ObjectType payload) {
        return ObjectSchema.builder()
                .required("domain", DOMAIN)
                .required("source", FEED_IDENTIFIER)
                .required("externalId", FEED_IDENTIFIER)
                .required("orgCode", ORG_CODE)
                .required("occurredAt", FieldTypes.TIMESTAMP)
                .required("payload", payload)
                .build();
    }
}
