package org.parley.core.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.parley.core.ValidationException;

/**
 * Opaque keyset cursors: a kind tag and a few values, base64url-encoded. Decoding anything that
 * this class did not encode for the same kind is a {@link ValidationException} on {@code cursor}.
 */
public final class Cursors {
    private Cursors() {}

    public static String encode(String kind, Object... values) {
        StringBuilder b = new StringBuilder("v1|").append(kind);
        for (Object v : values) {
            b.append('|').append(v);
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The values encoded for {@code kind}, exactly {@code count} of them. */
    public static String[] decode(String cursor, String kind, int count) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split("\\|", -1);
            if (parts.length != count + 2 || !parts[0].equals("v1") || !parts[1].equals(kind)) {
                throw invalid();
            }
            String[] values = new String[count];
            System.arraycopy(parts, 2, values, 0, count);
            return values;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static long[] decodeLongs(String cursor, String kind, int count) {
        String[] values = decode(cursor, kind, count);
        long[] result = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                result[i] = Long.parseLong(values[i]);
            }
        } catch (NumberFormatException e) {
            throw invalid();
        }
        return result;
    }

    private static ValidationException invalid() {
        return new ValidationException("cursor", "is not a cursor of this listing");
    }
}
