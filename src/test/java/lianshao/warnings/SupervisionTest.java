package lianshao.warnings;

import static lianshao.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import lianshao.ApiTestSupport;
import lianshao.TestRecords;
import lianshao.security.Role;
import lianshao.security.Users;

/** The supervisor's lists and "next item": the most urgent unassigned warning, never given to two people. */
class SupervisionTest extends ApiTestSupport {

    @Autowired
    Users users;

    String district;
    String inspectorA;
    String inspectorB;
    String supervisor;

    @BeforeEach
    void people() {
        district = unique("督办区");
        inspectorA = unique("insp-a").toLowerCase();
        inspectorB = unique("insp-b").toLowerCase();
        supervisor = unique("sup").toLowerCase();
        users.ensure(inspectorA, PASSWORD, "检查员甲", Set.of(Role.INSPECTOR), district);
        users.ensure(inspectorB, PASSWORD, "检查员乙", Set.of(Role.INSPECTOR), district);
        users.ensure(supervisor, PASSWORD, "组长", Set.of(Role.SUPERVISOR), district);
    }

    String warning(LocalDateTime dueAt) throws Exception {
        String school = unique("SCH");
        registerOrg(school, district);
        String id = json(postJson("/api/v1/records", TestRecords.largeInquiry(school).toString()).andReturn())
                .get("warnings").get(0).get("id").asString();
        jdbc.sql("UPDATE warning SET due_at = ? WHERE id = ?").params(dueAt, id).update();
        return id;
    }

    MvcResult next(String user) throws Exception {
        return mvc.perform(post("/api/v1/warnings/next").with(signedIn(user))).andReturn();
    }

    @Test
    void nextItemGivesTheNearestDeadlineFirstAndAssignsItToTheCaller() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        String later = warning(now.plusDays(10));
        String sooner = warning(now.plusDays(2));
        MvcResult first = next(inspectorA);
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(json(first).get("id").asString()).isEqualTo(sooner);
        assertThat(json(first).get("assignee").asString()).isEqualTo(inspectorA);
        assertThat(json(first).get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(json(next(inspectorB)).get("id").asString()).isEqualTo(later);
        assertThat(next(inspectorB).getResponse().getStatus()).isEqualTo(204);
        // an inspector of another district sees none of these
        String stranger = unique("insp-x").toLowerCase();
        users.ensure(stranger, PASSWORD, "外区检查员", Set.of(Role.INSPECTOR), unique("外区"));
        assertThat(next(stranger).getResponse().getStatus()).isEqualTo(204);
    }

    @Test
    void twoInspectorsTakingNextItemsAtOnceNeverGetTheSameWarning() throws Exception {
        LocalDateTime due = LocalDateTime.now(ZoneOffset.UTC).withNano(0).plusDays(5);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            created.add(warning(due));
        }
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String inspector : List.of(inspectorA, inspectorB)) {
                Callable<Integer> takeAll = () -> {
                    start.await();
                    int count = 0;
                    while (true) {
                        MvcResult r = next(inspector);
                        if (r.getResponse().getStatus() == 204) {
                            return count;
                        }
                        assertThat(r.getResponse().getStatus()).isEqualTo(200);
                        assertThat(json(r).get("assignee").asString()).isEqualTo(inspector);
                        taken.add(json(r).get("id").asString());
                        count++;
                    }
                };
                results.add(pool.submit(takeAll));
            }
            start.countDown();
            for (Future<Integer> f : results) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        for (String id : created) {
            String assignee = jdbc.sql("SELECT assignee FROM warning WHERE id = ?").param(id).query(String.class).single();
            long assigns = jdbc.sql("SELECT COUNT(*) FROM warning_action WHERE warning_id = ? AND action = 'ASSIGN'").param(id)
                    .query(Long.class).single();
            assertThat(assignee).isIn(inspectorA, inspectorB);
            assertThat(assigns).isEqualTo(1);
        }
    }

    @Test
    void theSupervisorSeesOverdueReturnedAndRisingItemsOfTheDistrictWithTheirPriority() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        String overdue = warning(now.minusDays(1));
        String rising = warning(now.plusDays(1));
        jdbc.sql("UPDATE warning SET due_from = ? WHERE id = ?").params(now.minusDays(2), rising).update();
        String fresh = warning(now.plusDays(30));
        jdbc.sql("UPDATE warning SET due_from = ? WHERE id = ?").params(now, fresh).update();
        String returned = warning(now.plusDays(4));
        jdbc.sql("UPDATE warning SET status = 'RETURNED', decided_form = 1, unit_org = org_code, due_from = ? WHERE id = ?")
                .params(now.minusDays(4), returned).update();

        mvc.perform(get("/api/v1/supervision").with(signedIn(supervisor))).andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[*].id").value(hasItem(overdue)))
                .andExpect(jsonPath("$.overdue[0].priority").value("OVERDUE"))
                .andExpect(jsonPath("$.rising[*].id").value(hasItem(rising)))
                .andExpect(jsonPath("$.rising[*].id").value(not(hasItem(fresh))))
                .andExpect(jsonPath("$.returned[*].id").value(hasItem(returned)))
                .andExpect(jsonPath("$.returned[0].priority").value("ATTENTION"));
        getAsInspector("/api/v1/warnings/" + rising).andExpect(jsonPath("$.priority").value("URGENT"));
        getAsInspector("/api/v1/warnings/" + fresh).andExpect(jsonPath("$.priority").value("NORMAL"));
        // only supervisors, and only their district
        mvc.perform(get("/api/v1/supervision").with(signedIn(inspectorA))).andExpect(status().isForbidden());
        String other = unique("sup-x").toLowerCase();
        users.ensure(other, PASSWORD, "外区组长", Set.of(Role.SUPERVISOR), unique("外区"));
        mvc.perform(get("/api/v1/supervision").with(signedIn(other))).andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue[*].id").value(not(hasItem(overdue))));
    }
}
