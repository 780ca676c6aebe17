package dev.apigwmcp.generator.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DirectorySampleTest {

    @Test
    void sortsThenTakesEveryStepthFromTheFirst() {
        List<String> paths = IntStream.range(0, 20)
                .mapToObj(i -> String.format("p%02d", 19 - i))
                .toList();
        assertThat(DirectorySample.pick(paths, 5)).containsExactly("p00", "p04", "p08", "p12", "p16");
    }

    @Test
    void roundsTheStepUpSoTheSampleNeverExceedsTheTarget() {
        List<String> paths = IntStream.range(0, 2639)
                .mapToObj(i -> String.format("api/%04d.json", i))
                .toList();
        List<String> sample = DirectorySample.pick(paths, DirectorySample.TARGET_SIZE);
        assertThat(sample)
                .hasSize(294)
                .startsWith("api/0000.json", "api/0009.json")
                .endsWith("api/2637.json");
    }

    @Test
    void smallListsAreTakenWhole() {
        assertThat(DirectorySample.pick(List.of("b", "a"), 300)).containsExactly("a", "b");
    }
}
