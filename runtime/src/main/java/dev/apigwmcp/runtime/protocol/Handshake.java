package dev.apigwmcp.runtime.protocol;

import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The legacy handshake's answer, which needs no tool: the {@code initialize} result, and a plain {@code initialize}
 * request answered from its bytes with the streaming parser and generator alone. A stdio transport answers the
 * client's first message so while the tool service is still starting (the data-binding mapper, the catalog and
 * the credentials are the larger part of a start); {@link McpServer} answers {@code initialize} with the same
 * result bytes.
 */
public final class Handshake {
    /** At most this many of the client's capability names are kept. */
    static final int MAX_CAPABILITIES = 16;

    static final Pattern CAPABILITY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private static final JsonFactory JSON = new JsonFactory();

    private Handshake() {}

    /** The {@code initialize} result for the negotiated version: capabilities, server info and instructions. */
    static byte[] result(String version, ServerOptions options) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            writeResult(out, version, options);
        }
        return bytes.toByteArray();
    }

    private static void writeResult(JsonGenerator out, String version, ServerOptions options) {
        out.writeStartObject();
        out.writeStringProperty("protocolVersion", version);
        out.writeName("capabilities");
        out.writeStartObject();
        out.writeName("tools");
        out.writeStartObject();
        out.writeBooleanProperty("listChanged", false);
        out.writeEndObject();
        out.writeName("logging");
        out.writeStartObject();
        out.writeEndObject();
        out.writeEndObject();
        out.writeName("serverInfo");
        out.writeStartObject();
        out.writeStringProperty("name", options.name());
        out.writeStringProperty("version", options.version());
        out.writeEndObject();
        if (options.instructions() != null) {
            out.writeStringProperty("instructions", options.instructions());
        }
        out.writeEndObject();
    }

    /**
     * The whole answer to {@code frame} when it is a plain legacy {@code initialize} request (one JSON object:
     * {@code jsonrpc} "2.0", a string or whole-number {@code id}, {@code params} with a string {@code
     * protocolVersion} and no {@code _meta}), the version negotiated in {@code session} as {@link McpServer} does;
     * else {@code null}, and nothing is changed: anything else, a malformed frame included, is for the server.
     */
    public static byte[] answer(byte[] frame, ClientSession session, ServerOptions options) {
        Request request;
        try (JsonParser in = JSON.createParser(ObjectReadContext.empty(), frame)) {
            request = read(in);
            if (request == null || in.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        String version = ProtocolVersions.negotiate(request.protocolVersion());
        session.negotiated(version);
        session.clientCapabilities(request.capabilities());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), bytes)) {
            out.writeStartObject();
            out.writeStringProperty("jsonrpc", "2.0");
            out.writeName("id");
            request.id().writeTo(out);
            out.writeName("result");
            writeResult(out, version, options);
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    /** The request's id as it was sent: a string or a whole number. */
    private record Id(String text, JsonParser.NumberType type, Number number) {
        void writeTo(JsonGenerator out) {
            if (text != null) {
                out.writeString(text);
            } else if (type == JsonParser.NumberType.BIG_INTEGER) {
                out.writeNumber((java.math.BigInteger) number);
            } else {
                out.writeNumber(number.longValue());
            }
        }
    }

    private record Request(Id id, String protocolVersion, Set<String> capabilities) {}

    /** The request, or {@code null} when it is not a plain {@code initialize}. */
    private static Request read(JsonParser in) {
        if (in.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Set<String> seen = new HashSet<>();
        Id id = null;
        boolean version = false;
        boolean initialize = false;
        Params params = null;
        for (JsonToken token = in.nextToken(); token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
            String name = in.currentName();
            if (!seen.add(name)) {
                return null;
            }
            JsonToken value = in.nextToken();
            switch (name) {
                case "jsonrpc" -> version = value == JsonToken.VALUE_STRING && "2.0".equals(in.getString());
                case "method" -> initialize = value == JsonToken.VALUE_STRING && "initialize".equals(in.getString());
                case "id" -> id = id(in, value);
                case "params" -> params = value == JsonToken.START_OBJECT ? params(in) : null;
                default -> {
                    return null;
                }
            }
            in.skipChildren();
        }
        if (!version || !initialize || id == null || params == null || params.protocolVersion() == null) {
            return null;
        }
        return new Request(id, params.protocolVersion(), params.capabilities());
    }

    private static Id id(JsonParser in, JsonToken value) {
        if (value == JsonToken.VALUE_STRING) {
            return new Id(in.getString(), null, null);
        }
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return new Id(null, in.getNumberType(), in.getNumberValue());
        }
        return null;
    }

    private record Params(String protocolVersion, Set<String> capabilities) {}

    /** {@code params}, the parser on its start; {@code null} when it has {@code _meta} or a repeated member. */
    private static Params params(JsonParser in) {
        Set<String> seen = new HashSet<>();
        String protocolVersion = null;
        Set<String> capabilities = Set.of();
        for (JsonToken token = in.nextToken(); token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
            String name = in.currentName();
            if (!seen.add(name) || name.equals("_meta")) {
                return null;
            }
            JsonToken value = in.nextToken();
            if (name.equals("protocolVersion")) {
                if (value != JsonToken.VALUE_STRING) {
                    return null;
                }
                protocolVersion = in.getString();
            } else if (name.equals("capabilities") && value == JsonToken.START_OBJECT) {
                capabilities = capabilityNames(in);
            } else {
                in.skipChildren();
            }
        }
        return new Params(protocolVersion, capabilities);
    }

    /** The capability names {@link McpServer} keeps, the parser on the object's start; their values are skipped. */
    private static Set<String> capabilityNames(JsonParser in) {
        Set<String> names = new TreeSet<>();
        for (JsonToken token = in.nextToken(); token == JsonToken.PROPERTY_NAME; token = in.nextToken()) {
            String name = in.currentName();
            if (names.size() < MAX_CAPABILITIES && CAPABILITY_NAME.matcher(name).matches()) {
                names.add(name);
            }
            in.nextToken();
            in.skipChildren();
        }
        return names;
    }
}
