package lianshao.records;

import java.util.List;
import java.util.Set;

/**
 * Key rows a transaction has read already, around the records it stored ({@link KeySpan}, with the rows after them):
 * storing new records reads them to find the later records a late arrival changes; judging the same records in the same
 * transaction takes its earlier records from them instead of asking again.
 *
 * @param recordIds the records the rows were read for
 */
record KeyRowsRead(Set<String> recordIds, List<RecordStore.KeyRow> rows) {
}
