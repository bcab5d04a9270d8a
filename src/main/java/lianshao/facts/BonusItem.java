package lianshao.facts;

import java.math.BigDecimal;

import lianshao.facts.Field.Kind;

/** A bonus item an admitted student claims (ADMISSION {@code bonusItems}). */
public record BonusItem(
        String recordId,
        int index,
        @Field(kind = Kind.CODE, required = true, zh = "加分项目类别。")
        String type,
        @Field(kind = Kind.NUMBER, required = true, zh = "该项目的加分分值。")
        BigDecimal points,
        @Field(kind = Kind.CODE, zh = "加分所依据的证书编号。")
        String certificateRef,
        @Field(kind = Kind.BOOLEAN, required = true, zh = "该加分项目是否已公示。")
        boolean publicized) {

    /** Has a certificate and was publicized: the only kind of item that may count. */
    public boolean supported() {
        return certificateRef != null && !certificateRef.isBlank() && publicized;
    }

    /** The item's points, 0 when absent. */
    public BigDecimal pointsOrZero() {
        return points == null ? BigDecimal.ZERO : points;
    }
}
