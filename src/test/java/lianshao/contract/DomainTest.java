package lianshao.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTest {

    /** Every declared domain, for parameterised tests. */
    static java.util.stream.Stream<Domain> domains() {
        return Domain.values().stream();
    }

    @ParameterizedTest
    @MethodSource("lianshao.contract.DomainTest#domains")
    void parsesEveryContractName(Domain domain) {
        assertThat(Domain.parse(domain.name())).contains(domain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "procurement", "Tender", " TENDER", "TENDER ", "RESEARCH-FUND", "SPORTS"})
    void rejectsAnythingButTheExactName(String value) {
        assertThat(Domain.parse(value)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(Domain.parse(null)).isEmpty();
    }
}
