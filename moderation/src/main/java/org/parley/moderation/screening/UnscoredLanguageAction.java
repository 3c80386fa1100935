package org.parley.moderation.screening;

/**
 * What a site does with a comment written in a language the civility model does not score
 * ({@code language.unscored}): its scores would mean nothing, so it must not pass as civil.
 */
public enum UnscoredLanguageAction {
    /** Hold the comment for review ({@code language.unscored} among the hold reasons). */
    HOLD,
    /** Publish, but note {@code language.unscored} among the verdict's flags for moderators. */
    FLAG
}
