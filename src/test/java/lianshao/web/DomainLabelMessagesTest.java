package lianshao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

import lianshao.contract.Domain;
import lianshao.imports.ImportKind;

/** The names of domains and import kinds come from the declarations; every other text from the properties files. */
class DomainLabelMessagesTest {

    private final MessageSource messages = new DomainLabelMessages().messageSource();

    @Test
    void everyDomainAndImportKindIsNamedInBothLanguages() {
        for (Domain domain : Domain.values()) {
            assertThat(messages.getMessage("domain." + domain.name(), null, Locale.CHINESE)).isEqualTo(domain.zh());
            assertThat(messages.getMessage("domain." + domain.name(), null, Locale.ENGLISH)).isNotBlank()
                    .doesNotContain("_").isNotEqualTo(domain.zh());
        }
        for (ImportKind kind : ImportKind.values()) {
            assertThat(messages.getMessage("imports.kind." + kind.slug(), null, Locale.CHINESE)).isEqualTo(kind.zh());
            assertThat(messages.getMessage("imports.kind." + kind.slug(), null, Locale.ENGLISH)).isNotEqualTo(kind.zh());
        }
        assertThat(messages.getMessage("domain.PROCUREMENT", null, Locale.CHINESE)).isEqualTo("采购");
        assertThat(messages.getMessage("imports.kind.parties", null, Locale.ENGLISH)).isEqualTo("Parties");
    }

    @Test
    void otherKeysStillComeFromTheProperties() {
        assertThat(messages.getMessage("form.1", null, Locale.CHINESE)).isNotBlank().isNotEqualTo("form.1");
        assertThat(messages.getMessage("domain.SPORTS", null, "?", Locale.CHINESE)).isEqualTo("?");
    }
}
