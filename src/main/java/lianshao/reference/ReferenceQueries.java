package lianshao.reference;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.facts.AdmissionPlan;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.Relation;
import lianshao.facts.Sanction;
import lianshao.facts.WorkCalendar;

/** Read access to reference data, as facts, for the evaluation context and the grader. */
@Component
public class ReferenceQueries {

    private final JdbcClient jdbc;

    ReferenceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Party> parties(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM party WHERE id IN (:ids)").param("ids", ids).query((rs, n) -> party(rs)).list();
    }

    public List<Relation> relationsTouching(Collection<String> refs, int limit) {
        if (refs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM relation WHERE from_ref IN (:refs) OR to_ref IN (:refs) LIMIT :limit")
                .param("refs", refs).param("limit", limit)
                .query((rs, n) -> new Relation(rs.getString("from_ref"), rs.getString("to_ref"), rs.getString("kind"),
                        date(rs.getDate("valid_from")), date(rs.getDate("valid_to")))).list();
    }

    public List<Org> orgs(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM org WHERE code IN (:codes)").param("codes", codes)
                .query((rs, n) -> org(rs)).list();
    }

    /** Every registered organisation (for {@link ReferenceCache}). */
    List<Org> allOrgs() {
        return jdbc.sql("SELECT * FROM org").query((rs, n) -> org(rs)).list();
    }

    /** Every person with the role LEADER or PRINCIPAL of an organisation (for {@link ReferenceCache}). */
    List<Party> allLeaders() {
        return jdbc.sql("SELECT * FROM party WHERE org_code IS NOT NULL AND (roles LIKE '%LEADER%' OR roles LIKE '%PRINCIPAL%')")
                .query((rs, n) -> party(rs)).list().stream().filter(p -> p.hasRole("LEADER") || p.hasRole("PRINCIPAL")).toList();
    }

    /** Every admission plan (for {@link ReferenceCache}). */
    List<AdmissionPlan> allAdmissionPlans() {
        return jdbc.sql("SELECT org_code, plan_year, stage, quota FROM admission_plan")
                .query((rs, n) -> new AdmissionPlan(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4))).list();
    }

    public Optional<Org> org(String code) {
        return orgs(List.of(code)).stream().findFirst();
    }

    public List<Sanction> sanctions(Collection<String> subjectRefs) {
        if (subjectRefs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM sanction WHERE subject_ref IN (:refs)").param("refs", subjectRefs)
                .query((rs, n) -> new Sanction(rs.getString("subject_ref"), rs.getString("kind"), rs.getInt("form"),
                        date(rs.getDate("start_on")), date(rs.getDate("end_on")))).list();
    }

    /** The holidays and make-up working days of the given years. */
    public WorkCalendar calendar(Collection<Integer> years) {
        return years.isEmpty() ? new WorkCalendar(Set.of(), Set.of())
                : calendar(jdbc.sql("SELECT cal_date, kind FROM calendar_day WHERE cal_year IN (:years)").param("years", years));
    }

    /** The holidays and make-up working days of every year (for {@link ReferenceCache}). */
    WorkCalendar allCalendar() {
        return calendar(jdbc.sql("SELECT cal_date, kind FROM calendar_day"));
    }

    private static WorkCalendar calendar(JdbcClient.StatementSpec days) {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        days.query(rs -> {
            LocalDate day = rs.getDate(1).toLocalDate();
            (HOLIDAY.equals(rs.getString(2)) ? holidays : workdays).add(day);
        });
        return new WorkCalendar(Set.copyOf(holidays), Set.copyOf(workdays));
    }

    static final String HOLIDAY = "HOLIDAY";
    static final String WORKDAY = "WORKDAY";

    private static Org org(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Org(rs.getString("code"), rs.getString("name"), rs.getString("type"), rs.getString("district"),
                rs.getString("parent_code"));
    }

    private static Party party(java.sql.ResultSet rs) throws java.sql.SQLException {
        String roles = rs.getString("roles");
        Set<String> roleSet = roles == null || roles.isBlank() ? Set.of()
                : Arrays.stream(roles.split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet());
        return new Party(rs.getString("id"), rs.getString("kind"), rs.getString("name"), rs.getString("org_code"),
                rs.getString("position"), roleSet, rs.getString("phone"), rs.getString("address"),
                rs.getString("bank_account"), rs.getString("credit_code"), date(rs.getDate("registered_on")));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
