package lianshao.notifications;

import java.util.List;
import java.util.Map;

/**
 * The routing table: which audited warning action notifies whom, and as what. Keyed by the action's name as the
 * audit trail records it; an action not listed notifies no one. The actor is never notified of their own action.
 */
final class Routes {

    record Route(NotificationKind kind, List<Audience> audiences) {
    }

    static final Map<String, Route> BY_ACTION = Map.ofEntries(
            Map.entry("ASSIGN", new Route(NotificationKind.ASSIGNED, List.of(Audience.ASSIGNEE))),
            Map.entry("PROPOSE_CONFIRM", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.SUPERVISORS))),
            Map.entry("PROPOSE_DISMISS", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.SUPERVISORS))),
            Map.entry("PROPOSE_CLOSE", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.SUPERVISORS))),
            Map.entry("PROPOSE_HAND_OVER", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.SUPERVISORS))),
            Map.entry("PROPOSE_OUTCOME", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.SUPERVISORS))),
            Map.entry("REQUEST_EXTENSION", new Route(NotificationKind.AWAITING_APPROVAL, List.of(Audience.ASSIGNEE, Audience.SUPERVISORS))),
            Map.entry("DISPATCH", new Route(NotificationKind.ASSIGNED, List.of(Audience.UNIT_CONTACTS))),
            Map.entry("REPLY", new Route(NotificationKind.REPLY_RECEIVED, List.of(Audience.ASSIGNEE))),
            Map.entry("RETURN", new Route(NotificationKind.RETURNED, List.of(Audience.UNIT_CONTACTS))));

    private Routes() {
    }
}
