package org.parley.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;
import java.util.zip.GZIPOutputStream;

/**
 * Caching and compression of the static files: the widget ({@code /widget/}), the consoles
 * ({@code /moderate/}), the demo page and the favicon. A URL carrying the build's version
 * ({@code /widget/parley.js?v=0.1.0}, the WAR manifest's {@code Implementation-Version}) names
 * content that never changes and is cached for a year ({@code immutable}); any other URL of a
 * script, style sheet or translation is cached for five minutes, HTML is revalidated on every use
 * ({@code no-cache}, with the {@code ETag}), the favicon for a day. Clients that accept gzip get
 * text files compressed (compressed once per file and kept in memory; the WAR's files do not
 * change while it runs), with a strong {@code ETag} and {@code 304} to {@code If-None-Match}; other
 * clients get the container's own answer with the same {@code Cache-Control}. Every such answer
 * says {@code Vary: Accept-Encoding}.
 */
@WebFilter(urlPatterns = {"/widget/*", "/moderate/*", "/demo/*", "/favicon.ico"})
public class StaticAssets extends HttpFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    static final String REVALIDATE = "no-cache";
    static final String DAY = "public, max-age=86400";

    private static final Set<String> COMPRESSIBLE = Set.of("js", "css", "html", "json", "svg", "txt");
    private static final int MIN_COMPRESSED_SIZE = 512;

    private record Compressed(byte[] body, String etag, String type) {}

    private final Map<String, Optional<Compressed>> compressed = new ConcurrentHashMap<>();
    private volatile String version;

    @Override
    public void init() {
        version = buildVersion(getServletContext()).orElse(null);
    }

    /** The build's version from the WAR's manifest; the {@code v} of versioned URLs. */
    public static Optional<String> buildVersion(ServletContext context) {
        try (InputStream in = context.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            if (in == null) {
                return Optional.empty();
            }
            String v = new Manifest(in).getMainAttributes().getValue("Implementation-Version");
            return Optional.ofNullable(v).filter(s -> !s.isBlank());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        String path = SecurityHeaders.path(request);
        String file = path.endsWith("/") ? path + "index.html" : path;
        response.setHeader("Cache-Control", cacheControl(file, request.getParameter("v")));
        response.addHeader("Vary", "Accept-Encoding");
        if (!acceptsGzip(request.getHeader("Accept-Encoding"))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Compressed> gz = compressed.computeIfAbsent(file, this::compress);
        if (gz.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Compressed c = gz.get();
        response.setHeader("ETag", c.etag());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(c.etag()) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(c.type());
        response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(c.body().length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(c.body());
        }
    }

    /** The {@code Cache-Control} of {@code file} asked for with version {@code v} (may be null). */
    String cacheControl(String file, String v) {
        if (file.equals("/favicon.ico")) {
            return DAY;
        }
        if (v != null && version != null && v.equals(version)) {
            return IMMUTABLE;
        }
        return file.endsWith(".html") ? REVALIDATE : SHORT;
    }

    /** Whether {@code Accept-Encoding} accepts gzip (and does not refuse it with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.strip().split(";");
            String coding = fields[0].strip();
            if (coding.equalsIgnoreCase("gzip") || coding.equals("*")) {
                for (int i = 1; i < fields.length; i++) {
                    String param = fields[i].strip().replace(" ", "");
                    if (param.matches("q=0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private Optional<Compressed> compress(String file) {
        int dot = file.lastIndexOf('.');
        if (dot < 0
                || !COMPRESSIBLE.contains(file.substring(dot + 1))
                || file.contains("/WEB-INF")
                || file.contains("/META-INF")) {
            return Optional.empty();
        }
        try (InputStream in = getServletContext().getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] raw = in.readAllBytes();
            if (raw.length < MIN_COMPRESSED_SIZE) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(raw);
            }
            String type =
                    Optional.ofNullable(getServletContext().getMimeType(file)).orElse("application/octet-stream");
            if (type.startsWith("text/")
                    || type.contains("javascript")
                    || type.contains("json")
                    || type.contains("svg")) {
                type = type.contains("charset") ? type : type + ";charset=UTF-8";
            }
            return Optional.of(new Compressed(out.toByteArray(), "\"" + sha256(raw) + "-gz\"", type));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
