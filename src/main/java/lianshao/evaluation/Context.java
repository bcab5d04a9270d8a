package lianshao.evaluation;

import java.util.List;

import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.PriorHit;
import lianshao.facts.RecordFact;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;

/** What a record is judged with besides itself: earlier records and the reference data they name. */
public record Context(List<RecordFact> earlierRecords, List<Party> parties, List<Org> orgs,
        List<Relation> relations, List<Sanction> sanctions, List<PriorHit> priorHits,
        List<AdmissionPlan> admissionPlans, WorkCalendar calendar) {

    public static Context empty() {
        return new Context(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new WorkCalendar(java.util.Set.of(), java.util.Set.of()));
    }
}
