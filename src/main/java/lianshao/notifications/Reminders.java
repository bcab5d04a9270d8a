package lianshao.notifications;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.facts.WorkCalendar;
import lianshao.reference.ReferenceQueries;
import lianshao.support.DisplayFormat;
import lianshao.support.Times;
import lianshao.warnings.WarningStatus;
import lianshao.warnings.Warnings;

/**
 * Reminders of deadlines, by the clock and the work calendar: a warning whose deadline falls within the next
 * {@code due-soon-working-days} working days (3; counted in the office's zone, holidays off, make-up days on) is
 * reminded of as DUE_SOON, one whose deadline has passed as OVERDUE; each once per deadline value
 * ({@code notification_reminder}), so a new deadline is reminded of again.
 */
@Component
class Reminders {

    /** A deadline column of the warning, the states in which it runs, and who is reminded before and after it. */
    record Deadline(String column, Set<String> states, List<Audience> dueSoon, List<Audience> overdue) {
    }

    /** Every deadline that is reminded of; the column names are fixed here, never taken from input. */
    static final List<Deadline> DEADLINES = List.of(
            new Deadline("due_at", states(WarningStatus::open), List.of(Audience.ASSIGNEE),
                    List.of(Audience.ASSIGNEE, Audience.SUPERVISORS)),
            // the same column holds the unit's rectification deadline once the warning is dispatched or returned
            new Deadline("due_at", states(s -> s.timed() && !s.open()), List.of(Audience.UNIT_CONTACTS, Audience.ASSIGNEE),
                    List.of(Audience.UNIT_CONTACTS, Audience.ASSIGNEE, Audience.SUPERVISORS)));

    private final JdbcClient jdbc;
    private final Warnings warnings;
    private final ReferenceQueries reference;
    private final Dispatcher dispatcher;
    private final NotificationSettings settings;
    private final DisplayFormat format;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Reminders(JdbcClient jdbc, Warnings warnings, ReferenceQueries reference, Dispatcher dispatcher, NotificationSettings settings,
            DisplayFormat format, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.reference = reference;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.format = format;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends the reminders that are due now; returns how many warnings were reminded of. */
    int remind() {
        LocalDateTime now = Times.nowUtc(clock);
        LocalDate today = clock.instant().atZone(format.zone()).toLocalDate();
        LocalDate lastDueSoonDay = workingDaysAfter(today, settings.dueSoonWorkingDays());
        LocalDateTime horizon = lastDueSoonDay.plusDays(1).atStartOfDay(format.zone()).withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        int reminded = 0;
        for (Deadline deadline : DEADLINES) {
            record Due(String warningId, LocalDateTime dueAt) {
            }
            String column = deadline.column();
            List<Due> due = jdbc.sql("SELECT w.id, w." + column + " FROM warning w WHERE w.status IN (:states) AND w." + column
                            + " IS NOT NULL AND w." + column + " < :horizon AND NOT EXISTS (SELECT 1 FROM notification_reminder r"
                            + " WHERE r.warning_id = w.id AND r.deadline = :column AND r.due_at = w." + column
                            + " AND r.kind = CASE WHEN w." + column + " < :now THEN 'OVERDUE' ELSE 'DUE_SOON' END)"
                            + " ORDER BY w." + column + ", w.id")
                    .param("states", deadline.states()).param("horizon", horizon).param("column", column).param("now", now)
                    .query((rs, n) -> new Due(rs.getString(1), rs.getObject(2, LocalDateTime.class))).list();
            for (Due d : due) {
                boolean overdue = d.dueAt().isBefore(now);
                NotificationKind kind = overdue ? NotificationKind.OVERDUE : NotificationKind.DUE_SOON;
                List<Audience> audiences = overdue ? deadline.overdue() : deadline.dueSoon();
                Boolean sent = transaction.execute(status -> {
                    try {
                        jdbc.sql("INSERT INTO notification_reminder (warning_id, kind, deadline, due_at, created_at) VALUES (?, ?, ?, ?, ?)")
                                .params(d.warningId(), kind.name(), column, d.dueAt(), now).update();
                    } catch (DuplicateKeyException sentMeanwhile) {
                        return false;
                    }
                    warnings.find(d.warningId()).ifPresent(w -> dispatcher.dispatch(w, kind, audiences, null, column, d.dueAt(), now));
                    return true;
                });
                reminded += Boolean.TRUE.equals(sent) ? 1 : 0;
            }
        }
        return reminded;
    }

    /** The day on which {@code count} working days after {@code day} have passed. */
    private LocalDate workingDaysAfter(LocalDate day, int count) {
        WorkCalendar calendar = reference.calendar(List.of(day.getYear(), day.getYear() + 1));
        LocalDate d = day;
        for (int passed = 0; passed < count; ) {
            d = d.plusDays(1);
            if (calendar.workingDay(d)) {
                passed++;
            }
        }
        return d;
    }

    private static Set<String> states(java.util.function.Predicate<WarningStatus> which) {
        return Arrays.stream(WarningStatus.values()).filter(which).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
