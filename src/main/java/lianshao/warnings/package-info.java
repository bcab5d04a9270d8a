/**
 * Warnings: graded hits stored with their provenance, one per (rule, record), their audit trail, and
 * the API that lists them.
 */
package lianshao.warnings;
