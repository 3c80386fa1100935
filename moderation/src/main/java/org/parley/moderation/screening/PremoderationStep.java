package org.parley.moderation.screening;

/** Pre-moderation: on a pre-moderated site or article every comment is held. */
record PremoderationStep() implements ScreeningStep {

    @Override
    public String name() {
        return "premoderation";
    }

    @Override
    public void apply(ScreeningRun run) {
        if (run.submission().article().premoderated()) {
            run.hold(Reasons.ARTICLE_PREMODERATED);
        }
    }
}
