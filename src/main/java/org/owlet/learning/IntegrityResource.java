package org.owlet.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.owlet.catalog.CatalogService;
import org.owlet.catalog.model.Course;
import org.owlet.web.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * "Integrity" for coalition admins (beside the course review): how learners who never look at the question fare in
 * every final and refresher ({@link BlindGuessers}, 2,000 simulated attempts per strategy, fixed seed). Computed on
 * request, once per course version (cached by content hash), never at start-up. Access: coalition admins
 * (application.properties, "Roles": /review/*).
 */
@RolesAllowed(Roles.COALITION_ADMIN)
@Path("/review/integrity")
@Produces(MediaType.TEXT_HTML)
public class IntegrityResource {

    static final int ATTEMPTS = 2000;

    static final long SEED = 20261207L;

    /** A table row as the page shows it; {@code strategy} and {@code assessment} are message-key suffixes. */
    public record Line(String course, String assessment, String strategy, int meanPercent, double passPercent, boolean overLimit) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance integrity(List<Line> lines, int attempts, long seed);
    }

    @Inject
    CatalogService catalog;

    @Inject
    LearnPages pages;

    private final Map<String, List<BlindGuessers.Row>> cache = new ConcurrentHashMap<>();

    @GET
    public TemplateInstance integrity() {
        List<Line> lines = new ArrayList<>();
        for (Course course : catalog.courses()) {
            String title = course.title().in(pages.lang());
            for (BlindGuessers.Row row : cache.computeIfAbsent(course.contentHash(),
                    hash -> BlindGuessers.simulate(course, ATTEMPTS, SEED))) {
                lines.add(new Line(title, row.assessment(), key(row.strategy()), (int) Math.round(100 * row.meanScore()),
                        Math.round(1000 * row.passRate()) / 10.0, row.passRate() > 0.01));
            }
        }
        return Templates.integrity(lines, ATTEMPTS, SEED);
    }

    /** "same decision for the same prompt" → "same_decision_for_the_same_prompt". */
    static String key(String strategy) {
        return strategy.toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
