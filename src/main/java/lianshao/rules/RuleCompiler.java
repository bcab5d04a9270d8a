package lianshao.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.internal.builder.conf.LanguageLevelOption;

import lianshao.facts.Thresholds;

/**
 * Turns a {@link RuleSource} into a {@link RuleSet}: parses every file first (parsing evaluates
 * nothing) and checks metadata, then compiles all files in one build. Every problem of every file is
 * reported with its file, line and reason.
 */
public final class RuleCompiler {

    private static final String RESOURCE_ROOT = "src/main/resources/lianshao/rules/";
    /** Compiler messages name the resource relative to the resources folder. */
    private static final String PACKAGE_ROOT = "lianshao/rules/";
    private static final Pattern LINE_COLUMN = Pattern.compile("\\[?Line:? ?(\\d+)[:,] ?(?:Column:? ?)?(\\d+)");
    private static final AtomicLong BUILDS = new AtomicLong();
    /** Suffix of the resource a decision table's generated DRL is built from. */
    private static final String GENERATED = ".generated.drl";

    private final DrlSafetyCheck safety;

    /** A compiler that checks every rule set with the default {@link SafetyLimits}. */
    public RuleCompiler() {
        this(SafetyLimits.DEFAULT);
    }

    public RuleCompiler(SafetyLimits limits) {
        this(new DrlSafetyCheck(limits));
    }

    private RuleCompiler(DrlSafetyCheck safety) {
        this.safety = safety;
    }

    /**
     * A compiler that skips the safety check, for tests of the engine itself (budgets, declared types):
     * never for rules that anyone can edit.
     */
    /** Builds started so far in this JVM: lets tests prove a refused rule set never reached the builder. */
    static long builds() {
        return BUILDS.get();
    }

    static RuleCompiler withoutSafetyCheck() {
        return new RuleCompiler((DrlSafetyCheck) null);
    }

    /**
     * Checks and compiles. The safety check runs on the parsed text of every file before anything is
     * built: an unsafe rule set never reaches the builder, so none of its code runs.
     */
    public RuleSet compile(RuleSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleMetadata> rulesById = new HashMap<>();
        Map<String, RuleValidity> validity = new HashMap<>();
        int[] rules = {0};
        // decision tables become DRL text first: everything after this sees only DRL, checked the same way
        SortedMap<String, String> drl = new TreeMap<>();
        Map<String, DecisionTables.Generated> origins = new HashMap<>();
        // every file is parsed before any is checked: a file may use the types another of its package declares
        Map<String, PackageDescr> parsed = new java.util.LinkedHashMap<>();
        source.drlFiles().forEach((file, text) -> {
            String body = text;
            if (DecisionTables.isTable(file)) {
                DecisionTables.Generated generated = DecisionTables.toDrl(file, text, problems);
                if (generated == null) {
                    return;
                }
                body = generated.drl();
                origins.put(file, generated);
            }
            int before = problems.size();
            PackageDescr pkg = parse(file, body, problems);
            if (pkg != null) {
                parsed.put(file, pkg);
            }
            markOrigin(problems, before, origins.get(file));
            drl.put(file, body);
        });
        int beforeDeclarations = problems.size();
        Map<String, DeclaredType> declared = safety == null ? Map.of() : safety.declarations(parsed, problems);
        for (int i = beforeDeclarations; i < problems.size(); i++) {
            markOrigin(problems, i, i + 1, origins.get(problems.get(i).file()));
        }
        parsed.forEach((file, pkg) -> {
            int before = problems.size();
            rules[0] += checkFile(file, drl.get(file), pkg, declared, problems, rulesById, validity);
            markOrigin(problems, before, origins.get(file));
        });
        if (safety != null) {
            safety.checkRuleCount(rules[0], problems);
        }
        Thresholds thresholds;
        try {
            thresholds = new Thresholds(source.thresholds());
        } catch (RuntimeException e) {
            problems.add(new RuleProblem(RuleSource.THRESHOLDS_FILE, 0, 0, e.getMessage()));
            thresholds = null;
        }
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        KieBase kieBase = build(source.version(), drl, problems);
        origins.forEach((file, origin) -> {
            for (int i = 0; i < problems.size(); i++) {
                RuleProblem p = problems.get(i);
                if (p.file().equals(file)) {
                    problems.set(i, new RuleProblem(p.file(), p.line(), p.column(), origin.origin(p.message())));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        return new RuleSet(source.version(), kieBase, Map.copyOf(rulesById), thresholds, Map.copyOf(validity));
    }

    /** Checks the text of one file and parses it; null when it is refused or cannot be read at all. */
    private PackageDescr parse(String file, String text, List<RuleProblem> problems) {
        if (safety != null && !safety.checkText(file, text, problems)) {
            return null;
        }
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(true, new StringReader(text));
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, 0, 0, e.getMessage()));
            return null;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow() : firstLine(error);
                int column = error instanceof ParserError p ? p.getCol() : 0;
                problems.add(new RuleProblem(file, line, column, "DRL 语法错误：" + error.getMessage() + " / DRL syntax error: " + error.getMessage()));
            }
        }
        return pkg;
    }

