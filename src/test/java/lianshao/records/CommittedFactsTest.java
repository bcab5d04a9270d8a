package lianshao.records;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.evaluation.Context;
import lianshao.evaluation.FactMapper;
import lianshao.facts.RecordFact;
import lianshao.reference.ReferenceCache;
import lianshao.reference.ReferenceQueries;
import lianshao.warnings.Warnings;

/**
 * The facts of the records a transaction judged are kept for the later records of their keys once it commits, so that
 * those do not read and parse them again: what is kept must be what the database gives, and nothing of a transaction
 * that rolled back (its revision number is used again by the next revision stored).
 */
@Tag("database")
class CommittedFactsTest extends ApiTestSupport {

    @Autowired
    private RecordStore store;
    @Autowired
    private ReferenceQueries reference;
    @Autowired
    private ReferenceCache cache;
    @Autowired
    private Warnings warnings;
    @Autowired
    private FactMapper mapper;
    @Autowired
    private RecordReplay replay;
    @Autowired
    private TransactionTemplate tx;

    @Test
    void aLaterRecordSeesTheEarlierOneAsTheDatabaseGivesIt() throws Exception {
        String school = unique("SCH");
        String approver = unique("APP");
        String first = json(postJson("/api/v1/records", TestRecords.regularAdmission(school, approver, "2026-03-02").toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();
        String second = json(postJson("/api/v1/records", TestRecords.regularAdmission(school, approver, "2026-03-03").toString())
                .andExpect(status().isCreated()).andReturn()).get("recordId").asString();

        Context context = replay.load(second).orElseThrow().context();
        RecordFact fromDatabase = new DatabaseContextStore(store, reference, cache, warnings, mapper).records(Map.of(first, 1)).get(first);

        assertThat(fromDatabase).isNotNull();
        assertThat(fromDatabase.current()).isFalse();
        assertThat(context.earlierRecords()).containsExactly(fromDatabase);
    }

    @Test
    void onlyACommittedTransactionNotesWhatItJudged() {
        List<String> noted = new ArrayList<>();
        ContextLoader loader = new ContextLoader(new NotingStore(noted), null);
        tools.jackson.databind.node.ObjectNode envelope = TestRecords.regularAdmission(unique("SCH"), unique("APP"), "2026-03-02");
        RecordFact fact = mapper.toFact(new lianshao.evaluation.RecordMeta("r", "e", "s", "ADMISSION", "SCH",
                java.time.OffsetDateTime.parse(envelope.get("occurredAt").asString())), envelope.get("payload"), false);

        tx.executeWithoutResult(status -> {
            loader.judgedInTransaction(Map.of("rolled-back", 2), Map.of("rolled-back", fact));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> loader.judgedInTransaction(Map.of("committed", 2), Map.of("committed", fact)));

        assertThat(noted).containsExactly("committed#2");
    }

    /** Notes what it is told was committed; reads nothing. */
    private record NotingStore(List<String> noted) implements ContextStore {
        @Override
        public void committed(String recordId, int revision, RecordFact fact) {
            noted.add(recordId + "#" + revision);
        }

        @Override
        public List<RecordKey> keys(String recordId) {
            return List.of();
        }

        @Override
        public List<RecordStore.KeyRow> keyRowsNear(Collection<KeySpan> spans, int limit) {
            return List.of();
        }

        @Override
        public Map<String, RecordFact> records(Map<String, Integer> revisions) {
            return Map.of();
        }

        @Override
        public List<lianshao.facts.Org> orgs(Collection<String> codes) {
            return List.of();
        }

        @Override
        public List<lianshao.facts.Party> leadersOf(Collection<String> orgCodes) {
            return List.of();
        }

        @Override
        public List<lianshao.facts.Relation> relationsTouching(Collection<String> refs, int limit) {
            return List.of();
        }

        @Override
        public List<lianshao.facts.Party> parties(Collection<String> ids) {
            return List.of();
        }

        @Override
        public List<lianshao.facts.Sanction> sanctions(Collection<String> subjectRefs) {
            return List.of();
        }

        @Override
        public List<Warnings.SubjectHit> subjectHits(Collection<String> subjectRefs, java.time.LocalDateTime since, int limit) {
            return List.of();
        }

        @Override
        public java.util.Optional<lianshao.facts.AdmissionPlan> admissionPlan(String orgCode, int year, String stage) {
            return java.util.Optional.empty();
        }

        @Override
        public lianshao.facts.WorkCalendar calendar(Collection<Integer> years) {
            return null;
        }
    }
}
