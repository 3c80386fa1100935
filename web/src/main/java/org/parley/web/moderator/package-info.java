/**
 * The moderator API: queues (queries over status and reports), cards with scores and spans,
 * decisions one by one and in bulk, authors' standing, the audit log, the dashboard, live queue
 * counts and the policy dry run. Only staff members reach it.
 */
package org.parley.web.moderator;
