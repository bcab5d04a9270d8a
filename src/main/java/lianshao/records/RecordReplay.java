package lianshao.records;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import lianshao.evaluation.Context;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.RecordFact;
import lianshao.support.Json;

/**
 * Stored records read back to be judged again (a backtest, or applying a rule set to them): their ids in a time
 * range and each one as a fact with the context it would be judged with today. Reads only.
 */
@Component
public class RecordReplay {

    /** A stored record (latest revision) ready to evaluate. */
    public record Replayed(String recordId, String externalId, String domain, String orgCode, OffsetDateTime occurredAt,
            RecordFact fact, Context context) {
    }

    private final JdbcClient jdbc;
    private final RecordStore store;
    private final ContextLoader contexts;
    private final FactMapper mapper;

    RecordReplay(JdbcClient jdbc, RecordStore store, ContextLoader contexts, FactMapper mapper) {
        this.jdbc = jdbc;
        this.store = store;
        this.contexts = contexts;
        this.mapper = mapper;
    }

    /** A stored record's id and domain, as listed before anything of it is loaded. */
    public record Listed(String id, String domain) {
    }

    /** The records that occurred in [fromUtc, toUtc) with their domains, oldest first, at most {@code limit}. */
    public List<Listed> listedBetween(LocalDateTime fromUtc, LocalDateTime toUtc, int limit) {
        return jdbc.sql("SELECT id, domain FROM record WHERE occurred_at >= ? AND occurred_at < ? ORDER BY occurred_at, id LIMIT ?")
                .params(fromUtc, toUtc, limit).query((rs, n) -> new Listed(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Ids of the records of the domains that occurred in [fromUtc, toUtc) whose organisation lies in the district
     * (null: the whole city), oldest first, at most {@code limit}.
     */
    public List<String> idsBetween(LocalDateTime fromUtc, LocalDateTime toUtc, Collection<String> domains, String district,
            int limit) {
        return jdbc.sql("""
                SELECT r.id FROM record r WHERE r.occurred_at >= :from AND r.occurred_at < :to AND r.domain IN (:domains)
                  AND (:district IS NULL OR r.org_code IN (SELECT o.code FROM org o WHERE o.district = :district))
                ORDER BY r.occurred_at, r.id LIMIT :limit""")
                .param("from", fromUtc).param("to", toUtc).param("domains", List.copyOf(domains)).param("district", district)
                .param("limit", limit).query(String.class).list();
    }

    public Optional<Replayed> load(String recordId) {
        return store.find(recordId).map(stored -> {
            RecordFact fact = fact(stored);
            return new Replayed(stored.id(), stored.externalId(), stored.domain(), stored.orgCode(), fact.occurredAt(), fact,
                    contexts.load(fact));
        });
    }

    /**
     * The given records, in their order (missing ids left out), with their contexts loaded by one set of queries for
     * all of them ({@link ContextLoader#prepare}) instead of one set per record: each context is the one {@link #load}
     * gives the record on its own.
     */
    public List<Replayed> loadAll(List<String> recordIds) {
        Map<String, StoredRecord> stored = new HashMap<>();
        store.findAll(recordIds).forEach(r -> stored.put(r.id(), r));
        Map<String, List<RecordKey>> keys = store.keysOf(stored.keySet());
        List<StoredRecord> found = recordIds.stream().distinct().map(stored::get).filter(Objects::nonNull).toList();
        List<ContextLoader.Subject> subjects = found.stream()
                .map(r -> new ContextLoader.Subject(fact(r), keys.getOrDefault(r.id(), List.of()))).toList();
        ContextLoader.Batch batch = contexts.prepare(subjects);
        return subjects.stream().map(s -> {
            RecordFact fact = s.fact();
            StoredRecord r = stored.get(fact.recordId());
            return new Replayed(r.id(), r.externalId(), r.domain(), r.orgCode(), fact.occurredAt(), fact, batch.contextOf(fact));
        }).toList();
    }

    private RecordFact fact(StoredRecord stored) {
        JsonNode envelope = Json.parse(stored.envelope());
        OffsetDateTime occurredAt = OffsetDateTime.parse(envelope.get("occurredAt").asString());
        RecordMeta meta = new RecordMeta(stored.id(), stored.externalId(), stored.source(), stored.domain(),
                stored.orgCode(), occurredAt);
        return mapper.toFact(meta, envelope.get("payload"), true);
    }
}
