package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.authoring.CaseResult;
import lianshao.authoring.RuleTestCase;
import lianshao.authoring.RuleTestFiles;
import lianshao.authoring.RuleTestRunner;
import lianshao.contract.ContractValidator;
import lianshao.evaluation.Evaluator;
import lianshao.evaluation.FactMapper;

/**
 * Spreadsheet decision tables: converted to DRL, then the same safety check, metadata checks and build
 * as hand-written DRL; problems named by the table's path.
 */
class DecisionTableTest {

    private static final Path RULES = Path.of("rules");
    private static final Path TABLE = RULES.resolve(MandatoryTenderTable.PATH);
    private static final String TEST_FILE = "tender/TEN-01-mandatory-tender.test.json";

    private static String thresholdsText;
    private static Evaluator evaluator;
    private static RuleTestRunner runner;
    private final RuleCompiler compiler = new RuleCompiler();

    @BeforeAll
    static void setUp() throws Exception {
        thresholdsText = Files.readString(RULES.resolve(RuleSource.THRESHOLDS_FILE), StandardCharsets.UTF_8);
        evaluator = new Evaluator(new RulesSettings(RULES, 10_000, Duration.ofSeconds(5)), new SimpleMeterRegistry());
        runner = new RuleTestRunner(evaluator, new FactMapper(), new ContractValidator());
    }

    @AfterAll
    static void close() {
        evaluator.close();
    }

    // ---------------------------------------------------------------- the example table

    @Test
    void theExampleTableCompilesAloneAndEveryTen01CasePasses() throws Exception {
        RuleSet ruleSet = compiler.compile(source(MandatoryTenderTable.PATH, DecisionTables.encode(Files.readAllBytes(TABLE))));

        RuleMetadata ten01 = ruleSet.rule("TEN-01").orElseThrow();
        assertThat(ten01.file()).isEqualTo(MandatoryTenderTable.PATH);
        assertThat(ten01.title()).isEqualTo("应招未招");
        assertThat(ten01.form()).isEqualTo(2);
        assertThat(ten01.clauses()).containsExactly("M9", "M8", "M3");
        assertThat(ten01.departments()).containsExactly("计财处", "审计处", "法规处", "纪检组");

        List<RuleTestCase> cases = RuleTestFiles.read(RULES, RULES.resolve(TEST_FILE));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(12);
        for (RuleTestCase c : cases) {
            CaseResult result = runner.run(ruleSet, c);
            assertThat(result.failures()).as(c.name()).isEmpty();
        }
    }

    @Test
    void theFolderReadsTheTableAsBase64AndTheVersionCoversItsBytes() throws Exception {
        RuleSource folder = RuleSource.readFolder(RULES);
        String stored = folder.drlFiles().get(MandatoryTenderTable.PATH);
        assertThat(stored).startsWith(DecisionTables.BASE64_PREFIX);
        assertThat(DecisionTables.decode(stored)).isEqualTo(Files.readAllBytes(TABLE));
        assertThat(RuleFiles.readFolder(RULES)).containsEntry(MandatoryTenderTable.PATH, stored);
        assertThat(RuleFiles.isRuleSetFile(MandatoryTenderTable.PATH)).isTrue();
        assertThat(RuleSource.fromFiles(Map.of(MandatoryTenderTable.PATH, stored)).drlFiles()).containsKey(MandatoryTenderTable.PATH);

        SortedMap<String, String> changed = new TreeMap<>(folder.drlFiles());
        changed.put(MandatoryTenderTable.PATH, DecisionTables.encode(table(List.of(
                new Object[] {"CONSTRUCTION", 4_000_000L}, new Object[] {"GOODS", 2_000_000L}, new Object[] {"SERVICES", 1_500_000L}))));
        assertThat(new RuleSource(changed, folder.thresholdsText()).version()).isNotEqualTo(folder.version());
    }

    /** The checked-in file is what {@link MandatoryTenderTable} writes (compared as generated DRL: xlsx bytes carry a date). */
    @Test
    void theCheckedInTableIsTheGeneratedOne() throws Exception {
        List<RuleProblem> problems = new ArrayList<>();
        String checkedIn = DecisionTables.toDrl(MandatoryTenderTable.PATH, DecisionTables.encode(Files.readAllBytes(TABLE)), problems).drl();
        String generated = DecisionTables.toDrl(MandatoryTenderTable.PATH, DecisionTables.encode(
                MandatoryTenderTable.bytes(MandatoryTenderTable.IMPORTS, MandatoryTenderTable.ACTION)), problems).drl();
        assertThat(problems).isEmpty();
        assertThat(checkedIn).isEqualTo(generated).contains("@id(\"TEN-01\")").contains("global Hits hits;");
    }

