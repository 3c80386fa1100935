package org.parley.web.i18n;

import java.util.Set;

/**
 * Why a moderator did not publish a comment, as its author may be told: one sentence per reason
 * code moderators pick ({@code reason.<code>} in the catalogue). A moderator's note and any other
 * code (free text turned into a code) are never shown to the author: they read the general rule.
 */
public final class PublicReasons {
    private static final Set<String> CODES = Set.of("incivility", "personal_attack", "spam", "off_topic", "illegal");

    private PublicReasons() {}

    /** The code the author may see: one of the known codes, else {@code other}. */
    public static String code(String reasonCode) {
        return reasonCode != null && CODES.contains(reasonCode) ? reasonCode : "other";
    }

    /** The reason as a sentence in {@code language}. */
    public static String sentence(String reasonCode, Language language) {
        return Translations.standard().text("reason." + code(reasonCode), language);
    }
}
