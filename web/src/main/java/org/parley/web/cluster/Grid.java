package org.parley.web.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Payara's Hazelcast member, when the server runs with its data grid ({@code --clustername ...},
 * no {@code --nohazelcast}). Looked up once; absent when Payara started without Hazelcast, in
 * which case every cluster-wide store falls back to this instance's memory.
 */
@ApplicationScoped
public class Grid {

    /** Where Payara binds its Hazelcast instance. */
    static final String JNDI_NAME = "payara/Hazelcast";

    private static final Logger LOG = Logger.getLogger(Grid.class.getName());

    private HazelcastInstance hazelcast;

    @PostConstruct
    void find() {
        try {
            Object found = new InitialContext().lookup(JNDI_NAME);
            if (found instanceof HazelcastInstance h && h.getLifecycleService().isRunning()) {
                hazelcast = h;
            }
        } catch (NamingException | RuntimeException | LinkageError e) {
            hazelcast = null;
        }
        LOG.info(() -> hazelcast == null
                ? "Parley: no data grid (Payara runs without Hazelcast); limits, replays and live updates are per instance"
                : "Parley: cluster state on Payara's data grid, cluster '"
                        + hazelcast.getConfig().getClusterName() + "', "
                        + hazelcast.getCluster().getMembers().size() + " member(s)");
    }

    /** The running data-grid member, if Payara has one. */
    public Optional<HazelcastInstance> hazelcast() {
        return Optional.ofNullable(hazelcast)
                .filter(h -> h.getLifecycleService().isRunning());
    }

    /** Members of the cluster this instance belongs to (1 without the grid). */
    public int members() {
        return hazelcast().map(h -> h.getCluster().getMembers().size()).orElse(1);
    }
}
