package lianshao.records;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import lianshao.contract.Domain;
import lianshao.facts.RecordDomain;

/**
 * Extracts the lookup keys of a record from its envelope: its organisation, domain and year, the context keys its
 * domain declares ({@link RecordDomain#keys()}) and a party key for every party id anywhere in the payload.
 */
final class RecordKeys {

    private RecordKeys() {
    }

    static Set<RecordKey> of(JsonNode envelope) {
        Domain domain = Domain.valueOf(envelope.get("domain").asString());
        String org = envelope.get("orgCode").asString();
        JsonNode p = envelope.get("payload");
        Set<RecordKey> keys = new LinkedHashSet<>();
        keys.add(new RecordKey(RecordKey.ORG, org));
        keys.add(new RecordKey(RecordKey.DOMAIN_YEAR, domain.name() + "|" + envelope.get("occurredAt").asString().substring(0, 4)));
        for (RecordDomain.ContextKey key : domain.declaration().keys()) {
            add(keys, key.name(), key.withinOrg() ? org : null, p, key.fields());
        }
        partyRefs(domain, p, null, keys);
        return keys;
    }

    /** A key from the given fields, or none when one of them is absent. */
    private static void add(Set<RecordKey> keys, String name, String org, JsonNode payload, String... fields) {
        StringBuilder value = new StringBuilder(org == null ? "" : org);
        for (String field : fields) {
            JsonNode node = payload.get(field);
            if (node == null || node.isNull() || node.asString().isBlank()) {
                return;
            }
            if (!value.isEmpty()) {
                value.append('|');
            }
            value.append(node.asString());
        }
        keys.add(new RecordKey(name, truncate(value.toString())));
    }

    private static void partyRefs(Domain domain, JsonNode node, String field, Set<RecordKey> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                partyRefs(domain, e.getValue(), e.getKey(), keys);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                partyRefs(domain, item, field, keys);
            }
        } else if (node.isString() && field != null && domain.partyField(field) && !node.asString().isBlank()) {
            keys.add(new RecordKey(RecordKey.PARTY, truncate(node.asString())));
        }
    }

    private static String truncate(String value) {
        return value.length() <= 512 ? value : value.substring(0, 512);
    }
}
