package dev.apigwmcp.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apigwmcp.runtime.config.Settings;
import dev.apigwmcp.runtime.config.StartupProblems;
import dev.apigwmcp.runtime.tools.Caller;
import dev.apigwmcp.runtime.upstream.HttpHeader;
import dev.apigwmcp.runtime.upstream.UpstreamRequest;
import dev.apigwmcp.samples.demo.SigV4Verifier;
import dev.apigwmcp.samples.demo.SignedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A target's credentials: set up once from settings, applied per tool in a fixed order, never shown. */
class TargetAuthTest {

    private static final String ACCESS_KEY = "AKIDTARGETAUTHTEST01";
    private static final String SECRET_KEY = "target-auth-test-secret-0000000000000000";
    private static final ApiKeyPlacement EXPORT_KEY = new ApiKeyPlacement(CredentialLocation.HEADER, "x-api-key", "");

    @TempDir
    Path dir;

    private static TargetAuth.Request request(
            Set<AuthKind> needed, String exportRegion, Map<String, String> settings, Map<String, String> environment) {
        AuthEnvironment env = new AuthEnvironment(
                environment::get, profile -> () -> new AwsKeys(ACCESS_KEY, SECRET_KEY, null), Clock.systemUTC());
        return new TargetAuth.Request(
                "pets",
                needed,
                EXPORT_KEY,
                exportRegion,
                Settings.of(settings),
                env,
                HttpClient::newHttpClient,
                JsonMapper.builder().build(),
                Duration.ofSeconds(5));
    }

    private static UpstreamRequest get() {
        return new UpstreamRequest(
                "GET",
                URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/prod/pets?a=1"),
                List.of(),
                new byte[0],
                Duration.ofSeconds(5));
    }

    private static String header(UpstreamRequest request, String name) {
        return request.headers().stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(HttpHeader::value)
                .findFirst()
                .orElse(null);
    }

