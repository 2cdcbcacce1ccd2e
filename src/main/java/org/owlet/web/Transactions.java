package org.owlet.web;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * One user action, one transaction, retried a few times when a concurrent writer won a race the database decided:
 * a violation of one of the named unique constraints (e.g. two first answers to the same card at once) or a lost
 * optimistic lock. Any other failure is rethrown at once. A retry sees what the winner committed.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    /** Tries per action: enough for a burst of identical requests, bounded so a bug cannot loop. */
    static final int TRIES = 6;

    private Transactions() {
    }

    /** Runs {@code work} in a new transaction, again (up to {@link #TRIES} times) after a race on {@code constraints}. */
    public static <T> T retrying(Set<String> constraints, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !(isViolationOf(e, constraints) || isLockConflict(e))) {
                    throw e;
                }
                LOG.debugf("retrying after a concurrent write (%s), try %d", e, attempt + 1);
            }
        }
    }

    /**
     * Whether {@code e} (or a cause) is Hibernate's report of a violation of one of {@code constraints}, matched by the
     * constraint's name. Databases decorate the name (H2 reports the index, e.g. {@code PUBLIC.ANSWER_QUESTION_UNIQUE_INDEX_7
     * ON ...}), so the name is looked for inside what the driver reported, ignoring case.
     */
    public static boolean isViolationOf(Throwable e, Set<String> constraints) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String reported = violation.getConstraintName().toLowerCase(Locale.ROOT);
                return constraints.stream().anyMatch(name -> reported.contains(name.toLowerCase(Locale.ROOT)));
            }
        }
        return false;
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException || t instanceof PessimisticLockException
                    || t instanceof LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }
}
