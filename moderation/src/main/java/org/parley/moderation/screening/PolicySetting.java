package org.parley.moderation.screening;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.parley.moderation.civility.Attribute;

/**
 * One row of {@link SitePolicy}'s settings table: the setting's JSON key, its default, and its
 * kind, which fixes how the value is read from JSON, written to JSON and checked. Reading is strict,
 * as operators' policy files need: a value of the wrong JSON type is refused (no coercion, an
 * integer must be exact), enum names match in any case, and a threshold object sets the attributes
 * it names over the current ones. Immutable; compared by identity, each row being one constant.
 *
 * @param <T> the value's Java type
 */
final class PolicySetting<T> {

    /** What a value is; each kind has one JSON form and one check. */
    private enum Kind {
        /** An {@code int}, at least {@code min}; JSON: an integral number. */
        COUNT,
        /** A {@code double} in [0, 1]; JSON: a number. */
        PROBABILITY,
        /** A {@code boolean}; JSON: {@code true} or {@code false}. */
        FLAG,
        /** A set of terms; JSON: an array of strings (written sorted). */
        WORDS,
        /** An enum constant; JSON: its name, in any case. */
        CHOICE,
        /** A positive duration; JSON: seconds, with millisecond precision. */
        SECONDS,
        /** Thresholds per civility attribute (never {@code uncivil}); JSON: {@code {"insult": 0.5, ...}}. */
        THRESHOLDS
    }

    private final String key;
    private final Kind kind;
    private final T defaultValue;
    private final int min;
    private final Class<?> choices;

    private PolicySetting(String key, Kind kind, T defaultValue, int min, Class<?> choices) {
        this.key = key;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.choices = choices;
    }

    /** A whole number of at least {@code min}. */
    static PolicySetting<Integer> count(String key, int defaultValue, int min) {
        return new PolicySetting<>(key, Kind.COUNT, defaultValue, min, null);
    }

    /** A number between 0 and 1. */
    static PolicySetting<Double> probability(String key, double defaultValue) {
        return new PolicySetting<>(key, Kind.PROBABILITY, defaultValue, 0, null);
    }

    /** True or false. */
    static PolicySetting<Boolean> flag(String key, boolean defaultValue) {
        return new PolicySetting<>(key, Kind.FLAG, defaultValue, 0, null);
    }

    /** A set of terms, empty by default. */
    static PolicySetting<Set<String>> wordSet(String key) {
        return new PolicySetting<>(key, Kind.WORDS, Set.of(), 0, null);
    }

    /** One of an enum's constants. */
    static <E extends Enum<E>> PolicySetting<E> choice(String key, E defaultValue) {
        return new PolicySetting<>(key, Kind.CHOICE, defaultValue, 0, defaultValue.getDeclaringClass());
    }

    /** A positive duration, in seconds in JSON. */
    static PolicySetting<Duration> seconds(String key, Duration defaultValue) {
        return new PolicySetting<>(key, Kind.SECONDS, defaultValue, 0, null);
    }

    /** Hold thresholds by civility attribute, each between 0 and 1. */
    static PolicySetting<Map<Attribute, Double>> thresholds(String key, Map<Attribute, Double> defaultValue) {
        return new PolicySetting<>(key, Kind.THRESHOLDS, Map.copyOf(defaultValue), 0, null);
    }

    String key() {
        return key;
    }

    T defaultValue() {
        return defaultValue;
    }

    /**
     * {@code value} as the policy keeps it (sets and maps immutable).
     *
     * @throws IllegalArgumentException naming the key if the value is out of range
     * @throws NullPointerException if it is null
     */
    @SuppressWarnings("unchecked")
    T checked(Object value) {
        Objects.requireNonNull(value, key);
        return (T)
                switch (kind) {
                    case COUNT -> {
                        int v = (Integer) value;
                        if (v < min) {
                            throw new IllegalArgumentException(key
                                    + (min == 0 ? " must not be negative: " : " must be at least " + min + ": ")
                                    + v);
                        }
                        yield v;
                    }
                    case PROBABILITY -> inUnitRange(key, (Double) value);
                    case FLAG, CHOICE -> value;
                    case WORDS -> Set.copyOf((Set<String>) value);
                    case SECONDS -> {
                        Duration d = (Duration) value;
                        if (d.isNegative() || d.isZero()) {
                            throw new IllegalArgumentException(key + " must be positive: " + d);
                        }
                        yield d;
                    }
                    case THRESHOLDS -> {
                        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
                        ((Map<Attribute, Double>) value)
                                .forEach((a, t) -> thresholds.put(a, inUnitRange(key + "." + a.key(), t)));
                        yield Map.copyOf(thresholds);
                    }
                };
    }

