package org.parley.core.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.core.ConflictException;
import org.parley.core.NotFoundException;
import org.parley.core.review.Actor;
import org.parley.core.review.DecisionAction;
import org.parley.core.review.internal.AuditLog;
import org.parley.core.site.internal.SiteEntity;
import org.parley.core.support.Require;
import org.parley.core.unitofwork.UnitOfWork;

/**
 * Creates, updates and reads sites. Thread-safe; every method is one transaction. Obtain it from
 * {@code ParleyCore.sites()}.
 *
 * <p>{@link #get} and {@link #find} answer from a snapshot kept in memory (every request names its
 * site, most more than once), read from the database the first time. Only this service changes a
 * site; each change drops the snapshot after it commits and tells the {@link #onChange} listeners,
 * so that an application running several instances can have the others {@link #forget} it.
 */
public final class SiteService {
    private final UnitOfWork work;
    private final ConcurrentMap<String, Site> snapshots = new ConcurrentHashMap<>();
    /** Bumped before every {@link #forget}, so a read that raced a change never keeps what it read. */
    private final AtomicLong generation = new AtomicLong();

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    public SiteService(UnitOfWork work) {
        this.work = work;
    }

    /** Creates a site; {@link ConflictException} ({@code conflict.duplicate-key}) if the key is taken. */
    public Site create(SiteDraft draft) {
        return changed(work.write(r -> {
            if (r.sites().byKey(draft.key()).isPresent()) {
                throw new ConflictException(ConflictException.DUPLICATE_KEY, "site " + draft.key() + " already exists");
            }
            SiteEntity site = new SiteEntity(draft, r.now());
            r.sites().add(site);
            return site.toSite();
        }));
    }

    /** Replaces name, origins, mode and settings of the site with {@code draft.key()}. */
    public Site update(SiteDraft draft) {
        return changed(work.write(r -> {
            SiteEntity site = r.sites().require(draft.key());
            site.apply(draft);
            return site.toSite();
        }));
    }

    /**
     * Changes what {@code change} names, in one transaction, and records who changed what in the
     * site's audit log: one {@link DecisionAction#SITE_SETTINGS} record listing each changed
     * setting as {@code name: old → new}, and one {@link DecisionAction#SITE_POLICY} record with the
     * change's policy note when the screening policy changed. A change that changes nothing
     * records nothing.
     */
    public Site change(String key, SiteChange change, Actor by) {
        Require.present("change", change);
        Require.present("by", by);
        return changed(work.write(r -> {
            SiteEntity site = r.sites().require(key);
            Site before = site.toSite();
            List<String> changed = new ArrayList<>();
            if (change.name() != null && !change.name().equals(before.name())) {
                changed.add("name: " + before.name() + " → " + change.name());
                site.setName(change.name());
            }
            if (change.moderationMode() != null && change.moderationMode() != before.moderationMode()) {
                changed.add("moderationMode: " + before.moderationMode() + " → " + change.moderationMode());
                site.setModerationMode(change.moderationMode());
            }
            if (change.settings() != null && !change.settings().equals(before.settings())) {
                describe(before.settings(), change.settings(), changed);
                site.setSettings(change.settings());
            }
            if (change.articleRegistration() != null && change.articleRegistration() != before.articleRegistration()) {
                changed.add("articleRegistration: "
                        + (before.articleRegistration() == null ? "configured" : before.articleRegistration()) + " → "
                        + change.articleRegistration());
                site.setArticleRegistration(change.articleRegistration());
            }
            if (!changed.isEmpty()) {
                AuditLog.site(r, site.id(), DecisionAction.SITE_SETTINGS, by, note(String.join("; ", changed)));
            }
            if (change.screeningPolicy() != null && !change.screeningPolicy().equals(before.screeningPolicy())) {
                site.setScreeningPolicy(change.screeningPolicy());
                AuditLog.site(
                        r,
                        site.id(),
                        DecisionAction.SITE_POLICY,
                        by,
                        note(
                                change.policyNote() == null
                                                || change.policyNote().isBlank()
                                        ? "screening policy: " + change.screeningPolicy()
                                        : change.policyNote()));
            }
            return site.toSite();
        }));
    }

    private static void describe(SiteSettings a, SiteSettings b, List<String> changed) {
        if (a.allowGuests() != b.allowGuests()) {
            changed.add("allowGuests: " + a.allowGuests() + " → " + b.allowGuests());
        }
        if (!a.editWindow().equals(b.editWindow())) {
            changed.add("editWindowSeconds: " + a.editWindow().toSeconds() + " → "
                    + b.editWindow().toSeconds());
        }
        if (a.maxDepth() != b.maxDepth()) {
            changed.add("maxDepth: " + a.maxDepth() + " → " + b.maxDepth());
        }
        if (a.allowImages() != b.allowImages()) {
            changed.add("allowImages: " + a.allowImages() + " → " + b.allowImages());
        }
        if (a.maxBodyLength() != b.maxBodyLength()) {
            changed.add("maxBodyLength: " + a.maxBodyLength() + " → " + b.maxBodyLength());
        }
    }

    /** The audit log's note column holds 2,000 characters. */
    private static String note(String text) {
        if (text.length() <= 2000) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(1998)) ? 1998 : 1999;
        return text.substring(0, end) + "…";
    }

    /** The site, or {@link org.parley.core.NotFoundException}. */
    public Site get(String key) {
        return find(key).orElseThrow(() -> new NotFoundException("site", key));
    }

    public Optional<Site> find(String key) {
        if (key == null) {
            return work.read(r -> r.sites().byKey(null).map(SiteEntity::toSite));
        }
        Site known = snapshots.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        long before = generation.get();
        Optional<Site> site = work.read(r -> r.sites().byKey(key).map(SiteEntity::toSite));
        site.ifPresent(s -> {
            snapshots.put(key, s);
            if (generation.get() != before) {
                snapshots.remove(key, s); // a change committed meanwhile: what was read may be older
            }
        });
        return site;
    }

    /**
     * Runs {@code listener} with a site's key after each change to it commits here (a cluster
     * tells its other instances to {@link #forget} the site).
     */
    public void onChange(Consumer<String> listener) {
        listeners.add(Require.present("listener", listener));
    }

    /** Drops the snapshot of site {@code key}: it changed elsewhere (another instance of a cluster). */
    public void forget(String key) {
        generation.incrementAndGet();
        snapshots.remove(key);
    }

    /** Drops every snapshot (changes elsewhere may have been missed). */
    public void forgetAll() {
        generation.incrementAndGet();
        snapshots.clear();
    }

    private Site changed(Site site) {
        forget(site.key());
        for (Consumer<String> listener : listeners) {
            listener.accept(site.key());
        }
        return site;
    }

    /** Every site, by key. */
    public List<Site> list() {
        return work.read(r -> r.sites().all().stream().map(SiteEntity::toSite).toList());
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
        return changed(work.write(r -> {
            SiteEntity site = r.sites().require(key);
            Set<String> origins = new HashSet<>(site.origins());
            if (allow) {
                origins.add(normalised);
            } else {
                origins.remove(normalised);
            }
            site.setOrigins(origins);
            return site.toSite();
        }));
    }

    /** Whether the site exists and allows {@code origin}. */
    public boolean allowsOrigin(String key, String origin) {
        return find(key).map(s -> s.allowsOrigin(origin)).orElse(false);
    }
}
