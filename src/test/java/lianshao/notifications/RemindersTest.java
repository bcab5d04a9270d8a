package lianshao.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.security.Role;

/** Reminders of deadlines on working days, driven by a clock the test sets (2031-03-03 is a Monday). */
class RemindersTest extends NotificationTestSupport {

    @Autowired
    Reminders reminders;

    void deadline(String warningId, String status, String assignee, String dueAtUtc) {
        jdbc.sql("UPDATE warning SET status = ?, assignee = ?, due_at = ? WHERE id = ?")
                .params(status, assignee, LocalDateTime.parse(dueAtUtc), warningId).update();
    }

    List<String> texts(String username, String warningId, String kind) {
        return jdbc.sql("SELECT text_args FROM notification WHERE username = ? AND warning_id = ? AND kind = ? ORDER BY created_at")
                .params(username, warningId, kind).query(String.class).list();
    }

    @Test
    void aDeadlineIsRemindedThreeWorkingDaysAheadOnceThenWhenOverdueAndAgainWhenItMoves() throws Exception {
        String assignee = person("due-assignee", WEST, Role.INSPECTOR);
        String cityWide = person("due-sup-city", null, Role.SUPERVISOR);
        String east = person("due-sup-east", "测试东区", Role.SUPERVISOR);
        String id = newWarning();
        String decided = newWarning();
        // due Friday 2031-03-07 10:00 in Beijing
        deadline(id, "ASSIGNED", assignee, "2031-03-07T02:00:00");
        deadline(decided, "CONFIRMED", assignee, "2031-03-07T02:00:00");

        clock.set(Instant.parse("2031-03-03T01:00:00Z")); // Monday: four working days to go
        reminders.remind();
        assertThat(texts(assignee, id, "DUE_SOON")).isEmpty();

        clock.set(Instant.parse("2031-03-04T01:00:00Z")); // Tuesday: three
        reminders.remind();
        reminders.remind();
        assertThat(texts(assignee, id, "DUE_SOON")).hasSize(1).first().asString().contains("2031-03-07 10:00");
        assertThat(texts(cityWide, id, "DUE_SOON")).isEmpty();
        mvc.perform(get("/api/v1/inbox").with(signedIn(assignee)))
                .andExpect(jsonPath("$.items[0].text").value("预警「" + title(id) + "」将于 2031-03-07 10:00 到期（3 个工作日内）"));

        clock.set(Instant.parse("2031-03-07T03:00:00Z")); // Friday 11:00: an hour past the deadline
        reminders.remind();
        reminders.remind();
        assertThat(texts(assignee, id, "OVERDUE")).hasSize(1);
        assertThat(texts(cityWide, id, "OVERDUE")).hasSize(1);
        // a supervisor of another district may not see the warning: no reminder for them
        assertThat(texts(east, id, "OVERDUE")).isEmpty();
        // a decided warning waits for nobody's review
        assertThat(texts(assignee, decided, "OVERDUE")).isEmpty();
        assertThat(texts(assignee, decided, "DUE_SOON")).isEmpty();

        // a new deadline (Friday a week later) is reminded of again, three working days before it
        deadline(id, "ASSIGNED", assignee, "2031-03-14T02:00:00");
        reminders.remind();
        assertThat(texts(assignee, id, "DUE_SOON")).hasSize(1);
        clock.set(Instant.parse("2031-03-11T01:00:00Z"));
        reminders.remind();
        assertThat(texts(assignee, id, "DUE_SOON")).hasSize(2);
        assertThat(texts(assignee, id, "OVERDUE")).hasSize(1);
    }

    @Test
    void holidaysOfTheWorkCalendarBringADeadlineCloser() throws Exception {
        String assignee = person("holiday-assignee", WEST, Role.INSPECTOR);
        String id = newWarning();
        // due Tuesday 2031-03-11; on Wednesday 03-05 that is four working days away (Thu, Fri, Mon, Tue)
        deadline(id, "UNDER_REVIEW", assignee, "2031-03-11T02:00:00");
        clock.set(Instant.parse("2031-03-05T01:00:00Z"));
        reminders.remind();
        assertThat(texts(assignee, id, "DUE_SOON")).isEmpty();

        LocalDate holiday = LocalDate.parse("2031-03-06");
        jdbc.sql("INSERT INTO calendar_day (cal_date, cal_year, kind) VALUES (?, 2031, 'HOLIDAY')").param(holiday).update();
        try {
            reminders.remind();
            assertThat(texts(assignee, id, "DUE_SOON")).hasSize(1);
        } finally {
            jdbc.sql("DELETE FROM calendar_day WHERE cal_date = ?").param(holiday).update();
        }
    }
}
