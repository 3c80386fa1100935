package org.parley.moderation.screening;

import org.parley.moderation.sanitize.RemovedMarkup;
import org.parley.moderation.sanitize.Sanitized;
import org.parley.moderation.sanitize.Sanitizer;

/**
 * Sanitise: renders the cleaned text to safe HTML with the site's image setting. Markup that shows
 * nothing is rejected; removed script-capable markup holds the comment (an injection attempt is a
 * moderator's business); other removed markup is only flagged.
 */
record SanitizeStep() implements ScreeningStep {

    @Override
    public String name() {
        return "sanitize";
    }

    @Override
    public void apply(ScreeningRun run) {
        Sanitized sanitized = Sanitizer.forSite(run.policy().allowImages()).sanitize(run.text());
        RemovedMarkup removed = sanitized.removed();
        run.sanitized(sanitized.html(), removed);
        if (!sanitized.html().hasVisibleContent()) {
            run.reject(Reasons.MARKUP_EMPTY, name());
            return;
        }
        if (removed.isEmpty()) {
            return;
        }
        String what = String.join(", ", removed.elements())
                + (removed.elements().isEmpty() || removed.attributes().isEmpty() ? "" : ", ")
                + String.join(", ", removed.attributes());
        if (removed.looksLikeInjection()) {
            run.hold(Reasons.MARKUP_INJECTION);
            run.detail(Reasons.MARKUP_INJECTION, what);
        } else {
            run.flag(Reasons.MARKUP_REMOVED);
            run.detail(Reasons.MARKUP_REMOVED, what);
        }
    }
}
