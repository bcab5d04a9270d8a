package lianshao.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** 招聘: one candidate's outcome for one post (contract section 2, RECRUITMENT). */
public record Recruitment(
        String recordId, String externalId, String source, String orgCode,
        OffsetDateTime occurredAt, LocalDate occurredOn, boolean current,
        String recruitmentId, String positionCode, String postCategory, int openings,
        int qualifiedApplicants, String ratioWaiverRef, String method, String announcementRef,
        String requirements, Boolean conditionsChangedAfterNotice, String candidateRef,
        BigDecimal writtenScore, BigDecimal interviewScore, BigDecimal totalScore,
        Integer finalRank, String rankSkipReason, boolean hired, Boolean credentialCheckPassed,
        List<String> panelRefs, List<String> recusedRefs, String collectiveDecisionRef,
        String approverRef, LocalDate noticePublishedOn, LocalDate applicationClosesOn,
        LocalDate scoresReleasedOn, Boolean scoreChangedAfterRelease, LocalDate publicityStart,
        LocalDate publicityEnd, LocalDate hiredOn) implements RecordFact {

    /** Post categories the contract names as sensitive for kinship rules (SECRETARY to AUDIT). */
    public static final java.util.Set<String> SENSITIVE_POSTS = java.util.Set.of("SECRETARY", "PERSONNEL", "FINANCE",
            "DISCIPLINE", "AUDIT");

    @Override
    public String domain() {
        return "RECRUITMENT";
    }

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
