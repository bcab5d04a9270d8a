package lianshao.warnings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Referral numbers of handed-over warnings, 廉移〔YYYY〕NNNN号, counted per year. Taken inside the approving
 * transaction: the counter row stays locked until it commits, so two approvals never get the same number and a
 * rolled-back approval leaves no gap.
 */
@Component
class ReferralNumbers {

    private final JdbcClient jdbc;

    ReferralNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(int year) {
        if (jdbc.sql("UPDATE referral_counter SET last_no = last_no + 1 WHERE ref_year = ?").param(year).update() == 0) {
            try {
                jdbc.sql("INSERT INTO referral_counter (ref_year, last_no) VALUES (?, 1)").param(year).update();
            } catch (DuplicateKeyException raced) {
                // the year's first number was taken meanwhile: count on from it
                jdbc.sql("UPDATE referral_counter SET last_no = last_no + 1 WHERE ref_year = ?").param(year).update();
            }
        }
        int number = jdbc.sql("SELECT last_no FROM referral_counter WHERE ref_year = ?").param(year).query(Integer.class).single();
        return format(year, number);
    }

    static String format(int year, int number) {
        return "廉移〔" + year + "〕" + String.format("%04d", number) + "号";
    }
}
