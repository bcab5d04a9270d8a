package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;

/** 招生: one admitted student (contract section 2, ADMISSION). */
@RecordDomain(name = "ADMISSION", order = 1, slug = "admission", zh = "招生", en = "Admissions",
        oneRecord = "一名被录取学生",
        keys = {
                @ContextKey(name = "ADM_PLAN", fields = {"year", "stage"}),
                @ContextKey(name = "ADM_APPROVER", fields = {"year", "approverRef"}),
                @ContextKey(name = "ADM_SCHOOL_YEAR", fields = {"year"}),
                @ContextKey(name = "IDENTITY", fields = {"identityHash"}, withinOrg = false)},
        datesInOrder = {
                @DatePair(first = "admissionWindowStart", second = "admissionWindowClose")})
public record Admission(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.PARTY, required = true, zh = "被录取学生（当事人编号，无需真实姓名）。")
        String studentRef,
        @Field(kind = Kind.CODE, personal = "Admission.maskedIdentityHash()", zh = "学生身份证号的哈希值，用于发现同一身份被重复使用。")
        String identityHash,
        @Field(kind = Kind.STAGE, required = true, zh = "学段：PRIMARY 小学、JUNIOR 初中、SENIOR 高中、VOCATIONAL 中等职业教育、HIGHER 高等教育。PRIMARY 和 JUNIOR 属于义务教育阶段。")
        String stage,
        @Field(kind = Kind.ENUM, required = true, values = {"PUBLIC", "PRIVATE"}, zh = "学校性质：PUBLIC 公办、PRIVATE 民办。")
        String schoolType,
        @Field(kind = Kind.YEAR, required = true, zh = "招生年度。")
        int year,
        @Field(kind = Kind.ENUM, required = true, values = {"REGULAR", "LOTTERY", "SPECIAL_TALENT", "BONUS_POINTS", "TRANSFER", "BORROWED", "DIRECTED", "SUPPLEMENTARY", "OTHER_EXCEPTION"}, zh = "录取途径：REGULAR 常规录取、LOTTERY 电脑派位（摇号）、SPECIAL_TALENT 特长生招生、BONUS_POINTS 加分录取、TRANSFER 转学、BORROWED 借读、DIRECTED 定向招生、SUPPLEMENTARY 补录、OTHER_EXCEPTION 其他例外情形。除 REGULAR 和 LOTTERY 外，其余均属例外录取途径。")
        String admissionType,
        @Field(kind = Kind.ENUMS, values = {"SCHOOL_EXAM", "TRAINING_INSTITUTION_RESULT", "COMPETITION_CERTIFICATE", "GRADE_CERTIFICATE", "INTERVIEW"}, zh = "录取所依据的选拔方式：SCHOOL_EXAM 学校自行组织的考试、TRAINING_INSTITUTION_RESULT 培训机构成绩、COMPETITION_CERTIFICATE 竞赛证书、GRADE_CERTIFICATE 考级证书、INTERVIEW 面试。")
        List<String> criteriaUsed,
        @Field(kind = Kind.NUMBER, zh = "学生的考试成绩（适用考试录取时）。")
        BigDecimal examScore,
        @Field(kind = Kind.NUMBER, zh = "该录取途径公布的录取分数线。")
        BigDecimal cutoffScore,
        @Field(kind = Kind.ITEMS, zh = "学生申报的加分项目。")
        List<BonusItem> bonusItems,
        @Field(kind = Kind.NUMBER, zh = "实际计入成绩的加分；未填写则视为各加分项目分值之和。")
        BigDecimal bonusPointsCounted,
        @Field(kind = Kind.PROSE, zh = "允许例外录取的书面政策依据。")
        String policyBasis,
        @Field(kind = Kind.CODE, zh = "在规定招生时段以外录取的审批文件编号。")
        String specialApprovalRef,
        @Field(kind = Kind.CODE, zh = "学生户籍所在区。")
        String residenceDistrict,
        @Field(kind = Kind.CODE, zh = "学校招生划片所在区。")
        String schoolDistrict,
        @Field(kind = Kind.PARTIES, zh = "学生的父母或其他监护人（当事人编号）。")
        List<String> guardianRefs,
        @Field(kind = Kind.PARTY, required = true, zh = "录取审批人。")
        String approverRef,
        @Field(kind = Kind.DATE, zh = "该学段、该区官方招生时段的开始日期。")
        LocalDate admissionWindowStart,
        @Field(kind = Kind.DATE, zh = "该学段、该区官方招生时段的截止日期，不得早于开始日期。")
        LocalDate admissionWindowClose,
        @Field(kind = Kind.DATE, required = true, zh = "录取日期。")
        LocalDate admittedOn,
        @Field(kind = Kind.DATE, zh = "录取结果公示日期；未填写表示未公示。")
        LocalDate publicizedOn,
        @Field(kind = Kind.ITEMS, zh = "与本次录取相关的缴费。")
        List<Fee> fees) implements RecordFact  {

    /** Every route but REGULAR and LOTTERY is an exception route. */
    public boolean exceptionRoute() {
        return !"REGULAR".equals(admissionType) && !"LOTTERY".equals(admissionType);
    }

    /** PRIMARY and JUNIOR are compulsory education. */
    public boolean compulsory() {
        return "PRIMARY".equals(stage) || "JUNIOR".equals(stage);
    }

    /** The selection criteria used that appear in the given list (e.g. the criteria prohibited in compulsory education). */
    public List<String> criteriaAmong(Collection<String> listed) {
        return criteriaUsed.stream().filter(listed::contains).distinct().toList();
    }

    /** No written policy allowing an exception is given. */
    public boolean withoutPolicyBasis() {
        return policyBasis == null || policyBasis.isBlank();
    }

    /** The bonus points added: {@code bonusPointsCounted}, or, absent, the sum of all claimed items (ADM-05). */
    public BigDecimal bonusPointsTotal() {
        return bonusPointsCounted != null ? bonusPointsCounted
                : bonusItems.stream().map(BonusItem::pointsOrZero).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The points of the largest single bonus item, 0 without items. */
    public BigDecimal largestBonusItem() {
        return bonusItems.stream().map(BonusItem::pointsOrZero).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    /**
     * The bonus counted towards the admission line (ADM-09): {@code bonusPointsCounted}, or, absent,
     * the sum of the items that have a certificate and were publicized.
     */
    public BigDecimal countedBonus() {
        return bonusPointsCounted != null ? bonusPointsCounted
                : bonusItems.stream().filter(BonusItem::supported).map(BonusItem::pointsOrZero)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Exam score plus the counted bonus; null without an exam score. */
    public BigDecimal scoreWithBonus() {
        return examScore == null ? null : examScore.add(countedBonus());
    }

    /** Admitted before the official admission window opened. */
    public boolean admittedBeforeWindow() {
        return admissionWindowStart != null && admittedOn != null && admittedOn.isBefore(admissionWindowStart);
    }

    /** Admitted after the official admission window closed, without a special approval. */
    public boolean admittedAfterWindowWithoutApproval() {
        return admissionWindowClose != null && admittedOn != null && admittedOn.isAfter(admissionWindowClose)
                && (specialApprovalRef == null || specialApprovalRef.isBlank());
    }

    /** Days between the admission and the nearest end of the window it missed (0 inside the window). */
    public int daysOutsideWindow() {
        if (admittedBeforeWindow()) {
            return Dates.daysBetween(admittedOn, admissionWindowStart);
        }
        if (admissionWindowClose != null && admittedOn != null && admittedOn.isAfter(admissionWindowClose)) {
            return Dates.daysBetween(admissionWindowClose, admittedOn);
        }
        return 0;
    }

    /** Both districts are known and differ. */
    public boolean outOfCatchment() {
        return residenceDistrict != null && schoolDistrict != null && !residenceDistrict.isBlank()
                && !residenceDistrict.equals(schoolDistrict);
    }

    /** Not announced, or announced only after the admission. */
    public boolean notPublicizedBeforeAdmission() {
        return publicizedOn == null || (admittedOn != null && publicizedOn.isAfter(admittedOn));
    }

    /** The identity hash masked to its last 4 characters, for messages and evidence. */
    public String maskedIdentityHash() {
        return Masks.lastFour(identityHash);
    }

    /** More admitted than the quota by more than the given share of it (0.05 = 5%); any overage of a zero quota. */
    public boolean overageAbove(int admitted, int quota, BigDecimal share) {
        int over = admitted - quota;
        return over > 0 && BigDecimal.valueOf(over).compareTo(share.multiply(BigDecimal.valueOf(quota))) > 0;
    }

    /** The overage as a percentage of the quota, two decimals; null for a zero quota. */
    public BigDecimal overagePercent(int admitted, int quota) {
        return quota <= 0 ? null
                : BigDecimal.valueOf(admitted - quota).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(quota), 2, java.math.RoundingMode.HALF_UP);
    }
}
