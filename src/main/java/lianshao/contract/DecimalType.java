package lianshao.contract;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A JSON number read as a decimal. Money (yuan) allows at most 2 decimals; only signed kinds
 * (contract variations) may be negative.
 */
record DecimalType(boolean money, boolean signed) implements FieldType {

    static final int MONEY_SCALE = 2;
    /** Digits before the point: amounts are stored as DECIMAL(18,2), so at most 16. */
    static final int MAX_INTEGER_DIGITS = 16;
    /** Decimals of a number that is not money. */
    static final int MAX_SCALE = 10;

    @Override
    public void check(JsonNode value, String path, List<FieldError> errors) {
        Optional<BigDecimal> decimal = JsonValues.decimal(value);
        if (decimal.isEmpty()) {
            errors.add(new FieldError(path, Messages.NOT_NUMBER));
            return;
        }
        if (!signed && decimal.get().signum() < 0) {
            errors.add(new FieldError(path, money ? Messages.NEGATIVE_AMOUNT : Messages.NEGATIVE_NUMBER));
        }
        // 1e999999999 is a short token but a billion digits once written out (canonical form, database):
        // bound the magnitude and the decimals by the number's shape, without expanding it
        BigDecimal stripped = decimal.get().stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            errors.add(new FieldError(path, Messages.TOO_LARGE));
        }
        if (money && stripped.scale() > MONEY_SCALE) {
            errors.add(new FieldError(path, Messages.TOO_MANY_DECIMALS));
        } else if (!money && stripped.scale() > MAX_SCALE) {
            errors.add(new FieldError(path, Messages.TOO_PRECISE));
        }
    }
}
