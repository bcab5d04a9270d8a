package lianshao.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * What a draft changes, read rule by rule from the catalogue's own files: a threshold, one rule's conditions, a
 * comment, a helper rule whose facts others match, a declared type shared by a file's rules.
 */
class RuleChangesTest {

    private static final RuleSource CATALOGUE = RuleSource.readFolder(Path.of("rules"));
    private static final String PRC01 = "procurement/PRC-01-open-tender-avoided.drl";
    private static final String TEN08 = "tender/TEN-08-winner-conflicted.drl";
    private static final String TEN13 = "tender/TEN-13-unusual-rejections.drl";

    @Test
    void theSameRulesChangeNothingAndNoDomainIsAffected() {
        RuleChanges changes = RuleChanges.between(CATALOGUE, edited(PRC01, text -> text.replace("// 政府采购法", "// 改了注释 政府采购法")));

        assertThat(changes.everything()).isFalse();
        assertThat(changes.rules()).isEmpty();
        assertThat(changes.affects("PROCUREMENT")).isFalse();
        assertThat(changes.affects("TENDER")).isFalse();
    }

    @Test
    void aThresholdChangesTheRulesReadingItAndOnlyTheirDomain() {
        RuleChanges changes = RuleChanges.between(CATALOGUE, withThresholds(CATALOGUE.thresholdsText()
                .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000")));

        assertThat(changes.everything()).isFalse();
        // TEN-02 and TEN-03 read the key Tender.mandatoryThresholdKey() computes: any threshold change may be theirs
        assertThat(changes.ruleIds()).containsExactlyInAnyOrder("PRC-01", "PRC-02", "PRC-03", "TEN-02", "TEN-03");
        assertThat(changes.affects("PROCUREMENT")).isTrue();
        assertThat(changes.affects("TENDER")).isTrue();
        assertThat(changes.affects("ADMISSION")).isFalse();
        assertThat(changes.affects("CANTEEN")).isFalse();
    }

    @Test
    void aDistrictsValueOfAThresholdChangesTheRulesReadingTheThreshold() {
        RuleChanges changes = RuleChanges.between(CATALOGUE, withThresholds(CATALOGUE.thresholdsText()
                + "\nprocurement.open-tender.threshold.东城区=1500000\n"));

        assertThat(changes.ruleIds()).containsExactlyInAnyOrder("PRC-01", "PRC-02", "PRC-03", "TEN-02", "TEN-03");
    }

    @Test
    void oneRulesConditionChangesThatRuleOnly() {
        RuleChanges changes = RuleChanges.between(CATALOGUE, edited(PRC01,
                text -> text.replaceFirst("method != \"OPEN_TENDER\",", "method != \"OPEN_TENDER\", method != \"COMPETITIVE_NEGOTIATION\",")));

        assertThat(changes.everything()).isFalse();
        assertThat(changes.ruleIds()).containsExactly("PRC-01");
        assertThat(changes.affects("PROCUREMENT")).isTrue();
        assertThat(changes.affects("CANTEEN")).isFalse();
    }

    @Test
    void aHelperRuleTakesTheRulesMatchingWhatItInsertsAndTheRestOfItsFamily() {
        RuleChanges changes = RuleChanges.between(CATALOGUE, edited(TEN08,
                text -> text.replaceFirst("approverRef != null \\)", "approverRef != null, winnerRef != approverRef )")));

        assertThat(changes.everything()).isFalse();
        assertThat(changes.rules()).hasSizeGreaterThanOrEqualTo(5)
                .anyMatch(r -> r.contains("TEN-08 winner conflicted"))
                .anyMatch(r -> r.contains("TEN-08 derive"));
        assertThat(changes.ruleIds()).contains("TEN-08");
        assertThat(changes.affects("TENDER")).isTrue();
        assertThat(changes.affects("PROCUREMENT")).isFalse();
    }

    @Test
    void anAddedFileOfRulesAndARemovedOneChangeTheirRulesOnly() {
        String prc15 = "procurement/PRC-15-no-collective-decision.drl";
        Map<String, String> files = new TreeMap<>(CATALOGUE.drlFiles());
        String copy = files.get(PRC01).replace("PRC-01 open tender required but not used", "PRC-98 copy")
                .replace("@id(\"PRC-01\")", "@id(\"PRC-98\")");
        files.put("procurement/PRC-98-copy.drl", copy);
        files.remove(prc15);

        RuleChanges changes = RuleChanges.between(CATALOGUE, new RuleSource(new TreeMap<>(files), CATALOGUE.thresholdsText()));

        assertThat(changes.everything()).isFalse();
        assertThat(changes.ruleIds()).containsExactly("PRC-15", "PRC-98");
        assertThat(changes.affects("PROCUREMENT")).isTrue();
        assertThat(changes.affects("TENDER")).isFalse();
    }

    /** Imports are the package's: one no file of the package had may change how its other rules read. */
    @Test
    void anAddedFileWithAnImportNewToItsPackageJudgesEverything() {
        Map<String, String> files = new TreeMap<>(CATALOGUE.drlFiles());
        files.put("procurement/PRC-98-copy.drl", files.get(PRC01).replace("import lianshao.facts.*;",
                "import lianshao.facts.*;\nimport java.time.LocalDate;").replace("PRC-01 open tender required but not used", "PRC-98 copy")
                .replace("@id(\"PRC-01\")", "@id(\"PRC-98\")"));

        assertThat(RuleChanges.between(CATALOGUE, new RuleSource(new TreeMap<>(files), CATALOGUE.thresholdsText())).everything())
                .isTrue();
    }

    @Test
    void aChangedDeclaredTypeOrAnAddedFunctionJudgesEverything() {
        RuleChanges declared = RuleChanges.between(CATALOGUE, edited(TEN13,
                text -> text.replaceFirst("declare UnusualRejection", "declare UnusualRejection\n    note : String")));
        RuleChanges function = RuleChanges.between(CATALOGUE, edited(PRC01,
                text -> text.replace("global Hits hits;", "global Hits hits;\n\nfunction boolean large(java.math.BigDecimal a) { return a.signum() > 0; }")));

        assertThat(declared.everything()).isTrue();
        assertThat(declared.fallback()).contains(TEN13);
        assertThat(declared.affects("ADMISSION")).isTrue();
        assertThat(function.everything()).isTrue();
    }

    @Test
    void aRuleReadingAThresholdByAKeyItComputesTakesEveryThresholdChange() {
        RuleSource draft = edited(PRC01, text -> text.replace("amount(\"procurement.open-tender.threshold\")",
                "amount(\"procurement.open-tender.\" + \"threshold\")"));
        RuleSource thresholdChanged = new RuleSource(draft.drlFiles(), draft.thresholdsText()
                .replace("tender.min-bid-period.days=20", "tender.min-bid-period.days=25"));

        RuleChanges changes = RuleChanges.between(draft, thresholdChanged);

        assertThat(changes.ruleIds()).contains("PRC-01", "TEN-04");
    }

    @Test
    void theNarrowedFilesHoldTheChangedRulesAndTheHelpersAndCompile() {
        RuleSource draft = withThresholds(CATALOGUE.thresholdsText()
                .replace("procurement.open-tender.threshold=2000000", "procurement.open-tender.threshold=1000000"));
        RuleChanges changes = RuleChanges.between(CATALOGUE, draft);

        Map<String, String> files = changes.narrowed(draft);
        RuleSet narrowed = new RuleCompiler().compile(RuleSource.fromFiles(files));

        assertThat(files).containsKeys(PRC01, TEN08, TEN13, RuleSource.THRESHOLDS_FILE)
                .doesNotContainKey("canteen/CAN-01-surplus-above-share.drl");

        assertThat(narrowed.rulesById().keySet()).contains("PRC-01", "PRC-02", "PRC-03").doesNotContain("PRC-04", "CAN-01");
        assertThat(narrowed.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                .map(org.kie.api.definition.rule.Rule::getName)).anyMatch(n -> n.startsWith("TEN-08 derive"));
        assertThat(narrowed.thresholds().amount("procurement.open-tender.threshold")).isEqualByComparingTo("1000000");
    }

    private static RuleSource edited(String file, UnaryOperator<String> edit) {
        Map<String, String> files = new TreeMap<>(CATALOGUE.drlFiles());
        String before = files.get(file);
        String after = edit.apply(before);
        assertThat(after).as("the edit applies").isNotEqualTo(before);
        files.put(file, after);
        return new RuleSource(new TreeMap<>(files), CATALOGUE.thresholdsText());
    }

    private static RuleSource withThresholds(String text) {
        return new RuleSource(CATALOGUE.drlFiles(), text);
    }
}
