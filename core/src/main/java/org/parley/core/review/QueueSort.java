package org.parley.core.review;

/** Order of a queue page. */
public enum QueueSort {
    /** Oldest comment first (fairness: first come, first judged). */
    OLDEST,
    NEWEST,
    /** Highest screening score first ({@code uncivil}, or the highest attribute). */
    SCORE,
    /**
     * Heaviest open reports first: the sum of the open reports' weights, where a brand-new guest
     * identity's report weighs less than an established reader's ({@code Report.weight}).
     */
    REPORTS
}
