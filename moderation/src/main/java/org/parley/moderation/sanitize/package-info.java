/**
 * Sanitising: turns what a reader typed (Markdown, possibly with HTML in it) into {@link
 * org.parley.moderation.sanitize.SafeHtml}. Markdown is rendered by commonmark-java, then every
 * byte of the result passes through one OWASP policy ({@code CommentHtmlPolicy.COMMENTS}), so
 * Markdown rendering is never trusted on its own. What the policy removed is recorded in {@link
 * org.parley.moderation.sanitize.RemovedMarkup}, so that moderators can see an attempt to inject
 * markup. {@link org.parley.moderation.sanitize.Sanitizer} is the only way in and the only class
 * that can create {@code SafeHtml}. Code the no-script guarantee rests on is marked {@link
 * org.parley.moderation.sanitize.TCB} (docs/SECURITY-XSS.md lists it).
 */
package org.parley.moderation.sanitize;
