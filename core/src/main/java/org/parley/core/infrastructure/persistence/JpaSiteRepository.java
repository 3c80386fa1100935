package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.parley.core.site.SiteRepository;
import org.parley.core.site.internal.SiteEntity;

/**
 * Sites by key through a key → id map the {@link Store} keeps across transactions: a site's key
 * never changes and ids are never reused, so the id found once names the same site ever after, and
 * {@code em.find} by id answers from the transaction's persistence context when the site is
 * already loaded (a post looks its site up several times) instead of running a query each time.
 * The row itself is always read in the current transaction, so what it says is never stale; a
 * site that is gone falls through to the query.
 */
final class JpaSiteRepository implements SiteRepository {
    private final EntityManager em;
    private final Queries q;
    private final ConcurrentMap<String, Long> ids;

    JpaSiteRepository(EntityManager em, Queries q, ConcurrentMap<String, Long> ids) {
        this.em = em;
        this.q = q;
        this.ids = ids;
    }

    @Override
    public Optional<SiteEntity> byKey(String key) {
        Long id = key == null ? null : ids.get(key);
        if (id != null) {
            SiteEntity site = em.find(SiteEntity.class, id);
            if (site != null && site.key().equals(key)) {
                return Optional.of(site);
            }
            ids.remove(key, id);
        }
        Optional<SiteEntity> site =
                q.first("select s from SiteEntity s where s.siteKey = :k", SiteEntity.class, "k", key);
        site.filter(s -> s.id() != null).ifPresent(s -> ids.put(key, s.id()));
        return site;
    }

    @Override
    public Optional<SiteEntity> byId(long id) {
        return Optional.ofNullable(em.find(SiteEntity.class, id));
    }

    @Override
    public List<SiteEntity> all() {
        return q.all("select s from SiteEntity s order by s.siteKey", SiteEntity.class);
    }

    @Override
    public void add(SiteEntity site) {
        em.persist(site);
    }
}
