/**
 * Inside {@code author}, not part of the library's API: authors and their roles as stored, and the creation of imported authors. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.author.internal;
