package org.parley.moderation.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.moderation.civility.Attribute;

class SitePolicyTest {

    @Test
    void emptyJsonIsTheDefaultPolicy() {
        assertEquals(SitePolicy.defaults(), SitePolicy.fromJson("{}"));
    }

    @Test
    void defaultsAreSensible() {
        SitePolicy p = SitePolicy.defaults();
        assertEquals(5_000, p.maxLength());
        assertFalse(p.allowImages());
        assertTrue(p.nudge());
        assertEquals(SitePolicy.DEFAULT_UNCIVIL_THRESHOLD, p.threshold(Attribute.UNCIVIL));
        for (Attribute a : Attribute.values()) {
            assertTrue(p.threshold(a) > 0 && p.threshold(a) < 1, a::key);
        }
    }

    @Test
    void jsonRoundTripKeepsEverySetting() {
        SitePolicy p = SitePolicy.builder()
                .maxLength(800)
                .maxLines(20)
                .maxCombiningMarks(2)
                .allowImages(true)
                .maxLinks(1)
                .bannedWords(List.of("slur"))
                .suspectWords(List.of("shill", "troll*"))
                .allowedWords(List.of("troll bridge"))
                .suspectWordAction(SuspectWordAction.FLAG)
                .uncivilThreshold(0.7)
                .attributeThreshold(Attribute.DISMISSIVE, 0.9)
                .nudge(false)
                .newAuthorApprovals(3)
                .maxRejectionRate(0.4)
                .minDecisionsForRate(10)
                .rateLimit(new RateLimit(3, Duration.ofSeconds(90)))
                .build();
        SitePolicy back = SitePolicy.fromJson(p.toJson());
        assertEquals(p, back);
        assertEquals(Set.of("shill", "troll*"), back.suspectWords());
        assertEquals(0.9, back.threshold(Attribute.DISMISSIVE));
        assertEquals(Duration.ofSeconds(90), back.rateLimit().refillEvery());
    }

    @Test
    void partialJsonChangesOnlyWhatItNames() {
        SitePolicy p = SitePolicy.fromJson("""
                {"bannedWords": ["scum"], "attributeThresholds": {"insult": 0.5}, "suspectWordAction": "flag"}
                """);
        assertEquals(Set.of("scum"), p.bannedWords());
        assertEquals(0.5, p.threshold(Attribute.INSULT));
        assertEquals(SitePolicy.defaults().threshold(Attribute.THREAT), p.threshold(Attribute.THREAT));
        assertEquals(SuspectWordAction.FLAG, p.suspectWordAction());
    }

    @Test
    void unknownKeyIsRefusedByName() {
        PolicyFormatException e =
                assertThrows(PolicyFormatException.class, () -> SitePolicy.fromJson("{\"maxLenght\": 10}"));
        assertTrue(e.getMessage().contains("maxLenght"), e.getMessage());
    }

    @Test
    void badValuesAreRefused() {
        for (String json : List.of(
                "{\"maxLength\": \"long\"}",
                "{\"maxLength\": 0}",
                "{\"uncivilThreshold\": 1.5}",
                "{\"attributeThresholds\": {\"rudeness\": 0.5}}",
                "{\"allowImages\": 1}",
                "{\"suspectWordAction\": \"SHOUT\"}",
                "[1, 2]",
                "not json",
                "{\"maxLinks\": 2.5}")) {
            assertThrows(PolicyFormatException.class, () -> SitePolicy.fromJson(json), json);
        }
    }

    @Test
    void builderRefusesOutOfRangeValues() {
        assertThrows(
                IllegalArgumentException.class,
                () -> SitePolicy.builder().maxLinks(-1).build());
        assertThrows(
                IllegalArgumentException.class,
                () -> SitePolicy.builder()
                        .attributeThreshold(Attribute.THREAT, -0.1)
                        .build());
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(0, Duration.ofSeconds(1)));
    }

    @Test
    void toBuilderLeavesTheOriginalUntouched() {
        SitePolicy original = SitePolicy.defaults();
        SitePolicy changed = original.toBuilder()
                .attributeThreshold(Attribute.DISMISSIVE, 0.95)
                .build();
        assertEquals(0.95, changed.threshold(Attribute.DISMISSIVE));
        assertEquals(SitePolicy.defaults().threshold(Attribute.DISMISSIVE), original.threshold(Attribute.DISMISSIVE));
    }

    @Test
    void overlaySetsOnlyTheGivenKeysAndThresholdsOneByOne() {
        SitePolicy base = SitePolicy.builder()
                .maxLength(800)
                .bannedWords(List.of("casinobonus"))
                .build();
        SitePolicy site = base.overlay(Json.createObjectBuilder()
                .add("uncivilThreshold", 0.8)
                .add("attributeThresholds", Json.createObjectBuilder().add("insult", 0.6))
                .add("unscoredLanguage", "hold")
                .build());
        assertEquals(0.8, site.uncivilThreshold());
        assertEquals(0.6, site.threshold(Attribute.INSULT));
        assertEquals(base.threshold(Attribute.THREAT), site.threshold(Attribute.THREAT), "other thresholds stay");
        assertEquals(800, site.maxLength());
        assertEquals(Set.of("casinobonus"), site.bannedWords());
        assertEquals(UnscoredLanguageAction.HOLD, site.unscoredLanguage());
        assertEquals(base, base.overlay(JsonValue.EMPTY_JSON_OBJECT));
        assertThrows(
                PolicyFormatException.class,
                () -> base.overlay(
                        Json.createObjectBuilder().add("uncivilThreshold", 1.5).build()));
        assertThrows(
                PolicyFormatException.class,
                () -> base.overlay(
                        Json.createObjectBuilder().add("noSuchKey", 1).build()));
    }

    @Test
    void differencesNameEachChangedKeyWithOldAndNewValues() {
        SitePolicy before = SitePolicy.builder()
                .bannedWords(List.of("casinobonus", "cheappills"))
                .build();
        SitePolicy after = before.toBuilder()
                .uncivilThreshold(0.7)
                .attributeThreshold(Attribute.INSULT, 0.6)
                .bannedWords(List.of("cheappills", "freecrypto"))
                .unscoredLanguage(UnscoredLanguageAction.HOLD)
                .build();
        assertEquals(
                List.of(
                        "bannedWords: +freecrypto, -casinobonus",
                        "uncivilThreshold: " + SitePolicy.DEFAULT_UNCIVIL_THRESHOLD + " → 0.7",
                        "attributeThresholds.insult: " + before.threshold(Attribute.INSULT) + " → 0.6",
                        "unscoredLanguage: FLAG → HOLD"),
                before.differences(after));
        assertEquals(List.of(), before.differences(before));
    }
}
