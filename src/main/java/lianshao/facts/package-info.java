/**
 * The fact model: the plain, immutable Java types that DRL rules see. This package is the contract
 * with rule authors — rules may import only from here (and a few JDK value types).
 *
 * <p>Each record of a domain is one fact ({@link Procurement}, {@link Tender}...); the record under
 * evaluation has {@code current == true}, the earlier records of its context {@code false}. Items of
 * the current record (bids, fees, payments...) are also inserted as facts of their own. Reference data
 * comes as {@link Party}, {@link Org}, {@link Relation}, {@link Kin}, {@link CompanyRole},
 * {@link Leader}, {@link Sanction}, {@link AdmissionPlan}; settings as {@link Thresholds} and
 * {@link WorkCalendar}. A rule records a hit through the global {@code hits} ({@link Hits}).
 */
package lianshao.facts;
