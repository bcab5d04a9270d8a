package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import lianshao.facts.Thresholds;

/** Rule sets compiled from DRL text held in memory: metadata checks, compile problems, versions. */
class RuleCompilerTest {

    private static final String FILE = "tender/TST-01-test.drl";
    private static final String HEADER = """
            package lianshao.rules.test;

            import lianshao.facts.*;

            global Hits hits;

            """;
    private static final String THRESHOLDS = "tender.min-bid-period.days=20\n";

    private final RuleCompiler compiler = new RuleCompiler();

    // ---------------------------------------------------------------- a valid rule

    @Test
    void aValidRuleCompilesAndItsMetadataIsRead() {
        String drl = HEADER + rule("TST-01 short period", metadata("TST-01") + """
                    @titleEn("Test rule")
                    @combinedWith("TEN-05, TEN-06:2")
                """);

        RuleSet ruleSet = compiler.compile(source(FILE, drl));

        assertThat(ruleSet.kieBase()).isNotNull();
        assertThat(ruleSet.rulesById()).containsOnlyKeys("TST-01");
        RuleMetadata rule = ruleSet.rule("TST-01").orElseThrow();
        assertThat(rule.id()).isEqualTo("TST-01");
        assertThat(rule.title()).isEqualTo("测试规则");
        assertThat(rule.titleEn()).isEqualTo("Test rule");
        assertThat(rule.form()).isEqualTo(2);
        assertThat(rule.clauses()).containsExactly("M9", "M8");
        assertThat(rule.clause()).isEqualTo("M9,M8");
        assertThat(rule.basis()).isEqualTo("招标投标法 第二十四条 [V]");
        assertThat(rule.departments()).containsExactly("计财处", "审计处", "纪检组");
        assertThat(rule.combinedWith()).isEqualTo(new RuleMetadata.Combination(List.of("TEN-05", "TEN-06"), 2));
        assertThat(rule.file()).isEqualTo(FILE);
        assertThat(rule.line()).isEqualTo(lineOf(drl, "rule \"TST-01 short period\""));
        assertThat(ruleSet.version()).isEqualTo(source(FILE, drl).version());
        assertThat(ruleSet.thresholds().days("tender.min-bid-period.days")).isEqualTo(20);
    }

    @Test
    void withoutOptionalMetadataTitleEnAndCombinationAreAbsent() {
        RuleMetadata rule = compiler.compile(source(FILE, HEADER + rule("r", metadata("TST-01"))))
                .rule("TST-01").orElseThrow();

        assertThat(rule.titleEn()).isNull();
        assertThat(rule.combinedWith()).isNull();
    }

    @Test
    void clausesAndDepartmentsMayBeSeparatedByChineseCommas() {
        String meta = metadata("TST-01").replace("\"M9,M8\"", "\"M9，M8、M19\"")
                .replace("\"计财处,审计处,纪检组\"", "\"计财处、审计处\"");
        RuleMetadata rule = compiler.compile(source(FILE, HEADER + rule("r", meta))).rule("TST-01").orElseThrow();

        assertThat(rule.clauses()).containsExactly("M9", "M8", "M19");
        assertThat(rule.departments()).containsExactly("计财处", "审计处");
    }

    // ---------------------------------------------------------------- required metadata

    @ParameterizedTest
    @ValueSource(strings = { "id", "title", "form", "clause", "basis", "departments" })
    void eachRequiredMetadataMissingIsRefusedWithFileAndLine(String name) {
        String meta = metadata("TST-01").lines().filter(l -> !l.trim().startsWith("@" + name + "("))
                .map(l -> l + "\n").reduce("", String::concat);
        assertThat(meta).doesNotContain("@" + name + "(");
        String drl = HEADER + rule("TST-01 missing " + name, meta);

        RuleProblem problem = onlyProblem(source(FILE, drl));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(lineOf(drl, "rule \"TST-01 missing " + name + "\""));
        assertThat(problem.message()).contains("@" + name).contains("TST-01 missing " + name);
    }

    @Test
    void aBlankRequiredValueCountsAsMissing() {
        RuleProblem problem = onlyProblem(source(FILE,
                HEADER + rule("r", metadata("TST-01").replace("@basis(\"招标投标法 第二十四条 [V]\")", "@basis(\"  \")"))));

        assertThat(problem.message()).contains("@basis");
    }

