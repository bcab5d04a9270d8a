package lianshao.imports;

import java.util.List;
import java.util.Optional;

/**
 * The columns of one import kind: the main sheet (one row per record or reference item) and, for records,
 * one sheet per list of objects.
 */
public record Layout(ImportKind kind, String mainSheet, List<Column> columns, List<ItemSheet> itemSheets) {

    /** The key column of every item sheet: the record's external id. */
    public static final String KEY_FIELD = "externalId";

    public Layout {
        columns = List.copyOf(columns);
        itemSheets = List.copyOf(itemSheets);
    }

    public Optional<Column> column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst();
    }

    public Optional<ItemSheet> itemSheet(String listField) {
        return itemSheets.stream().filter(s -> s.listField().equals(listField)).findFirst();
    }
}
