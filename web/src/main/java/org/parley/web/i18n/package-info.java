/**
 * Server messages in the reader's language. Resources and libraries write their messages in
 * English; on the way out, {@link org.parley.web.i18n.ReaderLanguageFilter} puts what a reader is
 * shown (problem titles, details and field messages, the published/held message, the nudge) into
 * the language the request asks for ({@code ?lang=}, else {@code Accept-Language}), from the
 * catalogue {@code messages.properties} and its translations. English text without an entry is
 * left as it is. The same catalogue writes the mails to readers and the pages behind their links
 * (in the language stored with the reader's address) and, through {@link
 * org.parley.web.i18n.PublicReasons}, why a moderator did not publish a comment.
 */
package org.parley.web.i18n;
