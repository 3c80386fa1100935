/**
 * Reading threads: pages of top-level comments with nested replies, keyset cursors that stay
 * stable while others post, counts for many articles, and "new since" figures for live updates.
 * Top-level comments are found by (article, depth, sort key) indexes and replies by root id and
 * materialised path, so the cost of a page does not grow with the thread.
 * {@link org.parley.core.thread.ThreadService} is the entry point.
 */
package org.parley.core.thread;
