package lianshao.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The date in {@code later} must not be before the date in {@code earlier}. */
record DateOrder(String earlier, String later) implements CrossFieldCheck {

    @Override
    public void check(JsonNode object, String path, List<FieldError> errors) {
        Optional<LocalDate> start = JsonValues.date(object.get(earlier));
        Optional<LocalDate> end = JsonValues.date(object.get(later));
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            errors.add(new FieldError(FieldPaths.child(path, later), Messages.notBefore(earlier)));
        }
    }
}
