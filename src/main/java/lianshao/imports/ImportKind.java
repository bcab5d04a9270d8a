package lianshao.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import lianshao.contract.Domain;
import lianshao.contract.ReferenceKind;

/**
 * What a file holds: records of one domain (one kind for each declared domain, named and slugged as the domain),
 * or reference data (parties, relations).
 */
public final class ImportKind {

    public static final ImportKind PARTIES = new ImportKind("PARTIES", "parties", null, ReferenceKind.PARTY, "当事人", "Parties");
    public static final ImportKind RELATIONS = new ImportKind("RELATIONS", "relations", null, ReferenceKind.RELATION, "关系",
            "Relations");
    private static final List<ImportKind> ALL = all();

    private final String name;
    private final String slug;
    private final Domain domain;
    private final ReferenceKind reference;
    private final String zh;
    private final String en;

    private ImportKind(String name, String slug, Domain domain, ReferenceKind reference, String zh, String en) {
        this.name = name;
        this.slug = slug;
        this.domain = domain;
        this.reference = reference;
        this.zh = zh;
        this.en = en;
    }

    private static List<ImportKind> all() {
        List<ImportKind> kinds = new ArrayList<>();
        for (Domain d : Domain.values()) {
            kinds.add(new ImportKind(d.name(), d.slug(), d, null, d.zh(), d.label(Locale.ENGLISH)));
        }
        kinds.add(PARTIES);
        kinds.add(RELATIONS);
        return List.copyOf(kinds);
    }

    /** The records of every domain, in the domains' order, then parties and relations. */
    public static List<ImportKind> values() {
        return ALL;
    }

    /** The kind of a domain's records. */
    public static ImportKind of(Domain domain) {
        return ALL.stream().filter(k -> k.domain == domain).findFirst().orElseThrow();
    }

    /** The kind of this name ({@code RESEARCH_FUND}, {@code PARTIES}), as stored with an import job. */
    public static ImportKind valueOf(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import kind " + name));
    }

    /** Upper snake, as stored: the domain's name, or {@code PARTIES}, {@code RELATIONS}. */
    public String name() {
        return name;
    }

    /** As in the URL: {@code research-fund}. */
    public String slug() {
        return slug;
    }

    /** The Chinese name: 科研经费, 当事人. */
    public String zh() {
        return zh;
    }

    /** The name in the reader's language. */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }

    /** The record domain, or null for reference data. */
    public Domain domain() {
        return domain;
    }

    /** The reference-data kind, or null for records. */
    public ReferenceKind reference() {
        return reference;
    }

    public boolean records() {
        return domain != null;
    }

    /** Accepts the slug ({@code research-fund}) or the name ({@code RESEARCH_FUND}), any case. */
    public static Optional<ImportKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        return ALL.stream().filter(k -> k.slug.equalsIgnoreCase(t) || k.name.equalsIgnoreCase(t)).findFirst();
    }

    @Override
    public String toString() {
        return name;
    }
}
