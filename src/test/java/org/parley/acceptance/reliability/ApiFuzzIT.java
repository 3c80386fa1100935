package org.parley.acceptance.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.RawHttp;
import org.parley.acceptance.support.Readers;

/**
 * Property-based fuzzing of every operation in the server's OpenAPI document ({@code /openapi}):
 * each request is generated from the operation's parameters and body schema, either fitting them
 * (with real ids of a site, article, comments and authors the test creates for itself) or broken
 * in one place (wrong types, missing fields, huge strings, Unicode edge cases, malformed JSON,
 * invalid UTF-8, bad ids and percent-encoding, bad headers: tokens, cookies, CSRF, Content-Type,
 * Idempotency-Key, Origin, X-Forwarded-For, raw non-ASCII bytes). The properties: no answer is a
 * 5xx, every request is answered, and every 4xx is an RFC 9457 problem document
 * ({@code application/problem+json} with {@code type}, {@code title} and {@code status} equal to
 * the HTTP status), except that a request accepting only {@code text/html} may get a non-empty
 * HTML page (content negotiation; the mail-link pages do). (Issue 8 named Schemathesis; this Java suite is its accepted equivalent.)
 *
 * <p><b>Requests the application never sees.</b> A few kinds of malformed HTTP are refused by
 * Payara's HTTP stack before any Parley code runs, so no filter, exception mapper or error page
 * can shape the answer ({@link ContainerRefusal}; SECURITY.md, "Malformed HTTP"). The fuzzer
 * recognises them from the request it built, and holds them to what the container does: an answer
 * (never a hang), never a 5xx, a 400 without a body; for a malformed percent-escape in the path,
 * where Payara answers 200 with an empty body and logs an exception (a Payara defect), no 5xx and
 * no body. Everything else must keep the full properties. A body on GET or DELETE reaches the
 * application since {@code deploy/payara-preboot.asadmin} allows it.
 *
 * <p>Bounded: {@code parley.fuzz.seconds} (default 75) or {@code parley.fuzz.requests} (default
 * 4,000), whichever ends first; operations are visited round-robin, so each gets requests of every
 * kind. The seed is printed; rerun one with {@code -Dparley.fuzz.seed=N}. Every distinct failure
 * (operation, status, kind) is reported with the request that caused it. Runs in {@code mvn -B
 * verify}; alone: {@code mvn -B verify -pl src/test -am -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiFuzzIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ParleyServer.class)
class ApiFuzzIT {

    static final long DEFAULT_SEED = 20261129L;
    static final int TIMEOUT_MILLIS = 60_000;

    private enum Mode {
        VALID,
        BROKEN_PARAMETER,
        BROKEN_BODY,
        MALFORMED_BODY,
        BAD_HEADERS,
        BAD_TARGET
    }

    private record Request(String method, byte[] target, List<RawHttp.Header> headers, byte[] body) {
        String describe() {
            StringBuilder s = new StringBuilder(method).append(' ').append(printable(target, 300));
            for (RawHttp.Header h : headers) {
                s.append("\n    ").append(h.name()).append(": ").append(printable(h.value(), 200));
            }
            if (body != null) {
                s.append("\n    body (").append(body.length).append(" bytes): ").append(printable(body, 300));
            }
            return s.toString();
        }
    }

    private record Staff(String cookie, String csrf) {}

    @Test
    void everyOperationAnswersBadInputWithAProblemAndNeverA5xx(ParleyServer.Server server) throws Exception {
        long seed = Long.getLong("parley.fuzz.seed", DEFAULT_SEED);
        Duration budget = Duration.ofSeconds(Long.getLong("parley.fuzz.seconds", 75));
        int maxRequests = Integer.getInteger("parley.fuzz.requests", 4_000);
        System.out.println("[api-fuzz] seed " + seed + " (rerun with -Dparley.fuzz.seed=" + seed + "), budget "
                + budget.toSeconds() + " s or " + maxRequests + " requests");

        OpenApiOperations api = OpenApiOperations.of(openApi(server));
        assertTrue(api.operations().size() >= 30, "the OpenAPI document lists the API: " + api.operations());
        FuzzInputs inputs = new FuzzInputs(seed, api);
        Map<String, List<String>> known = fixtures(server, seed);
        Staff staff = signIn(server);
        String readerToken = known.get("token").getFirst();

        Map<String, String> failures = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Map<ContainerRefusal, Integer> refusals = new TreeMap<>();
        Map<String, Integer> perOperation = new LinkedHashMap<>();
        Instant deadline = Instant.now().plus(budget);
        int sent = 0;
        Mode[] modes = Mode.values();
        while (sent < maxRequests && Instant.now().isBefore(deadline)) {
            OpenApiOperations.Operation op =
                    api.operations().get(sent % api.operations().size());
            Mode mode = sent < api.operations().size()
                    ? Mode.VALID
                    : modes[inputs.random().nextInt(modes.length)];
            Request request = build(op, mode, inputs, known, staff, readerToken);
            sent++;
            perOperation.merge(op.toString(), 1, Integer::sum);
            ContainerRefusal refusal =
                    ContainerRefusal.of(request.method(), request.target(), request.headers(), request.body());
            RawHttp.Answer answer;
            try {
                answer = RawHttp.send(
                        server.base(),
                        request.method(),
                        request.target(),
                        request.headers(),
                        request.body(),
                        TIMEOUT_MILLIS);
            } catch (IOException e) {
                failures.putIfAbsent(
                        op + " -> no answer (" + e.getClass().getSimpleName() + ")"
                                + (refusal == null ? "" : " [" + refusal + "]"),
                        "request #" + sent + " (" + mode + "): " + request.describe() + "\n  " + e.getMessage());
                continue;
            }
            statuses.merge(Integer.toString(answer.status()), 1, Integer::sum);
            if (refusal != null) {
                refusals.merge(refusal, 1, Integer::sum);
            }
            String problem = refusal != null
                    ? refusal.check(answer)
                    : asksForHtmlOnly(request.headers()) ? checkHtmlNegotiated(answer) : check(answer);
            if (problem != null) {
                failures.putIfAbsent(
                        op + " -> " + answer.status() + " " + problem + (refusal == null ? "" : " [" + refusal + "]"),
                        "request #" + sent + " (" + mode + "): "
                                + request.describe() + "\n  answer: " + answer.status() + " "
                                + answer.header("content-type") + " "
                                + printable(answer.body(), 300));
            }
        }
        System.out.println("[api-fuzz] " + sent + " requests to " + perOperation.size()
                + " operations, answers by status " + statuses + ", refused by the container before the application "
                + refusals + ", seed " + seed);
        assertEquals(api.operations().size(), perOperation.size(), "every operation was exercised: " + perOperation);
        StringBuilder report = new StringBuilder();
        failures.forEach((kind, example) ->
                report.append("\n- ").append(kind).append("\n  ").append(example));
        assertTrue(
                failures.isEmpty(),
                failures.size() + " kinds of answers break the properties (no 5xx, every 4xx an "
                        + "RFC 9457 problem), seed " + seed + ":" + report);
    }

    /** Null when the answer keeps the properties, else what is wrong with it. */
    static String check(RawHttp.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "4xx not application/problem+json (" + type + ")";
        }
        JsonObject problem;
        try (JsonReader reader = Json.createReader(new StringReader(answer.text()))) {
            problem = reader.readObject();
        } catch (RuntimeException e) {
            return "4xx problem body is not a JSON object";
        }
        if (!(problem.get("type") instanceof JsonString) || !(problem.get("title") instanceof JsonString)) {
            return "4xx problem without type or title";
        }
        if (!(problem.get("status") instanceof JsonNumber n) || n.intValue() != status) {
            return "4xx problem status differs from the HTTP status";
        }
        return null;
    }

    /** True when the request's only acceptable type is {@code text/html} (a browser following a page link). */
    static boolean asksForHtmlOnly(List<RawHttp.Header> headers) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase("Accept"))
                .map(h -> new String(h.value(), StandardCharsets.ISO_8859_1).trim())
                .anyMatch(v -> v.equalsIgnoreCase("text/html"));
    }

    /**
     * Content negotiation (RFC 9457, section 3): a client that accepts only HTML may be answered a
     * 4xx as an HTML page (the mail-link pages do); otherwise the same properties as {@link #check}.
     */
    static String checkHtmlNegotiated(RawHttp.Answer answer) {
        String type = answer.header("content-type");
        if (answer.status() >= 400 && answer.status() < 500 && type != null && type.startsWith("text/html")) {
            return answer.text().isBlank() ? "4xx HTML page with an empty body" : null;
        }
        return check(answer);
    }

    private static Request build(
            OpenApiOperations.Operation op,
            Mode mode,
            FuzzInputs in,
            Map<String, List<String>> known,
            Staff staff,
            String readerToken) {
        Map<String, List<String>> values = new HashMap<>(known);
        values.put("id", known.get(op.path().contains("/authors/") ? "authorId" : "commentId"));
        StringBuilder path = new StringBuilder();
        StringBuilder query = new StringBuilder();
        List<RawHttp.Header> headers = new ArrayList<>();
        boolean breakParameter = mode == Mode.BROKEN_PARAMETER;
        String broken = breakParameter && !op.parameters().isEmpty()
                ? in.pick(op.parameters()).name()
                : null;
        Map<String, String> pathValues = new HashMap<>();
        for (OpenApiOperations.Parameter p : op.parameters()) {
            boolean breakThis = p.name().equals(broken);
            if (!breakThis && !p.required() && !values.containsKey(p.name()) && in.chance(50)) {
                continue;
            }
            String value;
            if (breakThis) {
                if (!"path".equals(p.in()) && in.chance(25)) {
                    continue; // missing
                }
                value = in.nastyString();
            } else {
                JsonValue v = in.valid(p.schema(), p.name(), values, 0);
                value = v instanceof JsonString s ? s.getString() : v.toString();
            }
            switch (p.in()) {
                case "path" -> pathValues.put(p.name(), encode(value));
                case "query" ->
                    query.append(query.isEmpty() ? "?" : "&")
                            .append(encode(p.name()))
                            .append('=')
                            .append(encode(value));
                case "header" -> headers.add(RawHttp.Header.of(p.name(), headerSafe(value, breakThis)));
                default -> {}
            }
        }
        String template = op.path();
        for (String part : template.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/');
            if (part.startsWith("{") && part.endsWith("}")) {
                path.append(pathValues.getOrDefault(part.substring(1, part.length() - 1), "x"));
            } else {
                path.append(part);
            }
        }
        byte[] target = (path + query.toString()).getBytes(StandardCharsets.UTF_8);
        if (mode == Mode.BAD_TARGET) {
            target = in.pick(List.of(
                    (path + "/%zz%00").getBytes(StandardCharsets.UTF_8),
                    (path + "?site=%E0%A4%A").getBytes(StandardCharsets.UTF_8),
                    (path + "/..%2F..%2Fetc").getBytes(StandardCharsets.UTF_8),
                    (path + "?" + "a=1&".repeat(5_000)).getBytes(StandardCharsets.UTF_8),
                    concat(path.toString().getBytes(StandardCharsets.UTF_8), new byte[] {'/', (byte) 0xC3, (byte) 0x28
                    }),
                    (path.toString().replace("/api/v1/", "/api/v1//") + query).getBytes(StandardCharsets.UTF_8),
                    ("/api/v1/does-not-exist/" + in.random().nextInt(1000)).getBytes(StandardCharsets.UTF_8)));
        }

        byte[] body = null;
        if (op.body() != null) {
            JsonValue valid = in.valid(op.body(), null, values, 0);
            body = switch (mode) {
                case BROKEN_BODY -> in.invalid(op.body(), valid, 0).toString().getBytes(StandardCharsets.UTF_8);
                case MALFORMED_BODY -> in.malformedBody(valid);
                default -> valid.toString().getBytes(StandardCharsets.UTF_8);
            };
            headers.add(RawHttp.Header.of("Content-Type", "application/json"));
        } else if (mode == Mode.MALFORMED_BODY) {
            body = in.malformedBody(null);
            headers.add(RawHttp.Header.of("Content-Type", "application/json"));
        }

        boolean staffOperation =
                op.path().startsWith("/api/v1/admin") || op.path().startsWith("/api/v1/moderation");
        if (op.path().equals("/api/v1/auth/logout")) {
            headers.add(RawHttp.Header.of("Cookie", "JSESSIONID=" + UUID.randomUUID()));
        } else if (staffOperation) {
            headers.add(RawHttp.Header.of("Cookie", staff.cookie()));
            headers.add(RawHttp.Header.of("X-CSRF-Token", staff.csrf()));
        } else if (!op.path().startsWith("/api/v1/auth")) {
            headers.add(RawHttp.Header.of("Authorization", "Bearer " + readerToken));
        }
        if (mode == Mode.BAD_HEADERS) {
            badHeaders(in, headers);
        }
        return new Request(op.method(), target, headers, body);
    }

    /** Replaces or adds one or two headers with hostile values. */
    private static void badHeaders(FuzzInputs in, List<RawHttp.Header> headers) {
        for (int i = 1 + in.random().nextInt(2); i > 0; i--) {
            RawHttp.Header bad = switch (in.random().nextInt(12)) {
                case 0 ->
                    RawHttp.Header.of(
                            "Authorization",
                            in.pick(List.of(
                                    "Bearer",
                                    "Bearer ",
                                    "Bearer " + in.nastyString().replaceAll("[\\r\\n]", ""),
                                    "Bearer a.b.c",
                                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString(("fuzz-"
                                                                    + in.random()
                                                                            .nextInt(99) + ":x")
                                                            .getBytes(StandardCharsets.UTF_8)),
                                    "Basic !!!",
                                    "Basic Og==",
                                    "Negotiate abc",
                                    "")));
                case 1 ->
                    RawHttp.Header.of(
                            "Content-Type",
                            in.pick(List.of(
                                    "text/plain",
                                    "application/xml",
                                    "application/json; charset=ISO-8859-1",
                                    "multipart/form-data; boundary=x",
                                    "application/json;;;",
                                    "\u0000",
                                    "application/x-www-form-urlencoded")));
                case 2 ->
                    RawHttp.Header.of(
                            "Idempotency-Key",
                            in.pick(List.of(
                                    "",
                                    "x".repeat(10_000),
                                    "key with spaces",
                                    UUID.randomUUID().toString().repeat(40))));
                case 3 -> new RawHttp.Header("Idempotency-Key", "schlüssel-\u00e9-日本".getBytes(StandardCharsets.UTF_8));
                case 4 ->
                    RawHttp.Header.of(
                            "Origin",
                            in.pick(List.of(
                                    "null",
                                    "https://evil.example",
                                    "http://127.0.0.1:1",
                                    "file://",
                                    "https://" + "a".repeat(3_000) + ".example",
                                    "*")));
                case 5 ->
                    RawHttp.Header.of(
                            "X-Forwarded-For",
                            in.pick(List.of(
                                    "garbage",
                                    "1.1.1.1, 2.2.2.2, " + "3.3.3.3, ".repeat(500),
                                    "::1",
                                    "999.999.999.999",
                                    "unknown",
                                    "")));
                case 6 -> RawHttp.Header.of("X-CSRF-Token", in.pick(List.of("", "wrong", "x".repeat(5_000))));
                case 7 ->
                    RawHttp.Header.of(
                            "Cookie",
                            in.pick(List.of(
                                    "JSESSIONID=" + UUID.randomUUID(),
                                    "JSESSIONID=",
                                    "a=b; " + "c=d; ".repeat(500),
                                    "JSESSIONID=\"unterminated")));
                case 8 ->
                    RawHttp.Header.of(
                            "Accept",
                            in.pick(List.of(
                                    "application/xml",
                                    "text/html",
                                    "*/*;q=banana",
                                    "application/problem+json",
                                    "image/png")));
                case 9 -> new RawHttp.Header("X-Fuzz", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, 'x'});
                case 10 ->
                    RawHttp.Header.of(
                            "Accept-Language",
                            in.pick(List.of("xx-INVALID-;q=2", "de-DE,de;q=0.9", "*".repeat(3_000))));
                default ->
                    RawHttp.Header.of(
                            "If-None-Match", in.pick(List.of("\"x\"", "*", "W/\"" + "y".repeat(2_000) + "\"")));
            };
            headers.removeIf(h -> h.name().equalsIgnoreCase(bad.name()));
            headers.add(bad);
        }
    }

    /** A header value that can go out (no line breaks), or the raw nasty value's UTF-8 when breaking it on purpose. */
    private static String headerSafe(String value, boolean broken) {
        String v = value.replaceAll("[\\r\\n]", " ");
        return broken ? v : v.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** The site, article, comments, authors and reader token the fuzzer may use (and harm) without touching other tests'. */
    private static Map<String, List<String>> fixtures(ParleyServer.Server server, long seed) {
        Http admin = Http.admin(server);
        String site = "fuzz-" + Long.toString(seed, 36) + "-" + Long.toString(System.nanoTime() % 100_000, 36);
        Http.Reply created = admin.post(
                "/api/v1/admin/sites",
                Json.createObjectBuilder()
                        .add("key", site)
                        .add("name", "Fuzz")
                        .add("origins", Json.createArrayBuilder().add("https://fuzz.example"))
                        .build());
        assertEquals(201, created.status(), "site: " + created);
        String article = "fuzz-article";
        Http.Reply registered = admin.post(
                "/api/v1/admin/sites/" + site + "/articles",
                Json.createObjectBuilder()
                        .add("key", article)
                        .add("url", "https://fuzz.example/" + article)
                        .add("title", "Fuzzed")
                        .build());
        assertEquals(201, registered.status(), "article: " + registered);
        Http http = new Http(server);
        List<String> comments = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        String token = null;
        for (String name : List.of("Fuzz poster", "Fuzz victim")) {
            Http.Reply reader = http.post(
                    "/api/v1/sites/" + site + "/readers",
                    Json.createObjectBuilder().add("name", name).build());
            assertEquals(201, reader.status(), "reader: " + reader);
            token = token == null ? reader.json().getString("token") : token;
            authors.add(reader.json().getJsonObject("author").getString("id"));
            Http.Reply post = http.post(
                    "/api/v1/articles/" + article + "/comments?site=" + site,
                    Json.createObjectBuilder()
                            .add("body", "A first comment by " + name + " on the customs figures.")
                            .build(),
                    "Authorization",
                    Readers.bearer(reader.json().getString("token")));
            assertEquals(201, post.status(), "comment: " + post);
            comments.add(post.json().getJsonObject("comment").getString("id"));
        }
        Map<String, List<String>> known = new HashMap<>();
        known.put("site", List.of(site));
        known.put("key", List.of(article));
        known.put("article", List.of(article));
        known.put("keys", List.of(article, article + ",missing-article"));
        known.put("commentId", comments);
        known.put("comment", comments);
        known.put("parentId", comments);
        known.put("ids", comments);
        known.put("authorId", authors);
        known.put("token", List.of(token));
        known.put("sort", List.of("newest", "oldest", "top", "replies", "score"));
        known.put("queue", List.of("pending", "reported"));
        known.put("action", List.of("approve", "reject", "feature", "unfeature", "remove", "hold"));
        known.put("reason", List.of("spam", "incivility", "abusive", "off_topic", "other"));
        known.put("moderationMode", List.of("post", "pre"));
        known.put("role", List.of("moderator"));
        known.put("state", List.of("open", "closed", "archived"));
        known.put("origin", List.of("https://fuzz.example", "https://fuzz2.example"));
        known.put("limit", List.of("1", "20", "100"));
        known.put("days", List.of("1", "14"));
        known.put("username", List.of("fuzz-moderator-" + Long.toString(seed, 36)));
        known.put("password", List.of("a-long-fuzz-password-0123"));
        known.put("url", List.of("https://fuzz.example/embedded"));
        return known;
    }

    private static Staff signIn(ParleyServer.Server server) throws IOException {
        byte[] body = Json.createObjectBuilder()
                .add("username", server.adminUser())
                .add("password", server.adminPassword())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(
                server.base(),
                "POST",
                "/api/v1/auth/login".getBytes(StandardCharsets.US_ASCII),
                List.of(RawHttp.Header.of("Content-Type", "application/json")),
                body,
                TIMEOUT_MILLIS);
        assertEquals(200, answer.status(), "sign-in: " + answer.text());
        StringBuilder cookie = new StringBuilder();
        for (String set : answer.header("set-cookie").split("\n")) {
            cookie.append(cookie.isEmpty() ? "" : "; ").append(set.split(";", 2)[0].trim());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.text()))) {
            return new Staff(cookie.toString(), reader.readObject().getString("csrfToken"));
        }
    }

    private static JsonObject openApi(ParleyServer.Server server) throws IOException {
        RawHttp.Answer answer = RawHttp.send(
                server.base(),
                "GET",
                "/openapi".getBytes(StandardCharsets.US_ASCII),
                List.of(RawHttp.Header.of("Accept", "application/json")),
                null,
                180_000);
        assertEquals(200, answer.status(), "/openapi: " + answer.text());
        try (JsonReader reader = Json.createReader(new StringReader(answer.text()))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Bytes as text for a report: printable ASCII kept, everything else escaped, cut at {@code max} characters. */
    static String printable(byte[] bytes, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < bytes.length && s.length() < max; i++) {
            int b = bytes[i] & 0xFF;
            s.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        if (bytes.length > 0 && s.length() >= max) {
            s.append("… (").append(bytes.length).append(" bytes)");
        }
        return s.toString();
    }
}
