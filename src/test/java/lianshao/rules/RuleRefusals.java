package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.SortedMap;
import java.util.TreeMap;

/** What the tests of the safety check share: a rule set of one file, and its refusal before the Drools builder runs. */
final class RuleRefusals {

    private RuleRefusals() {
    }

    /** A rule set of the one file, with one threshold. */
    static RuleSource oneFile(String file, String drl) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(file, drl);
        return new RuleSource(files, "k=1\n");
    }

    /** Compiles the file; it must be refused, and no build may have started. Returns the refusal. */
    static RuleSetInvalidException refusedBeforeTheBuilder(RuleCompiler compiler, String file, String drl, String name) {
        long buildsBefore = RuleCompiler.builds();

        RuleSetInvalidException e = catchThrowableOfType(RuleSetInvalidException.class, () -> compiler.compile(oneFile(file, drl)));

        assertThat(e).as(name + " should be refused").isNotNull();
        assertThat(RuleCompiler.builds()).as("no build started").isEqualTo(buildsBefore);
        return e;
    }

    /** Every problem names the file and one of its lines, and explains itself in both languages. */
    static void locatedAndBilingual(RuleSetInvalidException e, String file, String drl) {
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isBetween(1, (int) drl.lines().count());
            assertThat(p.message()).contains(" / ");
        });
    }
}
