package org.owlet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts the SQL statements Hibernate sends and the transactions begun while serving a request that carries the
 * header {@value #HEADER} (so a scheduled job running meanwhile is not counted). Statements sent outside Hibernate
 * (none in Owlet's request paths) would not be seen.
 */
@ApplicationScoped
@PersistenceUnitExtension
public class StatementCounter implements StatementInspector {

    public static final String HEADER = "X-Count-Statements";

    /** What one counted request did. */
    public record Counts(List<String> statements, int transactions) {

        public long writes() {
            return statements.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete") || s.startsWith("merge"))
                    .count();
        }

        @Override
        public String toString() {
            return statements.size() + " statements (" + writes() + " writes), " + transactions + " transactions:\n  "
                    + String.join("\n  ", statements);
        }
    }

    private final List<String> statements = new ArrayList<>();

    private int transactions;

    @Inject
    CurrentVertxRequest request;

    @Override
    public String inspect(String sql) {
        if (counted()) {
            synchronized (this) {
                statements.add(sql);
            }
        }
        return sql;
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (counted()) {
            synchronized (this) {
                transactions++;
            }
        }
    }

    private boolean counted() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext current = request.getCurrent();
        return current != null && current.request().getHeader(HEADER) != null;
    }

    /** Forgets what was counted so far. */
    public synchronized void reset() {
        statements.clear();
        transactions = 0;
    }

    /** What was counted since the last reset; resets. */
    public synchronized Counts take() {
        Counts counts = new Counts(List.copyOf(statements), transactions);
        reset();
        return counts;
    }
}
