package lianshao.records;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import lianshao.evaluation.Context;
import lianshao.evaluation.FactMapper;
import lianshao.evaluation.RecordMeta;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.Admission;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.reference.ReferenceQueries;
import lianshao.support.Json;
import lianshao.support.Times;
import lianshao.warnings.Warnings;

/**
 * Loads what the rules need to judge a record, bounded in rows: the earlier records sharing one of its
 * context keys, the parties it names, the leaders of its organisation and bureau, their relations two
 * hops out (a supplier → its legal representative → that person's kin), sanctions and earlier warnings
 * of those parties, the admission plan
 * and the working-day calendar. Rules never query the database themselves.
 */
@Component
class ContextLoader {

    private final RecordStore store;
    private final ReferenceQueries reference;
    private final Warnings warnings;
    private final FactMapper mapper;
    private final EvaluationSettings settings;

    ContextLoader(RecordStore store, ReferenceQueries reference, Warnings warnings, FactMapper mapper,
            EvaluationSettings settings) {
        this.store = store;
        this.warnings = warnings;
        this.reference = reference;
        this.mapper = mapper;
        this.settings = settings;
    }

    Context load(RecordFact record) {
        List<RecordKey> keys = store.keys(record.recordId());
        List<RecordFact> earlier = earlierRecords(record, keys);

        List<Org> orgs = new ArrayList<>(reference.orgs(List.of(record.orgCode())));
        String parent = orgs.stream().map(Org::parentCode).filter(p -> p != null).findFirst().orElse(null);
        if (parent != null) {
            orgs.addAll(reference.orgs(List.of(parent)));
        }
        List<Party> leaders = reference.leadersOf(parent == null ? List.of(record.orgCode()) : List.of(record.orgCode(), parent));

        Set<String> refs = new LinkedHashSet<>();
        keys.stream().filter(k -> k.name().equals(RecordKey.PARTY)).forEach(k -> refs.add(k.value()));
        leaders.forEach(l -> refs.add(l.id()));
        Map<Relation, Boolean> relations = new LinkedHashMap<>();
        Set<String> reached = new LinkedHashSet<>(refs);
        Set<String> frontier = new LinkedHashSet<>(refs);
        for (int hop = 0; hop < 2 && !frontier.isEmpty(); hop++) {
            Set<String> next = new LinkedHashSet<>();
            for (Relation relation : reference.relationsTouching(frontier, settings.maxRelations())) {
                if (relations.putIfAbsent(relation, true) == null) {
                    for (String end : List.of(relation.fromRef(), relation.toRef())) {
                        if (reached.add(end)) {
                            next.add(end);
                        }
                    }
                }
            }
            frontier = next;
        }
        Map<String, Party> parties = new LinkedHashMap<>();
        leaders.forEach(p -> parties.put(p.id(), p));
        reference.parties(reached).forEach(p -> parties.putIfAbsent(p.id(), p));

        List<AdmissionPlan> plans = new ArrayList<>();
        if (record instanceof Admission a) {
            reference.admissionPlan(a.orgCode(), a.year(), a.stage()).ifPresent(plans::add);
        }
        int year = record.occurredOn().getYear();
        LocalDateTime since = Times.toUtc(record.occurredAt()).minusYears(settings.lookbackYears());
        return new Context(earlier, List.copyOf(parties.values()), List.copyOf(orgs), List.copyOf(relations.keySet()),
                reference.sanctions(parties.keySet()), warnings.priorHitsOf(refs, record.recordId(), since, settings.maxContextRecords()),
                plans, reference.calendar(List.of(year - 1, year, year + 1)));
    }

    private List<RecordFact> earlierRecords(RecordFact record, List<RecordKey> keys) {
        List<RecordKey> contextKeys = keys.stream().filter(RecordKey::context).toList();
        LocalDateTime occurred = Times.toUtc(record.occurredAt());
        List<RecordFact> facts = new ArrayList<>();
        for (StoredRecord stored : store.earlier(contextKeys, record.recordId(), occurred,
                occurred.minusYears(settings.lookbackYears()), settings.maxContextRecords())) {
            JsonNode envelope = Json.parse(stored.envelope());
            RecordMeta meta = new RecordMeta(stored.id(), stored.externalId(), stored.source(), stored.domain(),
                    stored.orgCode(), OffsetDateTime.parse(envelope.get("occurredAt").asString()));
            facts.add(mapper.toFact(meta, envelope.get("payload"), false));
        }
        return facts;
    }
}
