package org.xuewei.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries hold, and docs/modules describes them. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PlatformApplication.class);

    @Test
    void modules_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void every_module_of_the_architecture_exists() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .contains("identity", "catalog", "registry", "policy", "application", "review", "admission",
                        "classes", "preferential", "planning", "notification", "audit", "web");
    }

    @Test
    void writes_the_module_documentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeDocumentation();
    }
}
