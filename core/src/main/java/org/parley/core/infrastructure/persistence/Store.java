package org.parley.core.infrastructure.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.StaleStateException;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.parley.core.ConflictException;
import org.parley.core.ParleyException;
import org.parley.core.account.internal.AccountEntity;
import org.parley.core.article.internal.ArticleEntity;
import org.parley.core.article.internal.ArticleUrlEntity;
import org.parley.core.author.internal.AuthorEntity;
import org.parley.core.author.internal.AuthorRoleEntity;
import org.parley.core.comment.internal.CommentEntity;
import org.parley.core.comment.internal.ReactionEntity;
import org.parley.core.comment.internal.RevisionEntity;
import org.parley.core.notification.internal.CommentSubscriptionEntity;
import org.parley.core.notification.internal.DigestSubscriptionEntity;
import org.parley.core.notification.internal.MailConsentEntity;
import org.parley.core.notification.internal.OutboxEntity;
import org.parley.core.notification.internal.WebhookEntity;
import org.parley.core.porting.internal.ImportSourceEntity;
import org.parley.core.report.internal.ReportEntity;
import org.parley.core.review.internal.DecisionEntity;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.unitofwork.Repositories;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * The database behind one {@code ParleyCore}: a connection pool, the schema migrated by Flyway
 * before Hibernate starts, and Hibernate built programmatically (no {@code persistence.xml}, no
 * container, no thread-context class loader) with schema validation. Every unit of work is one
 * resource-local transaction; lost races surface as {@link ConflictException}.
 */
public final class Store implements UnitOfWork, AutoCloseable {
    private static final List<Class<?>> ENTITIES = List.of(
            SiteEntity.class,
            ArticleEntity.class,
            ArticleUrlEntity.class,
            AuthorEntity.class,
            AuthorRoleEntity.class,
            CommentEntity.class,
            RevisionEntity.class,
            ReactionEntity.class,
            ReportEntity.class,
            DecisionEntity.class,
            AccountEntity.class,
            ImportSourceEntity.class,
            WebhookEntity.class,
            OutboxEntity.class,
            MailConsentEntity.class,
            CommentSubscriptionEntity.class,
            DigestSubscriptionEntity.class);

    private final HikariDataSource dataSource;
    private final EntityManagerFactory factory;
    private final Clock clock;
    private final String nextCommentIdSql;
    /** Site ids by key, for {@link JpaSiteRepository}: keys never change and ids are never reused. */
    private final ConcurrentMap<String, Long> siteIds = new ConcurrentHashMap<>();

    public Store(String jdbcUrl, String user, String password, int poolSize, Clock clock) {
        this.clock = clock;
        ClassLoader loader = Store.class.getClassLoader();
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl.startsWith("jdbc:h2:") ? h2Url(jdbcUrl) : jdbcUrl);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("parley-core");
        pool.setAutoCommit(false);
        pool.setDriverClassName(jdbcUrl.startsWith("jdbc:h2:") ? "org.h2.Driver" : "org.postgresql.Driver");
        this.dataSource = new HikariDataSource(pool);
        try {
            Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            HibernatePersistenceConfiguration config = new HibernatePersistenceConfiguration("parley-core")
                    .managedClasses(ENTITIES)
                    .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(AvailableSettings.CLASSLOADERS, List.of(loader))
                    .property(AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "none")
                    .property(AvailableSettings.HBM2DDL_AUTO, "validate")
                    .property("hibernate.enhancer.enableDirtyTracking", "false")
                    .property("hibernate.enhancer.enableLazyInitialization", "false")
                    .property("hibernate.enhancer.enableAssociationManagement", "false")
                    .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true")
                    .property(AvailableSettings.STATEMENT_BATCH_SIZE, "50")
                    .property(AvailableSettings.ORDER_INSERTS, "true")
                    .property(AvailableSettings.ORDER_UPDATES, "true")
                    .property(AvailableSettings.DEFAULT_BATCH_FETCH_SIZE, "50")
                    .property(AvailableSettings.IN_CLAUSE_PARAMETER_PADDING, "true")
                    .property(AvailableSettings.QUERY_PLAN_CACHE_ENABLED, "true")
                    .property(AvailableSettings.QUERY_PLAN_CACHE_MAX_SIZE, "512");
            this.factory = config.createEntityManagerFactory();
            this.nextCommentIdSql = factory.unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices()
                    .getDialect()
                    .getSequenceSupport()
                    .getSequenceNextValString("comment_seq");
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * H2 settings this store relies on, unless the URL sets them itself. {@code WRITE_DELAY=0}: a
     * commit returns only after the MVStore has written the new version to the database file (the
     * default, 500 ms, leaves commits of the last half second in memory only, and a killed process
     * loses comments it had acknowledged). The file is written, not fsynced: a crash of the process
     * loses nothing acknowledged; a crash of the operating system can lose the last commits, never
     * the file's consistency (H2 keeps old chunks for {@code RETENTION_TIME}, 45 s).
     */
    static String h2Url(String jdbcUrl) {
        String upper = jdbcUrl.toUpperCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(jdbcUrl);
        if (!upper.contains(";QUERY_CACHE_SIZE=")) {
            url.append(";QUERY_CACHE_SIZE=256");
        }
        if (!upper.contains(";WRITE_DELAY=")) {
            url.append(";WRITE_DELAY=0");
        }
        return url.toString();
    }

    /** Runs {@code work} in a read-write transaction and commits it; nothing is written if it throws. */
    @Override
    public <T> T write(Function<Repositories, T> work) {
        return inTransaction(work, false);
    }

    /** Runs {@code work} in a read-only transaction. */
    @Override
    public <T> T read(Function<Repositories, T> work) {
        return inTransaction(work, true);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private <T> T inTransaction(Function<Repositories, T> work, boolean readOnly) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            if (readOnly) {
                Session session = em.unwrap(Session.class);
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
            }
            tx.begin();
            JpaRepositories repositories =
                    new JpaRepositories(em, clock.instant().truncatedTo(ChronoUnit.MICROS), nextCommentIdSql, siteIds);
            T result = work.apply(repositories);
            if (!readOnly) {
                em.flush();
            }
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                try {
                    tx.rollback();
                } catch (RuntimeException ignored) {
                    e.addSuppressed(ignored);
                }
            }
            throw translate(e);
        } finally {
            em.close();
        }
    }

    /** Lost races become {@link ConflictException}; everything else passes unchanged. */
    private static RuntimeException translate(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ParleyException) {
                return e;
            }
            if (t instanceof OptimisticLockException
                    || t instanceof StaleStateException
                    || t instanceof PessimisticLockException
                    || t instanceof LockAcquisitionException) {
                return new ConflictException(
                        ConflictException.CONCURRENT_UPDATE,
                        "someone else changed it at the same time; reload and try again",
                        e);
            }
            if (t instanceof ConstraintViolationException cve
                    && cve.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE) {
                return new ConflictException(
                        ConflictException.DUPLICATE_KEY, "already exists (" + cve.getConstraintName() + ")", e);
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return new ConflictException(
                        ConflictException.CONCURRENT_UPDATE,
                        "someone else changed it at the same time; reload and try again",
                        e);
            }
        }
        return e;
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            dataSource.close();
        }
    }
}
