package lianshao.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Day counts as the catalogue reads them: a span is the difference of the two dates. */
final class Dates {

    private Dates() {
    }

    static Integer daysBetween(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : (int) ChronoUnit.DAYS.between(from, to);
    }

    /** A period given by its first and last day counts both days (1–7 March = 7 days). */
    static Integer periodDays(LocalDate first, LocalDate last) {
        return first == null || last == null ? null : (int) ChronoUnit.DAYS.between(first, last) + 1;
    }
}
