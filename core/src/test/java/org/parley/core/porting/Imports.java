package org.parley.core.porting;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.ParleyCore;
import org.parley.core.review.Actor;
import org.parley.core.support.Json;
import org.parley.moderation.sanitize.Sanitized;
import org.parley.moderation.sanitize.Sanitizer;

/** Test helpers: the real sanitiser behind {@link BodySanitiser}, fixtures, and exports read back as JSON. */
final class Imports {
    static final Actor ADMIN = Actor.moderator("account:1", "admin");

    /** The moderation module's standard policy, as the server wires it. */
    static final BodySanitiser SANITISER = new BodySanitiser() {
        @Override
        public Clean html(String html) {
            return clean(Sanitizer.standard().sanitizeHtml(html));
        }

        @Override
        public Clean markdown(String markdown) {
            return clean(Sanitizer.standard().sanitize(markdown));
        }

        private Clean clean(Sanitized s) {
            List<String> removed = new ArrayList<>(s.removed().elements());
            removed.addAll(s.removed().attributes());
            return new Clean(s.html().html(), removed);
        }
    };

    private Imports() {}

    static InputStream resource(String name) {
        InputStream in = Imports.class.getResourceAsStream(name);
        if (in == null) {
            throw new UncheckedIOException(new FileNotFoundException(name));
        }
        return in;
    }

    static byte[] bytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportReport importResource(ParleyCore core, String site, String name) {
        return core.porting().importFile(site, resource(name), "application/xml", SANITISER, ADMIN);
    }

    static ImportReport importNdjson(ParleyCore core, String site, String ndjson) {
        return core.porting()
                .importFile(
                        site,
                        new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                        "application/x-ndjson",
                        SANITISER,
                        ADMIN);
    }

    static String export(ParleyCore core, String site) {
        StringWriter out = new StringWriter();
        core.porting().export(site, out, null);
        return out.toString();
    }

    static List<JsonObject> records(String ndjson, String type) {
        List<JsonObject> out = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                JsonObject o = Json.readObject(line);
                if (type.equals(o.getString("type"))) {
                    out.add(o);
                }
            }
        }
        return out;
    }
}
