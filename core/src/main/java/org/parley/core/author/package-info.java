/**
 * Comment authors: guests and external (host-site) accounts, their role per site, standing
 * (active, suspended until, banned) and trust figures. {@link org.parley.core.author.AuthorService}
 * is the entry point; every standing change is written to the audit log.
 */
package org.parley.core.author;
