package lianshao.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lianshao.facts.WorkCalendar;

/** Deadlines in working days of the calendar, and the priority that rises with the share of the allowed time passed. */
class DeadlinesAndPriorityTest {

    /** 2026-10-01 (Thursday) to 10-07 are the National Day holidays; Saturday 10-10 is a make-up working day. */
    private static final WorkCalendar CALENDAR = new WorkCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 10, 10)));

    @Test
    void aDeadlineSkipsWeekendsAndHolidaysAndCountsMakeUpDays() {
        // Monday 2026-09-28: 29th and 30th work, the holidays and the weekend do not, 8th and 9th work, Saturday 10th too
        assertThat(Deadlines.nthWorkingDayAfter(CALENDAR, LocalDate.of(2026, 9, 28), 2)).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(Deadlines.nthWorkingDayAfter(CALENDAR, LocalDate.of(2026, 9, 28), 3)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(Deadlines.nthWorkingDayAfter(CALENDAR, LocalDate.of(2026, 9, 28), 5)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(Deadlines.nthWorkingDayAfter(CALENDAR, LocalDate.of(2026, 9, 28), 6)).isEqualTo(LocalDate.of(2026, 10, 12));
        // from a Friday, one working day is the Monday
        assertThat(Deadlines.nthWorkingDayAfter(CALENDAR, LocalDate.of(2026, 11, 6), 1)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void priorityRisesAtOneThirdTwoThirdsAndAllOfTheAllowedTime() {
        LocalDateTime from = LocalDateTime.of(2026, 11, 1, 0, 0);
        LocalDateTime due = from.plusHours(300);
        assertThat(WarningView.Priority.of(from, due, from)).isEqualTo(WarningView.Priority.NORMAL);
        assertThat(WarningView.Priority.of(from, due, from.plusHours(99))).isEqualTo(WarningView.Priority.NORMAL);
        assertThat(WarningView.Priority.of(from, due, from.plusHours(100))).isEqualTo(WarningView.Priority.ATTENTION);
        assertThat(WarningView.Priority.of(from, due, from.plusHours(199))).isEqualTo(WarningView.Priority.ATTENTION);
        assertThat(WarningView.Priority.of(from, due, from.plusHours(200))).isEqualTo(WarningView.Priority.URGENT);
        assertThat(WarningView.Priority.of(from, due, due.minusSeconds(1))).isEqualTo(WarningView.Priority.URGENT);
        assertThat(WarningView.Priority.of(from, due, due)).isEqualTo(WarningView.Priority.OVERDUE);
        assertThat(WarningView.Priority.of(from, due, due.plusDays(3))).isEqualTo(WarningView.Priority.OVERDUE);
    }
}
