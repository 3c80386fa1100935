package org.parley.core.author.internal;

import java.util.UUID;
import org.parley.core.author.AuthorId;
import org.parley.core.author.AuthorKind;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;

/** Creates the authors of imported comments, bound to the importing site. Not part of the API. */
public final class ImportedAuthors {
    private ImportedAuthors() {}

    /** A guest author of the site (name at most 100 characters, e-mail already checked or {@code null}). */
    public static UUID guest(Repositories r, SiteEntity site, String name, String email) {
        AuthorEntity author =
                new AuthorEntity(AuthorId.random(), AuthorKind.GUEST, name, email, site.id(), null, r.now());
        r.authors().add(author);
        return author.id().value();
    }

    /** The site's author for this host-site account, created if the site has none yet. */
    public static UUID external(Repositories r, SiteEntity site, String externalId, String name, String email) {
        return r.authors()
                .byExternalId(site.id(), externalId)
                .map(a -> a.id().value())
                .orElseGet(() -> {
                    AuthorEntity author = new AuthorEntity(
                            AuthorId.random(), AuthorKind.EXTERNAL, name, email, site.id(), externalId, r.now());
                    r.authors().add(author);
                    return author.id().value();
                });
    }
}
