package org.parley.acceptance.reliability;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded generators of request parts from OpenAPI schemas: values that fit the schema (drawn from
 * the fixtures' real ids where a parameter names one), and values that do not: wrong types,
 * missing required fields, huge strings, Unicode edge cases (NUL, lone surrogates, bidi
 * overrides, combining marks, non-characters), malformed JSON and invalid UTF-8. One {@link Random}
 * drives everything, so a seed reproduces a run.
 */
final class FuzzInputs {

    /** Strings that break naive handling; each is a legal JSON string value. */
    static final List<String> NASTY = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "x\udc00y",
            "\uFEFF",
            "\u202Egnp.exe",
            "\uFFFF",
            "\u200B",
            "Z\u0335\u0322\u0348a\u0335l\u0334g\u0338o",
            "😀",
            "👩‍👩‍👧‍👦",
            "../../etc/passwd",
            "%00",
            "%zz",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "-1",
            "0",
            "1e309",
            "NaN",
            "true",
            "null",
            "\r\nX-Injected: 1",
            "\t\n",
            "c-",
            "c-999999999999999999999",
            "a-00000000-0000-0000-0000-000000000000",
            "00000000-0000-0000-0000-000000000000",
            "é",
            "ß",
            "İ",
            "\u0130\u0131",
            "日本語",
            "ＡＢＣ");

    private final Random random;
    private final OpenApiOperations api;

    FuzzInputs(long seed, OpenApiOperations api) {
        this.random = new Random(seed);
        this.api = api;
    }

    Random random() {
        return random;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A string nobody planned for: nasty, huge, random Unicode, or random bytes' worth of ASCII. */
    String nastyString() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(NASTY);
            case 2 -> "x".repeat(pick(List.of(256, 4_097, 65_537, 200_000)));
            case 3 -> randomUnicode(1 + random.nextInt(64));
            case 4 -> pick(NASTY).repeat(1 + random.nextInt(2_000));
            default -> UUID.randomUUID() + pick(NASTY);
        };
    }

    /** Code points from every plane, including unassigned ones and surrogates (as lone UTF-16 units). */
    String randomUnicode(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(0x20);
                case 1 -> 0xD800 + random.nextInt(0x800);
                case 2 -> 0x10000 + random.nextInt(0x100000);
                case 3 -> 0x300 + random.nextInt(0x70);
                default -> 0x20 + random.nextInt(0xFFDF);
            };
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                s.append((char) cp);
            } else {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }

    /** A value that fits {@code schema}; {@code known} supplies real values for named fields. */
    JsonValue valid(JsonObject schema, String name, Map<String, List<String>> known, int depth) {
        JsonObject s = api.resolve(schema);
        if (name != null && known.containsKey(name) && ("string".equals(OpenApiOperations.type(s)) || s.isEmpty())) {
            return Json.createValue(pick(known.get(name)));
        }
        if (s.containsKey("enum")) {
            return pick(s.getJsonArray("enum"));
        }
        if (s.containsKey("oneOf") || s.containsKey("anyOf")) {
            JsonArray options = s.containsKey("oneOf") ? s.getJsonArray("oneOf") : s.getJsonArray("anyOf");
            return valid(pick(options).asJsonObject(), name, known, depth);
        }
        return switch (OpenApiOperations.type(s)) {
            case "integer" -> Json.createValue(s.getInt("minimum", 0) + random.nextInt(20));
            case "number" -> Json.createValue(random.nextDouble());
            case "boolean" -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
            case "array" -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                if (depth < 4) {
                    for (int i = random.nextInt(3); i > 0; i--) {
                        array.add(valid(
                                s.containsKey("items") ? s.getJsonObject("items") : JsonValue.EMPTY_JSON_OBJECT,
                                singular(name),
                                known,
                                depth + 1));
                    }
                }
                yield array.build();
            }
            case "object" -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                JsonObject properties = s.getJsonObject("properties");
                if (properties != null && depth < 4) {
                    List<String> required = required(s);
                    for (Map.Entry<String, JsonValue> p : properties.entrySet()) {
                        if (required.contains(p.getKey()) || chance(70)) {
                            object.add(p.getKey(), valid(p.getValue().asJsonObject(), p.getKey(), known, depth + 1));
                        }
                    }
                }
                yield object.build();
            }
            default -> Json.createValue(plausibleString(s, name));
        };
    }

    private String plausibleString(JsonObject s, String name) {
        String format = s.getString("format", "");
        return switch (format) {
            case "date-time" -> "2026-11-29T12:00:00Z";
            case "date" -> "2026-11-29";
            case "uuid" -> UUID.randomUUID().toString();
            case "uri", "url" -> "https://news.example/" + random.nextInt(1000);
            default ->
                name != null && name.toLowerCase(Locale.ROOT).contains("origin")
                        ? "https://fuzz" + random.nextInt(100) + ".example"
                        : "Fuzzed text " + random.nextInt(100_000) + " about the article.";
        };
    }

    /** The same value with one part broken: a wrong type, a field dropped, a nasty string. */
    JsonValue invalid(JsonObject schema, JsonValue valid, int depth) {
        JsonObject s = api.resolve(schema);
        if (valid instanceof JsonObject object && !object.isEmpty() && depth < 4 && chance(75)) {
            List<String> keys = new ArrayList<>(object.keySet());
            String key = pick(keys);
            JsonObjectBuilder copy = Json.createObjectBuilder(object);
            switch (random.nextInt(3)) {
                case 0 -> copy.remove(key);
                case 1 -> copy.add(key, wrongType(object.get(key)));
                default -> {
                    JsonObject properties = s.getJsonObject("properties");
                    JsonObject propertySchema = properties != null && properties.containsKey(key)
                            ? properties.getJsonObject(key)
                            : JsonValue.EMPTY_JSON_OBJECT;
                    copy.add(key, invalid(propertySchema, object.get(key), depth + 1));
                }
            }
            if (chance(20)) {
                copy.add("unexpected" + random.nextInt(10), wrongType(JsonValue.NULL));
            }
            return copy.build();
        }
        if (valid instanceof JsonArray array && chance(50)) {
            JsonArrayBuilder copy = Json.createArrayBuilder(array);
            for (int i = random.nextInt(pick(List.of(3, 300, 5_000))); i > 0; i--) {
                copy.add(wrongType(JsonValue.NULL));
            }
            return copy.build();
        }
        return chance(50) ? Json.createValue(nastyString()) : wrongType(valid);
    }

    /** A JSON value of another type than {@code value}'s. */
    JsonValue wrongType(JsonValue value) {
        List<JsonValue> options = new ArrayList<>(List.of(
                JsonValue.NULL,
                JsonValue.TRUE,
                Json.createValue(-1),
                Json.createValue(Long.MAX_VALUE),
                Json.createValue(new BigDecimal("1e400")),
                Json.createValue(1.5),
                Json.createValue(nastyString()),
                JsonValue.EMPTY_JSON_ARRAY,
                JsonValue.EMPTY_JSON_OBJECT,
                Json.createArrayBuilder().add("a").add(1).build(),
                Json.createObjectBuilder().add("a", JsonValue.NULL).build()));
        options.removeIf(o -> o.getValueType() == value.getValueType());
        return pick(options);
    }

    /** A body that is not what any JSON endpoint expects: malformed JSON, wrong encodings, nesting, size. */
    byte[] malformedBody(JsonValue valid) {
        String text = valid == null ? "{}" : valid.toString();
        return switch (random.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> text.substring(0, Math.max(0, text.length() / 2)).getBytes(StandardCharsets.UTF_8);
            case 2 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 3 ->
                pick(List.of("null", "123", "\"text\"", "true", "{\"a\":}", "{'body':'x'}", "{\"body\":\"x\",}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 4 -> withBytes(text, new byte[] {(byte) 0xC3, (byte) 0x28});
            case 5 -> withBytes(text, new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            case 6 -> ("[".repeat(pick(List.of(500, 20_000))) + "]".repeat(20)).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            case 8 -> text.getBytes(StandardCharsets.UTF_16);
            case 9 -> ("{\"k0\":1,\"body\":\"" + "y".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 10 -> text.replaceFirst("\"([^\"]*)\"", "\"$1\\\\u00\"").getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[1 + random.nextInt(512)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    /** {@code text} with raw bytes put inside its first JSON string (or appended). */
    private static byte[] withBytes(String text, byte[] raw) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf(":\"");
        int pos = at < 0 ? utf8.length : text.substring(0, at + 2).getBytes(StandardCharsets.UTF_8).length;
        byte[] out = new byte[utf8.length + raw.length];
        System.arraycopy(utf8, 0, out, 0, pos);
        System.arraycopy(raw, 0, out, pos, raw.length);
        System.arraycopy(utf8, pos, out, pos + raw.length, utf8.length - pos);
        return out;
    }

    static List<String> required(JsonObject schema) {
        List<String> names = new ArrayList<>();
        JsonArray required = schema.getJsonArray("required");
        if (required != null) {
            for (JsonValue r : required) {
                names.add(((JsonString) r).getString());
            }
        }
        return names;
    }

    private static String singular(String name) {
        return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
    }
}
