package lianshao.authoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import lianshao.support.Json;

/**
 * Reads the rule test files beside the DRL files: {@code PRC-01-open-tender-avoided.test.json} next
 * to {@code PRC-01-open-tender-avoided.drl}. A file names its rule ({@code "rule"}), an optional
 * shared {@code "context"} and its {@code "cases"}.
 */
public final class RuleTestFiles {

    private RuleTestFiles() {
    }

    public static List<Path> find(Path rulesFolder) {
        try (Stream<Path> paths = Files.walk(rulesFolder)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(".test.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RuleTestCase> read(Path rulesFolder, Path file) {
        try {
            return parse(rulesFolder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RuleTestCase> parse(String fileName, String text) {
        JsonNode root = Json.parse(text);
        String ruleId = root.path("rule").asString();
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException(fileName + ": missing \"rule\"");
        }
        JsonNode shared = root.path("context");
        List<RuleTestCase> cases = new ArrayList<>();
        for (JsonNode c : root.path("cases")) {
            cases.add(new RuleTestCase(fileName, ruleId, c.path("name").asString("case " + cases.size()),
                    c.get("record"), merge(shared, c.path("context")), c.path("expect")));
        }
        if (cases.isEmpty()) {
            throw new IllegalArgumentException(fileName + ": no \"cases\"");
        }
        return cases;
    }

    /** Lists of the case's context are appended to the file's; other values replace them. */
    private static JsonNode merge(JsonNode shared, JsonNode own) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (JsonNode source : List.of(shared, own)) {
            if (source == null || !source.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : source.properties()) {
                JsonNode before = merged.get(e.getKey());
                if (before instanceof ArrayNode list && e.getValue().isArray()) {
                    ArrayNode joined = list.deepCopy();
                    e.getValue().forEach(joined::add);
                    merged.set(e.getKey(), joined);
                } else {
                    merged.set(e.getKey(), e.getValue());
                }
            }
        }
        return merged;
    }
}
