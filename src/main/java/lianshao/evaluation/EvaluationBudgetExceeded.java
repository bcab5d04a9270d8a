package lianshao.evaluation;

/** An evaluation used up its firing or time budget: the record is kept as EVALUATION_FAILED. */
public class EvaluationBudgetExceeded extends RuntimeException {

    public EvaluationBudgetExceeded(String message) {
        super(message);
    }
}
