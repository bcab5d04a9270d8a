package lianshao.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import lianshao.rules.RuleFiles;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSetWarmer;

/**
 * Warms a freshly built rule base with the records of its own test files (a few rounds), so the first
 * real records after the swap do not run on a cold engine. Failures of individual samples are ignored:
 * the tests already passed when the version was submitted.
 */
@Component
class SampleRecordWarmer implements RuleSetWarmer {

    private static final Logger log = LoggerFactory.getLogger(SampleRecordWarmer.class);
    private static final int ROUNDS = 3;
    private static final int MAX_SAMPLES = 200;

    private final RuleTestRunner runner;

    SampleRecordWarmer(RuleTestRunner runner) {
        this.runner = runner;
    }

    @Override
    public void warm(RuleSet ruleSet, Map<String, String> files) {
        List<RuleTestCase> samples = new ArrayList<>();
        files.forEach((path, text) -> {
            if (RuleFiles.isTestFile(path) && samples.size() < MAX_SAMPLES) {
                try {
                    samples.addAll(RuleTestFiles.parse(path, text));
                } catch (RuntimeException e) {
                    // an unreadable test file warms nothing
                }
            }
        });
        long start = System.nanoTime();
        int evaluated = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (RuleTestCase sample : samples.subList(0, Math.min(samples.size(), MAX_SAMPLES))) {
                try {
                    runner.evaluate(ruleSet, sample.record(), sample.context());
                    evaluated++;
                } catch (RuntimeException e) {
                    // a sample that does not evaluate still warmed the engine up to that point
                }
            }
        }
        log.info("Rule set {} warmed with {} sample evaluations in {} ms", ruleSet.version(), evaluated,
                (System.nanoTime() - start) / 1_000_000);
    }
}
