package org.parley.moderation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.moderation.screening.SitePolicy;

class MainTest {

    private record Result(int status, List<JsonObject> lines, String out, String err) {}

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        List<JsonObject> lines = text.lines()
                .filter(l -> l.startsWith("{\""))
                .map(l -> Json.createReader(new StringReader(l)).readObject())
                .toList();
        return new Result(status, lines, text, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void sanitizeWritesOneHtmlLinePerInputLine() {
        Result r = run("""
                {"id": "1", "text": "**bold** and <script>alert(1)</script>"}
                {"id": "2", "text": "see https://example.org"}
                """, "sanitize");
        assertEquals(0, r.status());
        assertEquals(2, r.lines().size());
        assertEquals("1", r.lines().get(0).getString("id"));
        assertEquals("<p><strong>bold</strong> and </p>\n", r.lines().get(0).getString("html"));
        assertEquals(
                "script",
                r.lines()
                        .get(0)
                        .getJsonObject("removed")
                        .getJsonArray("elements")
                        .getString(0));
        assertTrue(r.lines().get(1).getString("html").contains("rel=\"nofollow ugc noopener noreferrer\""));
    }

    @Test
    void badLinesGetAnErrorLineForTheirIdAndTheRunGoesOn() {
        Result r = run("""
                {"id": "ok-1", "text": "fine"}
                this is not json
                {"id": "no-text"}
                {"id": "wrong-type", "text": 42}
                [1, 2, 3]

                {"id": 7, "text": "numbers are fine ids"}
                """, "sanitize");
        assertEquals(0, r.status());
        assertEquals(6, r.lines().size(), r.out());
        assertTrue(r.lines().get(0).containsKey("html"));
        assertTrue(r.lines().get(1).isNull("id"));
        assertTrue(r.lines().get(1).getString("error").startsWith("not valid JSON"));
        assertEquals("no-text", r.lines().get(2).getString("id"));
        assertEquals("missing string field \"text\"", r.lines().get(2).getString("error"));
        assertEquals("wrong-type", r.lines().get(3).getString("id"));
        assertTrue(r.lines().get(4).containsKey("error"));
        assertEquals(7, r.lines().get(5).getInt("id"));
    }

    @Test
    void harnessAdapterReadsPayloadAndWritesOutput() {
        Result r = run(
                "{\"id\":\"x-1\",\"source\":\"test\",\"payload\":\"<img src=x onerror=alert(1)>hi\"}\n",
                "harness-adapter");
        JsonObject line = r.lines().get(0);
        assertEquals("x-1", line.getString("id"));
        assertFalse(line.getString("output").contains("onerror"));
        assertTrue(line.getString("output").contains("hi"));
    }

    @Test
    void sanitizeWithImagesKeepsHttpsImages() {
        Result r = run("{\"id\":\"i\",\"text\":\"![chart](https://example.org/c.png)\"}\n", "sanitize", "--images");
        assertTrue(r.lines().get(0).getString("html").contains("<img src=\"https://example.org/c.png\""));
    }

    @Test
    void policyPrintsTheDefaultsAsReadableJson() {
        Result r = run("", "policy");
        assertEquals(0, r.status());
        assertEquals(SitePolicy.defaults(), SitePolicy.fromJson(r.out()));
    }

    @Test
    void scoreWritesScoresVerdictReasonsAndSpans() {
        Result r = run("""
                {"id": "hostile", "text": "Yeah cool story man"}
                {"id": "civil", "text": "I strongly disagree: the 1997 treaty already used this wording"}
                {"id": "broken"}
                """, "score");
        assertEquals(3, r.lines().size(), r.out());
        JsonObject hostile = r.lines().get(0);
        assertEquals("hostile", hostile.getString("id"));
        assertEquals("HOLD", hostile.getString("verdict"));
        assertTrue(hostile.getJsonNumber("uncivil").doubleValue() > 0.5);
        assertTrue(
                hostile.getJsonObject("attributes").getJsonNumber("dismissive").doubleValue() > 0.5);
        assertEquals("civility.dismissive", hostile.getJsonArray("reasons").getString(0));
        JsonObject span = hostile.getJsonArray("spans").getJsonObject(0);
        assertEquals("Yeah cool story man".substring(span.getInt("start"), span.getInt("end")), span.getString("text"));
        JsonObject civil = r.lines().get(1);
        assertEquals("PUBLISH", civil.getString("verdict"));
        assertEquals(0, civil.getJsonArray("reasons").size());
        assertEquals(9, civil.getJsonObject("attributes").size() + 1);
        // whether the sentence encoder ran or the lexical stage was decisive (the cascade)
        for (JsonObject line : List.of(hostile, civil)) {
            assertTrue(List.of("ran", "skipped").contains(line.getString("semantic")), line::toString);
        }
        assertEquals("broken", r.lines().get(2).getString("id"));
        assertTrue(r.lines().get(2).containsKey("error"));
    }

    @Test
    void scoreUsesThePolicyFile(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\"bannedWords\": [\"treaty\"]}");
        Result r = run("{\"id\": \"1\", \"text\": \"the 1997 treaty\"}\n", "score", "--policy", policy.toString());
        assertEquals("REJECT", r.lines().get(0).getString("verdict"));
        assertEquals("words.banned", r.lines().get(0).getJsonArray("reasons").getString(0));
    }

