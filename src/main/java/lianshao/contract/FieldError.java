package lianshao.contract;

/** One validation error: the path of the offending field and a bilingual (Chinese / English) message. */
public record FieldError(String field, String message) {

    /** The contract's "not a timestamp with an offset" error, which a ledger import explains in the forms people type. */
    public boolean invalidTimestamp() {
        return Messages.INVALID_TIMESTAMP.equals(message);
    }
}
