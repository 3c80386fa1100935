/**
 * Articles under which discussions happen: a stable key within the site, the current URL and
 * earlier ones (looked up by {@link org.parley.core.article.CanonicalUrl canonical form}), the
 * discussion state and the per-article moderation override. {@link org.parley.core.article.ArticleService}
 * is the entry point; {@code ensure} registers an article on first embed.
 */
package org.parley.core.article;
