package org.parley.moderation.screening;

/** Author standing: banned and suspended authors cannot post. */
record AuthorStandingStep() implements ScreeningStep {

    @Override
    public String name() {
        return "author-standing";
    }

    @Override
    public void apply(ScreeningRun run) {
        switch (run.submission().author().standing()) {
            case BANNED -> run.reject(Reasons.AUTHOR_BANNED, name());
            case SUSPENDED -> run.reject(Reasons.AUTHOR_SUSPENDED, name());
            case ACTIVE -> {}
        }
    }
}
