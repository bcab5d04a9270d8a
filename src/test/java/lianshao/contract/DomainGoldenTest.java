package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lianshao.evaluation.FactMapper;
import lianshao.evaluation.FactsGolden;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.records.KeysGolden;
import lianshao.support.Json;

import lianshao.imports.ImportGolden;
import lianshao.imports.ImportKind;
import lianshao.web.OpenApiGolden;

/**
 * Pins today's outputs of every per-domain declaration, so that one declaration per domain can replace the
 * hand-written copies without changing what feeds, importers, rules and readers get. Each domain's outputs are
 * rendered as text and compared with {@code src/test/resources/golden/<domain>/}; the envelope, which every
 * domain shares, sits in {@code golden/envelope/} and the reference-data import kinds in {@code golden/reference/}.
 *
 * <p>To accept an intended change: {@code mvn -B -ntp test -Dtest=DomainGoldenTest -Dgolden.update=true}, then
 * review and commit the changed golden files. No Spring context: the test reads the declarations directly.
 * {@link RuleTestContextsGoldenTest} pins, beside these, how rule test contexts differ from production loading.
 */
class DomainGoldenTest {

    /** The record id the golden facts carry (a stored record's id is random). */
    static final String RECORD_ID = "R";

    // ---- schemas and descriptions -----------------------------------------------------------------------------

