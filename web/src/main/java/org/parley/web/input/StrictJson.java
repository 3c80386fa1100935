package org.parley.web.input;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.core.ValidationException;
import org.parley.core.support.Require;
import org.parley.web.platform.Settings;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;

/**
 * Reads every JSON request body of the API into its request record, strictly:
 * <ul>
 *   <li>at most {@code parley.max-request-bytes} bytes, counted while reading (also for chunked
 *       bodies without a {@code Content-Length}): 413;</li>
 *   <li>strict UTF-8 (a malformed byte is refused, never replaced by U+FFFD): 400 {@code validation};</li>
 *   <li>exactly one JSON value: trailing data, duplicate keys or nesting deeper than
 *       {@value #MAX_DEPTH}: 400 {@code malformed-json};</li>
 *   <li>each member of the JSON type its record component declares, with no coercion
 *       ({@code "body": 123}, {@code "version": 1.5}, {@code "days": "7"} and {@code null} list
 *       items are refused): 400 {@code validation} naming every such field;</li>
 *   <li>no text a database cannot store faithfully, in any string or key (NUL, unpaired
 *       surrogates): 400 {@code validation}.</li>
 * </ul>
 * Members the record does not declare are ignored, so clients may send more than a version knows.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJson implements MessageBodyReader<Record> {

    static final int MAX_DEPTH = 32;

    /** JSON-B, created on first use: only record components of types without a rule here need it. */
    private static final class Binder {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @Inject
    Settings settings;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        return bind(decode(readCapped(body, settings.maxRequestBytes())), type);
    }

    /** {@code text} as an instance of the record {@code type}; {@code null} for an empty body. */
    Record bind(String text, Class<?> type) {
        if (text.isBlank()) {
            return null;
        }
        JsonValue value = parse(text);
        if (!(value instanceof JsonObject object)) {
            throw ProblemException.malformedJson("The body must be a JSON object.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Record result = (Record) convert(object, type, type, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return result;
    }

    /** The body's bytes, refusing with 413 as soon as more than {@code max} arrive. */
    static byte[] readCapped(InputStream in, long max) throws IOException {
        byte[] buffer = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (buffer.length > max) {
            throw ProblemException.tooLarge(max);
        }
        return buffer;
    }

    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.indexOf('\0') >= 0) {
                throw ProblemException.invalid("$", "must not contain the NUL character");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("$", "must be UTF-8 encoded text");
        }
    }

    /** Exactly one JSON value, with no duplicate keys and nothing after it. */
    static JsonValue parse(String text) {
        try (JsonParser parser = JsonP.PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw ProblemException.malformedJson("The body is empty.");
            }
            JsonValue value = read(parser, parser.next(), 0);
            if (parser.hasNext()) {
                throw ProblemException.malformedJson("Unexpected data after the JSON value.");
            }
            return value;
        } catch (JsonParsingException e) {
            throw ProblemException.malformedJson(firstLine(e.getMessage()));
        }
    }

    private static JsonValue read(JsonParser parser, JsonParser.Event event, int depth) {
        if (depth > MAX_DEPTH) {
            throw ProblemException.malformedJson("The body is nested more than " + MAX_DEPTH + " levels deep.");
        }
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = JsonP.PROVIDER.createObjectBuilder();
                Set<String> keys = new HashSet<>();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    if (!keys.add(key)) {
                        throw ProblemException.malformedJson("Duplicate key \"" + printable(key) + "\".");
                    }
                    object.add(key, read(parser, parser.next(), depth + 1));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = JsonP.PROVIDER.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(read(parser, e, depth + 1));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return JsonP.PROVIDER.createValue(parser.getString());
            }
            case VALUE_NUMBER -> {
                return JsonP.PROVIDER.createValue(parser.getBigDecimal());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw ProblemException.malformedJson("Unexpected " + event + ".");
        }
    }

    /** {@code value} as {@code type}, or {@code null} with an error added when it does not fit exactly. */
    private static Object convert(
            JsonValue value, Class<?> raw, Type type, String path, List<Problem.FieldError> errors) {
        if (value == null || value == JsonValue.NULL) {
            return raw.isPrimitive() ? fail(errors, path, "must not be null") : null;
        }
        if (raw == String.class) {
            return value instanceof JsonString s
                    ? text(s.getString(), path, errors)
                    : fail(errors, path, "must be a string");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return value == JsonValue.TRUE
                    ? Boolean.TRUE
                    : value == JsonValue.FALSE ? Boolean.FALSE : fail(errors, path, "must be true or false");
        }
        if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            BigDecimal number = value instanceof JsonNumber n ? n.bigDecimalValue() : null;
            boolean isInt = raw == Integer.class || raw == int.class;
            try {
                if (number != null) {
                    long whole = number.stripTrailingZeros().longValueExact();
                    if (!isInt) {
                        return whole;
                    }
                    return Math.toIntExact(whole);
                }
            } catch (ArithmeticException e) {
                // a fraction or out of range: refused below
            }
            return fail(
                    errors,
                    path,
                    "must be a whole number"
                            + (isInt ? " between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE : ""));
        }
        if (raw == Double.class || raw == double.class) {
            return value instanceof JsonNumber n && Double.isFinite(n.doubleValue())
                    ? n.doubleValue()
                    : fail(errors, path, "must be a number");
        }
        if (raw.isEnum()) {
            if (value instanceof JsonString s) {
                for (Object constant : raw.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(s.getString())) {
                        return constant;
                    }
                }
            }
            return fail(errors, path, "must be one of the documented values");
        }
        if (List.class == raw || Set.class == raw || Collection.class == raw) {
            if (!(value instanceof JsonArray array)) {
                return fail(errors, path, "must be an array");
            }
            Type item = typeArgument(type, 0);
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                String at = path + "[" + i + "]";
                if (array.get(i) == JsonValue.NULL) {
                    fail(errors, at, "must not be null");
                } else {
                    items.add(convert(array.get(i), rawClass(item), item, at, errors));
                }
            }
            return raw == Set.class ? new LinkedHashSet<>(items) : items;
        }
        if (Map.class == raw) {
            if (!(value instanceof JsonObject object)) {
                return fail(errors, path, "must be an object");
            }
            Type item = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            object.forEach((k, v) -> {
                String at = path.isEmpty() ? k : path + "." + k;
                text(k, at, errors);
                if (v == JsonValue.NULL) {
                    fail(errors, at, "must not be null");
                } else {
                    map.put(k, convert(v, rawClass(item), item, at, errors));
                }
            });
            return map;
        }
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                return fail(errors, path, "must be an object");
            }
            object.keySet().forEach(k -> text(k, path.isEmpty() ? k : path + "." + k, errors));
            RecordComponent[] components = raw.getRecordComponents();
            Object[] arguments = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                // A component may carry another JSON name (e.g. "notify", which cannot name a record component).
                var renamed = c.getAccessor().getAnnotation(JsonbProperty.class);
                String name = renamed == null ? c.getName() : renamed.value();
                arguments[i] = convert(
                        object.get(name),
                        c.getType(),
                        c.getGenericType(),
                        path.isEmpty() ? name : path + "." + name,
                        errors);
            }
            if (!errors.isEmpty()) {
                return null;
            }
            try {
                Constructor<?> canonical = raw.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(arguments);
            } catch (ReflectiveOperationException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("cannot build " + raw.getName(), e);
            }
        }
        if (JsonValue.class.isAssignableFrom(raw) || raw == Object.class) {
            return value;
        }
        if (raw == Instant.class) {
            try {
                return value instanceof JsonString s
                        ? Instant.parse(s.getString())
                        : fail(errors, path, "must be an ISO-8601 instant such as 2026-11-27T00:00:00Z");
            } catch (DateTimeParseException e) {
                return fail(errors, path, "must be an ISO-8601 instant such as 2026-11-27T00:00:00Z");
            }
        }
        // Any other type a request record declares is bound by JSON-B from the already checked value.
        try {
            return Binder.JSONB.fromJson(value.toString(), type);
        } catch (JsonbException e) {
            return fail(errors, path, "has the wrong shape");
        }
    }

    /** {@code s} when every database stores it as given (core's rule), otherwise {@code null} and an error. */
    private static String text(String s, String path, List<Problem.FieldError> errors) {
        try {
            return Require.storable(path, s);
        } catch (ValidationException e) {
            fail(errors, path, e.getMessage().substring(path.length() + 2));
            return null;
        }
    }

    private static Object fail(List<Problem.FieldError> errors, String path, String message) {
        errors.add(new Problem.FieldError(path.isEmpty() ? "$" : path, message));
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.isBlank() ? "The body could not be read as JSON." : line;
    }

    private static String printable(String key) {
        String shown = key.length() > 40 ? key.substring(0, 40) + "…" : key;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
