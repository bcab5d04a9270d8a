package lianshao.reference;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;

/**
 * Reference data held in lists and answered with the filters of the SQL queries of {@link ReferenceQueries}, so
 * that production context loading can run without a database (the golden test measures what it would load).
 */
public class InMemoryReference extends ReferenceQueries {

    private final List<Org> orgs;
    private final List<Party> parties;
    private final List<Relation> relations;
    private final List<Sanction> sanctions;
    private final List<AdmissionPlan> plans;
    private final WorkCalendar calendar;

    public InMemoryReference(List<Org> orgs, List<Party> parties, List<Relation> relations, List<Sanction> sanctions,
            List<AdmissionPlan> plans, WorkCalendar calendar) {
        super(null);
        this.orgs = List.copyOf(orgs);
        this.parties = List.copyOf(parties);
        this.relations = List.copyOf(relations);
        this.sanctions = List.copyOf(sanctions);
        this.plans = List.copyOf(plans);
        this.calendar = calendar;
    }

    @Override
    public List<Party> parties(Collection<String> ids) {
        return parties.stream().filter(p -> ids.contains(p.id())).toList();
    }


    @Override
    public List<Relation> relationsTouching(Collection<String> refs, int limit) {
        return relations.stream().filter(r -> refs.contains(r.fromRef()) || refs.contains(r.toRef())).limit(limit).toList();
    }

    @Override
    public List<Org> orgs(Collection<String> codes) {
        return orgs.stream().filter(o -> codes.contains(o.code())).toList();
    }

    @Override
    public List<Sanction> sanctions(Collection<String> subjectRefs) {
        return sanctions.stream().filter(s -> subjectRefs.contains(s.subjectRef())).toList();
    }


    @Override
    public WorkCalendar calendar(Collection<Integer> years) {
        return new WorkCalendar(inYears(calendar.holidays(), years), inYears(calendar.workdays(), years));
    }

    @Override
    WorkCalendar allCalendar() {
        return calendar;
    }

    @Override
    List<Org> allOrgs() {
        return orgs;
    }

    @Override
    List<Party> allLeaders() {
        return parties.stream().filter(p -> p.orgCode() != null && (p.hasRole("LEADER") || p.hasRole("PRINCIPAL"))).toList();
    }

    @Override
    List<AdmissionPlan> allAdmissionPlans() {
        return plans;
    }

    /** A cache over this reference data, which never changes. */
    public ReferenceCache cache() {
        InMemoryReference reference = this;
        return new ReferenceCache(null, this) {
            private final Snapshot snapshot = read(0, reference);

            @Override
            public Snapshot current() {
                return snapshot;
            }
        };
    }

    private static Set<LocalDate> inYears(Set<LocalDate> days, Collection<Integer> years) {
        return days.stream().filter(d -> years.contains(d.getYear())).collect(Collectors.toUnmodifiableSet());
    }
}
