package dev.apigwmcp.runtime.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apigwmcp.runtime.spi.ArgumentException;
import dev.apigwmcp.runtime.spi.QueryStyle;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class SafeRequestBuilderTest {

    private static final URI BASE = URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/prod");

    private static SafeRequestBuilder builder(String method, String path) {
        return new SafeRequestBuilder(
                new RequestTarget(
                        method,
                        PathTemplate.parse(path),
                        Map.of("petId", "pet_id"),
                        BASE,
                        Set.of("x-api-key"),
                        Set.of("api_key"),
                        Duration.ofSeconds(5)),
                JsonMapper.builder().build());
    }

    @Test
    void pathValueIsEncodedAsOneSegment() {
        SafeRequestBuilder b = builder("GET", "/pets/{petId}");
        b.pathParameter("pet_id", "petId", "a/b?c#d%e f&g=h;i");
        UpstreamRequest request = b.build();
        assertThat(request.uri().toString()).isEqualTo(BASE + "/pets/a%2Fb%3Fc%23d%25e%20f%26g%3Dh%3Bi");
        assertThat(request.uri().getHost()).isEqualTo(BASE.getHost());
    }

    @Test
    void pathValueKeepsUnreservedAndEncodesUtf8() {
        SafeRequestBuilder b = builder("GET", "/pets/{petId}");
        b.pathParameter("pet_id", "petId", "A-z_0.9~é");
        assertThat(b.build().uri().getRawPath()).isEqualTo("/prod/pets/A-z_0.9~%C3%A9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", ""})
    void pathValueThatWouldChangeTheResourceIsRejected(String value) {
        SafeRequestBuilder b = builder("GET", "/pets/{petId}");
        assertThatThrownBy(() -> b.pathParameter("pet_id", "petId", value))
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).argument()).isEqualTo("pet_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@evil.example", "//evil.example/x", "http://evil.example", "..%2F..", "\\evil"})
    void hostCanNeverChange(String value) {
        SafeRequestBuilder b = builder("GET", "/{petId}");
        b.pathParameter("pet_id", "petId", value);
        UpstreamRequest request = b.build();
        assertThat(request.uri().getHost()).isEqualTo(BASE.getHost());
        assertThat(request.uri().getRawAuthority()).isEqualTo(BASE.getRawAuthority());
        assertThat(request.uri().getRawPath()).startsWith("/prod/").doesNotContain("//");
    }

    @Test
    void greedyValueKeepsSlashesAndEncodesEachSegment() {
        SafeRequestBuilder b = builder("GET", "/files/{proxy+}");
        b.greedyPathParameter("proxy", "proxy", "docs/a b/c%d.txt");
        assertThat(b.build().uri().getRawPath()).isEqualTo("/prod/files/docs/a%20b/c%25d.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a/../b", "../etc/passwd", "a/./b", "a//b", "/a", "a/", "..", ""})
    void greedyValueRejectsDotAndEmptySegments(String value) {
        SafeRequestBuilder b = builder("GET", "/files/{proxy+}");
        assertThatThrownBy(() -> b.greedyPathParameter("proxy", "proxy", value))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("segment");
    }

    @Test
    void missingPathValueNamesTheArgument() {
        SafeRequestBuilder b = builder("GET", "/pets/{petId}");
        assertThatThrownBy(b::build)
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).argument()).isEqualTo("pet_id"))
                .hasMessageContaining("{petId}");
    }

    @Test
    void queryStylesSerialiseArrays() {
        SafeRequestBuilder b = builder("GET", "/pets");
        b.queryParameter("tags", "tag", List.of("a b", "c&d"), QueryStyle.FORM_EXPLODED);
        b.queryParameter("ids", "id", List.of("1", "2,3"), QueryStyle.FORM);
        b.queryParameter("s", "s", List.of("x", "y"), QueryStyle.SPACE_DELIMITED);
        b.queryParameter("p", "p", List.of("x", "y"), QueryStyle.PIPE_DELIMITED);
        b.queryParameter("t", "t", List.of("x", "y"), QueryStyle.TAB_DELIMITED);
        b.queryParameter("empty", "e", List.of(), QueryStyle.FORM);
        b.queryParameter("q", "q name", "1+1=2");
        b.queryParameter("absent", "absent", (String) null);
        assertThat(b.build().uri().getRawQuery())
                .isEqualTo("tag=a%20b&tag=c%26d&id=1,2%2C3&s=x%20y&p=x%7Cy&t=x%09y&q%20name=1%2B1%3D2");
    }

    @Test
    void queryObjectsSerialisePerStyle() throws Exception {
        tools.jackson.databind.JsonNode filter =
                new tools.jackson.databind.ObjectMapper().readTree("{\"name\":\"a b\",\"age\":3,\"tags\":[\"x\"]}");
        SafeRequestBuilder deep = builder("GET", "/pets");
        deep.queryObject("filter", "filter", filter, QueryStyle.DEEP_OBJECT);
        assertThat(deep.build().uri().getRawQuery())
                .isEqualTo("filter%5Bname%5D=a%20b&filter%5Bage%5D=3&filter%5Btags%5D=%5B%22x%22%5D");
        SafeRequestBuilder exploded = builder("GET", "/pets");
        exploded.queryObject("filter", "filter", filter, QueryStyle.FORM_EXPLODED);
        assertThat(exploded.build().uri().getRawQuery()).isEqualTo("name=a%20b&age=3&tags=%5B%22x%22%5D");
        SafeRequestBuilder form = builder("GET", "/pets");
        form.queryObject("filter", "filter", filter, QueryStyle.FORM);
        assertThat(form.build().uri().getRawQuery()).isEqualTo("filter=name,a%20b,age,3,tags,%5B%22x%22%5D");
        SafeRequestBuilder scalar = builder("GET", "/pets");
        scalar.queryObject(
                "filter",
                "filter",
                new tools.jackson.databind.ObjectMapper().readTree("\"x y\""),
                QueryStyle.DEEP_OBJECT);
        assertThat(scalar.build().uri().getRawQuery()).isEqualTo("filter=x%20y");
    }

    @Test
    void queryCannotSetTheApiKeyOrAmzParameters() {
        SafeRequestBuilder b = builder("GET", "/pets");
        assertThatThrownBy(() -> b.queryParameter("k", "API_KEY", "x"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> b.queryParameter("k", "X-Amz-Signature", "x")).isInstanceOf(ArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nX-Evil: 1", "a\nb", "a\rb", "a\u0000b"})
    void headerValueWithLineBreakOrNulIsRejected(String value) {
        SafeRequestBuilder b = builder("GET", "/pets");
        assertThatThrownBy(() -> b.header("trace", "X-Trace", value))
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).argument()).isEqualTo("trace"))
                .hasMessageMatching("contains (a line break|a NUL).*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Name", "X:Y", "", "X\r\n"})
    void headerNameMustBeAToken(String name) {
        SafeRequestBuilder b = builder("GET", "/pets");
        assertThatThrownBy(() -> b.header("h", name, "v")).isInstanceOf(ArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Host",
                "authorization",
                "X-Amz-Date",
                "x-amz-security-token",
                "Content-Length",
                "X-API-Key",
                "Cookie",
                "Transfer-Encoding",
                "Proxy-Authorization",
                "Connection"
            })
    void reservedHeadersCannotBeSetFromArguments(String name) {
        SafeRequestBuilder b = builder("GET", "/pets");
        assertThatThrownBy(() -> b.header("h", name, "v"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("set by the gateway");
    }

    @Test
    void headersAndCookiesAreSent() {
        SafeRequestBuilder b = builder("GET", "/pets");
        b.header("trace", "X-Trace-Id", "abc\t1");
        b.cookie("session", "session", "s1");
        b.cookie("theme", "theme", "dark");
        UpstreamRequest request = b.build();
        assertThat(request.header("X-Trace-Id")).isEqualTo("abc\t1");
        assertThat(request.header("Cookie")).isEqualTo("session=s1; theme=dark");
    }

    @Test
    void typedValuesAreSentAsTextAndAbsentOnesNotAtAll() {
        SafeRequestBuilder b = builder("POST", "/pets/{petId}");
        b.pathParameter("pet_id", "petId", 42L);
        b.queryParameter("price", "price", new java.math.BigDecimal("1E+3"));
        b.queryParameter("fresh", "fresh", Boolean.TRUE);
        b.queryParameter("limit", "limit", null);
        b.queryParameter("ids", "id", List.of(1L, 2L));
        b.queryParameter("tags", "tag", null, QueryStyle.FORM);
        b.header("versions", "X-Versions", List.of(1L, 2L));
        b.header("absent", "X-Absent", null);
        b.cookie("absent", "absent", null);
        b.jsonBody("body", "application/json", null);
        UpstreamRequest request = b.build();

        assertThat(request.uri().getRawPath()).isEqualTo("/prod/pets/42");
        assertThat(request.uri().getRawQuery()).isEqualTo("price=1000&fresh=true&id=1&id=2");
        assertThat(request.header("X-Versions")).isEqualTo("1,2");
        assertThat(request.header("X-Absent")).isNull();
        assertThat(request.header("Cookie")).isNull();
        assertThat(request.body()).isNull();
    }

    @Test
    void aJsonBodyMayBeAGeneratedRecord() {
        SafeRequestBuilder b = builder("POST", "/pets");
        dev.apigwmcp.runtime.spi.JsonWritable pet = () -> tools.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()
                .put("name", "Rex");
        b.jsonBody("body", "application/json", pet);
        assertThat(new String(b.build().body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Rex\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;b=c", "a b", "a\r\nb", "a,b", "\"a\""})
    void cookieValueThatCouldAddCookiesIsRejected(String value) {
        SafeRequestBuilder b = builder("GET", "/pets");
        assertThatThrownBy(() -> b.cookie("c", "c", value))
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).argument()).isEqualTo("c"));
    }

    @Test
    void jsonBodyIsSerialisedWithItsMediaType() {
        SafeRequestBuilder b = builder("POST", "/pets");
        b.jsonBody("body", "application/json", JsonMapper.builder().build().readTree("{\"name\":\"Rex\"}"));
        UpstreamRequest request = b.build();
        assertThat(new String(request.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Rex\"}");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.method()).isEqualTo("POST");
    }

    @Test
    void textBodyIsUtf8() {
        SafeRequestBuilder b = builder("PUT", "/pets");
        b.textBody("body", "text/plain", "héllo");
        assertThat(b.build().body()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anyToolChoosesAnAllowedMethod() {
        SafeRequestBuilder b = builder("ANY", "/pets");
        b.method("method", "patch");
        assertThat(b.build().method()).isEqualTo("PATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "CONNECT", "GET /x HTTP/1.1", "FOO"})
    void anyToolRejectsMethodsOutsideTheAllowList(String method) {
        SafeRequestBuilder b = builder("ANY", "/pets");
        assertThatThrownBy(() -> b.method("method", method))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("not an allowed HTTP method");
    }

    @Test
    void anyToolWithoutMethodIsAnArgumentError() {
        assertThatThrownBy(() -> builder("ANY", "/pets").build())
                .isInstanceOf(ArgumentException.class)
                .satisfies(e -> assertThat(((ArgumentException) e).argument()).isEqualTo("method"));
    }

    @Test
    void fixedMethodToolCannotChangeItsMethod() {
        assertThatThrownBy(() -> builder("GET", "/pets").method("method", "DELETE"))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h/x", "/relative", "https://h/x?q=1", "https://user@h/x", "not a url"})
    void badBaseUrlsAreRejected(String url) {
        assertThatThrownBy(() -> RequestTarget.baseUri(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseUrlLosesItsTrailingSlash() {
        assertThat(RequestTarget.baseUri("https://api.example.com/v1/")).hasToString("https://api.example.com/v1");
    }

    @Test
    void malformedTemplatesAreRejected() {
        assertThatThrownBy(() -> PathTemplate.parse("pets")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> PathTemplate.parse("/pets/{id")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> PathTemplate.parse("/a/{id}/{id}")).hasMessageContaining("twice");
    }
}
