package org.parley.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.core.comment.CommentStatus.DELETED_BY_AUTHOR;
import static org.parley.core.comment.CommentStatus.HELD;
import static org.parley.core.comment.CommentStatus.PUBLISHED;
import static org.parley.core.comment.CommentStatus.REJECTED;
import static org.parley.core.comment.CommentStatus.REMOVED_BY_MODERATOR;
import static org.parley.core.review.DecisionAction.APPROVE;
import static org.parley.core.review.DecisionAction.FEATURE;
import static org.parley.core.review.DecisionAction.HOLD;
import static org.parley.core.review.DecisionAction.REJECT;
import static org.parley.core.review.DecisionAction.REMOVE;
import static org.parley.core.review.DecisionAction.UNFEATURE;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.comment.CommentStatus;

/** What a moderator is offered on a comment: the state machine's moves that change something. */
class DecisionActionTest {
    @Test
    void heldCommentOffersApproveAndReject() {
        assertEquals(List.of(APPROVE, REJECT), DecisionAction.offeredFor(HELD, false));
    }

    @Test
    void publishedCommentOffersEveryDecisionAndTheFeatureToggleItLacks() {
        assertEquals(List.of(APPROVE, REJECT, REMOVE, HOLD, FEATURE), DecisionAction.offeredFor(PUBLISHED, false));
        assertEquals(List.of(APPROVE, REJECT, REMOVE, HOLD, UNFEATURE), DecisionAction.offeredFor(PUBLISHED, true));
    }

    @Test
    void rejectedOrRemovedCommentCanOnlyBeApprovedAndADeletedOneNotAtAll() {
        assertEquals(List.of(APPROVE), DecisionAction.offeredFor(REJECTED, false));
        assertEquals(List.of(APPROVE), DecisionAction.offeredFor(REMOVED_BY_MODERATOR, false));
        assertEquals(List.of(), DecisionAction.offeredFor(DELETED_BY_AUTHOR, false));
    }

    @ParameterizedTest
    @EnumSource(CommentStatus.class)
    void everyOfferedMoveIsOneTheStateMachineAllows(CommentStatus status) {
        for (DecisionAction action : DecisionAction.offeredFor(status, false)) {
            assertTrue(action.isModeratorAction(), action + " is a moderator's action");
            action.target().ifPresent(target -> assertTrue(status.canMoveTo(target), status + " -> " + target));
        }
    }

    @ParameterizedTest
    @EnumSource(Queue.class)
    void everyQueueHasALabelADefaultOrderAndBulkActionsModeratorsMayTake(Queue queue) {
        assertTrue(
                !queue.label().isBlank()
                        && !queue.sorts().isEmpty()
                        && !queue.bulkActions().isEmpty(),
                queue.name());
        assertTrue(queue.bulkActions().stream().allMatch(DecisionAction::isModeratorAction), queue.name());
    }
}
