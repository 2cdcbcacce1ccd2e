package org.owlet.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import javax.sql.DataSource;

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

    /** True when {@code e} or one of its causes (or suppressed exceptions) reports a lost or refused database connection. */
    public static boolean causedBy(Throwable e) {
        return causedBy(e, 0);
    }

    private static boolean causedBy(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) { // e.g. what the transaction manager met while committing
                if (causedBy(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the database cannot be reached right now: asked only after a request failed for a reason that names no
     * connection (a transaction manager may report a commit that died with the connection as a bare rollback).
     */
    public static boolean unreachable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return !connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
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
