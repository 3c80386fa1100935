/**
 * Inside {@code notification}, not part of the library's API: the outbox, webhooks, mail consent and subscriptions as stored, and the writer of outbox rows. Public only so that the
 * other feature packages and {@code infrastructure.persistence} can use them; nothing outside core
 * may ({@code ArchitectureTest} checks web and porting).
 */
package org.parley.core.notification.internal;
