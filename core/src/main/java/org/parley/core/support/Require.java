package org.parley.core.support;

import java.util.regex.Pattern;
import org.parley.core.ValidationException;

/** Argument checks shared by value types; each failure is a {@link ValidationException} naming the field. */
public final class Require {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    private Require() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** A key of a site or article: 1-200 characters of letters, digits and {@code . _ : / -}. */
    public static String key(String field, String value) {
        if (value == null || !KEY.matcher(value).matches()) {
            throw new ValidationException(
                    field, "must be 1-200 letters, digits or . _ : / - (starting with a letter or digit)");
        }
        return value;
    }

    /** A reason code: lower-case letters, digits and {@code _ . -}, at most 64 characters. */
    public static String code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new ValidationException(field, "must be a lower-case code of at most 64 characters");
        }
        return value;
    }

    /**
     * Text that every supported database stores exactly as given: no NUL character (PostgreSQL
     * refuses it in text columns, failing the whole transaction) and no unpaired surrogate (stored
     * as {@code ?}). {@code null} passes; the other checks decide whether it may be absent.
     */
    public static String storable(String field, String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new ValidationException(field, "must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new ValidationException(field, "must be valid Unicode text (unpaired surrogate)");
            }
        }
        return value;
    }

    /** Non-blank {@link #storable} text of at most {@code max} characters, stripped of surrounding whitespace. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be empty");
        }
        storable(field, value);
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    /** Like {@link #text} but {@code null} or blank gives {@code null}. */
    public static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /**
     * Like {@link #optionalText} (at most 320 characters), and shaped like an address: one
     * {@code @} with something on each side and no whitespace or control characters, which is
     * also what keeps it from injecting mail headers.
     */
    public static String optionalEmail(String field, String value) {
        String mail = optionalText(field, value, 320);
        if (mail != null) {
            int at = mail.indexOf('@');
            if (at < 1
                    || at != mail.lastIndexOf('@')
                    || at == mail.length() - 1
                    || mail.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
                throw new ValidationException(field, "is not an e-mail address");
            }
        }
        return mail;
    }

    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ValidationException(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
