/**
 * Inside {@code porting}, not part of the library's API: import sources as stored. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.porting.internal;
