package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derived facts declared in DRL: {@code declare Name  field : Type ... end} with fields of value and
 * fact-model types is accepted, read through its fields and inserted by derivation rules; every other
 * form of declare, and every way of reaching code through a declared type, is refused before the
 * builder runs, with file, line and a bilingual reason.
 */
class DeclaredFactTest {

    private static final String FILE = "attack/DCL-01.drl";
    private static final String HEADER = """
            package lianshao.rules.attack;

            import java.math.BigDecimal;
            import java.time.LocalDate;
            import java.util.List;
            import lianshao.facts.*;

            global Hits hits;

            """;
    private static final String FINDING = """
            declare Finding
                recordId : String
                kind : String
                bidders : List<String>
                amount : BigDecimal
                on : LocalDate
                flagged : boolean
                count : int
                total : Long
                tender : Tender
            end

            """;
    private static final String DERIVE = """
            rule "derive"
                @kind("derivation")
            when
                $t : Tender( current, $w : winnerRef != null )
            then
                insertLogical(new Finding($t.recordId(), "K", $t.bidderRefs(), $t.awardAmount(), $t.occurredOn(), true, 1, 2L, $t));
            end

            """;
    private static final String METADATA = """
                @id("DCL-01")
                @title("测试规则")
                @form(1)
                @clause("M9")
                @basis("测试 [INF]")
                @departments("纪检组")
            """;

    private final RuleCompiler compiler = new RuleCompiler();

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("fields of every value type, a list and a fact type, read in conditions and the consequence",
                        HEADER + FINDING + DERIVE + rule("""
                                $t : Tender( current )
                                $f : Finding( recordId == $t.recordId, kind == "K", flagged, count > 0, bidders contains $t.winnerRef,
                                              amount != null, tender == $t, $on : on )""", """
                                hits.raise("发现 " + $f.getKind() + " " + hits.parties($f.getBidders()) + " " + hits.yuan($f.getAmount())
                                        + " " + $on + " " + $f.isFlagged() + " " + $f.getCount() + " " + $f.getTotal()
                                        + " " + $f.getTender().projectName())
                                    .evidence("bidders", $f.getBidders()).evidence("count", $f.getCount());""")),
                Arguments.of("qualified value types, insert instead of insertLogical, a declared type in not and accumulate",
                        HEADER + """
                                declare Mark
                                    recordId : java.lang.String
                                    at : java.time.OffsetDateTime
                                    amounts : java.util.List<java.math.BigDecimal>
                                    valid : Boolean
                                    bids : List<Bid>
                                end

                                rule "mark"
                                    @kind("derivation")
                                when
                                    $t : Tender( current )
                                then
                                    insert(new Mark($t.recordId(), $t.occurredAt(), $t.sortedBidderPrices(), null, $t.bids()));
                                end

                                """ + rule("""
                                $t : Tender( current )
                                not Mark( recordId == $t.recordId, valid == false )
                                accumulate( Mark( recordId == $t.recordId, $id : recordId ), $n : count( $id ) )""", """
                                hits.raise("标记 " + $n);""")),
                Arguments.of("the elements of a list field read with from", HEADER + """
                                declare Mark
                                    recordId : String
                                    bids : List<Bid>
                                end

                                """ + derivation("$t : Tender( current )", "insertLogical(new Mark($t.recordId(), $t.bids()));")
                        + rule("$t : Tender( current )\n    $m : Mark( recordId == $t.recordId )\n    $b : Bid( disqualified ) from $m.bids",
                                "hits.raise(\"否决 \" + hits.party($b.bidderRef()));")),
                Arguments.of("extends a declared type: the parent's fields come first", HEADER + "declare Base\n    recordId : String\nend\n"
                        + "declare Sub extends Base\n    note : String\n    n : int\nend\n\n"
                        + derivation("$t : Tender( current )", "insertLogical(new Sub($t.recordId(), $t.projectName(), 1));")
                        + rule("$t : Tender( current )\n    $b : Base( recordId == $t.recordId )\n    $s : Sub( recordId == $t.recordId, n > 0 )",
                                "hits.raise(\"x\" + $b.getRecordId() + $s.getRecordId() + $s.getNote());")),
                Arguments.of("key fields", HEADER + "declare Keyed\n    recordId : String @key\n    note : String\nend\n\n"
                        + derivation("$t : Tender( current )", "insertLogical(new Keyed($t.recordId(), $t.projectName()));")
                        + rule("$t : Tender( current )\n    $k : Keyed( recordId == $t.recordId )", "hits.raise(\"x\" + $k.getNote());")),
                Arguments.of("an empty declare", HEADER + "declare Nothing\nend\n\n" + rule("$t : Tender( current )", "hits.raise(\"x\");")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void aDeclareWithPlainFieldsIsAccepted(String name, String drl) {
        RuleSet ruleSet = compiler.compile(RuleRefusals.oneFile(FILE, drl));

        String type = drl.contains("declare Finding") ? "Finding" : drl.contains("declare Mark") ? "Mark"
                : drl.contains("declare Keyed") ? "Keyed" : drl.contains("declare Sub") ? "Sub" : "Nothing";
        assertThat(ruleSet.kieBase().getFactType("lianshao.rules.attack", type)).isNotNull();
    }

    @Test
    void aTypeDeclaredInOneFileIsReadInAnotherOfThePackage() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("attack/DCL-01.drl", HEADER + FINDING + DERIVE);
        files.put("attack/DCL-02.drl", HEADER + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                "hits.raise(\"x\" + $f.getKind());"));

