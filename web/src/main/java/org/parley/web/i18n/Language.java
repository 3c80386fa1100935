package org.parley.web.i18n;

import java.util.List;
import java.util.Locale;

/** The languages Parley's server messages are written in; English is the source language. */
public enum Language {
    EN,
    DE;

    /** The BCP 47 tag, as in {@code Content-Language}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language a request asks for: the widget's {@code lang} (query parameter) if it names one
     * of ours ({@code de}, {@code de-AT}, ...), else the best match of {@code Accept-Language},
     * else English. Malformed values count as absent.
     */
    public static Language of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            Language chosen = byPrimaryTag(lang);
            if (chosen != null) {
                return chosen;
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() <= 500) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    if ("*".equals(range.getRange())) {
                        return EN;
                    }
                    Language chosen = byPrimaryTag(range.getRange());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            } catch (IllegalArgumentException e) {
                return EN;
            }
        }
        return EN;
    }

    private static Language byPrimaryTag(String tag) {
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language l : List.of(values())) {
            if (l.tag().equals(primary)) {
                return l;
            }
        }
        return null;
    }
}
