package lianshao.records;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import lianshao.evaluation.Context;
import lianshao.evaluation.FactMapper;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.reference.InMemoryReference;
import lianshao.support.Json;
import lianshao.support.Times;
import lianshao.warnings.InMemoryWarnings;
import lianshao.warnings.Warnings;

/**
 * What production context loading ({@link ContextLoader}, with the keys of {@link RecordKeys}) would give a record
 * if a rule test case's context had been stored first: its earlier records ingested in file order (a later one
 * with the same source and external id is a new revision of the earlier one), its reference data written, its
 * prior hits standing warnings. The stores are held in memory with the filters of their SQL queries.
 */
public final class ProductionContexts {

    /** The defaults of {@code lianshao.evaluation.*}, which application.properties does not change. */
    private static final EvaluationSettings SETTINGS = new EvaluationSettings(5, 500, 2000, Duration.ofSeconds(60),
            Duration.ofSeconds(10), Duration.ofHours(1), 100, 10_000, 3, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofHours(1));

    private ProductionContexts() {
    }

    /** A production context and how many stored earlier records were replaced by a later revision. */
    public record Loaded(Context context, int revisionsReplaced) {
    }

    /**
     * @param record         the record under test (its fact's id must not be one of {@code earlierIds})
     * @param envelope       its envelope
     * @param earlier        the envelopes of the case's earlier records, in file order
     * @param earlierIds     the ids their facts carry in the rule test
     * @param reference      the case's reference data and prior hits as the rule test has them
     */
    public static Loaded load(RecordFact record, JsonNode envelope, List<JsonNode> earlier, List<String> earlierIds,
            Context reference) {
        Map<String, Stored> byIdentity = new LinkedHashMap<>();
        int replaced = 0;
        String ownIdentity = identity(envelope);
        for (int i = 0; i < earlier.size(); i++) {
            JsonNode e = earlier.get(i);
            if (byIdentity.put(identity(e), new Stored(earlierIds.get(i), e)) != null) {
                replaced++;
            }
        }
        if (byIdentity.remove(ownIdentity) != null) {
            replaced++;
        }
        InMemoryRecords store = new InMemoryRecords(byIdentity.values());
        List<Warnings.SubjectHit> hits = new ArrayList<>();
        for (PriorHit hit : reference.priorHits()) {
            hits.add(new Warnings.SubjectHit(hit, hit.occurredOn() == null ? LocalDateTime.MIN : hit.occurredOn().atStartOfDay()));
        }
        InMemoryReference inMemory = new InMemoryReference(reference.orgs(), reference.parties(),
                reference.relations(), reference.sanctions(), reference.admissionPlans(), reference.calendar());
        ContextLoader loader = new ContextLoader(store, inMemory, inMemory.cache(), new InMemoryWarnings(hits), new FactMapper(),
                SETTINGS);
        Context context = loader.prepare(List.of(new ContextLoader.Subject(record, RecordKeys.of(envelope))))
                .contextOf(record);
        return new Loaded(context, replaced);
    }

    private static String identity(JsonNode envelope) {
        return envelope.path("source").asString() + "\u0000" + envelope.path("externalId").asString();
    }

    private record Stored(String id, JsonNode envelope) {

        LocalDateTime occurredAt() {
            return Times.toUtc(java.time.OffsetDateTime.parse(envelope.path("occurredAt").asString()));
        }
    }

    /** The record and record_key tables, for the queries context loading makes. */
    private static final class InMemoryRecords extends RecordStore {

        private final List<Stored> stored;

        InMemoryRecords(Collection<Stored> stored) {
            super(null, null);
            this.stored = List.copyOf(stored);
        }

        @Override
        List<RecordKey> keys(String recordId) {
            return stored.stream().filter(s -> s.id().equals(recordId)).findFirst()
                    .map(s -> List.copyOf(RecordKeys.of(s.envelope()))).orElse(List.of());
        }

        @Override
        List<KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit, boolean later) {
            // every row of the keys from the earliest lookback on: a superset, which the loader bounds
            Set<RecordKey> wanted = spans.stream().map(KeySpan::key).collect(java.util.stream.Collectors.toSet());
            LocalDateTime from = spans.stream().map(KeySpan::since).min(java.util.Comparator.naturalOrder()).orElse(LocalDateTime.MAX);
            List<KeyRow> rows = new ArrayList<>();
            for (Stored s : stored) {
                LocalDateTime at = s.occurredAt();
                if (at.isBefore(from)) {
                    continue;
                }
                for (RecordKey key : RecordKeys.of(s.envelope())) {
                    if (wanted.contains(key)) {
                        rows.add(new KeyRow(s.id(), 1, key.name(), key.value(), at));
                    }
                }
            }
            return rows;
        }

        @Override
        List<StoredRecord> findAll(Collection<String> ids) {
            return stored.stream().filter(s -> ids.contains(s.id()))
                    .map(s -> new StoredRecord(s.id(), s.envelope().path("source").asString(),
                            s.envelope().path("externalId").asString(), s.envelope().path("domain").asString(),
                            s.envelope().path("orgCode").asString(), 1, "", RecordStatus.EVALUATED, null, null, null, null,
                            0, Json.write(s.envelope())))
                    .toList();
        }
    }
}
