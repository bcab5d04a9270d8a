package lianshao.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import lianshao.facts.HitBuilder;
import lianshao.facts.Org;
import lianshao.facts.Party;
import lianshao.facts.WorkCalendar;

/**
 * The wording step: the mentions a rule puts in its messages through {@code hits} come out as names, labels
 * and amounts for readers; what it cannot name stays as the code.
 */
class MessageWordingTest {

    private static final Party ZHANG = new Party("P-0018", "PERSON", "张三", "SCH-01", null, Set.of(), null, null, null, null, null);
    private static final Party SUPPLIER = new Party("ORG-SUP-1", "ORGANISATION", "清源办公设备有限公司", null, null, Set.of(), null,
            null, null, null, null);
    private static final Org SCHOOL = new Org("SCH-01", "清源市第一中学", "SCHOOL", "东城区", "EDU-01");

    private final HitCollector hits = new HitCollector();
    private final List<Collection<String>> lookedUp = new ArrayList<>();

    MessageWordingTest() {
        hits.firing("TST-01", "r");
    }

    @Test
    void partiesAndOrganisationsAreNamedWithTheirCode() {
        Hit hit = hit(hits.raise("审批人 " + hits.party("P-0018") + "，供应商 " + hits.party("ORG-SUP-1") + "，单位 "
                + hits.org("SCH-01") + "，投标人 " + hits.parties(List.of("P-0018", "ORG-SUP-1", "P-0018"))));

        assertThat(forAWarning(hit).message()).isEqualTo("审批人 张三（P-0018），供应商 清源办公设备有限公司（ORG-SUP-1），单位 "
                + "清源市第一中学（SCH-01），投标人 张三（P-0018）、清源办公设备有限公司（ORG-SUP-1）");
    }

    @Test
    void elsewhereThanOnAWarningPersonsArePseudonymisedAndOrganisationsNamed() {
        Hit hit = hit(hits.raise("审批人 " + hits.party("P-0018") + "，供应商 " + hits.party("ORG-SUP-1")));

        assertThat(new MessageWording(context(), null).words(List.of(hit)).get(0).message())
                .isEqualTo("审批人 张*（P-0018），供应商 清源办公设备有限公司（ORG-SUP-1）");
    }

    @Test
    void whomTheContextDoesNotHoldIsLookedUpOnceAndTheUnknownStayAsTheirCode() {
        Hit hit = hit(hits.raise("学生 " + hits.party("P-0192") + " 曾在 " + hits.org("SCH-0203") + " 录取，付给 "
                + hits.party("P-GONE") + "，审批人 " + hits.party("P-0018")));

        Hit worded = forAWarning(hit);

        assertThat(worded.message()).isEqualTo("学生 李四（P-0192） 曾在 清源市第二中学（SCH-0203） 录取，付给 P-GONE，审批人 张三（P-0018）");
        assertThat(lookedUp).containsExactly(Set.of("P-0192", "P-GONE", "SCH-0203"), Set.of("P-0192", "P-GONE", "SCH-0203"));
    }

    @Test
    void nothingIsLookedUpWhenTheContextNamesEveryone() {
        forAWarning(hit(hits.raise("审批人 " + hits.party("P-0018"))));

        assertThat(lookedUp).isEmpty();
    }

    @Test
    void enumerationCodesReadAsTheContractsLabelsAndUnknownCodesStay() {
        Hit hit = hit(hits.raise("采用" + hits.label("PROCUREMENT.method", "INQUIRY") + "方式；亲属关系（"
                + hits.labels("RELATION.kind", List.of("SPOUSE", "SIBLING")) + "）；" + hits.label("PROCUREMENT.method", "BARTER")
                + "；" + hits.label("PROCUREMENT.nothing", "INQUIRY") + "；" + hits.label("PROCUREMENT.method", null)));

        assertThat(forAWarning(hit).message()).isEqualTo("采用询价方式；亲属关系（配偶、兄弟姐妹）；BARTER；INQUIRY；（未填）");
    }

    @Test
    void fieldNamesReadAsTheContractsChineseNames() {
        Hit hit = hit(hits.raise("相同标识：" + hits.fieldNames("TENDER.bids[]", List.of("fileFingerprint", "noSuchField"))));

        assertThat(forAWarning(hit).message()).isEqualTo("相同标识：投标文件特征码、noSuchField");
    }