    @Test
    void theApiKeyComesFromTheNamedVariableAndItsHeaderIsReserved() {
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY),
                        null,
                        Map.of("target.pets.api-key-env", "PETS_KEY"),
                        Map.of("PETS_KEY", "k-123")),
                problems);

        assertThat(problems.isEmpty()).as(problems.lines().toString()).isTrue();
        UpstreamRequest sent = auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.API_KEY), null), Caller.LOCAL);
        assertThat(header(sent, "x-api-key")).isEqualTo("k-123");
        assertThat(auth.reservedHeaders()).contains("x-api-key");
    }

    @Test
    void aMissingOrUnusableKeyIsAStartupProblemThatNamesTheSettingAndNeverTheValue() throws Exception {
        StartupProblems unset = new StartupProblems();
        TargetAuth.create(
                request(Set.of(AuthKind.API_KEY), null, Map.of("target.pets.api-key-env", "PETS_KEY"), Map.of()),
                unset);
        assertThat(unset.lines())
                .singleElement()
                .asString()
                .contains("environment variable PETS_KEY", "target.pets.api-key-env", "is not set");

        StartupProblems nothing = new StartupProblems();
        TargetAuth.create(request(Set.of(AuthKind.API_KEY), null, Map.of(), Map.of()), nothing);
        assertThat(nothing.lines())
                .singleElement()
                .asString()
                .contains("target.pets.api-key-env", "target.pets.api-key-file");

        Path file = Files.writeString(dir.resolve("key"), "line-one\nsecret-two", StandardCharsets.UTF_8);
        StartupProblems control = new StartupProblems();
        TargetAuth.create(
                request(Set.of(AuthKind.API_KEY), null, Map.of("target.pets.api-key-file", file.toString()), Map.of()),
                control);
        assertThat(control.lines())
                .singleElement()
                .asString()
                .contains("cannot be sent in a header (at position 8)")
                .doesNotContain("line-one", "secret-two");
    }

    @Test
    void anApiKeyGivenWhereTheVariableNameGoesIsNotEchoed() {
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(
                request(Set.of(AuthKind.API_KEY), null, Map.of("target.pets.api-key-env", "k9Live-Secret"), Map.of()),
                problems);
        assertThat(problems.lines())
                .singleElement()
                .asString()
                .contains("target.pets.api-key-env", "not the secret itself")
                .doesNotContain("k9Live-Secret");
    }

    @Test
    void anUnsetConventionalVariableIsNamed() {
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(
                request(Set.of(AuthKind.API_KEY), null, Map.of("target.pets.api-key-env", "PETS_KEY_2"), Map.of()),
                problems);
        assertThat(problems.lines())
                .singleElement()
                .asString()
                .endsWith("environment variable PETS_KEY_2 (named by target.pets.api-key-env) is not set");
    }

    @Test
    void aMissingApiKeyFileStopsTheStartSayingThereIsNoSuchFile() {
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY),
                        null,
                        Map.of("target.pets.api-key-file", dir.resolve("absent").toString()),
                        Map.of()),
                problems);
        assertThat(problems.lines())
                .singleElement()
                .asString()
                .endsWith("(named by target.pets.api-key-file): there is no such file");
    }

    @Test
    void anApiKeyWithAnEdgeSpaceStopsTheStartNamingTargetSettingAndSourceButNotTheKey() {
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY),
                        null,
                        Map.of("target.pets.api-key-env", "PETS_KEY"),
                        Map.of("PETS_KEY", "k-123 ")),
                problems);

        assertThat(problems.lines())
                .containsExactly("target 'pets': environment variable PETS_KEY (named by target.pets.api-key-env) ends"
                        + " with a space, which a header value cannot carry (HTTP drops a value's edge spaces) and"
                        + " which is not trimmed here; remove it from the value");
    }

    @Test
    void aClientSecretFileWhoseLineBeginsWithASpaceStopsTheStart() throws Exception {
        Path file = Files.writeString(dir.resolve("client-secret"), " cs-1\n", StandardCharsets.UTF_8);
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(
                request(
                        Set.of(AuthKind.BEARER),
                        null,
                        Map.of(
                                "target.pets.oauth2.token-url", "https://auth.example.com/oauth2/token",
                                "target.pets.oauth2.client-id", "client-1",
                                "target.pets.oauth2.client-secret-file", file.toString()),
                        Map.of()),
                problems);

        assertThat(problems.lines())
                .singleElement()
                .asString()
                .contains(
                        "target 'pets'",
                        "target.pets.oauth2.client-secret-file",
                        file.toString(),
                        "begins with a space")
                .doesNotContain("cs-1");
    }

    @Test
    void anApiKeyVariableFilledFromAFileSendsTheKeyWithoutItsLineBreakOnly() {
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY),
                        null,
                        Map.of("target.pets.api-key-env", "PETS_KEY"),
                        Map.of("PETS_KEY", "k-123\n")),
                problems);

        assertThat(problems.lines()).isEmpty();
        UpstreamRequest sent = auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.API_KEY), null), Caller.LOCAL);
        assertThat(header(sent, "x-api-key")).isEqualTo("k-123");

        StartupProblems twoBreaks = new StartupProblems();
        TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY),
                        null,
                        Map.of("target.pets.api-key-env", "PETS_KEY"),
                        Map.of("PETS_KEY", "k-123\n\n")),
                twoBreaks);
        assertThat(twoBreaks.lines())
                .singleElement()
                .asString()
                .contains("cannot be sent in a header (at position 5)")
                .doesNotContain("k-123");
    }

    @Test
    void anApiKeyFileWithACrLfLineEndingSendsTheKeyWithoutIt() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "k-123\r\n", StandardCharsets.UTF_8);
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(Set.of(AuthKind.API_KEY), null, Map.of("target.pets.api-key-file", file.toString()), Map.of()),
                problems);

        assertThat(problems.lines()).isEmpty();
        UpstreamRequest sent = auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.API_KEY), null), Caller.LOCAL);
        assertThat(header(sent, "x-api-key")).isEqualTo("k-123");
    }

    @Test
    void sigV4SignsInTheExportsRegionAfterTheKeySoTheSignatureCoversIt() {
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.API_KEY, AuthKind.SIGV4),
                        "eu-west-1",
                        Map.of("target.pets.api-key-env", "PETS_KEY"),
                        Map.of("PETS_KEY", "k-123")),
                new StartupProblems());

        UpstreamRequest sent =
                auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.SIGV4, AuthKind.API_KEY), null), Caller.LOCAL);

        assertThat(header(sent, "authorization"))
                .contains("/eu-west-1/execute-api/aws4_request")
                .contains("x-api-key");
        assertThat(verify(sent, "eu-west-1")).isNull();
        assertThat(verify(sent, "us-east-1")).isNotNull();
    }

    @Test
    void theRegionSettingWinsOverTheExportsAndWithoutAnyTheStartSaysWhatToSet() {
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.SIGV4),
                        "eu-west-1",
                        Map.of("target.pets.aws-region", "ap-southeast-2"),
                        Map.of()),
                new StartupProblems());
        UpstreamRequest sent = auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.SIGV4), null), Caller.LOCAL);
        assertThat(verify(sent, "ap-southeast-2")).isNull();

        StartupProblems none = new StartupProblems();
        TargetAuth.create(request(Set.of(AuthKind.SIGV4), null, Map.of(), Map.of()), none);
        assertThat(none.lines())
                .singleElement()
                .asString()
                .contains("no AWS Region is known", "target.pets.aws-region", "aws.region");
    }

    @Test
    void theCallersTokenGoesWhereTheToolsAuthorizerReadsItOnlyWhenTheTargetPassesItOn() {
        TokenPlacement custom = new TokenPlacement(CredentialLocation.HEADER, "Custom-Authorization", "");
        Caller caller = new Caller("user-1", Set.of("read"), "eyJ.caller.token", false, Map.of());
        TargetAuth passing = TargetAuth.create(
                request(Set.of(AuthKind.BEARER), null, Map.of("target.pets.bearer.source", "caller"), Map.of()),
                new StartupProblems());

        UpstreamRequest sent = passing.authenticate(get(), ToolAuth.of(List.of(AuthKind.BEARER), custom), caller);

        assertThat(header(sent, "Custom-Authorization")).isEqualTo("eyJ.caller.token");
        assertThat(header(sent, "Authorization")).isNull();
        UpstreamRequest keyOnly = passing.authenticate(get(), ToolAuth.NONE, caller);
        assertThat(keyOnly.headers()).isEmpty();
    }

    private static final Map<String, String> BASIC_SETTINGS =
            Map.of("target.pets.basic-username-env", "PETS_USER", "target.pets.basic-password-env", "PETS_PASSWORD");

    /** The Authorization header a basic tool sends with this user name and password, or the start's problems. */
    private static String basicHeader(String user, String password) {
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.BASIC),
                        null,
                        BASIC_SETTINGS,
                        Map.of("PETS_USER", user, "PETS_PASSWORD", password)),
                problems);
        assertThat(problems.lines()).isEmpty();
        return header(
                auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.BASIC), null), Caller.LOCAL), "Authorization");
    }

    private static List<String> basicProblems(Map<String, String> settings, Map<String, String> environment) {
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(request(Set.of(AuthKind.BASIC), null, settings, environment), problems);
        return problems.lines();
    }

    @Test
    void basicSendsTheUserAndPasswordBase64EncodedAsRfc7617sExampleShows() {
        assertThat(basicHeader("Aladdin", "open sesame")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void basicEncodesNonAsciiCharactersAsUtf8AsRfc7617sCharsetExampleShows() {
        assertThat(basicHeader("test", "123\u00a3")).isEqualTo("Basic dGVzdDoxMjPCow==");
    }

    @Test
    void aPasswordMayHoldColonsOnlyTheUserNameMayNot() {
        assertThat(basicHeader("user", "a:b")).isEqualTo("Basic dXNlcjphOmI=");
    }

    @Test
    void aUserNameWithAColonStopsTheStartNamingTheSettingAndNeitherValue() {
        assertThat(basicProblems(BASIC_SETTINGS, Map.of("PETS_USER", "acct:sub", "PETS_PASSWORD", "pw-secret")))
                .singleElement()
                .asString()
                .contains("target 'pets'", "environment variable PETS_USER", "target.pets.basic-username-env", "':'")
                .doesNotContain("acct", "sub", "pw-secret");
    }

    @Test
    void aControlCharacterInThePasswordStopsTheStartWithoutShowingIt() {
        assertThat(basicProblems(BASIC_SETTINGS, Map.of("PETS_USER", "u", "PETS_PASSWORD", "pw\u0007secret")))
                .singleElement()
                .asString()
                .contains("target.pets.basic-password-env", "control character (at position 2)")
                .doesNotContain("secret\"", "pw\u0007");
    }

    @Test
    void missingBasicVariablesStopTheStartNamingTheTargetAndEachVariable() {
        assertThat(basicProblems(BASIC_SETTINGS, Map.of()))
                .containsExactly(
                        "target 'pets': environment variable PETS_USER (named by target.pets.basic-username-env) is"
                                + " not set",
                        "target 'pets': environment variable PETS_PASSWORD (named by target.pets.basic-password-env)"
                                + " is not set");
    }

    @Test
    void withoutBasicSettingsTheStartNamesTheUserNameSettingsToSet() {
        assertThat(basicProblems(Map.of(), Map.of()))
                .containsExactly(
                        "target 'pets': tools need an HTTP basic user name; set target.pets.basic-username-env (an"
                                + " environment variable name) or target.pets.basic-username-file (a file)");
    }

    @Test
    void withoutAPasswordSettingTheUserNameGoesWithTheEmptyPassword() {
        // RFC 7617 allows an empty password: APIs that take a key as the user name.
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.BASIC),
                        null,
                        Map.of("target.pets.basic-username-env", "PETS_USER"),
                        Map.of("PETS_USER", "sk_test_key")),
                problems);
        assertThat(problems.lines()).isEmpty();
        assertThat(header(
                        auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.BASIC), null), Caller.LOCAL),
                        "Authorization"))
                .isEqualTo("Basic "
                        + java.util.Base64.getEncoder()
                                .encodeToString("sk_test_key:".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNamedPasswordVariableThatIsEmptyStillStopsTheStart() {
        assertThat(basicProblems(BASIC_SETTINGS, Map.of("PETS_USER", "u", "PETS_PASSWORD", "")))
                .containsExactly("target 'pets': environment variable PETS_PASSWORD (named by"
                        + " target.pets.basic-password-env) is empty");
    }

    @Test
    void basicCredentialsCanComeFromFilesSuchAsAMountedSecret() throws Exception {
        Path user = Files.writeString(dir.resolve("username"), "svc-user\n", StandardCharsets.UTF_8);
        Path password = Files.writeString(dir.resolve("password"), "s3cret\n", StandardCharsets.UTF_8);
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.BASIC),
                        null,
                        Map.of(
                                "target.pets.basic-username-file", user.toString(),
                                "target.pets.basic-password-file", password.toString()),
                        Map.of()),
                problems);

        assertThat(problems.lines()).isEmpty();
        assertThat(header(
                        auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.BASIC), null), Caller.LOCAL),
                        "Authorization"))
                .isEqualTo("Basic c3ZjLXVzZXI6czNjcmV0");
    }

    @Test
    void aPasswordVariableWithEdgeSpacesIsSentAsItIs() {
        assertThat(basicHeader("Aladdin", " open sesame  ")).isEqualTo(basic("Aladdin: open sesame  "));
    }

    @Test
    void aPasswordFileKeepsItsEdgeSpacesAndLosesOnlyItsFinalLineFeed() throws Exception {
        assertThat(basicFromFiles("Aladdin\n", " open sesame \n")).isEqualTo(basic("Aladdin: open sesame "));
    }

    @Test
    void aPasswordFileLosesOnlyItsFinalCrLf() throws Exception {
        assertThat(basicFromFiles("Aladdin\r\n", "open sesame \r\n")).isEqualTo(basic("Aladdin:open sesame "));
    }

    @Test
    void aSecretFileLosesAUtf8ByteOrderMarkAsWindowsEditorsWriteIt() throws Exception {
        assertThat(basicFromFiles("\uFEFFAladdin\r\n", "\uFEFFopen sesame")).isEqualTo(basic("Aladdin:open sesame"));
    }

    @Test
    void aPasswordFileEndingInTwoLineFeedsStopsTheStartAtTheSecond() throws Exception {
        Path user = Files.writeString(dir.resolve("username"), "Aladdin\n", StandardCharsets.UTF_8);
        Path password = Files.writeString(dir.resolve("password"), "open sesame\n\n", StandardCharsets.UTF_8);

        assertThat(basicProblems(
                        Map.of(
                                "target.pets.basic-username-file", user.toString(),
                                "target.pets.basic-password-file", password.toString()),
                        Map.of()))
                .singleElement()
                .asString()
                .contains("target.pets.basic-password-file", "control character (at position 11)")
                .doesNotContain("sesame");
    }

    @Test
    void aUserNameVariableWithEdgeSpacesIsSentAsItIs() {
        assertThat(basicHeader(" Aladdin ", "open sesame")).isEqualTo(basic(" Aladdin :open sesame"));
    }

    private static String basic(String pair) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The Authorization header sent with the user name and password read from files with these contents. */
    private String basicFromFiles(String userFile, String passwordFile) throws Exception {
        Path user = Files.writeString(dir.resolve("username"), userFile, StandardCharsets.UTF_8);
        Path password = Files.writeString(dir.resolve("password"), passwordFile, StandardCharsets.UTF_8);
        StartupProblems problems = new StartupProblems();
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.BASIC),
                        null,
                        Map.of(
                                "target.pets.basic-username-file", user.toString(),
                                "target.pets.basic-password-file", password.toString()),
                        Map.of()),
                problems);
        assertThat(problems.lines()).isEmpty();
        return header(
                auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.BASIC), null), Caller.LOCAL), "Authorization");
    }

    @Test
    void aBasicRequestShowsNeitherTheHeaderValueNorThePasswordWhenPrinted() {
        TargetAuth auth = TargetAuth.create(
                request(
                        Set.of(AuthKind.BASIC),
                        null,
                        BASIC_SETTINGS,
                        Map.of("PETS_USER", "Aladdin", "PETS_PASSWORD", "open sesame")),
                new StartupProblems());

        UpstreamRequest sent = auth.authenticate(get(), ToolAuth.of(List.of(AuthKind.BASIC), null), Caller.LOCAL);

        assertThat(sent.toString() + sent.headers() + auth)
                .contains("Authorization")
                .doesNotContain("QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "open sesame", "Aladdin");
    }

    @Test
    void basicCredentialsAreNotReadForATargetWithoutBasicTools() {
        assertThat(basicProblems(Map.of(), Map.of())).isNotEmpty();
        StartupProblems problems = new StartupProblems();
        TargetAuth.create(request(Set.of(), null, Map.of(), Map.of()), problems);
        assertThat(problems.lines()).isEmpty();
    }

    /** The independent verifier's verdict on what the request would send ({@code null}: valid). */
    private static String verify(UpstreamRequest sent, String region) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : sent.headers()) {
            headers.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(header.value());
        }
        // The HTTP client adds Host when the signer did not; the verifier sees what goes on the wire.
        headers.putIfAbsent("host", List.of(sent.uri().getHost()));
        SignedRequest received = new SignedRequest() {
            @Override
            public String method() {
                return sent.method();
            }

            @Override
            public String rawPath() {
                return sent.uri().getRawPath();
            }

            @Override
            public String rawQuery() {
                return sent.uri().getRawQuery();
            }

            @Override
            public Map<String, List<String>> headers() {
                return headers;
            }

            @Override
            public byte[] body() {
                return sent.body();
            }
        };
        return new SigV4Verifier(Map.of(ACCESS_KEY, SECRET_KEY), region, "execute-api", Clock.systemUTC())
                .problem(received);
    }
}