    @Test
    void dryRunReportsChangedVerdicts(@TempDir Path dir) throws Exception {
        Path old = dir.resolve("old.json");
        Path stricter = dir.resolve("new.json");
        Files.writeString(old, "{}");
        Files.writeString(stricter, "{\"suspectWords\": [\"budget\"]}");
        Result r = run("""
                {"id": "a", "text": "The budget for the new library was published today."}
                {"id": "b", "text": "The council meets again on Thursday evening."}
                not json
                """, "dry-run", "--old", old.toString(), "--new", stricter.toString());
        assertEquals(0, r.status());
        JsonObject report = r.lines().get(r.lines().size() - 1);
        assertEquals(2, report.getInt("total"));
        assertEquals(1, report.getInt("changed"));
        assertEquals("a", report.getJsonArray("changes").getJsonObject(0).getString("id"));
        assertEquals("HOLD", report.getJsonArray("changes").getJsonObject(0).getString("to"));
        assertTrue(r.out().contains("\"error\""));
    }

    @Test
    void trainAndEvaluateReturnTheirExitStatusThroughRun(@TempDir Path dir) {
        Result noOut = run("", "train", "--data", dir.toString());
        assertEquals(2, noOut.status(), "train without --out never writes over the shipped weights");
        assertTrue(noOut.err().contains("needs --out FILE"), noOut.err());

        Result dangling = run("", "evaluate", "--model");
        assertEquals(2, dangling.status());
        assertTrue(dangling.err().startsWith("usage: Evaluator"), dangling.err());

        Path missing = dir.resolve("missing.bin.gz");
        Result unreadable = run(
                "",
                "train",
                "--lexical-model",
                missing.toString(),
                "--out",
                dir.resolve("m").toString());
        assertEquals(1, unreadable.status());
        assertTrue(unreadable.err().startsWith("training failed: "), unreadable.err());
        assertFalse(Files.exists(dir.resolve("m")));

        Result noModel = run("", "evaluate", "--model", missing.toString());
        assertEquals(1, noModel.status());
        assertTrue(noModel.err().startsWith("evaluation failed: "), noModel.err());
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result r = run("", "frobnicate");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("unknown command: frobnicate"));
        assertTrue(r.err().contains("usage:"));
    }

    @Test
    void noCommandPrintsUsage() {
        Result r = run("");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("usage:"));
    }

    @Test
    void unreadablePolicyFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"noSuchKey\": 1}");
        Result r = run("", "score", "--policy", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("noSuchKey"), r.err());
        Result missing =
                run("", "score", "--policy", dir.resolve("missing.json").toString());
        assertEquals(2, missing.status());
    }
}
