package dev.apigwmcp.runtime.execution;

import dev.apigwmcp.runtime.spi.Arguments;
import dev.apigwmcp.runtime.spi.GeneratedTool;
import dev.apigwmcp.runtime.spi.JsonWritable;
import dev.apigwmcp.runtime.spi.OutputReader;
import dev.apigwmcp.runtime.spi.QueryStyle;
import dev.apigwmcp.runtime.spi.ToolRegistry;
import dev.apigwmcp.runtime.spi.UpstreamRequestBuilder;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Hand-written stand-in for what the generator emits for a small target (one record + one class per tool). */
public final class PetsRegistry implements ToolRegistry {

    @Override
    public String targetName() {
        return "pets";
    }

    @Override
    public String resourceFolder() {
        return "apigw-mcp/targets/pets/";
    }

    private static List<GeneratedTool<?>> all() {
        return List.of(new CreatePet(), new Download(), new GetPet(), new ListPets(), new Proxy(), new Secure());
    }

    @Override
    public List<String> toolNames() {
        return all().stream().map(GeneratedTool::name).toList();
    }

    @Override
    public GeneratedTool<?> newTool(String name) {
        return all().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tool " + name));
    }

    record CreatePetArguments(JsonNode body, String requestId) {}

    static final class CreatePet implements GeneratedTool<CreatePetArguments> {
        @Override
        public String name() {
            return "pets___CreatePet";
        }

        @Override
        public CreatePetArguments readArguments(JsonNode a) {
            return new CreatePetArguments(Arguments.json(a, "body"), Arguments.string(a, "requestId"));
        }

        @Override
        public void writeRequest(CreatePetArguments a, UpstreamRequestBuilder request) {
            request.header("requestId", "X-Request-Id", a.requestId());
            request.jsonBody("body", "application/json", a.body());
        }
    }

    record NoArguments() {}

    static final class Download implements GeneratedTool<NoArguments> {
        @Override
        public String name() {
            return "pets___Download";
        }

        @Override
        public NoArguments readArguments(JsonNode a) {
            return new NoArguments();
        }

        @Override
        public void writeRequest(NoArguments a, UpstreamRequestBuilder request) {}
    }

    /** Writes itself back as the generator's {@code Input} records do, for typed interceptors. */
    record GetPetArguments(String petId) implements JsonWritable {
        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            Arguments.put(node, "petId", petId);
            return node;
        }
    }

    /** The output record as the generator emits it for a plain object tree ({@code GetPetTool.Output}). */
    record GetPetOutput(String id, String name, Map<String, JsonNode> additionalProperties) implements JsonWritable {
        static GetPetOutput read(JsonNode node) {
            OutputReader reader = OutputReader.of(node);
            return new GetPetOutput(reader.string("id"), reader.string("name"), reader.additional());
        }

        @Override
        public JsonNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            OutputReader.put(node, "id", id);
            OutputReader.put(node, "name", name);
            return OutputReader.withAdditional(node, additionalProperties);
        }
    }

    static final class GetPet implements GeneratedTool<GetPetArguments> {
        @Override
        public JsonWritable readOutput(JsonNode structuredContent) {
            return GetPetOutput.read(structuredContent);
        }

        @Override
        public String name() {
            return "pets___GetPet";
        }

        @Override
        public GetPetArguments readArguments(JsonNode a) {
            return new GetPetArguments(Arguments.string(a, "petId"));
        }

        @Override
        public void writeRequest(GetPetArguments a, UpstreamRequestBuilder request) {
            request.pathParameter("petId", "petId", a.petId());
        }
    }

    record ListPetsArguments(List<String> tags, Long limit) {}

    static final class ListPets implements GeneratedTool<ListPetsArguments> {
        @Override
        public String name() {
            return "pets___ListPets";
        }

        @Override
        public ListPetsArguments readArguments(JsonNode a) {
            return new ListPetsArguments(Arguments.list(a, "tags", Arguments::asString), Arguments.integer(a, "limit"));
        }

        @Override
        public void writeRequest(ListPetsArguments a, UpstreamRequestBuilder request) {
            request.queryParameter("tags", "tag", a.tags(), QueryStyle.FORM_EXPLODED);
            request.queryParameter("limit", "limit", a.limit());
        }
    }

    record ProxyArguments(String method, String proxy) {}

    static final class Proxy implements GeneratedTool<ProxyArguments> {
        @Override
        public String name() {
            return "pets___Proxy";
        }

        @Override
        public ProxyArguments readArguments(JsonNode a) {
            return new ProxyArguments(Arguments.string(a, "method"), Arguments.string(a, "proxy"));
        }

        @Override
        public void writeRequest(ProxyArguments a, UpstreamRequestBuilder request) {
            request.method("method", a.method());
            request.greedyPathParameter("proxy", "proxy", a.proxy());
        }
    }

    static final class Secure implements GeneratedTool<NoArguments> {
        @Override
        public String name() {
            return "pets___Secure";
        }

        @Override
        public NoArguments readArguments(JsonNode a) {
            return new NoArguments();
        }

        @Override
        public void writeRequest(NoArguments a, UpstreamRequestBuilder request) {}
    }
}
