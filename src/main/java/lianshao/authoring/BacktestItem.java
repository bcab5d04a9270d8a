package lianshao.authoring;

import java.time.OffsetDateTime;

/** One difference a backtest found: a warning that would APPEAR, DISAPPEAR or CHANGE form on a record. */
public record BacktestItem(String recordId, String externalId, String ruleId, String change, String domain, String orgCode,
        OffsetDateTime occurredAt, Integer formBefore, Integer formAfter, String message) {
}
