package dev.apigwmcp.samples.demo;

import tools.jackson.databind.JsonNode;

/** The backend's answer to one request: a status and a JSON body, or no body. */
record Reply(int status, JsonNode body) {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body);
    }

    static Reply empty(int status) {
        return new Reply(status, null);
    }
}
