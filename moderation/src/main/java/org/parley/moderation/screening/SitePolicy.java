package org.parley.moderation.screening;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.parley.moderation.civility.Attribute;

/**
 * One site's screening rules: text limits, images, word lists, civility thresholds, link and author
 * rules, rate limit. Immutable and thread-safe; build with {@link #builder()} (every setting has a
 * default, see {@link #defaults()}) or read an operator's JSON file with {@link #fromJson(Reader)}.
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

    private static final Map<Attribute, Double> DEFAULT_THRESHOLDS = defaultThresholds();

    private static final SitePolicy DEFAULTS = builder().build();

    private final int maxLength;
    private final int maxLines;
    private final int maxCombiningMarks;
    private final boolean allowImages;
    private final int maxLinks;
    private final Set<String> bannedWords;
    private final Set<String> suspectWords;
    private final Set<String> allowedWords;
    private final SuspectWordAction suspectWordAction;
    private final double uncivilThreshold;
    private final Map<Attribute, Double> attributeThresholds;
    private final boolean nudge;
    private final UnscoredLanguageAction unscoredLanguage;
    private final int newAuthorApprovals;
    private final double maxRejectionRate;
    private final int minDecisionsForRate;
    private final RateLimit rateLimit;
    private final WordMatcher words;

    private SitePolicy(Builder b) {
        this.maxLength = positive("maxLength", b.maxLength);
        this.maxLines = positive("maxLines", b.maxLines);
        this.maxCombiningMarks = atLeastZero("maxCombiningMarks", b.maxCombiningMarks);
        this.allowImages = b.allowImages;
        this.maxLinks = atLeastZero("maxLinks", b.maxLinks);
        this.bannedWords = Set.copyOf(b.bannedWords);
        this.suspectWords = Set.copyOf(b.suspectWords);
        this.allowedWords = Set.copyOf(b.allowedWords);
        this.suspectWordAction = Objects.requireNonNull(b.suspectWordAction, "suspectWordAction");
        this.uncivilThreshold = probability("uncivilThreshold", b.uncivilThreshold);
        EnumMap<Attribute, Double> thresholds = new EnumMap<>(Attribute.class);
        b.attributeThresholds.forEach((a, v) -> thresholds.put(a, probability("attributeThresholds." + a.key(), v)));
        this.attributeThresholds = Map.copyOf(thresholds);
        this.nudge = b.nudge;
        this.unscoredLanguage = Objects.requireNonNull(b.unscoredLanguage, "unscoredLanguage");
        this.newAuthorApprovals = atLeastZero("newAuthorApprovals", b.newAuthorApprovals);
        this.maxRejectionRate = probability("maxRejectionRate", b.maxRejectionRate);
        this.minDecisionsForRate = positive("minDecisionsForRate", b.minDecisionsForRate);
        this.rateLimit = Objects.requireNonNull(b.rateLimit, "rateLimit");
        this.words = WordMatcher.of(bannedWords, suspectWords, allowedWords);
    }

    /** The policy with every default: see the builder's setters for the values. */
    public static SitePolicy defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this policy, to change a few settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxLength = maxLength;
        b.maxLines = maxLines;
        b.maxCombiningMarks = maxCombiningMarks;
        b.allowImages = allowImages;
        b.maxLinks = maxLinks;
        b.bannedWords = bannedWords;
        b.suspectWords = suspectWords;
        b.allowedWords = allowedWords;
        b.suspectWordAction = suspectWordAction;
        b.uncivilThreshold = uncivilThreshold;
        b.attributeThresholds = new EnumMap<>(attributeThresholds);
        b.nudge = nudge;
        b.unscoredLanguage = unscoredLanguage;
        b.newAuthorApprovals = newAuthorApprovals;
        b.maxRejectionRate = maxRejectionRate;
        b.minDecisionsForRate = minDecisionsForRate;
        b.rateLimit = rateLimit;
        return b;
    }

    /**
     * Longest comment, in UTF-16 code units: the unit of a browser's {@code maxlength}, of core's
     * {@code SiteSettings.maxBodyLength} and of the stored column, so every layer agrees.
     */
    public int maxLength() {
        return maxLength;
    }

    /** Most lines in a comment. */
    public int maxLines() {
        return maxLines;
    }

    /** Most combining marks on one character before the rest are dropped. */
    public int maxCombiningMarks() {
        return maxCombiningMarks;
    }

    /** Whether https images are shown. */
    public boolean allowImages() {
        return allowImages;
    }

    /** Most links before a comment is held. */
    public int maxLinks() {
        return maxLinks;
    }

    /** Terms that get a comment rejected. */
    public Set<String> bannedWords() {
        return bannedWords;
    }

    /** Terms that get a comment held or flagged, see {@link #suspectWordAction()}. */
    public Set<String> suspectWords() {
        return suspectWords;
    }

    /** Phrases inside which banned and suspect terms are ignored. */
    public Set<String> allowedWords() {
        return allowedWords;
    }

    /** What a suspect word does. */
    public SuspectWordAction suspectWordAction() {
        return suspectWordAction;
    }

    /** What a comment in a language the civility model does not score gets. */
    public UnscoredLanguageAction unscoredLanguage() {
        return unscoredLanguage;
    }

    /** Hold threshold of the overall {@code uncivil} probability. */
    public double uncivilThreshold() {
        return uncivilThreshold;
    }

    /** The hold threshold of {@code a}; {@link Attribute#UNCIVIL} gives {@link #uncivilThreshold()}. */
    public double threshold(Attribute a) {
        return a == Attribute.UNCIVIL ? uncivilThreshold : attributeThresholds.getOrDefault(a, 1.0);
    }

    /** Whether uncivil but otherwise acceptable text gets a nudge, so the author can rephrase first. */
    public boolean nudge() {
        return nudge;
    }

    /** How many approved comments an author needs before their comments stop being held. */
    public int newAuthorApprovals() {
        return newAuthorApprovals;
    }

    /** Recent rejection rate at or above which an author's comments are held. */
    public double maxRejectionRate() {
        return maxRejectionRate;
    }

    /** How many recent decisions are needed before the rejection rate counts. */
    public int minDecisionsForRate() {
        return minDecisionsForRate;
    }

    /** The per-author rate limit. */
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
        try (var reader = Json.createReader(json)) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PolicyFormatException("policy is not a JSON object: " + e.getMessage(), e);
        }
        Builder b = builder();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            String key = e.getKey();
            JsonValue v = e.getValue();
            try {
                switch (key) {
                    case "maxLength" -> b.maxLength(integer(v));
                    case "maxLines" -> b.maxLines(integer(v));
                    case "maxCombiningMarks" -> b.maxCombiningMarks(integer(v));
                    case "allowImages" -> b.allowImages(bool(v));
                    case "maxLinks" -> b.maxLinks(integer(v));
                    case "bannedWords" -> b.bannedWords(strings(v));
                    case "suspectWords" -> b.suspectWords(strings(v));
                    case "allowedWords" -> b.allowedWords(strings(v));
                    case "suspectWordAction" ->
                        b.suspectWordAction(SuspectWordAction.valueOf(string(v).toUpperCase(Locale.ROOT)));
                    case "uncivilThreshold" -> b.uncivilThreshold(number(v));
                    case "attributeThresholds" -> {
                        for (Map.Entry<String, JsonValue> t : object(v).entrySet()) {
                            b.attributeThreshold(attribute(t.getKey()), number(t.getValue()));
                        }
                    }
                    case "nudge" -> b.nudge(bool(v));
                    case "unscoredLanguage" ->
                        b.unscoredLanguage(
                                UnscoredLanguageAction.valueOf(string(v).toUpperCase(Locale.ROOT)));
                    case "newAuthorApprovals" -> b.newAuthorApprovals(integer(v));
                    case "maxRejectionRate" -> b.maxRejectionRate(number(v));
                    case "minDecisionsForRate" -> b.minDecisionsForRate(integer(v));
                    case "rateLimitBurst" -> b.rateLimit(new RateLimit(integer(v), b.rateLimit.refillEvery()));
                    case "rateLimitRefillSeconds" ->
                        b.rateLimit(
                                new RateLimit(b.rateLimit.burst(), Duration.ofMillis(Math.round(number(v) * 1000))));
                    default -> throw new PolicyFormatException("unknown policy key: " + key);
                }
            } catch (ClassCastException | IllegalArgumentException | ArithmeticException ex) {
                throw new PolicyFormatException("bad value for policy key " + key + ": " + v, ex);
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException ex) {
            throw new PolicyFormatException(ex.getMessage(), ex);
        }
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
        JsonObject base = toJsonObject();
        JsonObjectBuilder merged = Json.createObjectBuilder(base);
        for (Map.Entry<String, JsonValue> e : overrides.entrySet()) {
            if ("attributeThresholds".equals(e.getKey()) && e.getValue() instanceof JsonObject thresholds) {
                merged.add(
                        e.getKey(),
                        Json.createObjectBuilder(base.getJsonObject("attributeThresholds"))
                                .addAll(Json.createObjectBuilder(thresholds)));
            } else {
                merged.add(e.getKey(), e.getValue());
            }
        }
        return fromJson(new StringReader(merged.build().toString()));
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
                List<String> changes = new ArrayList<>();
                strings(y).stream()
                        .filter(w -> !strings(x).contains(w))
                        .sorted()
                        .forEach(w -> changes.add("+" + w));
                strings(x).stream()
                        .filter(w -> !strings(y).contains(w))
                        .sorted()
                        .forEach(w -> changes.add("-" + w));
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
        JsonObjectBuilder thresholds = Json.createObjectBuilder();
        for (Attribute a : Attribute.values()) {
            if (attributeThresholds.containsKey(a)) {
                thresholds.add(a.key(), attributeThresholds.get(a));
            }
        }
        return Json.createObjectBuilder()
                .add("maxLength", maxLength)
                .add("maxLines", maxLines)
                .add("maxCombiningMarks", maxCombiningMarks)
                .add("allowImages", allowImages)
                .add("maxLinks", maxLinks)
                .add("bannedWords", sorted(bannedWords))
                .add("suspectWords", sorted(suspectWords))
                .add("allowedWords", sorted(allowedWords))
                .add("suspectWordAction", suspectWordAction.name())
                .add("uncivilThreshold", uncivilThreshold)
                .add("attributeThresholds", thresholds)
                .add("nudge", nudge)
                .add("unscoredLanguage", unscoredLanguage.name())
                .add("newAuthorApprovals", newAuthorApprovals)
                .add("maxRejectionRate", maxRejectionRate)
                .add("minDecisionsForRate", minDecisionsForRate)
                .add("rateLimitBurst", rateLimit.burst())
                .add("rateLimitRefillSeconds", rateLimit.refillEvery().toMillis() / 1000.0)
                .build();
    }

    /** This policy as pretty-printed JSON. */
    public String toJson() {
        Writer out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.writeObject(toJsonObject());
        }
        return out.toString().strip() + "\n";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SitePolicy p && toJsonObject().equals(p.toJsonObject());
    }

    @Override
    public int hashCode() {
        return toJsonObject().hashCode();
    }

    @Override
    public String toString() {
        return "SitePolicy" + toJsonObject();
    }

    private static JsonArrayBuilder sorted(Set<String> words) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        new TreeSet<>(words).forEach(array::add);
        return array;
    }

    private static int integer(JsonValue v) {
        return ((JsonNumber) v).intValueExact();
    }

    private static double number(JsonValue v) {
        return ((JsonNumber) v).doubleValue();
    }

    private static boolean bool(JsonValue v) {
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static String string(JsonValue v) {
        return ((JsonString) v).getString();
    }

    private static JsonObject object(JsonValue v) {
        return (JsonObject) v;
    }

    private static List<String> strings(JsonValue v) {
        return ((JsonArray) v).stream().map(SitePolicy::string).toList();
    }

    private static Attribute attribute(String key) {
        for (Attribute a : Attribute.values()) {
            if (a.key().equals(key) && a != Attribute.UNCIVIL) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown attribute " + key);
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return value;
    }

    private static int atLeastZero(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    private static double probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
        }
        return value;
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
        return Map.copyOf(t);
    }

    /** Collects settings; every setter validates when {@link #build()} runs. Not thread-safe. */
    public static final class Builder {
        private int maxLength = 5_000;
        private int maxLines = 200;
        private int maxCombiningMarks = 4;
        private boolean allowImages;
        private int maxLinks = 3;
        private Set<String> bannedWords = Set.of();
        private Set<String> suspectWords = Set.of();
        private Set<String> allowedWords = Set.of();
        private SuspectWordAction suspectWordAction = SuspectWordAction.HOLD;
        private double uncivilThreshold = DEFAULT_UNCIVIL_THRESHOLD;
        private Map<Attribute, Double> attributeThresholds = new EnumMap<>(DEFAULT_THRESHOLDS);
        private boolean nudge = true;
        private UnscoredLanguageAction unscoredLanguage = UnscoredLanguageAction.FLAG;
        private int newAuthorApprovals;
        private double maxRejectionRate = 0.5;
        private int minDecisionsForRate = 4;
        private RateLimit rateLimit = RateLimit.DEFAULT;

        private Builder() {}

        /** Longest comment in UTF-16 code units; default 5,000. */
        public Builder maxLength(int value) {
            maxLength = value;
            return this;
        }

        /** Most lines; default 200. */
        public Builder maxLines(int value) {
            maxLines = value;
            return this;
        }

        /** Most combining marks per character; default 4. */
        public Builder maxCombiningMarks(int value) {
            maxCombiningMarks = value;
            return this;
        }

        /** Whether https images are shown; default false. */
        public Builder allowImages(boolean value) {
            allowImages = value;
            return this;
        }

        /** Most links before the comment is held; default 3. */
        public Builder maxLinks(int value) {
            maxLinks = value;
            return this;
        }

        /** Terms that get a comment rejected; default none. A trailing {@code *} matches word prefixes. */
        public Builder bannedWords(Collection<String> words) {
            bannedWords = Set.copyOf(words);
            return this;
        }

        /** Terms that get a comment held or flagged; default none. */
        public Builder suspectWords(Collection<String> words) {
            suspectWords = Set.copyOf(words);
            return this;
        }

        /** Phrases that excuse a banned or suspect term inside them; default none. */
        public Builder allowedWords(Collection<String> words) {
            allowedWords = Set.copyOf(words);
            return this;
        }

        /** What a suspect word does; default {@link SuspectWordAction#HOLD}. */
        public Builder suspectWordAction(SuspectWordAction value) {
            suspectWordAction = value;
            return this;
        }

        /**
         * What a comment in a language the civility model does not score gets; default
         * {@link UnscoredLanguageAction#FLAG} (published, flagged {@code language.unscored}).
         */
        public Builder unscoredLanguage(UnscoredLanguageAction value) {
            unscoredLanguage = value;
            return this;
        }

        /** Hold threshold of the overall uncivil probability; default {@value #DEFAULT_UNCIVIL_THRESHOLD}. */
        public Builder uncivilThreshold(double value) {
            uncivilThreshold = value;
            return this;
        }

        /**
         * Hold threshold of one attribute. Defaults: toxicity 0.84, severe toxicity 0.5, insult 0.5,
         * identity attack 0.66, threat 0.86, profanity 0.5, dismissive 0.79, attack on person 0.86.
         * {@link Attribute#UNCIVIL} sets {@link #uncivilThreshold(double)}.
         */
        public Builder attributeThreshold(Attribute attribute, double value) {
            if (attribute == Attribute.UNCIVIL) {
                uncivilThreshold = value;
            } else {
                attributeThresholds.put(attribute, value);
            }
            return this;
        }

        /** Whether to nudge authors of uncivil text to rephrase; default true. */
        public Builder nudge(boolean value) {
            nudge = value;
            return this;
        }

        /** Approved comments an author needs before posting without review; default 0 (off). */
        public Builder newAuthorApprovals(int value) {
            newAuthorApprovals = value;
            return this;
        }

        /** Recent rejection rate that puts an author under review; default 0.5. */
        public Builder maxRejectionRate(double value) {
            maxRejectionRate = value;
            return this;
        }

        /** Recent decisions needed before the rejection rate counts; default 4. */
        public Builder minDecisionsForRate(int value) {
            minDecisionsForRate = value;
            return this;
        }

        /** Per-author rate limit; default {@link RateLimit#DEFAULT}. */
        public Builder rateLimit(RateLimit value) {
            rateLimit = value;
            return this;
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
