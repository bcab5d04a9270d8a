package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import lianshao.facts.Field.Kind;
import lianshao.facts.RecordDomain.ContextKey;
import lianshao.facts.RecordDomain.DatePair;

/** 招聘: one candidate's outcome for one post (contract section 2, RECRUITMENT). */
@RecordDomain(name = "RECRUITMENT", order = 2, slug = "recruitment", zh = "招聘", en = "Recruitment",
        oneRecord = "一名应聘人在一个岗位上的结果",
        keys = {
                @ContextKey(name = "POST", fields = {"recruitmentId", "positionCode"})},
        datesInOrder = {
                @DatePair(first = "publicityStart", second = "publicityEnd")})
public record Recruitment(
        String recordId,
        String externalId,
        String source,
        String orgCode,
        OffsetDateTime occurredAt,
        LocalDate occurredOn,
        boolean current,
        @Field(kind = Kind.CODE, required = true, zh = "招聘活动（批次）编号。")
        String recruitmentId,
        @Field(kind = Kind.CODE, required = true, zh = "招聘岗位代码。")
        String positionCode,
        @Field(kind = Kind.ENUM, required = true, values = {"TEACHING", "SECRETARY", "PERSONNEL", "FINANCE", "DISCIPLINE", "AUDIT", "OTHER"}, zh = "岗位类别：TEACHING 教学、SECRETARY 文秘、PERSONNEL 人事、FINANCE 财务、DISCIPLINE 纪检监察、AUDIT 审计、OTHER 其他。SECRETARY、PERSONNEL、FINANCE、DISCIPLINE、AUDIT 为亲属回避规则所指的敏感岗位。")
        String postCategory,
        @Field(kind = Kind.COUNT, required = true, zh = "该岗位招聘名额。")
        int openings,
        @Field(kind = Kind.COUNT, required = true, zh = "该岗位通过资格审查的报名人数。")
        int qualifiedApplicants,
        @Field(kind = Kind.CODE, zh = "报名人数未达规定开考比例仍予开考的批准文件编号。")
        String ratioWaiverRef,
        @Field(kind = Kind.ENUM, required = true, values = {"OPEN_EXAM", "ASSESSMENT_ONLY", "TALENT_INTRODUCTION", "TRANSFER_IN", "POLICY_PLACEMENT", "DIRECT_APPOINTMENT"}, zh = "招聘方式：OPEN_EXAM 公开考试、ASSESSMENT_ONLY 直接考核、TALENT_INTRODUCTION 人才引进、TRANSFER_IN 调入、POLICY_PLACEMENT 政策性安置、DIRECT_APPOINTMENT 直接聘任。")
        String method,
        @Field(kind = Kind.CODE, zh = "已发布的招聘公告编号。")
        String announcementRef,
        @Field(kind = Kind.PROSE, zh = "招聘公告所列的报考条件（以发布原文为准）。")
        String requirements,
        @Field(kind = Kind.BOOLEAN, zh = "公告发布后，是否在未发布变更公告的情况下更改了报考条件、招聘人数或考试方式。")
        Boolean conditionsChangedAfterNotice,
        @Field(kind = Kind.PARTY, required = true, zh = "应聘人。")
        String candidateRef,
        @Field(kind = Kind.NUMBER, zh = "笔试成绩。")
        BigDecimal writtenScore,
        @Field(kind = Kind.NUMBER, zh = "面试成绩。")
        BigDecimal interviewScore,
        @Field(kind = Kind.NUMBER, zh = "总成绩。")
        BigDecimal totalScore,
        @Field(kind = Kind.RANK, zh = "在该岗位应聘人中的最终排名（1 为第一名）。")
        Integer finalRank,
        @Field(kind = Kind.PROSE, zh = "聘用排名靠后者的原因（如排名在前者放弃、考察或体检不合格等）。")
        String rankSkipReason,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "该应聘人是否被聘用。")
        boolean hired,
        @Field(kind = Kind.BOOLEAN, zh = "对照公告所列条件核验应聘人资格的结果。")
        Boolean credentialCheckPassed,
        @Field(kind = Kind.PARTIES, zh = "考官、面试官、考核人员。")
        List<String> panelRefs,
        @Field(kind = Kind.PARTIES, zh = "已正式申请回避的考官或考核人员。")
        List<String> recusedRefs,
        @Field(kind = Kind.CODE, zh = "决定聘用的领导班子集体研究会议纪要编号。")
        String collectiveDecisionRef,
        @Field(kind = Kind.PARTY, zh = "用人单位一方签批聘用的人员。")
        String approverRef,
        @Field(kind = Kind.DATE, zh = "招聘公告发布日期。")
        LocalDate noticePublishedOn,
        @Field(kind = Kind.DATE, zh = "报名截止日期。")
        LocalDate applicationClosesOn,
        @Field(kind = Kind.DATE, zh = "成绩公布日期。")
        LocalDate scoresReleasedOn,
        @Field(kind = Kind.BOOLEAN, zh = "成绩公布后是否有成绩被改动。")
        Boolean scoreChangedAfterRelease,
        @Field(kind = Kind.DATE, zh = "拟聘人员公示开始日期。")
        LocalDate publicityStart,
        @Field(kind = Kind.DATE, zh = "拟聘人员公示结束日期，不得早于开始日期。")
        LocalDate publicityEnd,
        @Field(kind = Kind.DATE, zh = "聘用日期。")
        LocalDate hiredOn) implements RecordFact  {

    /** Post categories the contract names as sensitive for kinship rules (SECRETARY to AUDIT). */
    public static final java.util.Set<String> SENSITIVE_POSTS = java.util.Set.of("SECRETARY", "PERSONNEL", "FINANCE",
            "DISCIPLINE", "AUDIT");

    /** Days of the hire's publicity, counting both the first and the last day (1–7 March = 7); null when a date is missing. */
    public Integer publicityDays() {
        return Dates.periodDays(publicityStart, publicityEnd);
    }

    /** True when the post is SECRETARY, PERSONNEL, FINANCE, DISCIPLINE or AUDIT (contract: sensitive posts). */
    public boolean sensitivePost() {
        return SENSITIVE_POSTS.contains(postCategory);
    }

    /** Panel members who did not formally recuse themselves, in panel order. */
    public List<String> activePanel() {
        return panelRefs.stream().filter(ref -> !recusedRefs.contains(ref)).toList();
    }

    /** The phrases of the given list that occur in the published {@code requirements}, in list order. */
    public List<String> pointedConditions(List<String> phrases) {
        return requirements == null ? List.of() : phrases.stream().filter(requirements::contains).toList();
    }

    /** The day relations are judged on: the hire date, or the record's day when there is none. */
    public LocalDate decisionDay() {
        return hiredOn != null ? hiredOn : occurredOn;
    }

    /** True when the other record is about the same post (organisation, campaign and position code). */
    public boolean samePost(Recruitment other) {
        return orgCode.equals(other.orgCode) && recruitmentId.equals(other.recruitmentId)
                && positionCode.equals(other.positionCode);
    }

    /** True when both the written and the interview score are present. */
    public boolean scored() {
        return writtenScore != null && interviewScore != null;
    }
}
