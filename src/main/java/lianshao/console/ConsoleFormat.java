package lianshao.console;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the console shows them: in the city's zone (default Asia/Shanghai), to the minute.
 * Templates call it as {@code ${@fmt.time(...)}}; stored times are UTC.
 */
@Component("fmt")
class ConsoleFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final ZoneId zone;

    ConsoleFormat(@Value("${lianshao.console.zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String time(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(MINUTES);
    }

    /** A stored (UTC) time. */
    public String time(LocalDateTime utc) {
        return utc == null ? "" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).format(MINUTES);
    }

    public String day(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DAY);
    }

    public String day(LocalDateTime utc) {
        return utc == null ? "" : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).format(DAY);
    }
}
