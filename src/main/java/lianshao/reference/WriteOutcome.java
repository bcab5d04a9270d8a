package lianshao.reference;

/** What a reference-data write did. */
public enum WriteOutcome { CREATED, UPDATED, UNCHANGED }
