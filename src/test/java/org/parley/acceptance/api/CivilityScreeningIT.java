package org.parley.acceptance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.acceptance.support.Http;
import org.parley.acceptance.support.ParleyServer;
import org.parley.acceptance.support.Readers;

/**
 * The packaged server screens with the whole civility model: language detection (Lingua) and the
 * semantic stage (the sentence encoder on ONNX Runtime) run inside Payara, not only in the
 * moderation module's tests. The sentences are written for this test and are in no training file.
 */
@ExtendWith(ParleyServer.class)
class CivilityScreeningIT {

    @Test
    void commentInALanguageTheModelDoesNotScoreIsPublishedWithAFlagNotPassedAsCivil(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http reader = new Http(server);
        String article = Readers.newArticle(admin, "Harbour budget");
        String token = Readers.guestToken(reader, "Odile");
        Http.Reply posted = Readers.post(
                reader,
                token,
                article,
                "Je trouve que le budget du port oublie complètement les quais du nord et leurs pêcheurs.",
                null,
                true);
        assertEquals(201, posted.status(), posted.body());
        assertEquals("published", posted.json().getString("status"), posted.body());
        String id = posted.json().getJsonObject("comment").getString("id");
        List<String> reasons = Readers.screeningReasons(admin, "unmoderated", article, id);
        assertTrue(reasons.contains("language.unscored"), reasons.toString());
    }

    @Test
    void hostileGermanReplyIsHeldAndACivilOneIsPublished(ParleyServer.Server server) {
        Http admin = Http.admin(server);
        Http reader = new Http(server);
        String article = Readers.newArticle(admin, "Hafenhaushalt");
        String token = Readers.guestToken(reader, "Jonas");
        Http.Reply civil = Readers.post(
                reader,
                token,
                article,
                "Die Zahlen zum Hafenhaushalt sind interessant, aber mir fehlt ein Vergleich mit dem Vorjahr.",
                null,
                true);
        assertEquals(201, civil.status(), civil.body());
        assertEquals("published", civil.json().getString("status"), civil.body());
        Http.Reply hostile = Readers.post(
                reader,
                Readers.guestToken(reader, "Kai"),
                article,
                "Du bist echt zu blöd zum Lesen, halt einfach dein dummes Maul.",
                null,
                true);
        assertEquals(201, hostile.status(), hostile.body());
        assertEquals("held", hostile.json().getString("status"), hostile.body());
    }

    @Test
    void serverReportsBothModelStagesAndLanguageDetectionAsReady(ParleyServer.Server server) {
        Http.Reply ready = new Http(server).get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonObject civility = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("civility"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no civility check: " + ready.body()));
        // MicroProfile Health's data values arrive as JSON booleans or strings, depending on the server
        JsonObject data = civility.getJsonObject("data");
        assertEquals("true", data.get("semanticStage").toString().replace("\"", ""), civility.toString());
        assertEquals("true", data.get("languageDetection").toString().replace("\"", ""), civility.toString());
    }
}