        assertThat(compiler.compile(new RuleSource(files, "k=1\n")).rulesById()).containsKey("DCL-01");
    }

    @Test
    void aTypeDeclaredInAnotherPackageIsUnknown() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("attack/DCL-01.drl", HEADER + FINDING + DERIVE);
        files.put("other/DCL-02.drl", HEADER.replace("lianshao.rules.attack", "lianshao.rules.other")
                + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )", "hits.raise(\"x\");"));

        RuleSetInvalidException e = org.assertj.core.api.Assertions.catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(new RuleSource(files, "k=1\n")));

        assertThat(e.problems()).extracting(RuleProblem::file).containsOnly("other/DCL-02.drl");
        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("Finding"));
    }

    static Stream<Arguments> refused() {
        String rule = rule("$t : Tender( current )", "hits.raise(\"x\");");
        return Stream.of(
                // fields of types that are code or reach it
                refusal("a field of java.io.File", declare("f : java.io.File") + rule, "java.io.File"),
                refusal("a field of Class", declare("c : Class") + rule, "Class"),
                refusal("a field of java.lang.Class", declare("c : java.lang.Class") + rule, "java.lang.Class"),
                refusal("a field of Object", declare("o : Object") + rule, "Object"),
                refusal("a field of Runnable", declare("r : Runnable") + rule, "Runnable"),
                refusal("a field of Thread", declare("t : java.lang.Thread") + rule, "Thread"),
                refusal("a field of the hit API", declare("h : Hits") + rule, "Hits"),
                refusal("a field of a helper of the fact package", declare("m : lianshao.facts.Masks") + rule, "Masks"),
                refusal("a field of double", declare("d : double") + rule, "double"),
                refusal("a field of a raw List", declare("l : List") + rule, "List"),
                refusal("a field of a List of Object", declare("l : List<Object>") + rule, "List<Object>"),
                refusal("a field of a List of Class", declare("l : List<Class>") + rule, "List<Class>"),
                refusal("a field of a qualified List of Runnable", declare("l : java.util.List<java.lang.Runnable>") + rule, "Runnable"),
                refusal("a field of a Map", declare("m : java.util.Map<String, String>") + rule, "Map"),
                refusal("a field of an array", declare("a : String[]") + rule, "String[]"),
                refusal("a field of a type declared alongside", HEADER + "declare A\n    n : int\nend\ndeclare B\n    a : A\nend\n"
                        + rule, "A"),
                refusal("BigDecimal without its import", HEADER.replace("import java.math.BigDecimal;\n", "")
                        + "declare A\n    n : BigDecimal\nend\n" + rule, "BigDecimal"),
                // forms of declare that change the engine or run code
                refusal("an annotation on the type", HEADER + "declare Event\n    @role(event)\n    n : int\nend\n" + rule, "@role"),
                refusal("an expiring event", HEADER + "declare Event\n    @role(event)\n    @expires(1s)\n    n : int\nend\n" + rule,
                        "@expires"),
                refusal("an annotation on a field", HEADER + "declare A\n    n : int @position(0)\nend\n" + rule, "@position"),
                refusal("a key with a value", HEADER + "declare A\n    n : int @key(System.exit(1))\nend\n" + rule, "@key"),
                refusal("a default value", HEADER + "declare A\n    n : int = 1\nend\n" + rule, "默认值"),
                refusal("a default value that calls code", HEADER
                        + "declare A\n    s : String = System.getProperty(\"user.home\")\nend\n" + rule, "default value"),
                refusal("extends a Java class", HEADER + "declare A extends java.lang.Thread\n    n : int\nend\n" + rule, "extends"),
                refusal("extends a fact type", HEADER + "declare A extends Party\n    n : int\nend\n" + rule, "extends"),
                refusal("extends in a circle", HEADER + "declare A extends B\n    n : int\nend\ndeclare B extends A\n    m : int\nend\n"
                        + rule, "extends"),
                refusal("extends itself", HEADER + "declare A extends A\n    n : int\nend\n" + rule, "extends"),
                refusal("extends a refused declared type", HEADER + "declare A\n    f : java.io.File\nend\n"
                        + "declare B extends A\n    m : int\nend\n" + rule, "extends"),
                refusal("a field declared again under its parent", HEADER + "declare A\n    n : int\nend\ndeclare B extends A\n"
                        + "    n : long\nend\n" + rule, "[n]"),
                refusal("extends a declared type of another package", HEADER
                        + "declare A extends lianshao.rules.other.B\n    n : int\nend\n" + rule, "lianshao.rules.other.B"),
                refusal("a declare of an existing fact type", HEADER + "declare Tender\n    n : int\nend\n" + rule, "declare Tender"),
                refusal("metadata on an existing fact type", HEADER + "declare Kin\n    @role(event)\nend\n" + rule, "Kin"),
                refusal("a declare of the hit API", HEADER + "declare Hits\n    n : int\nend\n" + rule, "declare Hits"),
                refusal("a declare of a java.lang type", HEADER + "declare Runtime\n    n : int\nend\n" + rule, "Runtime"),
                refusal("a declare of an imported JDK type", HEADER + "declare BigDecimal\n    n : int\nend\n" + rule, "BigDecimal"),
                refusal("a qualified declare in another package", HEADER + "declare java.io.Evil\n    n : int\nend\n" + rule, "java.io.Evil"),
                refusal("a trait", HEADER + "declare trait A\n    n : int\nend\n" + rule, "trait"),
                refusal("a declare with a method", HEADER + "declare A\n    n : int\n    int twice() { return n * 2; }\nend\n" + rule,
                        "syntax error"),
                refusal("the same type declared twice", HEADER + "declare A\n    n : int\nend\ndeclare A\n    n : int\nend\n" + rule,
                        "already declared"),
                refusal("declare enum", HEADER + "declare enum Colour\n    RED, GREEN;\nend\n" + rule, "enum"),
                // what rules do with declared types
                refusal("a setter of a declared fact", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "hits.raise(\"x\").evidence(\"k\", $f.setKind(\"y\"));"), "setKind"),
                refusal("a class of a declared fact", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "hits.raise(\"x\" + $f.getClass());"), "getClass"),
                refusal("a field that does not exist", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId, secret == 1 )",
                        "hits.raise(\"x\");"), "secret"),
                refusal("the text of a declared fact holding a tender", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "hits.raise(\"x\" + $f);"), "Finding"),
                refusal("a declared fact holding a tender as evidence", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "hits.raise(\"x\").evidence(\"f\", $f);"), "Finding"),
                refusal("personal data read through a fact field", HEADER + "declare Who\n    party : Party\nend\n"
                        + derivation("$t : Tender( current )\n    $p : Party( id == $t.approverRef )", "insertLogical(new Who($p));")
                        + rule("$t : Tender( current )\n    $w : Who( party.id == $t.approverRef )", "hits.raise(\"x\" + $w.getParty().name());"),
                        "Party.name"),
                refusal("personal data into a derived fact", HEADER + "declare Who\n    name : String\nend\n"
                        + derivation("$t : Tender( current )\n    $p : Party( id == $t.approverRef )", "insertLogical(new Who($p.name()));")
                        + rule, "Party.name"),
                refusal("an insert in a catalogue rule", HEADER + FINDING + rule("$t : Tender( current )",
                        "insert(new Finding($t.recordId(), \"K\", null, null, null, true, 1, 2L, $t));"), "hits.raise"),
                refusal("too few arguments", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding($t.recordId(), \"K\"));") + rule, "9"),
                refusal("an argument of the wrong type", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding($t.recordId(), \"K\", null, $t.projectName(), null, true, 1, 2L, $t));") + rule,
                        "amount"),
                refusal("a list of the wrong elements", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding($t.recordId(), \"K\", $t.bids(), null, null, true, 1, 2L, $t));") + rule, "bidders"),
                refusal("null for a primitive field", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding($t.recordId(), \"K\", null, null, null, null, 1, 2L, $t));") + rule, "flagged"),
                refusal("a derived fact deriving another without end", HEADER + FINDING + DERIVE + derivation(
                        "$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "insertLogical(new Finding($f.getRecordId(), $f.getKind() + \"x\", null, null, null, true, 1, 2L, $t));"),
                        "without end"),
                refusal("a derived fact deriving a fact of the model", HEADER + FINDING + DERIVE + derivation(
                        "$t : Tender( current )\n    $f : Finding( recordId == $t.recordId )",
                        "insertLogical(new Kin($f.getKind(), \"b\", \"c\", null, null));"), "without end"),
                refusal("a derived fact from a from", HEADER + FINDING + DERIVE + rule("$t : Tender( current )\n    $f : Finding() from $t.bids()",
                        "hits.raise(\"x\");"), "from"),
                refusal("a static call in the constructor", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding(System.getProperty(\"user.home\"), \"K\", null, null, null, true, 1, 2L, $t));") + rule,
                        "System"),
                refusal("a nested new in the constructor", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding(new String(\"a\"), \"K\", null, null, null, true, 1, 2L, $t));") + rule, "new"),
                refusal("a second statement after the insert", HEADER + FINDING + derivation("$t : Tender( current )",
                        "insertLogical(new Finding($t.recordId(), \"K\", null, null, null, true, 1, 2L, $t)); System.exit(1);") + rule,
                        "one statement"),
                refusal("insert of a fact of the model", HEADER + derivation("$t : Tender( current )",
                        "insert(new Kin(\"a\", \"b\", \"c\", null, null));") + rule, "insert"),
                refusal("two free declared facts: an unbounded join", HEADER + FINDING + DERIVE + rule(
                        "$t : Tender( current )\n    Finding()\n    Finding()", "hits.raise(\"x\");"), "unbounded join"),
                refusal("a declared type named in the consequence only", HEADER + derivation("$t : Tender( current )",
                        "insertLogical(new Undeclared($t.recordId()));") + rule, "Undeclared"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void everyOtherFormIsRefusedBeforeTheBuilderRuns(String name, String drl, String reason) {
        RuleSetInvalidException e = RuleRefusals.refusedBeforeTheBuilder(compiler, FILE, drl, name);

        RuleRefusals.locatedAndBilingual(e, FILE, drl);
        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains(reason));
    }

    @Test
    void aRefusedFieldIsReportedOnItsLine() {
        String drl = declare("f : java.io.File") + rule("$t : Tender( current )", "hits.raise(\"x\");");

        RuleSetInvalidException e = RuleRefusals.refusedBeforeTheBuilder(compiler, FILE, drl, "a file field");

        int line = drl.lines().toList().indexOf("    f : java.io.File") + 1;
        assertThat(e.problems()).extracting(RuleProblem::line).contains(line);
    }

    // ---------------------------------------------------------------- helpers

    private static Arguments refusal(String name, String drl, String reason) {
        return Arguments.of(name, drl, reason);
    }

    private static String declare(String field) {
        return HEADER + "declare A\n    n : int\n    " + field + "\nend\n\n";
    }

    private static String rule(String when, String then) {
        return "rule \"r\"\n" + METADATA + "when\n    " + when + "\nthen\n    " + then + "\nend\n\n";
    }

    private static String derivation(String when, String then) {
        return "rule \"d\"\n    @kind(\"derivation\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n\n";
    }
}
