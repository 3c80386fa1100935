package org.parley.moderation.screening;

import java.util.Locale;
import java.util.Objects;

import org.parley.moderation.hygiene.TextHygiene;

/**
 * Repeat post: the same author posting the same text again (ignoring case, spacing and hidden
 * characters) is rejected, which stops accidental double posts and copy-paste flooding.
 */
record RepeatPostStep(RecentPosts recentPosts) implements ScreeningStep {

    RepeatPostStep {
        Objects.requireNonNull(recentPosts, "recentPosts");
    }

    @Override
    public String name() {
        return "repeat-post";
    }

    @Override
    public void apply(ScreeningRun run) {
        String mine = comparable(run.text());
        for (String earlier : recentPosts.recentTexts(run.submission().author().id())) {
            if (comparable(TextHygiene.defaults().clean(earlier).text()).equals(mine)) {
                run.reject(Reasons.REPEAT_POST, name());
                return;
            }
        }
    }

    private static String comparable(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
