package dev.apigwmcp.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemInAnExportNamesFilePointerAndTarget() {
        assertThat(new Problem("pets", "pets.json", "/paths/~1x/get", "is wrong"))
                .hasToString("pets.json#/paths/~1x/get: is wrong (target pets)");
    }

    @Test
    void aConfigurationPlaceThatNamesTheTargetIsNotFollowedByItAgain() {
        assertThat(new Problem("keys", null, "target keys: <toolFilter> #1", "filter /x matches no operation"))
                .hasToString("target keys: <toolFilter> #1: filter /x matches no operation");
    }

    @Test
    void aConfigurationPlaceThatDoesNotNameTheTargetIsFollowedByIt() {
        assertThat(new Problem("keys", null, "toolFilters[0]", "bad")).hasToString("toolFilters[0]: bad (target keys)");
    }
}
