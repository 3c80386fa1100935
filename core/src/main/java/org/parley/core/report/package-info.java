/**
 * Readers' reports on comments: one per reader per comment, with a reason. Open reports put a
 * published comment in the reported queue; a moderator's decision closes them.
 * {@link org.parley.core.report.ReportService} is the entry point.
 */
package org.parley.core.report;
