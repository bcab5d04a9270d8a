package lianshao.rules;

/**
 * Size limits a rule set must keep to, so that a careless rule cannot blow up the rule network.
 *
 * @param maxRules            rules (catalogue and derivation) in one rule set
 * @param maxPatternsPerRule  fact patterns in one rule, counting those inside {@code not}, {@code exists}
 *                            and {@code accumulate}
 * @param maxOrDepth          nesting depth of {@code or} between patterns
 * @param maxAlternatives     alternatives one rule unfolds into (the product of its {@code or} branches)
 * @param maxFileChars        characters of one DRL file
 */
public record SafetyLimits(int maxRules, int maxPatternsPerRule, int maxOrDepth, int maxAlternatives, int maxFileChars) {

    public static final SafetyLimits DEFAULT = new SafetyLimits(2000, 20, 3, 64, 1_000_000);
}
