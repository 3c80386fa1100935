package org.parley.core.review;

/**
 * What an audit record is about, in words a moderator reads: the comment's author and the first
 * words of its text as typed (plain text, never HTML), the article's title (of the comment, or of
 * an article change), the name of the author a decision was about, or the username of the staff
 * account an account change was about. Any member is {@code null} when the record has no such thing.
 */
public record AuditSubject(
        String commentAuthor, String excerpt, String articleTitle, String subjectName, String accountName) {
    /** How many characters of a comment's text an excerpt keeps. */
    public static final int EXCERPT_LENGTH = 120;

    /** The first {@link #EXCERPT_LENGTH} characters of {@code text}, whitespace collapsed, with "…" when cut. */
    static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT_LENGTH) {
            return flat;
        }
        int end = EXCERPT_LENGTH;
        if (Character.isHighSurrogate(flat.charAt(end - 1))) {
            end--;
        }
        return flat.substring(0, end).stripTrailing() + "…";
    }
}
