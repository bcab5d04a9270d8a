package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.mockito.Mockito;

/** The rule bases kept by the DRL they were built from: failed builds are not kept, and only the last few are. */
class BuiltRuleBasesTest {

    private final AtomicInteger builds = new AtomicInteger();
    private final KieBase empty = Mockito.mock(KieBase.class);

    @Test
    void aFailedBuildIsNotKeptSoTheSameDrlIsBuiltAgain() {
        SortedMap<String, String> drl = drl("broken");

        assertThat(BuiltRuleBases.get(drl, this::failing)).isNull();
        assertThat(BuiltRuleBases.get(drl, this::building)).isSameAs(empty);
        assertThat(BuiltRuleBases.get(drl, this::building)).isSameAs(empty);
        assertThat(builds).hasValue(2);
    }

    @Test
    void onlyTheLastFewRuleBasesAreKept() {
        SortedMap<String, String> first = drl("first");
        BuiltRuleBases.get(first, this::building);
        for (int i = 0; i < BuiltRuleBases.KEPT; i++) {
            BuiltRuleBases.get(drl("later " + i), this::building);
        }
        builds.set(0);

        BuiltRuleBases.get(first, this::building);

        assertThat(builds).as("the first was dropped for the later ones").hasValue(1);
    }

    @Test
    void theSameTextUnderAnotherPathIsAnotherRuleBase() {
        SortedMap<String, String> here = drl("same text");
        SortedMap<String, String> there = new TreeMap<>();
        there.put("elsewhere/R.drl", here.values().iterator().next());
        BuiltRuleBases.get(here, this::building);
        builds.set(0);

        BuiltRuleBases.get(there, this::building);
        BuiltRuleBases.get(here, this::building);

        assertThat(builds).hasValue(1);
    }

    private KieBase failing() {
        builds.incrementAndGet();
        return null;
    }

    private KieBase building() {
        builds.incrementAndGet();
        return empty;
    }

    private static SortedMap<String, String> drl(String text) {
        SortedMap<String, String> drl = new TreeMap<>();
        drl.put("test/R.drl", "// " + text + " " + System.nanoTime());
        return drl;
    }
}
