package lianshao.records;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import lianshao.contract.Domain;
import lianshao.evaluation.Context;
import lianshao.evaluation.FactMapper;
import lianshao.facts.Admission;
import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;
import lianshao.grading.GradedHit;
import lianshao.reference.ReferenceCache;
import lianshao.reference.ReferenceQueries;
import lianshao.rules.FactDemand;
import lianshao.rules.RuleSet;
import lianshao.support.Times;
import lianshao.warnings.Warnings;

/**
 * Loads what the rules need to judge a record, bounded in rows: the earlier records sharing one of its
 * context keys, the parties it names, the leaders of its organisation and bureau, their relations two
 * hops out (a supplier → its legal representative → that person's kin), sanctions and earlier warnings
 * of those parties, the admission plan and the working-day calendar. Rules never query the database
 * themselves.
 *
 * <p>A batch of records is loaded with one set of queries for all of them ({@link #prepare}); each
 * record's context is then cut out of it in memory with the same bounds as if it had been loaded alone,
 * so a record is judged the same in a batch of 1,000 as on its own.
 *
 * <p>Earlier warnings of the parties ({@link PriorHit}) are loaded only for records of a domain whose rules match
 * them, and only of the rules those rules name ({@link Demand}).
 *
 * <p>The selection reads through a {@link ContextStore}: the database in production, a rule test's context held in
 * memory when rule tests run ({@link InMemoryContexts}). A rule therefore sees in its test only what it would see in
 * production.
 */
@Component
class ContextLoader {

    private final ContextStore store;
    private final EvaluationSettings settings;

    @Autowired
    ContextLoader(RecordStore store, ReferenceQueries reference, ReferenceCache cache, Warnings warnings, FactMapper mapper,
            EvaluationSettings settings) {
        this(new DatabaseContextStore(store, reference, cache, warnings, mapper), settings);
    }

