package org.parley.web.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Optional;
import org.parley.web.security.StaffSessions;

/**
 * Staff sessions on the data grid: a moderator signed in on one instance is signed in on every
 * other, survives the loss of the instance that created the session (one backup on another
 * member), and a sign-out anywhere ends the session everywhere. Entries are strings
 * ({@link StaffSessions.Session#encode()}), evicted after {@link StaffSessions#IDLE} unused.
 */
public final class GridStaffSessions implements StaffSessions {

    static final String MAP = "parley.staff-sessions";

    private final IMap<String, String> sessions;

    public GridStaffSessions(HazelcastInstance hazelcast) {
        this.sessions = GridMaps.map(hazelcast, MAP, (int) IDLE.toSeconds());
    }

    @Override
    public String create(Session session) {
        String id = StaffSessions.newId();
        sessions.set(id, session.encode());
        return id;
    }

    @Override
    public Optional<Session> find(String id) {
        return Optional.ofNullable(sessions.get(id)).map(Session::decode);
    }

    @Override
    public void replace(String id, Session session) {
        sessions.replace(id, session.encode());
    }

    @Override
    public void remove(String id) {
        sessions.delete(id);
    }
}
