package org.parley.moderation.civility;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Pattern;

/**
 * Offline language detection (Lingua, Apache-2.0), so a comment in a language the civility model
 * does not cover is not scored as if it were English and passed as civil. Only the trigram models
 * of the languages below are loaded (low-accuracy mode: a few MB, loaded once on first use);
 * texts in other scripts are recognised by their letters alone.
 *
 * <p>Without Lingua on the classpath (an optional dependency) every text counts as English, as
 * before language detection existed.
 *
 * <p>Conservative by design: links, addresses and handles are ignored; short texts (fewer than
 * {@value #MIN_LETTERS} letters), mixed texts and uncertain guesses count as English, because a false "unscored" would let a hostile English
 * comment bypass scoring. Thread-safe.
 */
public final class Languages {
    /** Letters a text needs before its language is judged. */
    static final int MIN_LETTERS = 20;
    /**
     * Lingua's confidence values are relative (the likeliest language has 1.0): a text counts as
     * written in a language we do not score only when English and German both stay at or below
     * this share of the likeliest language's value.
     */
    static final double MAX_COVERED_CONFIDENCE = 0.9;

    private static final Pattern NOT_WORDS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+|\\S+@\\S+|[@#]\\w+");
    /** Returned for a text in another script (neither Latin nor anything the model covers). */
    public static final String OTHER_SCRIPT = "other";

    private Languages() {}

    /**
     * Everything that touches Lingua's classes, so this class still loads without them: the
     * detector, or null when Lingua is not on the classpath (it is an optional dependency).
     */
    private static final class Lingua {
        /**
         * The covered languages and the Latin-script languages most often met beside them on European
         * and American news sites; each costs load time and memory, so the list is short. The WAR
         * carries only these languages' models (web/pom.xml, "slim-libraries"): change both together.
         */
        private static final Language[] CANDIDATES = {
            Language.ENGLISH,
            Language.GERMAN,
            Language.FRENCH,
            Language.SPANISH,
            Language.ITALIAN,
            Language.PORTUGUESE,
            Language.DUTCH,
            Language.POLISH,
            Language.TURKISH
        };

        static final LanguageDetector DETECTOR = create();

        private static LanguageDetector create() {
            try {
                return LanguageDetectorBuilder.fromLanguages(CANDIDATES)
                        .withLowAccuracyMode()
                        .build();
            } catch (LinkageError absent) {
                return null;
            }
        }

        static void warmUp() {
            DETECTOR.detectLanguageOf("warming up the language models of the detector");
        }

        /** The ISO code of the likeliest language, or "en"/"de" when either is close enough to it. */
        static String guess(String text) {
            SortedMap<Language, Double> confidence = DETECTOR.computeLanguageConfidenceValues(text);
            Map.Entry<Language, Double> best = null;
            for (Map.Entry<Language, Double> e : confidence.entrySet()) {
                if (best == null || e.getValue() > best.getValue()) {
                    best = e;
                }
            }
            if (best == null || best.getKey() == Language.UNKNOWN || best.getValue() <= 0) {
                return "en";
            }
            double en = confidence.getOrDefault(Language.ENGLISH, 0.0) / best.getValue();
            double de = confidence.getOrDefault(Language.GERMAN, 0.0) / best.getValue();
            if (en > MAX_COVERED_CONFIDENCE || de > MAX_COVERED_CONFIDENCE) {
                return de > en ? "de" : "en";
            }
            return best.getKey().getIsoCode639_1() == IsoCode639_1.NONE
                    ? "en"
                    : best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether language detection is available (Lingua on the classpath). */
    public static boolean available() {
        try {
            return Lingua.DETECTOR != null;
        } catch (LinkageError absent) {
            return false;
        }
    }

    /** Loads the language models now (start-up), so the first comment does not wait for them. */
    public static void warmUp() {
        if (available()) {
            Lingua.warmUp();
        }
    }

    /**
     * The language of {@code text} as an ISO 639-1 code; {@code "en"} when the text is short or the
     * guess uncertain; {@link #OTHER_SCRIPT} when most letters are in a script other than Latin.
     */
    public static String detect(String original) {
        if (!available()) {
            return "en";
        }
        String text = NOT_WORDS.matcher(original).replaceAll(" ");
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        if (letters < MIN_LETTERS) {
            return "en";
        }
        if (latin * 2 < letters) {
            return OTHER_SCRIPT;
        }
        return Lingua.guess(text);
    }

    /** Whether the civility model scores text in {@code language} (a {@link #detect} result). */
    public static boolean scored(String language) {
        return CivilityScorer.LANGUAGES.contains(language);
    }
}
