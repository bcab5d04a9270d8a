package lianshao;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package of {@code lianshao} is a module; the build fails on cycles between them. */
class ModularityTest {

    @Test
    void modulesHaveNoCycles() {
        ApplicationModules.of(LianshaoApplication.class).verify();
    }
}
