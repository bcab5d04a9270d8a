package lianshao.rules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.base.util.index.ConstraintTypeOperator;
import org.drools.mvel.accessors.ClassFieldReader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import lianshao.contract.Domain;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;

/**
 * Which kinds of facts the rules that judge a domain's records match, read from the compiled conditions of a rule
 * base: context that no such rule can match need not be loaded (the earlier warnings of a record's parties, read for
 * one rule of one domain, cost every record of every domain a sorted read of up to hundreds of rows).
 *
 * <p>A rule judges a domain when one of its patterns, anywhere in its conditions, is of the domain's fact type or of
 * one of its item types; a rule that names no domain's type judges every domain.
 *
 * <p>Earlier warnings are narrowed further, by the rules they come from: when every pattern that can match a
 * {@link PriorHit} in the rules judging a domain names its rule with a literal ({@code PriorHit( ruleId == "RSF-01" )}),
 * only those rules' warnings are loaded; any other such pattern (no literal, another operator, {@code Object}) makes
 * the warnings of every rule load. The list is read from the compiled rules, so it can only leave out what no rule can
 * match.
 */
public final class FactDemand {

    private static final Map<KieBase, FactDemand> CACHE = new WeakHashMap<>();

    private final Map<Domain, Set<Class<?>>> matched = new HashMap<>();
    /** Per domain, the rules its rules name in their {@code PriorHit} patterns with a literal. */
    private final Map<Domain, Set<String>> priorHitRules = new HashMap<>();
    /** The domains one of whose rules can match the earlier warnings of any rule. */
    private final Set<Domain> anyPriorHit = new HashSet<>();

    private FactDemand(KieBase kieBase) {
        for (KiePackage kiePackage : kieBase.getKiePackages()) {
            for (Rule rule : kiePackage.getRules()) {
                Set<Class<?>> types = new HashSet<>();
                collect(((RuleImpl) rule).getLhs(), types);
                List<Domain> judged = Domain.values().stream().filter(d -> judges(types, d)).toList();
                Set<String> hitRules = new HashSet<>();
                boolean anyRule = priorHitRules(((RuleImpl) rule).getLhs(), hitRules);
                for (Domain domain : judged.isEmpty() ? Domain.values() : judged) {
                    matched.computeIfAbsent(domain, d -> new HashSet<>()).addAll(types);
                    if (anyRule) {
                        anyPriorHit.add(domain);
                    }
                    priorHitRules.computeIfAbsent(domain, d -> new HashSet<>()).addAll(hitRules);
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

    /**
     * The rules whose earlier warnings the domain's rules can match ({@link PriorHit#ruleId()}); empty when a rule can
     * match the warnings of any rule.
     */
    public Optional<Set<String>> priorHitRules(Domain domain) {
        return anyPriorHit.contains(domain) ? Optional.empty()
                : Optional.of(Set.copyOf(priorHitRules.getOrDefault(domain, Set.of())));
    }

    /**
     * Adds to {@code ruleIds} the literal rule ids of the patterns in the conditions that can match a {@link PriorHit};
     * true when one of them names no rule that way, so it can match the warnings of any rule.
     */
    private static boolean priorHitRules(RuleConditionElement element, Set<String> ruleIds) {
        boolean any = false;
        // as in collect: a pattern of a wider type matches the session's facts only without a source (an accumulate's
        // result is not a loaded fact)
        if (element instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
                && type.getClassType().isAssignableFrom(PriorHit.class)
                && (type.getClassType() == PriorHit.class || pattern.getSource() == null)) {
            String ruleId = type.getClassType() == PriorHit.class ? literalRuleId(pattern) : null;
            if (ruleId == null) {
                any = true;
            } else {
                ruleIds.add(ruleId);
            }
        }
        for (RuleConditionElement nested : element.getNestedElements()) {
            any |= priorHitRules(nested, ruleIds);
        }
        return any;
    }

    /** The rule id a pattern requires with {@code ruleId == "..."}, or null. */
    private static String literalRuleId(Pattern pattern) {
        for (Constraint constraint : pattern.getConstraints()) {
            if (constraint instanceof IndexableConstraint c && c.getConstraintType() == ConstraintTypeOperator.EQUAL
                    && c.getField() != null && c.getField().getValue() instanceof String value
                    && c.getFieldExtractor() instanceof ClassFieldReader field && "ruleId".equals(field.getFieldName())) {
                return value;
            }
        }
        return null;
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
