package lianshao.records;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
        DatabaseContextStore store = new DatabaseContextStore(this.store, reference, cache, warnings, mapper);
        ContextLoader loader = new ContextLoader(store, null);
        tools.jackson.databind.node.ObjectNode envelope = TestRecords.regularAdmission(unique("SCH"), unique("APP"), "2026-03-02");
        RecordFact fact = mapper.toFact(new lianshao.evaluation.RecordMeta("r", "e", "s", "ADMISSION", "SCH",
                java.time.OffsetDateTime.parse(envelope.get("occurredAt").asString())), envelope.get("payload"), false);

        tx.executeWithoutResult(status -> {
            loader.judgedInTransaction(Map.of("rolled-back", 2), Map.of("rolled-back", fact));
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> loader.judgedInTransaction(Map.of("committed", 2), Map.of("committed", fact)));

        // neither id is stored: only what was noted can be found
        assertThat(store.records(Map.of("rolled-back", 2, "committed", 2))).containsOnlyKeys("committed").containsValue(fact);
    }
}
