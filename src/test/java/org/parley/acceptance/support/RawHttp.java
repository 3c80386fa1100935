package org.parley.acceptance.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, with nothing validated on the way
 * out: request targets, header values and bodies go out byte for byte as given (bad
 * percent-encoding, control characters, invalid UTF-8), which {@link java.net.http.HttpClient}
 * refuses to send. Answers are read by {@code Content-Length}, chunked encoding or to the end of
 * the connection; an event stream's body is not read (only its status and headers). An answer the
 * server sends before it stops reading the request is still read.
 */
public final class RawHttp {

    /** One header as sent: name and value bytes (ISO-8859-1 keeps every byte as given). */
    public record Header(String name, byte[] value) {
        public static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** An answer: status, headers (names in lower case; repeated headers' values joined by a line break) and body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {}

    /**
     * Sends {@code method target} (the target is sent as given, e.g. {@code /api/v1/x?y=%zz}) with the
     * headers and body, and reads the answer within {@code timeoutMillis} per read.
     */
    public static Answer send(
            URI base, String method, byte[] target, List<Header> headers, byte[] body, int timeoutMillis)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(target);
            request.writeBytes(
                    " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            for (Header h : headers) {
                request.writeBytes((h.name() + ": ").getBytes(StandardCharsets.US_ASCII));
                request.writeBytes(h.value());
                request.writeBytes(new byte[] {'\r', '\n'});
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes(new byte[] {'\r', '\n'});
            if (body != null) {
                request.writeBytes(body);
            }
            // A server may answer and close before the request is fully sent (a header block or body it
            // refuses unread): the write then fails, but the answer may already be waiting to be read.
            IOException writeFailed = null;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException e) {
                writeFailed = e;
            }
            try {
                return read(socket.getInputStream());
            } catch (IOException e) {
                if (writeFailed != null) {
                    writeFailed.addSuppressed(e);
                    throw writeFailed;
                }
                throw e;
            }
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.merge(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim(),
                        (a, b) -> a + "\n" + b);
            }
        }
        String type = headers.getOrDefault("content-type", "");
        if (type.startsWith("text/event-stream")) {
            return new Answer(status, headers, new byte[0]);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
                if (n == 0) {
                    break;
                }
                body.writeBytes(in.readNBytes(n));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            try {
                in.transferTo(body);
            } catch (SocketTimeoutException e) {
                // a body without length that does not end: keep what came
            }
        }
        return new Answer(status, headers, body.toByteArray());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
