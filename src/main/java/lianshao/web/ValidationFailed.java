package lianshao.web;

import java.util.List;

import lianshao.contract.FieldError;

/** Bad input: answered 400 with every field and reason. Nothing has been stored. */
public class ValidationFailed extends RuntimeException {

    private final List<FieldError> errors;

    public ValidationFailed(List<FieldError> errors) {
        super("validation failed: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static ValidationFailed of(String field, String message) {
        return new ValidationFailed(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
