package lianshao.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.support.DisplayFormat;

/** The dashboard's weeks run Monday to Sunday in the office's zone, not in UTC. */
class DashboardWeeksTest extends ApiTestSupport {

    @Autowired
    ConsoleQueries queries;
    @Autowired
    DisplayFormat format;

    @Test
    void aWarningRaisedEarlyOnMondayOfficeTimeCountsInThatWeek() throws Exception {
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(TestRecords.unique("SCH")).toString())
                .andExpect(status().isCreated()).andReturn()).get("warnings").get(0).get("id").asString();
        // 00:30 on this week's Monday in Beijing is still Sunday in UTC (16:30)
        LocalDateTime mondayEarlyUtc = format.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atTime(0, 30)
                .atZone(format.zone()).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        assertThat(mondayEarlyUtc.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        List<ConsoleQueries.Week> before = queries.weekly(null, ConsoleController.WEEKS);

        jdbc.sql("UPDATE warning SET raised_at = ? WHERE id = ?").params(mondayEarlyUtc, id).update();
        List<ConsoleQueries.Week> after = queries.weekly(null, ConsoleController.WEEKS);

        int thisWeek = after.size() - 1;
        assertThat(after.get(thisWeek).start()).isEqualTo(mondayEarlyUtc.atOffset(ZoneOffset.UTC).atZoneSameInstant(format.zone())
                .toLocalDate());
        assertThat(after.get(thisWeek).raised()).isEqualTo(before.get(thisWeek).raised());
        assertThat(after.get(thisWeek - 1).raised()).isEqualTo(before.get(thisWeek - 1).raised());
    }
}
