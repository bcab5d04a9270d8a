package lianshao.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits the values of an {@code IN (...)} list into chunks, so that no statement carries more than
 * {@value #SIZE} parameters of one list however large a batch is.
 */
public final class Chunks {

    public static final int SIZE = 500;

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> values) {
        return of(values, SIZE);
    }

    /** Chunks of at most {@code size} values (rows of a JDBC batch, branches of a statement). */
    public static <T> List<List<T>> of(Collection<T> values, int size) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
