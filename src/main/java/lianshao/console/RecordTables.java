package lianshao.console;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import lianshao.contract.ContractSchemas;
import lianshao.contract.Domain;
import lianshao.contract.FieldDescription;
import lianshao.contract.ValueKind;
import lianshao.facts.Org;
import lianshao.support.DisplayFormat;
import lianshao.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * A stored record as people read it: a table of its fields labelled from the contract's descriptions, enumeration
 * values by their labels, parties and organisations by their registered names (the code beside them in small
 * print), money and times formatted for Chinese readers, lists of items as sub-tables; and what changed from one
 * revision to the next, field by field.
 */
@Component
class RecordTables {

    private static final String ENVELOPE = ContractSchemas.ENVELOPE + ".";

    private final DisplayFormat format;
    private final PartyNames parties;
    private final ConsoleQueries queries;
    private final ConsoleText text;

    RecordTables(DisplayFormat format, PartyNames parties, ConsoleQueries queries, ConsoleText text) {
        this.format = format;
        this.parties = parties;
        this.queries = queries;
        this.text = text;
    }

    /**
     * One value as shown: its text; the code in small print where a name replaces it; a link to the profile of a
     * party or organisation; the sub-table of a list of items.
     */
    record Value(String text, String code, String link, Table table) {

        static Value of(String text) {
            return new Value(text, null, null, null);
        }
    }

    /** The items of a list field: one column per item field, one row per item. */
    record Table(List<String> headers, List<List<Value>> rows) {
    }

    /** A field of the record: its key (the JSON path), its label and its value. */
    record Field(String key, String label, Value value) {

        /** False for a fact of a rule's own, which has no label of the contract: its name is the key. */
        public boolean labelled() {
            return !key.equals(label);
        }
    }

    /** A field whose value changed from one revision to the next ({@code null}: absent in that revision). */
    record Change(String label, Value before, Value after) {
    }

    /** One revision: its fields, what changed from the revision before (empty for the first) and its raw JSON. */
    record Revision(int revision, OffsetDateTime receivedAt, List<Field> fields, List<Change> changes, String json) {
    }

