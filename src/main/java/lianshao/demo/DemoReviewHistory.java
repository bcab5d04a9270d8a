package lianshao.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import lianshao.reference.ReferenceQueries;
import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.warnings.WarningReview;
import lianshao.warnings.WarningReview.ActionRequest;

/**
 * Takes a few demo warnings through the review and the closed loop, as the demo people would, so that a newcomer
 * finds a warning in every state (and one proposal awaiting a second supervisor) at once. Every step goes through
 * {@link WarningReview}: the audit trail, the four-eyes rules and the working-day deadlines are the real ones.
 * Told once: when any demo reviewer or liaison has acted on a demo warning, nothing is done again.
 */
@Component
class DemoReviewHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoReviewHistory.class);

    static final String INSPECTOR = "inspector";
    static final String SUPERVISOR = "supervisor";
    static final String DISTRICT_INSPECTOR = "inspector-dongcheng";
    static final String DISTRICT = "东城区";
    static final String UNIT = "unit-sch0102";
    /** The school whose liaison is {@link #UNIT}: its own warnings are dispatched to it. */
    static final String UNIT_ORG = "SCH-0102";
    private static final String RESPONSIBLE = "校长 及 总务处主任";

    private final JdbcClient jdbc;
    private final WarningReview review;
    private final CurrentUsers users;
    private final ReferenceQueries reference;

    DemoReviewHistory(JdbcClient jdbc, WarningReview review, CurrentUsers users, ReferenceQueries reference) {
        this.jdbc = jdbc;
        this.review = review;
        this.users = users;
        this.reference = reference;
    }

    /** A demo warning still NEW: its id, organisation and the highest form it had. */
    private record Target(String id, String orgCode, int form) {
    }

    void tell() {
        if (told()) {
            return;
        }
        List<Target> fresh = jdbc.sql("""
                SELECT w.id, w.org_code, CASE WHEN w.highest_form IS NOT NULL AND w.highest_form > w.form
                    THEN w.highest_form ELSE w.form END
                FROM warning w JOIN record r ON r.id = w.record_id
                WHERE r.source = :feed AND w.status = 'NEW' AND w.still_hits = TRUE AND w.proposed_action IS NULL
                ORDER BY r.domain, r.external_id, w.rule_id""")
                .param("feed", DemoSettings.FEED)
                .query((rs, n) -> new Target(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
        Deque<Target> pool = new ArrayDeque<>(fresh);
        Predicate<Target> light = t -> !review.guard().serious(t.form());
        Predicate<Target> serious = light.negate();
        Predicate<Target> unitSchool = t -> t.orgCode().equals(UNIT_ORG);
        Predicate<Target> district = t -> reference.org(t.orgCode()).map(o -> DISTRICT.equals(o.district())).orElse(false);

        // the loop of the first and second forms, at the school whose liaison is a demo user
        take(pool, light.and(unitSchool), t -> {
            dispatch(t);
        });
        take(pool, light.and(unitSchool), t -> {
            dispatch(t);
            reply(t, "已对采购流程进行自查，情况属实。", "已补充集体决策记录并重新公示，相关责任人已作书面检查。");
        });
        take(pool, light.and(unitSchool), t -> {
            dispatch(t);
            reply(t, "经办人对规定理解有误。", "已组织学习相关规定。");
            act(DISTRICT_INSPECTOR, t, new ActionRequest("RETURN", null, null, null,
                    "整改报告未附制度修订文本和责任追究情况，请补充。", null, null, 10, null, null, null));
        });
        take(pool, light.and(unitSchool), t -> {
            dispatch(t);
            reply(t, "情况属实，已自查。", "已开会研究。");
            act(DISTRICT_INSPECTOR, t, new ActionRequest("RETURN", null, null, null,
                    "未见具体整改措施，请列明措施、责任人和完成时间。", null, null, 10, null, null, null));
            reply(t, "情况属实，已自查并追责。", "已修订《学校采购管理办法》，对经办人诫勉谈话，附会议纪要和修订文本。");
            act(DISTRICT_INSPECTOR, t, request("ACCEPT", "整改到位，予以销号。"));
        });
        // the review, in the district and city-wide
        take(pool, light.and(district), t -> act(DISTRICT_INSPECTOR, t, assign(DISTRICT_INSPECTOR)));
        take(pool, light, t -> {
            act(INSPECTOR, t, assign(INSPECTOR));
            act(INSPECTOR, t, request("START_REVIEW", "已调取合同和审批材料核查。"));
        });
        take(pool, light, t -> act(INSPECTOR, t, request("ESCALATE", "涉及多个单位，报请纪检组长研究。")));
        take(pool, light, t -> act(INSPECTOR, t, new ActionRequest("CONFIRM", null, "经核查问题属实。", t.form(), null)));
        take(pool, light, t -> act(INSPECTOR, t, new ActionRequest("DISMISS", null, "已有上级批准文件，属正当情形。", null,
                "JUSTIFIED")));
        take(pool, light, t -> {
            act(INSPECTOR, t, new ActionRequest("DISMISS", null, "数据录入错误，已由报送单位更正。", null, "DATA_ERROR"));
            act(INSPECTOR, t, request("CLOSE", "归档。"));
        });
        take(pool, light, t -> {
            act(INSPECTOR, t, new ActionRequest("CONFIRM", null, "初步核查属实。", t.form(), null));
            act(SUPERVISOR, t, request("REOPEN", "出现新的情况说明，重新核查。"));
        });
        // the third and fourth forms: two people decide, then the handover
        take(pool, serious.and(district), t -> {
            confirmSerious(DISTRICT_INSPECTOR, t);
            handOver(DISTRICT_INSPECTOR, t);
            act(DISTRICT_INSPECTOR, t, request("RECEIPT", "案件审理室已签收线索移交函。"));
        });
        take(pool, serious, t -> {
            confirmSerious(INSPECTOR, t);
            handOver(INSPECTOR, t);
            act(INSPECTOR, t, request("RECEIPT", "已签收。"));
            act(INSPECTOR, t, new ActionRequest("OUTCOME", null, "给予相关责任人党内严重警告处分。", t.form(), null));
        });
        take(pool, serious, t -> act(INSPECTOR, t, new ActionRequest("CONFIRM", null, "问题属实，建议按认定形态处理。",
                t.form(), null)));
        log.info("Demo review history told on {} warnings", fresh.size() - pool.size());
    }

    /** Whether the story (or any work of the demo people) is already in the audit trail. */
    private boolean told() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM warning_action a JOIN warning w ON w.id = a.warning_id JOIN record r ON r.id = w.record_id
                WHERE r.source = :feed AND a.actor IN (:people)""")
                .param("feed", DemoSettings.FEED)
                .param("people", List.of(INSPECTOR, SUPERVISOR, DISTRICT_INSPECTOR, UNIT))
                .query(Integer.class).single() > 0;
    }

    private static void take(Deque<Target> pool, Predicate<Target> fits, java.util.function.Consumer<Target> story) {
        Target target = pool.stream().filter(fits).findFirst().orElse(null);
        if (target == null) {
            log.warn("No demo warning left for a step of the demo review history");
            return;
        }
        pool.remove(target);
        story.accept(target);
    }

    private void dispatch(Target t) {
        act(DISTRICT_INSPECTOR, t, new ActionRequest("CONFIRM", null, "经核查问题属实。", t.form(), null));
        act(DISTRICT_INSPECTOR, t, new ActionRequest("DISPATCH", null, "请于期限内整改并报告。", null, null, UNIT_ORG, RESPONSIBLE, 15,
                null, null, null));
    }

    private void reply(Target t, String explanation, String report) {
        act(UNIT, t, new ActionRequest("REPLY", null, null, null, null, null, null, null, null, explanation, report));
    }

    private void confirmSerious(String inspector, Target t) {
        act(inspector, t, new ActionRequest("CONFIRM", null, "问题属实，建议按认定形态处理。", t.form(), null));
        act(SUPERVISOR, t, request("APPROVE", "同意。"));
    }

    private void handOver(String inspector, Target t) {
        String target = t.form() >= 4 ? "COMMISSION" : "CASE_REVIEW";
        act(inspector, t, new ActionRequest("HAND_OVER", null, "按程序移交。", null, null, null, null, null, target, null, null));
        act(SUPERVISOR, t, request("APPROVE", "同意移交。"));
    }

    private static ActionRequest assign(String assignee) {
        return new ActionRequest("ASSIGN", assignee, null, null, null);
    }

    private static ActionRequest request(String action, String comment) {
        return new ActionRequest(action, null, comment, null, null);
    }

    private void act(String username, Target t, ActionRequest request) {
        CurrentUser user = users.find(username).orElseThrow(() -> new IllegalStateException("no demo user " + username));
        review.act(t.id(), request, user);
    }
}
