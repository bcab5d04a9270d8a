package lianshao.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Strict readers for the contract's value formats; empty when the node does not hold a valid value. */
final class JsonValues {

    // ISO_LOCAL_DATE alone would also accept signed or 5+ digit years such as +12026-01-01.
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private JsonValues() {
    }

    static Optional<BigDecimal> decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return Optional.empty();
        }
        if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            // A binary float (parser not set to BigDecimal): read its shortest text form, not its binary value.
            try {
                return Optional.of(new BigDecimal(node.asString()));
            } catch (NumberFormatException nanOrInfinity) {
                return Optional.empty();
            }
        }
        return Optional.of(node.decimalValue());
    }

    static Optional<LocalDate> date(JsonNode node) {
        if (node == null || !node.isString() || !DATE_SHAPE.matcher(node.stringValue()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.stringValue(), DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<OffsetDateTime> timestamp(JsonNode node) {
        if (node == null || !node.isString()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.stringValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** True for a present value: neither absent nor an explicit JSON null. */
    static boolean isPresent(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
