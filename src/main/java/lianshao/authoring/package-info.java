/**
 * Rule authoring: the rule test files beside each DRL ({@code NAME.test.json}) and their runner, and the
 * lifecycle of stored rule-set versions over {@code /api/v1/rule-sets}: drafts, validation, tests,
 * backtests, maker–checker approval, deployment and rollback, all audited.
 */
package lianshao.authoring;
