package lianshao.rules;

/**
 * For tests of the engine itself (firing and time budgets, declared types): a compiler without the
 * safety check, which would refuse the deliberately misbehaving rules those tests need.
 */
public final class UncheckedRuleCompiler {

    private UncheckedRuleCompiler() {
    }

    public static RuleCompiler create() {
        return RuleCompiler.withoutSafetyCheck();
    }
}