    @Test
    void amountsAreWrittenInYuanWithSeparatorsAndTwoDecimals() {
        assertThat(hits.yuan(new BigDecimal("6352000"))).isEqualTo("¥6,352,000.00");
        assertThat(hits.yuan(new BigDecimal("860.005"))).isEqualTo("¥860.01");
        assertThat(hits.yuan(new BigDecimal("-1200.5"))).isEqualTo("-¥1,200.50");
        assertThat(hits.yuan(4_000_000L)).isEqualTo("¥4,000,000.00");
        assertThat(hits.yuan((BigDecimal) null)).isEqualTo("（未填）");
        assertThat(hits.amounts(List.of(new BigDecimal("100"), new BigDecimal("1000")))).isEqualTo("¥100.00、¥1,000.00");
        assertThat(hits.joined(List.of("海康威视", "大华", "海康威视"))).isEqualTo("海康威视、大华");
    }

    @Test
    void theEnglishMessageNamesPartiesWithoutTheirCodesAndSpellsCodesInWords() {
        HitCollector english = new HitCollector();
        english.firing("TST-01", "r");
        english.raise("x").inEnglish("approver " + english.party("P-0018") + " used " + english.label("PROCUREMENT.method", "SINGLE_SOURCE")
                + " with " + english.parties(List.of("ORG-SUP-1", "P-GONE")) + ", kin " + english.labels("RELATION.kind", List.of("SPOUSE", "SIBLING"))
                + ", shared " + english.fieldNames("TENDER.bids[]", List.of("submittedFromIp")) + ", reason " + english.label("PROCUREMENT.method", null));

        Hit worded = forAWarning(english.hits().get(0));

        assertThat(worded.messageEn()).isEqualTo("approver 张三 used Single source with 清源办公设备有限公司, P-GONE, kin Spouse, Sibling,"
                + " shared Submitted from ip, reason (not given)");
        assertThat(worded.message()).isEqualTo("x");
    }

    @Test
    void escalationReasonsAndCrimeIndicatorsAreWordedToo() {
        Hit hit = hit(hits.raise("命中").escalate(3, "供应商 " + hits.party("ORG-SUP-1") + " 中标金额达到 " + hits.yuan(new BigDecimal("2000000")))
                .suspectedCrime("审批人 " + hits.party("P-0018")));

        Hit worded = forAWarning(hit);

        assertThat(worded.escalations()).extracting(Hit.Escalation::reason)
                .containsExactly("供应商 清源办公设备有限公司（ORG-SUP-1） 中标金额达到 ¥2,000,000.00");
        assertThat(worded.crimeIndicators()).containsExactly("审批人 张三（P-0018）");
    }

    @Test
    void aTextGivenAsEvidenceIsWordedAndOtherEvidenceStaysAsItWas() {
        Hit hit = hit(hits.raise("命中").evidence("conflict", "领导（" + hits.org("SCH-01") + "）").evidence("approverRef", "P-0018")
                .evidence("amount", new BigDecimal("100")).evidence("roles", "甲").evidence("roles", "乙（" + hits.party("P-0018") + "）"));

        Hit worded = forAWarning(hit);

        assertThat(worded.evidence()).containsEntry("conflict", "领导（清源市第一中学（SCH-01））").containsEntry("approverRef", "P-0018")
                .containsEntry("amount", new BigDecimal("100")).containsEntry("roles", List.of("甲", "乙（张三（P-0018））"));
    }

    @Test
    void aCodeThatCouldBreakAMarkIsShownPlainAndRecordTextIsLeftAlone() {
        Hit hit = hit(hits.raise("项目「OPEN_TENDER ⟦改造⟧」由 " + hits.party("P-⟧0018")));

        assertThat(forAWarning(hit).message()).isEqualTo("项目「OPEN_TENDER ⟦改造⟧」由 P-0018");
    }

    /** The hit the chain just raised. */
    private Hit hit(HitBuilder raised) {
        return hits.hits().get(0);
    }

    private Hit forAWarning(Hit hit) {
        NameLookup lookup = new NameLookup(ids -> {
            lookedUp.add(Set.copyOf(ids));
            return ids.contains("P-0192") ? List.of(new Party("P-0192", "PERSON", "李四", null, null, Set.of(), null, null, null, null, null))
                    : List.of();
        }, codes -> {
            lookedUp.add(Set.copyOf(codes));
            return codes.contains("SCH-0203") ? List.of(new Org("SCH-0203", "清源市第二中学", "SCHOOL", "西城区", null)) : List.of();
        });
        return new MessageWording(context(), lookup).words(List.of(hit)).get(0);
    }

    private static Context context() {
        return new Context(List.of(), List.of(ZHANG, SUPPLIER), List.of(SCHOOL), List.of(), List.of(), List.of(), List.of(),
                new WorkCalendar(Set.of(), Set.of()));
    }
}
