package lianshao.imports;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One non-empty cell as read from the file, before it is converted to the contract's value: text (always, for
 * CSV), a number, a date (a number in a date format), a boolean, or an error value ({@code #DIV/0!}). Formula
 * cells carry the value the spreadsheet program saved; nothing is ever evaluated here.
 */
record CellValue(Type type, String text, BigDecimal number, LocalDateTime dateTime, boolean bool) {

    enum Type { TEXT, NUMBER, DATE, BOOLEAN, ERROR }

    static CellValue text(String text) {
        return new CellValue(Type.TEXT, text, null, null, false);
    }

    static CellValue number(BigDecimal number) {
        return new CellValue(Type.NUMBER, number.toPlainString(), number, null, false);
    }

    static CellValue date(BigDecimal serial, LocalDateTime dateTime) {
        return new CellValue(Type.DATE, dateTime.toString(), serial, dateTime, false);
    }

    static CellValue bool(boolean value) {
        return new CellValue(Type.BOOLEAN, value ? "TRUE" : "FALSE", null, null, value);
    }

    static CellValue error(String code) {
        return new CellValue(Type.ERROR, code, null, null, false);
    }

    boolean blank() {
        return type == Type.TEXT && (text == null || text.isBlank());
    }
}
