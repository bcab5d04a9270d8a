package lianshao.facts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Price progressions that suggest prices were set together (catalogue TEN-06, "Precise readings"). */
final class PricePatterns {

    private static final BigDecimal STEP_TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal RATIO_TOLERANCE = new BigDecimal("0.0005");

    private PricePatterns() {
    }

    static String of(List<BigDecimal> sorted) {
        if (sorted.size() < 3) {
            return null;
        }
        if (equalSteps(sorted)) {
            return "EQUAL_STEPS";
        }
        return equalRatios(sorted) ? "EQUAL_RATIOS" : null;
    }

    private static boolean equalSteps(List<BigDecimal> prices) {
        BigDecimal total = prices.get(prices.size() - 1).subtract(prices.get(0));
        if (total.signum() <= 0) {
            return false;
        }
        BigDecimal average = total.divide(BigDecimal.valueOf(prices.size() - 1), MathContext.DECIMAL64);
        BigDecimal allowed = average.multiply(STEP_TOLERANCE);
        for (int i = 1; i < prices.size(); i++) {
            BigDecimal step = prices.get(i).subtract(prices.get(i - 1));
            if (step.subtract(average).abs().compareTo(allowed) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalRatios(List<BigDecimal> prices) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 1; i < prices.size(); i++) {
            if (prices.get(i - 1).signum() <= 0) {
                return false;
            }
            BigDecimal ratio = prices.get(i).divide(prices.get(i - 1), MathContext.DECIMAL64);
            if (ratio.compareTo(BigDecimal.ONE) <= 0) {
                return false;
            }
            min = min == null || ratio.compareTo(min) < 0 ? ratio : min;
            max = max == null || ratio.compareTo(max) > 0 ? ratio : max;
        }
        return max.subtract(min).compareTo(RATIO_TOLERANCE) <= 0;
    }
}
