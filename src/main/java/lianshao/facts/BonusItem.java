package lianshao.facts;

import java.math.BigDecimal;

/** A bonus item an admitted student claims (ADMISSION {@code bonusItems}). */
public record BonusItem(String recordId, int index, String type, BigDecimal points,
        String certificateRef, boolean publicized) {

    /** Has a certificate and was publicized: the only kind of item that may count. */
    public boolean supported() {
        return certificateRef != null && !certificateRef.isBlank() && publicized;
    }

    /** The item's points, 0 when absent. */
    public BigDecimal pointsOrZero() {
        return points == null ? BigDecimal.ZERO : points;
    }
}
