package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which stored records a late arrival can change: the ones that would have it in their context. */
class LaterRecordsTest {

    private static final LocalDateTime LATE = LocalDateTime.of(2026, 3, 1, 9, 0);
    private static final RecordKey LINE = new RecordKey("PRC_LINE", "SCH-1|2026|BP-1|A02");

    private static EvaluationSettings settings(int maxContextRecords, int lookbackYears) {
        EvaluationSettings d = EvaluationSettings.defaults();
        return new EvaluationSettings(lookbackYears, maxContextRecords, d.maxRelations(), d.pendingGrace(), d.retryBackoff(),
                d.maxRetryBackoff(), d.workerBatch(), d.maxReevaluationsPerChange(), d.failuresBeforeWarning(),
                d.lateArrivalDelay(), d.lateArrivalInterval(), d.importHoldLimit());
    }

    private static RecordStore.NewRecord late(RecordKey... keys) {
        return new RecordStore.NewRecord("late", "feed", "X-1", "PROCUREMENT", "SCH-1", LATE, "hash", "{}", Set.of(keys));
    }

    /** Stored records of the key, one a day after the late one (day 1, 2, ...). */
    private static List<RecordStore.KeyRow> daily(RecordKey key, int days) {
        List<RecordStore.KeyRow> rows = new ArrayList<>();
        for (int day = days; day >= 1; day--) { // any order: the selection ranks them itself
            rows.add(new RecordStore.KeyRow("r" + day, 1, key.name(), key.value(), LATE.plusDays(day)));
        }
        return rows;
    }

    @Test
    void onlyTheLaterRecordsThatHaveTheLateOneAmongTheirNewestEarlierRecordsAreJudgedAgain() {
        LaterRecords later = LaterRecords.of(List.of(late(LINE)), daily(LINE, 10), settings(3, 5));

        // r4 has r1, r2, r3 between the late record and itself: its newest three earlier records leave the late one out
        assertThat(later.ids()).containsExactly("r1", "r2", "r3");
        assertThat(later.lateRecord()).isEqualTo("late");
    }

    @Test
    void recordsBeyondTheLookbackAndRecordsOfOtherKeysOrEarlierActsAreNotJudgedAgain() {
        List<RecordStore.KeyRow> rows = new ArrayList<>(daily(LINE, 2));
        rows.add(new RecordStore.KeyRow("far", 1, LINE.name(), LINE.value(), LATE.plusYears(1).plusDays(1)));
        rows.add(new RecordStore.KeyRow("earlier", 1, LINE.name(), LINE.value(), LATE.minus(Duration.ofHours(1))));
        rows.add(new RecordStore.KeyRow("other", 1, "PRC_LINE", "SCH-2|2026|BP-9|A02", LATE.plusDays(1)));
        rows.add(new RecordStore.KeyRow("party", 1, RecordKey.PARTY, "S-1", LATE.plusDays(1)));

        LaterRecords later = LaterRecords.of(List.of(late(LINE, new RecordKey(RecordKey.PARTY, "S-1"))), rows, settings(500, 1));

        assertThat(later.ids()).containsExactly("r1", "r2");
    }
}
