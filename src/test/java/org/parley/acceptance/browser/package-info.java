/**
 * Acceptance tests in a real headless Chromium (Debian's, driven by Debian's chromedriver): the
 * embeddable widget on a host page of another origin, the moderator console, accessibility with
 * axe-core, and script-injection payloads rendered by the widget. They run against the packaged
 * server that {@code support.ParleyServer} starts once per run, and create their own articles so
 * that each test stands alone.
 */
package org.parley.acceptance.browser;