    /** The revisions, newest first, as the warning page shows them. */
    List<Revision> revisions(List<ConsoleQueries.Revision> stored, Locale locale) {
        List<JsonNode> envelopes = stored.stream().map(r -> parse(r.envelope())).toList();
        Names names = names(envelopes);
        List<List<Field>> fields = envelopes.stream().map(e -> fields(e, names, locale)).toList();
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            ConsoleQueries.Revision r = stored.get(i);
            List<Change> changes = List.of();
            int older = olderIndex(stored, i);
            if (older >= 0) {
                changes = changes(fields.get(older), fields.get(i));
            }
            revisions.add(new Revision(r.revision(), lianshao.support.Times.offset(r.receivedAt()), fields.get(i), changes,
                    pretty(envelopes.get(i), r.envelope())));
        }
        revisions.sort((a, b) -> Integer.compare(b.revision(), a.revision()));
        return revisions;
    }

    /**
     * A fact a rule matched on, labelled like the record field of the same name when the domain's payload has one
     * (amount → 采购总金额 ¥2,500,000.00, method → 采购方式 询价); otherwise its name and value as they are.
     */
    Field fact(String domain, String name, Object raw, Locale locale) {
        JsonNode node = Json.MAPPER.valueToTree(raw);
        FieldDescription field = null;
        try {
            field = ContractSchemas.field(Domain.valueOf(domain), name).orElse(null);
        } catch (IllegalArgumentException | NullPointerException notADomain) {
            field = null;
        }
        if (field == null || absent(node)) {
            return new Field(name, name, Value.of(absent(node) ? "" : plain(node)));
        }
        Names names = new Names(field.partyRef() ? partyNames(node) : Map.of(), Map.of());
        return new Field(name, field.label(locale), value(field, node, names, locale));
    }

    private Map<String, String> partyNames(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, null, any -> true, refs);
        Map<String, String> names = new LinkedHashMap<>();
        parties.full(refs).forEach(p -> names.put(p.ref(), p.name()));
        return names;
    }

    /** The revision just before the i-th one, wherever it sits in the list; -1 for none. */
    private static int olderIndex(List<ConsoleQueries.Revision> stored, int i) {
        int best = -1;
        for (int j = 0; j < stored.size(); j++) {
            if (stored.get(j).revision() < stored.get(i).revision()
                    && (best < 0 || stored.get(j).revision() > stored.get(best).revision())) {
                best = j;
            }
        }
        return best;
    }

    private static List<Change> changes(List<Field> before, List<Field> after) {
        Map<String, Field> old = new LinkedHashMap<>();
        before.forEach(f -> old.put(f.key(), f));
        List<Change> changes = new ArrayList<>();
        for (Field f : after) {
            Field was = old.remove(f.key());
            if (was == null || !Objects.equals(was.value(), f.value())) {
                changes.add(new Change(f.label(), was == null ? null : was.value(), f.value()));
            }
        }
        old.values().forEach(f -> changes.add(new Change(f.label(), f.value(), null)));
        return changes;
    }

    /** The envelope's fields (the payload's in contract order in its place), absent ones left out. */
    private List<Field> fields(JsonNode envelope, Names names, Locale locale) {
        List<Field> fields = new ArrayList<>();
        if (envelope == null || !envelope.isObject()) {
            return fields;
        }
        Domain domain = domain(envelope);
        for (FieldDescription field : ContractSchemas.envelope()) {
            JsonNode node = envelope.get(field.name());
            if (absent(node)) {
                continue;
            }
            if (field.name().equals("payload")) {
                fields.addAll(payload(node, domain, names, locale));
            } else if (field.name().equals("orgCode")) {
                fields.add(new Field(field.key(), field.label(locale), org(node.asString(), names)));
            } else {
                fields.add(new Field(field.key(), field.label(locale), value(field, node, names, locale)));
            }
        }
        return fields;
    }

    private List<Field> payload(JsonNode payload, Domain domain, Names names, Locale locale) {
        List<Field> fields = new ArrayList<>();
        if (domain == null || !payload.isObject()) {
            fields.add(new Field("payload", "payload", Value.of(payload.toString())));
            return fields;
        }
        Set<String> known = new LinkedHashSet<>();
        for (FieldDescription field : ContractSchemas.payload(domain)) {
            known.add(field.name());
            JsonNode node = payload.get(field.name());
            if (!absent(node)) {
                fields.add(new Field(field.key(), field.label(locale), value(field, node, names, locale)));
            }
        }
        // a record stored under an earlier contract may hold fields the contract no longer declares: shown as they are
        for (Map.Entry<String, JsonNode> e : payload.properties()) {
            if (!known.contains(e.getKey()) && !absent(e.getValue())) {
                fields.add(new Field(domain.name() + "." + e.getKey(), e.getKey(), Value.of(plain(e.getValue()))));
            }
        }
        return fields;
    }

    private Value value(FieldDescription field, JsonNode node, Names names, Locale locale) {
        if (field.kind() == ValueKind.ARRAY && node.isArray()) {
            if (!field.itemFields().isEmpty()) {
                return new Value(null, null, null, table(field.itemFields(), node, names, locale));
            }
            List<String> texts = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (JsonNode item : node) {
                Value v = scalar(field, item, names, locale);
                texts.add(v.text());
                if (v.code() != null) {
                    codes.add(v.code());
                }
            }
            String separator = "en".equals(locale.getLanguage()) ? ", " : "、";
            return new Value(String.join(separator, texts), codes.isEmpty() ? null : String.join(separator, codes), null, null);
        }
        if (field.kind() == ValueKind.OBJECT && node.isObject() && !field.itemFields().isEmpty()) {
            List<List<Value>> row = List.of(cells(field.itemFields(), node, names, locale));
            return new Value(null, null, null, new Table(headers(field.itemFields(), locale), row));
        }
        return scalar(field, node, names, locale);
    }

    /** The items as rows; only the columns that some item fills (a list of bids would otherwise be a dozen columns wide). */
    private Table table(List<FieldDescription> itemFields, JsonNode items, Names names, Locale locale) {
        List<FieldDescription> filled = itemFields.stream()
                .filter(f -> java.util.stream.StreamSupport.stream(items.spliterator(), false).anyMatch(i -> !absent(i.get(f.name()))))
                .toList();
        List<List<Value>> rows = new ArrayList<>();
        for (JsonNode item : items) {
            rows.add(cells(filled, item, names, locale));
        }
        return new Table(headers(filled, locale), rows);
    }

    private static List<String> headers(List<FieldDescription> fields, Locale locale) {
        return fields.stream().map(f -> f.label(locale)).toList();
    }

    private List<Value> cells(List<FieldDescription> fields, JsonNode item, Names names, Locale locale) {
        List<Value> cells = new ArrayList<>();
        for (FieldDescription f : fields) {
            JsonNode node = item == null ? null : item.get(f.name());
            cells.add(absent(node) ? Value.of("") : value(f, node, names, locale));
        }
        return cells;
    }

    private Value scalar(FieldDescription field, JsonNode node, Names names, Locale locale) {
        if (node.isString() && field.partyRef()) {
            String ref = node.asString();
            String name = names.parties().get(ref);
            return name == null || name.equals(ref) ? Value.of(ref) : new Value(name, ref, "/profiles/" + ref, null);
        }
        ValueKind kind = field.kind() == ValueKind.ARRAY && field.value().items() != null ? field.value().items().kind()
                : field.kind();
        if (kind == ValueKind.ENUM && node.isString()) {
            return Value.of(field.valueLabel(node.asString(), locale));
        }
        if (kind == ValueKind.BOOLEAN && node.isBoolean()) {
            return Value.of(text.text(node.booleanValue() ? "record.yes" : "record.no"));
        }
        if (kind == ValueKind.NUMBER && field.value().money() && node.isNumber()) {
            return Value.of(format.money(node.decimalValue()));
        }
        if (kind == ValueKind.NUMBER && node.isNumber()) {
            return Value.of(node.decimalValue().stripTrailingZeros().toPlainString());
        }
        if (kind == ValueKind.TIMESTAMP && node.isString()) {
            try {
                return Value.of(format.time(OffsetDateTime.parse(node.asString())));
            } catch (DateTimeParseException e) {
                return Value.of(node.asString());
            }
        }
        return Value.of(plain(node));
    }

    private static Value org(String code, Names names) {
        String name = names.orgs().get(code);
        return name == null ? Value.of(code) : new Value(name, code, "/profiles/org/" + code, null);
    }

    /** The names of all parties and organisations the revisions mention, read once for the page. */
    private record Names(Map<String, String> parties, Map<String, String> orgs) {
    }

    private Names names(List<JsonNode> envelopes) {
        Set<String> refs = new LinkedHashSet<>();
        envelopes.forEach(e -> {
            Domain domain = e == null ? null : domain(e);
            if (domain != null) {
                collectRefs(e.get("payload"), null, domain::partyField, refs);
            }
        });
        Map<String, String> partyNames = new LinkedHashMap<>();
        parties.full(refs).forEach(p -> partyNames.put(p.ref(), p.name()));
        Map<String, String> orgNames = new LinkedHashMap<>();
        boolean anyOrg = envelopes.stream().anyMatch(e -> e != null && e.has("orgCode"));
        if (anyOrg) {
            for (Org org : queries.orgs(null)) {
                orgNames.put(org.code(), org.name());
            }
        }
        return new Names(partyNames, orgNames);
    }

    /** The party ids in a payload: the string values of the fields {@code partyField} accepts, at any depth. */
    private static void collectRefs(JsonNode node, String field, Predicate<String> partyField, Collection<String> refs) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collectRefs(e.getValue(), e.getKey(), partyField, refs);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                collectRefs(item, field, partyField, refs);
            }
        } else if (node.isString() && partyField.test(field == null ? "" : field) && !node.asString().isBlank()) {
            refs.add(node.asString());
        }
    }

    private static Domain domain(JsonNode envelope) {
        JsonNode d = envelope.get("domain");
        if (d == null || !d.isString()) {
            return null;
        }
        try {
            return Domain.valueOf(d.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static String plain(JsonNode node) {
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            BigDecimal n = node.decimalValue();
            return n.stripTrailingZeros().toPlainString();
        }
        return node.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String pretty(JsonNode node, String raw) {
        try {
            return node == null ? raw : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (RuntimeException e) {
            return raw;
        }
    }
}
