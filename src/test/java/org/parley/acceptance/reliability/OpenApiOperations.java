package org.parley.acceptance.reliability;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations an OpenAPI 3 document (JSON) describes: method, path template, parameters with
 * their schemas, the JSON request body's schema and the media types answered. Schemas keep their
 * {@code $ref}s; {@link #resolve} follows one.
 */
record OpenApiOperations(JsonObject document, List<Operation> operations) {

    /** A parameter: {@code in} is path, query, header or cookie. */
    record Parameter(String name, String in, boolean required, JsonObject schema) {}

    /** One operation of the document. */
    record Operation(
            String method,
            String path,
            List<Parameter> parameters,
            JsonObject body,
            boolean bodyRequired,
            List<String> produces) {
        boolean isEventStream() {
            return produces.contains("text/event-stream");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static OpenApiOperations of(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        JsonObject paths = document.getJsonObject("paths");
        for (Map.Entry<String, JsonValue> path : paths.entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            List<Parameter> shared = parameters(item.getJsonArray("parameters"));
            for (Map.Entry<String, JsonValue> op : item.entrySet()) {
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                List<Parameter> parameters = new ArrayList<>(shared);
                parameters.addAll(parameters(operation.getJsonArray("parameters")));
                JsonObject body = null;
                boolean bodyRequired = false;
                if (operation.containsKey("requestBody")) {
                    JsonObject requestBody = operation.getJsonObject("requestBody");
                    JsonObject content = requestBody.getJsonObject("content");
                    JsonObject json = content == null ? null : content.getJsonObject("application/json");
                    body = json == null || !json.containsKey("schema")
                            ? JsonValue.EMPTY_JSON_OBJECT
                            : json.getJsonObject("schema");
                    bodyRequired = requestBody.getBoolean("required", false);
                }
                List<String> produces = new ArrayList<>();
                JsonObject responses = operation.getJsonObject("responses");
                if (responses != null) {
                    for (JsonValue response : responses.values()) {
                        JsonObject content = response.asJsonObject().getJsonObject("content");
                        if (content != null) {
                            produces.addAll(content.keySet());
                        }
                    }
                }
                operations.add(
                        new Operation(method, path.getKey(), List.copyOf(parameters), body, bodyRequired, produces));
            }
        }
        return new OpenApiOperations(document, List.copyOf(operations));
    }

    private static List<Parameter> parameters(JsonArray array) {
        List<Parameter> parameters = new ArrayList<>();
        if (array != null) {
            for (JsonValue value : array) {
                JsonObject p = value.asJsonObject();
                parameters.add(new Parameter(
                        p.getString("name"),
                        p.getString("in"),
                        p.getBoolean("required", false) || "path".equals(p.getString("in")),
                        p.containsKey("schema") ? p.getJsonObject("schema") : JsonValue.EMPTY_JSON_OBJECT));
            }
        }
        return parameters;
    }

    /** The schema a {@code $ref} names (local references only), or the schema itself. */
    JsonObject resolve(JsonObject schema) {
        JsonObject current = schema;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 10; hops++) {
            String ref = current.getString("$ref");
            JsonValue target = document;
            for (String part : ref.substring(ref.indexOf('#') + 2).split("/")) {
                target = target.asJsonObject().get(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target.asJsonObject();
        }
        return current == null ? JsonValue.EMPTY_JSON_OBJECT : current;
    }

    /** The schema's type: {@code string}, {@code integer}... ({@code null} dropped from 3.1 type lists), or "". */
    static String type(JsonObject schema) {
        JsonValue type = schema.get("type");
        if (type instanceof JsonString s) {
            return s.getString();
        }
        if (type instanceof JsonArray types) {
            for (JsonValue t : types) {
                if (t instanceof JsonString s && !"null".equals(s.getString())) {
                    return s.getString();
                }
            }
        }
        return schema.containsKey("properties") ? "object" : "";
    }
}
