package org.parley.core.infrastructure.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hibernate.Session;

/** Small helpers over JPQL and native SQL used by the repositories. */
final class Queries {
    /** Largest IN list sent at once; longer lists are split. */
    private static final int CHUNK = 500;

    private final EntityManager em;

    Queries(EntityManager em) {
        this.em = em;
    }

    <T> TypedQuery<T> jpql(String query, Class<T> type, Object... params) {
        TypedQuery<T> q = em.createQuery(query, type);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        return q;
    }

    <T> Optional<T> first(String query, Class<T> type, Object... params) {
        return list(query, type, 1, params).stream().findFirst();
    }

    /**
     * At most {@code limit} results. The limit is written into the query text rather than set with
     * {@code setMaxResults}, so Hibernate reuses its cached SQL translation of the query.
     */
    <T> List<T> list(String query, Class<T> type, int limit, Object... params) {
        return jpql(query + " limit " + limit, type, params).getResultList();
    }

    <T> List<T> all(String query, Class<T> type, Object... params) {
        return jpql(query, type, params).getResultList();
    }

    long count(String query, Object... params) {
        Long n = jpql(query, Long.class, params).getSingleResult();
        return n == null ? 0 : n;
    }

    int jpqlUpdate(String query, Object... params) {
        var q = em.createQuery(query);
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
        return q.executeUpdate();
    }

    /** A native statement with positional parameters ?1, ?2, ... */
    int sqlUpdate(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.executeUpdate();
    }

    Object sqlSingle(String sql, Object... params) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return q.getSingleResult();
    }

    /** Loads entities by id in batches (Hibernate's multi-load, no query text), as a map. */
    <K, T> Map<K, T> byIds(Class<T> type, Collection<K> ids, Function<T, K> idOf) {
        Map<K, T> result = new HashMap<>();
        List<K> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<K> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            for (T t : em.unwrap(Session.class)
                    .byMultipleIds(type)
                    .enableSessionCheck(true)
                    .multiLoad(chunk)) {
                if (t != null) {
                    result.put(idOf.apply(t), t);
                }
            }
        }
        return result;
    }
}
