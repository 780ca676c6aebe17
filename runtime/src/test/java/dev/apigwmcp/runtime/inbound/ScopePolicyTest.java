package dev.apigwmcp.runtime.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which tools a token's scopes allow. */
class ScopePolicyTest {

    private final ScopePolicy policy = new ScopePolicy(List.of("mcp/use"), "mcp/read", "mcp/write");

    @Test
    void withoutAnyScopeSetEveryTokenSeesEveryTool() {
        assertThat(ScopePolicy.NONE.decide(Set.of())).isEqualTo(new ScopePolicy.Allowed(false));
    }

    @Test
    void theWriteScopeAllowsEveryTool() {
        assertThat(policy.decide(Set.of("mcp/use", "mcp/write"))).isEqualTo(new ScopePolicy.Allowed(false));
    }

    @Test
    void theReadOnlyScopeAllowsTheReadOnlyTools() {
        assertThat(policy.decide(Set.of("mcp/use", "mcp/read"))).isEqualTo(new ScopePolicy.Allowed(true));
    }

    @Test
    void aMissingRequiredScopeAsksForTheMinimum() {
        assertThat(policy.decide(Set.of("mcp/write")))
                .isEqualTo(new ScopePolicy.Insufficient(List.of("mcp/use", "mcp/read")));
    }

    @Test
    void aWriteScopeAloneLeavesTokensWithoutItTheReadOnlyTools() {
        ScopePolicy writeOnly = new ScopePolicy(List.of(), null, "mcp/write");

        assertThat(writeOnly.decide(Set.of())).isEqualTo(new ScopePolicy.Allowed(true));
        assertThat(writeOnly.supported()).containsExactly("mcp/write");
    }

    @Test
    void theMetadataListsEveryScopeOnce() {
        assertThat(new ScopePolicy(List.of("mcp/read"), "mcp/read", "mcp/write").supported())
                .containsExactly("mcp/read", "mcp/write");
    }
}
