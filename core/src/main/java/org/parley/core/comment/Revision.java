package org.parley.core.comment;

import java.time.Instant;

/** One kept revision of a comment's body. {@code rawBody} is never to be rendered as HTML. */
public record Revision(CommentId comment, int number, String rawBody, String html, Instant createdAt) {}
