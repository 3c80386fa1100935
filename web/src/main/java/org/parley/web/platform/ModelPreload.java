package org.parley.web.platform;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.parley.moderation.civility.CivilityScorer;
import org.parley.moderation.civility.Languages;

/**
 * Loads the civility models (the shipped model with its sentence encoder on ONNX Runtime, and
 * Lingua's language models) on a background thread from the start of the deployment: the first
 * thing of Parley's that runs, as CDI begins its bean discovery. Payara deploys on one thread
 * ({@code org.glassfish.startupThreadPolicy=USE_NO_THREADS}), so the load runs on the otherwise idle
 * second core while Weld, the web container, Flyway and Hibernate start.
 *
 * <p>Nothing waits on this class: {@link ParleyRuntime#open()} asks for the same shared models
 * ({@link CivilityScorer#loadDefault()}, {@link Languages#warmUp()}), which block until the load
 * under way has finished, or load them themselves if it failed. So the runtime opens, and
 * {@code /health/ready} says UP, only once a comment can be screened with every stage; a failed load
 * here is logged and surfaces again, as a failed deployment, when the runtime opens.
 */
public class ModelPreload implements Extension {

    private static final Logger LOG = Logger.getLogger(ModelPreload.class.getName());

    void start(@Observes BeforeBeanDiscovery ignored) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Thread thread = new Thread(ModelPreload::load, "parley-model-preload");
        thread.setContextClassLoader(loader);
        thread.setDaemon(true);
        thread.start();
    }

    private static void load() {
        long started = System.nanoTime();
        try {
            CivilityScorer.loadDefault();
            Languages.warmUp();
            LOG.info(() -> "Parley: civility models loaded in the background in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(
                    Level.WARNING,
                    "Parley: loading the civility models in the background failed; the start retries",
                    e);
        }
    }
}
