package lianshao.search;

import java.util.Locale;

/** The groups a search answers in, in the order they are shown; each has a label (message search.group.*). */
public enum SearchGroup {
    PARTIES, ORGS, WARNINGS, RECORDS;

    /** The group named by a request's {@code kind} (any case), or null when blank: every group. */
    static SearchGroup of(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    String messageKey() {
        return "search.group." + name();
    }
}
