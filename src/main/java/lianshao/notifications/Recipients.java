package lianshao.notifications;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import lianshao.security.CurrentUser;
import lianshao.security.CurrentUsers;
import lianshao.security.Role;
import lianshao.warnings.WarningView;
import lianshao.warnings.WarningReview;

/**
 * The people an audience stands for on one warning, each checked against their data scope: only someone who may
 * open the warning (its organisation within their district, and within their organisations when they are bound
 * to some) and who has an inbox is notified. Everyone else is left out silently.
 */
@Component
class Recipients {

    private final CurrentUsers users;
    private final WarningReview review;

    Recipients(CurrentUsers users, WarningReview review) {
        this.users = users;
        this.review = review;
    }

    /** The recipients of the audiences on the warning, each once, without {@code actor}. */
    List<CurrentUser> of(WarningView warning, Collection<Audience> audiences, String actor) {
        Map<String, CurrentUser> found = new LinkedHashMap<>();
        for (Audience audience : audiences) {
            for (CurrentUser user : candidates(warning, audience)) {
                if (!user.username().equals(actor) && mayNotify(user, warning)) {
                    found.putIfAbsent(user.username(), user);
                }
            }
        }
        return List.copyOf(found.values());
    }

    private List<CurrentUser> candidates(WarningView warning, Audience audience) {
        return switch (audience) {
            case ASSIGNEE -> warning.assignee() == null ? List.of() : users.find(warning.assignee()).stream().toList();
            case SUPERVISORS -> users.holding(Role.SUPERVISOR.name());
            case UNIT_CONTACTS -> users.holding(Role.UNIT.name());
        };
    }

    /** Whether the person may see the warning and has an inbox: the check made before each notification. */
    boolean mayNotify(CurrentUser user, WarningView warning) {
        if (!hasInbox(user)) {
            return false;
        }
        if (!user.has(Role.UNIT) && !user.orgs().isEmpty() && !user.orgs().contains(warning.orgCode())) {
            return false;
        }
        return review.visible(warning.id(), user).isPresent();
    }

    /**
     * Whether the person may still see the warning now, as {@link #mayNotify} decides it when a notification is made:
     * asked again when the notification is mailed, since their role or scope, or the warning, may have changed since.
     * A notification about no warning is theirs as long as they are an enabled person with an inbox.
     */
    boolean mayStillSee(String username, String warningId) {
        Optional<CurrentUser> user = users.find(username);
        if (user.isEmpty() || !hasInbox(user.get())) {
            return false;
        }
        if (warningId == null) {
            return true;
        }
        return review.visible(warningId, user.get()).map(w -> mayNotify(user.get(), w)).orElse(false);
    }

    /** Everyone but a pure importer has an inbox (importers and feeds are told nothing about warnings). */
    static boolean hasInbox(CurrentUser user) {
        return user.roles().stream().anyMatch(r -> r != Role.IMPORTER);
    }
}
