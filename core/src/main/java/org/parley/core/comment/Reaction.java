package org.parley.core.comment;

/** A comment's reaction count after a reader reacted or withdrew, and whether that reader now reacts. */
public record Reaction(CommentId comment, long count, boolean reacted) {}
