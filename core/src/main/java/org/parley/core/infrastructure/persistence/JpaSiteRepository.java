package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.parley.core.site.SiteRepository;
import org.parley.core.site.internal.SiteEntity;

final class JpaSiteRepository implements SiteRepository {
    private final EntityManager em;
    private final Queries q;

    JpaSiteRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public Optional<SiteEntity> byKey(String key) {
        return q.first("select s from SiteEntity s where s.siteKey = :k", SiteEntity.class, "k", key);
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