    /** Selection over another store than the database: a rule test's context held in memory. */
    ContextLoader(ContextStore store, EvaluationSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** A record to judge and its lookup keys. */
    record Subject(RecordFact fact, Collection<RecordKey> keys) {
    }

    /** Which facts the rules judging a domain's records may match ({@link FactDemand}); context no rule matches is left out. */
    interface Demand {
        Demand EVERYTHING = (domain, type) -> true;

        boolean needs(Domain domain, Class<?> type);

        /** The rules whose earlier warnings the domain's rules may match; null: every rule's. */
        default Set<String> priorHitRules(Domain domain) {
            return null;
        }

        static Demand of(RuleSet ruleSet) {
            FactDemand demand = FactDemand.of(ruleSet);
            return new Demand() {
                @Override
                public boolean needs(Domain domain, Class<?> type) {
                    return demand.needs(domain, type);
                }

                @Override
                public Set<String> priorHitRules(Domain domain) {
                    return demand.priorHitRules(domain).orElse(null);
                }
            };
        }
    }

    /**
     * The context of one stored record, loaded on its own, whole: whatever rule set judges it (a draft's backtest)
     * sees what it would see if it were the one in force.
     */
    Context load(RecordFact record) {
        return prepare(List.of(new Subject(record, store.keys(record.recordId())))).contextOf(record);
    }

    /**
     * Notes the facts of records judged in the current transaction, as earlier records of later ones (not current): once
     * it commits, the records they share keys with find them without a read. Nothing is noted of a transaction that rolls
     * back, so a revision number used again later never finds the facts of a revision that was not stored.
     */
    void judgedInTransaction(Map<String, Integer> revisions, Map<String, RecordFact> facts) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    revisions.forEach((id, revision) -> store.committed(id, revision, facts.get(id)));
                }
            });
        }
    }

    /** Loads, with one set of queries, the whole contexts of all the given records. */
    Batch prepare(List<Subject> subjects) {
        return prepare(subjects, Demand.EVERYTHING);
    }

    /** Loads, with one set of queries, what the rules of the demand need of the contexts of all the given records. */
    Batch prepare(List<Subject> subjects, Demand demand) {
        return prepare(subjects, demand, null);
    }

    /** As {@link #prepare(List, Demand)}, taking earlier records' key rows from those the transaction read (if any). */
    Batch prepare(List<Subject> subjects, Demand demand, KeyRowsRead keyRowsRead) {
        return new Batch(subjects, demand, keyRowsRead);
    }

    /**
     * The reference data and earlier records of a batch. Records are judged in order: the warnings of a
     * record judged earlier in the batch count as earlier warnings of the later ones ({@link #judged}), as
     * they would if each had been evaluated on its own after the one before.
     */
    final class Batch {

        private final Map<String, Subject> subjects = new LinkedHashMap<>();
        private final Map<RecordKey, List<KeyedRecord>> byKey = new HashMap<>();
        private final Map<String, List<String>> earlierIdsOf = new HashMap<>();
        private final Map<String, RecordFact> earlierFacts = new HashMap<>();
        private final Map<String, Org> orgs = new HashMap<>();
        private final List<Party> leaders;
        private final Map<String, List<Relation>> relationsByEnd = new HashMap<>();
        private final Map<String, Party> parties = new HashMap<>();
        private final Map<String, List<Sanction>> sanctions = new HashMap<>();
        private final Set<String> sanctionsLoaded = new HashSet<>();
        private final List<Warnings.SubjectHit> priorHits;
        private final Map<String, List<Warnings.SubjectHit>> judgedHits = new HashMap<>();
        private final Map<String, Optional<AdmissionPlan>> plans = new HashMap<>();
        private final WorkCalendar calendar;
        private final Demand demand;
        private final ContextStore at;

        private Batch(List<Subject> list, Demand demand, KeyRowsRead keyRowsRead) {
            this.demand = demand;
            this.at = store.forOneBatch();
            list.forEach(s -> subjects.put(s.fact().recordId(), s));
            loadEarlierKeys(keyRowsRead);
            // organisations and their parents (the bureau), and the leaders of both
            Set<String> codes = new TreeSet<>();
            list.forEach(s -> codes.add(s.fact().orgCode()));
            at.orgs(codes).forEach(o -> orgs.put(o.code(), o));
            Set<String> parents = new TreeSet<>();
            orgs.values().stream().map(Org::parentCode).filter(Objects::nonNull).filter(p -> !orgs.containsKey(p))
                    .forEach(parents::add);
            at.orgs(parents).forEach(o -> orgs.put(o.code(), o));
            Set<String> leaderOrgs = new TreeSet<>();
            list.forEach(s -> leaderOrgs.addAll(orgCodesOf(s.fact())));
            leaders = at.leadersOf(leaderOrgs);
            // relations two hops out from every record's own parties, then those parties
            Set<String> refs = new LinkedHashSet<>();
            list.forEach(s -> refs.addAll(ownRefs(s)));
            Set<String> reached = new LinkedHashSet<>(refs);
            Set<String> frontier = new LinkedHashSet<>(refs);
            Set<Relation> seen = new HashSet<>();
            int limit = settings.maxRelations() * Math.max(1, list.size());
            for (int hop = 0; hop < 2 && !frontier.isEmpty(); hop++) {
                Set<String> next = new LinkedHashSet<>();
                for (Relation relation : at.relationsTouching(frontier, limit)) {
                    if (seen.add(relation)) {
                        relationsByEnd.computeIfAbsent(relation.fromRef(), k -> new ArrayList<>()).add(relation);
                        if (!relation.toRef().equals(relation.fromRef())) {
                            relationsByEnd.computeIfAbsent(relation.toRef(), k -> new ArrayList<>()).add(relation);
                        }
                        for (String end : List.of(relation.fromRef(), relation.toRef())) {
                            if (reached.add(end)) {
                                next.add(end);
                            }
                        }
                    }
                }
                frontier = next;
            }
            at.parties(reached).forEach(p -> parties.put(p.id(), p));
            leaders.forEach(p -> parties.putIfAbsent(p.id(), p));
            Set<String> partyIds = new LinkedHashSet<>(reached);
            leaders.forEach(p -> partyIds.add(p.id()));
            at.sanctions(partyIds).forEach(s -> sanctions.computeIfAbsent(s.subjectRef(), k -> new ArrayList<>()).add(s));
            sanctionsLoaded.addAll(partyIds);
            LocalDateTime since = list.stream().map(s -> since(s.fact())).min(Comparator.naturalOrder()).orElse(null);
            // earlier warnings only for the records whose rules match them, of those records' parties and of the rules
            // their rules name
            Set<String> hitRefs = new LinkedHashSet<>();
            Set<String> hitRules = new TreeSet<>();
            boolean everyRule = false;
            for (Subject s : list) {
                if (needsPriorHits(s.fact())) {
                    hitRefs.addAll(ownRefs(s));
                    Set<String> rules = priorHitRules(s.fact());
                    everyRule |= rules == null;
                    if (rules != null) {
                        hitRules.addAll(rules);
                    }
                }
            }
            priorHits = hitRefs.isEmpty() ? List.of()
                    : at.subjectHits(hitRefs, everyRule ? null : hitRules, since, settings.maxContextRecords() * Math.max(1, list.size()));
            Set<Integer> years = new TreeSet<>();
            list.forEach(s -> {
                int year = s.fact().occurredOn().getYear();
                years.addAll(List.of(year - 1, year, year + 1));
            });
            calendar = at.calendar(years);
        }

        /**
         * Whether the rules judging the record see earlier warnings (as {@code PriorHit}), those of the records judged
         * before it in this batch included: it must then be judged after them.
         */
        boolean seesEarlierWarnings(RecordFact record) {
            return needsPriorHits(record);
        }

        private boolean needsPriorHits(RecordFact record) {
            return demand.needs(Domain.valueOf(record.domain()), PriorHit.class);
        }

        private Set<String> priorHitRules(RecordFact record) {
            return demand.priorHitRules(Domain.valueOf(record.domain()));
        }

        /** The sanctions of a party, when this batch loaded them (empty: ask the database). */
        java.util.Optional<List<Sanction>> loadedSanctions(String partyRef) {
            return sanctionsLoaded.contains(partyRef) ? java.util.Optional.of(sanctions.getOrDefault(partyRef, List.of()))
                    : java.util.Optional.empty();
        }

        /** The context of one of the batch's records. */
        Context contextOf(RecordFact record) {
            Subject subject = subjects.get(record.recordId());
            if (subject == null) {
                throw new IllegalArgumentException("record " + record.recordId() + " is not in this batch");
            }
            List<Org> ownOrgs = orgCodesOf(record).stream().map(orgs::get).filter(Objects::nonNull).toList();
            List<Party> ownLeaders = leadersOf(record);
            Set<String> refs = ownRefs(subject);
            Map<Relation, Boolean> relations = new LinkedHashMap<>();
            Set<String> reached = new LinkedHashSet<>(refs);
            Set<String> frontier = new LinkedHashSet<>(refs);
            for (int hop = 0; hop < 2 && !frontier.isEmpty(); hop++) {
                Set<String> next = new LinkedHashSet<>();
                int taken = 0;
                for (String ref : frontier) {
                    for (Relation relation : relationsByEnd.getOrDefault(ref, List.of())) {
                        if (taken >= settings.maxRelations()) {
                            break;
                        }
                        if (relations.putIfAbsent(relation, true) == null) {
                            taken++;
                            for (String end : List.of(relation.fromRef(), relation.toRef())) {
                                if (reached.add(end)) {
                                    next.add(end);
                                }
                            }
                        }
                    }
                }
                frontier = next;
            }
            Map<String, Party> ownParties = new LinkedHashMap<>();
            ownLeaders.forEach(p -> ownParties.put(p.id(), p));
            reached.stream().map(parties::get).filter(Objects::nonNull).forEach(p -> ownParties.putIfAbsent(p.id(), p));
            List<Sanction> ownSanctions = ownParties.keySet().stream()
                    .flatMap(id -> sanctions.getOrDefault(id, List.of()).stream()).toList();

            List<AdmissionPlan> ownPlans = new ArrayList<>();
            if (record instanceof Admission a) {
                plans.computeIfAbsent(a.orgCode() + "|" + a.year() + "|" + a.stage(),
                        k -> at.admissionPlan(a.orgCode(), a.year(), a.stage())).ifPresent(ownPlans::add);
            }
            return new Context(earlierRecords(subject), List.copyOf(ownParties.values()), List.copyOf(ownOrgs),
                    List.copyOf(relations.keySet()), ownSanctions, needsPriorHits(record) ? priorHitsOf(record, refs) : List.of(),
                    ownPlans, calendar);
        }

        /**
         * Notes the graded hits of a record just judged: later records of the batch see them as its
         * warnings, in place of the ones it had before.
         */
        void judged(RecordFact record, List<GradedHit> graded) {
            LocalDateTime occurred = Times.toUtc(record.occurredAt());
            List<Warnings.SubjectHit> hits = new ArrayList<>();
            for (GradedHit g : graded) {
                Set<String> named = new LinkedHashSet<>(g.hit().subjects());
                named.addAll(g.hit().benefits().keySet());
                for (String subject : named) {
                    hits.add(new Warnings.SubjectHit(new PriorHit(subject, g.hit().ruleId(), record.recordId(),
                            occurred.toLocalDate(), g.form()), occurred));
                }
            }
            judgedHits.put(record.recordId(), hits);
        }

        private List<PriorHit> priorHitsOf(RecordFact record, Set<String> refs) {
            if (refs.isEmpty()) {
                return List.of();
            }
            LocalDateTime since = since(record);
            Set<String> rules = priorHitRules(record);
            List<Warnings.SubjectHit> candidates = new ArrayList<>();
            priorHits.stream().filter(h -> !judgedHits.containsKey(h.hit().recordId())).forEach(candidates::add);
            judgedHits.values().forEach(candidates::addAll);
            return candidates.stream()
                    .filter(h -> refs.contains(h.hit().subjectRef()) && !h.hit().recordId().equals(record.recordId())
                            && !h.occurredAt().isBefore(since) && (rules == null || rules.contains(h.hit().ruleId())))
                    .sorted(Comparator.comparing(Warnings.SubjectHit::occurredAt).reversed())
                    .limit(settings.maxContextRecords()).map(Warnings.SubjectHit::hit).toList();
        }

        /**
         * Earlier records of every record's context keys: first only the key rows near the records ({@link KeySpan}),
         * then each record's own newest {@code maxContextRecords} before it, then those records, read once.
         */
        private void loadEarlierKeys(KeyRowsRead keyRowsRead) {
            List<KeySpan> spans = KeySpan.of(subjects.values().stream().map(ContextLoader::member).toList(),
                    settings.lookbackYears());
            if (spans.isEmpty()) {
                return;
            }
            List<RecordStore.KeyRow> keyRows = keyRowsRead != null && keyRowsRead.recordIds().containsAll(subjects.keySet())
                    ? keyRowsRead.rows() : at.keyRowsNear(spans, settings.maxContextRecords());
            for (RecordStore.KeyRow row : keyRows) {
                byKey.computeIfAbsent(new RecordKey(row.name(), row.value()), k -> new ArrayList<>())
                        .add(new KeyedRecord(row.recordId(), row.revision(), row.occurredAt()));
            }
            Set<String> wanted = new LinkedHashSet<>();
            for (Subject s : subjects.values()) {
                List<String> ids = earlierIds(s);
                earlierIdsOf.put(s.fact().recordId(), ids);
                wanted.addAll(ids);
            }
            if (wanted.isEmpty()) {
                return;
            }
            Map<String, Integer> revisions = new HashMap<>();
            byKey.values().forEach(rows -> rows.forEach(k -> revisions.put(k.recordId(), k.revision())));
            Map<String, Integer> wantedRevisions = new LinkedHashMap<>();
            wanted.forEach(id -> wantedRevisions.put(id, revisions.get(id)));
            earlierFacts.putAll(at.records(wantedRevisions));
        }

        private List<String> earlierIds(Subject s) {
            String id = s.fact().recordId();
            LocalDateTime occurred = Times.toUtc(s.fact().occurredAt());
            LocalDateTime since = since(s.fact());
            Map<String, KeyedRecord> candidates = new HashMap<>();
            for (RecordKey key : s.keys()) {
                if (!key.context()) {
                    continue;
                }
                for (KeyedRecord k : byKey.getOrDefault(key, List.of())) {
                    boolean before = k.occurredAt().isBefore(occurred)
                            || (k.occurredAt().equals(occurred) && k.recordId().compareTo(id) < 0);
                    if (before && !k.occurredAt().isBefore(since)) {
                        candidates.putIfAbsent(k.recordId(), k);
                    }
                }
            }
            return candidates.values().stream()
                    .sorted(Comparator.comparing(KeyedRecord::occurredAt).thenComparing(KeyedRecord::recordId).reversed())
                    .limit(settings.maxContextRecords()).map(KeyedRecord::recordId).toList();
        }

        private List<RecordFact> earlierRecords(Subject s) {
            List<RecordFact> facts = new ArrayList<>();
            for (String id : earlierIdsOf.getOrDefault(s.fact().recordId(), List.of())) {
                RecordFact fact = earlierFacts.get(id);
                if (fact != null) {
                    facts.add(fact);
                }
            }
            return facts;
        }

        private Set<String> orgCodesOf(RecordFact fact) {
            Set<String> codes = new LinkedHashSet<>();
            codes.add(fact.orgCode());
            Org org = orgs.get(fact.orgCode());
            if (org != null && org.parentCode() != null) {
                codes.add(org.parentCode());
            }
            return codes;
        }

        /** The leaders of the record's organisation and of its parent. */
        private List<Party> leadersOf(RecordFact fact) {
            Set<String> codes = orgCodesOf(fact);
            return leaders.stream().filter(l -> codes.contains(l.orgCode())).toList();
        }

        /** The parties the record names, then the leaders of its organisation and parent. */
        private Set<String> ownRefs(Subject s) {
            Set<String> refs = new LinkedHashSet<>(partyRefs(s));
            leadersOf(s.fact()).forEach(l -> refs.add(l.id()));
            return refs;
        }
    }

    private static KeySpan.Member member(Subject s) {
        return new KeySpan.Member(s.fact().recordId(), Times.toUtc(s.fact().occurredAt()), s.keys());
    }

    private LocalDateTime since(RecordFact record) {
        return Times.toUtc(record.occurredAt()).minusYears(settings.lookbackYears());
    }

    private static List<String> partyRefs(Subject s) {
        return s.keys().stream().filter(k -> k.name().equals(RecordKey.PARTY)).map(RecordKey::value).toList();
    }

    private record KeyedRecord(String recordId, int revision, LocalDateTime occurredAt) {
    }
}
