package org.parley.porting;

import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import org.parley.core.porting.ImportReport;
import org.parley.core.support.Json;

/** The import report as the command line prints it: the same fields as the HTTP API's report. */
final class ReportJson {
    private ReportJson() {}

    static String of(ImportReport r) {
        JsonObjectBuilder skipped = Json.object();
        r.skipped().forEach(skipped::add);
        var listed = Json.array();
        r.skippedPosts()
                .forEach(p -> listed.add(Json.object().add("source", p.source()).add("reason", p.reason())));
        return Json.object()
                .add("format", r.format().name().toLowerCase(Locale.ROOT))
                .add("articlesCreated", r.articlesCreated())
                .add("articlesExisting", r.articlesExisting())
                .add("authorsCreated", r.authorsCreated())
                .add("comments", r.comments())
                .add("tombstones", r.tombstones())
                .add("alreadyImported", r.alreadyImported())
                .add("reattached", r.reattached())
                .add("undated", r.undated())
                .add("skipped", skipped)
                .add("skippedPosts", listed)
                .build()
                .toString();
    }
}
