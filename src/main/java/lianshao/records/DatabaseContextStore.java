package lianshao.records;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import lianshao.evaluation.FactMapper;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;
import lianshao.reference.ReferenceCache;
import lianshao.reference.ReferenceQueries;
import lianshao.support.Json;
import lianshao.warnings.Warnings;

/** The stored records, reference data and warnings, as context selection reads them in production. */
final class DatabaseContextStore implements ContextStore {

    private final RecordStore store;
    private final ReferenceQueries reference;
    private final ReferenceCache cache;
    private final Warnings warnings;
    private final FactMapper mapper;
    private final FactCache factCache;
    /** The copy of reference data this store reads, fixed for a batch; null: the copy as stored now. */
    private final ReferenceCache.Snapshot pinned;

    DatabaseContextStore(RecordStore store, ReferenceQueries reference, ReferenceCache cache, Warnings warnings, FactMapper mapper) {
        this(store, reference, cache, warnings, mapper, new FactCache(20_000), null);
    }

    private DatabaseContextStore(RecordStore store, ReferenceQueries reference, ReferenceCache cache, Warnings warnings,
            FactMapper mapper, FactCache factCache, ReferenceCache.Snapshot pinned) {
        this.store = store;
        this.reference = reference;
        this.cache = cache;
        this.warnings = warnings;
        this.mapper = mapper;
        this.factCache = factCache;
        this.pinned = pinned;
    }

    /** Organisations, leaders, plans and the calendar from the in-memory copy, its version read once for the batch. */
    @Override
    public ContextStore forOneBatch() {
        return new DatabaseContextStore(store, reference, cache, warnings, mapper, factCache, cache.current());
    }

    private ReferenceCache.Snapshot referenceData() {
        return pinned != null ? pinned : cache.current();
    }

    @Override
    public List<RecordKey> keys(String recordId) {
        return store.keys(recordId);
    }

    @Override
    public List<RecordStore.KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit) {
        return store.keyRowsNear(spans, limit, false);
    }

    /**
     * Earlier records are read again and again (every admission of a school sees the ones before it): their facts
     * are kept by id and revision, and only the missing ones are read, in one query, and parsed.
     */
    @Override
    public Map<String, RecordFact> records(Map<String, Integer> revisions) {
        Map<String, RecordFact> facts = new HashMap<>();
        List<String> missing = new ArrayList<>();
        revisions.forEach((id, revision) -> {
            RecordFact cached = factCache.get(id, revision);
            if (cached != null) {
                facts.put(id, cached);
            } else {
                missing.add(id);
            }
        });
        if (missing.isEmpty()) {
            return facts;
        }
        for (StoredRecord stored : store.findAll(missing)) {
            RecordFact fact = toFact(stored);
            facts.put(stored.id(), fact);
            factCache.put(stored.id(), stored.revision(), fact);
        }
        return facts;
    }

    @Override
    public void committed(String recordId, int revision, RecordFact fact) {
        factCache.put(recordId, revision, fact);
    }

    @Override
    public List<Org> orgs(Collection<String> codes) {
        return referenceData().orgs(codes);
    }

    @Override
    public List<Party> leadersOf(Collection<String> orgCodes) {
        return referenceData().leadersOf(orgCodes);
    }

    @Override
    public List<Relation> relationsTouching(Collection<String> refs, int limit) {
        return reference.relationsTouching(refs, limit);
    }

    @Override
    public List<Party> parties(Collection<String> ids) {
        return reference.parties(ids);
    }

    @Override
    public List<Sanction> sanctions(Collection<String> subjectRefs) {
        return reference.sanctions(subjectRefs);
    }

    @Override
    public List<Warnings.SubjectHit> subjectHits(Collection<String> subjectRefs, Set<String> ruleIds, LocalDateTime since, int limit) {
        return warnings.subjectHits(subjectRefs, ruleIds, since, limit);
    }

    @Override
    public Optional<AdmissionPlan> admissionPlan(String orgCode, int year, String stage) {
        return referenceData().admissionPlan(orgCode, year, stage);
    }

    @Override
    public WorkCalendar calendar(Collection<Integer> years) {
        return referenceData().calendar(years);
    }

    private RecordFact toFact(StoredRecord stored) {
        JsonNode envelope = Json.parse(stored.envelope());
        RecordMeta meta = new RecordMeta(stored.id(), stored.externalId(), stored.source(), stored.domain(),
                stored.orgCode(), OffsetDateTime.parse(envelope.get("occurredAt").asString()));
        return mapper.toFact(meta, envelope.get("payload"), false);
    }
}
