package org.parley.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parley.core.ValidationException;
import org.parley.core.comment.CommentId;
import org.parley.core.comment.CommentStatus;

class DecisionRequestTest {
    private final Actor mod = Actor.moderator("m1", "Mod");

    @Test
    void rejectAndRemoveNeedAReason() {
        assertEquals(
                "reason",
                assertThrows(
                                ValidationException.class,
                                () -> DecisionRequest.of(CommentId.of(1), 1, DecisionAction.REJECT, mod, null))
                        .field());
        assertThrows(
                ValidationException.class,
                () -> DecisionRequest.of(CommentId.of(1), 1, DecisionAction.REMOVE, mod, " "));
        assertEquals(
                "spam",
                DecisionRequest.of(CommentId.of(1), 1, DecisionAction.REJECT, mod, "spam")
                        .reasonCode());
    }

    @Test
    void systemActionsCannotBeRequested() {
        assertThrows(
                ValidationException.class,
                () -> DecisionRequest.of(CommentId.of(1), 1, DecisionAction.SCREEN, mod, null));
        assertThrows(
                ValidationException.class,
                () -> DecisionRequest.of(CommentId.of(1), 1, DecisionAction.BAN_AUTHOR, mod, "spam"));
    }

    @Test
    void reasonCodesAreLowerCaseCodes() {
        assertThrows(
                ValidationException.class,
                () -> DecisionRequest.of(CommentId.of(1), 1, DecisionAction.REJECT, mod, "Not A Code"));
    }

    @Test
    void actionsKnowTheirTargetStatus() {
        assertEquals(CommentStatus.PUBLISHED, DecisionAction.APPROVE.target().orElseThrow());
        assertEquals(
                CommentStatus.REMOVED_BY_MODERATOR,
                DecisionAction.REMOVE.target().orElseThrow());
        assertTrue(DecisionAction.FEATURE.target().isEmpty());
        assertTrue(DecisionAction.UNFEATURE.isModeratorAction());
        assertFalse(DecisionAction.AUTHOR_DELETE.isModeratorAction());
    }

    @Test
    void systemActorIsNotHuman() {
        assertFalse(Actor.system().isHuman());
        assertTrue(mod.isHuman());
    }
}
