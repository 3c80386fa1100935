package org.parley.web.moderator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.parley.core.ValidationException;
import org.parley.core.support.Require;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.screening.SitePolicy;
import org.parley.web.problem.Problem;
import org.parley.web.problem.ProblemException;

/**
 * A change to a site's screening policy, as the dry run tries it and an administrator applies it.
 * Absent members keep what the site has; {@code thresholds} are set one by one (key {@code uncivil}
 * for the overall threshold, else a civility attribute); a word list given replaces the site's.
 *
 * @param thresholds         hold thresholds, 0..1 (1 switches a check off)
 * @param suspectWordAction  {@code hold} or {@code flag}
 * @param unscoredLanguage   what a comment in a language the model does not score gets: {@code hold} or {@code flag}
 */
public record PolicyEdit(
        Map<String, Double> thresholds,
        List<String> bannedWords,
        List<String> suspectWords,
        List<String> allowedWords,
        String suspectWordAction,
        String unscoredLanguage,
        Boolean nudge,
        Integer maxLinks,
        Integer newAuthorApprovals) {

    static final int MAX_WORDS = 1000;
    static final int MAX_WORD_LENGTH = 100;
    private static final Set<String> ACTIONS = Set.of("hold", "flag");

    /** Whether the edit changes anything at all. */
    public boolean isEmpty() {
        return (thresholds == null || thresholds.isEmpty())
                && bannedWords == null
                && suspectWords == null
                && allowedWords == null
                && suspectWordAction == null
                && unscoredLanguage == null
                && nudge == null
                && maxLinks == null
                && newAuthorApprovals == null;
    }

    /**
     * The site's stored screening policy ({@code overlay}) with this edit applied; a 400
     * {@code validation} problem naming every bad member.
     */
    public JsonObject applyTo(JsonObject overlay) {
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonObjectBuilder out = Json.createObjectBuilder(overlay);
        if (thresholds != null) {
            JsonObjectBuilder attributes = Json.createObjectBuilder(
                    overlay.containsKey("attributeThresholds")
                            ? overlay.getJsonObject("attributeThresholds")
                            : JsonObject.EMPTY_JSON_OBJECT);
            boolean anyAttribute = overlay.containsKey("attributeThresholds");
            for (Map.Entry<String, Double> t : new TreeMap<>(thresholds).entrySet()) {
                Double value = t.getValue();
                if (value == null || !(value >= 0 && value <= 1)) {
                    errors.add(new Problem.FieldError("thresholds." + t.getKey(), "must be between 0 and 1"));
                } else if ("uncivil".equals(t.getKey())) {
                    out.add("uncivilThreshold", value);
                } else if (attribute(t.getKey())) {
                    attributes.add(t.getKey(), value);
                    anyAttribute = true;
                } else {
                    errors.add(new Problem.FieldError("thresholds." + t.getKey(), "is not a civility attribute"));
                }
            }
            if (anyAttribute) {
                out.add("attributeThresholds", attributes);
            }
        }
        words("bannedWords", bannedWords, out, errors);
        words("suspectWords", suspectWords, out, errors);
        words("allowedWords", allowedWords, out, errors);
        action("suspectWordAction", suspectWordAction, out, errors);
        action("unscoredLanguage", unscoredLanguage, out, errors);
        if (nudge != null) {
            out.add("nudge", nudge);
        }
        count("maxLinks", maxLinks, out, errors);
        count("newAuthorApprovals", newAuthorApprovals, out, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        return out.build();
    }

    /** The values a policy editor shows: thresholds by key ({@code uncivil} and every attribute), lists, actions. */
    public record Values(
            Map<String, Double> thresholds,
            List<String> bannedWords,
            List<String> suspectWords,
            List<String> allowedWords,
            String suspectWordAction,
            String unscoredLanguage,
            boolean nudge,
            int maxLinks,
            int newAuthorApprovals,
            int maxLength,
            boolean imagesAllowed) {
        public static Values of(SitePolicy p) {
            Map<String, Double> thresholds = new LinkedHashMap<>();
            for (Attribute a : Attribute.values()) {
                thresholds.put(a.key(), p.threshold(a));
            }
            return new Values(
                    thresholds,
                    sorted(p.bannedWords()),
                    sorted(p.suspectWords()),
                    sorted(p.allowedWords()),
                    p.suspectWordAction().name().toLowerCase(Locale.ROOT),
                    p.unscoredLanguage().name().toLowerCase(Locale.ROOT),
                    p.nudge(),
                    p.maxLinks(),
                    p.newAuthorApprovals(),
                    p.maxLength(),
                    p.allowImages());
        }

        private static List<String> sorted(Set<String> words) {
            return words.stream().sorted().toList();
        }
    }

    private static boolean attribute(String key) {
        for (Attribute a : Attribute.values()) {
            if (a != Attribute.UNCIVIL && a.key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static void words(
            String field, List<String> words, JsonObjectBuilder out, List<Problem.FieldError> errors) {
        if (words == null) {
            return;
        }
        if (words.size() > MAX_WORDS) {
            errors.add(new Problem.FieldError(field, "at most " + MAX_WORDS + " entries"));
            return;
        }
        JsonArrayBuilder array = Json.createArrayBuilder();
        TreeSet<String> seen = new TreeSet<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word == null || word.isBlank() || word.strip().length() > MAX_WORD_LENGTH) {
                errors.add(new Problem.FieldError(
                        field + "[" + i + "]", "must be 1 to " + MAX_WORD_LENGTH + " characters"));
                continue;
            }
            try {
                Require.storable(field, word);
            } catch (ValidationException e) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must be valid text"));
                continue;
            }
            seen.add(word.strip());
        }
        seen.forEach(array::add);
        out.add(field, array);
    }

    private static void action(String field, String value, JsonObjectBuilder out, List<Problem.FieldError> errors) {
        if (value == null) {
            return;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(v)) {
            errors.add(new Problem.FieldError(field, "must be one of flag, hold"));
        } else {
            out.add(field, v.toUpperCase(Locale.ROOT));
        }
    }

    private static void count(String field, Integer value, JsonObjectBuilder out, List<Problem.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value < 0 || value > 100) {
            errors.add(new Problem.FieldError(field, "must be between 0 and 100"));
        } else {
            out.add(field, value);
        }
    }
}
