package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form is what stored content hashes were computed over: it must stay the same text for the same
 * JSON. Checked against the form written value by value (how it was first written) on the demo city's records and on
 * random documents with every kind of character.
 */
class JsonCanonicalTest {

    /** The canonical form as first written, one writeValueAsString per key and scalar. */
    private static String reference(JsonNode node) {
        StringBuilder out = new StringBuilder();
        reference(node, out);
        return out.toString();
    }

    private static void reference(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.append(first ? "" : ",").append(Json.MAPPER.writeValueAsString(e.getKey())).append(':');
                first = false;
                reference(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode item : node) {
                out.append(first ? "" : ",");
                first = false;
                reference(item, out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            out.append(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        } else {
            out.append(Json.MAPPER.writeValueAsString(node));
        }
    }

    @Test
    void theDemoCitysRecordsHaveTheCanonicalFormTheyHadBefore() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("seeds/records"))) {
            for (Path file : files.toList()) {
                for (JsonNode record : Json.parse(Files.readString(file))) {
                    assertThat(Json.canonical(record)).isEqualTo(reference(record));
                }
            }
        }
    }

    @Test
    void randomDocumentsWithEveryKindOfCharacterHaveTheCanonicalFormTheyHadBefore() {
        Random random = new Random(7);
        for (int i = 0; i < 3_000; i++) {
            JsonNode document = randomNode(random, 0);
            String canonical = Json.canonical(document);
            assertThat(canonical).isEqualTo(reference(document));
            assertThat(Json.canonical(Json.parse(canonical))).isEqualTo(canonical);
        }
    }

    private static JsonNode randomNode(Random random, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        int kind = depth >= 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0: {
                ObjectNode object = nodes.objectNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    object.set(randomText(random), randomNode(random, depth + 1));
                }
                return object;
            }
            case 1: {
                ArrayNode array = nodes.arrayNode();
                for (int n = random.nextInt(4); n > 0; n--) {
                    array.add(randomNode(random, depth + 1));
                }
                return array;
            }
            case 2:
                return nodes.stringNode(randomText(random));
            case 3:
                return nodes.numberNode(new BigDecimal(random.nextInt(2_000_000) - 1_000_000).movePointLeft(random.nextInt(5)));
            case 4:
                return nodes.booleanNode(random.nextBoolean());
            case 5:
                return nodes.nullNode();
            default:
                return nodes.numberNode(random.nextLong());
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));          // control characters
                case 1 -> { String special = "\\\"/'<>&\u007f\u2028\u2029"; text.append(special.charAt(random.nextInt(special.length()))); }
                case 2 -> text.append((char) (0x4e00 + random.nextInt(0x5000))); // Chinese
                case 3 -> text.appendCodePoint(0x1F600 + random.nextInt(80));      // outside the BMP
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }
}
