package org.parley.core.review;

import static org.parley.core.review.DecisionAction.APPROVE;
import static org.parley.core.review.DecisionAction.REJECT;
import static org.parley.core.review.DecisionAction.REMOVE;
import static org.parley.core.review.QueueSort.NEWEST;
import static org.parley.core.review.QueueSort.OLDEST;
import static org.parley.core.review.QueueSort.REPORTS;
import static org.parley.core.review.QueueSort.SCORE;

import java.util.List;

/**
 * Moderation queues: each is a query over comment status, decisions and reports, never a stored
 * flag. The condition of each lives in {@code JpaReviewRepository.queueCondition}; everything a
 * client shows of a queue (its label, its orders, its bulk actions) lives here, and the moderation
 * console reads it from {@code GET /api/v1/moderation/queues}. Adding a queue: docs/ARCHITECTURE.md.
 */
public enum Queue {
    /** Status held: waiting for a moderator. */
    HELD(
            "Held for review",
            "Comments screening or the article's rules held back: readers do not see them until you approve.",
            List.of(OLDEST, NEWEST, SCORE),
            List.of(APPROVE, REJECT)),
    /** Published with at least one open report. Heaviest reports first by default. */
    REPORTED(
            "Reported",
            "Published comments readers reported: keep them (dismissing the reports), remove or reject them.",
            List.of(REPORTS, OLDEST, NEWEST, SCORE),
            List.of(APPROVE, REMOVE, REJECT)),
    /** Published, and no human has decided on it yet. */
    UNMODERATED(
            "Published, not reviewed",
            "Comments screening published and no moderator has looked at yet.",
            List.of(OLDEST, NEWEST, SCORE),
            List.of(APPROVE, REJECT, REMOVE)),
    /** Published after a moderator's approval. */
    APPROVED(
            "Approved by a moderator",
            "Published comments a moderator approved or kept.",
            List.of(OLDEST, NEWEST, SCORE),
            List.of(REMOVE, REJECT)),
    /** Rejected, by a moderator or the screening. */
    REJECTED(
            "Rejected",
            "Comments a moderator or the screening rejected: readers do not see them.",
            List.of(OLDEST, NEWEST, SCORE),
            List.of(APPROVE));

    private final String label;
    private final String description;
    private final List<QueueSort> sorts;
    private final List<DecisionAction> bulkActions;

    Queue(String label, String description, List<QueueSort> sorts, List<DecisionAction> bulkActions) {
        this.label = label;
        this.description = description;
        this.sorts = sorts;
        this.bulkActions = bulkActions;
    }

    /** The queue's name for people ("Held for review"). */
    public String label() {
        return label;
    }

    /** One sentence for people: what the queue holds. */
    public String description() {
        return description;
    }

    /** The orders a moderator may choose, the default first (every order is accepted by the API). */
    public List<QueueSort> sorts() {
        return sorts;
    }

    /**
     * The decisions offered on a selection of this queue's comments, in the order they are shown;
     * each is offered ({@link DecisionAction#offeredOn}) on every comment the queue can hold.
     */
    public List<DecisionAction> bulkActions() {
        return bulkActions;
    }
}
