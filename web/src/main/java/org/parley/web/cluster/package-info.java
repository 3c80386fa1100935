/**
 * Cluster-wide state on Payara's own Hazelcast data grid: the grid itself when Payara runs
 * clustered ({@link org.parley.web.cluster.Grid}), signals every instance hears (cache
 * invalidation, live-update fan-out), rate limits, idempotency replays and recent texts shared by
 * all instances. Without the grid ({@code --nohazelcast}, or a single instance) every part falls
 * back to this instance's memory and behaves as one server.
 */
package org.parley.web.cluster;
