package lianshao.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Procurement helpers a rule may call with lists of its own choosing. */
class ProcurementTest {

    @Test
    void anEmptyBrandTokenIsIgnoredInsteadOfBeingFoundForever() throws Exception {
        Procurement p = withSpecText("采购 A 牌投影仪；或相当于。");

        assertThat(p.brandsNamedWithoutEquivalent(List.of("", "A 牌", "B 牌"), List.of("或同等"))).containsExactly("A 牌");
    }

    private static Procurement withSpecText(String specText) throws Exception {
        RecordComponent[] components = Procurement.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = components[i].getName().equals("specText") ? specText
                    : types[i] == boolean.class ? false : types[i] == int.class ? 0 : types[i] == List.class ? List.of() : null;
        }
        return Procurement.class.getDeclaredConstructor(types).newInstance(values);
    }
}
