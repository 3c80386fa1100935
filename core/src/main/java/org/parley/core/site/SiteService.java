package org.parley.core.site;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.core.ConflictException;
import org.parley.core.infrastructure.persistence.Store;

/**
 * Creates, updates and reads sites. Thread-safe; every method is one transaction. Obtain it from
 * {@code ParleyCore.sites()}.
 */
public final class SiteService {
    private final Store store;

    public SiteService(Store store) {
        this.store = store;
    }

    /** Creates a site; {@link ConflictException} ({@code conflict.duplicate-key}) if the key is taken. */
    public Site create(SiteDraft draft) {
        return store.write(r -> {
            if (r.sites().byKey(draft.key()).isPresent()) {
                throw new ConflictException(ConflictException.DUPLICATE_KEY, "site " + draft.key() + " already exists");
            }
            SiteEntity site = new SiteEntity(draft, r.now());
            r.sites().add(site);
            return site.toSite();
        });
    }

    /** Replaces name, origins, mode and settings of the site with {@code draft.key()}. */
    public Site update(SiteDraft draft) {
        return store.write(r -> {
            SiteEntity site = r.sites().require(draft.key());
            site.apply(draft);
            return site.toSite();
        });
    }

    /** The site, or {@link org.parley.core.NotFoundException}. */
    public Site get(String key) {
        return store.read(r -> r.sites().require(key).toSite());
    }

    public Optional<Site> find(String key) {
        return store.read(r -> r.sites().byKey(key).map(SiteEntity::toSite));
    }

    /** Every site, by key. */
    public List<Site> list() {
        return store.read(r -> r.sites().all().stream().map(SiteEntity::toSite).toList());
    }

    /** Adds an allowed origin (normalised); effective for the next request. */
    public Site allowOrigin(String key, String origin) {
        return changeOrigins(key, origin, true);
    }

    /** Removes an allowed origin, if present. */
    public Site disallowOrigin(String key, String origin) {
        return changeOrigins(key, origin, false);
    }

    private Site changeOrigins(String key, String origin, boolean allow) {
        String normalised = Origins.normalise(origin);
        return store.write(r -> {
            SiteEntity site = r.sites().require(key);
            Set<String> origins = new HashSet<>(site.origins());
            if (allow) {
                origins.add(normalised);
            } else {
                origins.remove(normalised);
            }
            site.setOrigins(origins);
            return site.toSite();
        });
    }

    /** Whether the site exists and allows {@code origin}. */
    public boolean allowsOrigin(String key, String origin) {
        return find(key).map(s -> s.allowsOrigin(origin)).orElse(false);
    }
}
