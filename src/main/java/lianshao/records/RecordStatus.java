package lianshao.records;

/** Where a stored record stands. */
public enum RecordStatus {
    /** Stored, evaluation not finished yet (a crash here is picked up by the retry worker). */
    PENDING,
    EVALUATED,
    /** The evaluation failed; the error is kept and the record is retried. */
    EVALUATION_FAILED
}
