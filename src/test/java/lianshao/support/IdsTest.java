package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ids are UUIDv7 and strictly increasing as text, so entries written in one millisecond keep their order. */
class IdsTest {

    @Test
    void idsMadeInARowAreStrictlyIncreasingAsText() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.newId());
        }
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).as("id %d after id %d", i, i - 1).isGreaterThan(ids.get(i - 1));
        }
        assertThat(UUID.fromString(ids.get(0)).version()).isEqualTo(7);
    }

    @Test
    void idsMadeOnSeveralThreadsAreAllDistinct() throws Exception {
        List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    all.add(Ids.newId());
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(20_000);
    }
}
