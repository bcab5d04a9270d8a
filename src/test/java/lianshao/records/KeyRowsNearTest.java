package lianshao.records;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;

/** The key rows read around records are bounded by the limit on both sides, whatever the key holds. */
@Tag("database")
class KeyRowsNearTest extends ApiTestSupport {

    private static final LocalDateTime DAY0 = LocalDateTime.of(2026, 1, 1, 9, 0);

    @Autowired
    RecordStore store;

    /** 30 stored records of one key, one a day (day 0 … 29); ids r00 … r29 in time order. */
    private RecordKey thirtyDays() {
        RecordKey key = new RecordKey("PRC_LINE", unique("LINE"));
        for (int day = 0; day < 30; day++) {
            jdbc.sql("INSERT INTO record_key (record_id, key_name, key_value, occurred_at, revision) VALUES (?, ?, ?, ?, 1)")
                    .params(key.value() + "-r%02d".formatted(day), key.name(), key.value(), DAY0.plusDays(day))
                    .update();
        }
        return key;
    }

    private static List<Integer> days(List<RecordStore.KeyRow> rows) {
        return rows.stream().map(r -> (int) java.time.Duration.between(DAY0, r.occurredAt()).toDays()).sorted().toList();
    }

    @Test
    void aRecordAloneGetsTheNewestRowsBeforeItAndTheFirstAfterIt() {
        RecordKey key = thirtyDays();
        KeySpan span = new KeySpan(key, DAY0.minusYears(5), DAY0.plusDays(10).plusHours(1), "zz", DAY0.plusDays(10).plusHours(1), "zz");

        assertThat(days(store.keyRowsNear(List.of(span), 4, false))).containsExactly(7, 8, 9, 10);
        assertThat(days(store.keyRowsNear(List.of(span), 4, true))).containsExactly(7, 8, 9, 10, 11, 12, 13, 14);
    }

    @Test
    void aGroupGetsTheRowsBeforeItsEarliestAllBetweenAndTheFirstAfterItsLatestEachOnce() {
        RecordKey key = thirtyDays();
        // the earliest record shares day 5's time and ranks after r05 by id; the latest is on day 12
        KeySpan span = new KeySpan(key, DAY0.minusYears(5), DAY0.plusDays(5), "zz", DAY0.plusDays(12), "zz");

        assertThat(days(store.keyRowsNear(List.of(span), 3, true)))
                .containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    }

    @Test
    void rowsBeforeTheLookbackAreLeftOut() {
        RecordKey key = thirtyDays();
        KeySpan span = new KeySpan(key, DAY0.plusDays(8), DAY0.plusDays(10).plusHours(1), "zz", DAY0.plusDays(10).plusHours(1), "zz");

        assertThat(days(store.keyRowsNear(List.of(span), 100, false))).containsExactly(8, 9, 10);
    }

    @Test
    void aGroupWhoseRecordsShareOneActTimeGetsTheRowsOfThatTimeRankedBetweenThem() {
        RecordKey key = thirtyDays();
        // two records of day 10's time, one ranking before r10 by id and one after it: r10 is earlier than the second
        KeySpan span = new KeySpan(key, DAY0.minusYears(5), DAY0.plusDays(10), key.value() + "-r1", DAY0.plusDays(10), "zz");

        assertThat(days(store.keyRowsNear(List.of(span), 3, false))).containsExactly(7, 8, 9, 10);
    }
}
