package lianshao.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that did not pass its checks or did not compile; names each file, line and reason. */
public class RuleSetInvalidException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleSetInvalidException(List<RuleProblem> problems) {
        super("rule set is invalid:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
