package lianshao.records;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The production key extraction ({@link RecordKeys}, package-private) for benchmarks that fill the store directly. */
public final class BenchRecordKeys {

    private BenchRecordKeys() {
    }

    /** The lookup keys of an envelope as {name, value} pairs, as the service stores them in record_key. */
    public static List<String[]> of(JsonNode envelope) {
        return RecordKeys.of(envelope).stream().map(k -> new String[] {k.name(), k.value()}).toList();
    }
}