    @Test
    void theProblemLineIsTheLineOfTheOffendingRuleNotTheFirstRule() {
        String drl = HEADER + rule("good", metadata("TST-01")) + "\n"
                + rule("bad", metadata("TST-02").replace("    @title(\"测试规则\")\n", ""));

        RuleProblem problem = onlyProblem(source(FILE, drl));

        assertThat(problem.line()).isEqualTo(lineOf(drl, "rule \"bad\"")).isGreaterThan(lineOf(drl, "rule \"good\""));
    }

    // ---------------------------------------------------------------- metadata values

    @ParameterizedTest
    @ValueSource(strings = { "0", "5", "-1" })
    void aFormOutsideOneToFourIsRefused(String form) {
        RuleProblem problem = onlyProblem(source(FILE, HEADER + rule("r", metadata("TST-01").replace("@form(2)", "@form(" + form + ")"))));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.message()).contains("@form");
    }

    @Test
    void formFourIsAllowedAsABaseForm() {
        RuleSet ruleSet = compiler.compile(source(FILE, HEADER + rule("r", metadata("TST-01").replace("@form(2)", "@form(4)"))));

        assertThat(ruleSet.rule("TST-01").orElseThrow().form()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = { "9", "M0", "M20", "M9,X1", "m9" })
    void aClauseThatIsNotAPlanMeasureIsRefused(String clause) {
        RuleProblem problem = onlyProblem(source(FILE, HEADER + rule("r", metadata("TST-01").replace("\"M9,M8\"", "\"" + clause + "\""))));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.message()).contains("@clause");
    }

    @Test
    void measuresOneToNineteenAreAccepted() {
        String all = String.join(",", java.util.stream.IntStream.rangeClosed(1, 19).mapToObj(i -> "M" + i).toList());
        RuleSet ruleSet = compiler.compile(source(FILE, HEADER + rule("r", metadata("TST-01").replace("\"M9,M8\"", "\"" + all + "\""))));

        assertThat(ruleSet.rule("TST-01").orElseThrow().clauses()).hasSize(19).startsWith("M1").endsWith("M19");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TST01", "tst-01", "TEST-1", "T-01" })
    void anIdThatIsNotACatalogueIdIsRefused(String id) {
        RuleProblem problem = onlyProblem(source(FILE, HEADER + rule("r", metadata(id))));

        assertThat(problem.message()).contains("@id");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TEN-05", "TEN-05:4", "TEN-05;2", "ten-05:2" })
    void aMalformedCombinationIsRefused(String combination) {
        RuleProblem problem = onlyProblem(source(FILE, HEADER + rule("r", metadata("TST-01")
                + "    @combinedWith(\"" + combination + "\")\n")));

        assertThat(problem.message()).contains("@combinedWith");
    }

    @Test
    void aMetadataExpressionIsRefusedBeforeAnythingRunsIt() {
        // Were this compiled, the JVM running the test would exit with status 7.
        String drl = HEADER + rule("r", metadata("TST-01") + "    @boom(java.lang.System.exit(7))\n");

        RuleProblem problem = onlyProblem(source(FILE, drl));

        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isEqualTo(lineOf(drl, "rule \"r\""));
        assertThat(problem.message()).contains("@boom");
    }

    @Test
    void noMetadataExpressionIsEvaluatedWhileCheckingTheRuleSet() {
        String key = "lianshao.test.metadata-ran-" + System.nanoTime();
        String expression = "java.lang.System.setProperty(\"" + key + "\", \"ran\")";
        SortedMap<String, String> files = new TreeMap<>();
        files.put("a.drl", HEADER + rule("a", metadata("TST-01") + "    @boom(" + expression + ")\n"));
        files.put("b.drl", HEADER + rule("b", metadata("TST-02") + "    @boom(x = " + expression + ")\n"));
        files.put("c.drl", HEADER + "rule \"c\" @kind(\"derivation\") @boom(" + expression + ")\nwhen\nthen\nend\n");

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(new RuleSource(files, THRESHOLDS)));

        assertThat(e.problems()).extracting(RuleProblem::file).containsExactly("a.drl", "b.drl", "c.drl");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.message()).contains("@boom"));
        assertThat(System.getProperty(key)).isNull();
    }

    // ---------------------------------------------------------------- compile problems

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        String drl = HEADER + """
                rule "r"
                    @id("TST-01")
                when
                    $t : Tender( procedure == "OPEN"
                then
                    hits.raise("x");
                end
                """;

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(FILE, drl)));

        assertThat(e.problems()).isNotEmpty();
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo(FILE);
        assertThat(problem.line()).isGreaterThan(lineOf(drl, "rule \"r\"")).isLessThanOrEqualTo((int) drl.lines().count());
        assertThat(e.getMessage()).contains(FILE + ":" + problem.line());
    }

    @Test
    void aJavaErrorInAConsequenceNamesTheFile() {
        String drl = HEADER + rule("TST-01 broken consequence", metadata("TST-01"), "Tender()", "int n = \"not a number\";");

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(FILE, drl)));

        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isGreaterThan(0);
        });
        assertThat(e.getMessage()).contains(FILE);
    }

    @Test
    void anUnknownFactTypeNamesTheFileAndLine() {
        String drl = HEADER + rule("r", metadata("TST-01"), "NoSuchFact()", "hits.raise(\"x\");");

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(FILE, drl)));

        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(FILE);
            assertThat(p.line()).isEqualTo(lineOf(drl, "NoSuchFact()"));
            assertThat(p.message()).contains("NoSuchFact");
        });
    }

    @Test
    void problemsOfEveryFileAreReportedTogether() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("a/one.drl", HEADER + rule("one", metadata("TST-01").replace("@form(2)", "@form(9)")));
        files.put("b/two.drl", HEADER + rule("two", metadata("TST-02").replace("    @basis(\"招标投标法 第二十四条 [V]\")\n", "")));
        files.put("c/three.drl", HEADER + rule("three", metadata("TST-03")));

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(new RuleSource(files, THRESHOLDS)));

        assertThat(e.problems()).extracting(RuleProblem::file).containsExactly("a/one.drl", "b/two.drl");
    }

    // ---------------------------------------------------------------- shared ids

    @Test
    void twoRulesSharingAnIdWithDifferentMetadataAreRefused() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("a.drl", HEADER + rule("first", metadata("TST-01")));
        String second = HEADER + rule("second", metadata("TST-01").replace("@form(2)", "@form(3)"));
        files.put("b.drl", second);

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(new RuleSource(files, THRESHOLDS)));

        assertThat(e.problems()).hasSize(1);
        RuleProblem problem = e.problems().get(0);
        assertThat(problem.file()).isEqualTo("b.drl");
        assertThat(problem.line()).isEqualTo(lineOf(second, "rule \"second\""));
        assertThat(problem.message()).contains("TST-01").contains("a.drl");
    }

    @ParameterizedTest
    @ValueSource(strings = { "@title(\"测试规则\")=@title(\"另一个标题\")", "@clause(\"M9,M8\")=@clause(\"M9\")",
            "@basis(\"招标投标法 第二十四条 [V]\")=@basis(\"另一依据 [S]\")",
            "@departments(\"计财处,审计处,纪检组\")=@departments(\"纪检组\")" })
    void anyDifferenceInTheSharedMetadataIsRefused(String change) {
        String[] parts = change.split("=", 2);
        String drl = HEADER + rule("first", metadata("TST-01")) + "\n"
                + rule("second", metadata("TST-01").replace(parts[0], parts[1]));
        assertThat(drl).contains(parts[1]);

        assertThat(onlyProblem(source(FILE, drl)).message()).contains("TST-01");
    }

    @Test
    void aCombinationOnOnlyOneOfTwoRulesSharingAnIdIsRefused() {
        String drl = HEADER + rule("first", metadata("TST-01")) + "\n"
                + rule("second", metadata("TST-01") + "    @combinedWith(\"TEN-05:3\")\n");

        assertThat(onlyProblem(source(FILE, drl)).message()).contains("TST-01");
    }

    @Test
    void aFamilyOfRulesWithTheSameMetadataIsOneCatalogueRule() {
        String drl = HEADER + rule("TST-01 one way", metadata("TST-01"), "Tender( procedure == \"OPEN\" )", "hits.raise(\"a\");")
                + "\n" + rule("TST-01 another way", metadata("TST-01"), "Tender( procedure == \"INVITED\" )", "hits.raise(\"b\");");

        RuleSet ruleSet = compiler.compile(source(FILE, drl));

        assertThat(ruleSet.rulesById()).containsOnlyKeys("TST-01");
        assertThat(ruleSet.rule("TST-01").orElseThrow().line()).isEqualTo(lineOf(drl, "rule \"TST-01 one way\""));
        assertThat(ruleSet.kieBase().getKiePackage("lianshao.rules.test").getRules()).hasSize(2);
    }

    // ---------------------------------------------------------------- derivation rules

    @Test
    void aDerivationRuleNeedsNoCatalogueMetadata() {
        String drl = HEADER + """
                declare Flag
                    name : String
                end

                rule "derive a flag"
                    @kind("derivation")
                when
                    Tender( $p : procedure )
                then
                    insert(new Flag($p));
                end
                """ + rule("r", metadata("TST-01"), "Flag()", "hits.raise(\"flag\");");

        // this is about metadata only
        RuleSet ruleSet = UncheckedRuleCompiler.create().compile(source(FILE, drl));

        assertThat(ruleSet.rulesById()).containsOnlyKeys("TST-01");
        assertThat(ruleSet.kieBase().getKiePackage("lianshao.rules.test").getRules())
                .extracting(org.kie.api.definition.rule.Rule::getName).contains("derive a flag", "r");
    }

    @Test
    void anotherKindIsNotADerivationAndNeedsMetadata() {
        String drl = HEADER + "rule \"helper\"\n    @kind(\"helper\")\nwhen\nthen\nend\n";

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source(FILE, drl)));

        assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("@id"));
    }

    // ---------------------------------------------------------------- versions

    @Test
    void theVersionDependsOnlyOnTheContent() {
        String drl = HEADER + rule("r", metadata("TST-01"));
        RuleSource a = source(FILE, drl);
        RuleSource same = source(FILE, new String(drl.toCharArray()));

        assertThat(a.version()).isEqualTo(same.version()).startsWith("rs-").hasSize(15);
        assertThat(compiler.compile(a).version()).isEqualTo(compiler.compile(same).version()).isEqualTo(a.version());
    }

    // ---------------------------------------------------------------- rule bases built once per content

    @Test
    void theSameRulesAreBuiltOnceAndShareTheirRuleBaseWhateverTheThresholds() {
        String drl = HEADER + "// " + System.nanoTime() + "\n" + rule("r", metadata("TST-01"));
        long before = RuleCompiler.builds();

        RuleSet first = compiler.compile(source(FILE, drl));
        RuleSet again = compiler.compile(new RuleSource(files(FILE, new String(drl.toCharArray())), "tender.min-bid-period.days=21\n"));

        assertThat(RuleCompiler.builds() - before).isEqualTo(1);
        assertThat(again.kieBase()).isSameAs(first.kieBase());
        assertThat(again.version()).isNotEqualTo(first.version());
        assertThat(again.thresholds().days("tender.min-bid-period.days")).isEqualTo(21);
    }

    @Test
    void changedRulesAreBuiltAnewAndTheirRuleBaseHoldsOnlyTheNewRules() {
        String drl = HEADER + "// " + System.nanoTime() + "\n" + rule("r", metadata("TST-01"));
        RuleSet first = compiler.compile(source(FILE, drl));
        long before = RuleCompiler.builds();

        RuleSet renamed = compiler.compile(source(FILE, drl.replace("rule \"r\"", "rule \"r2\"")));
        RuleSet moved = compiler.compile(source("tender/TST-01-moved.drl", drl));

        assertThat(RuleCompiler.builds() - before).isEqualTo(2);
        assertThat(renamed.kieBase()).isNotSameAs(first.kieBase());
        assertThat(renamed.kieBase().getRule("lianshao.rules.test", "r2")).isNotNull();
        assertThat(renamed.kieBase().getRule("lianshao.rules.test", "r")).isNull();
        assertThat(moved.kieBase()).isNotSameAs(first.kieBase()).isNotSameAs(renamed.kieBase());
    }

    @Test
    void theVersionChangesWithAFileItsNameOrTheThresholds() {
        String drl = HEADER + rule("r", metadata("TST-01"));
        String base = source(FILE, drl).version();

        assertThat(source(FILE, drl + "\n// a comment\n").version()).isNotEqualTo(base);
        assertThat(source("tender/TST-01-renamed.drl", drl).version()).isNotEqualTo(base);
        assertThat(new RuleSource(files(FILE, drl), THRESHOLDS + "other=1\n").version()).isNotEqualTo(base);
        assertThat(new RuleSource(files(FILE, drl), "tender.min-bid-period.days=21\n").version()).isNotEqualTo(base);
        SortedMap<String, String> more = files(FILE, drl);
        more.put("z.drl", HEADER);
        assertThat(new RuleSource(more, THRESHOLDS).version()).isNotEqualTo(base);
    }

    // ---------------------------------------------------------------- thresholds

    @Test
    void thresholdsAreReadFromTheThresholdsText() {
        RuleSource source = new RuleSource(files(FILE, HEADER + rule("r", metadata("TST-01"))), """
                # comment
                procurement.open-tender.threshold=2000000
                procurement.open-tender.threshold.测试高标准区=3000000
                brands = 联想, 戴尔 ,,惠普
                ratio=1.3
                """);

        Thresholds thresholds = compiler.compile(source).thresholds();

        assertThat(thresholds.district()).isNull();
        assertThat(thresholds.amount("procurement.open-tender.threshold")).isEqualByComparingTo("2000000");
        assertThat(thresholds.in("测试高标准区").amount("procurement.open-tender.threshold")).isEqualByComparingTo("3000000");
        assertThat(thresholds.words("brands")).containsExactly("联想", "戴尔", "惠普");
        assertThat(thresholds.ratio("ratio")).isEqualByComparingTo("1.3");
    }

    @Test
    void aDistrictOverrideWinsOnlyInItsDistrict() {
        Thresholds thresholds = new Thresholds(Map.of("days", "20", "days.东城区", " 25 ", "amount", "100"));

        assertThat(thresholds.days("days")).isEqualTo(20);
        assertThat(thresholds.in("东城区").days("days")).isEqualTo(25);
        assertThat(thresholds.in("西城区").days("days")).isEqualTo(20);
        assertThat(thresholds.in(null).days("days")).isEqualTo(20);
        // a key without an override falls back in every district
        assertThat(thresholds.in("东城区").amount("amount")).isEqualTo(new BigDecimal("100"));
        assertThat(thresholds.in("东城区").district()).isEqualTo("东城区");
        assertThat(thresholds.district()).isNull();
    }

    @Test
    void aKeyThatIsNotConfiguredIsAnError() {
        Thresholds thresholds = new Thresholds(Map.of("days.东城区", "25"));

        assertThatThrownBy(() -> thresholds.count("missing.key"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.key");
        // an override alone does not configure the general key
        assertThatThrownBy(() -> thresholds.days("days")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days");
        assertThatThrownBy(() -> thresholds.in("西城区").days("days")).isInstanceOf(IllegalArgumentException.class);
        assertThat(thresholds.in("东城区").days("days")).isEqualTo(25);
    }

    @Test
    void anUnreadableThresholdsFileIsAProblemOfThatFile() {
        RuleSource source = new RuleSource(files(FILE, HEADER + rule("r", metadata("TST-01"))), "bad=\\uZZZZ\n");

        RuleProblem problem = onlyProblem(source);

        assertThat(problem.file()).isEqualTo(RuleSource.THRESHOLDS_FILE);
    }

    // ---------------------------------------------------------------- helpers

    private RuleProblem onlyProblem(RuleSource source) {
        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(source));
        assertThat(e).as("the rule set should have been refused").isNotNull();
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains(e.problems().get(0).toString());
        return e.problems().get(0);
    }

    private static String metadata(String id) {
        return """
                    @id("%s")
                    @title("测试规则")
                    @form(2)
                    @clause("M9,M8")
                    @basis("招标投标法 第二十四条 [V]")
                    @departments("计财处,审计处,纪检组")
                """.formatted(id);
    }

    private static String rule(String name, String metadata) {
        return rule(name, metadata, "$t : Tender( current )", "hits.raise(\"命中\").subject($t.approverRef());");
    }

    private static String rule(String name, String metadata, String when, String then) {
        return "rule \"" + name + "\"\n" + metadata + "when\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    private static RuleSource source(String file, String drl) {
        return new RuleSource(files(file, drl), THRESHOLDS);
    }

    private static SortedMap<String, String> files(String file, String drl) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(file, drl);
        return files;
    }

    /** 1-based line of the first line containing the text. */
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
