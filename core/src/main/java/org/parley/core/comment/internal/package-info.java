/**
 * Inside {@code comment}, not part of the library's API: comments, revisions and reactions as stored, status transitions, comment views and imported comments. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.comment.internal;
