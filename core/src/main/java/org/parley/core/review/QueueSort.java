package org.parley.core.review;

/** Order of a queue page. */
public enum QueueSort {
    /** Oldest comment first (fairness: first come, first judged). */
    OLDEST,
    NEWEST,
    /** Highest screening score first ({@code uncivil}, or the highest attribute). */
    SCORE
}
