package lianshao.records;

/**
 * A lookup key of a record. Context keys find the earlier records a rule compares with (the same
 * budget line, project, post...); the others only find records to re-evaluate when reference data
 * changes (a party named in the record, its organisation...).
 */
record RecordKey(String name, String value) {

    static final String PARTY = "PARTY";
    static final String ORG = "ORG";
    static final String ADMISSION_PLAN = "ADM_PLAN";
    static final String DOMAIN_YEAR = "DOMAIN_YEAR";

    boolean context() {
        return !name.equals(PARTY) && !name.equals(ORG) && !name.equals(DOMAIN_YEAR);
    }
}
