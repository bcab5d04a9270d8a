package lianshao.support;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How people read amounts and times, in the console, exports and reports alike: times in the office's zone
 * ({@code lianshao.zone}, default Asia/Shanghai) to the minute (2026-03-02 10:15), amounts in yuan with
 * thousands separators (¥6,352,000.00) and totals in ten-thousands of yuan (635.20 万元). Stored times are UTC;
 * API timestamps keep their offset and never pass through here.
 */
@Component
public class DisplayFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final ZoneId zone;

    /** {@code lianshao.console.zone} is the property's earlier name and still counts when the new one is unset. */
    @Autowired
    public DisplayFormat(@Value("${lianshao.zone:${lianshao.console.zone:Asia/Shanghai}}") String zone) {
        this(ZoneId.of(zone));
    }

    public DisplayFormat(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Today in the office's zone. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** A moment in the office's zone. */
    public ZonedDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(zone);
    }

    /** A stored (UTC) time in the office's zone. */
    public ZonedDateTime local(LocalDateTime utc) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone);
    }

    /** 2026-03-02 10:15 in the office's zone; empty for none. */
    public String time(OffsetDateTime time) {
        return time == null ? "" : local(time).format(MINUTES);
    }

    /** A stored (UTC) time as 2026-03-02 10:15 in the office's zone. */
    public String time(LocalDateTime utc) {
        return utc == null ? "" : local(utc).format(MINUTES);
    }

    public String time(Instant instant) {
        return instant == null ? "" : instant.atZone(zone).format(MINUTES);
    }

    /** The day (2026-03-02) in the office's zone. */
    public String day(OffsetDateTime time) {
        return time == null ? "" : local(time).format(DAY);
    }

    public String day(LocalDateTime utc) {
        return utc == null ? "" : local(utc).format(DAY);
    }

    /** An amount in yuan: ¥6,352,000.00 (negative: -¥1,200.00); empty for none. */
    public String money(BigDecimal yuan) {
        if (yuan == null) {
            return "";
        }
        String digits = grouped(yuan.abs().setScale(2, RoundingMode.HALF_UP));
        return (yuan.signum() < 0 ? "-¥" : "¥") + digits;
    }

    public String money(Number yuan) {
        return yuan == null ? "" : money(new BigDecimal(yuan.toString()));
    }

    /** A total in ten-thousands of yuan: 635.20 万元; empty for none. */
    public String wan(BigDecimal yuan) {
        return yuan == null ? "" : grouped(yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP)) + " 万元";
    }

    /** A total for readers of a language: 635.20 万元 in Chinese, 6.35 million yuan in English. */
    public String wan(BigDecimal yuan, Locale locale) {
        if (yuan == null || locale == null || "zh".equals(locale.getLanguage())) {
            return wan(yuan);
        }
        return grouped(yuan.divide(MILLION, 2, RoundingMode.HALF_UP)) + " million yuan";
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
