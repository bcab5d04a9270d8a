package lianshao.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** What one catalogue rule found on one record (several firings of the rule merged). */
public record Hit(String ruleId, String message, String messageEn, List<String> subjects,
        List<String> counterparties, Map<String, Object> evidence, List<String> relatedRecords,
        List<Escalation> escalations, Map<String, BigDecimal> benefits, List<String> crimeIndicators) {

    /** A G1 escalation named by the rule. */
    public record Escalation(int form, String reason) {
    }

    /** The highest form the rule itself asked for (G1), or 0. */
    public int escalatedForm() {
        return escalations.stream().mapToInt(Escalation::form).max().orElse(0);
    }
}
