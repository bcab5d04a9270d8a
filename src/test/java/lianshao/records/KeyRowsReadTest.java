package lianshao.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Key rows read once serve a later question only when they hold every row it asks for. */
class KeyRowsReadTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 9, 0);
    private static final RecordKey A = new RecordKey("PRC_LINE", "A");
    private static final RecordKey B = new RecordKey("PRC_LINE", "B");

    private static RecordStore.KeyRow row(String id, RecordKey key, LocalDateTime at) {
        return new RecordStore.KeyRow(id, 1, key.name(), key.value(), at);
    }

    private final KeyRowsRead read = new KeyRowsRead(Set.of(A, B), T, List.of(row("a1", A, T), row("a2", A, T.plusDays(2)),
            row("b1", B, T.plusDays(1)), row("a3", A, T.plusDays(5))));

    @Test
    void aQuestionWithinTheKeysAndTimesReadIsAnsweredFromTheRows() {
        assertThat(read.covering(List.of(A), T.plusDays(1), T.plusDays(4)).orElseThrow()).extracting(RecordStore.KeyRow::recordId)
                .containsExactly("a2");
        assertThat(read.covering(List.of(A, B), T, null).orElseThrow()).hasSize(4);
    }

    @Test
    void aQuestionAboutAnotherKeyOrEarlierTimesIsNot() {
        assertThat(read.covering(List.of(A, new RecordKey("PRC_LINE", "C")), T, null)).isEmpty();
        assertThat(read.covering(List.of(A), T.minusSeconds(1), null)).isEmpty();
    }
}
