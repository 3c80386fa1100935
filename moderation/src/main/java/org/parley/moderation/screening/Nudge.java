package org.parley.moderation.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.parley.moderation.civility.Attribute;
import org.parley.moderation.civility.Span;

/**
 * A suggestion to rephrase, shown to the author before the comment is stored: which attributes the
 * text came across as, the words that made it so, and a message. If the author posts the same text
 * anyway, the caller sends it again with {@link #textHash()} as the submission's nudge
 * confirmation, and the comment is held for review rather than refused.
 *
 * @param message a sentence for the author, in English
 * @param attributes the attributes that reached their thresholds, strongest first
 * @param spans the stretches of the cleaned text ({@link Verdict#text()}) that drove them
 * @param textHash SHA-256 of the cleaned text, in hex
 */
public record Nudge(String message, List<Attribute> attributes, List<Span> spans, String textHash) {

    public Nudge {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(textHash, "textHash");
        attributes = List.copyOf(attributes);
        spans = List.copyOf(spans);
    }

    /** The hash that identifies a nudged text. */
    static String hash(String cleanText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cleanText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
