package lianshao.records;

/** What posting a record did to the store (contract: batch result status). */
public enum IngestOutcome { CREATED, UNCHANGED, REVISED, REJECTED }
