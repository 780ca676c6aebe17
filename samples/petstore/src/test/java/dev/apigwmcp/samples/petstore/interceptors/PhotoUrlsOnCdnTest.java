package dev.apigwmcp.samples.petstore.interceptors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.generated.petstore_browse.ListPetPhotosTool;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The typed result example on the generated output record, without a gateway. */
class PhotoUrlsOnCdnTest {

    /** As the gateway reads answers: decimals as BigDecimal. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static JsonNode afterCall(String structuredContent) {
        ListPetPhotosTool.Output output = ListPetPhotosTool.Output.read(JSON.readTree(structuredContent));
        return new PhotoUrlsOnCdn().afterCall(output, null).toJson();
    }

    @Test
    void photoUrlsOnTheOriginMoveToTheCdn() {
        assertThat(afterCall("{\"result\":[{\"url\":\"https://photos.example/pets/2/large.jpg\",\"width\":1280,"
                        + "\"height\":960}]}"))
                .isEqualTo(JSON.readTree("{\"result\":[{\"url\":"
                        + "\"https://cdn.photos.example/pets/2/large.jpg\",\"width\":1280,\"height\":960}]}"));
    }

    @Test
    void undeclaredAndDriftedMembersGoBackAsTheyCame() {
        assertThat(afterCall("{\"result\":[{\"url\":\"https://photos.example/a.jpg\",\"width\":\"wide\","
                        + "\"height\":null,\"alt\":\"Tom\"},null],\"next\":1.50}"))
                .isEqualTo(
                        JSON.readTree("{\"result\":[{\"url\":\"https://cdn.photos.example/a.jpg\",\"width\":\"wide\","
                                + "\"height\":null,\"alt\":\"Tom\"},null],\"next\":1.50}"));
    }
}
