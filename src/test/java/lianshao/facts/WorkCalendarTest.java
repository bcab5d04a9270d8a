package lianshao.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Working days: weekends and holidays off, make-up days on; counted after the first day up to the last. */
class WorkCalendarTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);
    private static final LocalDate SATURDAY = MONDAY.plusDays(5);
    private static final LocalDate NEXT_MONDAY = MONDAY.plusDays(7);

    private static final WorkCalendar PLAIN = new WorkCalendar(Set.of(), Set.of());

    @Test
    void theDatesAreTheWeekdaysTheirNamesSay() {
        assertThat(MONDAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(SATURDAY.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    }

    @Test
    void mondayToWednesdayIsTwoWorkingDays() {
        assertThat(PLAIN.workingDaysBetween(MONDAY, WEDNESDAY)).isEqualTo(2);
    }

    @Test
    void theSameDayIsZero() {
        assertThat(PLAIN.workingDaysBetween(MONDAY, MONDAY)).isZero();
    }

    @Test
    void aLastDayBeforeTheFirstIsZero() {
        assertThat(PLAIN.workingDaysBetween(WEDNESDAY, MONDAY)).isZero();
    }

    @Test
    void aMissingDateIsZero() {
        assertThat(PLAIN.workingDaysBetween(null, MONDAY)).isZero();
        assertThat(PLAIN.workingDaysBetween(MONDAY, null)).isZero();
    }

    @Test
    void theWeekendIsSkipped() {
        assertThat(PLAIN.workingDaysBetween(FRIDAY, NEXT_MONDAY)).isEqualTo(1);
        assertThat(PLAIN.workingDaysBetween(FRIDAY, SATURDAY)).isZero();
        assertThat(PLAIN.workingDaysBetween(MONDAY, NEXT_MONDAY)).isEqualTo(5);
        assertThat(PLAIN.workingDaysBetween(MONDAY, MONDAY.plusWeeks(2))).isEqualTo(10);
    }

    @Test
    void aHolidayIsSkipped() {
        WorkCalendar calendar = new WorkCalendar(Set.of(TUESDAY), Set.of());

        assertThat(calendar.workingDaysBetween(MONDAY, WEDNESDAY)).isEqualTo(1);
        assertThat(calendar.workingDay(TUESDAY)).isFalse();
        assertThat(calendar.workingDay(WEDNESDAY)).isTrue();
    }

    @Test
    void aMakeUpWorkdayOnASaturdayCounts() {
        WorkCalendar calendar = new WorkCalendar(Set.of(), Set.of(SATURDAY));

        assertThat(calendar.workingDay(SATURDAY)).isTrue();
        assertThat(calendar.workingDay(SATURDAY.plusDays(1))).isFalse();
        assertThat(calendar.workingDaysBetween(FRIDAY, NEXT_MONDAY)).isEqualTo(2);
    }

    @Test
    void aHolidayWeekWithItsMakeUpDays() {
        // 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
        Set<LocalDate> holidays = Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3),
                LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8));
        Set<LocalDate> workdays = Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        WorkCalendar calendar = new WorkCalendar(holidays, workdays);

        // after Fri 26 Sep: Sun 28, Mon 29, Tue 30 Sep, then Thu 9, Fri 10, Sat 11 Oct
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 11))).isEqualTo(6);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 8))).isZero();
    }

    @Test
    void theFirstDayIsNotCountedAndTheLastDayIs() {
        WorkCalendar calendar = new WorkCalendar(Set.of(WEDNESDAY), Set.of());

        // Tuesday → Wednesday: the only day counted is a holiday
        assertThat(calendar.workingDaysBetween(TUESDAY, WEDNESDAY)).isZero();
        // Wednesday → Thursday: the holiday is the first day, not counted anyway
        assertThat(calendar.workingDaysBetween(WEDNESDAY, WEDNESDAY.plusDays(1))).isEqualTo(1);
    }

    @Test
    void theCountAgreesWithADayByDayCountOverYearsWithHolidaysAndMakeUpDays() {
        LocalDate start = LocalDate.of(2023, 12, 20);
        WorkCalendar calendar = new WorkCalendar(Set.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 10, 1), LocalDate.of(2024, 10, 5),
                LocalDate.of(2025, 2, 3)), Set.of(LocalDate.of(2024, 9, 29), LocalDate.of(2024, 10, 12), LocalDate.of(2025, 2, 3)));
        for (int span = 0; span < 800; span += 7) {
            for (int shift = 0; shift < 7; shift++) {
                LocalDate from = start.plusDays(shift);
                LocalDate to = from.plusDays(span + shift);
                int expected = 0;
                for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                    expected += calendar.workingDay(d) ? 1 : 0;
                }
                assertThat(calendar.workingDaysBetween(from, to)).as(from + " to " + to).isEqualTo(expected);
            }
        }
    }

    @Test
    void anyTwoDatesARuleCanPassAreCountedWithoutWalkingTheDays() {
        // 400 Gregorian years are exactly 20,871 weeks
        assertThat(PLAIN.workingDaysBetween(MONDAY, MONDAY.plusYears(400))).isEqualTo(20_871 * 5);
        assertThat(PLAIN.workingDaysBetween(LocalDate.MIN, LocalDate.MAX)).isEqualTo(Integer.MAX_VALUE);
    }
}
