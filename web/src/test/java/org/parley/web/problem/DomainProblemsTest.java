package org.parley.web.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.ValidationException;

class DomainProblemsTest {

    @Test
    void validationNamesTheFieldWithoutRepeatingIt() {
        Problem p = DomainProblems.translate(new ValidationException("parentId", "no comment 9 in this article"))
                .toProblem("/x");
        assertEquals(400, p.status());
        assertEquals("validation", p.code());
        assertEquals("parentId", p.errors().get(0).field());
        assertEquals("no comment 9 in this article", p.errors().get(0).message());
    }

    @Test
    void coreFailuresMapToTheDocumentedStatusesAndCodes() {
        assertEquals(
                404,
                DomainProblems.translate(new NotFoundException("comment", 7)).status());
        assertEquals(
                "author-banned",
                DomainProblems.translate(new ForbiddenException(ForbiddenException.AUTHOR_BANNED, "banned"))
                        .code());
        assertEquals(
                "guests-not-allowed",
                DomainProblems.translate(new ForbiddenException(ForbiddenException.GUESTS_NOT_ALLOWED, "no guests"))
                        .code());
        assertEquals(
                403,
                DomainProblems.translate(new ForbiddenException(ForbiddenException.NOT_AUTHOR, "not yours"))
                        .status());
        assertEquals(
                "article-closed",
                DomainProblems.translate(new InvalidStateException(InvalidStateException.DISCUSSION_CLOSED, "closed"))
                        .code());
        assertEquals(
                "edit-window-expired",
                DomainProblems.translate(new InvalidStateException(InvalidStateException.EDIT_WINDOW_PASSED, "late"))
                        .code());
        assertEquals(
                409,
                DomainProblems.translate(new InvalidStateException(InvalidStateException.TRANSITION, "no"))
                        .status());
        assertEquals(
                "conflict",
                DomainProblems.translate(new ConflictException(ConflictException.STALE_REVISION, "stale"))
                        .code());
    }
}
