package org.parley.core.privacy;

import org.parley.core.author.AuthorId;

/** What an erasure did: bodies blanked, reports and reactions deleted. */
public record ErasureReport(AuthorId author, int commentsErased, int reportsDeleted, int reactionsDeleted) {}
