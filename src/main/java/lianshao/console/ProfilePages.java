package lianshao.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.Relation;
import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.warnings.AccessLog;
import lianshao.warnings.WarningFilter;
import lianshao.warnings.WarningView;
import lianshao.warnings.Warnings;
import lianshao.web.NotFound;

/**
 * 廉政档案: the integrity profile of a person or organisation (a party) or of an organisation of the
 * education system (an org): every warning naming it across domains, with forms and outcomes, and
 * its relations. Within the user's data scope; opening a profile is logged.
 */
@Controller
class ProfilePages {

    private static final int MAX_WARNINGS = 500;
    private static final int MAX_RELATIONS = 200;

    private final Warnings warnings;
    private final ReferenceQueries reference;
    private final AccessLog accessLog;
    private final PartyNames names;
    private final Me me;
    private final IntegrityTimeline timeline;

    ProfilePages(Warnings warnings, ReferenceQueries reference, AccessLog accessLog, PartyNames names, Me me,
            IntegrityTimeline timeline) {
        this.timeline = timeline;
        this.warnings = warnings;
        this.reference = reference;
        this.accessLog = accessLog;
        this.names = names;
        this.me = me;
    }

    @GetMapping("/profiles/{partyRef}")
    String party(@PathVariable String partyRef, Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        Optional<Party> party = reference.parties(List.of(partyRef)).stream().findFirst();
        List<WarningView> named = naming(partyRef, user.district());
        boolean inScope = user.wholeCity() ? party.isPresent() || !named.isEmpty()
                : !named.isEmpty() || party.map(p -> p.orgCode() != null
                        && reference.org(p.orgCode()).map(o -> user.district().equals(o.district())).orElse(false)).orElse(false);
        if (!inScope) {
            throw new NotFound("对象不存在：" + partyRef + " / no party " + partyRef);
        }
        accessLog.opened(user.username(), "PROFILE", partyRef, "CONSOLE");
        model.addAttribute("ref", partyRef);
        model.addAttribute("name", party.map(Party::name).orElse(partyRef));
        model.addAttribute("kind", party.map(Party::kind).orElse(null));
        model.addAttribute("party", party.orElse(null));
        model.addAttribute("org", party.map(Party::orgCode).flatMap(c -> c == null ? Optional.empty() : reference.org(c)).orElse(null));
        model.addAttribute("named", named);
        model.addAttribute("raisedAt", List.of());
        List<WarningView> counterparty = timeline.counterpartyWarnings(partyRef, user.district());
        model.addAttribute("counterparty", counterparty);
        model.addAttribute("timeline", timeline.of(partyRef, named, counterparty));
        summary(model, named);
        relations(model, partyRef);
        return "profile";
    }

    @GetMapping("/profiles/org/{orgCode}")
    String org(@PathVariable String orgCode, Model model, Authentication auth) {
        CurrentUser user = me.of(auth);
        Org org = reference.org(orgCode).filter(o -> user.wholeCity() || user.district().equals(o.district()))
                .orElseThrow(() -> new NotFound("单位不存在：" + orgCode + " / no organisation " + orgCode));
        accessLog.opened(user.username(), "PROFILE", "org:" + orgCode, "CONSOLE");
        List<WarningView> named = naming(orgCode, user.district());
        List<WarningView> raisedAt = warnings.list(new WarningFilter(null, null, null, orgCode, null, null, null, null, null, null,
                user.district(), true, WarningFilter.Sort.NEWEST), 0, MAX_WARNINGS).items();
        model.addAttribute("ref", orgCode);
        model.addAttribute("name", org.name());
        model.addAttribute("kind", "ORG");
        model.addAttribute("party", null);
        model.addAttribute("org", org);
        model.addAttribute("named", named);
        model.addAttribute("raisedAt", raisedAt);
        List<WarningView> all = new ArrayList<>(named);
        raisedAt.stream().filter(w -> named.stream().noneMatch(n -> n.id().equals(w.id()))).forEach(all::add);
        model.addAttribute("counterparty", List.of());
        model.addAttribute("timeline", timeline.of(orgCode, all, List.of()));
        summary(model, all);
        relations(model, orgCode);
        return "profile";
    }

    private List<WarningView> naming(String ref, String district) {
        return warnings.list(new WarningFilter(null, null, null, null, null, null, null, ref, null, null, district, true,
                WarningFilter.Sort.NEWEST), 0, MAX_WARNINGS).items();
    }

    /** Counts by suggested form and by outcome (status). */
    private static void summary(Model model, List<WarningView> all) {
        Map<Integer, Long> byForm = new LinkedHashMap<>();
        for (int f = 1; f <= 4; f++) {
            byForm.put(f, 0L);
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Set<String> domains = new LinkedHashSet<>();
        for (WarningView w : all) {
            byForm.merge(w.form(), 1L, Long::sum);
            byStatus.merge(w.status(), 1L, Long::sum);
            domains.add(w.domain());
        }
        model.addAttribute("byForm", byForm);
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("domains", domains);
        model.addAttribute("total", all.size());
    }

    private void relations(Model model, String ref) {
        List<Relation> relations = reference.relationsTouching(List.of(ref), MAX_RELATIONS);
        Set<String> others = new LinkedHashSet<>();
        relations.forEach(r -> others.add(r.fromRef().equals(ref) ? r.toRef() : r.fromRef()));
        Map<String, PartyNames.Named> named = new LinkedHashMap<>();
        names.full(others).forEach(n -> named.put(n.ref(), n));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Relation r : relations) {
            boolean outgoing = r.fromRef().equals(ref);
            String other = outgoing ? r.toRef() : r.fromRef();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", r.kind());
            row.put("outgoing", outgoing);
            row.put("other", other);
            row.put("otherName", named.containsKey(other) ? named.get(other).name() : other);
            row.put("from", r.validFrom());
            row.put("to", r.validTo());
            rows.add(row);
        }
        model.addAttribute("relations", rows);
    }
}
