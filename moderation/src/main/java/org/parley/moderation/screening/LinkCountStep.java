package org.parley.moderation.screening;

/** Link count: more links than the site allows holds the comment, except for trusted authors. */
record LinkCountStep() implements ScreeningStep {

    @Override
    public String name() {
        return "links";
    }

    @Override
    public void apply(ScreeningRun run) {
        int links = run.html().map(h -> h.linkCount()).orElse(0);
        int max = run.policy().maxLinks();
        if (links > max && !run.submission().author().has(AuthorFlag.TRUSTED)) {
            run.hold(Reasons.LINKS_TOO_MANY);
            run.detail(Reasons.LINKS_TOO_MANY, links + " links, at most " + max);
        }
    }
}
