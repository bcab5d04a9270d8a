package lianshao.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import lianshao.contract.ValueDescription;
import lianshao.contract.ValueKind;

/**
 * Turns a cell into the JSON value the contract expects for its column, leniently where the meaning is
 * unambiguous (an Excel date in a date column, {@code 2,500,000.00} in a money column, {@code 是} in a yes/no
 * column, {@code INQUIRY 询价} or {@code 询价} in an enumeration). Anything it cannot convert goes on as text,
 * so that the contract's validator reports it with its usual message: the validator stays the only judge.
 */
final class CellConverter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile(
            "(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；\\n]");
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(Map.entry("是", true), Map.entry("否", false),
            Map.entry("true", true), Map.entry("false", false), Map.entry("y", true), Map.entry("n", false),
            Map.entry("yes", true), Map.entry("no", false), Map.entry("1", true), Map.entry("0", false),
            Map.entry("√", true), Map.entry("×", false), Map.entry("有", true), Map.entry("无", false));
    /** Excel keeps 15 significant digits; more in a saved number is binary noise (0.1 + 0.2). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private final ZoneId zone;

    CellConverter(ZoneId zone) {
        this.zone = zone;
    }

    /** The JSON value of a cell for a column, or null when the cell holds nothing. */
    JsonNode convert(CellValue cell, Column column) {
        if (cell == null || cell.blank()) {
            return null;
        }
        if (column.list()) {
            ArrayNode array = NODES.arrayNode();
            ValueDescription items = column.value().items();
            for (String part : LIST_SEPARATOR.split(cell.type() == CellValue.Type.NUMBER ? plain(cell.number()) : cell.text())) {
                if (!part.isBlank()) {
                    JsonNode item = items == null ? NODES.stringNode(part.strip())
                            : scalar(CellValue.text(part.strip()), items, column);
                    array.add(item);
                }
            }
            return array.isEmpty() ? null : array;
        }
        return scalar(cell, column.value(), column);
    }

    private JsonNode scalar(CellValue cell, ValueDescription value, Column column) {
        return switch (value.kind()) {
            case TEXT -> NODES.stringNode(text(cell));
            case ENUM -> NODES.stringNode(enumeration(text(cell), column));
            case INTEGER -> integral(number(cell));
            case NUMBER -> number(cell);
            case BOOLEAN -> bool(cell);
            case DATE -> date(cell);
            case TIMESTAMP -> timestamp(cell);
            default -> NODES.stringNode(text(cell));
        };
    }

    private static String text(CellValue cell) {
        return switch (cell.type()) {
            case NUMBER -> plain(cell.number());
            case DATE -> cell.dateTime().toLocalTime().equals(LocalTime.MIDNIGHT) ? cell.dateTime().toLocalDate().toString()
                    : cell.dateTime().toString();
            default -> cell.text().strip();
        };
    }

    private static String enumeration(String text, Column column) {
        for (Column.EnumOption option : column.options()) {
            if (option.code().equals(text) || option.display().equals(text) || text.equals(option.label())) {
                return option.code();
            }
        }
        String first = text.split("\\s+", 2)[0];
        for (Column.EnumOption option : column.options()) {
            if (option.code().equalsIgnoreCase(first)) {
                return option.code();
            }
        }
        return text;
    }

    private static JsonNode number(CellValue cell) {
        if (cell.type() == CellValue.Type.NUMBER) {
            return NODES.numberNode(excel(cell.number()));
        }
        if (cell.type() == CellValue.Type.TEXT) {
            String cleaned = cell.text().strip().replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
                    .replace(" ", "");
            if (cleaned.endsWith("元")) {
                cleaned = cleaned.substring(0, cleaned.length() - 1);
            }
            if (cleaned.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                return NODES.numberNode(new BigDecimal(cleaned));
            }
        }
        return NODES.stringNode(text(cell));
    }

    /** Whole numbers as JSON integers (2026, not 2026.0); anything else unchanged, for the validator to judge. */
    private static JsonNode integral(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            if (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0) {
                try {
                    return NODES.numberNode(value.longValueExact());
                } catch (ArithmeticException tooLarge) {
                    return NODES.numberNode(value.toBigInteger());
                }
            }
        }
        return node;
    }

    /** A number as saved by a spreadsheet program: at most 15 significant digits, integral ones without a point. */
    static BigDecimal excel(BigDecimal raw) {
        BigDecimal n = raw.precision() > 15 ? raw.round(EXCEL_PRECISION) : raw;
        if (n.scale() > 0 && n.stripTrailingZeros().scale() <= 0) {
            return n.setScale(0);
        }
        return n.scale() > 0 && raw.precision() > 15 ? n.stripTrailingZeros() : n;
    }

    private static JsonNode bool(CellValue cell) {
        if (cell.type() == CellValue.Type.BOOLEAN) {
            return NODES.booleanNode(cell.bool());
        }
        Boolean value = BOOLEANS.get(text(cell).toLowerCase(Locale.ROOT));
        return value == null ? NODES.stringNode(text(cell)) : NODES.booleanNode(value);
    }

    private JsonNode date(CellValue cell) {
        Optional<LocalDate> date = switch (cell.type()) {
            case DATE -> Optional.of(cell.dateTime().toLocalDate());
            case NUMBER -> serial(cell.number()).map(LocalDateTime::toLocalDate);
            case TEXT -> textDate(cell.text().strip());
            default -> Optional.empty();
        };
        return NODES.stringNode(date.map(LocalDate::toString).orElse(text(cell)));
    }

    private JsonNode timestamp(CellValue cell) {
        Optional<LocalDateTime> local = switch (cell.type()) {
            case DATE -> Optional.of(cell.dateTime());
            case NUMBER -> serial(cell.number());
            default -> Optional.empty();
        };
        if (local.isEmpty() && cell.type() == CellValue.Type.TEXT) {
            String text = cell.text().strip();
            try {
                return NODES.stringNode(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toString());
            } catch (DateTimeParseException notWithOffset) {
                local = textDateTime(text);
            }
        }
        return NODES.stringNode(local.map(t -> t.atZone(zone).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).orElse(text(cell)));
    }

    private static Optional<LocalDateTime> serial(BigDecimal number) {
        double serial = number.doubleValue();
        if (serial < 1 || serial > 2_958_465 || !DateUtil.isValidExcelDate(serial)) {
            return Optional.empty();
        }
        return Optional.of(DateUtil.getLocalDateTime(serial));
    }

    private static Optional<LocalDate> textDate(String text) {
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDateTime> textDateTime(String text) {
        Optional<LocalDate> day = textDate(text);
        if (day.isPresent()) {
            return Optional.of(day.get().atStartOfDay());
        }
        Matcher m = LOCAL_DATE_TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Optional<LocalDate> date = textDate(m.group(1));
            int seconds = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            return date.map(d -> d.atTime(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), seconds));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String plain(BigDecimal number) {
        BigDecimal n = excel(number).stripTrailingZeros();
        return n.scale() < 0 ? n.setScale(0).toPlainString() : n.toPlainString();
    }
}
