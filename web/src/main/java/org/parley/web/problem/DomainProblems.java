package org.parley.web.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.parley.core.ConflictException;
import org.parley.core.ForbiddenException;
import org.parley.core.InvalidStateException;
import org.parley.core.NotFoundException;
import org.parley.core.ParleyException;
import org.parley.core.ValidationException;
import org.parley.moderation.screening.PolicyFormatException;

/**
 * Core's typed exceptions as problems: validation 400 (with the field), not found 404, forbidden
 * 403 (banned, suspended, guests not allowed, not the author), conflicts and wrong states 409.
 * Core's messages are written for callers and carry no internals, so they become {@code detail}.
 */
public final class DomainProblems {

    private DomainProblems() {}

    /** The problem for a core exception. */
    public static ProblemException translate(ParleyException e) {
        String code = e.code();
        if (e instanceof ValidationException v) {
            String message = v.getMessage().startsWith(v.field() + ": ")
                    ? v.getMessage().substring(v.field().length() + 2)
                    : v.getMessage();
            return ProblemException.validation(List.of(new Problem.FieldError(v.field(), message)));
        }
        if (e instanceof NotFoundException) {
            return ProblemException.notFound(e.getMessage() + ".");
        }
        if (e instanceof ForbiddenException) {
            return switch (code) {
                case ForbiddenException.AUTHOR_BANNED ->
                    ProblemException.of(
                            403, "author-banned", "You cannot post here", "This account is banned from commenting.");
                case ForbiddenException.AUTHOR_SUSPENDED ->
                    ProblemException.of(
                            403,
                            "author-suspended",
                            "You cannot post right now",
                            "This account is suspended from commenting for now.");
                case ForbiddenException.GUESTS_NOT_ALLOWED ->
                    ProblemException.of(
                            403,
                            "guests-not-allowed",
                            "Sign-in required",
                            "This site does not allow guest comments; sign in first.");
                default -> ProblemException.forbidden(e.getMessage());
            };
        }
        if (e instanceof InvalidStateException) {
            return switch (code) {
                case InvalidStateException.DISCUSSION_CLOSED ->
                    ProblemException.of(
                            409,
                            "article-closed",
                            "The discussion is closed",
                            "This article no longer accepts comments.");
                case InvalidStateException.EDIT_WINDOW_PASSED ->
                    ProblemException.of(
                            409,
                            "edit-window-expired",
                            "Too late to edit",
                            "The time for editing this comment has passed.");
                default ->
                    ProblemException.of(409, "invalid-state", "Not possible in the current state", e.getMessage());
            };
        }
        if (e instanceof ConflictException) {
            return ProblemException.conflict(e.getMessage());
        }
        return ProblemException.of(400, "invalid", "The request cannot be processed", e.getMessage());
    }

    /** Maps core's exceptions. */
    @Provider
    public static final class Core implements ExceptionMapper<ParleyException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ParleyException e) {
            return ProblemMappers.respond(translate(e), uri);
        }
    }

    /** Maps an unreadable screening policy in a dry run. */
    @Provider
    public static final class Policy implements ExceptionMapper<PolicyFormatException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(PolicyFormatException e) {
            return ProblemMappers.respond(
                    ProblemException.validation(List.of(new Problem.FieldError("policy", e.getMessage()))), uri);
        }
    }
}
