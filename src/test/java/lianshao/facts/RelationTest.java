package lianshao.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** When a relation counts: on a day (open ends count), and "in the last N years". */
class RelationTest {

    private static final LocalDate FROM = LocalDate.of(2015, 1, 1);
    private static final LocalDate TO = LocalDate.of(2020, 6, 30);

    private final Relation spouse = new Relation("P1", "P2", "SPOUSE", FROM, TO);
    private final Kin kin = new Kin("P2", "P1", "SPOUSE", FROM, TO);
    private final CompanyRole role = new CompanyRole("P1", "ORG-9", "SHAREHOLDER", FROM, TO);

    @Test
    void activeOnTheDaysOfItsPeriodBothEndsIncluded() {
        for (LocalDate day : new LocalDate[] { FROM, LocalDate.of(2018, 5, 5), TO }) {
            assertThat(spouse.activeOn(day)).as(day.toString()).isTrue();
            assertThat(kin.activeOn(day)).as(day.toString()).isTrue();
            assertThat(role.activeOn(day)).as(day.toString()).isTrue();
        }
    }

    @Test
    void notActiveBeforeItsStartOrAfterItsEnd() {
        for (LocalDate day : new LocalDate[] { FROM.minusDays(1), TO.plusDays(1) }) {
            assertThat(spouse.activeOn(day)).as(day.toString()).isFalse();
            assertThat(kin.activeOn(day)).as(day.toString()).isFalse();
            assertThat(role.activeOn(day)).as(day.toString()).isFalse();
        }
    }

    @Test
    void openEndsCount() {
        LocalDate day = LocalDate.of(2030, 1, 1);
        assertThat(new Relation("P1", "P2", "SPOUSE", null, null).activeOn(day)).isTrue();
        assertThat(new Relation("P1", "P2", "SPOUSE", FROM, null).activeOn(day)).isTrue();
        assertThat(new Relation("P1", "P2", "SPOUSE", null, TO).activeOn(LocalDate.of(1990, 1, 1))).isTrue();
        assertThat(new Relation("P1", "P2", "SPOUSE", null, TO).activeOn(day)).isFalse();
        assertThat(new Kin("P1", "P2", "CHILD", null, null).activeOn(day)).isTrue();
        assertThat(new CompanyRole("P1", "ORG", "OFFICER", FROM, null).activeWithinYears(day, 3)).isTrue();
    }

    @Test
    void endedTwoYearsBeforeCountsWithinThreeYears() {
        LocalDate day = TO.plusYears(2);

        assertThat(spouse.activeOn(day)).isFalse();
        assertThat(spouse.activeWithinYears(day, 3)).isTrue();
        assertThat(kin.activeWithinYears(day, 3)).isTrue();
        assertThat(role.activeWithinYears(day, 3)).isTrue();
    }

    @Test
    void endedFourYearsBeforeDoesNotCountWithinThreeYears() {
        LocalDate day = TO.plusYears(4);

        assertThat(spouse.activeWithinYears(day, 3)).isFalse();
        assertThat(kin.activeWithinYears(day, 3)).isFalse();
        assertThat(role.activeWithinYears(day, 3)).isFalse();
    }

    @Test
    void endedExactlyThreeYearsBeforeStillCountsAndADayMoreDoesNot() {
        assertThat(spouse.activeWithinYears(TO.plusYears(3), 3)).isTrue();
        assertThat(spouse.activeWithinYears(TO.plusYears(3).plusDays(1), 3)).isFalse();
    }

    @Test
    void withinYearsStillNeedsTheRelationToHaveBegun() {
        assertThat(spouse.activeWithinYears(FROM.minusDays(1), 3)).isFalse();
        assertThat(spouse.activeWithinYears(FROM, 3)).isTrue();
        assertThat(spouse.activeWithinYears(LocalDate.of(2018, 1, 1), 3)).isTrue();
    }

    @Test
    void kindsAreClassifiedAsKinshipOrCompanyRole() {
        for (String kind : new String[] { "SPOUSE", "PARENT", "CHILD", "SIBLING", "IN_LAW", "OTHER_RELATIVE" }) {
            Relation relation = new Relation("P1", "P2", kind, null, null);
            assertThat(relation.kinship()).as(kind).isTrue();
            assertThat(relation.companyRole()).as(kind).isFalse();
        }
        for (String kind : new String[] { "SHAREHOLDER", "OFFICER", "LEGAL_REPRESENTATIVE", "CONTROLLER" }) {
            Relation relation = new Relation("P1", "ORG", kind, null, null);
            assertThat(relation.companyRole()).as(kind).isTrue();
            assertThat(relation.kinship()).as(kind).isFalse();
            assertThat(new CompanyRole("P1", "ORG", kind, null, null).control()).as(kind).isTrue();
        }
        Relation employee = new Relation("P1", "ORG", "EMPLOYEE", null, null);
        assertThat(employee.kinship()).isFalse();
        assertThat(employee.companyRole()).isFalse();
        assertThat(new CompanyRole("P1", "ORG", "EMPLOYEE", null, null).control()).isFalse();
    }
}
