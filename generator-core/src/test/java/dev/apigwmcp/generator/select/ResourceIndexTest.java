package dev.apigwmcp.generator.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generator.model.ApiModel;
import dev.apigwmcp.generator.model.ApiOperation;
import dev.apigwmcp.generator.model.HttpMethod;
import dev.apigwmcp.generator.problem.ProblemCollector;
import dev.apigwmcp.generator.read.ExportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explanations for paths the configuration names that the export does not have. */
class ResourceIndexTest {

    private static ResourceIndex index;

    @BeforeAll
    static void read(@TempDir Path dir) throws IOException {
        Path export = dir.resolve("kinesis.json");
        Files.writeString(export, """
                {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
                 "/streams":{"get":{"responses":{"200":{"description":"ok"}}}},
                 "/streams/{stream-name}":{"get":{"responses":{"200":{"description":"ok"}}},
                                           "delete":{"responses":{"204":{"description":"gone"}}}},
                 "/streams/{stream-name}/records":{"put":{"responses":{"200":{"description":"ok"}}}},
                 "/consumers/{proxy+}":{"x-amazon-apigateway-any-method":{"responses":{"200":{"description":"ok"}}}},
                 "/health":{"get":{"responses":{"200":{"description":"ok"}}}}}}
                """);
        ApiModel model = new ExportReader()
                .read(export, new ProblemCollector("k", "kinesis.json"))
                .orElseThrow();
        assertThat(model.operations()).extracting(ApiOperation::label).hasSize(6);
        index = new ResourceIndex(model);
    }

    @Test
    void samePathWithOtherPlaceholderNamesIsTheSameResource() {
        assertThat(index.explainOperation("/streams/{streamName}", HttpMethod.GET))
                .isEqualTo(
                        "there is no resource /streams/{streamName}; the export spells it /streams/{stream-name} (path"
                                + " parameters must be named as in the export)");
    }

    @Test
    void sameResourceWithoutTheMethodSaysSoToo() {
        assertThat(index.explainOperation("/streams/{name}/records", HttpMethod.POST))
                .isEqualTo(
                        "there is no resource /streams/{name}/records; the export spells it /streams/{stream-name}/records"
                                + " (path parameters must be named as in the export), and it has no POST method (its"
                                + " methods: PUT)");
    }

    @Test
    void existingPathWithoutTheMethodListsItsMethods() {
        assertThat(index.explainOperation("/streams/{stream-name}", HttpMethod.PATCH))
                .isEqualTo("/streams/{stream-name} has no PATCH method (its methods: GET, DELETE)");
    }

    @Test
    void mistypedPathSuggestsTheNearestOnes() {
        assertThat(index.explainOperation("/stream", HttpMethod.GET))
                .isEqualTo("there is no resource /stream; did you mean /streams?");
        assertThat(index.explainOperation("/helth", HttpMethod.GET))
                .isEqualTo("there is no resource /helth; did you mean /health?");
    }

    @Test
    void unrelatedPathSaysNothingIsSimilar() {
        assertThat(index.explainOperation("/orders/{id}/invoice", HttpMethod.GET))
                .isEqualTo("there is no resource /orders/{id}/invoice, nor one with a similar path");
    }

    @Test
    void explicitFilterOnAResourceWithOtherMethodsListsThem() {
        assertThat(index.explainExplicitFilter("/health", List.of(HttpMethod.POST, HttpMethod.PUT)))
                .isEqualTo("/health has none of POST, PUT (its methods: GET)");
        assertThat(index.explainExplicitFilter("/consumers/{proxy+}", List.of(HttpMethod.OPTIONS)))
                .isEqualTo("/consumers/{proxy+} has none of OPTIONS (its methods: ANY (every method but OPTIONS))");
    }

    @Test
    void wildcardFilterOnALeafPointsToTheExplicitPath() {
        assertThat(index.explainWildcardFilter("/health/", List.of(HttpMethod.GET)))
                .isEqualTo(
                        "no resource lies below /health/; /health/* never selects /health itself: use filterPath /health");
    }

    @Test
    void wildcardFilterWithAMistypedPrefixSuggestsExistingPrefixes() {
        assertThat(index.explainWildcardFilter("/stream/", List.of(HttpMethod.GET)))
                .isEqualTo("no resource lies below /stream/; did you mean /streams/*?");
    }

    @Test
    void wildcardFilterWithOtherMethodsBelowListsThem() {
        assertThat(index.explainWildcardFilter("/streams/", List.of(HttpMethod.POST)))
                .isEqualTo("the resources below /streams/ have none of POST (their methods: GET, PUT, DELETE)");
    }

    @Test
    void normalisingForgetsPlaceholderNamesAndTheTrailingSlash() {
        assertThat(ResourceIndex.normalise("/a/{x}/b/{proxy+}/")).isEqualTo("/a/{}/b/{+}");
        assertThat(ResourceIndex.normalise("/")).isEqualTo("/");
    }

    @Test
    void distanceCountsEdits() {
        assertThat(ResourceIndex.distance("/pets", "/pet")).isEqualTo(1);
        assertThat(ResourceIndex.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ResourceIndex.distance("", "abc")).isEqualTo(3);
    }
}
