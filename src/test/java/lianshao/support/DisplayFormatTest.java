package lianshao.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Amounts and times as officials read them. */
class DisplayFormatTest {

    private final DisplayFormat beijing = new DisplayFormat(ZoneId.of("Asia/Shanghai"));

    @Test
    void timesAreShownInTheOfficesZoneToTheMinute() {
        // 16:30 UTC on 7 December is already the 8th in Beijing
        assertThat(beijing.time(LocalDateTime.of(2026, 12, 7, 16, 30, 59))).isEqualTo("2026-12-08 00:30");
        assertThat(beijing.day(LocalDateTime.of(2026, 12, 7, 16, 30))).isEqualTo("2026-12-08");
        assertThat(beijing.time(OffsetDateTime.of(2026, 3, 2, 2, 15, 0, 0, ZoneOffset.UTC))).isEqualTo("2026-03-02 10:15");
        assertThat(beijing.time((LocalDateTime) null)).isEmpty();
    }

    @Test
    void amountsInYuanAndTotalsInTenThousands() {
        assertThat(beijing.money(new BigDecimal("6352000"))).isEqualTo("¥6,352,000.00");
        assertThat(beijing.money(new BigDecimal("-1200.5"))).isEqualTo("-¥1,200.50");
        assertThat(beijing.money(1234.5)).isEqualTo("¥1,234.50");
        assertThat(beijing.wan(new BigDecimal("6352000"))).isEqualTo("635.20 万元");
        assertThat(beijing.wan(new BigDecimal("123456789"))).isEqualTo("12,345.68 万元");
        assertThat(beijing.wan(new BigDecimal("6352000"), Locale.ENGLISH)).isEqualTo("6.35 million yuan");
        assertThat(beijing.money((BigDecimal) null)).isEmpty();
    }

    @Test
    void theZoneComesFromLianshaoZoneOrItsEarlierName() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withBean(DisplayFormat.class);
        runner.run(c -> assertThat(c.getBean(DisplayFormat.class).zone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
        runner.withPropertyValues("lianshao.zone=Asia/Urumqi")
                .run(c -> assertThat(c.getBean(DisplayFormat.class).zone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
        runner.withPropertyValues("lianshao.console.zone=Europe/Berlin")
                .run(c -> assertThat(c.getBean(DisplayFormat.class).zone()).isEqualTo(ZoneId.of("Europe/Berlin")));
    }
}
