package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.parley.core.account.AccountRepository;
import org.parley.core.account.internal.AccountEntity;

final class JpaAccountRepository implements AccountRepository {
    private final EntityManager em;
    private final Queries q;

    JpaAccountRepository(EntityManager em, Queries q) {
        this.em = em;
        this.q = q;
    }

    @Override
    public Optional<AccountEntity> byUsername(String username) {
        return q.first("select a from AccountEntity a where a.username = :u", AccountEntity.class, "u", username);
    }

    @Override
    public Optional<AccountEntity> byId(long id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id));
    }

    @Override
    public List<AccountEntity> all() {
        return q.all("select a from AccountEntity a order by a.username", AccountEntity.class);
    }

    @Override
    public void add(AccountEntity account) {
        em.persist(account);
    }

    @Override
    public long count() {
        return q.count("select count(a) from AccountEntity a");
    }
}
