package org.parley.moderation.screening;

/**
 * One named step of screening. A step reads the run, and may reject it (decisive: the run ends),
 * add hold reasons or flags (the run goes on, so moderators see every reason), or record what it
 * computed (clean text, safe HTML, scores, a nudge) for later steps and the verdict.
 */
interface ScreeningStep {

    /** A short stable name, used in {@link Verdict#decidedBy()} and in logs. */
    String name();

    void apply(ScreeningRun run);
}
