/**
 * The unit of work the feature packages' services run in: {@link org.parley.core.unitofwork.UnitOfWork}
 * (one transaction) and {@link org.parley.core.unitofwork.Repositories} (each feature package's
 * repository interface, as one transaction sees it). Implemented in {@code infrastructure.persistence};
 * nothing here knows JPA. Not part of the library's API: use {@link org.parley.core.ParleyCore}.
 */
package org.parley.core.unitofwork;
