package lianshao.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    public RuleSet compile(RuleSource source) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, RuleMetadata> rulesById = new HashMap<>();
        source.drlFiles().forEach((file, text) -> checkFile(file, text, problems, rulesById));
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
        KieBase kieBase = build(source, problems);
        if (!problems.isEmpty()) {
            throw new RuleSetInvalidException(problems);
        }
        return new RuleSet(source.version(), kieBase, Map.copyOf(rulesById), thresholds);
    }

    private void checkFile(String file, String text, List<RuleProblem> problems, Map<String, RuleMetadata> rulesById) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr pkg;
        try {
            pkg = parser.parse(true, new StringReader(text));
        } catch (DroolsParserException e) {
            problems.add(new RuleProblem(file, 0, 0, e.getMessage()));
            return;
        }
        if (parser.hasErrors() || pkg == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow() : firstLine(error);
                int column = error instanceof ParserError p ? p.getCol() : 0;
                problems.add(new RuleProblem(file, line, column, error.getMessage()));
            }
            if (pkg == null) {
                return;
            }
        }
        for (RuleDescr rule : pkg.getRules()) {
            RuleMetadata metadata = RuleMetadataReader.read(file, rule, problems);
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
    }

    /** Rules of one family may share an id, provided they say the same about it. */
    private static boolean sameDeclaration(RuleMetadata a, RuleMetadata b) {
        return a.title().equals(b.title()) && a.form() == b.form() && a.clauses().equals(b.clauses())
                && a.basis().equals(b.basis()) && a.departments().equals(b.departments())
                && java.util.Objects.equals(a.combinedWith(), b.combinedWith());
    }

    private KieBase build(RuleSource source, List<RuleProblem> problems) {
        KieServices services = KieServices.Factory.get();
        KieFileSystem files = services.newKieFileSystem();
        ReleaseId releaseId = services.newReleaseId("lianshao", "ruleset-" + source.version(),
                "1.0." + BUILDS.incrementAndGet());
        files.generateAndWritePomXML(releaseId);
        source.drlFiles().forEach((file, text) -> files.write(RESOURCE_ROOT + file, text));
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
            problems.add(new RuleProblem(path, line, column, message.getText().trim()));
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
