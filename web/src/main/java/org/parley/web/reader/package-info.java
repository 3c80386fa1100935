/**
 * The reader API the embeddable widget uses: site settings and reader tokens, thread pages,
 * posting through screening (with nudge, idempotency and rate limits), edits, deletion,
 * reactions, reports, counts and live updates. Answers are records built from core's views.
 */
package org.parley.web.reader;
