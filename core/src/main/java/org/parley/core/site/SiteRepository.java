package org.parley.core.site;

import java.util.List;
import java.util.Optional;
import org.parley.core.NotFoundException;
import org.parley.core.site.internal.SiteEntity;

/** Storage of sites, implemented in {@code infrastructure.persistence}. */
public interface SiteRepository {
    Optional<SiteEntity> byKey(String key);

    Optional<SiteEntity> byId(long id);

    List<SiteEntity> all();

    void add(SiteEntity site);

    /** The site with this key, or {@link org.parley.core.NotFoundException}. */
    default SiteEntity require(String key) {
        return byKey(key).orElseThrow(() -> new NotFoundException("site", key));
    }
}
