package org.parley.moderation.screening;

import java.util.Locale;

/**
 * Author trust: holds the comments of authors marked for pre-moderation, of new authors until the
 * site's number of approved comments (trusted authors excepted), and of authors whose recent
 * comments were mostly rejected.
 */
record AuthorTrustStep() implements ScreeningStep {

    @Override
    public String name() {
        return "author-trust";
    }

    @Override
    public void apply(ScreeningRun run) {
        AuthorContext author = run.submission().author();
        SitePolicy p = run.policy();
        if (author.has(AuthorFlag.ALWAYS_PREMODERATE)) {
            run.hold(Reasons.AUTHOR_PREMODERATED);
        }
        if (author.approvedCount() < p.newAuthorApprovals() && !author.has(AuthorFlag.TRUSTED)) {
            run.hold(Reasons.AUTHOR_NEW);
            run.detail(Reasons.AUTHOR_NEW, author.approvedCount() + " of " + p.newAuthorApprovals() + " approved");
        }
        if (author.recentDecisions() >= p.minDecisionsForRate()) {
            double rate = (double) author.recentRejections() / author.recentDecisions();
            if (rate >= p.maxRejectionRate()) {
                run.hold(Reasons.AUTHOR_REJECTION_RATE);
                run.detail(
                        Reasons.AUTHOR_REJECTION_RATE,
                        String.format(
                                Locale.ROOT,
                                "%d of %d recent comments rejected",
                                author.recentRejections(),
                                author.recentDecisions()));
            }
        }
    }
}
