package lianshao.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import lianshao.contract.Domain;
import lianshao.facts.RecordFact;

/**
 * Which kinds of facts the rules that judge a domain's records match, read from the compiled conditions of a rule
 * base: context that no such rule can match need not be loaded (the earlier warnings of a record's parties, read for
 * one rule of one domain, cost every record of every domain a sorted read of up to hundreds of rows).
 *
 * <p>A rule judges a domain when one of its patterns, anywhere in its conditions, is of the domain's fact type or of
 * one of its item types; a rule that names no domain's type judges every domain.
 */
public final class FactDemand {

    private static final Map<KieBase, FactDemand> CACHE = new WeakHashMap<>();

    private final Map<Domain, Set<Class<?>>> matched = new HashMap<>();

    private FactDemand(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Set<Class<?>> types = new HashSet<>();
                collect(((RuleImpl) rule).getLhs(), types);
                List<Domain> judged = Domain.values().stream().filter(d -> judges(types, d)).toList();
                for (Domain domain : judged.isEmpty() ? Domain.values() : judged) {
                    matched.computeIfAbsent(domain, d -> new HashSet<>()).addAll(types);
                }
            }
        }
    }

    /** The demand of the rule set's rule base, worked out once per rule base. */
    public static FactDemand of(RuleSet ruleSet) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(ruleSet.kieBase(), FactDemand::new);
        }
    }

    /** True when a rule judging the domain's records may match facts of the type. */
    public boolean needs(Domain domain, Class<?> type) {
        return matched.getOrDefault(domain, Set.of()).stream().anyMatch(t -> t.isAssignableFrom(type));
    }


    private static boolean judges(Set<Class<?>> types, Domain domain) {
        return types.contains(domain.factType()) || domain.itemTypes().stream().anyMatch(types::contains);
    }

    private static void collect(RuleConditionElement element, Set<Class<?>> types) {
        // the fact model's types wherever they are named; any other type only where it matches the session's facts
        // (no source): an allowed JDK type such as Object matches every fact, so it demands every type, while an
        // accumulate's result (a Number, a List) comes from its source, not from the loaded facts
        if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
                && (type.getClassType().getPackageName().equals(RecordFact.class.getPackageName()) || pattern.getSource() == null)) {
            types.add(type.getClassType());
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            collect(nested, types);
        }
    }
}