    /**
     * The value {@code json} gives this setting when it currently has {@code current} (thresholds
     * set the attributes they name over the current ones; every other kind replaces it).
     *
     * @throws ClassCastException if the JSON value has the wrong type
     * @throws IllegalArgumentException if it names no enum constant or attribute, or is not a boolean
     * @throws ArithmeticException if a count is not an exact {@code int}
     */
    @SuppressWarnings("unchecked")
    T read(JsonValue json, Object current) {
        return (T)
                switch (kind) {
                    case COUNT -> ((JsonNumber) json).intValueExact();
                    case PROBABILITY -> number(json);
                    case FLAG -> {
                        if (json != JsonValue.TRUE && json != JsonValue.FALSE) {
                            throw new IllegalArgumentException("not a boolean");
                        }
                        yield json == JsonValue.TRUE;
                    }
                    case WORDS -> Set.copyOf(strings(json));
                    case CHOICE ->
                        Enum.valueOf(
                                choices.asSubclass(Enum.class), string(json).toUpperCase(Locale.ROOT));
                    case SECONDS -> Duration.ofMillis(Math.round(number(json) * 1000));
                    case THRESHOLDS -> {
                        Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
                        thresholds.putAll((Map<Attribute, Double>) current);
                        for (Map.Entry<String, JsonValue> t : ((JsonObject) json).entrySet()) {
                            thresholds.put(attribute(t.getKey()), number(t.getValue()));
                        }
                        yield thresholds;
                    }
                };
    }

    /** {@code value} in JSON, as {@link #read} reads it back. */
    @SuppressWarnings("unchecked")
    JsonValue write(Object value) {
        JsonProvider json = Provider.JSON;
        return switch (kind) {
            case COUNT -> json.createValue((Integer) value);
            case PROBABILITY -> json.createValue((Double) value);
            case FLAG -> (Boolean) value ? JsonValue.TRUE : JsonValue.FALSE;
            case WORDS -> {
                JsonArrayBuilder array = json.createArrayBuilder();
                new TreeSet<>((Set<String>) value).forEach(array::add);
                yield array.build();
            }
            case CHOICE -> json.createValue(((Enum<?>) value).name());
            case SECONDS -> json.createValue(((Duration) value).toMillis() / 1000.0);
            case THRESHOLDS -> {
                Map<Attribute, Double> thresholds = (Map<Attribute, Double>) value;
                JsonObjectBuilder object = json.createObjectBuilder();
                for (Attribute a : Attribute.values()) {
                    if (thresholds.containsKey(a)) {
                        object.add(a.key(), thresholds.get(a));
                    }
                }
                yield object.build();
            }
        };
    }

    /** The JSON-P provider, looked up once: {@code Json.createX} looks it up on every call. */
    static final class Provider {
        static final JsonProvider JSON = JsonProvider.provider();

        private Provider() {}
    }

    /** The strings of a JSON array. */
    static List<String> strings(JsonValue v) {
        return ((JsonArray) v).stream().map(PolicySetting::string).toList();
    }

    private static String string(JsonValue v) {
        return ((JsonString) v).getString();
    }

    private static double number(JsonValue v) {
        return ((JsonNumber) v).doubleValue();
    }

    private static double inUnitRange(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
        return value;
    }

    private static Attribute attribute(String key) {
        for (Attribute a : Attribute.values()) {
            if (a.key().equals(key) && a != Attribute.UNCIVIL) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown attribute " + key);
    }
}
