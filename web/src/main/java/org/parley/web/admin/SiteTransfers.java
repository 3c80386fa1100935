package org.parley.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.core.account.AccountRole;
import org.parley.core.porting.ImportReport;
import org.parley.core.review.Actor;
import org.parley.porting.ModerationSanitiser;
import org.parley.web.cache.ReadCache;
import org.parley.web.platform.ParleyRuntime;
import org.parley.web.problem.ProblemException;
import org.parley.web.security.Caller;
import org.parley.web.security.StaffMember;

/**
 * Administrators move a site's discussions in and out: import a Disqus export, a WordPress WXR
 * file or a Parley export, streamed (never held whole in memory) under its own size limit
 * ({@code parley.import.max-bytes}, 2 GiB by default); export the site as NDJSON, streamed.
 * {@link AdminResource} routes {@code /admin/sites/{site}/imports} and {@code .../export} here
 * (a second root resource under {@code admin/sites/{site}} would hide AdminResource's own
 * routes below that path).
 */
@RequestScoped
public class SiteTransfers {
    static final String NDJSON = "application/x-ndjson";
    private static final Set<String> TYPES = Set.of("application/xml", "text/xml", NDJSON, "application/jsonl");

    /**
     * What an import did; {@code skippedPosts} lists the first 200 skipped posts with their reason,
     * and {@code reasons} says each reason of {@code skipped} in words.
     */
    public record ImportView(
            String format,
            long articlesCreated,
            long articlesExisting,
            long authorsCreated,
            long comments,
            long tombstones,
            long alreadyImported,
            long reattached,
            long undated,
            long skippedTotal,
            Map<String, Long> skipped,
            List<ImportReport.SkippedPost> skippedPosts,
            Map<String, String> reasons) {
        static ImportView of(ImportReport r) {
            Map<String, String> reasons = new java.util.TreeMap<>();
            r.skipped().keySet().forEach(k -> reasons.put(k, SKIP_REASONS.getOrDefault(k, k.replace('-', ' '))));
            return new ImportView(
                    r.format().name().toLowerCase(Locale.ROOT),
                    r.articlesCreated(),
                    r.articlesExisting(),
                    r.authorsCreated(),
                    r.comments(),
                    r.tombstones(),
                    r.alreadyImported(),
                    r.reattached(),
                    r.undated(),
                    r.skippedTotal(),
                    r.skipped(),
                    r.skippedPosts(),
                    reasons);
        }
    }

    /** Why an import left a post out, for administrators (the codes are core's {@link ImportReport}). */
    private static final Map<String, String> SKIP_REASONS = Map.ofEntries(
            Map.entry("spam", "Marked as spam in the source, with no replies"),
            Map.entry("deleted", "Deleted in the source, with no replies"),
            Map.entry("trash", "In the source's trash, with no replies"),
            Map.entry("orphan", "Its thread is not in the file"),
            Map.entry("thread-deleted", "Its thread was deleted in the source"),
            Map.entry("thread-without-url", "Its thread has no URL to key it by"),
            Map.entry("pingback", "A pingback, not a comment"),
            Map.entry("trackback", "A trackback, not a comment"),
            Map.entry("empty", "No text left after cleaning"),
            Map.entry("too-long", "Longer than the site allows"),
            Map.entry("invalid-text", "Text Parley cannot store (invalid characters)"),
            Map.entry("duplicate-id", "The file gave this post's id before; the first post with it was kept"));

    @Inject
    ParleyRuntime runtime;

    @Inject
    ReadCache cache;

    @Inject
    @ConfigProperty(name = "parley.import.max-bytes", defaultValue = "2147483648")
    long maxBytes;

    @Inject
    HttpServletRequest request;

    public ImportView importFile(String site, String contentType, InputStream body) {
        StaffMember member = Caller.of(request).requireStaff(AccountRole.ADMINISTRATOR);
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ProblemException.of(
                    415,
                    "unsupported-media-type",
                    "Unsupported media type",
                    "Send a Disqus or WordPress export as application/xml, or a Parley export as application/x-ndjson.");
        }
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        boolean images = runtime.core().sites().get(site).settings().allowImages();
        try {
            ImportReport report = runtime.core()
                    .porting()
                    .importFile(
                            site,
                            new Limited(body, maxBytes),
                            type,
                            ModerationSanitiser.forSite(images),
                            Actor.moderator("account:" + member.accountId(), member.username()));
            if (report.comments() + report.tombstones() + report.articlesCreated() > 0) {
                // Any number of threads changed: imports are rare, so every cached page goes stale at once.
                cache.changedEverywhere();
            }
            return ImportView.of(report);
        } catch (TooLarge e) {
            throw tooLarge();
        }
    }

    public Response export(String site) {
        runtime.core().sites().get(site);
        StreamingOutput stream = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            runtime.core().porting().export(site, w, null);
            w.flush();
        };
        return Response.ok(stream, NDJSON)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + site.replaceAll("[^A-Za-z0-9._-]", "_") + "-export.ndjson\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private ProblemException tooLarge() {
        return ProblemException.of(
                413,
                "payload-too-large",
                "The file is too large",
                "Imports over the web are limited to " + maxBytes + " bytes (parley.import.max-bytes); nothing was "
                        + "imported. Use the command line (parley-porting.jar) for larger files.");
    }

    /** Thrown through the parser when the body passes the limit; the import's transaction then writes nothing. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the request body is over the import limit", null, false, false);
        }
    }

    /** Stops reading past {@code max} bytes, whatever the request declared. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > max) {
                throw new TooLarge();
            }
        }
    }
}
