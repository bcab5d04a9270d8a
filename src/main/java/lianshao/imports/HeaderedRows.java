package lianshao.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the header rows of a sheet and hands on its data rows with their columns. Row 1 holds the Chinese
 * headers (or the field names); if row 2 holds field names (as in the templates) it is a header row too, and
 * its field names decide. Columns whose header is not part of the layout are ignored.
 */
final class HeaderedRows implements RowHandler {

    interface DataRows {
        void row(int rowNumber, Map<Integer, CellValue> cells, Map<Integer, Column> columns);
    }

    private final String sheet;
    private final List<Column> layout;
    private final DataRows data;
    private Map<Integer, Column> columns;
    private boolean secondRowSeen;

    HeaderedRows(String sheet, List<Column> layout, DataRows data) {
        this.sheet = sheet;
        this.layout = layout;
        this.data = data;
    }

    @Override
    public void row(int rowNumber, Map<Integer, CellValue> cells) {
        if (columns == null) {
            columns = match(cells, false);
            if (columns.isEmpty()) {
                throw new ImportFailure("工作表 " + sheet + " 第 " + rowNumber + " 行不是模板的列标题，请使用下载的模板 / row "
                        + rowNumber + " of sheet " + sheet + " is not the template's header row: use the downloaded template");
            }
            return;
        }
        if (!secondRowSeen) {
            secondRowSeen = true;
            Map<Integer, Column> byField = match(cells, true);
            if (!byField.isEmpty() && byField.size() * 2 >= cells.size()) {
                Map<Integer, Column> merged = new HashMap<>(columns);
                merged.putAll(byField);
                columns = merged;
                return;
            }
        }
        data.row(rowNumber, cells, columns);
    }

    private Map<Integer, Column> match(Map<Integer, CellValue> cells, boolean fieldNamesOnly) {
        Map<Integer, Column> found = new HashMap<>();
        cells.forEach((index, cell) -> {
            String text = normalize(cell.text());
            for (Column column : layout) {
                boolean byField = column.field().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT));
                if (byField || (!fieldNamesOnly && (column.header().equals(text) || column.displayHeader().equals(text)))) {
                    found.put(index, column);
                    break;
                }
            }
        });
        return found;
    }

    private static String normalize(String text) {
        String t = text == null ? "" : text.strip();
        while (t.endsWith("*") || t.endsWith("＊")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }
}
