package org.parley.acceptance.reliability;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parley.acceptance.support.RawHttp;

/**
 * The kinds of malformed HTTP that Payara Micro refuses before the web application runs, so that no
 * Parley code (filter, exception mapper, error page) can answer them with a problem document. Each
 * was traced to where it is refused (Payara Micro 7.2026.11, SECURITY.md "Malformed HTTP"):
 * <ul>
 *   <li>{@link #HEADER_BLOCK_TOO_LARGE}: request line and headers over the listener's 8 KB
 *       ({@code header-buffer-length-bytes}); Grizzly's HTTP parser answers 400 and closes.</li>
 *   <li>{@link #HEADER_VALUE_NOT_TEXT}: a header value with a control character or a byte above
 *       0x7E; Grizzly's parser checks values strictly (its RFC 9110 check, which also refuses the
 *       obs-text bytes RFC 9110 tolerates) and answers 400. Its switch
 *       ({@code org.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110}) also governs
 *       bare line feeds and folded lines, so it stays on.</li>
 *   <li>{@link #PATH_NOT_UTF8}, {@link #PATH_NUL_OR_BACKSLASH}: a path that does not decode to
 *       UTF-8, or decodes to a NUL or a backslash; Payara's connector (CoyoteAdapter) answers 400
 *       before mapping the request to an application.</li>
 *   <li>{@link #PATH_MALFORMED_ESCAPE}: a {@code %} in the path not followed by two hex digits; the
 *       decoder throws an exception Payara does not catch: it logs it and answers <b>200 with an
 *       empty body</b> (a Payara defect; nothing of Parley's runs, nothing is stored or shown).</li>
 * </ul>
 */
enum ContainerRefusal {
    HEADER_BLOCK_TOO_LARGE,
    HEADER_VALUE_NOT_TEXT,
    PATH_MALFORMED_ESCAPE,
    PATH_NOT_UTF8,
    PATH_NUL_OR_BACKSLASH;

    /** The listener's limit on the request line and headers together (deploy/payara-preboot.asadmin). */
    static final int HEADER_BLOCK_LIMIT = 8192;

    /** The kind of container refusal the request falls under, or null when the application gets it. */
    static ContainerRefusal of(String method, byte[] target, List<RawHttp.Header> headers, byte[] body) {
        int block = method.length()
                + 1
                + target.length
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".length()
                + 2;
        for (RawHttp.Header h : headers) {
            block += h.name().length() + 2 + h.value().length + 2;
        }
        if (body != null) {
            block += ("Content-Length: " + body.length + "\r\n").length();
        }
        if (block > HEADER_BLOCK_LIMIT) {
            return HEADER_BLOCK_TOO_LARGE;
        }
        for (RawHttp.Header h : headers) {
            for (byte b : h.value()) {
                int c = b & 0xFF;
                if ((c < 0x20 && c != '\t') || c >= 0x7F) {
                    return HEADER_VALUE_NOT_TEXT;
                }
            }
        }
        ByteArrayOutputStream path = new ByteArrayOutputStream();
        for (int i = 0; i < target.length && target[i] != '?'; i++) {
            if (target[i] == '%') {
                if (i + 2 >= target.length
                        || Character.digit(target[i + 1], 16) < 0
                        || Character.digit(target[i + 2], 16) < 0) {
                    return PATH_MALFORMED_ESCAPE;
                }
                path.write(Character.digit(target[i + 1], 16) * 16 + Character.digit(target[i + 2], 16));
                i += 2;
            } else {
                path.write(target[i]);
            }
        }
        byte[] decoded = path.toByteArray();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            return PATH_NOT_UTF8;
        }
        for (byte b : decoded) {
            if (b == 0 || b == '\\') {
                return PATH_NUL_OR_BACKSLASH;
            }
        }
        return null;
    }

    /** Null when the container's answer is what this kind gets (never a 5xx), else what is wrong. */
    String check(RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (this == PATH_MALFORMED_ESCAPE) {
            return answer.body().length == 0 ? null : "answer with a body to a request the container refuses";
        }
        return answer.status() >= 400 ? null : "not refused";
    }
}
