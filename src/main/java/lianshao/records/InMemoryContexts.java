package lianshao.records;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import lianshao.evaluation.Context;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;
import lianshao.support.Times;
import lianshao.warnings.Warnings;

/**
 * The context production would load for a record if a given set of facts had been stored first, selected by
 * {@link ContextLoader} itself. Rule tests run through it: a rule test writes its earlier records, reference data
 * and earlier warnings freely, and the rule sees of them only what production would load for the record under
 * test (earlier records sharing a context key, within the look-back and before the record; parties two relations
 * out from those the record names and its leaders; their sanctions and warnings; the record's own organisation,
 * its parent and its admission plan; the calendar of the record's year and the years beside it).
 *
 * <p>The facts are held as ingestion and the reference imports would store them: earlier records in the given
 * order, a later one with the same source and external id replacing the earlier one as its new revision, and one
 * with the identity of the record under test being that record itself; earlier warnings are standing warnings on
 * the day they name.
 */
public final class InMemoryContexts {

    private InMemoryContexts() {
    }

    /**
     * @param settings the bounds of context loading
     * @param record   the record to judge
     * @param envelope its envelope (its lookup keys come from it, as at ingestion)
     * @param written  the facts to hold: every list of a context (prior hits as standing warnings), earlier
     *                 records as the facts of {@code earlier}, in the same order
     * @param earlier  the envelopes of the earlier records
     */
    public static Context load(EvaluationSettings settings, RecordFact record, JsonNode envelope, Context written,
            List<JsonNode> earlier) {
        if (earlier.size() != written.earlierRecords().size()) {
            throw new IllegalArgumentException("one envelope per earlier record: " + earlier.size() + " envelopes, "
                    + written.earlierRecords().size() + " records");
        }
        Map<String, Held> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < earlier.size(); i++) {
            byIdentity.put(identity(earlier.get(i)), new Held(written.earlierRecords().get(i), Set.copyOf(RecordKeys.of(earlier.get(i)))));
        }
        byIdentity.remove(identity(envelope));
        ContextLoader loader = new ContextLoader(new Store(byIdentity.values(), written), settings);
        return loader.prepare(List.of(new ContextLoader.Subject(record, RecordKeys.of(envelope)))).contextOf(record);
    }

    private static String identity(JsonNode envelope) {
        return envelope.path("source").asString() + "\u0000" + envelope.path("externalId").asString();
    }

    private record Held(RecordFact fact, Set<RecordKey> keys) {

        LocalDateTime occurredAt() {
            return Times.toUtc(fact.occurredAt());
        }
    }

    /** The held facts, answered with the filters and limits of the queries of {@link DatabaseContextStore}. */
    private static final class Store implements ContextStore {

        private final Map<String, Held> records = new LinkedHashMap<>();
        private final Context reference;

        Store(Collection<Held> held, Context reference) {
            held.forEach(h -> records.put(h.fact().recordId(), h));
            this.reference = reference;
        }

        @Override
        public List<RecordKey> keys(String recordId) {
            Held held = records.get(recordId);
            return held == null ? List.of() : List.copyOf(held.keys());
        }

        @Override
        public List<RecordStore.KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit) {
            // every row of the keys in the lookback and after: a superset, which the loader bounds as it bounds the database's
            List<RecordKey> keys = spans.stream().map(KeySpan::key).toList();
            LocalDateTime from = spans.stream().map(KeySpan::since).min(java.util.Comparator.naturalOrder()).orElse(LocalDateTime.MAX);
            List<RecordStore.KeyRow> rows = new ArrayList<>();
            for (Held held : records.values()) {
                LocalDateTime at = held.occurredAt();
                if (at.isBefore(from)) {
                    continue;
                }
                for (RecordKey key : keys) {
                    if (held.keys().contains(key)) {
                        rows.add(new RecordStore.KeyRow(held.fact().recordId(), 1, key.name(), key.value(), at));
                    }
                }
            }
            return rows;
        }

        @Override
        public Map<String, RecordFact> records(Map<String, Integer> revisions) {
            Map<String, RecordFact> facts = new HashMap<>();
            revisions.keySet().stream().map(records::get).filter(java.util.Objects::nonNull)
                    .forEach(h -> facts.put(h.fact().recordId(), h.fact()));
            return facts;
        }

        @Override
        public List<Org> orgs(Collection<String> codes) {
            return reference.orgs().stream().filter(o -> codes.contains(o.code())).toList();
        }

        @Override
        public List<Party> leadersOf(Collection<String> orgCodes) {
            return reference.parties().stream().filter(p -> p.orgCode() != null && orgCodes.contains(p.orgCode()))
                    .filter(p -> p.hasRole("LEADER") || p.hasRole("PRINCIPAL")).toList();
        }

        @Override
        public List<Relation> relationsTouching(Collection<String> refs, int limit) {
            return reference.relations().stream().filter(r -> refs.contains(r.fromRef()) || refs.contains(r.toRef()))
                    .limit(limit).toList();
        }

        @Override
        public List<Party> parties(Collection<String> ids) {
            return reference.parties().stream().filter(p -> ids.contains(p.id())).toList();
        }

        @Override
        public List<Sanction> sanctions(Collection<String> subjectRefs) {
            return reference.sanctions().stream().filter(s -> subjectRefs.contains(s.subjectRef())).toList();
        }

        @Override
        public List<Warnings.SubjectHit> subjectHits(Collection<String> subjectRefs, Set<String> ruleIds, LocalDateTime since, int limit) {
            return reference.priorHits().stream().filter(h -> h.occurredOn() != null && subjectRefs.contains(h.subjectRef()))
                    .filter(h -> ruleIds == null || ruleIds.contains(h.ruleId()))
                    .map(h -> new Warnings.SubjectHit(h, h.occurredOn().atStartOfDay()))
                    .filter(h -> !h.occurredAt().isBefore(since))
                    .sorted(Comparator.comparing(Warnings.SubjectHit::occurredAt).reversed()).limit(limit).toList();
        }

        @Override
        public Optional<AdmissionPlan> admissionPlan(String orgCode, int year, String stage) {
            return reference.admissionPlans().stream()
                    .filter(p -> p.orgCode().equals(orgCode) && p.year() == year && p.stage().equals(stage)).findFirst();
        }

        @Override
        public WorkCalendar calendar(Collection<Integer> years) {
            return new WorkCalendar(inYears(reference.calendar().holidays(), years),
                    inYears(reference.calendar().workdays(), years));
        }

        private static Set<LocalDate> inYears(Set<LocalDate> days, Collection<Integer> years) {
            return days.stream().filter(d -> years.contains(d.getYear())).collect(Collectors.toUnmodifiableSet());
        }
    }
}
