package lianshao.contract;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares rendered text with a committed golden file under {@code src/test/resources/golden/}. With
 * {@code -Dgolden.update=true} the file is rewritten instead; otherwise a difference fails with the file's
 * name, the first differing lines and how to accept the new output.
 */
final class GoldenFiles {

    static final Path ROOT = Path.of("src/test/resources/golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final int SHOWN = 12;

    private GoldenFiles() {
    }

    /** Checks one file and fails at once on a difference. */
    static void check(String relative, String actual) {
        Checks checks = new Checks();
        checks.check(relative, actual);
        checks.verify();
    }

    /** Checks several files and then fails once, naming every file that differs. */
    static final class Checks {

        private final List<String> failures = new ArrayList<>();

        void check(String relative, String actual) {
            compare(relative, actual).ifPresent(failures::add);
        }

        void verify() {
            if (!failures.isEmpty()) {
                fail(String.join("\n\n", failures) + "\n\nIf the change is intended, run: " + howToUpdate()
                        + " and commit the golden files.");
            }
        }
    }

    private static java.util.Optional<String> compare(String relative, String actual) {
        Path file = ROOT.resolve(relative);
        String text = actual.endsWith("\n") ? actual : actual + "\n";
        try {
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                }
                return java.util.Optional.empty();
            }
            if (!Files.exists(file)) {
                return java.util.Optional.of("golden file " + file + " is missing");
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            return expected.equals(text) ? java.util.Optional.empty()
                    : java.util.Optional.of(file + " differs from today's output:\n" + diff(expected, text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String howToUpdate() {
        return "mvn -B -ntp test -Dtest='DomainGoldenTest,RuleTestContextsGoldenTest' -Dgolden.update=true";
    }

    /** The first differing lines, numbered, golden ({@code -}) against today's ({@code +}). */
    static String diff(String expected, String actual) {
        List<String> a = expected.lines().toList();
        List<String> b = actual.lines().toList();
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<String> out = new ArrayList<>();
        out.add("first difference at line " + (start + 1) + " (golden has " + a.size() + " lines, today's output "
                + b.size() + "):");
        for (int i = start; i < Math.min(endA, start + SHOWN); i++) {
            out.add(String.format("- %5d | %s", i + 1, a.get(i)));
        }
        if (endA - start > SHOWN) {
            out.add("-   ... " + (endA - start - SHOWN) + " more golden lines");
        }
        for (int i = start; i < Math.min(endB, start + SHOWN); i++) {
            out.add(String.format("+ %5d | %s", i + 1, b.get(i)));
        }
        if (endB - start > SHOWN) {
            out.add("+   ... " + (endB - start - SHOWN) + " more new lines");
        }
        return String.join("\n", out);
    }
}
