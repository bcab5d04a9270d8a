package lianshao.search;

import java.util.Locale;

/**
 * A warning's number as people quote it: its id, or the short form, the id's last 8 characters. The ids are
 * time-ordered (UUID version 7), so their beginnings are shared by warnings raised in the same minute; their ends are
 * random and tell warnings apart.
 */
public final class WarningNumbers {

    public static final int SHORT_LENGTH = 8;

    private WarningNumbers() {
    }

    public static String shortForm(String warningId) {
        return warningId.substring(warningId.length() - SHORT_LENGTH).toLowerCase(Locale.ROOT);
    }
}
