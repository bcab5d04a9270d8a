package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The safety check: each way of running code from DRL is refused with file, line and reason before
 * the rule set reaches the builder (no build starts, nothing runs, the JVM survives), and the style
 * of the catalogue's rules passes.
 */
class DrlSafetyCheckTest {

    private static final String FILE = "attack/ATK-01.drl";
    private static final String HEADER = """
            package lianshao.rules.attack;

            import lianshao.facts.*;

            global Hits hits;

            """;
    private static final String METADATA = """
                @id("ATK-01")
                @title("测试规则")
                @form(2)
                @clause("M9")
                @basis("测试 [INF]")
                @departments("纪检组")
            """;
    private static final String SAFE_WHEN = "$t : Tender( current )";
    private static final String SAFE_THEN = "hits.raise(\"命中\").subject($t.approverRef());";

    private final RuleCompiler compiler = new RuleCompiler();

    static Stream<Arguments> attacks() {
        return Stream.of(
                // the consequence
                attack("System.exit in a consequence", rule(SAFE_WHEN, "System.exit(42);"), "System"),
                attack("java.lang.System.exit in a consequence", rule(SAFE_WHEN, "java.lang.System.exit(42);"), "java"),
                attack("exit after a legitimate hit", rule(SAFE_WHEN, SAFE_THEN + "\n    System.exit(42);"), "one statement"),
                attack("java.io.File in a consequence", rule(SAFE_WHEN,
                        "new java.io.File(\"/tmp/lianshao-attack\").createNewFile();"), "hits.raise"),
                attack("a file as a hit argument", rule(SAFE_WHEN,
                        "hits.raise(\"x\").evidence(\"f\", new java.io.File(\"/etc/passwd\").exists());"), "new"),
                attack("Runtime.exec in a consequence", rule(SAFE_WHEN,
                        "Runtime.getRuntime().exec(\"touch /tmp/lianshao-attack\");"), "Runtime"),
                attack("Runtime.exec inside a hit argument", rule(SAFE_WHEN,
                        "hits.raise(\"x\" + Runtime.getRuntime().exec(\"id\"));"), "Runtime"),
                attack("Class.forName in a consequence", rule(SAFE_WHEN,
                        "hits.raise(\"x\" + Class.forName(\"java.lang.Runtime\"));"), "Class"),
                attack("reflection through a bound variable", rule(SAFE_WHEN,
                        "hits.raise(\"x\" + $t.getClass().getClassLoader());"), "getClass"),
                attack("an infinite loop in a consequence", rule(SAFE_WHEN, "while (true) { }"), "hits.raise"),
                attack("a for loop in a hit chain", rule(SAFE_WHEN, SAFE_THEN + " for (;;) { }"), "one statement"),
                attack("an assignment", rule(SAFE_WHEN, "$t = null;"), "hits.raise"),
                attack("a local variable", rule(SAFE_WHEN, "String s = \"x\"; hits.raise(s);"), "hits.raise"),
                attack("drools.halt()", rule(SAFE_WHEN, "drools.halt();"), "hits.raise"),
                attack("kcontext", rule(SAFE_WHEN, "hits.raise(\"x\" + kcontext.getKieRuntime());"), "kcontext"),
                attack("modify in a catalogue rule", rule(SAFE_WHEN, "modify($t) { }"), "hits.raise"),
                attack("insert in a catalogue rule", rule(SAFE_WHEN, "insert(new Kin(\"a\", \"b\", \"c\", null, null));"), "hits.raise"),
                attack("retract", rule(SAFE_WHEN, "retract($t);"), "hits.raise"),
                attack("a method outside the hit API", rule(SAFE_WHEN, "hits.raise(\"x\").getClass();"), "getClass"),
                attack("a lambda", rule(SAFE_WHEN, "hits.raise(\"x\").subjects($t.bidderRefs().stream().map(b -> b).toList());"),
                        "stream"),
                attack("a lambda on a list the rule may read", rule(SAFE_WHEN, "hits.raise(\"x\").subjects($t.bidderRefs().get(b -> b));"),
                        "only variables bound"),
                attack("a cast", rule(SAFE_WHEN, "hits.raise((String) \"x\");"), "String"),
                attack("a text block", rule(SAFE_WHEN, "hits.raise(\"\"\"\n x\"\"\");"), "text block"),
                attack("a unicode escape closing a string", rule(SAFE_WHEN,
                        "hits.raise(\"x\\u0022); System.exit(1); //\");"), "\\u"),
                attack("a unicode newline ending a comment", rule(SAFE_WHEN,
                        SAFE_THEN + " // \\u000a System.exit(1);"), "\\u"),
                attack("a static call on an allowed type", rule(SAFE_WHEN,
                        "hits.raise(\"x\").benefit(\"a\", java.math.BigDecimal.valueOf(1));"), "java"),
                attack("object creation of an allowed JDK type", rule(SAFE_WHEN,
                        "hits.raise(\"x\").benefit(\"a\", new java.math.BigDecimal(\"1\"));"), "new"),
                attack("a hit raised inside a message", rule(SAFE_WHEN,
                        "hits.raise(\"x\" + hits.raise(\"y\"));"), "hits.raise(...)"),
                attack("hits itself inside a message", rule(SAFE_WHEN, "hits.raise(\"x\" + hits);"), "hits.raise(...)"),
                attack("a method of Object on hits inside a message", rule(SAFE_WHEN,
                        "hits.raise(\"x\" + hits.getClass());"), "hits.raise(...)"),
                attack("personal data through a wording method", rule(SAFE_WHEN + "\n    $p : Party( id == $t.approverRef )",
                        "hits.raise(\"x\" + hits.party($p.name()));"), "Party.name"),
                attack("insertLogical of something that is not a fact", derivation(SAFE_WHEN,
                        "insertLogical(new java.io.File(\"/tmp/x\"));"), "lianshao.facts"),
                attack("insertLogical of a fact of another package", derivation(SAFE_WHEN,
                        "insertLogical(new lianshao.rules.RuleSet(null, null, null, null));"), "lianshao.facts"),
                attack("insertLogical of a fact built with a static call", derivation(SAFE_WHEN,
                        "insertLogical(new Kin(System.getProperty(\"user.home\"), \"b\", \"c\", null, null));"), "System"),
                // the conditions
                attack("eval", rule(SAFE_WHEN + "\n    eval( System.exit(3) == 0 )", SAFE_THEN), "eval"),
                attack("a harmless-looking eval", rule(SAFE_WHEN + "\n    eval( true )", SAFE_THEN), "eval"),
                attack("a static call in a constraint", rule("$t : Tender( java.lang.System.exit(1) == 0 )", SAFE_THEN), "java"),
                attack("Math in a constraint", rule("$t : Tender( Math.max(1, 2) > 0 )", SAFE_THEN), "static"),
                attack("new in a constraint", rule("$t : Tender( projectName == new String(\"x\") )", SAFE_THEN), "new"),
                attack("reflection in a constraint", rule("$t : Tender( projectName.getClass() != null )", SAFE_THEN), "getClass"),
                attack("an assignment in a constraint", rule("$t : Tender( projectName = \"x\" )", SAFE_THEN), "'='"),
                attack("a regular expression (backtracking)", rule("$t : Tender( projectName matches \"(a+)+$\" )", SAFE_THEN),
                        "matches"),
                attack("from new java.io.File", rule(SAFE_WHEN + "\n    $f : Object() from new java.io.File(\"/etc\")", SAFE_THEN),
                        "from"),
                attack("from a static call", rule(SAFE_WHEN + "\n    $p : Object() from java.lang.System.getProperties()", SAFE_THEN),
                        "java"),
                attack("from a variable that is not bound", rule(SAFE_WHEN + "\n    $b : Object() from other.bids()", SAFE_THEN),
                        "from"),
                attack("collect of a non-fact type", rule(SAFE_WHEN + "\n    $l : java.util.List() from collect( java.lang.Thread() )", SAFE_THEN), "Thread"),
                attack("from an entry point", rule(SAFE_WHEN + "\n    Bid() from entry-point \"x\"", SAFE_THEN), "EntryPoint"),
                attack("accumulate with init code", rule(SAFE_WHEN + """

                            $n : Number() from accumulate( Bid( $p : price ), init( int x = 0; ), action( x++; ),
                                                           result( x ) )""", SAFE_THEN), "init"),
                attack("accumulate with an unknown function", rule(SAFE_WHEN + """

                            accumulate( Bid( $p : price ), $n : myFunction( $p ) )""", SAFE_THEN), "myFunction"),
                attack("a pattern over a JDK class", rule("$r : Runtime()", SAFE_THEN), "Runtime"),
                attack("a pattern annotation", rule("$t : Tender( current ) @watch(current)", SAFE_THEN), "annotation"),
                attack("a dynamic salience", ruleWithAttribute("salience ($t.hashCode())"), "salience"),
                attack("the mvel dialect", ruleWithAttribute("dialect \"mvel\""), "dialect"),
                attack("an enabled expression", ruleWithAttribute("enabled ($t != null)"), "enabled"),
                attack("a timer", ruleWithAttribute("timer (int: 1s 1s)"), "timer"),
                // the package
                attack("a metadata expression with a call", HEADER + "rule \"r\"\n" + METADATA
                        + "    @boom(java.lang.System.exit(7))\nwhen\n    " + SAFE_WHEN + "\nthen\n    " + SAFE_THEN + "\nend\n", "@boom"),
                attack("a function", HEADER + "function void boom() { System.exit(1); }\n" + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()),
                        "function"),
                attack("import of java.lang.Runtime", HEADER.replace("import lianshao.facts.*;", "import lianshao.facts.*;\nimport java.lang.Runtime;")
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "java.lang.Runtime"),
                attack("import of java.io.File", HEADER.replace("import lianshao.facts.*;", "import lianshao.facts.*;\nimport java.io.File;")
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "java.io.File"),
                attack("import function", HEADER.replace("import lianshao.facts.*;", "import lianshao.facts.*;\nimport function java.lang.System.exit;")
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "function"),
                attack("a global other than hits", HEADER + "global java.util.List sink;\n" + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()),
                        "global"),
                attack("hits of another type", HEADER.replace("global Hits hits;", "global java.util.List hits;")
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "global"),
                attack("a declare of an existing fact type", HEADER + "declare Tender\n    n : int\nend\n"
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "declare Tender"),
                attack("query", HEADER + "query q()\n    Tender()\nend\n" + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "query"),
                attack("a package dialect", HEADER.replace("import lianshao.facts.*;", "dialect \"mvel\"\nimport lianshao.facts.*;")
                        + rule(SAFE_WHEN, SAFE_THEN).substring(HEADER.length()), "dialect"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void eachAttackIsRefusedBeforeTheBuilderRuns(String name, String drl, String reason) {
        RuleSetInvalidException e = RuleRefusals.refusedBeforeTheBuilder(compiler, FILE, drl, name);

        RuleRefusals.locatedAndBilingual(e, FILE, drl);
        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains(reason));
    }

