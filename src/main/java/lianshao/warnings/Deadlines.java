package lianshao.warnings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.stereotype.Component;

import lianshao.facts.WorkCalendar;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
import lianshao.support.Times;

/**
 * Deadlines of the loop in working days of the city's calendar (weekends and public holidays off, make-up days
 * on): a deadline N working days after a day ends at midnight, office time ({@code lianshao.zone}), of the N-th
 * working day after it.
 */
@Component
class Deadlines {

    private final ReferenceQueries reference;
    private final DisposalSettings settings;
    private final DisplayFormat format;

    Deadlines(ReferenceQueries reference, DisposalSettings settings, DisplayFormat format) {
        this.reference = reference;
        this.settings = settings;
        this.format = format;
    }

    /** N working days from today (office time); UTC. */
    LocalDateTime fromToday(int workingDays) {
        return after(today(), workingDays);
    }

    /** N working days after the day (office time) of the current deadline; UTC. */
    LocalDateTime extend(LocalDateTime currentDueUtc, int workingDays) {
        LocalDate base = currentDueUtc == null ? today()
                : currentDueUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(format.zone()).minusSeconds(1).toLocalDate();
        return after(base.isBefore(today()) ? today() : base, workingDays);
    }

    int maxWorkingDays() {
        return settings.maxWorkingDays();
    }

    private LocalDate today() {
        return format.local(Times.nowUtc()).toLocalDate();
    }

    private LocalDateTime after(LocalDate from, int workingDays) {
        // at most max-working-days (60): well within two calendar years
        WorkCalendar calendar = reference.calendar(List.of(from.getYear(), from.getYear() + 1));
        LocalDate day = nthWorkingDayAfter(calendar, from, workingDays);
        return Times.toUtc(day.plusDays(1).atStartOfDay(format.zone()).toOffsetDateTime());
    }

    /** The N-th working day after the day (the day itself does not count). */
    static LocalDate nthWorkingDayAfter(WorkCalendar calendar, LocalDate from, int workingDays) {
        LocalDate day = from;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (calendar.workingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
