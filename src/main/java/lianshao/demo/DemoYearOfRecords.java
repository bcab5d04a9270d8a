package lianshao.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A year of purchases for the demo city: for each of the twelve months up to the current one, a few records
 * derived from the demo purchases that raised no warning, moved to a day of that month (every date of the
 * payload by the same number of days, the fiscal year with it) and given numbers and a budget project of their
 * own, so that statistics by the month of the act show a year whatever the day the demo starts. Deterministic:
 * the same month always yields the same records (a random generator seeded by the month), so starting again
 * changes nothing and a new month only adds its own.
 */
final class DemoYearOfRecords {

    static final int PER_MONTH = 3;
    /** The prefix of the derived purchases' external ids, followed by the month (CG-H202605-01). */
    static final String PREFIX = "CG-H";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private DemoYearOfRecords() {
    }

    /**
     * The derived purchases, oldest month first. {@code clean}: the seed purchases to derive from (in a fixed
     * order); {@code zone}: where "this month" and "today" are read.
     */
    static List<JsonNode> purchases(List<JsonNode> clean, Clock clock, ZoneId zone) {
        List<JsonNode> derived = new ArrayList<>();
        if (clean.isEmpty()) {
            return derived;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth current = YearMonth.from(today);
        for (int back = 11; back >= 0; back--) {
            YearMonth month = current.minusMonths(back);
            Random random = new Random(month.getYear() * 100L + month.getMonthValue());
            int lastDay = month.equals(current) ? today.getDayOfMonth() : month.lengthOfMonth();
            List<LocalDate> days = new ArrayList<>();
            for (int n = 0; n < PER_MONTH; n++) {
                days.add(month.atDay(1 + random.nextInt(lastDay)));
            }
            days.sort(null);
            for (int n = 0; n < PER_MONTH; n++) {
                JsonNode seed = clean.get(random.nextInt(clean.size()));
                derived.add(derive(seed, days.get(n), String.format(PREFIX + "%d%02d-%02d", month.getYear(), month.getMonthValue(), n + 1)));
            }
        }
        return derived;
    }

    private static JsonNode derive(JsonNode seed, LocalDate day, String externalId) {
        ObjectNode envelope = (ObjectNode) seed.deepCopy();
        OffsetDateTime occurred = OffsetDateTime.parse(seed.get("occurredAt").asString());
        long shift = ChronoUnit.DAYS.between(occurred.toLocalDate(), day);
        envelope.put("externalId", externalId);
        envelope.put("occurredAt", occurred.plusDays(shift).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        ObjectNode payload = (ObjectNode) shifted(envelope.get("payload"), shift);
        payload.put("purchaseId", "QY" + externalId);
        payload.put("fiscalYear", day.getYear());
        // a budget project of its own, so that no derived purchase adds to another's running total
        payload.put("budgetProjectCode", payload.path("budgetProjectCode").asString() + " " + externalId);
        envelope.set("payload", payload);
        return envelope;
    }

    /** The node with every date and date-time moved by {@code days}. */
    private static JsonNode shifted(JsonNode node, long days) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                copy.set(e.getKey(), shifted(e.getValue(), days));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(shifted(item, days)));
            return copy;
        }
        if (node.isString()) {
            String text = node.asString();
            try {
                if (DATE.matcher(text).matches()) {
                    return JsonNodeFactory.instance.stringNode(LocalDate.parse(text).plusDays(days).toString());
                }
                if (DATE_TIME.matcher(text).matches()) {
                    return JsonNodeFactory.instance.stringNode(OffsetDateTime.parse(text).plusDays(days).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                }
            } catch (DateTimeParseException e) {
                return node;
            }
        }
        return node;
    }
}
