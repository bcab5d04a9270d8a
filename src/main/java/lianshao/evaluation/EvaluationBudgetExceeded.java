package lianshao.evaluation;

/**
 * An evaluation used up its firing or time budget: the record is kept as EVALUATION_FAILED and, since what the
 * rules would have found is unknown, raises a system warning of its own (never a silent failure).
 *
 * @see Budget
 */
public class EvaluationBudgetExceeded extends RuntimeException {

    /** Which budget ran out. */
    public enum Budget {
        /** {@code lianshao.rules.max-firings}: rule firings of one evaluation. */
        FIRINGS,
        /** {@code lianshao.rules.time-budget}: wall-clock milliseconds of one evaluation. */
        TIME
    }

    private final Budget budget;
    private final long limit;
    private final long used;

    /**
     * @param budget which budget ran out
     * @param limit  the budget (firings, or milliseconds)
     * @param used   what the evaluation had used when it was stopped (firings, or milliseconds)
     */
    public EvaluationBudgetExceeded(Budget budget, long limit, long used) {
        super(budget == Budget.FIRINGS
                ? "evaluation exceeded its firing budget of " + limit + " (stopped after " + used + " firings)"
                : "evaluation exceeded its time budget of " + limit + " ms (stopped after " + used + " ms)");
        this.budget = budget;
        this.limit = limit;
        this.used = used;
    }

    public Budget budget() {
        return budget;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }
}
