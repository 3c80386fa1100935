package org.parley.moderation.screening;

/** Closed article: a discussion that is closed or archived takes no comments. */
record ClosedArticleStep() implements ScreeningStep {

    @Override
    public String name() {
        return "closed-article";
    }

    @Override
    public void apply(ScreeningRun run) {
        if (!run.submission().article().open()) {
            run.reject(Reasons.ARTICLE_CLOSED, name());
        }
    }
}
