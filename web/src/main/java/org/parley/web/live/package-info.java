/**
 * Live updates over Server-Sent Events: per article (new visible comments) and per site's
 * moderation queues (counts), fanned out to every instance of a cluster through
 * {@link org.parley.web.cluster.Signals}.
 */
package org.parley.web.live;