    @Test
    void payloadSchemas() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        for (Domain domain : Domain.values()) {
            checks.check(dir(domain) + "/schema.txt",
                    schema(ContractSchemas.payload(domain), PayloadSchemas.of(domain), domain.name()));
        }
        checks.verify();
    }

    @Test
    void envelopeSchema() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        checks.check("envelope/schema.txt",
                schema(ContractSchemas.envelope(), EnvelopeSchemas.of(java.util.Optional.empty()), ContractSchemas.ENVELOPE)
                        + "\n" + schema(ContractSchemas.recordBatch(), BatchSchemas.of(BatchSchemas.RECORDS),
                                ContractSchemas.RECORD_BATCH));
        checks.check("envelope/descriptions.txt", descriptions(ContractSchemas.ENVELOPE)
                + descriptions(ContractSchemas.RECORD_BATCH));
        checks.check("envelope/openapi.json", OpenApiGolden.envelope());
        checks.verify();
    }

    @Test
    void fieldDescriptionsAndLabels() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        for (Domain domain : Domain.values()) {
            checks.check(dir(domain) + "/descriptions.txt", "label zh=" + domain.label(Locale.CHINESE) + " en="
                    + domain.label(Locale.ENGLISH) + "\n" + descriptions(domain.name()));
        }
        checks.verify();
    }

    @Test
    void openApiSchemas() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        for (Domain domain : Domain.values()) {
            checks.check(dir(domain) + "/openapi.json", OpenApiGolden.payload(domain));
        }
        checks.verify();
    }

    // ---- import layouts and templates -------------------------------------------------------------------------

    @Test
    void importLayoutsAndTemplates() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        for (Domain domain : Domain.values()) {
            ImportKind kind = ImportGolden.kindOf(domain).orElseThrow(() -> new AssertionError("no import kind for " + domain));
            checks.check(dir(domain) + "/import-layout.txt", ImportGolden.layout(kind));
            checks.check(dir(domain) + "/import-template.txt", ImportGolden.template(kind));
        }
        for (ImportKind kind : ImportGolden.referenceKinds()) {
            String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            checks.check("reference/" + name + "-import-layout.txt", ImportGolden.layout(kind));
            checks.check("reference/" + name + "-import-template.txt", ImportGolden.template(kind));
        }
        checks.verify();
    }

    // ---- lookup keys and facts over every seed record and every rule test record ------------------------------

    @Test
    void lookupKeys() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        List<GoldenInputs.Input> inputs = GoldenInputs.all();
        for (Domain domain : Domain.values()) {
            List<String> out = new ArrayList<>();
            out.add("# lookup keys of every seed record and every rule test record; * marks context keys");
            for (GoldenInputs.Input input : inputs) {
                if (input.domain().equals(domain.name())) {
                    out.add(input.label());
                    out.add("  " + String.join(" ; ", KeysGolden.keys(input.envelope())));
                }
            }
            checks.check(dir(domain) + "/keys.txt", String.join("\n", out));
        }
        checks.verify();
    }

    @Test
    void itemFacts() {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        List<GoldenInputs.Input> inputs = GoldenInputs.all();
        FactMapper mapper = new FactMapper();
        for (Domain domain : Domain.values()) {
            List<String> out = new ArrayList<>();
            out.add("# the fact and the item facts the evaluator inserts, of every distinct seed or rule test record");
            Map<String, String> seen = new HashMap<>();
            for (GoldenInputs.Input input : inputs) {
                if (!input.domain().equals(domain.name())) {
                    continue;
                }
                out.add(input.label());
                String canonical = Json.canonical(input.envelope());
                String first = seen.putIfAbsent(canonical, input.label());
                if (first != null) {
                    out.add("  = same envelope as " + first);
                    continue;
                }
                RecordFact fact = mapper.toFact(meta(input.envelope()), input.envelope().get("payload"), true);
                out.addAll(renderFact(fact));
            }
            checks.check(dir(domain) + "/items.txt", String.join("\n", out));
        }
        checks.verify();
    }

    static RecordMeta meta(JsonNode envelope) {
        return new RecordMeta(RECORD_ID, envelope.path("externalId").asString(), envelope.path("source").asString(),
                envelope.path("domain").asString(), envelope.path("orgCode").asString(),
                OffsetDateTime.parse(envelope.path("occurredAt").asString()));
    }

    /** The fact's components one a line (absent ones left out), then each item fact the evaluator inserts. */
    private static List<String> renderFact(RecordFact fact) {
        List<String> out = new ArrayList<>();
        out.add("  fact " + fact.getClass().getSimpleName());
        for (RecordComponent component : fact.getClass().getRecordComponents()) {
            Object value = componentValue(fact, component);
            if (value == null) {
                continue;
            }
            if (value instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof String)) {
                out.add("    " + component.getName() + " = " + list.size() + " × " + list.get(0).getClass().getSimpleName());
            } else {
                out.add("    " + component.getName() + " = " + value);
            }
        }
        List<Object> items = FactsGolden.items(fact);
        out.add("  items " + items.size());
        items.forEach(item -> out.add("    " + item));
        return out;
    }

    static Object componentValue(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- drift between the hand-written copies -------------------------------------------------------------

    /**
     * Drift known today, each line as {@code drift.txt} has it. A new drift fails the test until it is fixed or
     * listed here; a line listed here that no longer drifts fails too, so the list only ever shrinks.
     */
    static final Set<String> ACKNOWLEDGED_DRIFT = Set.of();

    private static final Set<String> ENVELOPE_COMPONENTS = Set.of("recordId", "externalId", "source", "orgCode",
            "occurredAt", "occurredOn", "current");
    private static final Set<String> ITEM_COMPONENTS = Set.of("recordId", "index");

    /**
     * Two drifts fail silently today: a schema field with no fact component of its name is dropped by the
     * mapping, and a list of items the evaluator does not insert never reaches the rules. Also listed: fact
     * components no schema field fills (always empty).
     */
    @Test
    void drift() {
        Map<Domain, List<String>> byDomain = new java.util.LinkedHashMap<>();
        for (Domain domain : Domain.values()) {
            byDomain.put(domain, drift(domain));
        }
        if (GoldenFiles.UPDATE) {
            checkDriftFiles(byDomain);
        }
        List<String> all = byDomain.values().stream().flatMap(List::stream).toList();
        List<String> unacknowledged = all.stream().filter(line -> !ACKNOWLEDGED_DRIFT.contains(line)).toList();
        List<String> stale = ACKNOWLEDGED_DRIFT.stream().filter(line -> !all.contains(line)).sorted().toList();
        assertThat(unacknowledged).as("drift between the payload schema, the fact records and Evaluator.items; fix it "
                + "or list it in DomainGoldenTest.ACKNOWLEDGED_DRIFT").isEmpty();
        assertThat(stale).as("acknowledged drift that is gone: remove it from DomainGoldenTest.ACKNOWLEDGED_DRIFT").isEmpty();
        checkDriftFiles(byDomain);
    }

    private static void checkDriftFiles(Map<Domain, List<String>> byDomain) {
        GoldenFiles.Checks checks = new GoldenFiles.Checks();
        byDomain.forEach((domain, lines) -> checks.check(dir(domain) + "/drift.txt", "# schema fields without a "
                + "fact component, fact components without a schema field, lists the evaluator does not insert\n"
                + String.join("\n", lines)));
        checks.verify();
    }

    /** A fact type narrower than its schema: the check names the dropped fields and the component no field fills. */
    record NarrowTender(String recordId, String orgCode, String tenderId, String unfilled) {
    }

    @Test
    void driftCheckNamesDroppedFieldsAndUnfilledComponents() {
        List<String> lines = new ArrayList<>();
        compare("TENDER", ContractSchemas.payload(Domain.valueOf("TENDER")), NarrowTender.class, ENVELOPE_COMPONENTS, lines);
        assertThat(lines).anyMatch(line -> line.startsWith("schema field without fact component: TENDER.projectName "))
                .anyMatch(line -> line.startsWith("schema field without fact component: TENDER.bids "))
                .noneMatch(line -> line.contains("TENDER.tenderId"))
                .anyMatch(line -> line.startsWith("fact component without schema field: TENDER.unfilled "));
    }

    private static List<String> drift(Domain domain) {
        Optional<Class<? extends RecordFact>> type = FactsGolden.factType(domain.name());
        if (type.isEmpty()) {
            return List.of("no fact type: " + domain.name());
        }
        List<String> lines = new ArrayList<>();
        compare(domain.name(), ContractSchemas.payload(domain), type.get(), ENVELOPE_COMPONENTS, lines);
        lines.addAll(listsNotInserted(domain, type.get()));
        return lines;
    }

    private static void compare(String prefix, List<FieldDescription> fields, Class<?> type, Set<String> meta,
            List<String> lines) {
        Map<String, RecordComponent> components = new java.util.LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (FieldDescription field : fields) {
            RecordComponent component = components.get(field.name());
            if (component == null) {
                lines.add("schema field without fact component: " + field.key() + " (dropped by FactMapper; "
                        + type.getSimpleName() + " has no component " + field.name() + ")");
            } else if (!field.itemFields().isEmpty() && component.getType() == List.class) {
                Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element.isRecord()) {
                    compare(field.key() + "[]", field.itemFields(), element, ITEM_COMPONENTS, lines);
                }
            }
        }
        Set<String> declared = fields.stream().map(FieldDescription::name).collect(Collectors.toSet());
        for (String name : components.keySet()) {
            if (!meta.contains(name) && !declared.contains(name)) {
                lines.add("fact component without schema field: " + prefix + "." + name + " (" + type.getSimpleName()
                        + "." + name + " is always empty)");
            }
        }
    }

    /** Maps a payload with one (empty) element in every list of objects and checks each element is inserted. */
    private static List<String> listsNotInserted(Domain domain, Class<? extends RecordFact> type) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        for (FieldDescription field : ContractSchemas.payload(domain)) {
            if (!field.itemFields().isEmpty()) {
                payload.putArray(field.name()).addObject();
            }
        }
        ObjectNode envelope = JsonNodeFactory.instance.objectNode().put("domain", domain.name()).put("source", "golden")
                .put("externalId", "golden").put("orgCode", "golden").put("occurredAt", "2026-01-01T00:00:00+08:00");
        RecordFact fact;
        try {
            fact = new FactMapper().toFact(meta(envelope), payload, true);
        } catch (RuntimeException e) {
            return List.of("lists not checked: " + domain.name() + " (" + e + ")");
        }
        List<Object> items = FactsGolden.items(fact);
        List<String> lines = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            if (componentValue(fact, component) instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof String)
                    && list.stream().anyMatch(item -> items.stream().noneMatch(inserted -> inserted == item))) {
                lines.add("list missing from Evaluator.items: " + domain.name() + "." + component.getName()
                        + " (its " + list.get(0).getClass().getSimpleName() + " facts never reach the rules)");
            }
        }
        return lines;
    }

    // ---- rendering --------------------------------------------------------------------------------------------

    static String dir(Domain domain) {
        return domain.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One line per field, depth-first in contract order, then the cross-field checks of every object. */
    private static String schema(List<FieldDescription> fields, ObjectSchema declared, String prefix) {
        List<String> out = new ArrayList<>();
        fields(out, fields);
        checks(out, declared, prefix);
        return String.join("\n", out) + "\n";
    }

    private static void fields(List<String> out, List<FieldDescription> fields) {
        for (FieldDescription field : fields) {
            out.add(field.key() + " | " + (field.required() ? "required" : "optional") + " | " + value(field.value()));
            fields(out, field.itemFields());
        }
    }

    private static String value(ValueDescription v) {
        List<String> parts = new ArrayList<>();
        parts.add(v.kind().name());
        switch (v.kind()) {
            case TEXT -> {
                parts.add("maxLength=" + v.maxLength());
                if (v.nonBlank()) {
                    parts.add("nonBlank");
                }
                if (v.noControlCharacters()) {
                    parts.add("noControlCharacters");
                }
            }
            case ENUM -> parts.add("values=" + String.join(",", v.enumValues()));
            case INTEGER -> parts.add("min=" + v.minimum() + " max=" + v.maximum());
            case NUMBER -> parts.add("min=" + v.minimum() + " maxDecimals=" + v.maxDecimals() + (v.money() ? " money" : ""));
            case ARRAY -> parts.add("items=[" + (v.items() == null ? "unchecked" : value(v.items())) + "] minItems="
                    + v.minItems() + " maxItems=" + v.maxItems());
            case OBJECT -> parts.add(v.fields() == null ? "any object" : v.fields().size() + " fields");
            default -> {
            }
        }
        return String.join(" ", parts);
    }

    private static void checks(List<String> out, ObjectSchema schema, String path) {
        for (CrossFieldCheck check : schema.crossFieldChecks()) {
            out.add("check " + path + " " + check);
        }
        for (FieldSpec spec : schema.fields().values()) {
            FieldType type = spec.type();
            String child = path + "." + spec.name();
            if (type instanceof ArrayType array) {
                type = array.itemType();
                child += "[]";
            }
            if (type instanceof ObjectType object && object.schema() != null) {
                checks(out, object.schema(), child);
            }
        }
    }

    /** Every description key under the prefix, in key order, also those that name no field. */
    private static String descriptions(String prefix) {
        return FieldDescriptionTexts.load().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix + "."))
                .map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Map<String, String> messages(String resource) {
        try (InputStream in = DomainGoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new java.util.TreeMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
