package lianshao.imports;

import java.util.List;

/**
 * A list field of objects (bids, fees, payments…) as a sheet of its own: one row per item, keyed by the
 * record's {@code externalId} in the first column.
 *
 * @param listField the JSON name of the list in the payload
 * @param path      where the list goes in the envelope: {@code payload.bids}
 * @param sheetName the sheet's name in the template: {@code 收到的全部投标-bids}
 * @param header    the short Chinese name of the list
 * @param required  whether the contract requires the list
 * @param columns   the item's fields, after the key column
 */
public record ItemSheet(String listField, String path, String sheetName, String header, String description,
        boolean required, List<Column> columns) {

    public ItemSheet {
        columns = List.copyOf(columns);
    }

    /** True if a workbook sheet of this name holds this list. */
    public boolean matches(String name) {
        String n = name.strip();
        return n.equalsIgnoreCase(sheetName) || n.equalsIgnoreCase(listField)
                || n.toLowerCase(java.util.Locale.ROOT).endsWith("-" + listField.toLowerCase(java.util.Locale.ROOT));
    }
}
