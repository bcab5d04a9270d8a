package lianshao.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import lianshao.warnings.WarningAudited;
import lianshao.warnings.Warnings;

/**
 * Turns audited review actions into notifications by {@link Routes}, after the action's transaction committed:
 * an action that was rolled back notifies no one. The notifications are written in a transaction of their own;
 * if that fails, the action stands and the failure is logged.
 */
@Component
class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final Warnings warnings;
    private final Dispatcher dispatcher;
    private final TransactionTemplate transaction;

    AuditListener(Warnings warnings, Dispatcher dispatcher, PlatformTransactionManager transactions) {
        this.warnings = warnings;
        this.dispatcher = dispatcher;
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener
    void audited(WarningAudited event) {
        Routes.Route route = Routes.BY_ACTION.get(event.action());
        if (route == null) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> warnings.find(event.warningId()).ifPresent(w -> dispatcher.dispatch(w,
                    route.kind(), route.audiences(), event.actor(), event.action(), null, event.at())));
        } catch (RuntimeException e) {
            log.warn("notifications of {} on warning {} not made", event.action(), event.warningId(), e);
        }
    }
}
