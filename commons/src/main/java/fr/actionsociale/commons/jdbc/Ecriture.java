package fr.actionsociale.commons.jdbc;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * One INSERT or UPDATE run on the current transaction's JDBC connection, for the statements an event consumer repeats per
 * event. Hibernate queues a cache clean-up action for every native statement until the transaction ends: a rebuild that
 * replays two million events in one transaction ran budget-service out of heap with them (found by the fuzzing).
 */
public final class Ecriture {

    private Ecriture() {
    }

    /** @param sql with {@code ?} placeholders, in the order of the values */
    public static int executer(EntityManager em, String sql, Object... valeurs) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < valeurs.length; i++) {
                    ps.setObject(i + 1, valeurs[i] instanceof Instant instant ? Timestamp.from(instant) : valeurs[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
