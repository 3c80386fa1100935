/**
 * Moderation: decisions (approve, reject, remove, hold, feature) applied through the comment
 * state machine and appended to the audit log, queues computed from status, decisions and
 * reports, the audit search and authors' histories. {@link org.parley.core.review.ReviewService}
 * is the entry point. Authorisation of the moderator is the caller's job; core records who acted.
 */
package org.parley.core.review;
