package org.parley.moderation.screening;

import org.parley.moderation.civility.Attribute;

/**
 * The stable reason codes a {@link Verdict} carries. Stored with decisions and shown to moderators,
 * so a code never changes meaning; new codes may be added. Hygiene codes ({@code text.*},
 * {@code hygiene.*}) come from {@link org.parley.moderation.hygiene.HygieneFinding#code()}.
 */
public final class Reasons {
    /** Reject: nothing visible left after cleaning. */
    public static final String TEXT_EMPTY = "text.empty";
    /** Reject: longer than the site's limit. */
    public static final String TEXT_TOO_LONG = "text.too_long";
    /** Reject: more lines than the site's limit. */
    public static final String TEXT_TOO_MANY_LINES = "text.too_many_lines";
    /** Reject: the discussion is closed. */
    public static final String ARTICLE_CLOSED = "article.closed";
    /** Hold: the site or article holds every comment. */
    public static final String ARTICLE_PREMODERATED = "article.premoderated";
    /** Reject: the author is banned. */
    public static final String AUTHOR_BANNED = "author.banned";
    /** Reject: the author is suspended. */
    public static final String AUTHOR_SUSPENDED = "author.suspended";
    /** Hold: the author has fewer approved comments than the site requires. */
    public static final String AUTHOR_NEW = "author.new";
    /** Hold: a moderator marked the author for review of every comment. */
    public static final String AUTHOR_PREMODERATED = "author.premoderated";
    /** Hold: too many of the author's recent comments were rejected. */
    public static final String AUTHOR_REJECTION_RATE = "author.rejection_rate";
    /** Reject: the author posts faster than the site allows. */
    public static final String RATE_LIMITED = "rate.limited";
    /** Reject: the author recently posted the same text. */
    public static final String REPEAT_POST = "repeat.duplicate";
    /** Reject: the markup contained nothing that can be shown. */
    public static final String MARKUP_EMPTY = "markup.empty";
    /** Hold: the sanitiser removed script-capable markup (an injection attempt). */
    public static final String MARKUP_INJECTION = "markup.injection";
    /** Flag: the sanitiser removed harmless unsupported markup. */
    public static final String MARKUP_REMOVED = "markup.removed";
    /** Reject: a banned word. */
    public static final String WORDS_BANNED = "words.banned";
    /** Hold or flag: a suspect word. */
    public static final String WORDS_SUSPECT = "words.suspect";
    /** Hold: more links than the site allows. */
    public static final String LINKS_TOO_MANY = "links.too_many";
    /** Hold: the overall uncivil probability reached its threshold, no single attribute did. */
    public static final String CIVILITY_UNCIVIL = "civility.uncivil";
    /**
     * Hold or flag (the site's {@link UnscoredLanguageAction}): the comment is in a language the
     * civility model does not score, so it was not scored.
     */
    public static final String LANGUAGE_UNSCORED = "language.unscored";
    /** Hold: the author was nudged and posted the same text anyway. */
    public static final String CIVILITY_NUDGE_DECLINED = "civility.nudge_declined";

    private Reasons() {}

    /** The hold reason for an attribute at or above its threshold, {@code civility.<key>}. */
    public static String civility(Attribute attribute) {
        return "civility." + attribute.key();
    }
}
