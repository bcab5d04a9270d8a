package lianshao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import lianshao.facts.Tender;
import lianshao.rules.RuleCompiler;
import lianshao.rules.RuleProblem;
import lianshao.rules.RuleSet;
import lianshao.rules.RuleSetInvalidException;
import lianshao.rules.RuleSource;
import lianshao.rules.RulesSettings;

/**
 * Conduct is judged by the rules of its time: a rule with {@code @validFrom}/{@code @validTo} fires only
 * for records that occurred on a day it was in force (both ends inclusive, in the record's own offset).
 */
class EffectiveDatesTest {

    private static final String DRL = """
            package lianshao.rules.dated;

            import lianshao.facts.*;

            global Hits hits;

            rule "TST-01 old threshold, until the end of 2025"
                @id("TST-01") @title("测试规则") @form(1) @clause("M9") @basis("测试 [INF]") @departments("纪检组")
                @validTo("2025-12-31")
            when
                $t : Tender( current, estimatedAmount >= 1000000 )
            then
                hits.raise("旧标准").evidence("standard", "old");
            end

            rule "TST-01 new threshold, from 2026"
                @id("TST-01") @title("测试规则") @form(1) @clause("M9") @basis("测试 [INF]") @departments("纪检组")
                @validFrom("2026-01-01")
            when
                $t : Tender( current, estimatedAmount >= 3000000 )
            then
                hits.raise("新标准").evidence("standard", "new");
            end

            rule "TST-02 only in the first quarter of 2026"
                @id("TST-02") @title("测试规则二") @form(1) @clause("M9") @basis("测试 [INF]") @departments("纪检组")
                @validFrom("2026-01-01") @validTo("2026-03-31")
            when
                $t : Tender( current )
            then
                hits.raise("一季度专项");
            end

            rule "TST-03 always"
                @id("TST-03") @title("测试规则三") @form(1) @clause("M9") @basis("测试 [INF]") @departments("纪检组")
            when
                $t : Tender( current )
            then
                hits.raise("一直有效");
            end
            """;

    private final Evaluator evaluator = new Evaluator(new RulesSettings(Path.of("rules"), 1000, Duration.ofSeconds(5)),
            new SimpleMeterRegistry());
    private final RuleSet ruleSet = new RuleCompiler().compile(source(DRL));

    @AfterEach
    void close() {
        evaluator.close();
    }

    @Test
    void aRecordIsJudgedByTheRulesInForceOnTheDayItOccurred() {
        // 2,000,000: above the old threshold, below the new one
        assertThat(rulesHit(at(2025, 12, 31, 23, 30), "2000000")).containsExactlyInAnyOrder("TST-01", "TST-03");
        assertThat(evidence(at(2025, 12, 31, 23, 30), "2000000")).isEqualTo("old");
        assertThat(rulesHit(at(2026, 1, 1, 0, 30), "2000000")).containsExactlyInAnyOrder("TST-02", "TST-03");
        assertThat(rulesHit(at(2026, 1, 1, 0, 30), "3000000")).containsExactlyInAnyOrder("TST-01", "TST-02", "TST-03");
        assertThat(evidence(at(2026, 1, 1, 0, 30), "3000000")).isEqualTo("new");
    }

    @Test
    void bothEndsAreInclusiveAndOutsideTheRuleIsSilent() {
        assertThat(rulesHit(at(2026, 3, 31, 18, 0), "10")).contains("TST-02");
        assertThat(rulesHit(at(2026, 4, 1, 9, 0), "10")).containsExactly("TST-03");
        assertThat(rulesHit(at(2025, 6, 1, 9, 0), "10")).containsExactly("TST-03");
    }

    @Test
    void theDayIsTheRecordsOwnCalendarDay() {
        // 2026-01-01 07:00 at +08:00 is still 2025-12-31 in UTC: the record's own day counts
        OffsetDateTime earlyNewYear = OffsetDateTime.of(2026, 1, 1, 7, 0, 0, 0, ZoneOffset.ofHours(8));
        assertThat(rulesHit(earlyNewYear, "10")).contains("TST-02");
    }

    @Test
    void theMetadataCarriesTheDatesAndBadDatesAreRefused() {
        assertThat(ruleSet.rule("TST-02").orElseThrow().validity().from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ruleSet.rule("TST-02").orElseThrow().validity().to()).isEqualTo(LocalDate.of(2026, 3, 31));

        RuleSetInvalidException badDate = catchThrowableOfType(RuleSetInvalidException.class,
                () -> new RuleCompiler().compile(source(DRL.replace("\"2026-03-31\"", "\"31.3.2026\""))));
        assertThat(badDate.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("@validTo"));

        RuleSetInvalidException reversed = catchThrowableOfType(RuleSetInvalidException.class,
                () -> new RuleCompiler().compile(source(DRL.replace("\"2026-03-31\"", "\"2025-03-31\""))));
        assertThat(reversed.problems()).extracting(RuleProblem::message).anySatisfy(m -> assertThat(m).contains("@validTo"));
    }

    private List<String> rulesHit(OffsetDateTime at, String amount) {
        return evaluator.evaluate(ruleSet, tender(at, amount), Context.empty()).hits().stream().map(Hit::ruleId).toList();
    }

    private Object evidence(OffsetDateTime at, String amount) {
        return evaluator.evaluate(ruleSet, tender(at, amount), Context.empty()).hits().stream()
                .filter(h -> h.ruleId().equals("TST-01")).findFirst().orElseThrow().evidence().get("standard");
    }

    private static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return OffsetDateTime.of(year, month, day, hour, minute, 0, 0, ZoneOffset.ofHours(8));
    }

    private static Tender tender(OffsetDateTime at, String amount) {
        return new Tender("rec-1", "ext-1", "test", "ORG-1", at, at.toLocalDate(), true,
                "ZB-1", "教学楼改造", "P-1", Boolean.TRUE, "CONSTRUCTION", new BigDecimal(amount), "OPEN", null,
                "LOWEST_PRICE", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 26), null, List.of(), null, null, null,
                null, null, null, List.of(), null, null, List.of(), "APP-1", List.of(), List.of());
    }

    private static RuleSource source(String drl) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("dated/TST.drl", drl);
        return new RuleSource(files, "k=1\n");
    }
}
