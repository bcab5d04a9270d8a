package lianshao.rules;

/**
 * Runs a freshly built rule set over a few sample records before it is swapped in, so the first real
 * records do not pay for the engine's warm-up. Implemented where evaluation is available.
 */
public interface RuleSetWarmer {

    void warm(RuleSet ruleSet, java.util.Map<String, String> files);
}
