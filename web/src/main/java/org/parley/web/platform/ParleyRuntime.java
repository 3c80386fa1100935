package org.parley.web.platform;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.parley.core.CoreConfig;
import org.parley.core.ParleyCore;
import org.parley.core.site.Site;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.screening.Screener;
import org.parley.moderation.screening.SitePolicy;
import org.parley.moderation.screening.TokenBucketRateLimiter;
import org.parley.web.cluster.Grid;
import org.parley.web.cluster.GridBuckets;
import org.parley.web.cluster.GridIdempotency;
import org.parley.web.cluster.GridRecentTexts;
import org.parley.web.cluster.GridStaffSessions;
import org.parley.web.cluster.Signals;
import org.parley.web.security.Idempotency;
import org.parley.web.security.IdempotencyStore;
import org.parley.web.security.RateLimiter;
import org.parley.web.security.ReaderTokens;
import org.parley.web.security.StaffSessions;

/**
 * The application's long-lived parts, opened once: core on the configured database (H2 file in the
 * data folder unless {@code parley.db.url} names PostgreSQL), the screening pipeline with the
 * shipped civility model, the site policy, and the reader-token key. Rate limits, idempotency
 * replays and recent texts live on Payara's data grid when it runs ({@link Grid}), else in this
 * instance's memory. Closed with the application.
 */
@ApplicationScoped
public class ParleyRuntime {

    private static final Logger LOG = Logger.getLogger(ParleyRuntime.class.getName());

    @Inject
    Settings settings;

    @Inject
    Grid grid;

    @Inject
    Signals signals;

    /** Signalled with a site's key when it changed on some instance (its snapshot is dropped everywhere). */
    static final String SITE_CHANGED = "site-changed";

    private volatile State state;

    private record State(
            ParleyCore core,
            CivilityScorer scorer,
            Screener screener,
            SitePolicies policies,
            ReaderTokens tokens,
            RateLimiter limiter,
            Idempotency idempotency,
            RecentTexts recentTexts,
            StaffSessions staffSessions,
            Clock clock) {}

    /** Opens everything; idempotent. Called by {@link Bootstrap} at deployment. */
    public synchronized void open() {
        if (state != null) {
            return;
        }
        Clock clock = Clock.systemUTC();
        settings.trustedProxies(); // a bad proxy count stops the start, not every request
        Path data = settings.dataDir();
        DataFolder.prepare(data);
        CoreConfig config = settings.dbUrl()
                .map(url -> CoreConfig.jdbc(url, settings.dbUser(), settings.dbPassword()))
                .orElseGet(() -> h2File(data))
                .withMaxPoolSize(settings.dbPoolSize());
        LOG.info(() -> "Parley: opening " + config);
        ParleyCore core = ParleyCore.open(config);
        // sites are read from memory (SiteService); a change on any instance drops them on every one
        core.sites().onChange(key -> signals.send(SITE_CHANGED, key));
        signals.on(SITE_CHANGED, args -> core.sites().forget(args.get(0)));
        signals.on(Signals.MEMBERS, args -> core.sites().forgetAll());
        CivilityScorer scorer = CivilityScorer.loadDefault();
        SitePolicy policy = settings.policyFile().map(ParleyRuntime::readPolicy).orElseGet(SitePolicy::defaults);
        HazelcastInstance hazelcast = grid.hazelcast().orElse(null);
        RecentTexts recent = hazelcast == null ? new RecentTexts() : new GridRecentTexts(hazelcast);
        GridBuckets buckets = hazelcast == null ? null : new GridBuckets(hazelcast, clock);
        Screener screener =
                Screener.create(scorer, recent, buckets == null ? TokenBucketRateLimiter.withClock(clock) : buckets);
        Idempotency idempotency = hazelcast == null ? new IdempotencyStore(clock) : new GridIdempotency(hazelcast);
        state = new State(
                core,
                scorer,
                screener,
                new SitePolicies(policy),
                new ReaderTokens(tokenSecret(data)),
                buckets == null ? new RateLimiter(clock) : new RateLimiter(buckets, clock),
                idempotency,
                recent,
                hazelcast == null ? new StaffSessions.Local(clock) : new GridStaffSessions(hazelcast),
                clock);
    }

    @PreDestroy
    synchronized void close() {
        if (state != null) {
            state.core().close();
            state = null;
        }
    }

    private State state() {
        State s = state;
        if (s == null) {
            throw new IllegalStateException("Parley is not started");
        }
        return s;
    }

    public boolean isOpen() {
        return state != null;
    }

    public ParleyCore core() {
        return state().core();
    }

    public CivilityScorer scorer() {
        return state().scorer();
    }

    public Screener screener() {
        return state().screener();
    }

    /** The installation's screening policy; comments are screened under {@link #policyFor(Site)}. */
    public SitePolicy policy() {
        return state().policies().installation();
    }

    /** The screening policy of {@code site}: its stored settings over the installation's policy. */
    public SitePolicy policyFor(Site site) {
        return state().policies().forSite(site);
    }

    /** Where site settings and the installation's policy are resolved into screening policies. */
    public SitePolicies policies() {
        return state().policies();
    }

    public ReaderTokens tokens() {
        return state().tokens();
    }

    public RateLimiter limiter() {
        return state().limiter();
    }

    public Idempotency idempotency() {
        return state().idempotency();
    }

    public RecentTexts recentTexts() {
        return state().recentTexts();
    }

    /** Signed-in staff sessions: on the data grid when Payara runs one, else in memory. */
    public StaffSessions staffSessions() {
        return state().staffSessions();
    }

    public Clock clock() {
        return state().clock();
    }

    private static SitePolicy readPolicy(Path file) {
        try {
            return SitePolicy.fromJson(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
    }

    /** The H2 database in the data folder; its file is created owner-only before H2 opens it. */
    private static CoreConfig h2File(Path data) {
        try {
            DataFolder.createOwnerOnly(data.resolve("parley.mv.db"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file in " + data, e);
        }
        return CoreConfig.h2File(data.resolve("parley"));
    }

    /** The configured secret, or one generated once into the data folder (created readable by the owner only). */
    private byte[] tokenSecret(Path data) {
        if (settings.tokenSecret().isPresent()) {
            return settings.tokenSecret().get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = data.resolve("token-secret");
        try {
            DataFolder.createOwnerOnly(file);
            String secret = Files.readString(file).strip();
            if (secret.isEmpty()) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                secret = HexFormat.of().formatHex(random);
                Files.writeString(file, secret);
            }
            return secret.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
