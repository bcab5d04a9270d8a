package lianshao.dossier;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import lianshao.contract.FieldDescription;
import lianshao.contract.ValueKind;

/**
 * A record's payload as labelled fields, in contract order: the label is the head of the contract's field
 * description (业务领域、采购方式 …), enumeration values carry their Chinese label from the same description
 * (询价), parties their registered name, money reads ¥2,500,000.00; items of an array are numbered.
 */
final class RecordFields {

    /** One line of the table: its label, the JSON field path (small print) and the value as read. */
    record Row(String label, String path, String value) {
    }

    private static final Pattern LABEL_END = Pattern.compile("[：。，；（(]");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, String> partyNames;
    private final ZoneId zone;

    RecordFields(Map<String, String> partyNames, ZoneId zone) {
        this.partyNames = partyNames;
        this.zone = zone;
    }

    List<Row> rows(List<FieldDescription> fields, JsonNode payload) {
        List<Row> rows = new ArrayList<>();
        add(rows, fields, payload, "", "");
        return rows;
    }

    private void add(List<Row> rows, List<FieldDescription> fields, JsonNode object, String labelPrefix, String pathPrefix) {
        if (object == null || !object.isObject()) {
            return;
        }
        for (FieldDescription field : fields) {
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                continue;
            }
            String label = labelPrefix + label(field);
            String path = pathPrefix + field.name();
            if (value.isArray() && !field.itemFields().isEmpty()) {
                int n = 1;
                for (JsonNode item : value) {
                    add(rows, field.itemFields(), item, label + " 第" + n + "项 · ", path + "[" + n + "].");
                    n++;
                }
            } else if (value.isObject() && !field.itemFields().isEmpty()) {
                add(rows, field.itemFields(), value, label + " · ", path + ".");
            } else {
                rows.add(new Row(label, path, text(field, value)));
            }
        }
    }

    /** The head of the description, up to its first colon, full stop, comma or bracket; the JSON name without one. */
    static String label(FieldDescription field) {
        String description = field.description();
        if (description == null || description.isBlank()) {
            return field.name();
        }
        Matcher end = LABEL_END.matcher(description);
        return end.find() && end.start() > 0 ? description.substring(0, end.start()) : description;
    }

    /** The Chinese label an enumeration value has in the description ("INQUIRY 询价、…"), or the value itself. */
    static String enumLabel(FieldDescription field, String value) {
        if (field.description() != null) {
            Matcher m = Pattern.compile("(?<![A-Z_])" + Pattern.quote(value) + "\\s+([^、，。；,;（）()\\s]+)").matcher(field.description());
            if (m.find()) {
                return m.group(1);
            }
        }
        return value;
    }

    private String text(FieldDescription field, JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(scalar(field, v)));
            return String.join("、", parts);
        }
        return scalar(field, value);
    }

    private String scalar(FieldDescription field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "是" : "否";
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            Integer decimals = field.kind() == ValueKind.NUMBER ? field.value().maxDecimals() : null;
            return decimals != null && decimals == 2 ? "¥" + new DecimalFormat("#,##0.00").format(number) : number.toPlainString();
        }
        String text = value.isString() ? value.asString() : value.toString();
        boolean enumeration = !field.enumValues().isEmpty();
        if (enumeration) {
            return enumLabel(field, text);
        }
        if (field.kind() == ValueKind.TIMESTAMP) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone).format(MINUTES);
            } catch (RuntimeException e) {
                return text;
            }
        }
        String name = partyNames.get(text);
        return name == null || name.equals(text) ? text : name + "（" + text + "）";
    }
}
