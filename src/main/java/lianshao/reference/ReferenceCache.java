package lianshao.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.WorkCalendar;

/**
 * Organisations, leaders, admission plans and the working-day calendar, kept in memory: every record needs some of
 * them, and reading them cost four or five statements a record. Every change of reference data raises the stored
 * {@code reference_version} in its own transaction ({@link #on}); a reader asks for that number (one statement) and
 * reads the tables again when it is not the one the copy was read at, so an instance never judges with data older
 * than what another instance has committed. An organisation missing from the copy is looked up in the database.
 */
@Component
public class ReferenceCache {

    private final JdbcClient jdbc;
    private final ReferenceQueries reference;
    private volatile Snapshot snapshot;

    ReferenceCache(JdbcClient jdbc, ReferenceQueries reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** Raised inside the transaction that changes reference data. */
    @EventListener
    void on(ReferenceDataChanged change) {
        jdbc.sql("UPDATE reference_version SET version = version + 1 WHERE id = 1").update();
    }

    /** The reference data as stored now (one read of the version; the tables only when it changed). */
    public Snapshot current() {
        long version = jdbc.sql("SELECT version FROM reference_version WHERE id = 1").query(Long.class).single();
        Snapshot held = snapshot;
        if (held != null && held.version == version) {
            return held;
        }
        synchronized (this) {
            if (snapshot == null || snapshot.version != version) {
                // the version before the tables: a copy is never labelled newer than what it holds
                snapshot = read(version, reference);
            }
            return snapshot;
        }
    }

    static Snapshot read(long version, ReferenceQueries reference) {
        return new Snapshot(version, reference);
    }

    /** Reference data as of one version. */
    public static final class Snapshot {
        private final long version;
        private final ReferenceQueries reference;
        private final Map<String, Org> orgs = new HashMap<>();
        private final Map<String, List<Party>> leadersByOrg = new HashMap<>();
        private final Map<String, AdmissionPlan> plans = new HashMap<>();
        private final Set<LocalDate> holidays;
        private final Set<LocalDate> workdays;

        private Snapshot(long version, ReferenceQueries reference) {
            this.version = version;
            this.reference = reference;
            reference.allOrgs().forEach(o -> orgs.put(o.code(), o));
            reference.allLeaders().forEach(p -> leadersByOrg.computeIfAbsent(p.orgCode(), k -> new ArrayList<>()).add(p));
            reference.allAdmissionPlans().forEach(p -> plans.put(planKey(p.orgCode(), p.year(), p.stage()), p));
            WorkCalendar all = reference.allCalendar();
            holidays = all.holidays();
            workdays = all.workdays();
        }

        /** The registered organisations among the codes (one read for codes registered since the copy was made). */
        public List<Org> orgs(Collection<String> codes) {
            List<Org> found = new ArrayList<>();
            Set<String> missing = new LinkedHashSet<>();
            for (String code : codes) {
                Org org = orgs.get(code);
                if (org != null) {
                    found.add(org);
                } else if (code != null) {
                    missing.add(code);
                }
            }
            if (!missing.isEmpty()) {
                found.addAll(reference.orgs(missing));
            }
            return found;
        }

        /** Persons with the role LEADER or PRINCIPAL employed by one of the organisations. */
        public List<Party> leadersOf(Collection<String> orgCodes) {
            List<Party> leaders = new ArrayList<>();
            new LinkedHashSet<>(orgCodes).forEach(code -> leaders.addAll(leadersByOrg.getOrDefault(code, List.of())));
            return leaders;
        }

        public Optional<AdmissionPlan> admissionPlan(String orgCode, int year, String stage) {
            return Optional.ofNullable(plans.get(planKey(orgCode, year, stage)));
        }

        /** The holidays and make-up working days of the given years. */
        public WorkCalendar calendar(Collection<Integer> years) {
            Set<Integer> wanted = new HashSet<>(years);
            return new WorkCalendar(Set.copyOf(holidays.stream().filter(d -> wanted.contains(d.getYear())).toList()),
                    Set.copyOf(workdays.stream().filter(d -> wanted.contains(d.getYear())).toList()));
        }

        private static String planKey(String orgCode, int year, String stage) {
            return orgCode + "|" + year + "|" + stage;
        }
    }
}
