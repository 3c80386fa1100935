package org.parley.moderation.screening;

import static org.parley.moderation.screening.PolicySetting.choice;
import static org.parley.moderation.screening.PolicySetting.count;
import static org.parley.moderation.screening.PolicySetting.flag;
import static org.parley.moderation.screening.PolicySetting.probability;
import static org.parley.moderation.screening.PolicySetting.seconds;
import static org.parley.moderation.screening.PolicySetting.thresholds;
import static org.parley.moderation.screening.PolicySetting.wordSet;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.screening.PolicySetting.Provider;

/**
 * One site's screening rules: text limits, images, word lists, civility thresholds, link and author
 * rules, rate limit. Immutable and thread-safe; build with {@link #builder()} (every setting has a
 * default, see {@link #defaults()}) or read an operator's JSON file with {@link #fromJson(Reader)}.
 *
 * <p>Every setting is one row of the settings table below: its JSON key, its kind (which fixes its
 * JSON form and its check) and its default. The table alone drives validation, defaults, reading
 * and writing JSON, {@link #overlay}, {@link #differences}, {@link #toBuilder()} and equality; a
 * setting's typed getter and builder setter are one line each that name its row.
 *
 * <p>Civility: a comment is held when any attribute reaches its threshold, or when the overall
 * {@code uncivil} probability reaches {@link #uncivilThreshold()}; a threshold of 1 switches that
 * check off. The defaults are the ones {@code Evaluator} chooses for the shipped model (0.3.0)
 * with {@code Thresholds}: at most 2% of civil comments held by the policy as a whole, on the
 * non-toxic news comments of Civil Comments in Context (half of them; the other half checks) and
 * on Parley's own civil test rows, and no attribute below 0.5 (docs/CIVILITY.md has the figures
 * and the command).
 */
public final class SitePolicy {

    /** Default hold threshold of the overall {@code uncivil} probability. */
    public static final double DEFAULT_UNCIVIL_THRESHOLD = 0.82;

    private static final List<PolicySetting<?>> SETTINGS = new ArrayList<>();

    // The settings table, in the order toJson writes the keys. Counts give their minimum.
    private static final PolicySetting<Integer> MAX_LENGTH = define(count("maxLength", 5_000, 1));
    private static final PolicySetting<Integer> MAX_LINES = define(count("maxLines", 200, 1));
    private static final PolicySetting<Integer> MAX_COMBINING_MARKS = define(count("maxCombiningMarks", 4, 0));
    private static final PolicySetting<Boolean> ALLOW_IMAGES = define(flag("allowImages", false));
    private static final PolicySetting<Integer> MAX_LINKS = define(count("maxLinks", 3, 0));
    private static final PolicySetting<Set<String>> BANNED_WORDS = define(wordSet("bannedWords"));
    private static final PolicySetting<Set<String>> SUSPECT_WORDS = define(wordSet("suspectWords"));
    private static final PolicySetting<Set<String>> ALLOWED_WORDS = define(wordSet("allowedWords"));
    private static final PolicySetting<SuspectWordAction> SUSPECT_WORD_ACTION =
            define(choice("suspectWordAction", SuspectWordAction.HOLD));
    private static final PolicySetting<Double> UNCIVIL_THRESHOLD =
            define(probability("uncivilThreshold", DEFAULT_UNCIVIL_THRESHOLD));
    private static final PolicySetting<Map<Attribute, Double>> ATTRIBUTE_THRESHOLDS =
            define(thresholds("attributeThresholds", defaultThresholds()));
    private static final PolicySetting<Boolean> NUDGE = define(flag("nudge", true));
    private static final PolicySetting<UnscoredLanguageAction> UNSCORED_LANGUAGE =
            define(choice("unscoredLanguage", UnscoredLanguageAction.FLAG));
    private static final PolicySetting<Integer> NEW_AUTHOR_APPROVALS = define(count("newAuthorApprovals", 0, 0));
    private static final PolicySetting<Double> MAX_REJECTION_RATE = define(probability("maxRejectionRate", 0.5));
    private static final PolicySetting<Integer> MIN_DECISIONS_FOR_RATE = define(count("minDecisionsForRate", 4, 1));
    private static final PolicySetting<Integer> RATE_LIMIT_BURST =
            define(count("rateLimitBurst", RateLimit.DEFAULT.burst(), 1));
    private static final PolicySetting<Duration> RATE_LIMIT_REFILL =
            define(seconds("rateLimitRefillSeconds", RateLimit.DEFAULT.refillEvery()));

