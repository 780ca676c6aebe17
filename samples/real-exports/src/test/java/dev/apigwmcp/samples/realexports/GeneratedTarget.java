package dev.apigwmcp.samples.realexports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the generator made of one target, from its {@code bindings.json} on the classpath: used only to find which
 * tool stands for which operation of the export, and to show the generator's view beside a failure.
 *
 * @param name      the target name
 * @param source    the export file name the bindings name
 * @param serverUrl {@code server.url}, or {@code null}
 * @param tools     the bound tools
 */
record GeneratedTarget(String name, String source, String serverUrl, List<Tool> tools) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One bound tool.
     *
     * @param token the new {@code tools[].token} (where a bearer token goes), or {@code null} when absent
     */
    record Tool(String name, String method, String path, List<String> auth, JsonNode token) {}

    GeneratedTarget {
        tools = List.copyOf(tools);
    }

    /** The target's bindings from the classpath, empty when the generator wrote none. */
    static Optional<GeneratedTarget> load(String target) throws IOException {
        String resource = "apigw-mcp/targets/" + target + "/bindings.json";
        try (InputStream in = GeneratedTarget.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            JsonNode root = JSON.readTree(in);
            List<Tool> tools = new ArrayList<>();
            for (JsonNode tool : root.path("tools")) {
                List<String> auth = new ArrayList<>();
                tool.path("auth").forEach(kind -> auth.add(kind.asString()));
                JsonNode token = tool.get("token");
                tools.add(new Tool(
                        tool.path("name").asString(),
                        tool.path("method").asString(),
                        tool.path("path").asString(),
                        auth,
                        token == null || token.isNull() ? null : token));
            }
            JsonNode url = root.path("server").get("url");
            return Optional.of(new GeneratedTarget(
                    root.path("target").asString(),
                    root.path("source").asString(),
                    url == null || url.isNull() ? null : url.asString(),
                    tools));
        }
    }
}
