package dev.apigwmcp.generator.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class UnreadMembersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void dropsForeignExtensionsAndExampleObjectsKeepsWhatToolsUse() throws Exception {
        JsonNode root = JSON.readTree("""
                {"openapi":"3.0.3","x-webhooks":{"a":{}},"x-amazon-apigateway-api-key-source":"HEADER",
                 "paths":{"/p":{"x-item":1,"x-amazon-apigateway-any-method":{"x-inside":1},
                   "get":{"x-github":{"a":1},"x-amazon-apigateway-integration":{"timeoutInMillis":5},
                     "requestBody":{"content":{"application/json":{"examples":{"e":{}},
                       "schema":{"type":"object","examples":[{"x":1}],"x-schema-ext":true}}}},
                     "responses":{"200":{"content":{"application/json":{"examples":{"e":{}},"example":{"b":2}}}}}},
                   "parameters":[{"name":"q","in":"query","x-param":1}]}},
                 "components":{"examples":{"e":{}},
                   "responses":{"R":{"content":{"text/plain":{"examples":{"e":{}}}}}},
                   "requestBodies":{"B":{"content":{"text/plain":{"examples":{"e":{}}}}}},
                   "schemas":{"S":{"type":"string","x-nullable":true}}}}""");

        UnreadMembers.prune(root);

        assertThat(root).isEqualTo(JSON.readTree("""
                {"openapi":"3.0.3","x-amazon-apigateway-api-key-source":"HEADER",
                 "paths":{"/p":{"x-amazon-apigateway-any-method":{"x-inside":1},
                   "get":{"x-amazon-apigateway-integration":{"timeoutInMillis":5},
                     "requestBody":{"content":{"application/json":{
                       "schema":{"type":"object","examples":[{"x":1}],"x-schema-ext":true}}}},
                     "responses":{"200":{"content":{"application/json":{"example":{"b":2}}}}}},
                   "parameters":[{"name":"q","in":"query","x-param":1}]}},
                 "components":{
                   "responses":{"R":{"content":{"text/plain":{}}}},
                   "requestBodies":{"B":{"content":{"text/plain":{}}}},
                   "schemas":{"S":{"type":"string","x-nullable":true}}}}"""));
    }

    @Test
    void leavesOddShapesAlone() throws Exception {
        for (String text : new String[] {
            "[1,2]",
            "\"text\"",
            "{\"paths\":[1],\"components\":3}",
            "{\"paths\":{\"/p\":{\"get\":[],\"post\":{\"responses\":[],\"requestBody\":7}}}}"
        }) {
            JsonNode root = JSON.readTree(text);
            assertThat(UnreadMembers.prune(root)).isEqualTo(JSON.readTree(text));
        }
    }
}
