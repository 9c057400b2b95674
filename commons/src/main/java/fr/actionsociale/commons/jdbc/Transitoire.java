package fr.actionsociale.commons.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure came from the database going away or giving up on the transaction (rolled back whole), not from the
 * request or the event: the same work done again can succeed. Class 08 (connection lost), 57P01-03 (shut down or
 * restarting, as when PostgreSQL restarts under load), 57014 (statement cancelled: the transaction outlived its timeout
 * waiting for a lock), 53300 (too many connections), 40001 and 40P01 (serialization failure, deadlock).
 */
public final class Transitoire {

    private Transitoire() {
    }

    public static boolean etat(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("57014")
                || sqlState.equals("53300") || sqlState.equals("40001") || sqlState.equals("40P01"));
    }

    /** This exception itself, not its causes. */
    public static boolean est(Throwable t) {
        return t instanceof JDBCConnectionException || t instanceof SQLTransientException || t instanceof SQLException s && etat(s.getSQLState());
    }

    /**
     * No such database or table (3D000, 42P01), in this exception or its causes: the database was dropped or recreated under a
     * running service. For a request that stays an internal error; for an event it is never the event's fault, so a consumer
     * waits for the database instead of parking the event (parked, every such event was missing from the projection: seen by
     * suite verifier on a database recreated under running services).
     */
    public static boolean baseAbsente(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("3D000".equals(s.getSQLState()) || "42P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * This exception or one of its causes, or of the exceptions they suppressed: a commit that fails because PostgreSQL is
     * restarting reaches us as a RollbackException whose XAException (57P01) is only suppressed, and was answered 500 instead
     * of 503 (suite chaos, 2026-12-02).
     */
    public static boolean cause(Throwable e) {
        return cause(e, 0);
    }

    private static boolean cause(Throwable e, int profondeur) {
        for (Throwable t = e; t != null && profondeur < 20; t = t.getCause(), profondeur++) {
            if (est(t)) {
                return true;
            }
            for (Throwable s : t.getSuppressed()) {
                if (cause(s, profondeur + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
