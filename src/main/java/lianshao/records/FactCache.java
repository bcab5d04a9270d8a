package lianshao.records;

import java.util.LinkedHashMap;
import java.util.Map;

import lianshao.facts.RecordFact;

/**
 * The facts of earlier records, by record id and revision, the least recently used dropped first.
 * A revision is immutable, so an entry never goes stale: a revised record is found under its new
 * revision. Facts are immutable values and are shared by the sessions that judge later records.
 */
final class FactCache {

    private final Map<String, RecordFact> entries;

    FactCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RecordFact> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized RecordFact get(String recordId, int revision) {
        return entries.get(recordId + "#" + revision);
    }

    synchronized void put(String recordId, int revision, RecordFact fact) {
        entries.put(recordId + "#" + revision, fact);
    }
}
