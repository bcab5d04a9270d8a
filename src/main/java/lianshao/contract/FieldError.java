package lianshao.contract;

/** One validation error: the path of the offending field and a bilingual (Chinese / English) message. */
public record FieldError(String field, String message) {
}
