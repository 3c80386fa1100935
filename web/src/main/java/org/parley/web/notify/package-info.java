/**
 * Delivering what core's outbox holds, after commit: e-mail over SMTP (Jakarta Mail) with
 * double opt-in and one-click unsubscribe, webhooks signed per the Standard Webhooks
 * specification, the worker that claims due messages and retries failures with exponential
 * backoff, the moderators' daily digest, and the endpoints for all of it (administrators' webhooks
 * and delivery log; readers' confirmation and unsubscribe pages).
 */
package org.parley.web.notify;
