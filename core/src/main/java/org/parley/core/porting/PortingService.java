package org.parley.core.porting;

import java.io.InputStream;
import java.io.Writer;
import java.util.function.LongConsumer;
import org.parley.core.review.Actor;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Imports another system's comments into a site and exports a site. Thread-safe. Obtain it from
 * {@code ParleyCore.porting()}.
 *
 * <p>An import is one transaction: a file that turns out malformed half-way writes nothing
 * ({@link org.parley.core.ValidationException}, field {@code file}). Files are read as streams, a
 * record at a time; see {@link Importer} for the rules and {@link SiteExporter} for the export
 * format, which imports back as it was.
 */
public final class PortingService {
    private final UnitOfWork work;

    public PortingService(UnitOfWork work) {
        this.work = work;
    }

    /**
     * Imports a Disqus export or WordPress WXR file ({@code application/xml}) or a Parley export
     * ({@code application/x-ndjson}) into the site, recording {@code actor} in the audit log.
     *
     * @throws org.parley.core.NotFoundException   no such site
     * @throws org.parley.core.ValidationException unsupported media type, or a malformed file
     */
    public ImportReport importFile(
            String siteKey, InputStream in, String mediaType, BodySanitiser sanitiser, Actor actor) {
        Require.present("sanitiser", sanitiser);
        Require.present("actor", actor);
        work.read(r -> r.sites().require(siteKey));
        try (SourceReader reader = SourceReaders.open(in, mediaType)) {
            return work.write(r -> {
                SiteEntity site = r.sites().require(siteKey);
                return new Importer(r, site, reader.format(), sanitiser, actor).run(reader);
            });
        }
    }

    /**
     * Writes the site as NDJSON ({@code parley-export/1}) to {@code out}, reporting the number of
     * records written so far to {@code progress} (may be {@code null}); returns that number.
     *
     * @throws org.parley.core.NotFoundException no such site
     */
    public long export(String siteKey, Writer out, LongConsumer progress) {
        Require.present("out", out);
        return work.read(r -> new SiteExporter(r, out, progress).run(r.sites().require(siteKey)));
    }
}
