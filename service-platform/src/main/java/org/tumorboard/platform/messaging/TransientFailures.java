package org.tumorboard.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Tells failures that will pass by themselves (the database is restarting, a deadlock, a lost connection)
 * from those that will not (a bad payload, a broken rule). The first are retried; the second are dead-lettered.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof LockAcquisitionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSqlState(sql.getSQLState())) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("acquisition timeout")) {
                // Agroal could not hand out a connection in time: the database is unreachable or saturated.
                return true;
            }
        }
        return false;
    }

    /**
     * The database refuses new connections for lack of slots (SQLSTATE 53300: the role's connection limit or the
     * server's max_connections). Not a failure that passes by itself: the pools of the replicas running exceed what the
     * database allows, which an operator must fix; retried a few times, then the service says so (issue 24, item 5).
     */
    public static boolean isConnectionLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && TOO_MANY_CONNECTIONS.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static final String TOO_MANY_CONNECTIONS = "53300";

    /** 08: connection exceptions; 53: insufficient resources; 57P: operator intervention (shutdown); 40: rollbacks. */
    private static boolean isTransientSqlState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("40001") || state.equals("40P01"));
    }
}