    /** Checks one parsed file and reads its metadata; returns how many rules it holds. */
    private int checkFile(String file, String text, PackageDescr pkg, Map<String, DeclaredType> declared, List<RuleProblem> problems,
            Map<String, RuleMetadata> rulesById, Map<String, RuleValidity> validity) {
        if (safety != null) {
            safety.checkPackage(file, text, pkg, declared, problems);
        }
        for (RuleDescr rule : pkg.getRules()) {
            int before = problems.size();
            RuleMetadata metadata = RuleMetadataReader.read(file, rule, problems);
            if (problems.size() == before) {
                RuleValidity dates = RuleMetadataReader.validity(file, rule, problems);
                if (dates != null) {
                    validity.put(RuleValidity.key(pkg.getName(), rule.getName()), dates);
                }
            }
            if (metadata == null) {
                continue;
            }
            RuleMetadata earlier = rulesById.putIfAbsent(metadata.id(), metadata);
            if (earlier != null && !sameDeclaration(earlier, metadata)) {
                problems.add(new RuleProblem(file, rule.getLine(), 0, "规则 \"" + rule.getName() + "\": @id "
                        + metadata.id() + " 已在 " + earlier.file() + ":" + earlier.line()
                        + " 以不同的元数据声明 / rules sharing an id must declare the same metadata"));
            }
        }
        return pkg.getRules().size();
    }

    /** Problems from {@code from} on found in a table's generated DRL say so. */
    private static void markOrigin(List<RuleProblem> problems, int from, DecisionTables.Generated origin) {
        markOrigin(problems, from, problems.size(), origin);
    }

    private static void markOrigin(List<RuleProblem> problems, int from, int to, DecisionTables.Generated origin) {
        if (origin == null) {
            return;
        }
        for (int i = from; i < to; i++) {
            RuleProblem p = problems.get(i);
            problems.set(i, new RuleProblem(p.file(), p.line(), p.column(), origin.origin(p.message())));
        }
    }

    /** Rules of one family may share an id, provided they say the same about it. */
    private static boolean sameDeclaration(RuleMetadata a, RuleMetadata b) {
        return a.title().equals(b.title()) && a.form() == b.form() && a.clauses().equals(b.clauses())
                && a.basis().equals(b.basis()) && a.departments().equals(b.departments())
                && java.util.Objects.equals(a.combinedWith(), b.combinedWith());
    }

    /** The rule base of the checked DRL texts: built already in this JVM, or now. */
    private KieBase build(String version, SortedMap<String, String> drl, List<RuleProblem> problems) {
        return BuiltRuleBases.get(drl, () -> buildNew(version, drl, problems));
    }

    /** Builds the checked DRL texts; a table's generated text is written as {@code <table path>.generated.drl}. */
    private KieBase buildNew(String version, SortedMap<String, String> drl, List<RuleProblem> problems) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("lianshao", "ruleset-" + version,
                "1.0." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(releaseId);
        drl.forEach((file, text) -> files.write(RESOURCE_ROOT + file + (DecisionTables.isTable(file) ? GENERATED : ""), text));
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = sourceFile(message.getPath());
            int line = message.getLine();
            int column = message.getColumn();
            Matcher m = LINE_COLUMN.matcher(message.getText());
            if (m.find()) {
                line = line > 0 ? line : Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
            problems.add(new RuleProblem(path, line, column, "编译错误：" + message.getText().trim() + " / compile error: " + message.getText().trim()));
        }
        if (!problems.isEmpty()) {
            services.getRepository().removeKieModule(releaseId);
            return null;
        }
        try {
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            // the rule base stays usable; the repository need not keep every build
            services.getRepository().removeKieModule(releaseId);
        }
    }

    /** The file as the rule source names it, whichever form of the written path the message carries. */
    private static String sourceFile(String path) {
        if (path == null) {
            return "";
        }
        if (path.endsWith(DecisionTables.SUFFIX + GENERATED)) {
            path = path.substring(0, path.length() - GENERATED.length());
        }
        if (path.startsWith(RESOURCE_ROOT)) {
            return path.substring(RESOURCE_ROOT.length());
        }
        return path.startsWith(PACKAGE_ROOT) ? path.substring(PACKAGE_ROOT.length()) : path;
    }

    private static int firstLine(DroolsError error) {
        int[] lines = error.getLines();
        return lines == null || lines.length == 0 ? 0 : lines[0];
    }
}
