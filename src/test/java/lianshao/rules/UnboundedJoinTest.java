package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A session holds the current record, up to 500 earlier records of its context and the reference data
 * around them. A rule whose patterns are not tied to the current record joins them all with each
 * other: two free {@code Tender()} patterns are 250,000 combinations, three are 125 million. So a
 * pattern must be tied — by {@code current}, or by {@code ==}, {@code memberOf}, {@code contains},
 * {@code in} or a fact-model method taking a fact, to the current record or to a variable bound from
 * it (or from a fact of which a session holds one: thresholds, calendar, jurisdiction). One free
 * pattern per rule is a scan, not a join, and stays allowed.
 */
class UnboundedJoinTest {

    private static final String THEN = "hits.raise(\"命中\");";
    private final RuleCompiler compiler = new RuleCompiler();

    static Stream<Arguments> unboundedJoins() {
        return Stream.of(
                Arguments.of("two free tenders", "$t : Tender( current )\n    $a : Tender()\n    $b : Tender()"),
                Arguments.of("two free tenders without a current record", "$a : Tender()\n    $b : Tender()"),
                Arguments.of("a tender tied only to a free tender",
                        "$a : Tender( !current )\n    $b : Tender( projectCode == $a.projectCode )"),
                Arguments.of("inequality does not tie", "$t : Tender( current )\n    $a : Tender( recordId != $t.recordId )\n"
                        + "    $b : Tender( recordId != $a.recordId )"),
                Arguments.of("a tie on one branch of an or does not tie", "$t : Tender( current )\n"
                        + "    $a : Tender( projectCode == $t.projectCode || category == \"GOODS\" )\n"
                        + "    $b : Tender( projectCode == $t.projectCode || category == \"GOODS\" )"),
                Arguments.of("a range does not tie", "$t : Tender( current )\n    $a : Bid( index > 0 )\n    $b : Bid( index > 1 )"),
                Arguments.of("free reference data joined", "$t : Tender( current )\n    Kin()\n    Party()"),
                Arguments.of("a free pattern inside not", "$t : Tender( current )\n    $a : Tender()\n    not Bid( price == null )"),
                Arguments.of("free patterns inside an accumulate", "$t : Tender( current )\n    Kin()\n"
                        + "    accumulate( Party( $id : id ), $n : count( $id ) )"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unboundedJoins")
    void aRuleNeedingAnUnboundedJoinIsRefused(String name, String when) {
        String drl = DrlSafetyCheckTest.rule(when, THEN);

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl)));

        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).extracting(RuleProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unbounded join").contains("无界的连接"));
    }

    static Stream<Arguments> boundedJoins() {
        return Stream.of(
                Arguments.of("earlier records of the same project and their bids", "$t : Tender( current )\n"
                        + "    $o : Tender( !current, projectCode == $t.projectCode )\n    $b : Bid( recordId == $o.recordId )"),
                Arguments.of("settings of which a session holds one", "Thresholds( $n : count(\"k\") )\n    WorkCalendar()\n"
                        + "    Jurisdiction()\n    $t : Tender( current, bidderCount < $n )"),
                Arguments.of("one free pattern is a scan", "$r : Relation( kinship )"),
                Arguments.of("from a list of the current record, then kin by equality", "$t : Tender( current )\n"
                        + "    $c : String() from $t.candidates()\n    Kin( a == $c, b == $t.approverRef )"),
                Arguments.of("a fact method taking the current record ties", "$t : Tender( current )\n"
                        + "    not Tender( this != $t, withinMonthsBefore($t, 12) )"),
                Arguments.of("membership ties", "$t : Tender( current )\n    Party( id memberOf $t.candidates )"),
                Arguments.of("current == true", "$t : Tender( current == true )\n    Bid( recordId == $t.recordId )"),
                Arguments.of("an accumulate over the current record's context", "$t : Tender( current )\n"
                        + "    accumulate( Tender( projectCode == $t.projectCode, $a : estimatedAmount ), $sum : sum( $a ) )\n"
                        + "    Bid( recordId == $t.recordId, price > $sum )"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("boundedJoins")
    void aRuleTiedToTheCurrentRecordPasses(String name, String when) {
        String drl = DrlSafetyCheckTest.rule(when, THEN);

        assertThat(compiler.compile(source(drl)).kieBase()).as(name).isNotNull();
    }

    private static RuleSource source(String drl) {
        return RuleRefusals.oneFile("attack/ATK-01.drl", drl);
    }
}
