/**
 * The public read path: serialised anonymous thread pages and counts cached in each instance's
 * memory, kept coherent across the cluster by per-article generations that every write bumps
 * everywhere ({@link org.parley.web.cluster.Signals}), and the HTTP caching that lets browsers,
 * reverse proxies and CDNs carry the load (strong {@code ETag}, {@code 304}, {@code Cache-Control}).
 * Nothing a single viewer sees privately is ever cached.
 */
package org.parley.web.cache;
