package org.parley.core.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * JSON for the small structured columns (scores, reason codes) and the exports. Uses Parsson's
 * provider directly, so no service look-up through the thread-context class loader is involved.
 */
public final class Json {
    private static final JsonProvider PROVIDER = new JsonProviderImpl();

    private Json() {}

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonValue string(String value) {
        return value == null ? JsonValue.NULL : PROVIDER.createValue(value);
    }

    public static String scores(Map<String, Double> scores) {
        return scoresObject(scores).toString();
    }

    public static JsonObject scoresObject(Map<String, Double> scores) {
        JsonObjectBuilder b = object();
        new TreeMap<>(scores).forEach(b::add);
        return b.build();
    }

    public static Map<String, Double> readScores(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Double> result = new LinkedHashMap<>();
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            reader.readObject().forEach((k, v) -> {
                if (v instanceof JsonNumber n) {
                    result.put(k, n.doubleValue());
                }
            });
        }
        return result;
    }

    public static String strings(List<String> values) {
        return stringArray(values).toString();
    }

    public static JsonArray stringArray(List<String> values) {
        JsonArrayBuilder b = array();
        values.forEach(b::add);
        return b.build();
    }

    public static List<String> readStrings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            for (JsonValue v : reader.readArray()) {
                if (v instanceof JsonString s) {
                    result.add(s.getString());
                }
            }
        }
        return result;
    }

    /** Parses one JSON object; {@link jakarta.json.JsonException} (or a parsing subclass) if it is not one. */
    public static JsonObject readObject(String json) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
