package org.parley.core.porting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The dates export files actually contain: ISO-8601 with or without offset or fraction
 * ({@code 2011-03-07T20:46:25Z}, {@code 2011-03-07T20:46:25}), WordPress's
 * {@code 2011-03-07 20:46:25} (read as UTC) and RFC 1123 ({@code Mon, 07 Mar 2011 20:46:25 +0000}).
 * WordPress's {@code 0000-00-00 00:00:00} and anything unreadable give {@code null}.
 */
final class Dates {
    private static final DateTimeFormatter SQL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSSSSS][.SSS]", Locale.ROOT);
    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss zzz", Locale.ROOT));

    private Dates() {}

    static Instant parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
            return null;
        }
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        for (DateTimeFormatter f : ZONED) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T') + (t.endsWith("Z") ? "" : "Z"))
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(t, SQL).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
