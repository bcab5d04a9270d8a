package lianshao.facts;

import static lianshao.facts.FactSamples.bidWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The masked forms a rule may show of personal data: the last 4 characters, or an address's first 6. */
class MasksTest {

    @Test
    void accountsAndPhonesKeepTheirLastFourCharacters() {
        Party p = party("138 0013 8000", "浙江省杭州市西湖区文三路 100 号", "6222-0212-3456-7890");
        Bid b = bidWith("B1", "13900001234", "6217 0000 0000 5678", null, null, null, null, "10.0.0.1");

        assertThat(p.maskedPhone()).isEqualTo("****8000");
        assertThat(p.maskedBankAccount()).isEqualTo("****7890");
        assertThat(b.maskedContactPhone()).isEqualTo("****1234");
        assertThat(b.maskedDepositAccount()).isEqualTo("****5678");
    }

    @Test
    void anAddressKeepsItsProvinceCityAndDistrictOnly() {
        assertThat(party(null, "浙江省杭州市西湖区文三路 100 号", null).maskedAddress()).isEqualTo("浙江省杭州市****");
        assertThat(party(null, "杭州市", null).maskedAddress()).isEqualTo("****");
    }

    @Test
    void aPersonsNameKeepsItsFirstCharacterAndAnOrganisationsItsWholeName() {
        assertThat(party(null, null, null).maskedName()).isEqualTo("张*");
        Party org = new Party("O1", "ORG", "某某科技有限公司", null, null, Set.of(), null, null, null, "91330100MA27X", null);
        assertThat(org.maskedName()).isEqualTo("某某科技有限公司");
        assertThat(new Party("P2", "PERSON", "欧阳娜娜", null, null, Set.of(), null, null, null, null, null).maskedName())
                .isEqualTo("欧*");
    }

    @Test
    void shortValuesAreNotShownWholeAndMissingOnesStayMissing() {
        assertThat(Masks.lastFour("1234")).isEqualTo("****");
        assertThat(Masks.lastFour("12-3")).isEqualTo("****");
        assertThat(Masks.lastFour(null)).isNull();
        assertThat(party(null, null, null).maskedPhone()).isNull();
        assertThat(party(null, null, null).maskedAddress()).isNull();
        assertThat(party(null, null, null).maskedBankAccount()).isNull();
    }

    private static Party party(String phone, String address, String bankAccount) {
        return new Party("P1", "PERSON", "张三", "ORG-1", null, Set.of(), phone, address, bankAccount, null, null);
    }
}
