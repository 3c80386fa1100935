/**
 * Parley's core library: {@link org.parley.core.ParleyCore} opens the database and hands out the
 * feature services; {@link org.parley.core.ParleyException} and its subclasses are every error a
 * service raises on purpose, each with a stable code. Feature packages hold the domain (site,
 * article, author, comment, thread, review, report, account, insight, privacy);
 * {@code infrastructure.persistence} alone touches Hibernate.
 */
package org.parley.core;
