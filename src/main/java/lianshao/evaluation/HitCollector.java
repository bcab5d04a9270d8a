package lianshao.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lianshao.facts.HitBuilder;
import lianshao.facts.Hits;

/**
 * The {@code hits} global of one session. Knows which rule is firing (set by the session's agenda
 * listener) and merges repeated firings of one rule id into one hit: one warning per (rule, record).
 */
final class HitCollector implements Hits {

    private final Map<String, Accumulator> byRule = new LinkedHashMap<>();
    private String firingRuleId;
    private String firingRuleName;

    void firing(String ruleId, String ruleName) {
        this.firingRuleId = ruleId;
        this.firingRuleName = ruleName;
    }

    @Override
    public HitBuilder raise(String message) {
        if (firingRuleId == null) {
            throw new IllegalStateException("rule \"" + firingRuleName + "\" raised a hit but declares no @id");
        }
        Accumulator accumulator = byRule.computeIfAbsent(firingRuleId, Accumulator::new);
        accumulator.message(message);
        return accumulator;
    }

    @Override
    public String party(String partyRef) {
        return Mentions.party(partyRef);
    }

    @Override
    public String parties(Collection<String> partyRefs) {
        return Mentions.parties(partyRefs);
    }

    @Override
    public String org(String orgCode) {
        return Mentions.org(orgCode);
    }

    @Override
    public String label(String field, String code) {
        return Mentions.label(field, code);
    }

    @Override
    public String labels(String field, Collection<String> codes) {
        return Mentions.labels(field, codes);
    }

    @Override
    public String fieldNames(String parent, Collection<String> names) {
        return Mentions.fieldNames(parent, names);
    }

    @Override
    public String joined(Collection<String> texts) {
        return Mentions.joined(texts);
    }

    @Override
    public String yuan(BigDecimal amount) {
        return Mentions.yuan(amount);
    }

    @Override
    public String yuan(long amount) {
        return Mentions.yuan(BigDecimal.valueOf(amount));
    }

    @Override
    public String amounts(Collection<BigDecimal> amounts) {
        return Mentions.amounts(amounts);
    }

    List<Hit> hits() {
        return byRule.values().stream().map(Accumulator::toHit).toList();
    }

    private static final class Accumulator implements HitBuilder {
        private final String ruleId;
        private final Set<String> messages = new LinkedHashSet<>();
        private final Set<String> messagesEn = new LinkedHashSet<>();
        private final Set<String> subjects = new LinkedHashSet<>();
        private final Set<String> counterparties = new LinkedHashSet<>();
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private final Set<String> related = new LinkedHashSet<>();
        private final List<Hit.Escalation> escalations = new ArrayList<>();
        private final Map<String, BigDecimal> benefits = new LinkedHashMap<>();
        private final Set<String> crimeIndicators = new LinkedHashSet<>();

        Accumulator(String ruleId) {
            this.ruleId = ruleId;
        }

        void message(String message) {
            if (message != null && !message.isBlank()) {
                messages.add(message.trim());
            }
        }

        @Override
        public HitBuilder subject(String partyRef) {
            if (partyRef != null && !partyRef.isBlank()) {
                subjects.add(partyRef);
            }
            return this;
        }

        @Override
        public HitBuilder subjects(Collection<String> partyRefs) {
            if (partyRefs != null) {
                partyRefs.forEach(this::subject);
            }
            return this;
        }

        @Override
        public HitBuilder counterparty(String partyRef) {
            if (partyRef != null && !partyRef.isBlank()) {
                counterparties.add(partyRef);
            }
            return this;
        }

        /** A name given twice with different values keeps all of them, as a list. */
        @Override
        @SuppressWarnings("unchecked")
        public HitBuilder evidence(String name, Object value) {
            if (name == null || value == null) {
                return this;
            }
            Object before = evidence.get(name);
            if (before == null) {
                evidence.put(name, value);
            } else if (!before.equals(value)) {
                List<Object> values;
                if (before instanceof EvidenceValues list) {
                    values = list;
                } else {
                    values = new EvidenceValues();
                    values.add(before);
                    evidence.put(name, values);
                }
                if (!values.contains(value)) {
                    values.add(value);
                }
            }
            return this;
        }

        @Override
        public HitBuilder related(String recordId) {
            if (recordId != null) {
                related.add(recordId);
            }
            return this;
        }

        @Override
        public HitBuilder related(Collection<String> recordIds) {
            if (recordIds != null) {
                recordIds.forEach(this::related);
            }
            return this;
        }

        @Override
        public HitBuilder escalate(int form, String reason) {
            if (form < 1 || form > 3) {
                throw new IllegalArgumentException("a rule escalates to form 1–3; form 4 comes only from G5 (suspectedCrime)");
            }
            escalations.add(new Hit.Escalation(form, reason));
            return this;
        }

        @Override
        public HitBuilder escalateIf(boolean condition, int form, String reason) {
            return condition ? escalate(form, reason) : this;
        }

        @Override
        public HitBuilder benefit(String subjectRef, BigDecimal amount) {
            if (subjectRef != null && amount != null && amount.signum() > 0) {
                benefits.merge(subjectRef, amount, BigDecimal::add);
            }
            return this;
        }

        @Override
        public HitBuilder suspectedCrime(String reason) {
            if (reason != null) {
                crimeIndicators.add(reason);
            }
            return this;
        }

        @Override
        public HitBuilder suspectedCrimeIf(boolean condition, String reason) {
            return condition ? suspectedCrime(reason) : this;
        }

        @Override
        public HitBuilder inEnglish(String message) {
            if (message != null && !message.isBlank()) {
                messagesEn.add(message.trim());
            }
            return this;
        }

        Hit toHit() {
            return new Hit(ruleId, String.join("；", messages), messagesEn.isEmpty() ? null : String.join("; ", messagesEn),
                    List.copyOf(subjects), List.copyOf(counterparties), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence)),
                    List.copyOf(related), List.copyOf(escalations), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(benefits)), List.copyOf(crimeIndicators));
        }
    }

    /** Marks evidence collected from several firings. */
    private static final class EvidenceValues extends ArrayList<Object> {
    }
}
