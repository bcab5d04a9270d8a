package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Field and value labels are read from the contract's Chinese descriptions. */
class FieldLabelsTest {

    @Test
    void aFieldIsLabelledByTheFirstPhraseOfItsDescriptionWithoutParentheses() {
        assertThat(ContractSchemas.field(Domain.valueOf("PROCUREMENT"), "method").orElseThrow().label()).isEqualTo("采购方式");
        assertThat(ContractSchemas.field("ENVELOPE.orgCode").orElseThrow().label()).isEqualTo("记录所属单位的机构代码");
        assertThat(ContractSchemas.field(Domain.valueOf("ADMISSION"), "bonusItems[].points").orElseThrow().label())
                .isEqualTo("该项目的加分分值");
    }

    @Test
    void enumerationValuesTakeTheirLabelsFromTheDescription() {
        FieldDescription method = ContractSchemas.field(Domain.valueOf("PROCUREMENT"), "method").orElseThrow();
        assertThat(method.valueLabel("INQUIRY")).isEqualTo("询价");
        assertThat(method.valueLabel("SINGLE_SOURCE")).isEqualTo("单一来源采购");
        assertThat(method.valueLabels().keySet()).containsExactlyElementsOf(method.enumValues());
        assertThat(method.valueLabel("NOT_A_METHOD")).isNull();
        FieldDescription criteria = ContractSchemas.field(Domain.valueOf("ADMISSION"), "criteriaUsed").orElseThrow();
        assertThat(criteria.valueLabel("INTERVIEW")).isEqualTo("面试");
    }

    @Test
    void englishReadersGetTheNameAndTheCodeInWords() {
        FieldDescription method = ContractSchemas.field(Domain.valueOf("PROCUREMENT"), "methodChangeApprovedOn").orElseThrow();
        assertThat(method.label(Locale.ENGLISH)).isEqualTo("Method change approved on");
        assertThat(method.label(Locale.SIMPLIFIED_CHINESE)).isEqualTo("采购方式变更的批准日期");
        FieldDescription procedure = ContractSchemas.field(Domain.valueOf("TENDER"), "procedure").orElseThrow();
        assertThat(procedure.valueLabel("SINGLE_SOURCE", Locale.ENGLISH)).isEqualTo("Single source");
        assertThat(procedure.valueLabel("SINGLE_SOURCE", Locale.CHINA)).isEqualTo("单一来源");
    }

    @Test
    void unknownKeysFindNothing() {
        assertThat(ContractSchemas.field("PROCUREMENT.nothing")).isEmpty();
        assertThat(ContractSchemas.field(Domain.valueOf("TENDER"), "bids[].price")).isPresent();
    }
}
