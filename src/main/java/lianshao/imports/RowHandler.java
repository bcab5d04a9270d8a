package lianshao.imports;

import java.util.Map;

/** Receives the rows of one sheet (or of a CSV file) in order; may throw to stop reading. */
@FunctionalInterface
interface RowHandler {

    /**
     * @param rowNumber 1-based, as the spreadsheet program shows it (for CSV: the record's first line number)
     * @param cells     the non-empty cells by 0-based column index
     */
    void row(int rowNumber, Map<Integer, CellValue> cells);
}