    @Test
    void theLineOfARefusedConsequenceIsTheLineOfTheOffendingCode() {
        String drl = rule(SAFE_WHEN, "hits.raise(\"命中\")\n        .subject($t.approverRef())\n        .evidence(\"x\", Runtime.getRuntime());");

        RuleProblem problem = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl))).problems().get(0);

        assertThat(problem.line()).isEqualTo(lineOf(drl, "Runtime.getRuntime"));
        assertThat(problem.column()).isEqualTo(drl.lines().toList().get(problem.line() - 1).indexOf("Runtime") + 1);
    }

    @Test
    void theLineOfARefusedConstraintIsTheLineOfThePattern() {
        String drl = rule(SAFE_WHEN + "\n    $b : Bid( recordId == $t.recordId, Math.abs(1) > 0 )", SAFE_THEN);

        RuleProblem problem = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl))).problems().get(0);

        assertThat(problem.line()).isEqualTo(lineOf(drl, "Math.abs"));
        assertThat(problem.message()).contains("Math");
    }

    @Test
    void tooManyPatternsInOneRuleAreRefused() {
        String when = SAFE_WHEN + "\n    Bid( recordId == $t.recordId )".repeat(20);

        assertThat(onlyMessages(rule(when, SAFE_THEN))).anySatisfy(m -> assertThat(m).contains("21").contains("20"));
    }

    @Test
    void orNestedTooDeeplyIsRefused() {
        String when = SAFE_WHEN + "\n    ( Bid() or ( Bid() or ( Bid() or ( Bid() or Bid() ) ) ) )";

        assertThat(onlyMessages(rule(when, SAFE_THEN))).anySatisfy(m -> assertThat(m).contains("or"));
    }

    @Test
    void tooManyRulesInASetAreRefused() {
        RuleCompiler small = new RuleCompiler(new SafetyLimits(2, 20, 3, 64, 1_000_000));
        SortedMap<String, String> files = new TreeMap<>();
        for (int i = 1; i <= 3; i++) {
            files.put("r" + i + ".drl", rule(SAFE_WHEN, SAFE_THEN).replace("rule \"r\"", "rule \"r" + i + "\""));
        }

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> small.compile(new RuleSource(files, "")));

        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("3").contains("2"));
    }

    static Stream<Arguments> acceptedStyles() {
        return Stream.of(
                Arguments.of("the wording methods of hits in a message", rule("""
                        $t : Tender( current )
                            $a : Bid( recordId == $t.recordId, $ai : index )
                            $b : Bid( recordId == $t.recordId, index > $ai, sharesIdentifierWith($a) )""", """
                        hits.raise("投标人 " + hits.party($a.bidderRef()) + " 与 " + hits.parties($t.bidderRefs()) + " 以"
                                    + hits.label("TENDER.procedure", $t.procedure()) + "方式"
                                    + "，相同标识：" + hits.fieldNames("TENDER.bids[]", $a.sharedIdentifiers($b)) + "，金额 "
                                    + hits.yuan($t.awardAmount()) + "，" + hits.yuan(4000000) + "，" + hits.amounts($t.sortedBidderPrices())
                                    + "，单位 " + hits.org($t.orgCode()))
                                .subject($a.bidderRef());""")),
                Arguments.of("shared identifiers and a ternary", rule("""
                        Thresholds( $criminal : amount("tender.collusion.criminal-award") )
                            $t : Tender( current )
                            $a : Bid( recordId == $t.recordId, $ai : index )
                            $b : Bid( recordId == $t.recordId, index > $ai, bidderRef != $a.bidderRef, sharesIdentifierWith($a) )""", """
                        hits.raise("投标人 " + $a.bidderRef() + " 与 " + $b.bidderRef() + (true ? "甲" : "乙"))
                                .inEnglish("Bids of " + $a.bidderRef() + " and " + $b.bidderRef() + " share " + $a.sharedIdentifiers($b) + ".")
                                .subject($a.bidderRef()).subject($b.bidderRef()).subject($t.approverRef())
                                .suspectedCrimeIf($t.awardAmount() != null && $t.awardAmount().compareTo($criminal) >= 0,
                                    "串通投标且中标金额 " + $t.awardAmount() + " 元");""")),
                Arguments.of("from a method of a bound fact and kin active on a day", rule("""
                        $a : Admission( current, exceptionRoute )
                            $g : String() from $a.guardianRefs()
                            $l : Leader( orgCode == $a.orgCode(), $leader : personRef )
                            Kin( a == $g, b == $leader, activeOn($a.admittedOn()), $kind : kind )""", """
                        hits.raise("监护人 " + $g + " 与 " + ("PRINCIPAL".equals($l.role()) ? "校长 " : "领导 ") + $leader + "（" + $kind + "）")
                                .counterparty($a.studentRef()).counterparty($g)
                                .evidence("kinOf", $leader + "（" + $l.role() + "）");""")),
                Arguments.of("accumulate with built-in functions, || and arithmetic on bound values", rule("""
                        $th : Thresholds( $limit : amount("procurement.open-tender.threshold"), $near : ratio("procurement.split.near-threshold.ratio") )
                            $p : Procurement( current, method != "OPEN_TENDER" || method == null, amount >= $limit.multiply($near) )
                            accumulate( Procurement( orgCode == $p.orgCode, $amount : amount, $id : recordId ),
                                        $total : sum( $amount ), $count : count( $id ), $ids : collectList( $id ),
                                        $set : collectSet( $id ), $min : min( $amount ), $max : max( $amount ), $avg : average( $amount );
                                        $count >= 2, $total > $limit )
                            not Sanction( subjectRef == $p.approverRef() )
                            exists Org( code == $p.orgCode() )""", """
                        hits.raise("累计 " + $total + " 元，" + $count + " 次").related($ids)
                                .escalateIf($total.compareTo($limit.add($limit)) >= 0, 3, "两倍")
                                .evidence("range", $min + "–" + $max).evidence("average", $avg).evidence("n", $set.size());""")),
                Arguments.of("a derivation rule inserting a derived fact", derivation("""
                        $r : Relation( kinship, $from : fromRef, $to : toRef )""", """
                        insertLogical(new lianshao.facts.Kin($from, $to, $r.kind(), $r.validFrom(), $r.validTo()));""")),
                Arguments.of("a derivation rule with a simple fact name", derivation("""
                        $r : Relation( kinship )""", """
                        insertLogical(new Kin($r.toRef(), $r.fromRef(), $r.kind(), null, null));""")),
                Arguments.of("salience and JDK value imports", HEADER.replace("import lianshao.facts.*;",
                        "import java.math.BigDecimal;\nimport java.util.List;\nimport lianshao.facts.*;")
                        + ruleWithAttribute("salience -10").substring(HEADER.length())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedStyles")
    void theStyleOfTheCatalogueRulesPasses(String name, String drl) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(FILE, drl);

        RuleSet ruleSet = compiler.compile(new RuleSource(files, """
                tender.collusion.criminal-award=1000000
                procurement.open-tender.threshold=2000000
                procurement.split.near-threshold.ratio=0.9
                """));

        assertThat(ruleSet.kieBase()).isNotNull();
    }

    @Test
    void everyRuleFileOfTheRepositoryPassesTheCheck() throws Exception {
        RuleSource repository = RuleSource.readFolder(Path.of("rules"));
        assertThat(repository.drlFiles()).isNotEmpty();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            assertThat(files.filter(p -> RuleSource.isRuleFile(p.toString())).count()).isEqualTo(repository.drlFiles().size());
        }

        assertThat(compiler.compile(repository).rulesById()).isNotEmpty();
        // each file on its own, with the files of its folder that declare types (a file may read those of its package)
        repository.drlFiles().forEach((file, text) -> {
            SortedMap<String, String> one = new TreeMap<>();
            repository.drlFiles().forEach((other, otherText) -> {
                if (folder(other).equals(folder(file)) && otherText.lines().anyMatch(l -> l.startsWith("declare "))) {
                    one.put(other, otherText);
                }
            });
            one.put(file, text);
            compiler.compile(new RuleSource(one, repository.thresholdsText()));
        });
    }

    // ---------------------------------------------------------------- helpers

    private static String folder(String file) {
        return file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
    }

    private static Arguments attack(String name, String drl, String reason) {
        return Arguments.of(name, drl, reason);
    }

    private List<String> onlyMessages(String drl) {
        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(drl)));
        assertThat(e).isNotNull();
        return e.problems().stream().map(RuleProblem::message).toList();
    }

    static String rule(String when, String then) {
        return HEADER + "rule \"r\"\n" + METADATA + "when\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static String ruleWithAttribute(String attribute) {
        return HEADER + "rule \"r\"\n" + METADATA + "    " + attribute + "\nwhen\n    " + SAFE_WHEN + "\nthen\n    " + SAFE_THEN + "\nend\n";
    }

    private static String derivation(String when, String then) {
        return HEADER + "rule \"d\"\n    @kind(\"derivation\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static RuleSource source(String drl) {
        return RuleRefusals.oneFile(FILE, drl);
    }

    private static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
