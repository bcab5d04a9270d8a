package lianshao.contract;

/** The kinds of JSON value the contract declares, as seen by readers of {@link ContractSchemas}. */
public enum ValueKind {
    /** A JSON string: ids, party references, codes, names, free text. */
    TEXT,
    /** A JSON string that must be one of {@link ValueDescription#enumValues()}. */
    ENUM,
    /** An integral JSON number. */
    INTEGER,
    /** A JSON number read as a decimal; money when {@link ValueDescription#maxDecimals()} is set. */
    NUMBER,
    BOOLEAN,
    /** A string {@code YYYY-MM-DD}. */
    DATE,
    /** A string, ISO-8601 date-time with an offset. */
    TIMESTAMP,
    /** A JSON array of {@link ValueDescription#items()}. */
    ARRAY,
    /** A JSON object of {@link ValueDescription#fields()}. */
    OBJECT
}
