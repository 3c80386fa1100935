/**
 * Live updates over Server-Sent Events: per article (new visible comments) and per site's
 * moderation queues (counts), fanned out within one server instance.
 */
package org.parley.web.live;
