package lianshao.facts;

import java.time.LocalDate;

/** Date-range checks shared by the relation facts. */
final class Validity {

    private Validity() {
    }

    static boolean activeOn(LocalDate from, LocalDate to, LocalDate day) {
        if (day == null) {
            return from == null && to == null;
        }
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    static boolean activeWithinYears(LocalDate from, LocalDate to, LocalDate day, int years) {
        if (day == null) {
            return activeOn(from, to, null);
        }
        return (from == null || !day.isBefore(from)) && (to == null || !to.isBefore(day.minusYears(years)));
    }
}
