package lianshao.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import lianshao.contract.Domain;
import lianshao.facts.CompanyRole;
import lianshao.facts.Jurisdiction;
import lianshao.facts.Kin;
import lianshao.facts.Leader;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.rules.RuleSet;
import lianshao.rules.RulesSettings;

/**
 * Judges one record: a clean session of the given rule set (reused, {@link SessionPool}), the record, its items and
 * its context as facts, fired within the firing and time budgets, then reset. Only the rules in force on the day
 * the record occurred fire ({@code @validFrom}/{@code @validTo}).
 */
@Component
public class Evaluator implements AutoCloseable {

    private final RulesSettings settings;
    private final MeterRegistry meters;
    private final Map<String, Counter> firingCounters = new ConcurrentHashMap<>();
    private final SessionPool sessions = new SessionPool();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "evaluation-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    public Evaluator(RulesSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * Judges a record for a view other than a warning (a backtest, a rule test): messages show persons
     * pseudonymised, 张*（P-0018）, so that no rule can have the service spell out a name it may not read.
     */
    public EvaluationOutcome evaluate(RuleSet ruleSet, RecordFact record, Context context) {
        return evaluate(ruleSet, record, context, null);
    }

    /**
     * Judges a record for its warnings: messages name parties and organisations by their registered names, from
     * the context and, for those it does not hold, from {@code names} ({@link MessageWording}).
     */
    public EvaluationOutcome evaluate(RuleSet ruleSet, RecordFact record, Context context, NameLookup names) {
        long start = System.nanoTime();
        HitCollector hits = new HitCollector();
        SessionPool.Pooled pooled = sessions.take(ruleSet.kieBase());
        KieSession session = pooled.session;
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> halt = watchdog.schedule(() -> {
            timedOut.set(true);
            session.halt();
        }, settings.timeBudget().toMillis(), TimeUnit.MILLISECONDS);
        boolean completed = false;
        try {
            if (declaresHits(ruleSet)) {
                session.setGlobal("hits", hits);
            }
            pooled.onFiring(match -> {
                Object id = match.getRule().getMetaData().get("id");
                hits.firing(id == null ? null : id.toString(), match.getRule().getName());
                if (id != null) {
                    firingCounter(id.toString()).increment();
                }
            });
            facts(record, context, ruleSet).forEach(session::insert);
            int firings = ruleSet.hasEffectiveDates()
                    ? session.fireAllRules(inForceOn(ruleSet, record.occurredOn()), settings.maxFirings())
                    : session.fireAllRules(settings.maxFirings());
            completed = true;
            if (timedOut.get()) {
                throw new EvaluationBudgetExceeded(EvaluationBudgetExceeded.Budget.TIME, settings.timeBudget().toMillis(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            if (firings >= settings.maxFirings()) {
                throw new EvaluationBudgetExceeded(EvaluationBudgetExceeded.Budget.FIRINGS, settings.maxFirings(), firings);
            }
            return new EvaluationOutcome(ruleSet.version(), new MessageWording(context, names).words(hits.hits()), firings, (System.nanoTime() - start) / 1000);
        } finally {
            // a watchdog that has run, or is running, may halt the session later: such a session is not reused
            boolean watchdogStopped = halt.cancel(false) && !timedOut.get();
            sessions.give(ruleSet.kieBase(), pooled, completed && watchdogStopped);
        }
    }

    /** Conduct is judged by the rules of its time: a rule not in force on the record's day does not fire. */
    private static AgendaFilter inForceOn(RuleSet ruleSet, LocalDate day) {
        return match -> ruleSet.inForce(match.getRule().getPackageName(), match.getRule().getName(), day);
    }

    private static boolean declaresHits(RuleSet ruleSet) {
        return ruleSet.kieBase().getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals("hits")));
    }

    private List<Object> facts(RecordFact record, Context context, RuleSet ruleSet) {
        List<Object> facts = new ArrayList<>();
        facts.add(record);
        facts.addAll(items(record));
        facts.addAll(context.earlierRecords());
        facts.addAll(context.parties());
        facts.addAll(context.orgs());
        facts.addAll(context.sanctions());
        facts.addAll(context.priorHits());
        facts.addAll(context.admissionPlans());
        facts.add(context.calendar());
        Jurisdiction jurisdiction = context.orgs().stream().filter(o -> o.code().equals(record.orgCode())).findFirst()
                .map(o -> new Jurisdiction(o.code(), o.district(), o.parentCode()))
                .orElse(new Jurisdiction(record.orgCode(), null, null));
        facts.add(jurisdiction);
        facts.add(ruleSet.thresholds().in(jurisdiction.district()));
        Set<Object> derived = new HashSet<>();
        for (Relation relation : context.relations()) {
            facts.add(relation);
            if (relation.kinship()) {
                derived.add(new Kin(relation.fromRef(), relation.toRef(), relation.kind(), relation.validFrom(), relation.validTo()));
                derived.add(new Kin(relation.toRef(), relation.fromRef(), relation.kind(), relation.validFrom(), relation.validTo()));
            } else {
                derived.add(new CompanyRole(relation.fromRef(), relation.toRef(), relation.kind(), relation.validFrom(), relation.validTo()));
            }
        }
        facts.addAll(derived);
        facts.addAll(leaders(record, context));

        return facts;
    }

    /** LEADER and PRINCIPAL persons of the record's organisation and of its parent bureau. */
    private static List<Leader> leaders(RecordFact record, Context context) {
        String parent = context.orgs().stream().filter(o -> o.code().equals(record.orgCode()))
                .map(Org::parentCode).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<Leader> leaders = new ArrayList<>();
        for (Party party : context.parties()) {
            if (party.orgCode() == null || !(party.orgCode().equals(record.orgCode()) || party.orgCode().equals(parent))) {
                continue;
            }
            for (String role : List.of("LEADER", "PRINCIPAL")) {
                if (party.hasRole(role)) {
                    leaders.add(new Leader(party.id(), record.orgCode(), party.orgCode(), role));
                }
            }
        }
        return leaders;
    }

    /** The record's items (bids, payments, fees...), as its domain declares them. */
    static List<Object> items(RecordFact record) {
        return Domain.valueOf(record.domain()).items(record);
    }

    private Counter firingCounter(String ruleId) {
        return firingCounters.computeIfAbsent(ruleId, id -> Counter.builder("lianshao.rule.firings")
                .description("rule firings by catalogue rule").tag("rule", id).register(meters));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