    private static final Map<String, PolicySetting<?>> BY_KEY = byKey();

    private static final SitePolicy DEFAULTS = builder().build();

    private final Map<PolicySetting<?>, Object> values;
    private final RateLimit rateLimit;
    private final WordMatcher words;

    private SitePolicy(Builder b) {
        Map<PolicySetting<?>, Object> checked = new HashMap<>();
        for (PolicySetting<?> s : SETTINGS) {
            checked.put(s, s.checked(b.values.get(s)));
        }
        this.values = Map.copyOf(checked);
        this.rateLimit = new RateLimit(get(RATE_LIMIT_BURST), get(RATE_LIMIT_REFILL));
        this.words = WordMatcher.of(bannedWords(), suspectWords(), allowedWords());
    }

    private static <T> PolicySetting<T> define(PolicySetting<T> setting) {
        SETTINGS.add(setting);
        return setting;
    }

    private static Map<String, PolicySetting<?>> byKey() {
        Map<String, PolicySetting<?>> byKey = new HashMap<>();
        SETTINGS.forEach(s -> byKey.put(s.key(), s));
        return Map.copyOf(byKey);
    }

    /** The policy with every default: see the settings table for the values. */
    public static SitePolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        Builder b = new Builder();
        SETTINGS.forEach(s -> b.values.put(s, s.defaultValue()));
        return b;
    }

    /** A builder starting from this policy, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        return b;
    }

    @SuppressWarnings("unchecked")
    private <T> T get(PolicySetting<T> setting) {
        return (T) values.get(setting);
    }

    /**
     * Longest comment, in UTF-16 code units: the unit of a browser's {@code maxlength}, of core's
     * {@code SiteSettings.maxBodyLength} and of the stored column, so every layer agrees.
     */
    public int maxLength() {
        return get(MAX_LENGTH);
    }

    /** Most lines in a comment. */
    public int maxLines() {
        return get(MAX_LINES);
    }

    /** Most combining marks on one character before the rest are dropped. */
    public int maxCombiningMarks() {
        return get(MAX_COMBINING_MARKS);
    }

    /** Whether https images are shown. */
    public boolean allowImages() {
        return get(ALLOW_IMAGES);
    }

    /** Most links before a comment is held. */
    public int maxLinks() {
        return get(MAX_LINKS);
    }

    /** Terms that get a comment rejected; a trailing {@code *} matches word prefixes. */
    public Set<String> bannedWords() {
        return get(BANNED_WORDS);
    }

    /** Terms that get a comment held or flagged, see {@link #suspectWordAction()}. */
    public Set<String> suspectWords() {
        return get(SUSPECT_WORDS);
    }

    /** Phrases inside which banned and suspect terms are ignored. */
    public Set<String> allowedWords() {
        return get(ALLOWED_WORDS);
    }

    /** What a suspect word does. */
    public SuspectWordAction suspectWordAction() {
        return get(SUSPECT_WORD_ACTION);
    }

    /**
     * What a comment in a language the civility model does not score gets; by default {@link
     * UnscoredLanguageAction#FLAG} (published, flagged {@code language.unscored}).
     */
    public UnscoredLanguageAction unscoredLanguage() {
        return get(UNSCORED_LANGUAGE);
    }

    /** Hold threshold of the overall {@code uncivil} probability. */
    public double uncivilThreshold() {
        return get(UNCIVIL_THRESHOLD);
    }

    /** The hold threshold of {@code a}; {@link Attribute#UNCIVIL} gives {@link #uncivilThreshold()}. */
    public double threshold(Attribute a) {
        return a == Attribute.UNCIVIL
                ? uncivilThreshold()
                : get(ATTRIBUTE_THRESHOLDS).getOrDefault(a, 1.0);
    }

    /** Whether uncivil but otherwise acceptable text gets a nudge, so the author can rephrase first. */
    public boolean nudge() {
        return get(NUDGE);
    }

    /** How many approved comments an author needs before their comments stop being held (0: off). */
    public int newAuthorApprovals() {
        return get(NEW_AUTHOR_APPROVALS);
    }

    /** Recent rejection rate at or above which an author's comments are held. */
    public double maxRejectionRate() {
        return get(MAX_REJECTION_RATE);
    }

    /** How many recent decisions are needed before the rejection rate counts. */
    public int minDecisionsForRate() {
        return get(MIN_DECISIONS_FOR_RATE);
    }

    /** The per-author rate limit (keys {@code rateLimitBurst} and {@code rateLimitRefillSeconds}). */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    WordMatcher words() {
        return words;
    }

    /**
     * Reads a policy from JSON. Keys are those of {@link #toJson()}; missing keys keep their
     * defaults, so {@code {}} is the default policy.
     *
     * @throws PolicyFormatException if the text is not a JSON object, has an unknown key, a value
     *     of the wrong type or a value out of range
     */
    public static SitePolicy fromJson(Reader json) {
        JsonObject o;
        try (var reader = Provider.JSON.createReader(json)) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PolicyFormatException("policy is not a JSON object: " + e.getMessage(), e);
        }
        return DEFAULTS.overlay(o);
    }

    /** Reads a policy from a JSON string, as {@link #fromJson(Reader)}. */
    public static SitePolicy fromJson(String json) {
        return fromJson(new StringReader(json));
    }

    /**
     * This policy with the keys of {@code overrides} (same keys and values as {@link #fromJson(Reader)})
     * set over it; {@code attributeThresholds} are set attribute by attribute, so an override of one
     * threshold keeps the others. An empty object gives this policy.
     *
     * @throws PolicyFormatException as {@link #fromJson(Reader)}
     */
    public SitePolicy overlay(JsonObject overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        for (Map.Entry<String, JsonValue> e : overrides.entrySet()) {
            PolicySetting<?> setting = BY_KEY.get(e.getKey());
            if (setting == null) {
                throw new PolicyFormatException("unknown policy key: " + e.getKey());
            }
            try {
                b.values.put(setting, setting.read(e.getValue(), b.values.get(setting)));
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException ex) {
                throw new PolicyFormatException("bad value for policy key " + e.getKey() + ": " + e.getValue(), ex);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new PolicyFormatException(ex.getMessage(), ex);
        }
    }

    /**
     * What differs from this policy to {@code other}, one entry per changed key, for people to read:
     * {@code uncivilThreshold: 0.9 → 0.8}, {@code attributeThresholds.insult: 0.75 → 0.6},
     * {@code bannedWords: +word, -other}. Empty when they are equal.
     */
    public List<String> differences(SitePolicy other) {
        JsonObject a = toJsonObject();
        JsonObject b = other.toJsonObject();
        List<String> out = new ArrayList<>();
        for (String key : a.keySet()) {
            JsonValue before = a.get(key);
            JsonValue after = b.get(key);
            if (before.equals(after)) {
                continue;
            }
            if (before instanceof JsonArray x && after instanceof JsonArray y) {
                List<String> was = PolicySetting.strings(x);
                List<String> now = PolicySetting.strings(y);
                List<String> changes = new ArrayList<>();
                now.stream().filter(w -> !was.contains(w)).sorted().forEach(w -> changes.add("+" + w));
                was.stream().filter(w -> !now.contains(w)).sorted().forEach(w -> changes.add("-" + w));
                out.add(key + ": " + String.join(", ", changes));
            } else if (before instanceof JsonObject x && after instanceof JsonObject y) {
                Set<String> keys = new TreeSet<>(x.keySet());
                keys.addAll(y.keySet());
                for (String k : keys) {
                    if (!Objects.equals(x.get(k), y.get(k))) {
                        out.add(key + "." + k + ": " + x.get(k) + " → " + y.get(k));
                    }
                }
            } else {
                out.add(key + ": " + plain(before) + " → " + plain(after));
            }
        }
        return out;
    }

    private static String plain(JsonValue v) {
        return v instanceof JsonString s ? s.getString() : v.toString();
    }

    /** This policy as a JSON object with every key, readable by {@link #fromJson(Reader)}. */
    public JsonObject toJsonObject() {
        JsonObjectBuilder o = Provider.JSON.createObjectBuilder();
        SETTINGS.forEach(s -> o.add(s.key(), s.write(values.get(s))));
        return o.build();
    }

    /** This policy as pretty-printed JSON. */
    public String toJson() {
        Writer out = new StringWriter();
        try (var writer = Provider.JSON
                .createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(toJsonObject());
        }
        return out.toString().strip() + "\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SitePolicy p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "SitePolicy" + toJsonObject();
    }

    private static Map<Attribute, Double> defaultThresholds() {
        Map<Attribute, Double> t = new EnumMap<>(Attribute.class);
        t.put(Attribute.TOXICITY, 0.84);
        t.put(Attribute.SEVERE_TOXICITY, 0.5);
        t.put(Attribute.INSULT, 0.5);
        t.put(Attribute.IDENTITY_ATTACK, 0.66);
        t.put(Attribute.THREAT, 0.86);
        t.put(Attribute.PROFANITY, 0.5);
        t.put(Attribute.DISMISSIVE, 0.79);
        t.put(Attribute.ATTACK_ON_PERSON, 0.86);
        return t;
    }

    /**
     * Collects settings, starting from the defaults or a policy; {@link #build()} checks them. Each
     * setter sets the getter of the same name. Not thread-safe.
     */
    public static final class Builder {
        private final Map<PolicySetting<?>, Object> values = new HashMap<>();

        private Builder() {}

        private <T> Builder set(PolicySetting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        public Builder maxLength(int value) {
            return set(MAX_LENGTH, value);
        }

        public Builder maxLines(int value) {
            return set(MAX_LINES, value);
        }

        public Builder maxCombiningMarks(int value) {
            return set(MAX_COMBINING_MARKS, value);
        }

        public Builder allowImages(boolean value) {
            return set(ALLOW_IMAGES, value);
        }

        public Builder maxLinks(int value) {
            return set(MAX_LINKS, value);
        }

        public Builder bannedWords(Collection<String> words) {
            return set(BANNED_WORDS, Set.copyOf(words));
        }

        public Builder suspectWords(Collection<String> words) {
            return set(SUSPECT_WORDS, Set.copyOf(words));
        }

        public Builder allowedWords(Collection<String> words) {
            return set(ALLOWED_WORDS, Set.copyOf(words));
        }

        public Builder suspectWordAction(SuspectWordAction value) {
            return set(SUSPECT_WORD_ACTION, value);
        }

        public Builder unscoredLanguage(UnscoredLanguageAction value) {
            return set(UNSCORED_LANGUAGE, value);
        }

        public Builder uncivilThreshold(double value) {
            return set(UNCIVIL_THRESHOLD, value);
        }

        /** Hold threshold of one attribute; {@link Attribute#UNCIVIL} sets {@link #uncivilThreshold(double)}. */
        public Builder attributeThreshold(Attribute attribute, double value) {
            if (attribute == Attribute.UNCIVIL) {
                return uncivilThreshold(value);
            }
            @SuppressWarnings("unchecked")
            Map<Attribute, Double> current = (Map<Attribute, Double>) values.get(ATTRIBUTE_THRESHOLDS);
            Map<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
            thresholds.putAll(current);
            thresholds.put(attribute, value);
            return set(ATTRIBUTE_THRESHOLDS, thresholds);
        }

        public Builder nudge(boolean value) {
            return set(NUDGE, value);
        }

        public Builder newAuthorApprovals(int value) {
            return set(NEW_AUTHOR_APPROVALS, value);
        }

        public Builder maxRejectionRate(double value) {
            return set(MAX_REJECTION_RATE, value);
        }

        public Builder minDecisionsForRate(int value) {
            return set(MIN_DECISIONS_FOR_RATE, value);
        }

        public Builder rateLimit(RateLimit value) {
            return set(RATE_LIMIT_BURST, value.burst()).set(RATE_LIMIT_REFILL, value.refillEvery());
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException if a limit is out of range or a threshold outside [0, 1]
         */
        public SitePolicy build() {
            return new SitePolicy(this);
        }
    }
}
