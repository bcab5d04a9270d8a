package lianshao.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import lianshao.support.Hashing;

/**
 * The text of a rule set: DRL files and decision tables ({@code *.drl.xlsx} as {@code base64:...} text) by
 * relative path, and the thresholds file. Its version is a hash
 * of the whole content, so the same rules always carry the same version on every instance.
 */
public record RuleSource(SortedMap<String, String> drlFiles, String thresholdsText) {

    public static final String THRESHOLDS_FILE = "thresholds.properties";

    public static RuleSource readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RuleSetInvalidException(java.util.List.of(new RuleProblem(folder.toString(), 0, 0,
                    "规则目录不存在 / rules folder not found (set lianshao.rules.location)")));
        }
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(p -> isRuleFile(p.toString()) && Files.isRegularFile(p)).toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                files.put(relative, RuleFiles.read(path, relative));
            }
            Path thresholds = folder.resolve(THRESHOLDS_FILE);
            String thresholdsText = Files.exists(thresholds) ? Files.readString(thresholds, StandardCharsets.UTF_8) : "";
            return new RuleSource(files, thresholdsText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules from " + folder, e);
        }
    }

    /** The rule source of stored rule-set files (test files are not part of it). */
    public static RuleSource fromFiles(Map<String, String> files) {
        SortedMap<String, String> drl = new TreeMap<>();
        files.forEach((path, text) -> {
            if (isRuleFile(path)) {
                drl.put(path, text);
            }
        });
        return new RuleSource(drl, files.getOrDefault(THRESHOLDS_FILE, ""));
    }

    /** A file holding rules: DRL text, or a decision table ({@code *.drl.xlsx}, stored as Base64 text). */
    public static boolean isRuleFile(String path) {
        return path.endsWith(".drl") || DecisionTables.isTable(path);
    }

    /** The version hashes the stored text of every file, so a table's Base64 content counts too. */
    public String version() {
        StringBuilder all = new StringBuilder();
        drlFiles.forEach((path, text) -> all.append(path).append('\0').append(text).append('\0'));
        all.append(THRESHOLDS_FILE).append('\0').append(thresholdsText);
        return "rs-" + Hashing.sha256Hex(all.toString()).substring(0, 12);
    }

    public Map<String, String> thresholds() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(thresholdsText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return Map.copyOf(values);
    }
}
