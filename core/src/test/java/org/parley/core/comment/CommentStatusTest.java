package org.parley.core.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.core.comment.CommentStatus.DELETED_BY_AUTHOR;
import static org.parley.core.comment.CommentStatus.HELD;
import static org.parley.core.comment.CommentStatus.PUBLISHED;
import static org.parley.core.comment.CommentStatus.REJECTED;
import static org.parley.core.comment.CommentStatus.REMOVED_BY_MODERATOR;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.InvalidStateException;
import org.parley.core.comment.Screening.Verdict;

class CommentStatusTest {
    @Test
    void heldCommentCanBePublishedRejectedOrWithdrawn() {
        assertEquals(Set.of(HELD, PUBLISHED, REJECTED, DELETED_BY_AUTHOR), HELD.successors());
    }

    @Test
    void publishedCommentCanBeHeldRejectedRemovedOrWithdrawn() {
        assertEquals(
                Set.of(PUBLISHED, HELD, REJECTED, REMOVED_BY_MODERATOR, DELETED_BY_AUTHOR), PUBLISHED.successors());
    }

    @Test
    void heldCommentCannotBeRemovedOnlyRejected() {
        assertFalse(HELD.canMoveTo(REMOVED_BY_MODERATOR));
    }

    @Test
    void rejectionCanBeReversedByPublishing() {
        assertTrue(REJECTED.canMoveTo(PUBLISHED));
        assertFalse(REJECTED.canMoveTo(HELD));
    }

    @Test
    void removedCommentCanOnlyBeReinstated() {
        assertEquals(Set.of(PUBLISHED), REMOVED_BY_MODERATOR.successors());
    }

    @ParameterizedTest
    @EnumSource(CommentStatus.class)
    void deletedByAuthorIsTerminal(CommentStatus target) {
        assertFalse(DELETED_BY_AUTHOR.canMoveTo(target));
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> DELETED_BY_AUTHOR.moveTo(target));
        assertEquals(InvalidStateException.TRANSITION, e.code());
    }

    @Test
    void onlyPublishedIsVisibleToReaders() {
        for (CommentStatus s : CommentStatus.values()) {
            assertEquals(s == PUBLISHED, s.isVisibleToReaders(), s.name());
        }
        assertEquals(Set.of(PUBLISHED), CommentStatus.VISIBLE_TO_READERS);
    }

    @Test
    void deletedAndRemovedAreTombstones() {
        assertEquals(Set.of(DELETED_BY_AUTHOR, REMOVED_BY_MODERATOR), CommentStatus.TOMBSTONES);
        assertTrue(REMOVED_BY_MODERATOR.isTombstone());
        assertFalse(REJECTED.isTombstone());
    }

    @Test
    void onlyHeldAndPublishedAreEditable() {
        for (CommentStatus s : CommentStatus.values()) {
            assertEquals(s == HELD || s == PUBLISHED, s.isEditable(), s.name());
        }
    }

    @Test
    void initialStatusFollowsVerdictAndPreModerationHoldsPublishable() {
        assertEquals(PUBLISHED, CommentStatus.initial(Verdict.PUBLISH, false));
        assertEquals(HELD, CommentStatus.initial(Verdict.PUBLISH, true));
        assertEquals(HELD, CommentStatus.initial(Verdict.HOLD, false));
        assertEquals(REJECTED, CommentStatus.initial(Verdict.REJECT, true));
    }

    @Test
    void transitionReturnsTargetWhenAllowed() {
        assertEquals(PUBLISHED, HELD.moveTo(PUBLISHED));
    }
}
