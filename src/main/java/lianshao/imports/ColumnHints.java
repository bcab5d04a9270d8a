package lianshao.imports;

import java.util.stream.Collectors;

import lianshao.contract.ValueDescription;
import lianshao.contract.ValueKind;

/** How to fill a column, in Chinese, for the template's header comments and its instructions sheet. */
final class ColumnHints {

    private ColumnHints() {
    }

    static String format(Column column) {
        ValueDescription value = column.list() && column.value().items() != null ? column.value().items() : column.value();
        String format = switch (value.kind()) {
            case TEXT -> "文本";
            case ENUM -> "从下拉列表选择，也可只填代码";
            case INTEGER -> "整数";
            case NUMBER -> value.money() ? "金额（元），数字，最多两位小数" : "数字";
            case BOOLEAN -> "是 / 否";
            case DATE -> "日期：YYYY-MM-DD 文本或 Excel 日期";
            case TIMESTAMP -> "时间：2026-03-02 10:15、2026-03-02 或 2026-03-02T10:15:00+08:00；未写时区按北京时间（+08:00）";
            default -> value.kind().name();
        };
        if (column.list()) {
            format = "多个值，以分号 ; 或 ； 分隔；每个值：" + format;
        }
        return format;
    }

    static String options(Column column) {
        return column.options().stream().map(Column.EnumOption::display).collect(Collectors.joining("、"));
    }

    /** The comment of a header cell: meaning, required or not, format, allowed values. */
    static String comment(Column column) {
        StringBuilder text = new StringBuilder();
        text.append(column.field()).append(column.required() ? "（必填）" : "（选填）").append('\n');
        if (column.description() != null) {
            text.append(column.description()).append('\n');
        }
        text.append("格式：").append(format(column));
        if (!column.options().isEmpty() && column.cellKind() == ValueKind.ENUM) {
            text.append('\n').append("可选值：").append(options(column));
        }
        return text.toString();
    }
}
