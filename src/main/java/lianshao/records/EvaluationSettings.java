package lianshao.records;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * @param lookbackYears        how far back earlier records are loaded as context
 * @param maxContextRecords    at most this many earlier records per evaluation
 * @param maxRelations         at most this many relations per evaluation
 * @param pendingGrace         a record still PENDING this long after it was stored is picked up again
 *                             (its evaluation was cut off, e.g. by a crash)
 * @param retryBackoff         first delay before a failed evaluation is retried; doubles each attempt
 * @param maxRetryBackoff      longest delay between retries
 * @param workerBatch          records a background worker takes per round
 * @param maxReevaluationsPerChange records queued at most for one reference-data change
 * @param lateArrivalDelay   a record that occurred after a late arrival is re-evaluated this long after it was queued, so
 *                             the late arrivals of a burst share one re-evaluation of each later record
 * @param lateArrivalInterval a record is re-evaluated for late arrivals at most once per this interval (counted from
 *                             its last evaluation): a steady stream of late arrivals costs one re-evaluation of each later
 *                             record per interval
 * @param importHoldLimit      an import job holds the re-evaluations its late arrivals cause until it ends (each later
 *                             record is then evaluated once per import); a hold older than this is released anyway
 * @param failuresBeforeWarning failed attempts after which an evaluation that fails for another reason than
 *                             its budgets raises the system warning SYS-01 (a budget overrun raises it at once)
 */
@ConfigurationProperties("lianshao.evaluation")
public record EvaluationSettings(
        @DefaultValue("5") int lookbackYears,
        @DefaultValue("500") int maxContextRecords,
        @DefaultValue("2000") int maxRelations,
        @DefaultValue("60s") Duration pendingGrace,
        @DefaultValue("10s") Duration retryBackoff,
        @DefaultValue("1h") Duration maxRetryBackoff,
        @DefaultValue("100") int workerBatch,
        @DefaultValue("10000") int maxReevaluationsPerChange,
        @DefaultValue("3") int failuresBeforeWarning,
        @DefaultValue("5s") Duration lateArrivalDelay,
        @DefaultValue("60s") Duration lateArrivalInterval,
        @DefaultValue("1h") Duration importHoldLimit) {

    /** The settings when none are configured: the defaults above (rule tests run outside the application use them). */
    public static EvaluationSettings defaults() {
        return new Binder(new MapConfigurationPropertySource()).bindOrCreate("lianshao.evaluation", EvaluationSettings.class);
    }
}
