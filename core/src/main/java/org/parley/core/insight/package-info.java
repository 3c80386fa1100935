/**
 * Read-only figures for moderators: the dashboard (comments per day, held and rejected rates,
 * most heated articles) and recent comments for a policy dry run.
 * {@link org.parley.core.insight.InsightService} is the entry point.
 */
package org.parley.core.insight;
