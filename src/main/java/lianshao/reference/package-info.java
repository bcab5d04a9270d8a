/**
 * Reference data (contract section 3): organisations, parties, relations, admission plans, sanctions
 * and the working-day calendar. Changes are announced with {@link ReferenceDataChanged} so the records
 * they touch are re-evaluated.
 */
package lianshao.reference;
