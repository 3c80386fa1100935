package org.parley.core.report;

/** Why a reader reports a comment. {@link #OTHER} requires a text. */
public enum ReportReason {
    SPAM,
    ABUSIVE,
    OFF_TOPIC,
    ILLEGAL_CONTENT,
    OTHER
}
