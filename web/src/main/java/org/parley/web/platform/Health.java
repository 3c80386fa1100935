package org.parley.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.parley.moderation.civility.Languages;
import org.parley.web.cluster.Grid;

/**
 * MicroProfile Health checks under {@code /health}: ready when the runtime is open and the
 * database answers a query; live while the runtime has not been closed. Readiness also reports
 * the data grid (how many members this instance sees, 1 without a cluster) and the civility
 * model's stages.
 */
public final class Health {

    private Health() {}

    /** Readiness: the database answers. */
    @Readiness
    @ApplicationScoped
    public static class Database implements HealthCheck {
        @Inject
        ParleyRuntime runtime;

        @Override
        public HealthCheckResponse call() {
            if (!runtime.isOpen()) {
                return HealthCheckResponse.named("database")
                        .down()
                        .withData("reason", "not started")
                        .build();
            }
            try {
                int sites = runtime.core().sites().list().size();
                return HealthCheckResponse.named("database")
                        .up()
                        .withData("sites", sites)
                        .build();
            } catch (RuntimeException e) {
                return HealthCheckResponse.named("database")
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build();
            }
        }
    }

    /** Readiness data: the cluster this instance belongs to (always up: one instance alone serves). */
    @Readiness
    @ApplicationScoped
    public static class Cluster implements HealthCheck {
        @Inject
        Grid grid;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("cluster")
                    .up()
                    .withData("grid", grid.hazelcast().isPresent())
                    .withData("members", grid.members())
                    .build();
        }
    }

    /**
     * Readiness data: which stages the civility model runs with (the semantic stage needs the
     * sentence encoder in the WAR) and whether comments' languages are detected (Lingua). Always
     * up: without them comments are still screened, by the lexical stage and as English.
     */
    @Readiness
    @ApplicationScoped
    public static class Civility implements HealthCheck {
        @Inject
        ParleyRuntime runtime;

        @Override
        public HealthCheckResponse call() {
            var check = HealthCheckResponse.named("civility").up().withData("languageDetection", Languages.available());
            if (runtime.isOpen()) {
                check.withData("semanticStage", runtime.scorer().semantic());
            }
            return check.build();
        }
    }

    /** Liveness: the application is started. */
    @Liveness
    @ApplicationScoped
    public static class Started implements HealthCheck {
        @Inject
        ParleyRuntime runtime;

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("parley").status(runtime.isOpen()).build();
        }
    }
}
