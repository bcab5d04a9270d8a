package lianshao.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the contract: money is read as decimals (never binary floats), nesting and string length are
 * bounded, and the canonical form (sorted keys, plain numbers) makes equal content hash equally.
 */
public final class Json {

    /** Parses request bodies. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(1_000_000).maxNumberLength(40).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    public static JsonNode parse(String text) {
        return MAPPER.readTree(text);
    }

    public static JsonNode parse(byte[] bytes) {
        return MAPPER.readTree(bytes);
    }

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /** A copy of the object without the given fields; anything but an object is returned as it is. */
    public static JsonNode without(JsonNode node, String... fields) {
        if (!(node instanceof tools.jackson.databind.node.ObjectNode object)) {
            return node;
        }
        tools.jackson.databind.node.ObjectNode copy = object.deepCopy();
        for (String field : fields) {
            copy.remove(field);
        }
        return copy;
    }

    /** Sorted keys, no whitespace, numbers in plain form without trailing zeros. */
    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        canonical(node, out);
        return out.toString();
    }

    private static void canonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(MAPPER.writeValueAsString(e.getKey())).append(':');
                canonical(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            boolean first = true;
            for (JsonNode item : node) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                canonical(item, out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            out.append(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        } else {
            out.append(MAPPER.writeValueAsString(node));
        }
    }
}
