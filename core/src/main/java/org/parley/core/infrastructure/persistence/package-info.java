/**
 * The only code that touches Hibernate's {@code EntityManager}: bootstrapping (pool, Flyway,
 * Hibernate with schema validation), the unit of work ({@link org.parley.core.infrastructure.persistence.Store}
 * implements {@link org.parley.core.unitofwork.UnitOfWork}), and the JPA implementations of the
 * feature packages' repository interfaces. It depends on the feature packages, never the reverse:
 * only {@link org.parley.core.ParleyCore}, which assembles the library, names it
 * ({@code ArchitectureTest} checks both). Not part of the library's API.
 */
package org.parley.core.infrastructure.persistence;
