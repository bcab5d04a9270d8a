package lianshao.contract;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** No date may appear both in the date array {@code first} and in the date array {@code second}. */
record DisjointDates(String first, String second) implements CrossFieldCheck {

    @Override
    public void check(JsonNode object, String path, List<FieldError> errors) {
        JsonNode firstDates = object.get(first);
        JsonNode secondDates = object.get(second);
        if (firstDates == null || secondDates == null || !firstDates.isArray() || !secondDates.isArray()) {
            return;
        }
        Set<LocalDate> seen = new HashSet<>();
        firstDates.values().forEach(node -> JsonValues.date(node).ifPresent(seen::add));
        String secondPath = FieldPaths.child(path, second);
        for (int i = 0; i < secondDates.size(); i++) {
            Optional<LocalDate> date = JsonValues.date(secondDates.get(i));
            if (date.isPresent() && seen.contains(date.get())) {
                errors.add(new FieldError(FieldPaths.item(secondPath, i), Messages.HOLIDAY_AND_WORKDAY));
            }
        }
    }
}
