package org.parley.moderation.screening;

import java.util.Objects;

/**
 * Repeat post: the same author posting the same text again (ignoring case and white space) is
 * rejected, which stops accidental double posts and copy-paste flooding. Earlier texts are compared
 * as the caller stored them, which is the cleaned {@link Verdict#text()}.
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
            if (earlier != null && comparable(earlier).equals(mine)) {
                run.reject(Reasons.REPEAT_POST, name());
                return;
            }
        }
    }

    /** Lower case, runs of white space as one space, no leading or trailing space. */
    static String comparable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return out.toString();
    }
}
