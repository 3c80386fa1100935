/**
 * The administrator API: sites (settings, allowed origins, screening policy with dry run, apply
 * and reset), articles (registration, discussion state, pre-moderation), staff accounts (create,
 * disable, role and site, password), imports and exports.
 */
package org.parley.web.admin;
