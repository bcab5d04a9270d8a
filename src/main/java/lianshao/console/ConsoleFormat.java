package lianshao.console;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import lianshao.support.DisplayFormat;

/**
 * {@link DisplayFormat} for templates, as {@code ${@fmt.time(...)}}, {@code ${@fmt.money(...)}}: times in the
 * office's zone to the minute, amounts in yuan, totals in 万元 in the request's language.
 */
@Component("fmt")
class ConsoleFormat {

    private final DisplayFormat format;

    ConsoleFormat(DisplayFormat format) {
        this.format = format;
    }

    public String time(OffsetDateTime time) {
        return format.time(time);
    }

    /** A stored (UTC) time. */
    public String time(LocalDateTime utc) {
        return format.time(utc);
    }

    public String day(OffsetDateTime time) {
        return format.day(time);
    }

    public String day(LocalDateTime utc) {
        return format.day(utc);
    }

    /** The half of a service's "中文 / English" text in the request's language. */
    public String one(String bilingual) {
        return ConsoleText.pick(bilingual);
    }

    public String money(BigDecimal yuan) {
        return format.money(yuan);
    }

    public String wan(BigDecimal yuan) {
        return format.wan(yuan, ConsoleText.locale());
    }
}
