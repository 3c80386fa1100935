/**
 * Inside {@code review}, not part of the library's API: audit records as stored and the audit log that writes them. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.review.internal;
