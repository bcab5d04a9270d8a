package lianshao.warnings;

import java.util.List;

/**
 * A risk point the service raises itself, not a DRL rule of the catalogue: it has no rule file, is never graded
 * and cannot be muted, and it is described the way catalogue rules are (title, explanation, basis, departments,
 * form) wherever warnings are shown. Its id starts with {@code SYS-}, which no catalogue rule id does.
 *
 * @param form the form it is raised at (fixed: there is no grading of a system matter)
 */
public record SystemRiskPoint(String id, String title, String titleEn, String explanation, String explanationEn,
        String basis, List<String> departments, int form) {

    /** Rule ids of system risk points start with this. */
    public static final String PREFIX = "SYS-";

    /**
     * SYS-01: the rules could not finish judging a record (a budget ran out, or the evaluation kept failing),
     * so what they would have found is unknown. Raised at form 2: above the routine reminders of form 1, so it is
     * not read as a minor matter and appears whatever form an inspector starts from, with a 20-day due date;
     * below form 3, whose confirmation needs a second person, since closing it is an inspection of the record
     * and of the feed, not a sanction. The discipline-inspection office reviews the record by hand; the
     * information office finds out why the evaluation could not complete.
     */
    public static final SystemRiskPoint EVALUATION_INCOMPLETE = new SystemRiskPoint("SYS-01",
            "评估未完成", "Evaluation incomplete",
            "规则未能完成对该记录的评估，规则本应发现的风险未知；在评估完成前，须人工审查该记录。",
            "The rules could not finish judging this record, so what they would have found is unknown; review the "
                    + "record by hand until its evaluation completes.",
            "系统运行规则：每条记录必须完整评估，评估未完成本身即为须处理的风险（失败即告警，不得静默）"
                    + " / service rule: every record is fully evaluated; an incomplete evaluation is itself a risk to "
                    + "handle (fail closed, never silent)",
            List.of("纪检组", "信息中心"), 2);

    /** The system risk points, in id order. */
    public static final List<SystemRiskPoint> ALL = List.of(EVALUATION_INCOMPLETE);

    public static boolean isSystem(String ruleId) {
        return ruleId != null && ruleId.startsWith(PREFIX);
    }
}
