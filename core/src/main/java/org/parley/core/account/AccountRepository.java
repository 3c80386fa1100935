package org.parley.core.account;

import java.util.List;
import java.util.Optional;
import org.parley.core.account.internal.AccountEntity;

/** Storage of staff accounts, implemented in {@code infrastructure.persistence}. */
public interface AccountRepository {
    Optional<AccountEntity> byUsername(String username);

    Optional<AccountEntity> byId(long id);

    List<AccountEntity> all();

    void add(AccountEntity account);

    long count();
}
