package org.parley.core.report;

/** A report is open until a moderator decides on the comment: approval dismisses, reject or remove upholds. */
public enum ReportStatus {
    OPEN,
    DISMISSED,
    UPHELD
}
