package lianshao.contract;

import java.util.Arrays;
import java.util.Optional;

/** The record domains of the contract (section 1, envelope field {@code domain}). */
public enum Domain {
    ADMISSION, RECRUITMENT, TENDER, PROCUREMENT, RESEARCH_FUND;

    /** Exact, case-sensitive match on the UPPER_SNAKE name; empty for null or any other text. */
    public static Optional<Domain> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst();
    }
}
