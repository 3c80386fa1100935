/**
 * Screening: decides what happens to a submitted comment. {@link
 * org.parley.moderation.screening.Screener} runs an ordered list of small named steps (hygiene,
 * closed article, author standing, rate limit, sanitise, repeat post, word lists, civility, link
 * count, author trust, pre-moderation) over a {@link org.parley.moderation.screening.Submission}
 * and returns a {@link org.parley.moderation.screening.Verdict}: publish, hold with reason codes
 * and scores, or reject with a reason, plus the safe HTML and, for uncivil but acceptable text, a
 * {@link org.parley.moderation.screening.Nudge}. Rules come from an immutable {@link
 * org.parley.moderation.screening.SitePolicy}; what screening needs from the outside (recent posts,
 * rate-limit state) comes through narrow ports the caller backs. {@link
 * org.parley.moderation.screening.PolicyDryRun} shows what a policy change would do to past
 * comments.
 */
package org.parley.moderation.screening;
