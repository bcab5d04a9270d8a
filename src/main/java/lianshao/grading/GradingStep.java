package lianshao.grading;

/** One step applied to a warning's form: which step, from which form to which, and why. */
public record GradingStep(String step, int fromForm, int toForm, String reason) {
}
