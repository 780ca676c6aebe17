package dev.apigwmcp.samples.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PetStore REST API of {@code petstore-apigw-oas30.json}, in memory: its routes, the credentials each demands
 * per the export's {@code security}, and answers shaped like the export's response schemas.
 */
final class PetStoreApi {

    private static final List<String> PET_TYPES = List.of("dog", "cat", "fish");
    private static final Set<String> ANY_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final int PAGE_SIZE = 10;

    private final Map<Long, ObjectNode> pets = new TreeMap<>();
    private long nextId = 1;

    PetStoreApi() {
        add("dog", 249.99, "Rex", List.of("friendly"));
        // An owner with an e-mail address: what the petstore sample's redacting interceptor hides.
        add("cat", 124.5, "Tom", List.of())
                .putObject("owner")
                .put("name", "Ada")
                .put("email", "ada@example.com");
        add("fish", 0.99, "Nemo", List.of("small"));
    }

    /** The route for a method and the path segments after the stage (percent-decoded), if the API has one. */
    Optional<Route> route(String method, List<String> segments) {
        int n = segments.size();
        String first = n > 0 ? segments.get(0) : "";
        if (n == 1 && first.equals("pets")) {
            return switch (method) {
                case "GET" -> Optional.of(new Route(Set.of(Credential.SIGV4), this::listPets));
                case "POST" -> Optional.of(new Route(Set.of(Credential.SIGV4), this::createPet));
                default -> Optional.empty();
            };
        }
        if (n == 2 && first.equals("pets")) {
            String petId = segments.get(1);
            return switch (method) {
                case "GET" -> Optional.of(new Route(Set.of(Credential.SIGV4), r -> getPet(petId)));
                case "DELETE" -> Optional.of(new Route(Set.of(Credential.API_KEY), r -> deletePet(petId)));
                default -> Optional.empty();
            };
        }
        if (n == 3 && first.equals("pets") && segments.get(2).equals("photos") && method.equals("GET")) {
            String petId = segments.get(1);
            return Optional.of(new Route(Set.of(Credential.API_KEY), r -> photos(petId, r)));
        }
        if (n == 2 && first.equals("store") && segments.get(1).equals("inventory") && method.equals("GET")) {
            // The export lists api_key and sigv4: API Gateway demands both (IAM auth plus "API key required").
            return Optional.of(new Route(Set.of(Credential.SIGV4, Credential.API_KEY), r -> inventory()));
        }
        if (n == 1 && first.equals("health") && method.equals("GET")) {
            return Optional.of(new Route(
                    Set.of(), r -> Reply.json(200, DemoJson.NODES.objectNode().put("status", "ok"))));
        }
        if (n >= 2 && first.equals("admin") && ANY_METHODS.contains(method)) {
            String proxy = String.join("/", segments.subList(1, n));
            return Optional.of(new Route(
                    Set.of(Credential.SIGV4),
                    r -> Reply.json(
                            200,
                            DemoJson.NODES.objectNode().put("method", method).put("proxy", proxy))));
        }
        return Optional.empty();
    }

    private synchronized Reply listPets(ReceivedRequest request) {
        Map<String, List<String>> query = query(request.rawQuery());
        String type = first(query, "type");
        if (type != null && !PET_TYPES.contains(type)) {
            return error(400, "Invalid query parameter type: " + type);
        }
        int page = 1;
        String pageText = first(query, "page");
        if (pageText != null) {
            try {
                page = Integer.parseInt(pageText);
            } catch (NumberFormatException e) {
                page = 0;
            }
            if (page < 1) {
                return error(400, "Invalid query parameter page: " + pageText);
            }
        }
        ArrayNode result = DemoJson.NODES.arrayNode();
        pets.values().stream()
                .filter(pet -> type == null || pet.get("type").asString().equals(type))
                .skip((long) (page - 1) * PAGE_SIZE)
                .limit(PAGE_SIZE)
                .forEach(pet -> result.add(pet.deepCopy()));
        return Reply.json(200, result);
    }

    private synchronized Reply createPet(ReceivedRequest request) {
        JsonNode body;
        try {
            body = DemoJson.mapper().readTree(request.body());
        } catch (JacksonException e) {
            return error(400, "Invalid request body");
        }
        // API Gateway's "body-only" request validator checks the NewPet schema and answers with this message.
        if (body == null
                || !body.isObject()
                || !body.path("type").isString()
                || !PET_TYPES.contains(body.path("type").asString())
                || !body.path("price").isNumber()
                || body.path("price").asDouble() <= 0
                || (body.has("name")
                        && (!body.get("name").isString()
                                || body.get("name").asString().length() > 64))) {
            return error(400, "Invalid request body");
        }
        List<String> tags = new ArrayList<>();
        ObjectNode pet = add(
                body.get("type").asString(),
                body.get("price").asDouble(),
                body.has("name") ? body.get("name").asString() : null,
                tags);
        ObjectNode answer = DemoJson.NODES.objectNode();
        answer.set("pet", pet.deepCopy());
        answer.put("message", "Created pet " + pet.get("id").asLong());
        return Reply.json(200, answer);
    }

    private synchronized Reply getPet(String petId) {
        ObjectNode pet = find(petId);
        return pet == null ? error(404, "Pet " + petId + " not found") : Reply.json(200, pet.deepCopy());
    }

    private synchronized Reply deletePet(String petId) {
        ObjectNode pet = find(petId);
        if (pet == null) {
            return error(404, "Pet " + petId + " not found");
        }
        pets.remove(pet.get("id").asLong());
        return Reply.empty(204);
    }

    private synchronized Reply photos(String petId, ReceivedRequest request) {
        ObjectNode pet = find(petId);
        if (pet == null) {
            return error(404, "Pet " + petId + " not found");
        }
        String size =
                Optional.ofNullable(first(query(request.rawQuery()), "size")).orElse("large");
        if (!size.equals("small") && !size.equals("large")) {
            return error(400, "Invalid query parameter size: " + size);
        }
        boolean small = size.equals("small");
        ArrayNode photos = DemoJson.NODES.arrayNode();
        photos.addObject()
                .put("url", "https://photos.example/pets/" + pet.get("id").asLong() + "/" + size + ".jpg")
                .put("width", small ? 160 : 1280)
                .put("height", small ? 120 : 960);
        return Reply.json(200, photos);
    }

    private synchronized Reply inventory() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        PET_TYPES.forEach(type -> counts.put(type, 0));
        pets.values().forEach(pet -> counts.merge(pet.get("type").asString(), 1, Integer::sum));
        ObjectNode result = DemoJson.NODES.objectNode();
        counts.forEach(result::put);
        return Reply.json(200, result);
    }

    private ObjectNode find(String petId) {
        try {
            return pets.get(Long.parseLong(petId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ObjectNode add(String type, double price, String name, List<String> tags) {
        ObjectNode pet =
                DemoJson.NODES.objectNode().put("id", nextId).put("type", type).put("price", price);
        if (name != null) {
            pet.put("name", name);
        }
        ArrayNode tagArray = pet.putArray("tags");
        tags.forEach(tagArray::add);
        pets.put(nextId++, pet);
        return pet;
    }

    static Reply error(int status, String message) {
        return Reply.json(status, DemoJson.NODES.objectNode().put("message", message));
    }

    /** Query parameters, percent-decoded ({@code +} is a space, as form encoding has it). */
    static Map<String, List<String>> query(String rawQuery) {
        Map<String, List<String>> result = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            try {
                result.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                // A malformed escape is left as sent; the handler then rejects the value as invalid.
                result.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
        }
        return result;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
