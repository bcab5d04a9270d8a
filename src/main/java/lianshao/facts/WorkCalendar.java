package lianshao.facts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Working days: weekends and public holidays are off, make-up working days are on. */
public record WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {

    public boolean workingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after
     * {@code from}. Announced Monday, result on Wednesday = 2 working days.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (workingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
