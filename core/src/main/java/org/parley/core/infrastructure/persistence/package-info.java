/**
 * The only code that touches Hibernate's {@code EntityManager}: bootstrapping (pool, Flyway,
 * Hibernate with schema validation), transactions, and the JPA implementations of the feature
 * packages' repository interfaces. Not part of the library's API.
 */
package org.parley.core.infrastructure.persistence;
