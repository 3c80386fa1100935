package org.parley.moderation.screening;

import org.parley.moderation.hygiene.CleanText;
import org.parley.moderation.hygiene.HygieneFinding;
import org.parley.moderation.hygiene.TextHygiene;

/**
 * Length and hygiene: cleans the text with the site's limits; rejects empty, overlong and
 * overlong-in-lines text; flags hidden characters that were removed (they are a sign of evasion).
 */
record HygieneStep() implements ScreeningStep {

    @Override
    public String name() {
        return "hygiene";
    }

    @Override
    public void apply(ScreeningRun run) {
        SitePolicy p = run.policy();
        CleanText clean = TextHygiene.withLimits(p.maxLength(), p.maxLines(), p.maxCombiningMarks())
                .clean(run.submission().text());
        run.text(clean.text());
        for (HygieneFinding finding : clean.findings()) {
            if (finding.isViolation()) {
                run.reject(finding.code(), name());
            } else if (finding != HygieneFinding.WHITESPACE_TIDIED) {
                run.flag(finding.code());
            }
        }
        if (clean.findings().contains(HygieneFinding.TOO_LONG)) {
            run.detail(HygieneFinding.TOO_LONG.code(), clean.length() + " of " + p.maxLength() + " characters");
        }
        if (clean.findings().contains(HygieneFinding.TOO_MANY_LINES)) {
            run.detail(HygieneFinding.TOO_MANY_LINES.code(), clean.lines() + " of " + p.maxLines() + " lines");
        }
    }
}
