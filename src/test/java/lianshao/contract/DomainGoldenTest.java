package lianshao.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

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
 */
class DomainGoldenTest {

    // ---- schemas and descriptions -----------------------------------------------------------------------------

    @Test
    void payloadSchemas() {
        for (Domain domain : Domain.values()) {
            GoldenFiles.check(dir(domain) + "/schema.txt",
                    schema(ContractSchemas.payload(domain), PayloadSchemas.of(domain), domain.name()));
        }
    }

    @Test
    void envelopeSchema() {
        GoldenFiles.check("envelope/schema.txt",
                schema(ContractSchemas.envelope(), EnvelopeSchemas.of(java.util.Optional.empty()), ContractSchemas.ENVELOPE)
                        + "\n" + schema(ContractSchemas.recordBatch(), BatchSchemas.of(BatchSchemas.RECORDS),
                                ContractSchemas.RECORD_BATCH));
        GoldenFiles.check("envelope/descriptions.txt", descriptions(ContractSchemas.ENVELOPE)
                + descriptions(ContractSchemas.RECORD_BATCH));
        GoldenFiles.check("envelope/openapi.json", OpenApiGolden.envelope());
    }

    @Test
    void fieldDescriptionsAndLabels() {
        Map<String, String> zh = messages("messages.properties");
        Map<String, String> en = messages("messages_en.properties");
        for (Domain domain : Domain.values()) {
            String key = "domain." + domain.name();
            GoldenFiles.check(dir(domain) + "/descriptions.txt", "label zh=" + zh.get(key) + " en=" + en.get(key) + "\n"
                    + descriptions(domain.name()));
        }
    }

    @Test
    void openApiSchemas() {
        for (Domain domain : Domain.values()) {
            GoldenFiles.check(dir(domain) + "/openapi.json", OpenApiGolden.payload(domain));
        }
    }

    // ---- import layouts and templates -------------------------------------------------------------------------

    @Test
    void importLayoutsAndTemplates() {
        for (Domain domain : Domain.values()) {
            ImportKind kind = ImportGolden.kindOf(domain).orElseThrow(() -> new AssertionError("no import kind for " + domain));
            GoldenFiles.check(dir(domain) + "/import-layout.txt", ImportGolden.layout(kind));
            GoldenFiles.check(dir(domain) + "/import-template.txt", ImportGolden.template(kind));
        }
        for (ImportKind kind : ImportGolden.referenceKinds()) {
            String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            GoldenFiles.check("reference/" + name + "-import-layout.txt", ImportGolden.layout(kind));
            GoldenFiles.check("reference/" + name + "-import-template.txt", ImportGolden.template(kind));
        }
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
