package org.parley.moderation.screening;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Word lists: a banned term rejects, a suspect term holds or flags as the site says. Matching is
 * on normalised text with whole words and the site's allow list, see {@link WordMatcher}.
 */
record WordListStep() implements ScreeningStep {

    @Override
    public String name() {
        return "word-lists";
    }

    @Override
    public void apply(ScreeningRun run) {
        SitePolicy p = run.policy();
        if (p.words().isEmpty()) {
            return;
        }
        List<WordMatcher.Hit> hits = p.words().find(run.text());
        String banned = terms(hits, WordMatcher.Kind.BANNED);
        String suspect = terms(hits, WordMatcher.Kind.SUSPECT);
        if (!banned.isEmpty()) {
            run.detail(Reasons.WORDS_BANNED, banned);
            run.reject(Reasons.WORDS_BANNED, name());
            return;
        }
        if (!suspect.isEmpty()) {
            run.detail(Reasons.WORDS_SUSPECT, suspect);
            if (p.suspectWordAction() == SuspectWordAction.HOLD) {
                run.hold(Reasons.WORDS_SUSPECT);
            } else {
                run.flag(Reasons.WORDS_SUSPECT);
            }
        }
    }

    private static String terms(List<WordMatcher.Hit> hits, WordMatcher.Kind kind) {
        return hits.stream()
                .filter(h -> h.kind() == kind)
                .map(WordMatcher.Hit::term)
                .collect(Collectors.joining(", "));
    }
}
