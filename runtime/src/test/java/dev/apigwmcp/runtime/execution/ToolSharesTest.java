package dev.apigwmcp.runtime.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToolSharesTest {

    @Test
    void aToolGetsItsShareAndNoMoreWhileOthersStillGetTheirs() {
        ToolShares shares = new ToolShares(List.of("a", "b"), 2, 256);
        assertThat(shares.tryAcquire("a")).isTrue();
        assertThat(shares.tryAcquire("a")).isTrue();
        assertThat(shares.tryAcquire("a")).isFalse();
        assertThat(shares.tryAcquire("b")).isTrue();
        shares.release("a");
        assertThat(shares.inFlight("a")).isEqualTo(1);
        assertThat(shares.tryAcquire("a")).isTrue();
    }

    @Test
    void aShareIsAtMostHalfOfTheCallSlotsRoundedUp() {
        assertThat(new ToolShares(List.of("a"), 32, 4).share()).isEqualTo(2);
        assertThat(new ToolShares(List.of("a"), 32, 5).share()).isEqualTo(3);
        assertThat(new ToolShares(List.of("a"), 32, 256).share()).isEqualTo(32);
        assertThat(new ToolShares(List.of("a"), 32, 1).share()).isEqualTo(1);
    }
}
