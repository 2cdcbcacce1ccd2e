package org.owlet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as "the database cannot be reached" (503), and that the page saying so needs no database. */
class DatabaseUnavailableTest {

    @Test
    void lostOrRefusedConnectionsAreAnOutageWhereverTheyAreWrapped() {
        assertThat(DatabaseUnavailable.causedBy(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("commit failed",
                new PersistenceException(new SQLException("An I/O error occurred while sending to the backend.", "08006"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("the database system is starting up", "57P03"))))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLTransientConnectionException("connection lost")))).isTrue();
        // what Agroal throws when no connection came within the acquisition timeout (the database hangs, or is overloaded)
        assertThat(DatabaseUnavailable.causedBy(new PersistenceException(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aConnectionLostWhileCommittingCountsWhenTheTransactionManagerOnlyKeptItAsSuppressed() {
        IllegalStateException rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(rollback))).isTrue();
        IllegalStateException other = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        other.addSuppressed(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(DatabaseUnavailable.causedBy(other)).isFalse();
    }

    @Test
    void otherDatabaseFailuresAreBugsNotOutages() {
        assertThat(DatabaseUnavailable.causedBy(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505"), "answer_question_unique"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new RuntimeException(new SQLException("no state")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("secret internal detail"))).isFalse();
    }

    @Test
    void theSavedLanguageIsSkippedWhileTheDatabaseIsAwayButOtherFailuresStillSurface() {
        PreferredLanguage away = () -> {
            throw new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("refused", "08001"));
        };
        assertThat(LocaleResolver.savedBy(away)).isEmpty();
        assertThat(LocaleResolver.savedBy(() -> Optional.of("vi"))).contains("vi");
        PreferredLanguage broken = () -> {
            throw new IllegalStateException("a bug");
        };
        assertThatThrownBy(() -> LocaleResolver.savedBy(broken)).hasMessage("a bug");
    }
}
