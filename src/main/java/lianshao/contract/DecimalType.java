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
        if (money && decimal.get().stripTrailingZeros().scale() > MONEY_SCALE) {
            errors.add(new FieldError(path, Messages.TOO_MANY_DECIMALS));
        }
    }
}
