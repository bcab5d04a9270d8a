package lianshao.imports;

import java.util.Arrays;
import java.util.Optional;

import lianshao.contract.Domain;
import lianshao.contract.ReferenceKind;

/** What a file holds: records of one domain, or reference data (parties, relations). */
public enum ImportKind {
    ADMISSION("admission", Domain.ADMISSION, null),
    RECRUITMENT("recruitment", Domain.RECRUITMENT, null),
    TENDER("tender", Domain.TENDER, null),
    PROCUREMENT("procurement", Domain.PROCUREMENT, null),
    RESEARCH_FUND("research-fund", Domain.RESEARCH_FUND, null),
    PARTIES("parties", null, ReferenceKind.PARTY),
    RELATIONS("relations", null, ReferenceKind.RELATION);

    private final String slug;
    private final Domain domain;
    private final ReferenceKind reference;

    ImportKind(String slug, Domain domain, ReferenceKind reference) {
        this.slug = slug;
        this.domain = domain;
        this.reference = reference;
    }

    /** As in the URL: {@code research-fund}. */
    public String slug() {
        return slug;
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
        return Arrays.stream(values()).filter(k -> k.slug.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t)).findFirst();
    }
}
