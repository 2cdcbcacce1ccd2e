package org.owlet.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/**
 * Whether a failure means "the database cannot be reached right now" (stopped, restarting, network cut), as opposed to
 * a bug: the request did nothing and may be sent again once the database is back. The pool (Agroal, with PostgreSQL's
 * exception sorter) drops the broken connections by itself, and the readiness probe reports the database down
 * meanwhile; {@link ErrorPages} answers 503 with a Retry-After instead of a 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** True when {@code e} or one of its causes reports a lost or refused database connection. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pool (Agroal) gave up waiting for a connection: the database hangs, or every connection is busy. Agroal reports
     * it with a plain SQLException carrying only this message.
     */
    static boolean isPoolTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null && e.getMessage().startsWith(AGROAL_ACQUISITION_TIMEOUT);
    }

    static final String AGROAL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed) and PostgreSQL's 57P01–57P03 (the server is
     * shutting down, crashed, or cannot accept connections yet while it recovers).
     */
    static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }
}
