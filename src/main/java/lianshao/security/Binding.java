package lianshao.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The organisations a caller may write for: the whole city, or whole districts and/or single organisations
 * ({@code within}, when set, keeps the single organisations to that district). An empty binding writes for
 * nothing. People read within their district ({@link CurrentUser#district()}); this is the boundary of what
 * a key or a person writes: records, imports, reference data, mutes.
 */
public record Binding(boolean wholeCity, Set<String> districts, Set<String> orgs, String within) {

    public static final Binding CITY = new Binding(true, Set.of(), Set.of(), null);
    public static final Binding NONE = new Binding(false, Set.of(), Set.of(), null);

    public Binding {
        districts = Set.copyOf(districts);
        orgs = Set.copyOf(orgs);
    }

    public static Binding of(Collection<String> districts, Collection<String> orgs) {
        return new Binding(false, Set.copyOf(districts), Set.copyOf(orgs), null);
    }

    /**
     * A person's binding: their district (null: the whole city), narrowed to their organisations if they
     * have any (and those only while they lie in the person's district).
     */
    public static Binding ofPerson(String district, Set<String> orgs) {
        if (orgs != null && !orgs.isEmpty()) {
            return new Binding(false, Set.of(), orgs, district);
        }
        return district == null ? CITY : new Binding(false, Set.of(district), Set.of(), null);
    }

    /** Whether an organisation of this code in this district (as registered, or as it would become) lies within. */
    public boolean covers(String orgCode, String district) {
        if (wholeCity) {
            return true;
        }
        if (district != null && districts.contains(district)) {
            return true;
        }
        return orgCode != null && orgs.contains(orgCode) && (within == null || within.equals(district));
    }

    /** The binding as the admin page and problem details describe it. */
    public String describe() {
        if (wholeCity) {
            return "全市 / whole city";
        }
        if (districts.isEmpty() && orgs.isEmpty()) {
            return "无 / nothing";
        }
        Set<String> parts = new TreeSet<>();
        districts.forEach(d -> parts.add("区：" + d + " / district " + d));
        orgs.forEach(o -> parts.add("机构：" + o + " / org " + o));
        return String.join(", ", parts) + (within == null || orgs.isEmpty() ? "" : " (" + within + ")");
    }

    /** The entries of a stored comma-separated list, blank ones dropped. */
    public static Set<String> list(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The stored text of a list: sorted, comma-separated; null when empty. */
    public static String text(Collection<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", new TreeSet<>(values));
    }
}
