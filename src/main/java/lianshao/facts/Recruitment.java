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

    @Override
    public String domain() {
        return "RECRUITMENT";
    }
}
