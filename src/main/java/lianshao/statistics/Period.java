package lianshao.statistics;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The length of the periods counted; each day of an act belongs to exactly one period. */
public enum Period {
    MONTH, QUARTER, YEAR;

    /** The first day of the period holding the day. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    /** 2026-03, 2026-Q1, 2026. */
    String key(LocalDate start) {
        return switch (this) {
            case MONTH -> String.format("%04d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** The message key of its label and its arguments (as text: a year is no number to group with commas). */
    String messageKey() {
        return "stats." + name().toLowerCase(java.util.Locale.ROOT);
    }

    Object[] messageArgs(LocalDate start) {
        return switch (this) {
            case MONTH -> new Object[] {String.valueOf(start.getYear()), String.valueOf(start.getMonthValue())};
            case QUARTER -> new Object[] {String.valueOf(start.getYear()), String.valueOf(start.get(IsoFields.QUARTER_OF_YEAR))};
            case YEAR -> new Object[] {String.valueOf(start.getYear())};
        };
    }
}
