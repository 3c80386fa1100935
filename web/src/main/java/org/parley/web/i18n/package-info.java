/**
 * Server messages in the reader's language. Resources and libraries write their messages in
 * English; on the way out, {@link org.parley.web.i18n.ReaderLanguageFilter} puts what a reader is
 * shown (problem titles, details and field messages, the published/held message, the nudge) into
 * the language the request asks for ({@code ?lang=}, else {@code Accept-Language}), from the
 * catalogue {@code messages.properties} and its translations. English text without an entry is
 * left as it is.
 */
package org.parley.web.i18n;
