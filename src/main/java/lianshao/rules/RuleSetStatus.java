package lianshao.rules;

/** Where a rule-set version stands in its lifecycle. */
public enum RuleSetStatus {
    DRAFT, SUBMITTED, APPROVED, ACTIVE, RETIRED, REJECTED
}
