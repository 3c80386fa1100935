package org.parley.core.author.internal;

import org.parley.core.ForbiddenException;
import org.parley.core.author.Author;
import org.parley.core.author.AuthorKind;
import org.parley.core.author.Standing;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;

/** What an author's row alone cannot answer: their site's key, and whether they may take part on a site. */
public final class Authors {
    private Authors() {}

    /** The author with the key of the site they belong to. */
    public static Author toAuthor(Repositories r, AuthorEntity author) {
        Long siteId = author.siteId();
        return author.toAuthor(
                siteId == null
                        ? null
                        : r.sites().byId(siteId).map(SiteEntity::key).orElse(null));
    }

    /**
     * Refuses authors of another site, banned and suspended authors, and guests where the site does
     * not allow them. A guest that belongs to no site yet is bound to {@code site} first: an author
     * takes part on one site only, so that only that site's moderators can judge them.
     */
    public static void requireMayParticipate(Repositories r, AuthorEntity author, SiteEntity site) {
        Long own = author.siteId() != null
                ? author.siteId()
                : r.authors().bindToSite(author.id().value(), site.id());
        if (own == null || !own.equals(site.id())) {
            throw new ForbiddenException(ForbiddenException.OTHER_SITE, "this author belongs to another site");
        }
        Standing effective = author.toAuthor((String) null).standingAt(r.now());
        if (effective == Standing.BANNED) {
            throw new ForbiddenException(ForbiddenException.AUTHOR_BANNED, "this author is banned");
        }
        if (effective == Standing.SUSPENDED) {
            throw new ForbiddenException(ForbiddenException.AUTHOR_SUSPENDED, "this author is suspended");
        }
        if (author.kind() == AuthorKind.GUEST && !site.settings().allowGuests()) {
            throw new ForbiddenException(ForbiddenException.GUESTS_NOT_ALLOWED, "sign in to comment on this site");
        }
    }
}
