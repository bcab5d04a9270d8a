package lianshao.records;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lianshao.contract.ContractValidator;
import lianshao.contract.FieldError;
import lianshao.support.Hashing;
import lianshao.support.Ids;
import lianshao.support.Json;
import lianshao.support.Times;

/**
 * Takes records in: validates each, stores the accepted ones durably (one transaction for the batch),
 * then evaluates what is new or changed. When this returns, records, evaluations and warnings are
 * committed. Identity is (source, externalId): the same content again is UNCHANGED, other content a
 * new revision.
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
    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    RecordIngestion(ContractValidator validator, RecordStore store, RecordEvaluator evaluator, TransactionTemplate tx,
            EvaluationSettings settings, MeterRegistry meters, ReevaluationQueue queue) {
        this.queue = queue;
        this.validator = validator;
        this.store = store;
        this.evaluator = evaluator;
        this.tx = tx;
        this.settings = settings;
        this.meters = meters;
    }

    /** The result of one posted record. {@code recordId} is null when rejected. */
    public record Result(int index, String externalId, IngestOutcome outcome, String recordId, List<FieldError> errors) {
    }

    /**
     * Ingests envelopes posted by a feed; a record of another source is rejected with an error on
     * {@code source}.
     */
    public List<Result> ingest(List<JsonNode> envelopes, String feedSource) {
        List<Result> results = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < envelopes.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            List<FieldError> errors = new ArrayList<>(validator.validateEnvelope(envelope));
            if (errors.isEmpty() && !feedSource.equals(envelope.get("source").asString())) {
                errors.add(new FieldError("source", "此密钥只能提交来源 " + feedSource + " 的记录 / this key may post only records of source "
                        + feedSource));
            }
            if (errors.isEmpty()) {
                valid.add(i);
                results.add(null);
            } else {
                results.add(new Result(i, externalId(envelope), IngestOutcome.REJECTED, null, errors));
                count(envelope, IngestOutcome.REJECTED);
            }
        }
        if (!valid.isEmpty()) {
            // two writers of the same new identity race (a duplicate key or, on MySQL, a deadlock on the
            // gap lock): the loser's transaction is rolled back and run again, and then sees the winner's row
            List<Result> stored = LockRetry.run(() -> tx.execute(status -> {
                List<Result> out = new ArrayList<>();
                for (int i : valid) {
                    out.add(store(i, (ObjectNode) envelopes.get(i)));
                }
                return out;
            }));
            Set<String> toEvaluate = new LinkedHashSet<>();
            for (Result result : stored) {
                results.set(result.index(), result);
                count(envelopes.get(result.index()), result.outcome());
                if (result.outcome() != IngestOutcome.UNCHANGED || needsEvaluation(result.recordId())) {
                    toEvaluate.add(result.recordId());
                }
            }
            evaluator.evaluate(toEvaluate);
        }
        return results;
    }

    private boolean needsEvaluation(String recordId) {
        return store.find(recordId).map(r -> r.status() != RecordStatus.EVALUATED).orElse(false);
    }

    private Result store(int index, ObjectNode envelope) {
        String source = envelope.get("source").asString();
        String externalId = envelope.get("externalId").asString();
        String domain = envelope.get("domain").asString();
        String orgCode = envelope.get("orgCode").asString();
        OffsetDateTime occurredAt = OffsetDateTime.parse(envelope.get("occurredAt").asString());
        String canonical = Json.canonical(envelope);
        // identity (source, externalId) is not content: a revision is other content for the same identity
        String hash = Hashing.sha256Hex(Json.canonical(Json.without(envelope, "source", "externalId")));
        LocalDateTime now = Times.nowUtc();
        LocalDateTime retryAt = now.plus(settings.pendingGrace());
        LocalDateTime occurred = Times.toUtc(occurredAt);

        Optional<StoredRecord> existing = store.identityExists(source, externalId)
                ? store.findByIdentityForUpdate(source, externalId) : Optional.empty();
        if (existing.isEmpty()) {
            String id = Ids.newId();
            try {
                store.insert(id, source, externalId, domain, orgCode, occurred, hash, canonical, now, retryAt);
                storeKeys(id, RecordKeys.of(envelope), occurred, true);
                return new Result(index, externalId, IngestOutcome.CREATED, id, List.of());
            } catch (DuplicateKeyException raced) {
                // another request stored the same identity first: treat this one as a repost of it
                existing = store.findByIdentityForUpdate(source, externalId);
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        StoredRecord record = existing.get();
        if (record.contentHash().equals(hash)) {
            return new Result(index, externalId, IngestOutcome.UNCHANGED, record.id(), List.of());
        }
        store.revise(record, domain, orgCode, occurred, hash, canonical, now, retryAt);
        storeKeys(record.id(), RecordKeys.of(envelope), occurred, false);
        return new Result(index, externalId, IngestOutcome.REVISED, record.id(), List.of());
    }

    /**
     * Stores the record's lookup keys; records of the same budget line, project, post... that occurred
     * after it are queued for re-evaluation, since a late arrival changes their running totals.
     */
    private void storeKeys(String recordId, java.util.Set<RecordKey> keys, LocalDateTime occurred, boolean newRecord) {
        store.replaceKeys(recordId, keys, occurred, newRecord);
        List<RecordKey> context = keys.stream().filter(RecordKey::context).toList();
        List<String> later = store.laterSharing(context, recordId, occurred, settings.maxReevaluationsPerChange());
        if (!later.isEmpty()) {
            queue.enqueue(later, "较早的记录迟到 / an earlier record arrived late: " + recordId);
        }
    }

    private void count(JsonNode envelope, IngestOutcome outcome) {
        String domain = "UNKNOWN";
        if (envelope != null && envelope.isObject() && envelope.get("domain") != null && envelope.get("domain").isString()) {
            domain = lianshao.contract.Domain.parse(envelope.get("domain").asString()).map(Enum::name).orElse("UNKNOWN");
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
