package lianshao.facts;

import java.math.BigDecimal;

public record BonusItem(String recordId, int index, String type, BigDecimal points,
        String certificateRef, boolean publicized) {
}
