package lianshao.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import lianshao.warnings.WarningStatus;

/** Every review status lands in a disposal group with a label in both languages; open ones are OPEN, and every group is reachable. */
class DisposalGroupTest {

    @Test
    void everyStatusHasAGroup() {
        for (WarningStatus status : WarningStatus.values()) {
            DisposalGroup group = DisposalGroup.of(status);
            assertThat(group).as(status.name()).isNotNull();
            assertThat(group == DisposalGroup.OPEN).as(status.name()).isEqualTo(status.open());
        }
        Set<DisposalGroup> reached = Arrays.stream(WarningStatus.values()).map(DisposalGroup::of)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DisposalGroup.class)));
        assertThat(reached).containsExactlyInAnyOrder(DisposalGroup.values());
        assertThat(DisposalGroup.of("A_STATE_OF_A_NEWER_VERSION")).isEqualTo(DisposalGroup.CONFIRMED);
    }

    @Test
    void everyGroupPeriodAndDimensionHasALabelInBothLanguages() throws Exception {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            java.util.Properties messages = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
                messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (DisposalGroup g : DisposalGroup.values()) {
                assertThat(messages.getProperty("stats.group." + g.name())).as(file + " " + g).isNotBlank();
            }
            for (Period p : Period.values()) {
                assertThat(messages.getProperty("stats.period." + p.name())).as(file + " " + p).isNotBlank();
                assertThat(messages.getProperty(p.messageKey())).as(file + " " + p.messageKey()).isNotBlank();
            }
            for (Dimension d : Dimension.values()) {
                assertThat(messages.getProperty("stats.by." + d.name())).as(file + " " + d).isNotBlank();
            }
        }
    }
}
