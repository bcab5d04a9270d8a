package lianshao.search;

import java.util.List;

/**
 * What a search found. {@code query} is the text searched for, null when it was an ID number (then only
 * {@code idNumberHashPrefix} says which); each group lists at most {@link Searches#PER_GROUP} hits,
 * {@code more} says whether there were others.
 */
public record SearchResults(String query, String idNumberHashPrefix, List<Group> groups) {

    public record Group(SearchGroup kind, String label, List<Hit> items, boolean more) {
    }

    /**
     * One hit: its id, a number people quote (a warning's short number, a record's own number), its name or
     * title, a line describing it in the reader's language (kind, domain, form, status, organisation by name),
     * and the console page that opens it (null when none does).
     */
    public record Hit(String id, String number, String name, String label, String link) {
    }

    public int total() {
        return groups.stream().mapToInt(g -> g.items().size()).sum();
    }
}
