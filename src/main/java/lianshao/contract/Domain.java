package lianshao.contract;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import lianshao.facts.RecordDomain;
import lianshao.facts.RecordFact;

/**
 * A record domain of the contract (section 1, envelope field {@code domain}): one for each fact record of
 * {@code lianshao.facts} that carries a {@link RecordDomain} declaration, found on the class path, in the
 * declarations' order. Nothing else lists the domains.
 */
public final class Domain {

    private static final String FACTS_PACKAGE = "lianshao.facts";
    private static final List<Domain> ALL = scan();
    private static final Map<String, Domain> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Domain::name, Function.identity()));

    private final RecordDomain declaration;
    private final Class<? extends RecordFact> factType;
    private final Set<String> partyFields;
    private final List<Method> itemLists;

    private Domain(RecordDomain declaration, Class<? extends RecordFact> factType) {
        this.declaration = declaration;
        this.factType = factType;
        this.partyFields = DomainDeclarations.partyFields(factType);
        this.itemLists = DomainDeclarations.itemLists(factType);
    }

    /** Every declared domain, in declaration order. */
    public static List<Domain> values() {
        return ALL;
    }

    /** Exact, case-sensitive match on the UPPER_SNAKE name; empty for null or any other text. */
    public static Optional<Domain> parse(String value) {
        return Optional.ofNullable(value == null ? null : BY_NAME.get(value));
    }

    /** The domain of this name; {@link IllegalArgumentException} if none is declared. */
    public static Domain valueOf(String name) {
        return parse(name).orElseThrow(() -> new IllegalArgumentException("unknown domain " + name));
    }

    /** The domain of a fact type, if it is a declared domain's. */
    public static Optional<Domain> ofFactType(Class<?> type) {
        return ALL.stream().filter(d -> d.factType == type).findFirst();
    }

    /** UPPER_SNAKE, as the envelope carries it: {@code RESEARCH_FUND}. */
    public String name() {
        return declaration.name();
    }

    /** As in URLs, folders and import kinds: {@code research-fund}. */
    public String slug() {
        return declaration.slug();
    }

    /** The domain's name in the reader's language: 科研经费 / Research funds. */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? declaration.en() : declaration.zh();
    }

    /** The Chinese name: 科研经费. */
    public String zh() {
        return declaration.zh();
    }

    /** The API description's title: 科研经费（一笔支出）. */
    public String title() {
        return declaration.zh() + "（" + declaration.oneRecord() + "）";
    }

    /** The fact record the rules see, which carries the declaration. */
    public Class<? extends RecordFact> factType() {
        return factType;
    }

    /**
     * Whether a payload field of this JSON name (top level or in a list's items) holds party ids, as declared
     * ({@code PARTY}, {@code PARTIES}); document numbers ending in Ref do not.
     */
    public boolean partyField(String name) {
        return partyFields.contains(name);
    }

    /** The items of a record of this domain the rules see beside it (bids, payments, fees...), list by list in declaration order. */
    public List<Object> items(RecordFact record) {
        if (itemLists.isEmpty()) {
            return List.of();
        }
        List<Object> items = new ArrayList<>();
        for (Method list : itemLists) {
            try {
                items.addAll((List<?>) list.invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + list.getName() + " of " + name(), e);
            }
        }
        return items;
    }

    /** The record types of this domain's lists of items (Bid, Payment...), in declaration order. */
    public List<Class<?>> itemTypes() {
        return itemLists.stream().<Class<?>>map(list -> DomainDeclarations.itemType(list)).toList();
    }

    public RecordDomain declaration() {
        return declaration;
    }

    @Override
    public String toString() {
        return name();
    }

    private static List<Domain> scan() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RecordDomain.class));
        List<Domain> domains = scanner.findCandidateComponents(FACTS_PACKAGE).stream()
                .map(candidate -> domain(ClassUtils.resolveClassName(candidate.getBeanClassName(), Domain.class.getClassLoader())))
                .sorted(Comparator.comparingInt((Domain d) -> d.declaration.order()))
                .toList();
        DomainDeclarations.check(domains);
        return domains;
    }

    static Domain domain(Class<?> type) {
        if (!type.isRecord() || !RecordFact.class.isAssignableFrom(type)) {
            throw new IllegalStateException(type.getName() + " declares a domain but is not a record implementing RecordFact");
        }
        @SuppressWarnings("unchecked")
        Class<? extends RecordFact> factType = (Class<? extends RecordFact>) type;
        return new Domain(type.getAnnotation(RecordDomain.class), factType);
    }
}
