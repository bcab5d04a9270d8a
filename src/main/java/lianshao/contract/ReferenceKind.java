package lianshao.contract;

/** The reference-data resources of section 3 whose request bodies can be validated. */
public enum ReferenceKind {
    ORG, PARTY, RELATION, ADMISSION_PLAN, SANCTION, CALENDAR
}
