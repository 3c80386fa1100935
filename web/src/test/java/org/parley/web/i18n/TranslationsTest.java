package org.parley.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parley.web.problem.Problem;

class TranslationsTest {

    private static final Translations T = Translations.standard();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

    @Test
    void everyMessageHasAGermanTextWithTheSamePlaceholders() {
        for (String key : T.keys()) {
            String german = T.raw(key, Language.DE);
            assertTrue(german != null && !german.isBlank(), "no German text for " + key);
            assertEquals(placeholders(T.raw(key, Language.EN)), placeholders(german), key);
        }
        assertFalse(T.keys().isEmpty());
    }

    @Test
    void theGermanCatalogueHasNoKeyTheEnglishOneLacks() throws IOException {
        var german = new Properties();
        try (var in = Translations.class.getResourceAsStream("messages_de.properties")) {
            german.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertEquals(T.keys(), new TreeSet<>(german.stringPropertyNames()));
    }

    @Test
    void messagesAreRecognisedWithTheirValues() {
        assertEquals(
                "Ihr Kommentar enthält zu viele Links.",
                T.translate("Your comment contains too many links.", Language.DE));
        assertEquals(
                "Das könnte herablassend und beleidigend wirken. Möchten Sie es vor dem Absenden umformulieren?",
                T.translate(
                        "This may come across as dismissive and insulting. Would you like to rephrase it before posting?",
                        Language.DE));
        assertEquals(
                "Das könnte wie ein persönlicher Angriff wirken. Möchten Sie es vor dem Absenden umformulieren?",
                T.translate(
                        "This may come across as a personal attack. Would you like to rephrase it before posting?",
                        Language.DE));
        assertEquals("muss zwischen 1 und 100 liegen", T.translate("must be between 1 and 100", Language.DE));
        assertEquals(
                "sort: muss eines von newest, oldest sein",
                T.translate("sort: must be one of newest, oldest", Language.DE));
        assertEquals("Den Artikel a-1 gibt es nicht.", T.translate("article a-1 does not exist.", Language.DE));
        assertEquals(
                "Bitte warten Sie 12 s, bevor Sie es noch einmal versuchen.",
                T.translate("Please wait 12 s before trying again.", Language.DE));
        assertEquals("Something no catalogue has.", T.translate("Something no catalogue has.", Language.DE));
        assertEquals(
                "Your comment contains too many links.",
                T.translate("Your comment contains too many links.", Language.EN));
    }

    @Test
    void aValidationProblemGetsGermanFieldsAndDetail() {
        Problem english = new Problem(
                Problem.TYPE_BASE + "validation",
                "The request has invalid fields",
                400,
                "body: must not be empty; author.name: must be at most 80 characters",
                "/api/v1/x",
                "validation",
                List.of(
                        new Problem.FieldError("body", "must not be empty"),
                        new Problem.FieldError("author.name", "must be at most 80 characters")),
                null);
        Problem german = new ReaderLanguageFilter().problem(english, Language.DE);
        assertEquals("Die Anfrage enthält ungültige Felder", german.title());
        assertEquals("body: darf nicht leer sein; author.name: darf höchstens 80 Zeichen lang sein", german.detail());
        assertEquals("body", german.errors().get(0).field(), "field names stay");
        assertEquals("validation", german.code());
    }

    @Test
    void aRejectionReasonIsASentenceInTheReadersLanguageAndOnlyKnownCodesAreNamed() {
        assertEquals("It looks like spam or advertising.", PublicReasons.sentence("spam", Language.EN));
        assertEquals("Er sieht nach Spam oder Werbung aus.", PublicReasons.sentence("spam", Language.DE));
        assertEquals("other", PublicReasons.code("troll_from_last_week"));
        assertEquals("other", PublicReasons.code(null));
        assertEquals(
                "Er hält sich nicht an die Diskussionsregeln der Website.",
                PublicReasons.sentence("troll_from_last_week", Language.DE));
    }

    @Test
    void theRequestedLanguageIsTheWidgetsLangElseAcceptLanguage() {
        assertEquals(Language.DE, Language.of("de", "en-US,en;q=0.9"));
        assertEquals(Language.EN, Language.of("en", "de"));
        assertEquals(Language.DE, Language.of(null, "fr-CH, fr;q=0.9, de;q=0.8, *;q=0.5"));
        assertEquals(Language.DE, Language.of("xx", "de-AT"));
        assertEquals(Language.EN, Language.of(null, "fr, it"));
        assertEquals(Language.EN, Language.of(null, "*"));
        assertEquals(Language.EN, Language.of(null, ";;;q=x"));
        assertEquals(Language.EN, Language.of(null, null));
    }

    /**
     * The sentences the reader-facing code writes (problem titles and details, post messages) are
     * in the catalogue: a new one without a German text fails here. Developer hints ("Send {...}")
     * and staff-only messages are left in English.
     */
    @Test
    void everySentenceReadersMayBeShownIsInTheCatalogue() throws IOException {
        Pattern literal = Pattern.compile("\"([A-Z][^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\"");
        List<String> missing = new ArrayList<>();
        Path root = Path.of("src/main/java/org/parley/web");
        for (String pkg : List.of(
                "reader",
                "problem",
                "input",
                "live",
                "security/Caller.java",
                "security/Authentication.java",
                "security/Cors.java",
                "security/IdempotencyStore.java")) {
            try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String code = line.strip();
                        if (code.startsWith("*")
                                || code.startsWith("//")
                                || code.startsWith("@")
                                || code.contains("LOG.")
                                || code.contains("summary =")
                                || code.contains("description =")) {
                            continue;
                        }
                        Matcher m = literal.matcher(code);
                        while (m.find()) {
                            String text = m.group(1);
                            if (!text.contains(" ")
                                    || text.matches("[A-Za-z-]+(, [A-Za-z-]+)+")
                                    || text.startsWith("Send ")
                                    || text.startsWith("Sign in as")
                                    || text.startsWith("This needs")
                                    || text.startsWith("You do not moderate")
                                    || text.startsWith("Readers may not")
                                    || text.startsWith("Encoded ")
                                    || text.endsWith(" ")
                                    || code.contains(m.group() + " +")
                                    || code.contains("+ " + m.group())) {
                                continue;
                            }
                            if (T.translate(text, Language.DE).equals(text)) {
                                missing.add(file.getFileName() + ": " + text);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().sorted().toList();
    }
}
