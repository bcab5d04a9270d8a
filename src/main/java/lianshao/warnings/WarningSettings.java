package lianshao.warnings;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dueDays         days from raising to the due date, by suggested form (1: 30, 2: 20, 3: 10, 4: 5)
 * @param fourEyesFromForm confirming a warning with at least this decided form needs a second person
 */
@ConfigurationProperties("lianshao.warnings")
public record WarningSettings(Map<Integer, Integer> dueDays, @DefaultValue("3") int fourEyesFromForm) {

    private static final Map<Integer, Integer> DEFAULT_DUE_DAYS = Map.of(1, 30, 2, 20, 3, 10, 4, 5);

    public WarningSettings {
        dueDays = dueDays == null || dueDays.isEmpty() ? DEFAULT_DUE_DAYS : Map.copyOf(dueDays);
    }

    public int dueDaysFor(int form) {
        return dueDays.getOrDefault(form, DEFAULT_DUE_DAYS.get(form));
    }
}
