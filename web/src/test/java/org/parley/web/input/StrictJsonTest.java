package org.parley.web.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.web.problem.ProblemException;

/** Request bodies bind only when they are exactly what the request record declares. */
class StrictJsonTest {

    record Guest(String name) {}

    record Post(
            String body,
            Integer version,
            Boolean confirm,
            Guest author,
            List<String> origins,
            Map<String, Double> thresholds) {}

    private static Post read(String json) throws Exception {
        StrictJson reader = new StrictJson();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String text = StrictJson.decode(StrictJson.readCapped(new ByteArrayInputStream(bytes), 1024));
        return (Post) reader.bind(text, Post.class);
    }

    private static ProblemException refused(String json) {
        return assertThrows(ProblemException.class, () -> read(json));
    }

    @Test
    void exactTypesBind() throws Exception {
        Post p = read(
                "{\"body\": \"hi \\ud83d\\ude00\", \"version\": 2, \"confirm\": true, \"author\": {\"name\": \"Ann\"},"
                        + " \"origins\": [\"https://a.example\"], \"thresholds\": {\"uncivil\": 0.5}, \"unknown\": 1}");
        assertEquals(
                new Post(
                        "hi \uD83D\uDE00",
                        2,
                        true,
                        new Guest("Ann"),
                        List.of("https://a.example"),
                        Map.of("uncivil", 0.5)),
                p);
    }

    @Test
    void nothingIsCoerced() {
        assertEquals("validation", refused("{\"body\": 123}").code());
        assertEquals("validation", refused("{\"version\": 1.5}").code());
        assertEquals("validation", refused("{\"version\": \"7\"}").code());
        assertEquals("validation", refused("{\"confirm\": \"true\"}").code());
        assertEquals("validation", refused("{\"origins\": [null]}").code());
        assertEquals("validation", refused("{\"author\": \"Ann\"}").code());
    }

    @Test
    void oneValueWithoutDuplicateKeys() {
        assertEquals("malformed-json", refused("{\"body\": \"a\"} x").code());
        assertEquals(
                "malformed-json", refused("{\"body\": \"a\", \"body\": \"b\"}").code());
        assertEquals("malformed-json", refused("[1]").code());
        assertEquals(
                "malformed-json",
                refused("{\"author\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(41))
                        .code());
    }

    @Test
    void textNoDatabaseStoresFaithfullyIsRefused() {
        ProblemException nul = refused("{\"author\": {\"name\": \"A\\u0000\"}}");
        assertEquals("validation", nul.code());
        assertTrue(nul.getMessage().contains("author.name"), nul.getMessage());
        assertEquals("validation", refused("{\"body\": \"\\udc00\"}").code());
        assertEquals(
                "validation",
                assertThrows(
                                ProblemException.class,
                                () -> StrictJson.decode(new byte[] {'{', '"', (byte) 0xff, '"', '}'}))
                        .code());
    }

    @Test
    void bodiesOverTheLimitAre413() {
        ProblemException e = assertThrows(
                ProblemException.class, () -> StrictJson.readCapped(new ByteArrayInputStream(new byte[2000]), 1024));
        assertEquals(413, e.status());
    }
}
