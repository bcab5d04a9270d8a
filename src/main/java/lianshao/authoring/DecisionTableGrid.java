package lianshao.authoring;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import lianshao.rules.DecisionTables;

/**
 * Two versions of a decision table compared cell by cell: for each sheet, a grid of the cells as a person
 * sees them (formatted as the spreadsheet shows them), each marked when it differs from the other version.
 */
public final class DecisionTableGrid {

    static final int MAX_ROWS = 500;
    static final int MAX_COLUMNS = 60;

    /** A cell: its text now, its text before, and whether they differ. */
    public record CellDiff(String text, String before, boolean changed) {
    }

    /** A sheet's grid: rows of cells, with the number of changed cells. */
    public record SheetDiff(String name, List<List<CellDiff>> rows, int changedCells) {
    }

    private DecisionTableGrid() {
    }

    /** The cell-by-cell difference of two stored tables (either may be null: an added or removed file). */
    public static List<SheetDiff> diff(String beforeText, String afterText) {
        Map<String, List<List<String>>> before = beforeText == null ? Map.of() : cells(beforeText);
        Map<String, List<List<String>>> after = afterText == null ? Map.of() : cells(afterText);
        Set<String> names = new LinkedHashSet<>(after.keySet());
        names.addAll(before.keySet());
        List<SheetDiff> sheets = new ArrayList<>();
        for (String name : names) {
            List<List<String>> a = before.getOrDefault(name, List.of());
            List<List<String>> b = after.getOrDefault(name, List.of());
            int rows = Math.max(a.size(), b.size());
            int columns = 0;
            for (List<String> row : a) {
                columns = Math.max(columns, row.size());
            }
            for (List<String> row : b) {
                columns = Math.max(columns, row.size());
            }
            List<List<CellDiff>> grid = new ArrayList<>();
            int changed = 0;
            for (int r = 0; r < rows; r++) {
                List<CellDiff> cells = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    String old = at(a, r, c);
                    String now = at(b, r, c);
                    boolean differs = !Objects.equals(old, now);
                    changed += differs ? 1 : 0;
                    cells.add(new CellDiff(now, old, differs));
                }
                grid.add(cells);
            }
            sheets.add(new SheetDiff(name, grid, changed));
        }
        return sheets;
    }

    private static String at(List<List<String>> sheet, int row, int column) {
        return row < sheet.size() && column < sheet.get(row).size() ? sheet.get(row).get(column) : "";
    }

    /** The cells' shown text by sheet, row and column; a table that cannot be read shows as one cell saying so. */
    static Map<String, List<List<String>>> cells(String stored) {
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(DecisionTables.decode(stored)))) {
            DataFormatter formatter = new DataFormatter();
            for (Sheet sheet : book) {
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= Math.min(sheet.getLastRowNum(), MAX_ROWS - 1); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    if (row != null) {
                        for (int c = 0; c < Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS); c++) {
                            Cell cell = row.getCell(c);
                            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                        }
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        } catch (IOException | RuntimeException e) {
            sheets.put("?", List.of(List.of("无法读取电子表格：" + e.getMessage() + " / unreadable spreadsheet: " + e.getMessage())));
        }
        return sheets;
    }
}
