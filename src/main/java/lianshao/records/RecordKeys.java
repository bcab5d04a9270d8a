package lianshao.records;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import lianshao.contract.FieldDescription;

/**
 * Extracts the lookup keys of a record from its envelope. The context keys follow the catalogue's
 * "Context the rules need"; party keys cover every party reference anywhere in the payload.
 */
final class RecordKeys {

    private RecordKeys() {
    }

    static Set<RecordKey> of(JsonNode envelope) {
        String domain = envelope.get("domain").asString();
        String org = envelope.get("orgCode").asString();
        JsonNode p = envelope.get("payload");
        Set<RecordKey> keys = new LinkedHashSet<>();
        keys.add(new RecordKey(RecordKey.ORG, org));
        keys.add(new RecordKey(RecordKey.DOMAIN_YEAR, domain + "|" + envelope.get("occurredAt").asString().substring(0, 4)));
        switch (domain) {
            case "PROCUREMENT" -> {
                add(keys, "PRC_LINE", org, p, "fiscalYear", "budgetProjectCode", "itemCategory");
                add(keys, "PRC_CATEGORY", org, p, "fiscalYear", "itemCategory");
                add(keys, "SUPPLIER", org, p, "supplierRef");
                add(keys, "CONTRACT", org, p, "originalContractRef");
            }
            case "TENDER" -> {
                add(keys, "TENDER_PROJECT", org, p, "projectCode");
                // one buyer's tenders: bid rotation, cover bids, one winner across categories
                add(keys, "TENDER_BUYER", org, p);
            }
            case "ADMISSION" -> {
                add(keys, RecordKey.ADMISSION_PLAN, org, p, "year", "stage");
                add(keys, "ADM_APPROVER", org, p, "year", "approverRef");
                add(keys, "ADM_SCHOOL_YEAR", org, p, "year");
                add(keys, "IDENTITY", null, p, "identityHash");
            }
            case "RECRUITMENT" -> add(keys, "POST", org, p, "recruitmentId", "positionCode");
            case "RESEARCH_FUND" -> {
                add(keys, "RSF_PROJECT", null, p, "projectCode");
                add(keys, "INVOICE", null, p, "invoiceNo");
                add(keys, "ACCOUNT", null, p, "payeeAccount");
            }
            default -> throw new IllegalArgumentException("unknown domain " + domain);
        }
        partyRefs(p, null, keys);
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

    private static void partyRefs(JsonNode node, String field, Set<RecordKey> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                partyRefs(e.getValue(), e.getKey(), keys);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                partyRefs(item, field, keys);
            }
        } else if (node.isString() && field != null && isPartyField(field) && !node.asString().isBlank()) {
            keys.add(new RecordKey(RecordKey.PARTY, truncate(node.asString())));
        }
    }

    /** Fields naming parties, as the contract says. */
    static boolean isPartyField(String field) {
        return FieldDescription.partyRef(field);
    }

    private static String truncate(String value) {
        return value.length() <= 512 ? value : value.substring(0, 512);
    }
}
