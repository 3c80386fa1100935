/**
 * Telling the outside world what happened: webhooks of a site, readers' e-mail consent (double
 * opt-in, one-click unsubscribe) and reply subscriptions, moderators' digest subscriptions, and
 * the outbox. Every notification is an outbox row written in the same transaction as the change
 * it reports ({@link org.parley.core.notification.internal.Notifications}), so nothing is announced that
 * was rolled back and nothing committed goes unannounced; the web layer drains the outbox after
 * commit, with retries, and the rows are the delivery log.
 * {@link org.parley.core.notification.NotificationService} is the entry point.
 */
package org.parley.core.notification;
