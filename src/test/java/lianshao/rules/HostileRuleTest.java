package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rules a hostile author could write through the rule-test endpoint: chains of ordinary-looking calls
 * that start at a value of a fact and reach {@code java.lang.Class}, resources, URLs, files, class
 * loaders, or that exhaust the heap or the CPU. A name deny-list let these through; every call is now
 * resolved against its receiver's static type and must be on the allow-list. Each is refused before
 * the builder runs, with file, line and a bilingual reason naming the call.
 */
class HostileRuleTest {

    private static final String FILE = "attack/ATK-02.drl";
    private static final String WHEN = "$t : Tender( current )";
    private static final String OK = "hits.raise(\"命中\").subject($t.approverRef())";

    private final RuleCompiler compiler = new RuleCompiler();

    static Stream<Arguments> attacks() {
        return Stream.of(
                // values of facts lead to java.lang.Class
                attack("enum of a date -> Class -> resource in a consequence", then(
                        OK + ".evidence(\"x\", $t.occurredOn().getDayOfWeek().getDeclaringClass().getResource(\"/etc/passwd\"));"),
                        "getDayOfWeek"),
                attack("enum of a date -> Class -> resource in a constraint", when(
                        "$t : Tender( current, occurredOn.getDayOfWeek().getDeclaringClass().getResource(\"/etc/passwd\") != null )"),
                        "getDayOfWeek"),
                attack("enum property chain in a constraint", when(
                        "$t : Tender( current, occurredOn.dayOfWeek.declaringClass.classLoader != null )"), "dayOfWeek"),
                attack("file read through a resource URL", then(OK + ".evidence(\"env\", $t.occurredOn().getMonth().getDeclaringClass()"
                        + ".getResource(\"Month.class\").toURI().resolve(\"file:///proc/self/environ\").toURL().openStream().readAllBytes());"),
                        "getMonth"),
                attack("a loopback URL fetched from a constraint", when("$t : Tender( current, projectName.describeConstable().get()"
                        + ".getClass().getResource(\"String.class\").toURI().resolve(\"http://127.0.0.1:8080/\").toURL().getContent() != null )"),
                        "describeConstable"),
                attack("Class of a string through describeConstable", then(OK
                        + ".evidence(\"x\", $t.projectName().describeConstable().get());"), "describeConstable"),
                attack("the module of an enum's class", then(OK + ".evidence(\"m\", $t.occurredAt().getOffset().getClass());"),
                        "getOffset"),
                attack("class loading through the chronology", then(OK
                        + ".evidence(\"c\", $t.occurredOn().getChronology().getClass().getClassLoader());"), "getChronology"),
                attack("resolveConstantDesc of a string", then(OK + ".evidence(\"c\", $t.projectName().resolveConstantDesc(null));"),
                        "resolveConstantDesc"),
                attack("a stream of a fact list", then(OK + ".evidence(\"s\", $t.bids().stream().count());"), "stream"),
                attack("an iterator of a fact list", then(OK + ".evidence(\"s\", $t.bids().iterator().next());"), "iterator"),
                attack("mutating a collected list", when(WHEN + "\n    accumulate( Bid( recordId == $t.recordId, $id : bidderRef ),"
                        + " $ids : collectList( $id ); $ids.add(\"x\") )"), "add"),
                // the heap and the CPU
                attack("String.repeat of a huge count", then(OK + ".evidence(\"x\", $t.projectName().repeat(2147483647));"), "repeat"),
                attack("String.repeat in a constraint", when("$t : Tender( current, projectName.repeat(1000000000).length() > 0 )"),
                        "repeat"),
                attack("formatted with a huge width", then(OK + ".evidence(\"x\", \"%2000000000s\".formatted($t.projectName()));"),
                        "formatted"),
                attack("BigDecimal.pow", then(OK + ".evidence(\"x\", $t.estimatedAmount().pow(999999999));"), "pow"),
                attack("scaleByPowerOfTen then toPlainString", then(OK
                        + ".evidence(\"x\", $t.estimatedAmount().scaleByPowerOfTen(999999999).toPlainString());"), "scaleByPowerOfTen"),
                attack("movePointRight with a computed exponent", then(OK
                        + ".evidence(\"x\", $t.estimatedAmount().movePointRight($t.bidderCount()).toPlainString());"), "movePointRight"),
                attack("datesUntil of a date", then(OK + ".evidence(\"x\", $t.occurredOn().datesUntil($t.occurredOn().plusYears(100000)));"),
                        "datesUntil"),
                attack("chars of a string", then(OK + ".evidence(\"x\", $t.projectName().chars());"), "chars"),
                attack("concatenating a long text hundreds of times", then(OK + ".evidence(\"x\", \"\""
                        + " + $t.projectName()".repeat(300) + ");"), "256"),
                attack("multiplying an amount hundreds of times", then(OK + ".evidence(\"x\", $t.estimatedAmount()"
                        + ".multiply($t.estimatedAmount())".repeat(300) + ");"), "256"),
                attack("reading the elements of a from as another type", when(WHEN
                        + "\n    $x : Tender( projectName != null ) from $t.candidates()"), "from gives String"),
                attack("squaring a bound amount from pattern to pattern", when(WHEN
                        + "\n    Thresholds( $a : amount(\"k\").multiply(amount(\"k\")) )"), "multiply"),
                // what cannot be resolved is refused
                attack("a method of an unknown receiver", then(OK + ".evidence(\"x\", $unknown.foo());"), "$unknown"),
                attack("a property that does not exist", when("$t : Tender( current, noSuchProperty != null )"), "noSuchProperty"),
                attack("a method that does not exist on a fact", then(OK + ".evidence(\"x\", $t.noSuchMethod());"), "noSuchMethod"),
                attack("getClass on a fact in a constraint", when("$t : Tender( current, this.getClass() != null )"), "getClass"),
                attack("hashCode is fine but wait is not", then(OK + ".evidence(\"x\", $t.projectName().hashCode()).evidence(\"y\", $t.bids().wait(1));"),
                        "wait"),
                attack("the hits global in a condition", when("$t : Tender( current, hits.raise(\"x\") != null )"), "hits"),
                attack("a public static field of a fact", when("$r : Relation( KINSHIP.size() > 0 )"), "KINSHIP"),
                attack("a static method through an instance", then(OK + ".evidence(\"x\", $t.projectName().valueOf(1));"), "valueOf"),
                attack("a field of a bound fact in a consequence", then(OK + ".evidence(\"x\", $t.bids);"), "bids"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void refusedBeforeTheBuilderRuns(String name, String drl, String reason) {
        RuleSetInvalidException e = RuleRefusals.refusedBeforeTheBuilder(compiler, FILE, drl, name);

        RuleRefusals.locatedAndBilingual(e, FILE, drl);
        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains(reason));
    }

    private static Arguments attack(String name, String drl, String reason) {
        return Arguments.of(name, drl, reason);
    }

    static String when(String when) {
        return DrlSafetyCheckTest.rule(when, OK + ";").replace("ATK-01", "ATK-02");
    }

    static String then(String then) {
        return DrlSafetyCheckTest.rule(WHEN, then).replace("ATK-01", "ATK-02");
    }

    private static RuleSource source(String drl) {
        return RuleRefusals.oneFile(FILE, drl);
    }
}
