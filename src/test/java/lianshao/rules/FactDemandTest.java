package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import lianshao.contract.Domain;
import lianshao.facts.Bid;
import lianshao.facts.PriorHit;
import lianshao.facts.Sanction;

/** Which facts the rules judging a domain may match, read from the compiled conditions. */
class FactDemandTest {

    private static final String HEADER = """
            package lianshao.rules.test;

            import lianshao.facts.*;

            global Hits hits;

            """;

    private static String rule(String id, String when) {
        return """
                rule "%s"
                    @id("%s")
                    @title("测试规则")
                    @form(1)
                    @clause("M9")
                    @basis("招标投标法 第二十四条 [V]")
                    @departments("纪检组")
                when
                    %s
                then
                    hits.raise("命中");
                end
                """.formatted(id, id, when);
    }

    private static FactDemand demand(String drl) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("test/TST.drl", HEADER + drl);
        return FactDemand.of(new RuleCompiler().compile(new RuleSource(files, "k=1\n")));
    }

    @Test
    void aRuleJudgesTheDomainsWhoseTypesItsPatternsNameAnywhereInItsConditions() {
        FactDemand demand = demand(rule("TST-01", """
                $t : Tender( current )
                    accumulate( PriorHit( subjectRef == $t.approverRef() ), $n : count(); $n > 0 )""")
                + rule("TST-02", """
                $p : Procurement( current )
                    exists Sanction( subjectRef == $p.approverRef() )"""));

        assertThat(demand.needs(Domain.valueOf("TENDER"), PriorHit.class)).isTrue();
        assertThat(demand.needs(Domain.valueOf("TENDER"), Sanction.class)).isFalse();
        assertThat(demand.needs(Domain.valueOf("PROCUREMENT"), Sanction.class)).isTrue();
        assertThat(demand.needs(Domain.valueOf("PROCUREMENT"), PriorHit.class)).isFalse();
        assertThat(demand.needs(Domain.valueOf("ADMISSION"), PriorHit.class)).as("no rule judges admissions").isFalse();
    }

    @Test
    void aRuleOnAnItemJudgesItsDomainAndARuleNamingNoDomainJudgesThemAll() {
        FactDemand demand = demand(rule("TST-01", "$b : Bid( price != null )")
                + rule("TST-02", "PriorHit( ruleId == \"X\" )"));

        assertThat(demand.needs(Domain.valueOf("TENDER"), Bid.class)).isTrue();
        for (Domain domain : Domain.values()) {
            assertThat(demand.needs(domain, PriorHit.class)).as(domain.name()).isTrue();
        }
    }

    @Test
    void aPatternOfObjectMatchesEveryLoadedFactSoItsRuleDemandsEveryType() {
        FactDemand demand = demand(rule("TST-01", """
                $t : Tender( current )
                    Object( this != $t )"""));

        assertThat(demand.needs(Domain.valueOf("TENDER"), PriorHit.class)).isTrue();
        assertThat(demand.needs(Domain.valueOf("TENDER"), Sanction.class)).isTrue();
        assertThat(demand.needs(Domain.valueOf("PROCUREMENT"), PriorHit.class)).as("the rule judges tenders only").isFalse();
    }

    @Test
    void inTheCatalogueOnlyTheResearchFundRulesMatchEarlierWarnings() {
        FactDemand demand = FactDemand.of(new RuleCompiler().compile(RuleSource.readFolder(Path.of("rules"))));

        assertThat(Domain.values().stream().filter(d -> demand.needs(d, PriorHit.class)).map(Domain::name))
                .containsExactly("RESEARCH_FUND");
    }

    @Test
    void earlierWarningsAreNarrowedToTheRulesThePatternsNameWithALiteral() {
        FactDemand demand = demand(rule("TST-01", """
                $t : Tender( current )
                    accumulate( PriorHit( subjectRef == $t.approverRef(), ruleId == "TEN-05" ), $n : count(); $n > 0 )""")
                + rule("TST-02", """
                $t : Tender( current )
                    exists PriorHit( ruleId == "TEN-06" )""")
                + rule("TST-03", """
                $p : Procurement( current )
                    exists PriorHit( ruleId == "PRC-02" )
                    exists PriorHit( ruleId != "PRC-02", subjectRef == $p.approverRef() )""")
                + rule("TST-04", """
                $r : Recruitment( current )
                    exists PriorHit( ruleId == $r.recordId() )"""));

        assertThat(demand.priorHitRules(Domain.valueOf("TENDER"))).contains(java.util.Set.of("TEN-05", "TEN-06"));
        assertThat(demand.priorHitRules(Domain.valueOf("PROCUREMENT"))).as("a pattern with another operator").isEmpty();
        assertThat(demand.priorHitRules(Domain.valueOf("RECRUITMENT"))).as("a rule id that is not a literal").isEmpty();
        assertThat(demand.priorHitRules(Domain.valueOf("ADMISSION"))).as("no rule matches earlier warnings")
                .contains(java.util.Set.of());
    }

    @Test
    void aPatternOfObjectCanMatchTheWarningsOfAnyRule() {
        FactDemand demand = demand(rule("TST-01", """
                $t : Tender( current )
                    exists PriorHit( subjectRef == $t.approverRef(), ruleId == "TEN-05" )
                    Object( this != $t )"""));

        assertThat(demand.priorHitRules(Domain.valueOf("TENDER"))).isEmpty();
    }

    @Test
    void inTheCatalogueTheResearchFundRulesMatchEarlierWarningsOfRsf01Only() {
        FactDemand demand = FactDemand.of(new RuleCompiler().compile(RuleSource.readFolder(Path.of("rules"))));

        assertThat(demand.priorHitRules(Domain.valueOf("RESEARCH_FUND"))).contains(java.util.Set.of("RSF-01"));
    }
}
