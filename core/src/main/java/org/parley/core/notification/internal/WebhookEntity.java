package org.parley.core.notification.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.parley.core.notification.Webhook;

/** Persistent state of a webhook. Not part of the API: use {@code NotificationService}. */
@Entity
@Table(name = "webhook")
public class WebhookEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "site_id", nullable = false)
    private long siteId;

    @Column(nullable = false, length = 2000)
    private String url;

    @Column(nullable = false, length = 1000)
    private String events;

    @Column(nullable = false, length = 200)
    private String secret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean enabled = true;

    protected WebhookEntity() {}

    public WebhookEntity(long siteId, String url, Set<String> events, String secret, Instant now) {
        this.siteId = siteId;
        this.url = url;
        this.events = String.join(",", events);
        this.secret = secret;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public long siteId() {
        return siteId;
    }

    public String url() {
        return url;
    }

    public String secret() {
        return secret;
    }

    public Set<String> events() {
        return new LinkedHashSet<>(Arrays.asList(events.split(",")));
    }

    /** Whether a new event of {@code type} is delivered to this hook: it asked for it and is enabled. */
    public boolean wants(String type) {
        return enabled && events().contains(type);
    }

    public void setEnabled(boolean value) {
        this.enabled = value;
    }

    public Webhook toWebhook(String siteKey) {
        return new Webhook(id, siteKey, url, events(), enabled, createdAt);
    }
}
