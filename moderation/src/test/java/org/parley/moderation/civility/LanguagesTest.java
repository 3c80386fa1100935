package org.parley.moderation.civility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguagesTest {

    @Test
    void englishAndGermanAreDetectedAndScored() {
        String en = Languages.detect(
                "The new tram line was supposed to open in spring, but the depot is still not finished.");
        String de = Languages.detect(
                "Die neue Straßenbahnlinie sollte im Frühjahr öffnen, aber das Depot ist noch nicht fertig.");
        assertEquals("en", en);
        assertEquals("de", de);
        assertTrue(Languages.scored(en));
        assertTrue(Languages.scored(de));
    }

    @Test
    void otherLanguagesAreNotScored() {
        String fr = Languages.detect(
                "La nouvelle ligne de tramway devait ouvrir au printemps, mais le dépôt n'est pas terminé.");
        String es = Languages.detect(
                "La nueva línea de tranvía debía abrir en primavera, pero el depósito aún no está terminado.");
        assertEquals("fr", fr);
        assertEquals("es", es);
        assertFalse(Languages.scored(fr));
        assertFalse(Languages.scored(es));
    }

    @Test
    void textInAnotherScriptIsNotScored() {
        String ru = Languages.detect("Новая трамвайная линия должна была открыться весной, но депо ещё не достроено.");
        assertEquals(Languages.OTHER_SCRIPT, ru);
        assertFalse(Languages.scored(ru));
    }

    @Test
    void linksDoNotMakeEnglishLookForeign() {
        assertEquals("en", Languages.detect("I really disagree with you: see https://example.org/vote-results-2024"));
    }

    @Test
    void shortTextsCountAsEnglishSoTheyAreStillScored() {
        assertEquals("en", Languages.detect("Merci!"));
        assertEquals("en", Languages.detect("ok"));
    }
}
