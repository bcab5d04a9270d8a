package lianshao.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files a rule set is made of, by relative path: the DRL files, decision tables ({@code *.drl.xlsx},
 * held as {@code base64:...} text), {@code thresholds.properties} and the rule test files
 * ({@code *.test.json}). This is the form stored for each version.
 */
public final class RuleFiles {

    public static final String TEST_SUFFIX = ".test.json";
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-.]+)*|[A-Za-z0-9_\\-.]+");

    private RuleFiles() {
    }

    /** Every rule-set file under the folder. */
    public static SortedMap<String, String> readFolder(Path folder) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (isRuleSetFile(relative)) {
                    files.put(relative, read(path, relative));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + folder, e);
        }
    }

    /** The stored text of a file: UTF-8 text, or {@code base64:...} for a decision table (binary). */
    static String read(Path path, String relative) throws IOException {
        return DecisionTables.isTable(relative) ? DecisionTables.encode(Files.readAllBytes(path))
                : Files.readString(path, StandardCharsets.UTF_8);
    }

    /**
     * A path a rule set may hold: relative, no {@code ..}, a DRL, decision table ({@code .drl.xlsx}), test
     * or the thresholds file.
     */
    public static boolean isRuleSetFile(String path) {
        return path != null && path.length() <= 255 && SAFE_PATH.matcher(path).matches() && !path.contains("..")
                && (RuleSource.isRuleFile(path) || path.endsWith(TEST_SUFFIX) || path.equals(RuleSource.THRESHOLDS_FILE));
    }

    public static boolean isTestFile(String path) {
        return path.endsWith(TEST_SUFFIX);
    }
}
