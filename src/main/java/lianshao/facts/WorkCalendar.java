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
     * {@code from}. Announced Monday, result on Wednesday = 2 working days. Counted by arithmetic on the
     * weeks and the listed holidays and make-up days, not day by day: a rule may pass any two dates, and
     * a span of millions of years must cost no more than a week (beyond {@code int}, the count saturates).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (from == null || to == null || !to.isAfter(from)) {
            return 0;
        }
        long count = weekdaysUpTo(to.toEpochDay()) - weekdaysUpTo(from.toEpochDay());
        for (LocalDate holiday : holidays) {
            if (holiday.isAfter(from) && !holiday.isAfter(to) && weekday(holiday) && !workdays.contains(holiday)) {
                count--;
            }
        }
        for (LocalDate workday : workdays) {
            if (workday.isAfter(from) && !workday.isAfter(to) && !weekday(workday)) {
                count++;
            }
        }
        return (int) Math.min(count, Integer.MAX_VALUE);
    }

    private static boolean weekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Monday to Friday up to and including the given epoch day, counted from a fixed Monday long ago. */
    private static long weekdaysUpTo(long epochDay) {
        long fromMonday = epochDay + 3; // 1970-01-05 (epoch day 4) was a Monday
        return 5 * Math.floorDiv(fromMonday, 7) + Math.min(Math.floorMod(fromMonday, 7) + 1, 5);
    }
}
