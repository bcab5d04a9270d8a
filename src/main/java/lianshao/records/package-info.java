/**
 * Records: the data feeds' entry point. Validates envelopes, stores records durably and idempotently
 * with their revisions, evaluates them (with their context from the database), keeps failed
 * evaluations for retry, and re-evaluates records touched by changed reference data.
 */
package lianshao.records;
