package lianshao.support;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of the contract: money is read as decimals (never binary floats), nesting and string length are
 * bounded, a key twice in one object is an error (two readers could otherwise see two different
 * bodies), and the canonical form (sorted keys, plain numbers) makes equal content hash equally.
 */
public final class Json {

    /** Parses request bodies. */
    public static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(1_000_000).maxNumberLength(40).build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
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

    /**
     * The path ({@code payload.bids[2].name}) of the first text or key holding an unpaired UTF-16
     * surrogate; empty if there is none. JSON allows the escape of a lone surrogate (backslash, u, d800) and Jackson
     * decodes it as it is, but such a string is no Unicode text: it cannot be stored as utf8mb4 and
     * compares differently in Java and in the database.
     */
    public static Optional<String> loneSurrogate(JsonNode node) {
        return loneSurrogate(node, "");
    }

    private static Optional<String> loneSurrogate(JsonNode node, String path) {
        if (node.isString()) {
            return unpaired(node.stringValue()) ? Optional.of(path.isEmpty() ? "$" : path) : Optional.empty();
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (unpaired(e.getKey())) {
                    return Optional.of(path.isEmpty() ? "$" : path);
                }
                Optional<String> inside = loneSurrogate(e.getValue(), child);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inside = loneSurrogate(node.get(i), (path.isEmpty() ? "$" : path) + "[" + i + "]");
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the text holds a high surrogate not followed by a low one, or a low one alone. */
    public static boolean unpaired(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The path of a parser position, in the same form ({@code payload.bids[2].name}); "$" at the top. */
    public static String path(TokenStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String joined = String.join("", parts);
        return joined.isEmpty() ? "$" : joined.startsWith(".") ? joined.substring(1) : "$" + joined;
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

    /**
     * Sorted keys, no whitespace, numbers in plain form without trailing zeros; strings escaped as Jackson escapes them.
     * One generator writes the whole text (a generator for each key and value cost a tenth of a batch's time).
     */
    public static String canonical(JsonNode node) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            canonical(node, generator);
        }
        return out.toString();
    }

    private static void canonical(JsonNode node, JsonGenerator out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                sorted.put(e.getKey(), e.getValue());
            }
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                out.writeName(e.getKey());
                canonical(e.getValue(), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode item : node) {
                canonical(item, out);
            }
            out.writeEndArray();
        } else if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            out.writeNumber(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
        } else {
            out.writeTree(node);
        }
    }
}
