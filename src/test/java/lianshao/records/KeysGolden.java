package lianshao.records;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The lookup keys of a record envelope, for the golden test of the contract. */
public final class KeysGolden {

    private KeysGolden() {
    }

    /** {@code NAME=value} in extraction order; context keys (those that find earlier records) marked {@code *}. */
    public static List<String> keys(JsonNode envelope) {
        return RecordKeys.of(envelope).stream().map(k -> (k.context() ? "*" : "") + k.name() + "=" + k.value()).toList();
    }
}
