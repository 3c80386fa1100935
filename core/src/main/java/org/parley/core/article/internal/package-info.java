/**
 * Inside {@code article}, not part of the library's API: articles and their URLs as stored, and the registration of imported articles. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.article.internal;