    /** TEN-02 and TEN-03 still read tender.mandatory.*: the table's amounts must be the same. */
    @Test
    void theTableThresholdsAgreeWithThoseTen02AndTen03Read() {
        Map<String, String> thresholds = new RuleSource(new TreeMap<>(), thresholdsText).thresholds();
        for (Object[] row : MandatoryTenderTable.ROWS) {
            String key = "tender.mandatory." + row[0].toString().toLowerCase(java.util.Locale.ROOT);
            assertThat(thresholds.get(key)).as(key).isEqualTo(row[1].toString());
        }
    }

    // ---------------------------------------------------------------- refused tables

    static List<Arguments> unsafeTables() {
        return List.of(
                Arguments.of("System.exit in an action cell", MandatoryTenderTable.IMPORTS, "Hits hits",
                        "hits.raise(\"$param\"); System.exit(1);", "one statement"),
                Arguments.of("System.exit as the whole action", MandatoryTenderTable.IMPORTS, "Hits hits",
                        "System.exit(1); // $param", "hits.raise"),
                Arguments.of("a disallowed import in the settings", "java.io.File, lianshao.facts.*", "Hits hits",
                        MandatoryTenderTable.ACTION, "java.io.File"),
                Arguments.of("another global in the variables", MandatoryTenderTable.IMPORTS, "Hits hits, java.lang.Runtime runtime",
                        MandatoryTenderTable.ACTION, "global"),
                // ordinary-looking calls from a value of the fact to java.lang.Class, a resource and a file
                Arguments.of("an action cell reading a file through an enum's class", MandatoryTenderTable.IMPORTS, "Hits hits",
                        "hits.raise(\"$param\").evidence(\"env\", $t.occurredOn().getDayOfWeek().getDeclaringClass()"
                                + ".getResource(\"DayOfWeek.class\").toURI().resolve(\"file:///proc/self/environ\").toURL()"
                                + ".openStream().readAllBytes());", "LocalDate.getDayOfWeek()"),
                Arguments.of("an action cell exhausting the heap", MandatoryTenderTable.IMPORTS, "Hits hits",
                        "hits.raise($t.projectName().repeat($param));", "String.repeat(int)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeTables")
    void anUnsafeTableIsRefusedByTheSafetyCheckUnderItsOwnPathBeforeAnyBuild(String name, String imports, String variables,
            String action, String reason) {
        long builds = RuleCompiler.builds();
        byte[] bytes = MandatoryTenderTable.bytes(imports, variables, action, MandatoryTenderTable.ROWS);

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(source(MandatoryTenderTable.PATH, DecisionTables.encode(bytes))));

        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(MandatoryTenderTable.PATH);
            assertThat(p.message()).contains("generated from sheet " + MandatoryTenderTable.SHEET);
        });
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains(reason));
        assertThat(RuleCompiler.builds()).as("never reached the builder").isEqualTo(builds);
    }

    static List<Arguments> malformedTables() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("只是一张普通表格");
            book.write(empty);
        }
        return List.of(
                Arguments.of("not base64-prefixed text", "rule \"x\" when then end", "base64:"),
                Arguments.of("invalid base64", "base64:***", "Base64"),
                Arguments.of("random bytes", DecisionTables.encode("PK\u0003\u0004 garbage".getBytes(StandardCharsets.ISO_8859_1)),
                        "not a readable spreadsheet"),
                Arguments.of("a zip that is no workbook", DecisionTables.encode(zip.toByteArray()), "not a readable spreadsheet"),
                Arguments.of("a workbook without a RuleTable", DecisionTables.encode(empty.toByteArray()), "RuleTable"),
                Arguments.of("a RuleTable with a condition but no object type or snippet rows",
                        DecisionTables.encode(brokenTable()), "sheet Broken"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTables")
    void aMalformedTableIsRefusedWithAClearProblem(String name, String stored, String reason) {
        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class,
                () -> compiler.compile(source(MandatoryTenderTable.PATH, stored)));

        assertThat(e).as(name).isNotNull();
        assertThat(e.problems()).first().satisfies(p -> {
            assertThat(p.file()).isEqualTo(MandatoryTenderTable.PATH);
            assertThat(p.message()).contains(reason);
        });
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] table(List<Object[]> rows) {
        return MandatoryTenderTable.bytes(MandatoryTenderTable.IMPORTS, "Hits hits", MandatoryTenderTable.ACTION, rows);
    }

    private static byte[] brokenTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("Broken");
            sheet.createRow(0).createCell(0).setCellValue("RuleSet");
            sheet.getRow(0).createCell(1).setCellValue("lianshao.rules.broken");
            sheet.createRow(2).createCell(0).setCellValue("RuleTable Broken");
            var header = sheet.createRow(3);
            header.createCell(0).setCellValue("CONDITION");
            header.createCell(1).setCellValue("NOT-A-COLUMN-TYPE");
            book.write(out);
        }
        return out.toByteArray();
    }

    private static RuleSource source(String file, String text) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(file, text);
        return new RuleSource(files, thresholdsText);
    }
}
