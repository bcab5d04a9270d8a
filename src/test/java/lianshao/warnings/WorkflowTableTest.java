package lianshao.warnings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import lianshao.security.CurrentUser;
import lianshao.security.Role;

/**
 * The state machine of docs/workflow.md against its enforcement: the expectations are read from the documented
 * table (not from the code), and {@link ReviewGuard} with {@link ReviewAction} is asked for every state × action
 * × role × form × pending situation. A row gives the outcome and the next state; a combination in no row is
 * refused — 403 when the role is in no row of that action, else 409.
 */
class WorkflowTableTest {

    private static final Set<WarningStatus> DECIDED = EnumSet.of(WarningStatus.CONFIRMED, WarningStatus.RECTIFYING,
            WarningStatus.REPORTED, WarningStatus.RETURNED, WarningStatus.RECTIFIED, WarningStatus.HANDED_OVER,
            WarningStatus.CONCLUDED);
    private static final Set<WarningStatus> EXTENSION_STATES = EnumSet.of(WarningStatus.RECTIFYING, WarningStatus.RETURNED);

    private final ReviewGuard guard = new ReviewGuard(3);

    /** One row of the documented table. */
    record Row(Set<WarningStatus> states, ReviewAction action, boolean lower, Set<String> when, Set<Role> who, int fromForm,
            int toForm, ReviewGuard.Outcome outcome, String next) {

        boolean covers(WarningStatus state, ReviewAction action, boolean lower, String situation, int form) {
            return this.action == action && this.lower == lower && states.contains(state)
                    && (when.contains("*") || when.contains(situation)) && form >= fromForm && form <= toForm;
        }
    }

    @Test
    void everyCombinationIsEnforcedAsTheDocumentedTableSays() throws Exception {
        List<Row> table = table();
        assertThat(table).hasSizeGreaterThan(20);
        List<String> mismatches = new ArrayList<>();
        int cases = 0;
        for (WarningStatus state : WarningStatus.values()) {
            for (String situation : List.of("none", "proposal", "own-proposal", "extension")) {
                if (situation.equals("extension") && !EXTENSION_STATES.contains(state)) {
                    continue;
                }
                for (ReviewAction action : ReviewAction.values()) {
                    for (boolean lower : List.of(false, true)) {
                        if (lower && action != ReviewAction.CONFIRM && action != ReviewAction.OUTCOME) {
                            continue;
                        }
                        for (Role role : Role.values()) {
                            for (int form = lower ? 2 : 1; form <= 4; form++) {
                                cases++;
                                String found = check(table, state, situation, action, lower, role, form);
                                if (found != null) {
                                    mismatches.add(found);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(cases).isGreaterThan(5000);
        assertThat(mismatches).as("combinations where the enforcement differs from docs/workflow.md").isEmpty();
    }

    @Test
    void everyStateAndEveryActionAppearsInTheTable() throws Exception {
        List<Row> table = table();
        Set<ReviewAction> actions = table.stream().map(Row::action).collect(Collectors.toSet());
        assertThat(actions).containsExactlyInAnyOrder(ReviewAction.values());
        Set<WarningStatus> states = table.stream().flatMap(r -> r.states().stream()).collect(Collectors.toSet());
        assertThat(states).containsExactlyInAnyOrder(WarningStatus.values());
    }

    private String check(List<Row> table, WarningStatus state, String situation, ReviewAction action, boolean lower, Role role,
            int form) {
        CurrentUser user = new CurrentUser("user-" + role.name().toLowerCase(), role.name(), Set.of(role), null);
        ReviewGuard.Proposal pending = switch (situation) {
            case "proposal" -> new ReviewGuard.Proposal(proposedIn(state), form, null, "someone-else");
            case "own-proposal" -> new ReviewGuard.Proposal(proposedIn(state), form, null, user.username());
            default -> null;
        };
        boolean decided = DECIDED.contains(state);
        // a serious decision (form 3–4) was approved by a second person
        String approvedBy = form >= 3 && (decided || state == WarningStatus.DISMISSED || state == WarningStatus.CLOSED)
                ? "second-supervisor" : null;
        ReviewGuard.Situation w = new ReviewGuard.Situation(state, form, decided ? Integer.valueOf(form) : null, pending,
                approvedBy, situation.equals("extension"));
        Integer asked = action == ReviewAction.CONFIRM || action == ReviewAction.OUTCOME ? Integer.valueOf(lower ? form - 1 : form)
                : null;
        ReviewGuard.Decision decision = guard.decide(action, w, user, asked);

        Row row = table.stream().filter(r -> r.covers(state, action, lower, situation, form) && r.who().contains(role))
                .findFirst().orElse(null);
        ReviewGuard.Outcome expected;
        if (row != null) {
            expected = row.outcome();
        } else {
            boolean roleAppears = table.stream().anyMatch(r -> r.action() == action && r.who().contains(role));
            expected = roleAppears ? ReviewGuard.Outcome.CONFLICT : ReviewGuard.Outcome.FORBIDDEN;
        }
        String at = state + " " + action + (lower ? "↓" : "") + " when " + situation + " by " + role + " at form " + form;
        if (decision.outcome() != expected) {
            return at + ": documented " + expected + ", enforced " + decision.outcome() + " (" + decision.reason() + ")";
        }
        if (row != null && row.outcome() == ReviewGuard.Outcome.APPLY && !row.next().equals("as proposed")) {
            WarningStatus next = action.next(state);
            String documented = row.next().equals("=") ? state.name() : row.next();
            if (!next.name().equals(documented)) {
                return at + ": documented next state " + documented + ", enforced " + next;
            }
        }
        return null;
    }

    /** The proposal a warning in this state could have pending. */
    private static ReviewAction proposedIn(WarningStatus state) {
        return switch (state) {
            case CONFIRMED -> ReviewAction.HAND_OVER;
            case DISMISSED -> ReviewAction.CLOSE;
            case HANDED_OVER -> ReviewAction.OUTCOME;
            default -> ReviewAction.CONFIRM;
        };
    }

    /** The rows of the table under "## The table" in docs/workflow.md. */
    static List<Row> table() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("docs/workflow.md"), StandardCharsets.UTF_8);
        int start = lines.indexOf("## The table");
        assertThat(start).as("docs/workflow.md has a section '## The table'").isPositive();
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::strip).toList();
            if (cells.get(0).equals("states") || cells.get(0).startsWith("---")) {
                continue;
            }
            rows.add(row(cells));
        }
        return rows;
    }

    private static Row row(List<String> cells) {
        Set<WarningStatus> states = cells.get(0).equals("*") ? EnumSet.allOf(WarningStatus.class)
                : Arrays.stream(cells.get(0).split(",")).map(String::strip).map(WarningStatus::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(WarningStatus.class)));
        String actionCell = cells.get(1);
        boolean lower = actionCell.endsWith("↓");
        ReviewAction action = ReviewAction.valueOf(lower ? actionCell.substring(0, actionCell.length() - 1) : actionCell);
        Set<String> when = Arrays.stream(cells.get(2).split(",")).map(String::strip).collect(Collectors.toSet());
        Set<Role> who = Arrays.stream(cells.get(3).split(",")).map(String::strip).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        String[] forms = cells.get(4).split("–");
        int from = Integer.parseInt(forms[0].strip());
        int to = forms.length > 1 ? Integer.parseInt(forms[1].strip()) : from;
        return new Row(states, action, lower, when, who, from, to, ReviewGuard.Outcome.valueOf(cells.get(5)), cells.get(6));
    }
}
