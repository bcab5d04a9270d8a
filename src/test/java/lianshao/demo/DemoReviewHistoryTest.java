package lianshao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.warnings.WarningReview;
import lianshao.warnings.WarningStatus;

/**
 * The demo city shows the whole loop at once: after seeding, demo warnings stand in every state (muted ones
 * aside, which need a mute) and one proposal waits for a second supervisor; each got there through the review
 * (its audit trail), the district and school demo users see only their part, and a second start adds nothing.
 */
@SpringBootTest(properties = "lianshao.demo.enabled=true")
@Tag("database")
class DemoReviewHistoryTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoSeeder seeder;
    @Autowired
    CurrentUsers users;
    @Autowired
    WarningReview review;

    @Test
    void everyStateOfTheLoopIsOnShow() {
        Set<WarningStatus> shown = jdbc.sql("""
                SELECT DISTINCT w.status FROM warning w JOIN record r ON r.id = w.record_id WHERE r.source = 'demo-feed'""")
                .query(String.class).list().stream().map(WarningStatus::valueOf).collect(Collectors.toSet());
        assertThat(shown).containsAll(EnumSet.complementOf(EnumSet.of(WarningStatus.MUTED)));
        assertThat(demoCount("w.proposed_action IS NOT NULL AND w.proposed_by = 'inspector'")).isPositive();
    }

    @Test
    void eachStateWasReachedThroughTheReviewWithItsAuditTrail() {
        assertThat(demoCount("w.status <> 'NEW' AND NOT EXISTS (SELECT 1 FROM warning_action a WHERE a.warning_id = w.id"
                + " AND a.to_status = w.status)")).isZero();
        // four eyes: every handover was proposed by one person and approved by another, with a referral number
        assertThat(demoCount("w.status IN ('HANDED_OVER', 'CONCLUDED')")).isGreaterThanOrEqualTo(2);
        assertThat(demoCount("w.status IN ('HANDED_OVER', 'CONCLUDED') AND (w.referral_no IS NULL OR w.approved_by <> 'supervisor'"
                + " OR NOT EXISTS (SELECT 1 FROM warning_action a WHERE a.warning_id = w.id AND a.action = 'PROPOSE_HAND_OVER'"
                + " AND a.actor <> w.approved_by))")).isZero();
        // the unit's deadline runs in working days from the dispatch
        assertThat(demoCount("w.status IN ('RECTIFYING', 'RETURNED') AND (w.due_at IS NULL OR w.due_at <= w.dispatched_at)"))
                .isZero();
        assertThat(demoCount("w.status = 'RECTIFIED' AND w.return_count = 1 AND w.replied_by = '" + DemoReviewHistory.UNIT + "'"))
                .isEqualTo(1);
    }

    @Test
    void theSchoolLiaisonSeesOnlyWhatWasDispatchedToItsSchoolAndTheDistrictInspectorOnlyTheDistrict() {
        CurrentUser liaison = users.find(DemoReviewHistory.UNIT).orElseThrow();
        assertThat(liaison.roles()).containsExactly(Role.UNIT);
        assertThat(liaison.orgs()).containsExactly(DemoReviewHistory.UNIT_ORG);
        List<String> dispatched = demoIds("w.unit_org = '" + DemoReviewHistory.UNIT_ORG + "'");
        assertThat(dispatched).hasSizeGreaterThanOrEqualTo(4);
        assertThat(dispatched).allSatisfy(id -> assertThat(review.visible(id, liaison)).isPresent());
        assertThat(demoIds("w.unit_org IS NULL")).allSatisfy(id -> assertThat(review.visible(id, liaison)).isEmpty());

        CurrentUser east = users.find(DemoReviewHistory.DISTRICT_INSPECTOR).orElseThrow();
        assertThat(east.district()).isEqualTo(DemoReviewHistory.DISTRICT);
        List<String> elsewhere = demoIds("w.org_code IN (SELECT code FROM org WHERE district <> '" + DemoReviewHistory.DISTRICT + "')");
        assertThat(elsewhere).isNotEmpty().allSatisfy(id -> assertThat(review.visible(id, east)).isEmpty());
        assertThat(demoCount("w.assignee = '" + DemoReviewHistory.DISTRICT_INSPECTOR + "'")).isPositive();
    }

    @Test
    void aSecondStartTellsNothingNew() throws Exception {
        long actions = jdbc.sql("SELECT COUNT(*) FROM warning_action").query(Long.class).single();
        String states = jdbc.sql("SELECT status FROM warning ORDER BY id").query(String.class).list().toString();
        seeder.run(new DefaultApplicationArguments());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM warning_action").query(Long.class).single()).isEqualTo(actions);
        assertThat(jdbc.sql("SELECT status FROM warning ORDER BY id").query(String.class).list().toString()).isEqualTo(states);
    }

    private long demoCount(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM warning w JOIN record r ON r.id = w.record_id WHERE r.source = 'demo-feed' AND "
                + condition).query(Long.class).single();
    }

    private List<String> demoIds(String condition) {
        return jdbc.sql("SELECT w.id FROM warning w JOIN record r ON r.id = w.record_id WHERE r.source = 'demo-feed' AND "
                + condition).query(String.class).list();
    }
}
