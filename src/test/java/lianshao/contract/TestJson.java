package lianshao.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON helpers for the contract tests: parsing as the application does, fixtures, and edits by field path. */
final class TestJson {

    /** Configured like the application's parser: floats are read as BigDecimal. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private TestJson() {
    }

    static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    /** A fresh copy of a fixture envelope, e.g. {@code envelope(Domain.valueOf("TENDER"), "full")}. */
    static ObjectNode envelope(Domain domain, String variant) {
        String name = domain.name().toLowerCase(Locale.ROOT) + "-" + variant + ".json";
        try (InputStream in = TestJson.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces (or adds) the value at a path such as {@code payload.bids[1].price}; the parent must exist. */
    static ObjectNode set(ObjectNode root, String path, JsonNode value) {
        int split = path.lastIndexOf('.');
        String last = path.substring(split + 1);
        JsonNode parent = split < 0 ? root : at(root, path.substring(0, split));
        Matcher indexed = Pattern.compile("(.+)\\[(\\d+)]$").matcher(last);
        if (indexed.matches()) {
            ((ArrayNode) parent.get(indexed.group(1))).set(Integer.parseInt(indexed.group(2)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return root;
    }

    static ObjectNode set(ObjectNode root, String path, String jsonValue) {
        return set(root, path, json(jsonValue));
    }

    static ObjectNode remove(ObjectNode root, String path) {
        int split = path.lastIndexOf('.');
        JsonNode parent = split < 0 ? root : at(root, path.substring(0, split));
        ((ObjectNode) parent).remove(path.substring(split + 1));
        return root;
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                throw new IllegalArgumentException(path);
            }
            node = node.get(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                node = node.get(Integer.parseInt(index.group(1)));
            }
            if (node == null) {
                throw new IllegalArgumentException("no node at " + path);
            }
        }
        return node;
    }
}
