package lianshao.records;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.facts.Org;
import lianshao.reference.OrgBoundary;
import lianshao.security.Binding;
import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * Takes records in: validates each, stores the accepted ones durably (one transaction for the batch),
 * then evaluates what is new or changed. When this returns, records, evaluations and warnings are
 * committed. Identity is (source, externalId): the same content again is UNCHANGED, other content a
 * new revision. Every record must name a registered organisation that lies within the writer's binding.
 */
@Service
public class RecordIngestion {

    private final ContractValidator validator;
    private final RecordStore store;
    private final RecordEvaluator evaluator;
    private final ReevaluationQueue queue;
    private final TransactionTemplate tx;
    private final EvaluationSettings settings;
    private final MeterRegistry meters;
    private final OrgBoundary boundary;
    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    RecordIngestion(ContractValidator validator, RecordStore store, RecordEvaluator evaluator, TransactionTemplate tx,
            EvaluationSettings settings, MeterRegistry meters, ReevaluationQueue queue, OrgBoundary boundary) {
        this.queue = queue;
        this.boundary = boundary;
        this.validator = validator;
        this.store = store;
        this.evaluator = evaluator;
        this.tx = tx;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * The result of one posted record. {@code recordId} is null when rejected. {@code outsideBinding}: rejected
     * only because the caller may not write for the record's organisation (a single post answers 403).
     */
    public record Result(int index, String externalId, IngestOutcome outcome, String recordId, List<FieldError> errors,
            boolean outsideBinding) {

        Result(int index, String externalId, IngestOutcome outcome, String recordId, List<FieldError> errors) {
            this(index, externalId, outcome, recordId, errors, false);
        }
    }

    /** Ingests envelopes of a trusted writer that may write for the whole city (the demo seeds). */
    public List<Result> ingest(List<JsonNode> envelopes, String feedSource) {
        return ingest(envelopes, feedSource, Binding.CITY);
    }

    /**
     * Ingests envelopes posted by a feed (or imported); a record of another source is rejected with an error on
     * {@code source}, one of an unregistered organisation or of one outside the binding (as the record is now
     * stored, or as it would become) with an error on {@code orgCode}.
     */
    public List<Result> ingest(List<JsonNode> envelopes, String feedSource, Binding binding) {
        return ingest(envelopes, feedSource, binding, null);
    }

    /**
     * As {@link #ingest(List, String, Binding)}, for an import job: the re-evaluations its late arrivals cause are
     * held until the job calls {@link #releaseHeldReevaluations} (null: no job, they wait {@code lateArrivalDelay}).
     */
    public List<Result> ingest(List<JsonNode> envelopes, String feedSource, Binding binding, String importJob) {
        String heldBy = importJob;
        List<Result> results = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        Map<String, String> storedOrgs = binding.wholeCity() ? Map.of() : store.orgsOf(feedSource, envelopes.stream()
                .map(RecordIngestion::externalId).filter(java.util.Objects::nonNull).toList());
        // the organisations the records name and, for a bound caller, those their stored revisions belong to: one read
        List<String> codes = new ArrayList<>(storedOrgs.values());
        envelopes.stream().filter(e -> e != null && e.isObject()).map(e -> e.get("orgCode"))
                .filter(o -> o != null && o.isString()).map(JsonNode::asString).forEach(codes::add);
        Map<String, Org> orgs = boundary.registered(codes);
        for (int i = 0; i < envelopes.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            List<FieldError> errors = new ArrayList<>(validator.validateEnvelope(envelope));
            if (errors.isEmpty() && !feedSource.equals(envelope.get("source").asString())) {
                errors.add(new FieldError("source", "此密钥只能提交来源 " + feedSource + " 的记录 / this key may post only records of source "
                        + feedSource));
            }
            boolean outside = false;
            if (errors.isEmpty()) {
                String orgCode = envelope.get("orgCode").asString();
                Org org = orgs.get(orgCode);
                String before = storedOrgs.get(envelope.get("externalId").asString());
                Org stored = before == null ? null : orgs.get(before);
                if (org == null) {
                    errors.add(new FieldError("orgCode", OrgBoundary.unknownOrg(orgCode)));
                } else if (!binding.covers(org.code(), org.district())) {
                    errors.add(new FieldError("orgCode", OrgBoundary.outside(orgCode, binding)));
                    outside = true;
                } else if (before != null && !binding.covers(before, stored == null ? null : stored.district())) {
                    // a revision would take another organisation's record over
                    errors.add(new FieldError("orgCode", OrgBoundary.outside(before, binding)));
                    outside = true;
                }
            }
            if (errors.isEmpty()) {
                valid.add(i);
                results.add(null);
            } else {
                results.add(new Result(i, externalId(envelope), IngestOutcome.REJECTED, null, errors, outside));
                count(envelope, IngestOutcome.REJECTED);
            }
        }
        if (!valid.isEmpty()) {
            List<Incoming> incoming = valid.stream().map(i -> incoming(i, (ObjectNode) envelopes.get(i))).toList();
            for (Result result : storeAndEvaluate(incoming, feedSource, heldBy)) {
                results.set(result.index(), result);
                count(envelopes.get(result.index()), result.outcome());
            }
        }
        return results;
    }

    /**
     * Stores and evaluates in one transaction, with one commit. If the evaluation fails for another
     * reason than the database, that transaction is rolled back and the records go the long way: stored
     * first in a transaction of their own, then evaluated, where a failure is kept as EVALUATION_FAILED
     * with a retry time. When the database fails, nothing is committed and the request fails as a whole
     * (503: the client sends it again).
     */
    private List<Result> storeAndEvaluate(List<Incoming> incoming, String feedSource, String heldBy) {
        try {
            // two writers of the same new identity race (a duplicate key or, on MySQL, a deadlock on the
            // gap lock): the loser's transaction is rolled back and run again, and then sees the winner's row
            return LockRetry.run(() -> tx.execute(status -> {
                RecordEvaluator.Inserted inserted = new RecordEvaluator.Inserted();
                List<Result> stored = storeAll(incoming, feedSource, heldBy, inserted);
                try {
                    evaluator.evaluateInTransaction(toEvaluate(stored, inserted), inserted);
                } catch (RuntimeException failure) {
                    if (databaseFailure(failure)) {
                        throw failure;
                    }
                    throw new EvaluateSeparately(failure);
                }
                return stored;
            }));
        } catch (EvaluateSeparately separately) {
            // what the attempt that committed knows (a retried attempt starts from nothing)
            AtomicReference<RecordEvaluator.Inserted> inserted = new AtomicReference<>();
            List<Result> stored = LockRetry.run(() -> tx.execute(status -> {
                inserted.set(new RecordEvaluator.Inserted());
                return storeAll(incoming, feedSource, heldBy, inserted.get());
            }));
            evaluator.evaluate(toEvaluate(stored, inserted.get()));
            return stored;
        }
    }

    /** New and revised records, and reposted ones whose evaluation has not succeeded yet. */
    private Set<String> toEvaluate(List<Result> stored, RecordEvaluator.Inserted inserted) {
        List<String> unchanged = stored.stream().filter(r -> r.outcome() == IngestOutcome.UNCHANGED)
                .map(Result::recordId).filter(id -> !inserted.reposted.containsKey(id)).toList();
        Map<String, RecordStatus> statuses = new java.util.HashMap<>(inserted.reposted);
        if (!unchanged.isEmpty()) {
            store.summaries(unchanged).forEach((id, summary) -> statuses.put(id, summary.status()));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Result result : stored) {
            RecordStatus status = statuses.get(result.recordId());
            if (result.outcome() != IngestOutcome.UNCHANGED || (status != null && status != RecordStatus.EVALUATED)) {
                ids.add(result.recordId());
            }
        }
        return ids;
    }

    /** The failures that ProblemResponses answers with 503: the database, not the evaluation. */
    static boolean databaseFailure(RuntimeException failure) {
        return failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException || failure instanceof CannotCreateTransactionException;
    }

    /** An evaluation failed inside the store-and-evaluate transaction: roll it back and take the long way. */
    private static final class EvaluateSeparately extends RuntimeException {
        EvaluateSeparately(Throwable cause) {
            super(cause);
        }
    }

    /** A valid envelope, with what storing it needs computed once (outside the transaction and its retries). */
    private record Incoming(int index, ObjectNode envelope, String source, String externalId, String domain, String orgCode,
            LocalDateTime occurred, String canonical, String hash, Set<RecordKey> keys) {
    }

    private static Incoming incoming(int index, ObjectNode envelope) {
        OffsetDateTime occurredAt = OffsetDateTime.parse(envelope.get("occurredAt").asString());
        // identity (source, externalId) is not content: a revision is other content for the same identity
        String hash = Hashing.sha256Hex(Json.canonical(Json.without(envelope, "source", "externalId")));
        return new Incoming(index, envelope, envelope.get("source").asString(), envelope.get("externalId").asString(),
                envelope.get("domain").asString(), envelope.get("orgCode").asString(), Times.toUtc(occurredAt),
                Json.canonical(envelope), hash, RecordKeys.of(envelope));
    }

    /**
     * Stores a batch in the current transaction. Identities not stored yet are inserted together as JDBC
     * batches; reposts and revisions (and a second copy of an identity within the batch) take the path
     * of one record, after them, in input order. The records inserted are noted in {@code fresh}, as stored.
     */
    private List<Result> storeAll(List<Incoming> incoming, String source, String heldBy, RecordEvaluator.Inserted fresh) {
        LocalDateTime now = Times.nowUtc();
        LocalDateTime retryAt = now.plus(settings.pendingGrace());
        Map<String, RecordStore.Known> known = store.identities(source, incoming.stream().map(Incoming::externalId).toList());
        Map<String, Long> copies = incoming.stream().collect(java.util.stream.Collectors.groupingBy(Incoming::externalId,
                java.util.stream.Collectors.counting()));
        Set<String> firstSeen = new java.util.HashSet<>();
        List<RecordStore.NewRecord> inserted = new ArrayList<>();
        List<Result> out = new ArrayList<>();
        List<Incoming> others = new ArrayList<>();
        for (Incoming in : incoming) {
            RecordStore.Known stored = known.get(in.externalId());
            if (stored != null && stored.contentHash().equals(in.hash()) && copies.get(in.externalId()) == 1) {
                // a repost of what is committed, alone in the batch: nothing to write, so nothing to lock (a repost
                // among other copies of its identity waits its turn below, in input order)
                out.add(new Result(in.index(), in.externalId(), IngestOutcome.UNCHANGED, stored.id(), List.of()));
                fresh.reposted.put(stored.id(), stored.status());
            } else if (stored == null && firstSeen.add(in.externalId())) {
                String id = Ids.newId();
                inserted.add(new RecordStore.NewRecord(id, in.source(), in.externalId(), in.domain(), in.orgCode(), in.occurred(),
                        in.hash(), in.canonical(), in.keys()));
                fresh.records.put(id, new RecordEvaluator.Fresh(new StoredRecord(id, in.source(), in.externalId(), in.domain(), in.orgCode(), 1,
                        in.hash(), RecordStatus.PENDING, null, now, null, null, 0, in.canonical()), in.keys()));
                out.add(new Result(in.index(), in.externalId(), IngestOutcome.CREATED, id, List.of()));
            } else {
                others.add(in);
            }
        }
        store.insertAll(inserted, now, retryAt);
        KeyRowsRead read = queueLaterRecords(inserted, heldBy);
        // reposts and revisions change key rows after that read
        fresh.keyRows = others.isEmpty() ? read : null;
        for (Incoming in : others) {
            out.add(store(in, now, retryAt, heldBy));
        }
        out.sort(java.util.Comparator.comparingInt(Result::index));
        return out;
    }

    /**
     * Records sharing a context key with a new record that occurred after it, and close enough after it to have it in
     * their context (among their newest {@code max-context-records} earlier records, within their lookback), are queued
     * for re-evaluation, since a late arrival changes their running totals: once for the whole batch, and
     * after {@code lateArrivalDelay}, so that the late arrivals of a burst share one re-evaluation of each
     * later record. Records of the same batch are left out: they are evaluated after the whole batch is
     * stored. For an import job, only the earliest act per context key is noted; the job queues the later
     * records when it ends.
     */
    private KeyRowsRead queueLaterRecords(List<RecordStore.NewRecord> fresh, String heldBy) {
        if (heldBy != null) {
            Map<RecordKey, LocalDateTime> earliest = new java.util.HashMap<>();
            fresh.forEach(r -> hold(earliest, r.keys(), r.occurredAt()));
            queue.hold(heldBy, earliest);
            return null;
        }
        List<KeySpan> spans = KeySpan.of(fresh.stream().map(r -> new KeySpan.Member(r.id(), r.occurredAt(), r.keys())).toList(),
                settings.lookbackYears());
        if (spans.isEmpty()) {
            return null;
        }
        // the later records, and the earlier ones the evaluation's context takes, in one read
        List<RecordStore.KeyRow> rows = store.keyRowsNear(spans, settings.maxContextRecords(), true);
        LaterRecords later = LaterRecords.of(fresh, rows, settings);
        if (!later.ids().isEmpty()) {
            queueLate(later.ids(), later.lateRecord());
        }
        return new KeyRowsRead(fresh.stream().map(RecordStore.NewRecord::id).collect(java.util.stream.Collectors.toSet()), rows);
    }

    private void queueLate(Collection<String> later, String lateRecord) {
        queue.enqueueLate(later, "较早的记录迟到：" + lateRecord + " / an earlier record arrived late: " + lateRecord,
                Times.nowUtc().plus(settings.lateArrivalDelay()));
    }

    private static void hold(Map<RecordKey, LocalDateTime> earliest, Collection<RecordKey> keys, LocalDateTime occurred) {
        keys.stream().filter(RecordKey::context).forEach(k -> earliest.merge(k, occurred, (a, b) -> a.isBefore(b) ? a : b));
    }

    /**
     * Queues, due now, the re-evaluations an import job held back (the records that occurred after its earliest record
     * of each context key); the job calls this when it ends, however it ends. Returns how many records were queued.
     */
    public int releaseHeldReevaluations(String importJob) {
        return tx.execute(status -> queue.release(importJob));
    }

    /**
     * A repost or revision of an identity that is stored: committed before the transaction read its identities, or
     * inserted by this transaction as an earlier copy in the batch (records are never deleted). Two writers of one new
     * identity meet in {@link RecordStore#insertAll}, where the loser's duplicate key runs its transaction again.
     */
    private Result store(Incoming in, LocalDateTime now, LocalDateTime retryAt, String heldBy) {
        StoredRecord record = store.findByIdentityForUpdate(in.source(), in.externalId())
                .orElseThrow(() -> new IllegalStateException("identity " + in.externalId() + " was read as stored but is not"));
        if (record.contentHash().equals(in.hash())) {
            return new Result(in.index(), in.externalId(), IngestOutcome.UNCHANGED, record.id(), List.of());
        }
        store.revise(record, in.domain(), in.orgCode(), in.occurred(), in.hash(), in.canonical(), now, retryAt);
        storeKeys(record.id(), record.revision() + 1, in.keys(), in.occurred(), heldBy);
        return new Result(in.index(), in.externalId(), IngestOutcome.REVISED, record.id(), List.of());
    }

    /**
     * Stores the record's lookup keys; records of the same budget line, project, post... that occurred
     * after it are queued for re-evaluation, since a late arrival changes their running totals.
     */
    private void storeKeys(String recordId, int revision, Set<RecordKey> keys, LocalDateTime occurred, String heldBy) {
        store.replaceKeys(recordId, revision, keys, occurred);
        List<RecordKey> context = keys.stream().filter(RecordKey::context).toList();
        if (heldBy != null) {
            Map<RecordKey, LocalDateTime> earliest = new java.util.HashMap<>();
            hold(earliest, context, occurred);
            queue.hold(heldBy, earliest);
            return;
        }
        List<String> later = store.laterSharing(context, recordId, occurred, settings.maxReevaluationsPerChange());
        if (!later.isEmpty()) {
            queueLate(later, recordId);
        }
    }

    private void count(JsonNode envelope, IngestOutcome outcome) {
        String domain = "UNKNOWN";
        if (envelope != null && envelope.isObject() && envelope.get("domain") != null && envelope.get("domain").isString()) {
            domain = lianshao.contract.Domain.parse(envelope.get("domain").asString()).map(lianshao.contract.Domain::name).orElse("UNKNOWN");
        }
        String d = domain;
        received.computeIfAbsent(d + "|" + outcome, k -> Counter.builder("lianshao.records.received")
                .description("records received, by domain and outcome").tag("domain", d).tag("outcome", outcome.name())
                .register(meters)).increment();
    }

    private static String externalId(JsonNode envelope) {
        JsonNode id = envelope != null && envelope.isObject() ? envelope.get("externalId") : null;
        return id != null && id.isString() ? id.asString() : null;
    }
}
