package lianshao.records;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;
import lianshao.warnings.Warnings;

/**
 * What {@link ContextLoader} reads to select a record's context: stored records by their context keys, reference
 * data and standing warnings. The database answers in production ({@link DatabaseContextStore}); a rule test's
 * context answers the same questions in memory ({@link InMemoryContexts}), so both get the selection of one loader.
 */
interface ContextStore {

    /** The store as one batch reads it: reference data at one version for the whole batch (the store itself by default). */
    default ContextStore forOneBatch() {
        return this;
    }

    /** The lookup keys of a stored record. */
    List<RecordKey> keys(String recordId);

    /**
     * Key rows of the spans' keys holding at least the newest {@code limit} before each span's earliest record (within
     * its lookback) and all between its earliest and latest ({@link KeySpan}); more rows do no harm.
     */
    List<RecordStore.KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit);

    /** The facts of stored records (as earlier records), by id, each at the revision given for it. */
    Map<String, RecordFact> records(Map<String, Integer> revisions);

    /**
     * The fact of a stored revision whose transaction has committed, as {@link #records} would read it: later records
     * of its keys then find it without reading and parsing it again (nothing by default).
     */
    default void committed(String recordId, int revision, RecordFact fact) {
    }

    List<Org> orgs(Collection<String> codes);

    /** Persons with the role LEADER or PRINCIPAL employed by one of the organisations. */
    List<Party> leadersOf(Collection<String> orgCodes);

    /** Relations with one end among the refs, at most {@code limit}. */
    List<Relation> relationsTouching(Collection<String> refs, int limit);

    List<Party> parties(Collection<String> ids);

    List<Sanction> sanctions(Collection<String> subjectRefs);

    /**
     * Standing warnings of the given rules (null: of every rule) naming one of the subjects on records occurred since the
     * time; newest first, at most {@code limit}.
     */
    List<Warnings.SubjectHit> subjectHits(Collection<String> subjectRefs, Set<String> ruleIds, LocalDateTime since, int limit);

    Optional<AdmissionPlan> admissionPlan(String orgCode, int year, String stage);

    /** The holidays and make-up working days of the given years. */
    WorkCalendar calendar(Collection<Integer> years);
}
