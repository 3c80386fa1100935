/**
 * Sites an installation serves: key, name, allowed origins, moderation mode and settings
 * ({@link org.parley.core.site.SiteSettings}). {@link org.parley.core.site.SiteService} is the
 * entry point; a site's origins decide where the widget may embed and register articles.
 */
package org.parley.core.site;
