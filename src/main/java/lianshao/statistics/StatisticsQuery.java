package lianshao.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import lianshao.contract.FieldError;
import lianshao.web.ValidationFailed;

/**
 * What to count: acts from {@code from} to {@code to} (days in the office's zone, both included), per period,
 * grouped by a dimension. Without dates: the twelve months up to today.
 */
public record StatisticsQuery(LocalDate from, LocalDate to, Period period, Dimension by) {

    /** The longest range counted at once. */
    static final int MAX_YEARS = 10;

    /** Parses the request's parameters; every bad one is named with its reason (400). */
    public static StatisticsQuery parse(String from, String to, String period, String by, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (end == null && blank(to)) {
            end = today;
        }
        if (start == null && blank(from) && end != null) {
            start = end.withDayOfMonth(1).minusMonths(11);
        }
        Period p = choice("period", period, Period.values(), Period.MONTH, errors);
        Dimension d = choice("by", by, Dimension.values(), Dimension.DOMAIN, errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new FieldError("to", "不能早于 from / must not be before from"));
            } else if (start.plusYears(MAX_YEARS).isBefore(end)) {
                errors.add(new FieldError("to", "统计期间不能超过 " + MAX_YEARS + " 年 / the range must not exceed " + MAX_YEARS + " years"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new StatisticsQuery(start, end, p, d);
    }

    /** The query as the access log notes an export of it, and as the console's links carry it. */
    public String describe() {
        return "statistics?" + parameters();
    }

    public String parameters() {
        return "from=" + from + "&to=" + to + "&period=" + period + "&by=" + by;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "应为日期，如 2026-03-02 / expected a date such as 2026-03-02"));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(String field, String value, E[] values, E fallback, List<FieldError> errors) {
        if (blank(value)) {
            return fallback;
        }
        for (E e : values) {
            if (e.name().equals(value.strip())) {
                return e;
            }
        }
        errors.add(new FieldError(field, "取值必须是以下之一 / must be one of: " + Arrays.toString(values)));
        return fallback;
    }
}
