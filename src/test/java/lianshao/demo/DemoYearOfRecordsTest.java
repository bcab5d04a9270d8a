package lianshao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import lianshao.support.Json;

/**
 * The demo city has a year of history: every one of the twelve months up to this one holds demo records by the
 * date of the act, the derived purchases are the same every time for the same day, and each moves all its dates
 * together.
 */
@SpringBootTest(properties = "lianshao.demo.enabled=true")
@Tag("database")
class DemoYearOfRecordsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMonthOfTheLastYearHoldsDemoRecordsByTheDateOfTheAct() {
        YearMonth now = YearMonth.now(SHANGHAI);
        Set<YearMonth> months = jdbc.sql("SELECT occurred_at FROM record WHERE source = 'demo-feed'")
                .query(java.time.LocalDateTime.class).list().stream()
                .map(t -> YearMonth.from(t.atOffset(ZoneOffset.UTC).atZoneSameInstant(SHANGHAI)))
                .collect(Collectors.toSet());
        for (int back = 0; back < 12; back++) {
            assertThat(months).contains(now.minusMonths(back));
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record WHERE source = 'demo-feed' AND status <> 'EVALUATED'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void theDerivedPurchasesAreTheSameForTheSameDayAndMoveAllTheirDatesTogether() {
        JsonNode seed = Json.parse("""
                {"domain": "PROCUREMENT", "source": "demo-feed", "externalId": "CG-2026-0027", "orgCode": "SCH-0102",
                 "occurredAt": "2026-09-18T15:30:00+08:00",
                 "payload": {"purchaseId": "QYCG-2026-0127", "fiscalYear": 2026, "budgetProjectCode": "DC-CZ-2026-04",
                   "noticeStart": "2026-07-20", "acceptedOn": "2026-09-11",
                   "payments": [{"amount": 156000, "on": "2026-09-18", "payeeRef": "ORG-SUP-06"}]}}""");
        Clock clock = Clock.fixed(Instant.parse("2027-02-10T04:00:00Z"), ZoneOffset.UTC);
        List<JsonNode> year = DemoYearOfRecords.purchases(List.of(seed), clock, SHANGHAI);

        assertThat(year).hasSize(12 * DemoYearOfRecords.PER_MONTH);
        assertThat(Json.write(DemoYearOfRecords.purchases(List.of(seed), clock, SHANGHAI))).isEqualTo(Json.write(year));
        assertThat(year.stream().map(r -> r.get("externalId").asString()).distinct()).hasSize(year.size());
        for (JsonNode r : year) {
            OffsetDateTime occurred = OffsetDateTime.parse(r.get("occurredAt").asString());
            YearMonth month = YearMonth.parse(r.get("externalId").asString().substring(4, 8) + "-"
                    + r.get("externalId").asString().substring(8, 10));
            assertThat(YearMonth.from(occurred)).isEqualTo(month);
            assertThat(month).isBetween(YearMonth.of(2026, 3), YearMonth.of(2027, 2));
            assertThat(occurred.toLocalDate()).isBeforeOrEqualTo(LocalDate.of(2027, 2, 10));
            JsonNode p = r.get("payload");
            // the payment on the day of the act, acceptance seven days and the notice sixty days before it
            assertThat(p.get("payments").get(0).get("on").asString()).isEqualTo(occurred.toLocalDate().toString());
            assertThat(p.get("acceptedOn").asString()).isEqualTo(occurred.toLocalDate().minusDays(7).toString());
            assertThat(p.get("noticeStart").asString()).isEqualTo(occurred.toLocalDate().minusDays(60).toString());
            assertThat(p.get("fiscalYear").asInt()).isEqualTo(occurred.getYear());
            assertThat(p.get("purchaseId").asString()).isNotEqualTo("QYCG-2026-0127");
        }
    }
}
